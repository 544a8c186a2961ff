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
