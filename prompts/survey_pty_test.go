//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package prompts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/google/go-cmp/cmp"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"
)

// fakeEditorEnv makes the test binary act as the candidate's editor, so
// Text is driven end to end without depending on an editor being installed.
const fakeEditorEnv = "PREP_PROMPTS_TEST_EDITOR"

// openedEnv, when set, names a file the fake editor copies the file it
// is given to, before it edits it, so a test can see what prep wrote.
const openedEnv = "PREP_PROMPTS_TEST_OPENED"

func TestMain(m *testing.M) {
	if mode := os.Getenv(fakeEditorEnv); mode != "" {
		os.Exit(fakeEditor(mode, os.Args[len(os.Args)-1]))
	}
	os.Exit(m.Run())
}

// fakeEditor plays a person at the editor, by mode: "1" adds a line and
// saves the way notepad saves; "quit" leaves without saving; "empty"
// saves an empty file; "fail" saves half an answer and exits with an
// error, as vi's :cq does.
func fakeEditor(mode, path string) int {
	data, err := os.ReadFile(path)
	if err == nil && os.Getenv(openedEnv) != "" {
		err = os.WriteFile(os.Getenv(openedEnv), data, 0o600)
	}
	if err == nil {
		switch mode {
		case "quit":
			return 0
		case "empty":
			err = os.WriteFile(path, nil, 0o600)
		case "fail":
			if err := os.WriteFile(path, []byte("Half written\n"), 0o600); err != nil {
				fmt.Fprintln(os.Stderr, err)
			}
			return 1
		default:
			data = append(data, "\r\nEdited in a "+filepath.Ext(path)+" file.\r\n"...)
			err = os.WriteFile(path, data, 0o600)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// Generous: on a loaded machine a prompt can take a while to appear, and a
// failing run only waits this long once.
const ptyTimeout = 30 * time.Second

// One session through a real pseudo-terminal, as survey's own tests drive
// it: what the candidate types, what comes back, Ctrl-C and Ctrl-D.
func TestSurveyInATerminal(t *testing.T) {
	// vt10x plays the terminal: it answers survey's cursor-position
	// queries on ttyIn, and the console forwards them as typed input.
	ptyIn, ttyIn, err := pty.Open()
	if err != nil {
		t.Skipf("cannot open a pseudo-terminal here (%v); the terminal prompts are not exercised", err)
	}
	screen := vt10x.New(vt10x.WithWriter(ttyIn))
	c, err := expect.NewConsole(expect.WithStdin(ptyIn), expect.WithStdout(screen),
		expect.WithCloser(ptyIn, ttyIn), expect.WithDefaultTimeout(ptyTimeout))
	if err != nil {
		ptyIn.Close()
		ttyIn.Close()
		t.Skipf("cannot open a pseudo-terminal here (%v); the terminal prompts are not exercised", err)
	}
	defer c.Close()

	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(fakeEditorEnv, "1")
	s, err := NewSurvey(c.Tty(), c.Tty(), c.Tty(), WithColor(false), WithEditor("'"+exe+"'"))
	if err != nil {
		t.Fatalf("NewSurvey on a pseudo-terminal: %v", err)
	}

	const (
		down   = "\x1b[B"
		up     = "\x1b[A"
		enter  = "\r"
		ctrlC  = "\x03"
		ctrlD  = "\x04"
		refuse = "say which company"
	)
	// Each step waits for text on the screen, then for the prompt to be
	// reading, then types.
	steps := []ptyStep{
		{"Company?", enter}, // nothing typed: refused by Validate
		{refuse, "Acme" + enter},
		{"Still there?", "y" + enter},
		{"Which project?", down + down + up + down + enter},
		{"Which ones to feature?", " " + down + " " + enter},
		{"What changed?", enter}, // opens the editor
		{"Title?", ctrlC},
		{"Dates?", "?" + enter},
		{"Years, like 2019 to 2021", ctrlD},
	}
	promptsDone := make(chan struct{})
	done := typeSteps(t, c, screen, steps, promptsDone)

	type answers struct {
		Company        string
		Sure           bool
		Project        int
		Featured       []int
		Result         string
		TitleInterrupt bool
		DatesInterrupt bool
	}
	var got answers
	var errs []error
	keep := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	got.Company, err = s.Input(Question{ID: "timeline.0.company", Message: "Company?", Validate: func(a string) error {
		if strings.TrimSpace(a) == "" {
			return errors.New(refuse)
		}
		return nil
	}})
	keep(err)
	got.Sure, err = s.Confirm(Question{ID: "sure", Message: "Still there?"}, false)
	keep(err)
	got.Project, err = s.Select(Question{ID: "project", Message: "Which project?"}, []string{"Payments", "Search", "On-call"}, 0)
	keep(err)
	got.Featured, err = s.MultiSelect(Question{ID: "featured", Message: "Which ones to feature?"}, []string{"Payments", "Search", "On-call"}, nil)
	keep(err)
	got.Result, err = s.Text(Question{ID: "story.0.result", Message: "What changed?", Default: "Failed charges fell by 80%."})
	keep(err)
	_, err = s.Input(Question{ID: "timeline.0.title", Message: "Title?"})
	got.TitleInterrupt = errors.Is(err, ErrInterrupted)
	_, err = s.Input(Question{ID: "timeline.0.dates", Message: "Dates?", Help: "Years, like 2019 to 2021"})
	got.DatesInterrupt = errors.Is(err, ErrInterrupted)

	close(promptsDone)
	c.Tty().Close()
	<-done

	if len(errs) > 0 {
		t.Errorf("prompt errors: %v", errs)
	}
	want := answers{
		Company:        "Acme",
		Sure:           true,
		Project:        2,
		Featured:       []int{0, 1},
		Result:         "Failed charges fell by 80%.\nEdited in a .md file.",
		TitleInterrupt: true,
		DatesInterrupt: true,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
}

// errStopped says the prompts are over.
var errStopped = errors.New("the prompts ended")

// ptyStep waits for text on the screen, then for the prompt to be
// reading, then types keys.
type ptyStep struct{ wait, keys string }

// typeSteps types steps into c from a goroutine, and returns a channel
// closed when it is done and the program's output has ended. On a step
// that does not come it reports the screen and interrupts every prompt
// still to come, so the test does not hang; promptsDone says the
// prompts are over.
func typeSteps(t *testing.T, c *expect.Console, screen vt10x.Terminal, steps []ptyStep, promptsDone <-chan struct{}) <-chan struct{} {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, st := range steps {
			err := func() error {
				if _, err := c.ExpectString(st.wait); err != nil {
					return fmt.Errorf("waiting for %q on the screen: %v", st.wait, err)
				}
				if err := waitMode(c.Tty(), true, time.Now().Add(ptyTimeout), promptsDone); err != nil {
					return fmt.Errorf("at %q: %v", st.wait, err)
				}
				_, err := c.Send(st.keys)
				return err
			}()
			if err != nil {
				t.Errorf("%v\nscreen:\n%s", err, screenText(screen))
				interruptAll(c, promptsDone)
				return
			}
		}
		_, _ = c.ExpectEOF()
	}()
	return done
}

// waitMode returns once the terminal is in raw mode (raw) or back out of
// it. Survey turns raw mode on after drawing a prompt, and keys sent
// before that go through the line discipline, which would eat Ctrl-C and
// Ctrl-D. It polls for the condition; the pause only spares the CPU. A
// zero deadline waits until stop.
func waitMode(tty *os.File, raw bool, deadline time.Time, stop <-chan struct{}) error {
	for {
		select {
		case <-stop:
			return errStopped
		default:
		}
		tio, err := unix.IoctlGetTermios(int(tty.Fd()), ioctlGetTermios)
		if err != nil {
			return fmt.Errorf("reading the terminal's mode: %v", err)
		}
		if (tio.Lflag&unix.ICANON == 0) == raw {
			return nil
		}
		if !deadline.IsZero() && time.Now().After(deadline) {
			return errors.New("the prompt never started reading keys")
		}
		time.Sleep(time.Millisecond)
	}
}

// interruptAll presses Ctrl-C at every prompt until stop, so a test that
// lost its way fails instead of hanging: closing the console cannot wake a
// prompt blocked reading the terminal. The gap between two prompts can be
// too short to see, so it keeps pressing; a Ctrl-C too many ends the next
// prompt, which is the point.
func interruptAll(c *expect.Console, stop <-chan struct{}) {
	// Survey waits for the terminal's answers to its cursor queries, which
	// vt10x gives only while the screen is read.
	go func() { _, _ = c.ExpectEOF() }()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		if waitMode(c.Tty(), true, time.Time{}, stop) != nil {
			return
		}
		if _, err := c.Send("\x03"); err != nil {
			return
		}
		select {
		case <-stop:
			return
		case <-tick.C:
		}
	}
}

// screenText is what the terminal shows, without the blank right and bottom.
func screenText(t vt10x.Terminal) string {
	lines := strings.Split(t.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}
