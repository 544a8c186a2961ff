package wording

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The byte tables are written out; they must say what their comments do.
func TestByteTables(t *testing.T) {
	for c := 0; c < utf8.RuneSelf; c++ {
		word := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if asciiWord[c] != word {
			t.Errorf("asciiWord[%q] = %v", rune(c), asciiWord[c])
		}
		if inner := strings.ContainsRune(".-'/,_", rune(c)); innerMark[c] != inner {
			t.Errorf("innerMark[%q] = %v", rune(c), innerMark[c])
		}
	}
}

// FuzzSqueeze holds squeeze, which leaves most lines beyond ASCII as they
// are, to what it did before it looked at their runes: squeeze every line
// with a tab, a carriage return, two spaces or a rune beyond ASCII.
func FuzzSqueeze(f *testing.F) {
	for _, s := range []string{"a — b", "a\u00a0b", "x\vé", " a  b ", "café\tau lait", "\xff \xfe", "ü\u2003ü", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, l string) {
		want := strings.TrimSpace(l)
		for i := 0; i < len(want); i++ {
			if c := want[i]; c == '\t' || c == '\r' || c == ' ' && i+1 < len(want) && want[i+1] == ' ' || c >= utf8.RuneSelf {
				want = strings.Join(strings.Fields(want), " ")
				break
			}
		}
		if got := squeeze(l); got != want {
			t.Errorf("squeeze(%q) = %q, want %q", l, got, want)
		}
	})
}

// FuzzASCIILower holds asciiLower, which copies the runs between capitals
// whole, to lowering the capitals byte by byte.
func FuzzASCIILower(f *testing.F) {
	for _, s := range []string{"", "abc", "ABC", "Hello World", "ÉTÉ Kafka", "a\xffB", "ZZ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := []byte(s)
		for i, c := range want {
			if 'A' <= c && c <= 'Z' {
				want[i] = c + 'a' - 'A'
			}
		}
		if got := asciiLower(s); got != string(want) {
			t.Errorf("asciiLower(%q) = %q, want %q", s, got, want)
		}
	})
}
