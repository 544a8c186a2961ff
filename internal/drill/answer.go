package drill

import (
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sections"
)

// TradeoffParts are the sections of the trade-off rubric a recall answer
// must show: the option not taken, why, and what the choice cost. The
// decision itself is the card's.
var TradeoffParts = []string{"alternatives", "reasons", "cost"}

// CheckTradeoff returns the parts of a trade-off answer (TradeoffParts, as
// rubric r has them) that answer does not show: a part shows when the
// answer uses one of its cues or one of the phrases its signals look for
// ("instead of", "because", "gave up", …). With no rubric, nothing is
// missing.
func CheckTradeoff(answer string, r *pack.Rubric) []pack.Section {
	if r == nil {
		return nil
	}
	var out []pack.Section
	for _, id := range TradeoffParts {
		for _, sec := range r.Sections {
			if sec.ID != id {
				continue
			}
			list := append([]string{}, sec.Cues...)
			for _, g := range r.Signals {
				if g.Section == id && g.Type == pack.SignalNeedsPhrase {
					list = append(list, g.Phrases...)
				}
			}
			ps := sections.NewPhrases(list)
			if !ps.Empty() && !ps.Contains(answer) {
				out = append(out, sec)
			}
		}
	}
	return out
}
