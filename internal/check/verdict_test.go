package check_test

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
)

// TestVerdicts checks, with the default pack, the stories a candidate
// would judge at a glance: a clear story in three paragraphs of prose, a
// story told as bullets under one "Situation:" label, and a vague one in
// "we" with no number, no named option and a platitude for a lesson.
func TestVerdicts(t *testing.T) {
	p, err := pack.LoadParts(pack.PartRubrics|pack.PartMeta, pack.Source{FS: content.FS, Name: pack.Embedded})
	if err != nil {
		t.Fatal(err)
	}
	star, _ := p.Rubric("star")
	tests := []struct {
		file    string
		verdict string
		reasons []string
	}{
		{"prose.md", check.VerdictReady, nil},
		{"bullets.md", check.VerdictReady, nil},
		{"weak.md", check.VerdictNeedsWork, []string{`your own part unclear ("we")`, "no figure in Result", "no alternative named", "no mistake in Lessons"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := document.ReadFile(filepath.Join("testdata", "stories", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			rep := check.Check(doc, star)
			if rep.HasErrors() {
				t.Errorf("%d errors, want none: %+v", rep.Summary.Errors, rep.Findings)
			}
			if rep.Verdict != tt.verdict {
				t.Errorf("verdict %q, want %q", rep.Verdict, tt.verdict)
			}
			if diff := cmp.Diff(tt.reasons, rep.Reasons); diff != "" {
				t.Errorf("reasons (-want +got):\n%s", diff)
			}
		})
	}
}
