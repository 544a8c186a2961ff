package pack

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// memCopy reads a directory into memory once, so fuzzing and benchmarks
// measure decoding, not the disk, as loading the embedded pack does.
func memCopy(tb testing.TB, dir string) fstest.MapFS {
	tb.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(dir + "/" + p)
		out[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func FuzzLoad(f *testing.F) {
	base := Source{FS: memCopy(f, "testdata/valid"), Name: Embedded}
	f.Fuzz(func(t *testing.T, data []byte) {
		over := Source{FS: fstest.MapFS{"panels/fuzz.yaml": {Data: data}}, Name: "over"}
		p, err := Load(base, over)
		if err == nil {
			if p == nil {
				t.Fatal("Load returned neither a pack nor an error")
			}
			// A pack Load accepts loads the same in part.
			for _, parts := range someParts {
				got, err := LoadParts(parts, base, over)
				if err != nil {
					t.Fatalf("Load accepts the pack, LoadParts(%v) says: %v", parts, err)
				}
				if diff := cmp.Diff(keep(p, parts), got); diff != "" {
					t.Fatalf("LoadParts(%v) (-want +got):\n%s", parts, diff)
				}
			}
			return
		}
		var ps Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Fatalf("Load error %v is not a non-empty Problems", err)
		}
		for _, pr := range ps {
			if pr.File == "" || pr.Message == "" || pr.Line < 0 {
				t.Errorf("problem without a place or message: %#v", pr)
			}
			if strings.ContainsAny(pr.Error(), "\n\r") {
				t.Errorf("problem is not one line: %q", pr.Error())
			}
		}
	})
}
