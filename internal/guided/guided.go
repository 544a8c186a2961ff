// Package guided runs a guided command around its session: the prompter,
// the pack and the workspace made in the order that gives the right error
// first, the exit status of a session that stopped, and the warning about
// answers an --answers file gave that no question asked for. It is the
// glue between cmdutil and the question engine, so the engine never
// imports command code.
package guided

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/prompts"
)

// Guide runs a guided session for its command: it builds the prompter,
// loads the pack, opens the workspace (saying on stderr what is odd about
// it), runs the session, and when the session ran to its end names the
// answers of an --answers file it never asked for.
//
// The prompter is built before anything reaches stdout: without a terminal
// the one line that says what to do is all there is. checkFlags, when not
// nil, tests the command's flags against the pack before that, so that a
// wrong flag is a usage error with or without a terminal; without it the
// prompter comes first of all.
func Guide(g cmdutil.Guided, checkFlags func(*pack.Pack) error, run func(session.Env) error) error {
	var p prompts.Prompter
	var err error
	if checkFlags == nil {
		if p, err = g.Prompter(g.Answers); err != nil {
			return err
		}
	}
	pk, err := g.Pack()
	if err != nil {
		return err
	}
	if checkFlags != nil {
		if err := checkFlags(pk); err != nil {
			return err
		}
		if p, err = g.Prompter(g.Answers); err != nil {
			return err
		}
	}
	ws, err := cmdutil.OpenWorkspace(g.IO, g.Workspace)
	if err != nil {
		return err
	}
	if err := run(session.Env{IO: g.IO, Prompter: p, Workspace: ws, Pack: pk}); err != nil {
		return err
	}
	WarnUnused(g.IO.ErrOut, p, g.Answers)
	return nil
}

// CommandError turns the error that ended a session into the command's,
// with its exit status: 130 for a candidate who stopped at a prompt (with
// the one line that says how to carry on), 2 for everything else (no
// terminal, an answers file without the answer, a file prep cannot read,
// another prep at work). rerun is the command to carry on with.
func CommandError(ios *iostreams.IOStreams, err error, rerun string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, prompts.ErrInterrupted) {
		if ios != nil && ios.IsStdoutTTY() {
			// The prompt left the cursor on its line; the message that
			// follows deserves one of its own.
			fmt.Fprintln(ios.Out)
		}
		return &cmdutil.ExitError{Code: cmdutil.ExitInterrupted, Err: fmt.Errorf("stopped; everything you typed is saved. Run %s to carry on.", rerun)}
	}
	var ee *cmdutil.ExitError
	if errors.As(err, &ee) {
		return err
	}
	return &cmdutil.ExitError{Code: cmdutil.ExitCannotRun, Err: err}
}

// WarnUnused says in one line which answers of an --answers file the
// session never asked for: most often a misspelt id. Only for a session
// that ran to its end; p is any Prompter, and only an answers file has
// something to say.
func WarnUnused(w io.Writer, p prompts.Prompter, file string) {
	u, ok := p.(interface{ Unused() []string })
	if !ok {
		return
	}
	ids := u.Unused()
	if len(ids) == 0 {
		return
	}
	const show = 5
	list := strings.Join(ids[:min(show, len(ids))], ", ")
	if len(ids) > show {
		list += fmt.Sprintf(" and %d more", len(ids)-show)
	}
	what := "answer was"
	if len(ids) > 1 {
		what = "answers were"
	}
	iostreams.Warnf(w, "%s: %d %s never asked for (%s); check the question ids in --help", file, len(ids), what, list)
}
