package pack_test

import (
	"testing"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/pack"
)

// The default pack is loaded on every prep run; it must load cleanly and
// quickly.

func TestDefaultPackLoads(t *testing.T) {
	p, err := pack.Load(pack.Source{FS: content.FS, Name: pack.Embedded})
	if ps, ok := err.(pack.Problems); ok {
		for _, pr := range ps {
			t.Error(pr)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"background", "technical", "culture"} {
		if _, ok := p.Panel(id); !ok {
			t.Errorf("default pack has no %q panel", id)
		}
	}
	for _, id := range []string{"star", "scale", "design", "debug", "tradeoff", "culture"} {
		if _, ok := p.Rubric(id); !ok {
			t.Errorf("default pack has no %q rubric", id)
		}
	}
}

func BenchmarkLoadDefaultPack(b *testing.B) {
	src := pack.Source{FS: content.FS, Name: pack.Embedded}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pack.Load(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDefaultPackRubrics is what `prep check` pays for the pack.
func BenchmarkLoadDefaultPackRubrics(b *testing.B) {
	src := pack.Source{FS: content.FS, Name: pack.Embedded}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pack.LoadParts(pack.PartRubrics|pack.PartMeta, src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDefaultPackMeta is what `prep version` pays for the pack.
func BenchmarkLoadDefaultPackMeta(b *testing.B) {
	src := pack.Source{FS: content.FS, Name: pack.Embedded}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pack.LoadParts(pack.PartMeta, src); err != nil {
			b.Fatal(err)
		}
	}
}
