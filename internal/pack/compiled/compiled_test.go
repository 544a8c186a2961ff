package compiled_test

import (
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/pack/compiled"
)

// The compiled pack is what the YAML loader gives: if this fails, the
// content or the schema changed since embedded_gen.go was written; run
// go generate ./internal/pack/compiled.
func TestCompiledIsWhatTheYAMLGives(t *testing.T) {
	want, err := pack.LoadParts(compiled.Parts, pack.Source{FS: content.FS, Name: pack.Embedded})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, compiled.Embedded()); diff != "" {
		t.Errorf("embedded_gen.go is out of date; run go generate ./internal/pack/compiled (-YAML +compiled):\n%s", diff)
	}
}

// Each call gives its own Pack, so a caller replacing a field (a test
// swapping the follow-up bank) does not change what the next one gets.
func TestEmbeddedIsACopy(t *testing.T) {
	a := compiled.Embedded()
	a.Meta.Name = "changed"
	a.Rubrics = nil
	if b := compiled.Embedded(); b.Meta.Name == "changed" || len(b.Rubrics) == 0 {
		t.Error("changing one Embedded() changed the next")
	}
}

func BenchmarkEmbedded(b *testing.B) {
	for b.Loop() {
		_ = compiled.Embedded()
	}
}

// A pack laid over the compiled one loads as it does over the built-in
// YAML: the same entries, or the same problems, each at its line.
func TestLoadPartsOverIsLoadParts(t *testing.T) {
	embedded := pack.Source{FS: content.FS, Name: pack.Embedded}
	mapPack := func(files map[string]string) pack.Source {
		fsys := fstest.MapFS{}
		for name, data := range files {
			fsys[name] = &fstest.MapFile{Data: []byte(data)}
		}
		return pack.Source{FS: fsys, Name: "over"}
	}
	overlays := map[string][]pack.Source{
		"company pack": {pack.Dir("../testdata/overlay")},
		"new exercise and meta": {mapPack(map[string]string{
			"pack.yaml": "pack:\n  name: acme\n  company: Acme\n  version: \"0.2.0\"\n",
			"banks/x.yaml": "exercises:\n  - id: acme-ledger\n    title: Ledger at 100x\n    kind: scale\n" +
				"    prompt: One Postgres primary takes every payment. What breaks first at 100x?\n",
		})},
		"two layers": {pack.Dir("../testdata/overlay"), mapPack(map[string]string{
			"panels/p.yaml": "panels:\n  - id: background\n    title: Mine\n    summary: s\n    overview: o\n",
		})},
		// The star rubric without its Situation: built-in entries that
		// name it are now wrong, and are reported where they say so.
		"breaks a built-in reference": {mapPack(map[string]string{
			"r.yaml": "rubrics:\n  - id: star\n    summary: S\n    sections:\n" +
				"      - {id: task, title: Task, question: Q, guidance: G, missing: M, level: required}\n",
		})},
		"not YAML":    {mapPack(map[string]string{"bad.yaml": "panels: [unclosed\n"})},
		"unknown key": {mapPack(map[string]string{"k.yaml": "panels:\n  - id: background\n    colour: red\n"})},
	}
	for name, over := range overlays {
		for _, parts := range []pack.Parts{pack.PartAll, pack.PartMeta | pack.PartRubrics} {
			want, wantErr := pack.LoadParts(parts, append([]pack.Source{embedded}, over...)...)
			got, err := pack.LoadPartsOver(parts, compiled.Embedded(), embedded, over...)
			if fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Errorf("%s, %v: err = %v\nwant %v", name, parts, err, wantErr)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s, %v (-over YAML +over compiled):\n%s", name, parts, diff)
			}
		}
	}
	base, err := pack.LoadParts(compiled.Parts, embedded)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(base, compiled.Embedded()); diff != "" {
		t.Errorf("laying packs over the compiled one changed it:\n%s", diff)
	}
}
