package pack

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func loadTiny(t *testing.T, more ...Source) *Pack {
	t.Helper()
	p, err := Load(append([]Source{dirSource("testdata/valid")}, more...)...)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return p
}

// ignoreValue leaves the pointers out of comparisons; TestFindValue
// checks them.
var ignoreValue = cmpopts.IgnoreFields(Entry{}, "Value")

func TestEntries(t *testing.T) {
	p := loadTiny(t)
	want := []Entry{
		{Type: "panel", ID: "background", Title: "Background Panel", Src: Pos{"testdata/valid/panels/background.yaml", 2}},
		{Type: "rubric", ID: "star", Title: "Project story", Src: Pos{"testdata/valid/rubrics/star.yaml", 2}},
		{Type: "exercise", ID: "rate-limiter", Title: "Rate limiter", Src: Pos{"testdata/valid/banks/bank.yaml", 2}},
		{Type: "tradeoff", ID: "queue-or-call", Title: "Queue or direct call", Src: Pos{"testdata/valid/banks/bank.yaml", 14}},
		{Type: "followup", ID: "why-redis", Title: "Why Redis?", Src: Pos{"testdata/valid/banks/bank.yaml", 20}},
	}
	if diff := cmp.Diff(want, p.Entries(), ignoreValue); diff != "" {
		t.Errorf("Entries (-want +got):\n%s", diff)
	}
}

func TestFind(t *testing.T) {
	// "star" is both a rubric and, in this overlay, a trade-off.
	p := loadTiny(t, files{"a.yaml": "tradeoffs:\n  - {id: star, title: Star or not, options: [a, b]}\n"}.source("over"))
	rubric := Entry{Type: "rubric", ID: "star", Title: "Project story", Src: Pos{"testdata/valid/rubrics/star.yaml", 2}}
	tradeoff := Entry{Type: "tradeoff", ID: "star", Title: "Star or not", Src: Pos{"over/a.yaml", 2}}
	tests := []struct {
		ref     string
		want    []Entry
		wantErr string
	}{
		{ref: "star", want: []Entry{rubric, tradeoff}},
		{ref: "rubric/star", want: []Entry{rubric}},
		{ref: "tradeoffs/star", want: []Entry{tradeoff}},
		{ref: "trade-off/star", want: []Entry{tradeoff}},
		{ref: "panel/star", wantErr: `no entry "panel/star" in the pack; run 'prep content list' to see its entries`},
		{ref: "nope", wantErr: `no entry "nope" in the pack; run 'prep content list' to see its entries`},
		{ref: "widget/star", wantErr: `unknown entry type "widget" in "widget/star"; use panel, rubric, exercise, tradeoff, followup, component, example or reference`},
		{ref: "", wantErr: `no entry named; give an id like "star" or a type and id like "rubric/star"`},
	}
	for _, tt := range tests {
		got, err := p.Find(tt.ref)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if gotErr != tt.wantErr {
			t.Errorf("Find(%q) error = %q, want %q", tt.ref, gotErr, tt.wantErr)
		}
		if diff := cmp.Diff(tt.want, got, ignoreValue); diff != "" {
			t.Errorf("Find(%q) (-want +got):\n%s", tt.ref, diff)
		}
	}
}

func TestFindValue(t *testing.T) {
	p := loadTiny(t)
	got, err := p.Find("followup/why-redis")
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Value != &p.Followups[0] {
		t.Errorf("Value = %v, want a pointer to the pack's follow-up", got[0].Value)
	}
}

func TestLoadFollowsAnchorsAndMergeKeys(t *testing.T) {
	p := loadTiny(t, files{"a.yaml": `
tradeoffs:
  - &base {id: a, title: A, options: [yes, no], notes: shared}
  - <<: *base
    id: b
    notes: own
  - <<: [{title: first}, *base]
    id: c
`}.source("over"))
	want := []Tradeoff{
		p.Tradeoffs[0],
		{ID: "a", Title: "A", Options: []string{"yes", "no"}, Notes: "shared", Src: Pos{"over/a.yaml", 3}},
		// Keys written out win over merged ones; earlier merges over later.
		{ID: "b", Title: "A", Options: []string{"yes", "no"}, Notes: "own", Src: Pos{"over/a.yaml", 4}},
		{ID: "c", Title: "first", Options: []string{"yes", "no"}, Notes: "shared", Src: Pos{"over/a.yaml", 7}},
	}
	if diff := cmp.Diff(want, p.Tradeoffs); diff != "" {
		t.Errorf("tradeoffs (-want +got):\n%s", diff)
	}
}

func TestLookups(t *testing.T) {
	p := loadTiny(t)
	if e, ok := p.Exercise("rate-limiter"); !ok || e.Title != "Rate limiter" {
		t.Errorf("Exercise(rate-limiter) = %v, %v", e, ok)
	}
	if tr, ok := p.Tradeoff("queue-or-call"); !ok || tr.Title != "Queue or direct call" {
		t.Errorf("Tradeoff(queue-or-call) = %v, %v", tr, ok)
	}
	if f, ok := p.Followup("why-redis"); !ok || f.Question != "Why Redis?" {
		t.Errorf("Followup(why-redis) = %v, %v", f, ok)
	}
	if _, ok := p.Exercise("nope"); ok {
		t.Error("Exercise(nope) found something")
	}
}
