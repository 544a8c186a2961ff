package pack

import (
	"errors"
	"strings"

	"github.com/prepcli/prep/internal/progname"
)

// Entry types, as Entry.Type and Find's "TYPE/ID" name them.
const (
	TypePanel    = "panel"
	TypeRubric   = "rubric"
	TypeExercise = "exercise"
	TypeTradeoff = "tradeoff"
	TypeFollowup = "followup"
)

// Entry is one entry of a pack, for listing and showing.
type Entry struct {
	Type  string // one of the Type* constants
	ID    string
	Title string // a follow-up's question
	Src   Pos
	// Value points at the entry inside the pack: *Panel, *Rubric,
	// *Exercise, *Tradeoff or *Followup.
	Value any
}

// Entries lists every entry: panels, rubrics, exercises, trade-offs and
// follow-ups, each in pack order.
func (p *Pack) Entries() []Entry {
	out := make([]Entry, 0, len(p.Panels)+len(p.Rubrics)+len(p.Exercises)+len(p.Tradeoffs)+len(p.Followups))
	for i := range p.Panels {
		e := &p.Panels[i]
		out = append(out, Entry{TypePanel, e.ID, e.Title, e.Src, e})
	}
	for i := range p.Rubrics {
		e := &p.Rubrics[i]
		out = append(out, Entry{TypeRubric, e.ID, e.Title, e.Src, e})
	}
	for i := range p.Exercises {
		e := &p.Exercises[i]
		out = append(out, Entry{TypeExercise, e.ID, e.Title, e.Src, e})
	}
	for i := range p.Tradeoffs {
		e := &p.Tradeoffs[i]
		out = append(out, Entry{TypeTradeoff, e.ID, e.Title, e.Src, e})
	}
	for i := range p.Followups {
		e := &p.Followups[i]
		out = append(out, Entry{TypeFollowup, e.ID, e.Question, e.Src, e})
	}
	return out
}

// Find looks up "ID" or "TYPE/ID". Ids are unique per type only
// ("culture" is a panel and a rubric), so a bare id may match several
// entries; they come in Entries order. TYPE may be plural ("rubrics/star").
func (p *Pack) Find(ref string) ([]Entry, error) {
	ref = strings.TrimSpace(ref)
	typ, id, typed := strings.Cut(ref, "/")
	if !typed {
		typ, id = "", ref
	}
	if id == "" {
		return nil, errors.New(`no entry named; give an id like "star" or a type and id like "rubric/star"`)
	}
	if typed {
		t, ok := entryType(typ)
		if !ok {
			return nil, errors.New("unknown entry type " + quote(typ) + " in " + quote(ref) + "; use panel, rubric, exercise, tradeoff or followup")
		}
		typ = t
	}
	var out []Entry
	for _, e := range p.Entries() {
		if e.ID == id && (typ == "" || e.Type == typ) {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no entry " + quote(ref) + " in the pack; run '" + progname.Name() + " content list' to see its entries")
	}
	return out, nil
}

func entryType(s string) (string, bool) {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "-", "")
	s = strings.TrimSuffix(s, "s")
	switch s {
	case TypePanel, TypeRubric, TypeExercise, TypeTradeoff, TypeFollowup:
		return s, true
	}
	return "", false
}

// Exercise returns the exercise with the given id.
func (p *Pack) Exercise(id string) (*Exercise, bool) {
	for i := range p.Exercises {
		if p.Exercises[i].ID == id {
			return &p.Exercises[i], true
		}
	}
	return nil, false
}

// Tradeoff returns the trade-off with the given id.
func (p *Pack) Tradeoff(id string) (*Tradeoff, bool) {
	for i := range p.Tradeoffs {
		if p.Tradeoffs[i].ID == id {
			return &p.Tradeoffs[i], true
		}
	}
	return nil, false
}

// Followup returns the follow-up question with the given id.
func (p *Pack) Followup(id string) (*Followup, bool) {
	for i := range p.Followups {
		if p.Followups[i].ID == id {
			return &p.Followups[i], true
		}
	}
	return nil, false
}
