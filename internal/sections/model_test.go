package sections

import (
	"testing"
)

// TestModelDecodes checks the embedded model reads whole and knows the
// default rubrics it was trained for.
func TestModelDecodes(t *testing.T) {
	m, err := decodeModel(modelBin)
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"star", "design", "scale", "debug"} {
		k, ok := m[kind]
		if !ok || len(k.words) == 0 || len(k.w) != len(k.words)*len(k.prior) {
			t.Errorf("model for %q: ok %v, %d words", kind, ok, len(k.words))
		}
	}
	if _, err := decodeModel(modelBin[:len(modelBin)/2]); err == nil {
		t.Error("a model cut in half decoded without an error")
	}
}

// BenchmarkLoadModel is what the first inference of a run pays to read
// the embedded model.
func BenchmarkLoadModel(b *testing.B) {
	for b.Loop() {
		if _, err := decodeModel(modelBin); err != nil {
			b.Fatal(err)
		}
	}
}
