package pack

// Pack is a loaded content pack: the embedded default, possibly with a
// bundled or --content pack laid over it by id.
type Pack struct {
	Meta       Meta
	Panels     []Panel
	Rubrics    []Rubric
	Exercises  []Exercise
	Tradeoffs  []Tradeoff
	Followups  []Followup
	Components []Component
	Examples   []Example
	References []Reference
}

// Panel returns the panel with the given id.
func (p *Pack) Panel(id string) (*Panel, bool) {
	for i := range p.Panels {
		if p.Panels[i].ID == id {
			return &p.Panels[i], true
		}
	}
	return nil, false
}

// Rubric returns the rubric for an answer kind.
func (p *Pack) Rubric(id string) (*Rubric, bool) {
	for i := range p.Rubrics {
		if p.Rubrics[i].ID == id {
			return &p.Rubrics[i], true
		}
	}
	return nil, false
}

// RubricIDs lists the answer kinds the pack can check, in pack order.
func (p *Pack) RubricIDs() []string {
	ids := make([]string, len(p.Rubrics))
	for i, r := range p.Rubrics {
		ids[i] = r.ID
	}
	return ids
}

// Guide returns the guide with the given id.
func (p *Panel) Guide(id string) (*Guide, bool) {
	for i := range p.Guides {
		if p.Guides[i].ID == id {
			return &p.Guides[i], true
		}
	}
	return nil, false
}
