package sections_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/sections"
)

// A section's label that comes again right after its own text continues
// its span; one that comes after other labels or text does not stretch
// the span over them, so a session rewriting it keeps them.
func TestSpansOfALabelMarkedAgain(t *testing.T) {
	doc, err := document.Parse("s.md", []byte(`## Lessons

My mistake: no lag alert.
I now ship the alert first.

## Result

First.

## Notes

Raw notes.

## Result

Second.

## Situation

S was slow.

## Task

Make it fast.

## Situation

Still slow.
`))
	if err != nil {
		t.Fatal(err)
	}
	type span struct {
		ID        string
		Line, End int
	}
	var got []span
	for _, s := range sections.FindMarked(doc, rubric(t, "star")).Sections {
		got = append(got, span{s.ID, s.Line, s.End})
	}
	want := []span{
		{ID: "situation", Line: 18, End: 20},
		{ID: "task", Line: 22, End: 24},
		{ID: "result", Line: 6, End: 8},
		{ID: "lessons", Line: 1, End: 4},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
}
