package session

import (
	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/packdoc"
	"github.com/prepcli/prep/internal/text"
)

// Fill fills pack text to the width prep uses when it does not know the
// terminal's; a session wraps to its terminal with Session.Wrap.
func Fill(s, first, rest string) string {
	return text.Wrap(text.Clean(s), first, rest, packdoc.Width)
}

// Wrap fills text to the session's width: its terminal's (capped at
// packdoc.MaxWidth), or packdoc.Width when output is not a terminal.
func (s *Session) Wrap(t, first, rest string) string {
	return text.Wrap(text.Clean(t), first, rest, s.Width())
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

// counts is a check's summary in words: "1 error and 2 warnings".
func counts(s check.Summary) string {
	return text.Plural(s.Errors, "error") + " and " + text.Plural(s.Warnings, "warning")
}
