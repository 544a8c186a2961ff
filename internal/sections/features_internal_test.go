package sections

import (
	"math"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzFeatureWords holds appendFeatureWords, which reads a sentence in
// one pass, to what the model was trained on: the words of the
// lower-cased sentence split at anything but a letter, digit or
// apostrophe.
func FuzzFeatureWords(f *testing.F) {
	for _, s := range []string{
		"We cut p99 from 800 ms to 120 ms.", "I'd rewritten 'the' CACHE’s 2nd tier", "''' 'a' x'",
		"Ünïcödé ÉTÉ naïve — straße İstanbul ǅ", "bad \xff\xfe bytes\xc3", "x²³ ① Ⅻ ½ ٣٤", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []string
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
		}) {
			w = strings.Trim(w, "'")
			if w == "" {
				continue
			}
			if strings.ContainsAny(w, "0123456789") {
				w = "<num>"
			}
			want = append(want, w)
		}
		if diff := cmp.Diff(want, appendFeatureWords(nil, s), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("appendFeatureWords(nil, %q) (-want +got):\n%s", s, diff)
		}
	})
}

// The transition weights are written out; they must be the logarithms
// their comments name.
func TestTransitionLogs(t *testing.T) {
	for _, c := range []struct {
		got float64
		p   float64
	}{{stayPara, 0.9}, {stayBreak, 0.55}, {onPara, 0.08}, {onBreak, 0.4}, {backPara, 0.02}, {backBreak, 0.05}} {
		if want := math.Log(c.p); c.got != want {
			t.Errorf("ln %v is written %v; it is %v", c.p, c.got, want)
		}
	}
}
