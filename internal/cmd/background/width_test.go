package background

import (
	"testing"

	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/session/sessiontest"
)

// The session's text is wrapped to the terminal it is shown on: at 60
// columns no line is wider than 60 (it was 78 whatever the width, so a
// terminal broke words mid-way), at 120 the lines use the room up to a
// readable 100, and without a terminal they stay at 78.
func TestBackgroundWrapsToTheTerminal(t *testing.T) {
	sessiontest.EachWidth(t, func(t *testing.T, terminal int) string {
		env, buf := newFixture(t).Env(sessiontest.Stub(t, sessiontest.FullScript(session.Yes)...))
		env.IO.SetTerminalWidth(terminal)
		if _, err := Background(env, nil); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	})
}
