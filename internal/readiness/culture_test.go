package readiness

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/readiness/readinesstest"
	"github.com/prepcli/prep/internal/workspace"
)

// A culture value is covered on evidence in a story, never by a section
// being there: a story that names ownership and has every section but
// tells of assigned work with no outcome shows nothing, and status says
// what it still needs; a story that never names collaboration but shows
// it, with others and an async practice, covers it.
func TestCultureValuesOnEvidence(t *testing.T) {
	p := readinesstest.Pack()
	panel, _ := p.Panel(pack.CulturePanel)
	story := func(name, body string) workspace.Story {
		return workspace.Story{Path: "/ws/stories/" + name, Meta: workspace.StoryMeta{Title: name, Kind: "culture", Panel: "culture"}, Body: body}
	}
	stories := []workspace.Story{
		story("assigned.md", "## Situation\nMy manager assigned me the billing migration last spring.\n\n"+
			"## Action\nI planned the migration carefully and did the work as requested.\n\n"+
			"## Result\nIt went well and everyone was happy with it.\n\n"+
			"## Reflection\nI learned that planning matters on big pieces of work.\n\n"+
			"## Value\nOwnership. The question it answers: a problem nobody had asked you to fix.\n"),
		story("retries.md", "## Situation\nMy teammate in Lisbon and I disagreed about retries, five hours apart.\n\n"+
			"## Action\nI asked for comments in the pull request thread, async, and we settled it there in a day.\n\n"+
			"## Value\nA disagreement.\n"),
	}
	c := culture(p, panel, stories)
	type value struct {
		ID      string
		Stories []string
		Gaps    []Gap
	}
	var got []value
	for _, v := range c.Values.Items {
		got = append(got, value{v.ID, v.Stories, v.Gaps})
	}
	want := []value{
		{"ownership", []string{}, []Gap{{File: "stories/assigned.md", Missing: []string{
			"Nobody handed it to you; it was unowned, outside your remit, or had fallen between people.",
			"How it ended, what shipped or changed, ideally with a figure.",
		}}}},
		{"pragmatism", []string{}, []Gap{}},
		{"communication", []string{}, []Gap{}},
		{"collaboration", []string{"stories/retries.md"}, []Gap{}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if c.Stories != 2 || c.Values.Done != 1 || c.Values.Total != 4 {
		t.Errorf("stories %d, values %d/%d; want 2, 1/4", c.Stories, c.Values.Done, c.Values.Total)
	}
}

// A pack whose values have no key points falls back to the story that
// names the value.
func TestCultureValuesWithoutKeyPoints(t *testing.T) {
	p := readinesstest.Pack()
	cp := *p
	cp.Panels = append(cp.Panels[:0:0], p.Panels...)
	for i := range cp.Panels {
		if cp.Panels[i].ID != pack.CulturePanel {
			continue
		}
		guides := append(cp.Panels[i].Guides[:0:0], cp.Panels[i].Guides...)
		for k := range guides {
			guides[k].KeyPoints = nil
		}
		cp.Panels[i].Guides = guides
	}
	panel, _ := cp.Panel(pack.CulturePanel)
	s := workspace.Story{Path: "/ws/stories/a.md", Meta: workspace.StoryMeta{Title: "A", Kind: "culture"}, Body: "## Situation\nSomething.\n\n## Value\nOwnership.\n"}
	c := culture(&cp, panel, []workspace.Story{s})
	if got := c.Values.Items[0].Stories; len(got) != 1 || got[0] != "stories/a.md" {
		t.Errorf("ownership stories = %v, want the story that names it", got)
	}
}
