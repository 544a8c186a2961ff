// Package prompts is the one place where prep asks the candidate
// something. Guided sessions (prep background, prep story new, prep
// technical, prep culture, the drills) ask only through a Prompter, so the
// same session runs in a terminal (Survey, on
// github.com/AlecAivazis/survey/v2), from a YAML answers file (Scripted,
// the --answers FILE of every interactive command) and in unit tests
// (prompttest.Stub).
//
// Every question has a stable dotted ID ("timeline.0.company",
// "story.1.result"), which is how an answers file names it.
//
// # Ending a session
//
// When the candidate presses Ctrl-C (or Ctrl-D, or input ends) at a
// prompt, or in an editor that ends on Ctrl-C, the Prompter returns an
// error that is ErrInterrupted (errors.Is). The session returns it as it
// is; the command turns it into exit status 130
// (internal/cmdutil.ExitInterrupted), the shell's convention for a run
// ended by Ctrl-C. This package keeps nothing on disk: every answer
// already returned was the caller's to save before asking the next
// question, and an answer half written when Ctrl-C came is handed to the
// caller in the error (DraftOf) to keep, and to give back as
// Question.Draft when it asks the question again.
//
// A Scripted prompter that meets a missing or unusable answer returns an
// *AnswerError naming the answers file (and line); a session stops there
// the same way, with what came before already saved.
//
// # No terminal
//
// Survey cannot read piped input and writes escape codes when it has no
// terminal, so New refuses to build one without a terminal on both stdin
// and stdout and returns ErrNoTerminal; the command prints it as one line
// and exits 2.
package prompts

import (
	"errors"
	"strings"

	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/lazy"
)

// Question is one thing to ask.
type Question struct {
	// ID is stable and dotted, so an answers file can name it.
	ID string
	// Message is the question itself, one line.
	Message string
	// Help is shown when the candidate types "?" at the prompt.
	Help string
	// Default is the answer given by pressing Enter on an Input, and the
	// text the editor opens with on a Text (the current answer, to edit).
	// Select, MultiSelect and Confirm take their defaults as arguments.
	Default string
	// Draft is what the candidate had written at this question when it
	// last stopped there (DraftOf), not yet an answer: an Input starts
	// with it typed on the line, a Text opens the editor on it rather
	// than on Default. An answers file ignores it.
	Draft string
	// Validate, when set, checks an Input or Text answer. In a terminal a
	// refused answer is shown with the error and asked again; from an
	// answers file it is an *AnswerError. The error should say what a good
	// answer looks like.
	Validate func(answer string) error
}

// Prompter asks questions. Every method returns ErrInterrupted when the
// candidate ends the session at that prompt.
type Prompter interface {
	// Input asks for one line.
	Input(q Question) (string, error)
	// Text asks for long text, in the candidate's editor, which opens on
	// q.Draft or else q.Default; a terminal also takes a short answer on
	// the prompt's line. The answer has Windows line endings turned into
	// "\n" and trailing blank space removed. An editor left without an
	// answer is never taken in silence: the candidate is told and chooses
	// (see Survey.Text), and may skip the question for now, which returns
	// q.Default.
	Text(q Question) (string, error)
	// Select asks for one of options and returns its index. def is the
	// option highlighted first; out of range means the first.
	Select(q Question, options []string, def int) (int, error)
	// MultiSelect asks for any number of options and returns their
	// indices in option order. defs are checked at first; out-of-range
	// indices are ignored.
	MultiSelect(q Question, options []string, defs []int) ([]int, error)
	// Confirm asks a yes/no question.
	Confirm(q Question, def bool) (bool, error)
}

var (
	_ Prompter = (*Survey)(nil)
	_ Prompter = (*Scripted)(nil)
)

// ErrInterrupted is returned when the candidate ends the session at a
// prompt: Ctrl-C, Ctrl-D, or the end of input. See the package comment
// for the exit status. A terminal returns it as an *Interrupted, which
// also carries what was half written.
var ErrInterrupted error = &lazy.Error{Msg: "interrupted"}

// Interrupted is ErrInterrupted with the answer the candidate was
// writing when it stopped: the line half typed, or what the editor's
// file held. errors.Is(err, ErrInterrupted) holds for it.
type Interrupted struct {
	// Draft is the unfinished answer; empty when nothing was written, or
	// nothing but the answer already saved.
	Draft string
}

func (e *Interrupted) Error() string { return ErrInterrupted.Error() }

// Is makes an *Interrupted match ErrInterrupted.
func (e *Interrupted) Is(target error) bool { return target == ErrInterrupted }

// DraftOf returns the unfinished answer an interruption carries: what to
// keep, and to give back as Question.Draft when the question is asked
// again. It is "" for any other error, and for blank text.
func DraftOf(err error) string {
	var in *Interrupted
	if errors.As(err, &in) && strings.TrimSpace(in.Draft) != "" {
		return in.Draft
	}
	return ""
}

// ErrNoTerminal is returned by New and NewSurvey when there is no terminal
// to ask on and no answers file.
var ErrNoTerminal error = &lazy.Error{Msg: "this command asks questions and there is no terminal to ask them on; run it in a terminal, or give --answers FILE (a YAML file of answers by question id)"}

// New returns the Prompter a command should use: the answers file when
// answers is not empty, whatever the terminal; otherwise Survey on the
// streams when both stdin and stdout are terminals; otherwise
// ErrNoTerminal.
func New(ios *iostreams.IOStreams, answers string, opts ...Option) (Prompter, error) {
	if answers != "" {
		return NewScripted(answers)
	}
	if !ios.CanPrompt() {
		return nil, ErrNoTerminal
	}
	opts = append([]Option{WithColor(ios.ColorEnabled())}, opts...)
	return NewSurvey(ios.In, ios.Out, ios.ErrOut, opts...)
}

// cleanText is what both implementations do to a Text answer: editors on
// Windows save "\r\n", most editors add a final newline, and a block
// scalar in YAML keeps one; none of it is part of the answer.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimRight(s, " \t\r\n")
}
