package pack

import (
	"errors"
	"strconv"
	"strings"

	"github.com/prepcli/prep/internal/progname"
)

// Entry types, as Entry.Type and Find's "TYPE/ID" name them.
const (
	TypePanel     = "panel"
	TypeRubric    = "rubric"
	TypeExercise  = "exercise"
	TypeTradeoff  = "tradeoff"
	TypeFollowup  = "followup"
	TypeComponent = "component"
	TypeExample   = "example"
	TypeReference = "reference"
)

// Entry is one entry of a pack, for listing and showing.
type Entry struct {
	Type  string // one of the Type* constants
	ID    string
	Title string // a follow-up's question
	Src   Pos
	// Value points at the entry inside the pack: *Panel, *Rubric,
	// *Exercise, *Tradeoff, *Followup, *Component, *Example or *Reference.
	Value any
}

// Entries lists every entry: panels, rubrics, exercises, trade-offs,
// follow-ups, components, examples and references, each in pack order.
func (p *Pack) Entries() []Entry {
	out := make([]Entry, 0, len(p.Panels)+len(p.Rubrics)+len(p.Exercises)+len(p.Tradeoffs)+len(p.Followups)+
		len(p.Components)+len(p.Examples)+len(p.References))
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
	for i := range p.Components {
		e := &p.Components[i]
		out = append(out, Entry{TypeComponent, e.ID, e.Name, e.Src, e})
	}
	for i := range p.Examples {
		e := &p.Examples[i]
		out = append(out, Entry{TypeExample, e.ID, e.Title, e.Src, e})
	}
	for i := range p.References {
		e := &p.References[i]
		out = append(out, Entry{TypeReference, e.ID, e.Title, e.Src, e})
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
			return nil, errors.New("unknown entry type " + quote(typ) + " in " + quote(ref) + "; use " + TypeList)
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

// TypeList names the entry types for messages.
const TypeList = "panel, rubric, exercise, tradeoff, followup, component, example or reference"

// EntryType reads a type as a user writes it ("rubrics", "follow-up").
func EntryType(s string) (string, bool) { return entryType(s) }

func entryType(s string) (string, bool) {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "-", "")
	s = strings.TrimSuffix(s, "s")
	switch s {
	case TypePanel, TypeRubric, TypeExercise, TypeTradeoff, TypeFollowup, TypeComponent, TypeExample, TypeReference:
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

// Component returns the component with the given id.
func (p *Pack) Component(id string) (*Component, bool) {
	for i := range p.Components {
		if p.Components[i].ID == id {
			return &p.Components[i], true
		}
	}
	return nil, false
}

// Example returns the worked example with the given id.
func (p *Pack) Example(id string) (*Example, bool) {
	for i := range p.Examples {
		if p.Examples[i].ID == id {
			return &p.Examples[i], true
		}
	}
	return nil, false
}

// Reference returns the reference text with the given id.
func (p *Pack) Reference(id string) (*Reference, bool) {
	for i := range p.References {
		if p.References[i].ID == id {
			return &p.References[i], true
		}
	}
	return nil, false
}

// AllFacts is what the interviewer can be asked for: the exercise's facts,
// then each of its older "numbers" as a fact named by the figure's name,
// so a pack written before facts existed still plays as an interview.
func (e *Exercise) AllFacts() []Fact {
	out := append([]Fact(nil), e.Facts...)
	for i, f := range e.Numbers {
		name := strings.TrimSpace(f.Name)
		if name == "" {
			continue
		}
		out = append(out, Fact{
			ID:     "number-" + strconv.Itoa(i+1),
			Topic:  name,
			Words:  []string{strings.ToLower(name)},
			Answer: f.Value,
		})
	}
	return out
}
