package version

import (
	"errors"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/buildinfo"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
)

func layer(name, version string) pack.Source {
	return pack.Source{Name: name, FS: fstest.MapFS{
		"pack.yaml": {Data: []byte("pack:\n  name: " + name + "\n  version: \"" + version + "\"\n  welcome: hi\n")},
	}}
}

var sumRE = regexp.MustCompile(`sha256 [0-9a-f]{12}\)`)

func TestRunNamesLayersAndChecksum(t *testing.T) {
	layers := []pack.Source{layer(pack.Embedded, "1.0.0"), layer("bundled:acme", "2")}
	streams, _, out, _ := iostreams.Test()
	opts := &Options{
		IO:     streams,
		Build:  cmdutil.BuildInfo{Version: "1.4.0", Commit: "abc1234", Date: "2026-01-02"},
		Layers: func() ([]pack.Source, error) { return layers, nil },
		Pack:   func() (*pack.Pack, error) { return pack.LoadParts(pack.PartMeta, layers...) },
	}
	if err := Run(opts); err != nil {
		t.Fatal(err)
	}
	got := sumRE.ReplaceAllString(out.String(), "sha256 X)")
	want := "prep 1.4.0 (commit abc1234, built 2026-01-02)\ncontent: bundled:acme 2 (embedded + bundled:acme; sha256 X)\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}

	// Another pack gives another checksum: the line tells two copies apart.
	a, err := buildinfo.ContentLine(pack.Meta{Name: "acme", Version: "2"}, layers)
	if err != nil {
		t.Fatal(err)
	}
	b, err := buildinfo.ContentLine(pack.Meta{Name: "acme", Version: "2"}, []pack.Source{layers[0], layer("bundled:acme", "3")})
	if err != nil {
		t.Fatal(err)
	}
	if a == b {
		t.Errorf("two different packs give the same line %q", a)
	}
}

// The binary's own version is printed even when the pack cannot be
// loaded, and the pack's error is returned (exit 2).
func TestRunDamagedPack(t *testing.T) {
	damaged := errors.New("/tmp/prep-acme: its bundled content pack is damaged (its checksum does not match); ask the sender for a new copy")
	streams, _, out, _ := iostreams.Test()
	opts := &Options{
		IO:     streams,
		Build:  cmdutil.BuildInfo{Version: "dev"},
		Layers: func() ([]pack.Source, error) { return nil, damaged },
		Pack:   func() (*pack.Pack, error) { return nil, damaged },
	}
	if err := Run(opts); !errors.Is(err, damaged) {
		t.Errorf("Run error = %v, want the damaged pack", err)
	}
	if out.String() != "prep dev\n" {
		t.Errorf("output = %q, want only the binary's version", out.String())
	}
}
