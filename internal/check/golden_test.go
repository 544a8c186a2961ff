package check_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden checks every marking-style fixture of the sections package
// and compares the JSON and the text output with testdata/golden. The kind
// comes from the front matter, else star, as `prep check` decides it.
func TestGolden(t *testing.T) {
	styles := filepath.Join("..", "sections", "testdata", "styles")
	entries, err := os.ReadDir(styles)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			doc, err := document.ReadFile(filepath.Join(styles, name))
			if err != nil {
				t.Fatal(err)
			}
			doc.Name = name // golden files must not depend on where the tests run
			kind := doc.Kind
			if kind == "" {
				kind = "star"
			}
			reports := []check.Report{check.Check(doc, rubric(t, kind))}
			var js, txt bytes.Buffer
			if err := check.WriteJSON(&js, reports); err != nil {
				t.Fatal(err)
			}
			if err := check.WriteText(&txt, reports, false); err != nil {
				t.Fatal(err)
			}
			base := strings.TrimSuffix(name, filepath.Ext(name))
			golden(t, filepath.Join("testdata", "golden", base+".json"), js.Bytes())
			golden(t, filepath.Join("testdata", "golden", base+".txt"), txt.Bytes())
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}
