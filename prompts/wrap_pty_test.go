//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package prompts

import (
	"fmt"
	"testing"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/google/go-cmp/cmp"
	"github.com/hinshun/vt10x"
)

// An answer longer than the terminal is wide: the line printed above the
// question stays on screen (survey's Input erased it), and the question
// with its answer is broken between words, not inside them.
func TestLongAnswerOnANarrowTerminal(t *testing.T) {
	c, screen, s := narrowTerminal(t)
	fmt.Fprintln(c.Tty(), "The interviewer's last line.")
	promptsDone := make(chan struct{})
	done := typeSteps(t, c, screen, []ptyStep{
		{"Ask the interviewer?", "How long must we keep the audit data, in years?\r"},
	}, promptsDone)
	got, err := s.Input(Question{ID: "ask.0", Message: "Ask the interviewer?"})
	close(promptsDone)
	c.Tty().Close()
	<-done
	if err != nil {
		t.Fatal(err)
	}
	if want := "How long must we keep the audit data, in years?"; got != want {
		t.Errorf("answer %q, want %q", got, want)
	}
	want := "The interviewer's last line.\n" +
		"? Ask the interviewer? How long must we\n" +
		"  keep the audit data, in years?"
	if d := cmp.Diff(want, screenText(screen)); d != "" {
		t.Errorf("screen (-want +got):\n%s", d)
	}
}

// narrowTerminal is a Survey on a pseudo-terminal 40 columns wide, and
// the screen it shows; the console is closed when the test ends.
func narrowTerminal(t *testing.T) (*expect.Console, vt10x.Terminal, *Survey) {
	t.Helper()
	ptyIn, ttyIn, err := pty.Open()
	if err != nil {
		t.Skipf("cannot open a pseudo-terminal here (%v); the terminal prompts are not exercised", err)
	}
	screen := vt10x.New(vt10x.WithWriter(ttyIn), vt10x.WithSize(40, 12))
	c, err := expect.NewConsole(expect.WithStdin(ptyIn), expect.WithStdout(screen),
		expect.WithCloser(ptyIn, ttyIn), expect.WithDefaultTimeout(ptyTimeout))
	if err != nil {
		ptyIn.Close()
		ttyIn.Close()
		t.Skipf("cannot open a pseudo-terminal here (%v); the terminal prompts are not exercised", err)
	}
	t.Cleanup(func() { c.Close() })
	if err := pty.Setsize(c.Tty(), &pty.Winsize{Cols: 40, Rows: 12}); err != nil {
		t.Skipf("cannot size the pseudo-terminal (%v)", err)
	}
	s, err := NewSurvey(c.Tty(), c.Tty(), c.Tty(), WithColor(false))
	if err != nil {
		t.Fatalf("NewSurvey on a pseudo-terminal: %v", err)
	}
	return c, screen, s
}

// A yes-or-no question whose line, with survey's "[? for help] (y/N)"
// and the key typed, would reach the terminal's last column: the key
// wrapped onto a line survey did not count, and its redraw took a line
// above with it (a rehearsal's self-check lost a question that way).
// The question is broken early enough that the typed key fits.
func TestConfirmAtTheEdgeOfTheTerminal(t *testing.T) {
	c, screen, s := narrowTerminal(t)
	fmt.Fprintln(c.Tty(), "? Did you open with it? Yes")
	promptsDone := make(chan struct{})
	// "? Did you say it all [? for help] (y/N) " is 40 wide.
	done := typeSteps(t, c, screen, []ptyStep{{"(y/N)", "y\r"}}, promptsDone)
	got, err := s.Confirm(Question{ID: "beat.1", Message: "Did you say it all", Help: "The card said: all of it."}, false)
	close(promptsDone)
	c.Tty().Close()
	<-done
	if err != nil {
		t.Fatal(err)
	}
	if !got {
		t.Error("answer no, want yes")
	}
	want := "? Did you open with it? Yes\n" +
		"? Did you say it\n" +
		"  all Yes"
	if d := cmp.Diff(want, screenText(screen)); d != "" {
		t.Errorf("screen (-want +got):\n%s", d)
	}
}

func TestWrapPair(t *testing.T) {
	msg, ans := wrapPair("What changed?", "Failed charges fell by eighty per cent in a month", 30)
	if want := "What changed?"; msg != want {
		t.Errorf("message %q, want %q", msg, want)
	}
	// "? What changed? Failed charges" is 30 wide: the last column stays free.
	if want := "Failed\n  charges fell by eighty per\n  cent in a month"; ans != want {
		t.Errorf("answer %q, want %q", ans, want)
	}
	if m, a := wrapPair("Short?", "yes", 0); m != "Short?" || a != "yes" {
		t.Errorf("width unknown: %q %q, want them as given", m, a)
	}
}
