package session

import (
	"io"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/packdoc"
	"github.com/prepcli/prep/internal/text"
)

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

// writeTo sends the session's output to ios.Out, wrapped to the width of
// its terminal (ios.TerminalWidth), or to packdoc.Width when there is
// none; nil discards it.
func (s *Session) writeTo(ios *iostreams.IOStreams) {
	s.out = io.Discard
	if ios != nil && ios.Out != nil {
		s.out = ios.Out
		s.width = packdoc.FitWidth(ios.TerminalWidth())
	}
}

// counts is a check's summary in words: "1 error and 2 warnings".
func counts(s check.Summary) string {
	return text.Plural(s.Errors, "error") + " and " + text.Plural(s.Warnings, "warning")
}
