package culture

import (
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/text"
)

// exampleCommands are the commands that show the pack's worked examples
// of a kind, strong ones first, each with its title: what a session
// offers before the candidate writes an answer of that kind.
func exampleCommands(p *pack.Pack, kind string) [][2]string {
	var strong, weak [][2]string
	for _, e := range p.Examples {
		if e.Kind != kind {
			continue
		}
		cmd := [2]string{progname.Name() + " content show example/" + e.ID, text.CleanLine(e.Title)}
		if e.Strength == pack.Weak {
			weak = append(weak, cmd)
		} else {
			strong = append(strong, cmd)
		}
	}
	return append(strong, weak...)
}

// offerExamples points at the worked examples of a kind, once per run,
// before the candidate starts writing one.
func (c *culture) offerExamples(kind string) {
	cmds := exampleCommands(c.env.Pack, kind)
	if len(cmds) == 0 || !c.s.Once("examples."+kind) {
		return
	}
	c.s.Printf("\n%s\n", c.s.Wrap("Worked examples, a strong answer and a weak one, annotated with what an interviewer hears:", "", "  "))
	c.s.Next(cmds)
}
