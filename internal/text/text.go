// Package text holds the small helpers every command uses to lay out
// what it prints: one line for a title or a message, a count with its
// noun, paragraphs filled to a width. One implementation of each, so that
// a title reads the same in every command. Sentence splitting is not
// here: it belongs with the checker's wording (wording.Sentences).
package text

import (
	"strconv"
	"strings"
	"unicode"
)

// Clean keeps control characters in a pack's text or a file's title from
// reaching the terminal, where an escape sequence could move the cursor,
// recolour it, clear the screen, retitle the window or write to the
// clipboard; each becomes "?". Line ends and tabs stay. Every command that
// prints text it did not write itself (a pack's, a story's title) passes
// it through here.
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

// OneLine is s with every run of white space, line ends included, made
// one space and none at either end: a draft joined for a one-line prompt,
// a title in a table row.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// CleanLine is s cleaned of control characters (Clean) and on one line
// (OneLine), for a title or a name from a file or a pack shown in a
// heading, a table row or a message.
func CleanLine(s string) string {
	return OneLine(Clean(s))
}

// FirstLine is the first line of s, trimmed: an error from a library
// that spans several lines keeps the promise of one line per message.
// Unlike OneLine it drops the rest rather than joining it.
func FirstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}

// Plural is n and word, with an "s" unless n is 1: "1 error", "2
// errors", "0 warnings". Only for nouns that take a plain "s".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// Words splits s into lower-case words of letters and digits, so
// "Postgres," and "postgres" are one word and "trade-off" is two.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
