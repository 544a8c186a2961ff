package check_test

import (
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/pack"
)

// rubric loads a test rubric. The sections package keeps the file: its
// rubrics mirror the default pack's ids with aliases and cues of our own.
func rubric(tb testing.TB, id string) *pack.Rubric {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "sections", "testdata", "rubrics.yaml"))
	if err != nil {
		tb.Fatal(err)
	}
	var f pack.File
	if err := yaml.Unmarshal(data, &f); err != nil {
		tb.Fatal(err)
	}
	for i := range f.Rubrics {
		if f.Rubrics[i].ID == id {
			return &f.Rubrics[i]
		}
	}
	tb.Fatalf("no rubric %q in the test rubrics", id)
	return nil
}
