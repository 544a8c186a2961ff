package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/yamlerr"
)

var (
	// ErrBusy is matched (errors.Is) by the error of a Lock that another
	// prep holds.
	ErrBusy error = &lazy.Error{Msg: "workspace in use"}
	// ErrChanged is matched by the error of a save refused because the file
	// changed on disk since it was read: saving would lose those edits.
	ErrChanged error = &lazy.Error{Msg: "file changed on disk"}
	// ErrNotFound is matched by the error of a story reference that names
	// no story.
	ErrNotFound error = &lazy.Error{Msg: "no such story"}
)

// ParseError is a workspace file prep cannot read. prep never writes over
// such a file: the candidate may be in the middle of editing it.
type ParseError struct {
	Path string
	Line int // 1-based; 0 when the problem has no line
	// Msg says what is wrong and what to do, without the path.
	Msg string
	// Refused is set when a save was refused because of the problem.
	Refused bool
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		b.WriteString(":")
		b.WriteString(strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Refused {
		b.WriteString(", then try again (prep does not write over a file it cannot read)")
	}
	return b.String()
}

// refused marks err, when it is a ParseError, as the reason a save did not
// happen.
func refused(err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		cp := *pe
		cp.Refused = true
		return &cp
	}
	return err
}

// fromMessage turns a one-line "path:line: message" from another package
// into a ParseError.
func fromMessage(path string, err error) *ParseError {
	msg := err.Error()
	rest, ok := strings.CutPrefix(msg, path+":")
	if !ok {
		return &ParseError{Path: path, Msg: msg}
	}
	line := 0
	if num, after, ok := strings.Cut(rest, ":"); ok {
		if n, err := strconv.Atoi(num); err == nil {
			line, rest = n, after
		}
	}
	return &ParseError{Path: path, Line: line, Msg: strings.TrimSpace(rest)}
}

// BusyError says another prep holds the workspace's lock, or the lock of
// the session Session.
type BusyError struct {
	Dir     string
	Session string    // the session's name; "" for the workspace's lock
	PID     int       // 0 when the holder did not say
	Since   time.Time // zero when the holder did not say
	now     time.Time
}

func (e *BusyError) Error() string {
	who := ""
	if e.PID > 0 && !e.Since.IsZero() {
		since := e.Since.Local()
		when := since.Format("15:04")
		if y, m, d := since.Date(); e.now.IsZero() || !sameDay(e.now.Local(), y, m, d) {
			when = since.Format("Jan 2 15:04")
		}
		who = fmt.Sprintf(" (pid %d since %s)", e.PID, when)
	} else if e.PID > 0 {
		who = fmt.Sprintf(" (pid %d)", e.PID)
	}
	if e.Session != "" {
		return fmt.Sprintf("another prep is running a %s session in %s%s; finish it there first, or stop it", e.Session, e.Dir, who)
	}
	return fmt.Sprintf("another prep is using %s%s; finish it first, or wait", e.Dir, who)
}

func (e *BusyError) Is(target error) bool { return target == ErrBusy }

func sameDay(t time.Time, y int, m time.Month, d int) bool {
	ty, tm, td := t.Date()
	return ty == y && tm == m && td == d
}

type changedError struct{ path string }

func (e *changedError) Error() string {
	return fmt.Sprintf("%s: changed on disk since prep read it; prep kept that version: run the command again to work on it", e.path)
}

func (e *changedError) Is(target error) bool { return target == ErrChanged }

type notFoundError struct{ msg string }

func (e *notFoundError) Error() string        { return e.msg }
func (e *notFoundError) Is(target error) bool { return target == ErrNotFound }

// lineError is an error found by an UnmarshalYAML method, which knows the
// node's line.
type lineError struct {
	line int
	msg  string
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// decodeStrict decodes one YAML document into out, refusing unknown keys,
// duplicate keys, a second document and anything of the wrong shape. An
// empty file leaves out as it is. known lists the keys for the message.
func decodeStrict(path string, data []byte, out any, known string) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := safely(func() error { return dec.Decode(out) })
	if errors.Is(err, io.EOF) {
		return nil // only comments
	}
	if err != nil {
		return yamlParseError(path, data, err, known)
	}
	var extra yaml.Node
	err = safely(func() error { return dec.Decode(&extra) })
	if errors.Is(err, io.EOF) {
		return nil
	}
	line := extra.Line
	if err != nil {
		return yamlParseError(path, data, err, known)
	}
	return &ParseError{Path: path, Line: line, Msg: "a second YAML document (after ---); keep one document, fix it in your editor"}
}

// safely turns a panic of yaml.v3 into an error: it has panicked on crafted
// input before, and prep must not crash on a file.
func safely(f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("yaml: %v", p)
		}
	}()
	return f()
}

// yamlParseError says in words what yaml.v3 found wrong in data, on one
// line.
func yamlParseError(path string, data []byte, err error, known string) *ParseError {
	const fix = "fix it in your editor"
	var le *lineError
	if errors.As(err, &le) {
		return &ParseError{Path: path, Line: le.line, Msg: le.msg + "; " + fix}
	}
	e := yamlerr.Parse(data, err)
	msg := e.Msg
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		msg = "not valid YAML: " + msg + "; " + fix
	} else if words, ok := yamlerr.Words(msg, known, fix); ok {
		msg = words
	} else {
		msg += "; " + fix
	}
	return &ParseError{Path: path, Line: e.Line, Msg: msg}
}
