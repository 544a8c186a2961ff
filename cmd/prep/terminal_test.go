//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"
)

// The terminal prep runs in: wide enough that no question wraps, so a
// prompt is one line of the screen, and tall enough for the end of a
// session.
const (
	screenCols = 250
	screenRows = 60
)

// prepRun is one run of prep in a pseudo-terminal of its own, with the
// candidate at the keyboard. Its methods are for the test's goroutine.
//
// The plumbing is survey's own tests': go-expect owns the pseudo-terminal
// and copies what the program writes to a vt10x screen, which answers the
// cursor-position queries (ESC[6n) survey sends before reading a line.
// Two things differ. The screen's answers go through answerBack, which
// keeps them from racing the candidate's keys. And the child is started
// with syscall.ForkExec and reaped with Wait4 by the test itself, so a
// SIGKILL to its process group (prep and the editor it may be running) is
// never sent after the group is gone.
type prepRun struct {
	t      *testing.T
	cd     *candidate
	c      *expect.Console
	screen vt10x.Terminal
	back   *answerBack
	// transcript is all the program wrote, for what scrolled off screen.
	transcript *syncBuffer
	tty        int // the terminal's descriptor, to read its mode
	// at is how the line of the prompt next found starts.
	at string
	// drained is closed once all the program wrote is on the screen.
	drained chan struct{}
	// output ticks when what the program wrote reaches the screen.
	output outputTick
	// progress is the session's progress file as last parsed, from
	// progressData, for next, which reads it every few milliseconds.
	progress     progress
	progressData []byte

	pid    int
	reaped bool
	status syscall.WaitStatus
	closed bool
}

// answerBack places the screen's answers to the program's cursor queries
// in the terminal's input, as a terminal does, in an order survey can
// read.
//
// Survey reads a cursor report through a buffer of its own and drops
// whatever came after the report in the same read, so keys typed just
// after a report are lost now and then: a report written to the terminal
// reaches the program's input a little later, when the kernel gets to it,
// so no check of the input queue can tell it is on its way. Keys typed
// before a report are kept. So a report for a prompt the candidate has
// not typed at yet is held back, and given right after the keys; the
// other reports go at once.
type answerBack struct {
	mu     sync.Mutex
	c      *expect.Console
	screen vt10x.Terminal
	// queued are the reports the screen just wrote; place decides.
	queued [][]byte
	// held are the reports for the prompt on screen, until keys.
	held [][]byte
	// typedAt is how the line of the prompt typed at last starts.
	typedAt string
}

// Write takes a report from the screen. The screen writes it with its own
// lock held, so it is placed once the screen has done with the byte that
// asked for it (see placer).
func (a *answerBack) Write(p []byte) (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.queued = append(a.queued, bytes.Clone(p))
	return len(p), nil
}

// placer follows the screen among the console's outputs, so it sees the
// screen as it was when the program asked.
type placer struct{ a *answerBack }

