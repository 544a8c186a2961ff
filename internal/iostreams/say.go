package iostreams

import (
	"fmt"
	"io"

	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/text"
)

// The lines prep writes about itself on the error stream all start with
// the name it was run as ("prep: …", "prep: warning: …"), so a user can
// tell them from a command's output. These are the one place that writes
// them. A message may quote a pack's text or a file's name: no control
// character reaches the terminal.

// Sayf writes "prep: <message>" on w.
func Sayf(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "%s: %s\n", progname.Name(), text.Clean(fmt.Sprintf(format, args...)))
}

// Warnf writes "prep: warning: <message>" on w: something the user should
// know and may fix, that did not stop the command.
func Warnf(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "%s: warning: %s\n", progname.Name(), text.Clean(fmt.Sprintf(format, args...)))
}

// Sayf is Sayf on the streams' error stream.
func (s *IOStreams) Sayf(format string, args ...any) { Sayf(s.ErrOut, format, args...) }

// Warnf is Warnf on the streams' error stream.
func (s *IOStreams) Warnf(format string, args ...any) { Warnf(s.ErrOut, format, args...) }

// PrintError writes err as prep reports every error that ends a command:
// one line, the first of err's message, after the name prep was run as.
func (s *IOStreams) PrintError(err error) {
	Sayf(s.ErrOut, "%s", text.FirstLine(err.Error()))
}
