package followup

import (
	"strconv"
	"strings"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/text"
)

// PanelProbes are the follow-ups a panel asks about its own stories: for
// each guide "probes-<value>" of the panel, its questions, about stories
// that name the value (its guide's title up to a colon, or its id). Nil
// for a panel without such guides, whose stories take the pack's bank.
func PanelProbes(panel *pack.Panel) []pack.Followup {
	if panel == nil {
		return nil
	}
	var out []pack.Followup
	for _, g := range panel.Guides {
		value, ok := strings.CutPrefix(g.ID, pack.ProbesPrefix)
		if !ok || value == "" {
			continue
		}
		topics := []string{value}
		if vg, ok := panel.Guide(value); ok {
			if name := strings.ToLower(vg.ValueName()); name != value {
				topics = append(topics, name)
			}
		}
		for k, q := range g.Questions {
			out = append(out, pack.Followup{
				ID:       g.ID + "." + strconv.Itoa(k),
				Question: q,
				Sections: []string{"action", "result", "reflection"},
				Topics:   topics,
				Why:      text.CleanLine(g.Text),
			})
		}
	}
	return out
}