func (pl placer) Write(p []byte) (int, error) {
	a := pl.a
	a.mu.Lock()
	none := len(a.queued) == 0
	a.mu.Unlock()
	if none {
		return len(p), nil
	}
	// The program draws a prompt before it asks where the cursor is, so
	// the lowest question on screen is the one asking.
	line := lastPrompt(a.screen)
	a.mu.Lock()
	defer a.mu.Unlock()
	q := a.queued
	a.queued = nil
	if line != "" && (a.typedAt == "" || !strings.HasPrefix(line, a.typedAt)) {
		a.held = append(a.held, q...)
		return len(p), nil
	}
	for _, b := range q {
		if _, err := a.c.Write(b); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// typeAt types keys at the prompt whose line starts with at, then gives
// the reports held for it.
func (a *answerBack) typeAt(keys, at string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, err := a.c.Send(keys); err != nil {
		return err
	}
	for _, b := range a.held {
		if _, err := a.c.Write(b); err != nil {
			return err
		}
	}
	a.held = nil
	a.typedAt = at
	return nil
}

// syncBuffer is a bytes.Buffer the screen's goroutine writes and the
// test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// text is what was written, without terminal escape sequences.
func (b *syncBuffer) text() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return ansiEscape.ReplaceAllString(b.buf.String(), "")
}

var ansiEscape = regexp.MustCompile(`\x1b(\[[0-9;?]*[ -/]*[@-~]|[@-Z\\-_])`)

// start runs prep with args (after --dir and the workspace) in a new
// pseudo-terminal, as the leader of a new session whose controlling
// terminal it is, as a shell would start it.
func (cd *candidate) start(t *testing.T, args ...string) *prepRun {
	t.Helper()
	bin := prepBinary(t)
	back := &answerBack{}
	screen := vt10x.New(vt10x.WithWriter(back), vt10x.WithSize(screenCols, screenRows))
	back.screen = screen
	transcript := &syncBuffer{}
	output := make(outputTick, 1)
	c, err := expect.NewConsole(expect.WithStdout(screen, placer{back}, transcript, output))
	if err != nil {
		t.Skipf("cannot open a pseudo-terminal here (%v); prep is not driven through one", err)
	}
	back.c = c
	if err := pty.Setsize(c.Tty(), &pty.Winsize{Rows: screenRows, Cols: screenCols}); err != nil {
		c.Close()
		t.Fatalf("sizing the pseudo-terminal: %v", err)
	}
	fd := c.Tty().Fd()
	argv := append([]string{bin, "--dir", cd.ws}, args...)
	pid, err := syscall.ForkExec(bin, argv, &syscall.ProcAttr{
		Dir:   cd.home,
		Env:   cd.environ(t),
		Files: []uintptr{fd, fd, fd},
		Sys:   &syscall.SysProcAttr{Setsid: true, Setctty: true},
	})
	if err != nil {
		c.Close()
		t.Fatalf("starting %s: %v", bin, err)
	}
	r := &prepRun{t: t, cd: cd, c: c, screen: screen, back: back, transcript: transcript, tty: int(fd), drained: make(chan struct{}), output: output, pid: pid}
	go func() {
		defer close(r.drained)
		_, _ = c.ExpectEOF()
	}()
	t.Cleanup(r.cleanup)
	return r
}

// cleanup ends a run the test left halfway, as when it failed, and
// gives the pseudo-terminal back: the system has a few thousand.
func (r *prepRun) cleanup() {
	if r.closed {
		return
	}
	r.closed = true
	if !r.reaped {
		r.kill()
	}
	r.c.Close()
	select {
	case <-r.drained:
	case <-time.After(waitLimit):
	}
}

// outputTick is told of each write to the screen, and keeps one tick
// for the test's next pause.
type outputTick chan struct{}

func (o outputTick) Write(p []byte) (int, error) {
	select {
	case o <- struct{}{}:
	default:
	}
	return len(p), nil
}

// pause waits for the screen to change, or for a few milliseconds: what
// the tests wait for mostly comes as output, so they look again when it
// does rather than reading the whole 250-column screen every tick, but
// the terminal's switch to raw mode and the program's end are not
// output.
func (r *prepRun) pause() {
	t := time.NewTimer(5 * time.Millisecond)
	defer t.Stop()
	select {
	case <-r.output:
	case <-t.C:
	}
}

// exited reports whether the program has ended, reaping it if so.
func (r *prepRun) exited() bool {
	if r.reaped {
		return true
	}
	var st syscall.WaitStatus
	pid, err := syscall.Wait4(r.pid, &st, syscall.WNOHANG, nil)
	if err == nil && pid == r.pid {
		r.reaped, r.status = true, st
	}
	return r.reaped
}

// kill ends the program with SIGKILL, as a power cut or kill -9 would,
// together with the editor it may be running, and reaps it. Until the
// test reaps it the program's process group cannot be anyone else's, so
// the signal reaches only what this test started.
func (r *prepRun) kill() {
	if !r.reaped {
		if err := syscall.Kill(-r.pid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
			r.t.Errorf("killing prep (pid %d): %v", r.pid, err)
		}
		for {
			var st syscall.WaitStatus
			pid, err := syscall.Wait4(r.pid, &st, 0, nil)
			if errors.Is(err, syscall.EINTR) {
				continue
			}
			if err != nil || pid != r.pid {
				r.t.Errorf("reaping prep (pid %d): %v", r.pid, err)
			}
			r.status = st
			break
		}
		r.reaped = true
	}
	r.drain()
}

// wait waits for the program to end on its own and for all it wrote to
// be on the screen, and returns its exit status.
func (r *prepRun) wait() syscall.WaitStatus {
	r.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !r.exited() {
		if time.Now().After(deadline) {
			r.fatalf("prep did not end within %v", waitLimit)
		}
		time.Sleep(2 * time.Millisecond)
	}
	r.drain()
	return r.status
}

// drain lets the screen read what is left: once the program is gone,
// closing the test's end of the terminal ends the output.
func (r *prepRun) drain() {
	r.c.Tty().Close()
	select {
	case <-r.drained:
	case <-time.After(waitLimit):
		r.t.Errorf("the screen never saw the end of prep's output")
	}
}

// raw reports whether the terminal is in raw mode, which survey sets
// once a prompt is drawn and ready for keys. Keys sent before it go
// through the line discipline, which would eat Ctrl-C.
func (r *prepRun) raw() (bool, error) {
	tio, err := unix.IoctlGetTermios(r.tty, ioctlGetTermios)
	if err != nil {
		return false, fmt.Errorf("reading the terminal's mode: %v", err)
	}
	return tio.Lflag&unix.ICANON == 0, nil
}

// send types keys at the prompt next found.
func (r *prepRun) send(keys string) {
	r.t.Helper()
	if r.at == "" {
		r.fatalf("typing %q with no prompt on the screen", keys)
	}
	if err := r.back.typeAt(keys, r.at); err != nil {
		r.fatalf("typing %q: %v", keys, err)
	}
}

// next waits until the program asks a question other than prev, shows it
// and reads keys, and returns its id; "" when the program ended instead.
// The id comes from the session's progress file, where prep records the
// question before asking it; resuming says the question is the one about
// resuming, which is asked before that.
func (r *prepRun) next(prev string, resuming bool) string {
	r.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		if r.exited() {
			return ""
		}
		id, answers := "resume", map[string]string(nil)
		if !resuming {
			p, data, err := readProgressSince(r.cd.ws, r.progressData, r.progress)
			r.progress, r.progressData = p, data
			if err != nil {
				r.fatalf("reading where the session is: %v", err)
			}
			id, answers = p.Step, p.Answers
		}
		if id != "" && id != prev {
			msg, err := questionText(r.t, id, answers)
			if err != nil {
				r.fatalf("%v", err)
			}
			if at := "? " + msg; strings.HasPrefix(lastPrompt(r.screen), at) {
				raw, err := r.raw()
				if err != nil {
					r.fatalf("%v", err)
				}
				if raw {
					r.at = at
					return id
				}
			}
		}
		if time.Now().After(deadline) {
			r.fatalf("waited %v for the question after %q (the progress file is at %q)", waitLimit, prev, id)
		}
		r.pause()
	}
}

