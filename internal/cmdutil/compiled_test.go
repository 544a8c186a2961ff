package cmdutil

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/pack/compiled"
)

// With the built-in pack alone, every part comes from the compiled data,
// parsing no YAML; a bundled pack or --content is parsed as before, over
// it.
func TestCheckPathUsesTheCompiledPack(t *testing.T) {
	over := t.TempDir()
	if err := os.WriteFile(filepath.Join(over, "p.yaml"), []byte("pack:\n  name: mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	shared := func(p *pack.Pack) bool {
		return len(p.Rubrics) > 0 && &p.Rubrics[0] == &compiled.Embedded().Rubrics[0]
	}
	for _, tt := range []struct {
		name, exe, content string
		parts              pack.Parts
		compiled           bool
	}{
		{"check, built-in pack", "", "", pack.PartMeta | pack.PartRubrics, true},
		{"version, built-in pack", "", "", pack.PartMeta, true},
		{"the whole pack", "", "", pack.PartAll, true},
		{"bundled pack", bundled(t, acmePack), "", pack.PartMeta | pack.PartRubrics, false},
		{"--content", "", over, pack.PartMeta | pack.PartRubrics, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := factory(tt.exe, tt.content)
			f.Embedded = content.FS
			p, err := f.PackParts(tt.parts)
			if err != nil {
				t.Fatal(err)
			}
			if tt.parts&pack.PartRubrics != 0 && shared(p) != tt.compiled {
				t.Errorf("served from the compiled pack: %v, want %v", shared(p), tt.compiled)
			}
			if !tt.compiled && tt.parts == pack.PartMeta|pack.PartRubrics && p.Meta.Name == "default" {
				t.Errorf("meta %+v: the layer over the built-in pack is not read", p.Meta)
			}
			if tt.compiled && tt.parts&pack.PartRubrics == 0 && p.Meta.Name != "default" {
				t.Errorf("meta %+v", p.Meta)
			}
		})
	}
	// Serving it allocates next to nothing: no YAML is parsed.
	if allocs := testing.AllocsPerRun(20, func() {
		f := factory("", "")
		f.Embedded = content.FS
		if _, err := f.PackParts(pack.PartMeta | pack.PartRubrics); err != nil {
			t.Fatal(err)
		}
	}); allocs > 20 {
		t.Errorf("loading the check's pack allocates %v times: is YAML parsed again?", allocs)
	}
}
