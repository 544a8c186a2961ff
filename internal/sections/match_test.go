package sections

import (
	"testing"

	"github.com/prepcli/prep/internal/pack/compiled"
)

// BenchmarkNewMatcher is what the first check of a run pays to compile
// the built-in star rubric's labels and cues (matcherFor).
func BenchmarkNewMatcher(b *testing.B) {
	r, ok := compiled.Embedded().Rubric("star")
	if !ok {
		b.Fatal("no star rubric in the built-in pack")
	}
	b.ReportAllocs()
	for b.Loop() {
		newMatcher(r)
	}
}
