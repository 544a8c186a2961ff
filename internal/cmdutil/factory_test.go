package cmdutil

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/bundle"
	"github.com/prepcli/prep/internal/iostreams"
)

var basePack = fstest.MapFS{
	"pack.yaml":   {Data: []byte("pack:\n  name: default\n  version: \"1\"\n  welcome: Hello.\n")},
	"panels.yaml": {Data: []byte("panels:\n  - id: background\n    title: Background Panel\n    summary: s\n    overview: o\n")},
}

var acmePack = fstest.MapFS{
	"pack.yaml":          {Data: []byte("pack:\n  name: acme\n  company: Acme\n  version: \"2\"\n  welcome: Welcome to Acme.\n")},
	"panels/panels.yaml": {Data: []byte("panels:\n  - id: background\n    title: Acme Background\n    summary: s\n    overview: o\n")},
}

// bundled writes a stand-in binary carrying pack and returns its path.
func bundled(t testing.TB, pack fstest.MapFS) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "prep")
	if err := os.WriteFile(src, []byte("\x7fELF a program"), 0o755); err != nil {
		t.Fatal(err)
	}
	if pack == nil {
		return src
	}
	payload, err := bundle.Payload(pack, "acme")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "prep-acme")
	if err := bundle.Write(out, src, payload); err != nil {
		t.Fatal(err)
	}
	return out
}

func factory(exe string, content string) *Factory {
	streams, _, _, _ := iostreams.Test()
	f := &Factory{IOStreams: streams, Embedded: basePack}
	if exe != "" {
		f.Executable = func() (string, error) { return exe, nil }
	}
	f.SetSettings(Settings{Content: content})
	return f
}

func layerNames(t *testing.T, f *Factory) []string {
	t.Helper()
	layers, err := f.Layers()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range layers {
		names = append(names, l.Name)
	}
	return names
}

// --content over the bundled pack over the embedded one.
func TestLayersPrecedence(t *testing.T) {
	over := t.TempDir()
	if err := os.WriteFile(filepath.Join(over, "p.yaml"), []byte("panels:\n  - id: background\n    title: Mine\n    summary: s\n    overview: o\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	exe := bundled(t, acmePack)

	tests := []struct {
		name, exe, content string
		layers             []string
		title, company     string
	}{
		{"plain binary", bundled(t, nil), "", []string{"embedded"}, "Background Panel", ""},
		{"bundled", exe, "", []string{"embedded", "bundled:acme"}, "Acme Background", "Acme"},
		{"bundled and --content", exe, over, []string{"embedded", "bundled:acme", over}, "Mine", "Acme"},
		{"no executable known", "", "", []string{"embedded"}, "Background Panel", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := factory(tt.exe, tt.content)
			if diff := cmp.Diff(tt.layers, layerNames(t, f)); diff != "" {
				t.Errorf("layers (-want +got):\n%s", diff)
			}
			p, err := f.Pack()
			if err != nil {
				t.Fatal(err)
			}
			panel, _ := p.Panel("background")
			if panel.Title != tt.title || p.Meta.Company != tt.company {
				t.Errorf("background panel %q, company %q; want %q, %q", panel.Title, p.Meta.Company, tt.title, tt.company)
			}
			meta, err := f.PackMeta()
			if err != nil || meta.Company != tt.company {
				t.Errorf("PackMeta = %+v, %v; want company %q", meta, err, tt.company)
			}
		})
	}
}

func TestDamagedBundleStopsEveryLoad(t *testing.T) {
	exe := bundled(t, acmePack)
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-bundle.TrailerSize-10] ^= 1
	if err := os.WriteFile(exe, data, 0o755); err != nil {
		t.Fatal(err)
	}
	f := factory(exe, "")
	want := exe + ": its bundled content pack is damaged (its checksum does not match); ask the sender for a new copy"
	if _, err := f.Layers(); err == nil || err.Error() != want {
		t.Errorf("Layers error = %v, want %q", err, want)
	}
	if _, err := f.Pack(); err == nil || err.Error() != want {
		t.Errorf("Pack error = %v, want %q", err, want)
	}
	var de *bundle.DamagedError
	if _, err := f.PackMeta(); !errors.As(err, &de) {
		t.Errorf("PackMeta error = %v, want the damaged pack", err)
	}
}

// A binary prep cannot read (mode 0711) is not one bundle wrote, and runs
// with the embedded pack.
func TestUnreadableBinary(t *testing.T) {
	f := factory(filepath.Join(t.TempDir(), "gone"), "")
	if diff := cmp.Diff([]string{"embedded"}, layerNames(t, f)); diff != "" {
		t.Errorf("layers (-want +got):\n%s", diff)
	}
	f = factory("", "")
	f.Executable = func() (string, error) { return "", errors.New("no /proc") }
	if names := layerNames(t, f); strings.Join(names, ",") != "embedded" {
		t.Errorf("layers = %v, want embedded only", names)
	}
}

// What a run of an ordinary (unbundled) prep pays to find out it carries
// no pack: os.Executable, one open, one stat, one small read.
func BenchmarkBundledNone(b *testing.B) {
	for b.Loop() {
		f := &Factory{Executable: os.Executable}
		if p, err := f.Bundled(); p != nil || err != nil {
			b.Fatal(p, err)
		}
	}
}
