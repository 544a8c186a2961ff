//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package prompts

import (
	"strings"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
)

// In a real terminal, a Select of ten whose default is the last shows
// the first options too: survey's page of 7 hid them with no marker.
func TestSelectPageInATerminal(t *testing.T) {
	ptyIn, ttyIn, err := pty.Open()
	if err != nil {
		t.Skipf("cannot open a pseudo-terminal here (%v)", err)
	}
	screen := vt10x.New(vt10x.WithWriter(ttyIn), vt10x.WithSize(80, 24))
	c, err := expect.NewConsole(expect.WithStdin(ptyIn), expect.WithStdout(screen),
		expect.WithCloser(ptyIn, ttyIn), expect.WithDefaultTimeout(ptyTimeout))
	if err != nil {
		ptyIn.Close()
		ttyIn.Close()
		t.Skipf("cannot open a pseudo-terminal here (%v)", err)
	}
	defer c.Close()
	if err := pty.Setsize(c.Tty(), &pty.Winsize{Rows: 24, Cols: 80}); err != nil {
		t.Skipf("cannot size the pseudo-terminal (%v)", err)
	}
	s, err := NewSurvey(c.Tty(), c.Tty(), c.Tty(), WithColor(false))
	if err != nil {
		t.Fatal(err)
	}
	ten := []string{"Situation", "Task", "Action", "Result", "Trade-offs", "Lessons", "Architecture", "Contribution", "Follow-ups", "Move on"}
	stop := make(chan struct{})
	seen := make(chan string, 1)
	go func() {
		defer close(seen)
		if _, err := c.ExpectString("Move on"); err != nil {
			seen <- "never saw the prompt: " + err.Error()
			return
		}
		if err := waitMode(c.Tty(), true, time.Now().Add(ptyTimeout), stop); err != nil {
			seen <- err.Error()
			return
		}
		seen <- screenText(screen)
		_, _ = c.Send("\r")
		_, _ = c.ExpectEOF()
	}()
	i, err := s.Select(Question{ID: "story.0.fix.0", Message: "Fix a section now, or move on?"}, ten, 9)
	close(stop)
	c.Tty().Close()
	shown := <-seen
	if err != nil || i != 9 {
		t.Errorf("Select = %d, %v; want 9 (Move on, the default)", i, err)
	}
	for _, o := range ten {
		if !strings.Contains(shown, o) {
			t.Errorf("%q is not on the screen:\n%s", o, shown)
		}
	}
}
