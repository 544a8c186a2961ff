package sections

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
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
		if !ok || k.vocab == 0 || len(k.w) != 4*k.vocab*len(k.prior) {
			t.Errorf("model for %q: ok %v, %d words", kind, ok, k.vocab)
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

// Decoding one rubric's part on its own gives what decoding the whole
// model gives for it.
func TestModelDecodesKindByKind(t *testing.T) {
	whole, err := decodeModel(modelBin)
	if err != nil {
		t.Fatal(err)
	}
	segs, err := splitModel(modelBin)
	if err != nil {
		t.Fatal(err)
	}
	if len(segs) != len(whole) {
		t.Fatalf("%d parts, want %d", len(segs), len(whole))
	}
	for kind, seg := range segs {
		got, k, rest, err := readKind(seg, true)
		if err != nil || got != kind || rest != "" {
			t.Fatalf("%s: kind %q, %d bytes left, %v", kind, got, len(rest), err)
		}
		if diff := cmp.Diff(whole[kind], k, cmp.AllowUnexported(kindWeights{})); diff != "" {
			t.Errorf("%s (-whole +alone):\n%s", kind, diff)
		}
		if modelFor(kind) == nil {
			t.Errorf("modelFor(%q) = nil", kind)
		}
	}
	if _, err := splitModel(modelBin[:len(modelBin)-1]); err == nil {
		t.Error("a model one byte short split without an error")
	}
}

// BenchmarkLoadModelKind is what the first inference of a run pays now:
// finding the rubrics' parts, and decoding star's.
func BenchmarkLoadModelKind(b *testing.B) {
	for b.Loop() {
		segs, err := splitModel(modelBin)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, _, err := readKind(segs["star"], true); err != nil {
			b.Fatal(err)
		}
	}
}

// Every word of the model is found in its hash table, with its own row,
// and a word the model does not know is not.
func TestModelLookup(t *testing.T) {
	m, err := decodeModel(modelBin)
	if err != nil {
		t.Fatal(err)
	}
	for kind, k := range m {
		n := 4 * len(k.prior)
		for i := range k.vocab {
			w := k.word(i)
			if i > 0 && w <= k.word(i-1) {
				t.Fatalf("%s: word %d %q is not after %q", kind, i, w, k.word(i-1))
			}
			r, ok := k.lookup(w)
			if !ok || string(r) != k.w[i*n:i*n+n] {
				t.Fatalf("%s: lookup(%q) = %v, not its row", kind, w, ok)
			}
		}
		if _, ok := k.lookup("no-such-feature"); ok {
			t.Errorf("%s: lookup found a word the model does not know", kind)
		}
	}
}

// BenchmarkExplain is why a section was placed, for a section as long as
// a whole story: what `prep check` pays for each section it placed.
func BenchmarkExplain(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "check", "testdata", "bench", "plain.md"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if len(Explain("star", "action", string(data), 12)) == 0 {
			b.Fatal("nothing explained")
		}
	}
}
