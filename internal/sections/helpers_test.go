package sections_test

import (
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
)

// rubric loads a rubric from testdata/rubrics.yaml, which mirrors the
// default pack's ids with aliases, letters and cues of its own.
func rubric(tb testing.TB, id string) *pack.Rubric {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "rubrics.yaml"))
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
	tb.Fatalf("no rubric %q in testdata/rubrics.yaml", id)
	return nil
}

// style reads a marking-style fixture from testdata/styles.
func style(tb testing.TB, name string) *document.Doc {
	tb.Helper()
	doc, err := document.ReadFile(filepath.Join("testdata", "styles", name))
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// mustRead reads a fixture's bytes, for seeding the fuzz target.
func mustRead(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "styles", name))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}
