package content

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
)

// The journey through real binaries is tested in internal/bundle; these
// are the refusals that need none.
func TestBundleRefusals(t *testing.T) {
	dir := t.TempDir()
	streams, _, _, _ := iostreams.Test()
	if err := RunInit(&InitOptions{IO: streams, Embedded: builtIn.FS, Dir: filepath.Join(dir, "acme")}); err != nil {
		t.Fatal(err)
	}
	notPrep := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notPrep, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	testBinary, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name   string
		opts   BundleOptions
		usage  bool
		prefix string
		want   string
	}{
		{"no -o", BundleOptions{}, true, "", "add -o FILE"},
		{"a text file", BundleOptions{Binary: notPrep}, false, notPrep + ": ", "not a prep binary"},
		{"a missing binary", BundleOptions{Binary: filepath.Join(dir, "nope")}, false, filepath.Join(dir, "nope") + ": ", "cannot read the binary"},
		// This test binary is a Go program, but not prep.
		{"another Go program", BundleOptions{}, false, testBinary + ": ", "not a prep binary (it is github.com/prepcli/prep/internal/cmd/content.test)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			streams, _, out, _ := iostreams.Test()
			opts := tt.opts
			opts.IO, opts.Embedded, opts.Dir = streams, builtIn, filepath.Join(dir, "acme")
			opts.Executable = func() (string, error) { return testBinary, nil }
			if opts.Output == "" && !tt.usage {
				opts.Output = filepath.Join(dir, "prep-acme")
			}
			err := RunBundle(&opts)
			var fe *cmdutil.FlagError
			if err == nil || errors.As(err, &fe) != tt.usage || !strings.HasPrefix(err.Error(), tt.prefix) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("RunBundle = %v; want an error starting %q, saying %q (usage error: %v)", err, tt.prefix, tt.want, tt.usage)
			}
			if out.Len() > 0 {
				t.Errorf("printed %q before refusing", out.String())
			}
			if _, err := os.Stat(filepath.Join(dir, "prep-acme")); !errors.Is(err, os.ErrNotExist) {
				t.Error("wrote an output file")
			}
		})
	}
}
