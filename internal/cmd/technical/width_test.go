package technical

import (
	"testing"

	"github.com/prepcli/prep/internal/session/sessiontest"
)

// The whole session, from the panel's intro and the track and scenario
// lists shown before any scenario is chosen to the follow-ups, is wrapped
// to the terminal (the lists before the choice were 78 columns wide in
// any terminal).
func TestTechnicalWrapsToTheTerminal(t *testing.T) {
	sessiontest.EachWidth(t, func(t *testing.T, terminal int) string {
		f := newTechFixture(t)
		env, out := f.Env(sessiontest.Stub(t, techScript(t, f.Pack)...))
		env.IO.SetTerminalWidth(terminal)
		if _, err := Technical(env, TechnicalOptions{}); err != nil {
			t.Fatal(err)
		}
		return out.String()
	})
}
