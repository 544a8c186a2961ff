package session

import (
	"strconv"
	"strings"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/packdoc"
)

// Fill fills pack text to the width prep uses when it does not know the
// terminal's; a session wraps to its terminal with Session.Wrap.
func Fill(text, first, rest string) string {
	return packdoc.Wrap(clean(text), first, rest, packdoc.Width)
}

// Wrap fills text to the session's width: its terminal's (capped at
// packdoc.MaxWidth), or packdoc.Width when output is not a terminal.
func (s *Session) Wrap(text, first, rest string) string {
	return packdoc.Wrap(clean(text), first, rest, s.Width())
}

// Width is the column the session's text is wrapped at.
func (s *Session) Width() int {
	if s.width <= 0 {
		return packdoc.Width
	}
	return s.width
}

// FitTo wraps the session's text to the width of the terminal its output
// goes to (io.TerminalWidth), or to packdoc.Width when there is none.
func (s *Session) FitTo(io *iostreams.IOStreams) {
	if io != nil {
		s.width = packdoc.FitWidth(io.TerminalWidth())
	}
}

// clean keeps control characters in a pack's text or a file's title from
// reaching the terminal; line ends and tabs stay.
func clean(s string) string { return packdoc.Clean(s) }

// oneLine is s on one line, for titles shown in headings and messages.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// counts is a check's summary in words: "1 error and 2 warnings".
func counts(s check.Summary) string {
	return Plural(s.Errors, "error") + " and " + Plural(s.Warnings, "warning")
}

// Plural is n and word, with an "s" unless n is 1: "1 role", "3 cards".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
