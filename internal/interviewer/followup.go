package interviewer

import (
	"strings"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/wording"
)

// Follow-up sources.
const (
	FromComponent = "component"
	FromDecision  = "decision"
)

// Followup is a question the interviewer asks about what an answer said.
type Followup struct {
	Question string
	From     string // FromComponent or FromDecision
	// About is the component's name, or the words of the decision.
	About string
	// Quote is the sentence of the answer that prompted it.
	Quote string
}

// Followups picks up to max questions (two or three in a session) from
// what the answer names and decides, alternating between the two the way
// an interviewer moves between "you said Kafka" and "why that, not the
// other": the components in the order the answer first names them, and
// the sentences where it weighs a choice (wording's Alternative and
// Weighing), each put through the next of the templates, where
// {decision} stands for the words of the decision and {sentence} for the
// whole sentence.
func Followups(answer string, components []pack.Component, templates []string, max int) []Followup {
	comps := componentsNamed(answer, components)
	decs := decisions(answer, templates)
	var out []Followup
	for i := 0; len(out) < max && (i < len(comps) || i < len(decs)); i++ {
		if i < len(comps) {
			out = append(out, comps[i])
		}
		if i < len(decs) && len(out) < max {
			out = append(out, decs[i])
		}
	}
	return out
}

// componentsNamed lists the components an answer names, by the position
// of the first sentence naming each; a component listed earlier in the
// bank wins within a sentence.
func componentsNamed(answer string, components []pack.Component) []Followup {
	var out []Followup
	used := map[string]bool{}
	for _, sent := range wording.Sentences(answer) {
		ws := Words(sent)
		for _, c := range components {
			if used[c.ID] || strings.TrimSpace(c.Question) == "" {
				continue
			}
			for _, w := range c.Words {
				if phraseOf(w).in(ws) {
					used[c.ID] = true
					out = append(out, Followup{Question: c.Question, From: FromComponent, About: c.Name, Quote: strings.TrimSpace(sent)})
					break
				}
			}
		}
	}
	return out
}

func decisions(answer string, templates []string) []Followup {
	if len(templates) == 0 {
		return nil
	}
	var out []Followup
	for _, sent := range wording.Sentences(answer) {
		f := wording.Read(sent)
		m := f.Alternative
		if !m.Found() {
			m = f.Weighing
		}
		if !m.Found() {
			continue
		}
		s := strings.TrimSpace(sent)
		t := templates[len(out)%len(templates)]
		q := strings.NewReplacer("{decision}", strings.TrimSpace(m.Words), "{sentence}", s).Replace(t)
		out = append(out, Followup{Question: q, From: FromDecision, About: strings.TrimSpace(m.Words), Quote: s})
	}
	return out
}
