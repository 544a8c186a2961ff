package session

import (
	"strings"
	"unicode"

	"github.com/prepcli/prep/internal/packdoc"
)

// wrap fills pack text to the width the rest of prep uses.
func wrap(text, first, rest string) string {
	return packdoc.Wrap(clean(text), first, rest, packdoc.Width)
}

// clean keeps control characters in a pack's text or a file's title from
// reaching the terminal; line ends and tabs stay.
func clean(s string) string { return packdoc.Clean(s) }

// oneLine is s on one line, for titles shown in headings and messages.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// words splits text into lower-case words of letters and digits, so
// "Postgres," and "postgres" are one word and "trade-off" is two.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
