package packdoc

import (
	"strings"
	"unicode"
)

// Clean keeps control characters in a pack's text or a file's title from
// reaching the terminal, where an escape sequence could move the cursor,
// recolour it, clear the screen, retitle the window or write to the
// clipboard; line ends and tabs stay. Every command that prints text it
// did not write itself (a pack's, a story's title) passes it through
// here.
func Clean(s string) string {
	bad := func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }
	if !strings.ContainsFunc(s, bad) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if bad(r) {
			return '?'
		}
		return r
	}, s)
}

// OneLine is s cleaned and on one line, for a title or a name shown in a
// heading, a table row or a message.
func OneLine(s string) string {
	return strings.Join(strings.Fields(Clean(s)), " ")
}