// answer answers question id from the answer table.
func (r *prepRun) answer(id string) {
	r.t.Helper()
	a, err := lookupAnswer(id)
	if err != nil {
		r.fatalf("%v", err)
	}
	if isText(id) {
		// The editor opens on Enter and saves the prepared answer. An
		// empty one is not taken in silence: prep asks what now, and
		// the candidate skips the question for now.
		r.cd.prepareEditor(r.t, a.says)
		r.send("\r")
		if strings.TrimSpace(a.says) == "" {
			r.waitPrompt(emptyAnswerPrompt)
			r.send("skip\r")
		}
		return
	}
	// Input and Confirm take the line; Select filters its options to the
	// one typed, which Enter picks.
	if !isSelect(id) && strings.ContainsRune(a.says, 'R') {
		// Keys may come before the prompt's cursor reports (see
		// answerBack), and survey takes an R among them for the end of
		// one, then waits for a report it already swallowed.
		r.fatalf("the answer to %s has an R, which survey cannot take typed ahead; change the answer", id)
	}
	r.send(a.says + "\r")
}

// emptyAnswerPrompt is the question prep asks when the editor gives no
// answer.
const emptyAnswerPrompt = "? Write the answer now, or skip it for now?"

func isSelect(id string) bool {
	p := strings.Split(id, ".")
	return id == "resume" || id == "projects.count" || len(p) == 4 && p[0] == "story" && p[2] == "fix"
}

// isText says whether id is answered in the editor; the others are
// typed on the prompt's line.
func isText(id string) bool {
	p := strings.Split(id, ".")
	return p[0] == "story" && (len(p) == 3 || p[2] == "revise" || p[2] == "followup")
}

// screenText is what the terminal shows, without the blank right and
// bottom.
func (r *prepRun) screenText() string { return screenText(r.screen) }

func screenText(screen vt10x.Terminal) string {
	lines := strings.Split(screen.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \x00")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// lastPrompt is the lowest line of the screen that holds a question:
// survey starts each with "? ". The screen is read cell by cell, from
// the bottom: the tests look for the prompt every few milliseconds, and
// turning the whole 250 by 60 screen into a string each time was most
// of the kill test's own work.
func lastPrompt(screen vt10x.Terminal) string {
	screen.Lock()
	defer screen.Unlock()
	cols, rows := screen.Size()
	for y := rows - 1; y >= 0; y-- {
		if screen.Cell(0, y).Char != '?' || screen.Cell(1, y).Char != ' ' {
			continue
		}
		line := make([]rune, cols)
		for x := range line {
			line[x] = screen.Cell(x, y).Char
		}
		return strings.TrimRight(string(line), " \x00")
	}
	return ""
}

// fatalf stops the test with what the candidate would see.
func (r *prepRun) fatalf(format string, args ...any) {
	r.t.Helper()
	state := "running"
	if r.exited() {
		state = describeStatus(r.status)
	} else if raw, err := r.raw(); err == nil {
		state = fmt.Sprintf("running, terminal raw=%v", raw)
	}
	r.t.Fatalf("%s\nprep: %s\nscreen:\n%s", fmt.Sprintf(format, args...), state, r.screenText())
}

func describeStatus(st syscall.WaitStatus) string {
	switch {
	case st.Exited():
		return fmt.Sprintf("exited with status %d", st.ExitStatus())
	case st.Signaled():
		return fmt.Sprintf("was killed by signal %d (%v)", int(st.Signal()), st.Signal())
	}
	return fmt.Sprintf("ended (%#x)", uint32(st))
}
