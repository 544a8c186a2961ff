// Package cmdutil holds what every command shares: the factory of its
// dependencies and the errors that carry an exit status.
package cmdutil

import (
	"errors"
	"fmt"

	"github.com/prepcli/prep/prompts"
)

// Exit statuses, as the product brief fixes them.
const (
	ExitOK        = 0 // nothing wrong
	ExitFindings  = 1 // the command ran and found error-level problems
	ExitCannotRun = 2 // the command could not run: usage, unreadable input, bad pack
	// ExitInterrupted is the shell's convention for a run ended by Ctrl-C.
	ExitInterrupted = 130
)

// ExitError is an error that decides the process's exit status.
type ExitError struct {
	Code int
	Err  error // nil when the command already said everything it had to
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit status %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// ErrFindings ends a command that printed its findings and must exit 1.
var ErrFindings = &ExitError{Code: ExitFindings}

// FlagError is a usage mistake: the command prints a hint to --help.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// FlagErrorf formats a usage mistake.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// ExitCode maps an error returned by a command to the process's status:
// the one place that does. An ExitError carries its own; Ctrl-C at a
// prompt (prompts.ErrInterrupted) is ExitInterrupted; anything else means
// the command could not run.
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	if errors.Is(err, prompts.ErrInterrupted) {
		return ExitInterrupted
	}
	return ExitCannotRun
}

// Silent reports whether the error has nothing left to print: an
// ExitError without a message, or a bare Ctrl-C (the candidate knows
// they pressed it).
func Silent(err error) bool {
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Err == nil
	}
	return errors.Is(err, prompts.ErrInterrupted)
}
