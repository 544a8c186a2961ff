package culture

import (
	"testing"

	"github.com/prepcli/prep/internal/session/sessiontest"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/prompts/prompttest"
)

// A value story and the written update, with the check of a weak draft,
// the points it missed and the revision, are wrapped to the terminal.
func TestCultureWrapsToTheTerminal(t *testing.T) {
	t.Run("story", func(t *testing.T) {
		sessiontest.EachWidth(t, func(t *testing.T, terminal int) string {
			f := newFixture(t)
			p := prompttest.New(t)
			cultureScript(t, p, f.Pack, true)
			env, out := f.Env(p)
			env.IO.SetTerminalWidth(terminal)
			if _, err := Culture(env, CultureOptions{}); err != nil {
				t.Fatal(err)
			}
			return out.String()
		})
	})
	t.Run("written", func(t *testing.T) {
		sessiontest.EachWidth(t, func(t *testing.T, terminal int) string {
			f := newFixture(t)
			e := migrationSlip(t, f.Pack)
			p := prompttest.New(t)
			p.ExpectSelect("written.exercise", text.CleanLine(e.Title))
			p.ExpectText("written.update", weakUpdate)
			p.ExpectSelect("written.fix.0", "Move on")
			env, out := f.Env(p)
			env.IO.SetTerminalWidth(terminal)
			if _, err := Culture(env, CultureOptions{Part: PartWritten}); err != nil {
				t.Fatal(err)
			}
			return out.String()
		})
	})
}
