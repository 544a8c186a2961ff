package pack

import (
	"strings"
	"unicode"
)

// The panel ids the code relies on: each guided command follows one
// panel of the pack, and the menu, the status and the sheet group by them.
const (
	BackgroundPanel = "background"
	TechnicalPanel  = "technical"
	CulturePanel    = "culture"
)

// CultureValueSection is the culture rubric's section that names the
// value a story shows.
const CultureValueSection = "value"

// The culture panel's guides that are not values: the texts of prep
// culture's other parts, and the follow-ups asked about a value's story
// (ProbesPrefix and the value's id).
const (
	CultureWrittenGuide    = "written"
	CultureFollowupsGuide  = "followups"
	CultureWhyTeamGuide    = "why_team"
	CultureOpenSourceGuide = "open_source"
	CultureAskGuide        = "ask"
	ProbesPrefix           = "probes-"
)

// cultureGuide reports whether a culture panel's guide is one of the
// session's other parts rather than a value.
func cultureGuide(id string) bool {
	switch id {
	case CultureWrittenGuide, CultureFollowupsGuide, CultureWhyTeamGuide, CultureOpenSourceGuide, CultureAskGuide:
		return true
	}
	return strings.HasPrefix(id, ProbesPrefix)
}

// CultureValues are the values prep culture offers: the culture panel's
// guides that come with questions, in pack order, except the guides of
// the session's other parts.
func (p *Pack) CultureValues() []*Guide {
	panel, ok := p.Panel(CulturePanel)
	if !ok {
		return nil
	}
	var out []*Guide
	for i := range panel.Guides {
		g := &panel.Guides[i]
		if len(g.Questions) > 0 && !cultureGuide(g.ID) {
			out = append(out, g)
		}
	}
	return out
}

// ValueName is a culture value's name: its guide's title up to a colon,
// so "Ownership: spot it, scope it, finish it" names Ownership.
func (g *Guide) ValueName() string {
	// Control characters become "?", as everywhere prep shows pack text.
	title := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return '?'
		}
		return r
	}, g.Title)
	v, _, _ := strings.Cut(strings.Join(strings.Fields(title), " "), ":")
	return strings.TrimSpace(v)
}
