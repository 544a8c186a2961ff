package check_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
)

// BenchmarkCheck reads and checks realistic stories, a few KB each in
// mixed marking styles, as `prep check stories/*.md` would. Target: at
// least 100 MB/s.
func BenchmarkCheck(b *testing.B) {
	r := rubric(b, "star")
	paths, err := filepath.Glob(filepath.Join("testdata", "bench", "*.md"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no stories in testdata/bench: %v", err)
	}
	var files [][]byte
	total := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for i, data := range files {
			doc, err := document.Read(paths[i], bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			if rep := check.Check(doc, r); len(rep.Sections) == 0 {
				b.Fatal("no sections")
			}
		}
	}
}

// BenchmarkCheckAdversarial checks 1 MiB inputs built to find slow paths:
// a line of a million "<", a million bold markers, a million tiny
// paragraphs with no label. The figure to watch is that it stays in MB/s.
func BenchmarkCheckAdversarial(b *testing.B) {
	r := rubric(b, "star")
	inputs := map[string]string{
		"angles":     strings.Repeat("<a ", 1<<18),
		"bold":       strings.Repeat("**a ", 1<<18),
		"separators": strings.Repeat("Result of it: - — ", 1<<15),
		"sentences":  strings.Repeat("a.\n", 1<<18),
		"headings":   strings.Repeat("## Situation and task / result & lessons\n", 1<<14),
	}
	for name, in := range inputs {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				doc, err := document.Parse("x.md", []byte(in))
				if err != nil {
					b.Fatal(err)
				}
				check.Check(doc, r)
			}
		})
	}
}

// BenchmarkCheckEach is BenchmarkCheck story by story, to see which
// marking style costs what: an unlabelled story is read sentence by
// sentence, a labelled one mostly is not.
func BenchmarkCheckEach(b *testing.B) {
	r := rubric(b, "star")
	paths, _ := filepath.Glob(filepath.Join("testdata", "bench", "*.md"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(p), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				doc, err := document.Read(p, bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				check.Check(doc, r)
			}
		})
	}
}
