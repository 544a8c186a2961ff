package pack

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A section's minutes are a share of a timed answer: negative is refused
// with its line, and the values are read as written.
func TestSectionMinutes(t *testing.T) {
	over := files{"a.yaml": `
rubrics:
  - id: timed
    title: T
    summary: S
    sections:
      - {id: a, title: A, question: Q, guidance: G, missing: M, level: required, minutes: 10}
      - {id: b, title: B, question: Q, guidance: G, missing: M, level: required, minutes: -5}
`}
	_, err := Load(dirSource("testdata/valid"), over.source("over"))
	var got Problems
	if !errors.As(err, &got) {
		t.Fatalf("Load error %v is not Problems", err)
	}
	want := Problems{{"over/a.yaml", 8, `section "b" of rubric "timed" has minutes -5; use 0 to give it no time of its own or a positive share, like 5`}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}

	over["a.yaml"] = over["a.yaml"][:len(over["a.yaml"])-len("-5}\n")] + "0}\n"
	p, err := Load(dirSource("testdata/valid"), over.source("over"))
	if err != nil {
		t.Fatal(err)
	}
	r, _ := p.Rubric("timed")
	var mins []int
	for _, s := range r.Sections {
		mins = append(mins, s.Minutes)
	}
	if diff := cmp.Diff([]int{10, 0}, mins); diff != "" {
		t.Errorf("minutes (-want +got):\n%s", diff)
	}
}
