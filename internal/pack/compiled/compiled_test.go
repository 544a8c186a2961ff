package compiled_test

import (
	"testing"

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
