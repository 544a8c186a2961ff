package background

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/session/sessiontest"
)

// The session's text is wrapped to the terminal it is shown on: at 60
// columns no line is wider than 60 (it was 78 whatever the width, so a
// terminal broke words mid-way), at 120 the lines use the room up to a
// readable 100, and without a terminal they stay at 78.
func TestBackgroundWrapsToTheTerminal(t *testing.T) {
	for _, tc := range []struct {
		terminal, widest int
		wider            bool // some line is wider than 78
	}{
		{terminal: 60, widest: 60},
		{terminal: 120, widest: 100, wider: true},
		{terminal: 0, widest: 78},
	} {
		f := newFixture(t)
		env, buf := f.Env(sessiontest.Stub(t, sessiontest.FullScript(session.Yes)...))
		env.IO.SetTerminalWidth(tc.terminal)
		if _, err := Background(env, nil); err != nil {
			t.Fatal(err)
		}
		most := 0
		for _, l := range strings.Split(buf.String(), "\n") {
			n := utf8.RuneCountInString(l)
			most = max(most, n)
			// A word longer than the line (a path) cannot be wrapped.
			if n > tc.widest && len(strings.Fields(l)) > 1 {
				t.Errorf("terminal %d: a line of %d columns, wider than %d:\n%s", tc.terminal, n, tc.widest, l)
			}
		}
		if tc.wider && most <= 78 {
			t.Errorf("terminal %d: the widest line is %d columns; the text is not wrapped to the terminal", tc.terminal, most)
		}
	}
}
