package pack

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A looks_for point's evidence names sections and signals of its panel's
// rubric, and only looks_for has any.
func TestEvidence(t *testing.T) {
	panel := func(rubric, looksFor, prepare string) files {
		return files{"p.yaml": `
panels:
  - id: background
    title: Background Panel
    summary: S
    overview: O
` + rubric + `
    looks_for:
      - title: Depth
        text: T
` + looksFor + `
    prepare:
      - title: Timeline
        text: T
` + prepare + "\n"}
	}
	tests := []struct {
		name string
		over files
		want Problems
	}{{
		name: "sections and signals of the rubric",
		over: panel("    rubric: star", "        evidence: [situation, result-number]", ""),
	}, {
		name: "an id the rubric lacks",
		over: panel("    rubric: star", "        evidence: [situation, architecture]", ""),
		want: Problems{{"over/p.yaml", 11, `point 1 of looks_for of panel "background" has evidence "architecture", which is neither a section nor a signal of rubric "star"; use one of: situation, result, result-number, voice, too-long`}},
	}, {
		name: "evidence outside looks_for",
		over: panel("    rubric: star", "", "        evidence: [situation]"),
		want: Problems{{"over/p.yaml", 15, `point 1 of prepare of panel "background" has evidence, which prep reads only under "looks_for"; move the point there or remove its evidence`}},
	}, {
		name: "no rubric to look in",
		over: panel("", "        evidence: [situation]", ""),
		want: Problems{{"over/p.yaml", 11, `point 1 of looks_for of panel "background" has evidence, but panel "background" names no rubric to find it in; add "rubric: ..." to the panel or remove the evidence`}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(dirSource("testdata/valid"), tt.over.source("over"))
			var got Problems
			if err != nil && !errors.As(err, &got) {
				t.Fatalf("Load error %v is not Problems", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
