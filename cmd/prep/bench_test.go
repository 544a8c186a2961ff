package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/prepcli/prep/internal/cmd/root"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
)

// BenchmarkCheckCommand is `prep check examples/story.md` in-process, from
// the arguments to the printed verdict: what the process does beyond
// starting the Go runtime and the libraries (docs/performance.md).
func BenchmarkCheckCommand(b *testing.B) {
	benchCommand(b, "check", filepath.Join("..", "..", "examples", "story.md"))
}

// BenchmarkVersionCommand is `prep version`: settings and the pack's
// metadata, no story.
func BenchmarkVersionCommand(b *testing.B) {
	benchCommand(b, "version")
}

func benchCommand(b *testing.B, args ...string) {
	home := b.TempDir()
	b.Setenv("HOME", home)
	b.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	b.Setenv("XDG_DATA_HOME", filepath.Join(home, ".local", "share"))
	for b.Loop() {
		ios, _, out, errOut := iostreams.Test()
		if code := root.Main(args, ios, cmdutil.BuildInfo{Version: "dev"}); code != 0 {
			b.Fatalf("exit %d: %s%s", code, out, errOut)
		}
	}
}

// BenchmarkCheckBatchJSON is `prep check --format json` over 1,800
// stories, made as cmd/prep/testdata/bench/stories.sh makes them: the
// corpus's write-ups over and over.
func BenchmarkCheckBatchJSON(b *testing.B) {
	files := batchStories(b, 1800)
	args := append([]string{"check", "--format", "json"}, files...)
	home := b.TempDir()
	b.Setenv("HOME", home)
	b.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	var size int64
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		size += fi.Size()
	}
	b.SetBytes(size)
	for b.Loop() {
		ios, _, out, errOut := iostreams.Test()
		if code := root.Main(args, ios, cmdutil.BuildInfo{Version: "dev"}); code > 1 {
			b.Fatalf("exit %d: %s", code, errOut)
		}
		if out.Len() == 0 {
			b.Fatal("no output")
		}
	}
}

func batchStories(b *testing.B, n int) []string {
	b.Helper()
	var src []string
	err := filepath.WalkDir(filepath.Join("..", "..", "internal", "check", "testdata", "corpus"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "README.md" && d.Name() != "NOTICE.md" {
			src = append(src, p)
		}
		return err
	})
	if err != nil || len(src) == 0 {
		b.Fatalf("no corpus: %v", err)
	}
	sort.Strings(src)
	dir := b.TempDir()
	files := make([]string, n)
	for i := range files {
		data, err := os.ReadFile(src[i%len(src)])
		if err != nil {
			b.Fatal(err)
		}
		files[i] = filepath.Join(dir, fmt.Sprintf("story-%04d.md", i))
		if err := os.WriteFile(files[i], data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return files
}
