package sections_test

import (
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sections"
)

// FuzzFind runs arbitrary bytes through what `prep check` does: Read, Find,
// Check and both renderings. Nothing may panic, every line must be in the
// file, word counts must be sane and the summary must add up.
func FuzzFind(f *testing.F) {
	for _, name := range []string{"atx.md", "bold.md", "prefixes.md", "todo.md", "emoji.md", "combined.md"} {
		f.Add(mustRead(f, name), false, uint8(0))
	}
	f.Add([]byte("kind: scale\nbreaks_first: |\n  the primary\n"), true, uint8(1))
	f.Add([]byte("---\ntitle: x\n---\n## Situation and task\n> **R:** 2x\n```\n## Result\n"), false, uint8(0))
	kinds := []string{"star", "scale", "design"}
	rubrics := map[string]*pack.Rubric{}
	for _, k := range kinds {
		rubrics[k] = rubric(f, k)
	}
	f.Fuzz(func(t *testing.T, data []byte, asYAML bool, kind uint8) {
		name := "fuzz.md"
		if asYAML {
			name = "fuzz.yaml"
		}
		doc, err := document.Parse(name, data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), name) {
				t.Fatalf("error is not one line naming the file: %q", err)
			}
			return
		}
		r := rubrics[kinds[int(kind)%len(kinds)]]
		lines := countLines(data)
		total := sections.CountWords(string(data))

		res := sections.Find(doc, r)
		if res.FirstLine < 1 || res.FirstLine > lines {
			t.Fatalf("FirstLine %d outside 1..%d", res.FirstLine, lines)
		}
		for _, s := range res.Sections {
			if s.Line < 1 || s.Line > lines {
				t.Fatalf("section %s on line %d, outside 1..%d", s.ID, s.Line, lines)
			}
			if s.Words < 0 || s.Empty && s.Words != 0 {
				t.Fatalf("section %s: %d words, empty %v", s.ID, s.Words, s.Empty)
			}
			// YAML escapes can make more words than the file shows.
			if !asYAML && s.Words > total || s.Words > len(data) {
				t.Fatalf("section %s has %d words; the file has %d", s.ID, s.Words, total)
			}
		}
		if !asYAML && res.Words > total {
			t.Fatalf("answer has %d words; the file has %d", res.Words, total)
		}

		rep := check.Check(doc, r)
		if len(rep.Sections) != len(r.Sections) {
			t.Fatalf("%d section statuses for %d sections", len(rep.Sections), len(r.Sections))
		}
		var sum check.Summary
		for _, fd := range rep.Findings {
			if fd.Line < 0 || fd.Line > lines {
				t.Fatalf("finding %s on line %d, outside 0..%d", fd.Rule, fd.Line, lines)
			}
			switch fd.Severity {
			case "error":
				sum.Errors++
			case "warning":
				sum.Warnings++
			}
		}
		if sum != rep.Summary {
			t.Fatalf("summary %+v, findings say %+v", rep.Summary, sum)
		}
		var js strings.Builder
		if err := check.WriteJSON(&js, []check.Report{rep}); err != nil {
			t.Fatal(err)
		}
		if !json.Valid([]byte(js.String())) {
			t.Fatalf("invalid JSON:\n%s", js.String())
		}
		if err := check.WriteText(io.Discard, []check.Report{rep}, true); err != nil {
			t.Fatal(err)
		}
	})
}

// countLines counts lines as editors do, which is how the checker numbers them.
func countLines(data []byte) int {
	n := 1
	for i, c := range data {
		if c == '\n' || c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			n++
		}
	}
	return n
}
