package drill

import (
	"testing"

	"github.com/prepcli/prep/internal/session/sessiontest"
	"github.com/prepcli/prep/prompts/prompttest"
)

// A round's text, the guide, the cards, what an answer lacks, the
// story's text to compare with, the scale card's system and hints, is
// wrapped to the terminal (it was 78 columns wide in any terminal).
func TestDrillWrapsToTheTerminal(t *testing.T) {
	rounds := []struct {
		name   string
		script func(*testing.T) *prompttest.Stub
		opts   DrillOptions
	}{
		{"tradeoffs", tradeoffRound, tradeoffOptions},
		{"scale", scaleRound, scaleOptions},
	}
	for _, r := range rounds {
		t.Run(r.name, func(t *testing.T) {
			sessiontest.EachWidth(t, func(t *testing.T, terminal int) string {
				_, out, err := drillFixture(t).drillAt(terminal, r.script(t), r.opts)
				if err != nil {
					t.Fatalf("%v\n%s", err, out)
				}
				return out
			})
		})
	}
}
