package sections

import (
	"testing"
	"unicode/utf8"
)

// The byte tables are written out; they must say what their comments do.
func TestByteClasses(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := uint8(clsOther)
		switch {
		case c >= utf8.RuneSelf:
			want = clsHigh
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			want = clsAlnum
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			want = clsSpace
		case c == '\'':
			want = clsApos
		}
		if cls[c] != want {
			t.Errorf("cls[%#x] = %d, want %d", c, cls[c], want)
		}
		if c < utf8.RuneSelf && asciiAlnum[c] != (want == clsAlnum) {
			t.Errorf("asciiAlnum[%#x] = %v", c, asciiAlnum[c])
		}
	}
}
