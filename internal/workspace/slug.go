package workspace

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSlug keeps file names short enough to read in a listing and far
// below every file system's limit, even in multi-byte letters.
const maxSlug = 60

// Slug makes a file name stem from a title: lower-case letters and digits
// (any script) joined by single hyphens, cut at a word boundary. A title
// with no letter or digit gives "story".
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range title {
		switch {
		case r == '\'' || r == '’':
			// "Won't" reads better as "wont" than "won-t".
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > maxSlug {
		cut := strings.LastIndexByte(s[:maxSlug+1], '-')
		if cut <= 0 {
			cut = maxSlug
			for cut > 0 && !utf8.RuneStart(s[cut]) {
				cut--
			}
		}
		s = s[:cut]
	}
	if s == "" {
		return "story"
	}
	if reservedName(s) {
		s += "-story"
	}
	return s
}

// reservedName reports names Windows refuses as files, whatever the
// extension.
func reservedName(s string) bool {
	switch s {
	case "con", "prn", "aux", "nul":
		return true
	}
	if len(s) == 4 && (strings.HasPrefix(s, "com") || strings.HasPrefix(s, "lpt")) && s[3] >= '0' && s[3] <= '9' {
		return true
	}
	return false
}
