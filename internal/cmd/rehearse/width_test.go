package rehearse

import (
	"testing"

	"github.com/prepcli/prep/internal/record"
	"github.com/prepcli/prep/internal/session/sessiontest"
)

// The cue card and the report after a self-checked rehearsal are wrapped
// to the terminal, the report's heading included. Without a terminal
// each line is left whole, as prep check leaves its report.
func TestRehearseWrapsToTheTerminal(t *testing.T) {
	for _, w := range sessiontest.Widths {
		if w.Terminal == 0 {
			continue
		}
		t.Run(w.Name(), func(t *testing.T) {
			e := newEnv(t, true, record.Config{})
			e.opts.IO.SetTerminalWidth(w.Terminal)
			e.answer(t, "beat.0: yes\nbeat.1: yes\nbeat.2: no\nbeat.3: yes\nbeat.4: yes\nbeat.5: no\nbeat.6: yes\nbeat.7: yes\n")
			if err := Run(e.opts); err != nil {
				t.Fatal(err)
			}
			w.Check(t, e.out.String())
		})
	}
}
