// Package cmdtest holds what the tests of the guided commands share: a
// factory on a workspace of its own, a command run as the root command
// runs it, and answers files. Only tests import it.
package cmdtest

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
)

// Env is a factory on test streams, with no terminal, and the buffers its
// output goes to.
type Env struct {
	F        *cmdutil.Factory
	Out, Err *bytes.Buffer
	// Dir is the workspace: in a temp dir, and not made yet, so that a
	// test can tell that a command never touched it.
	Dir string
}

// New returns an Env whose factory has settings s with Dir as the
// workspace, and a clock stopped at now.
func New(t *testing.T, now time.Time, s cmdutil.Settings) Env {
	ios, _, out, errOut := iostreams.Test()
	f := cmdutil.New(ios, cmdutil.BuildInfo{Version: "test"})
	s.Dir = filepath.Join(t.TempDir(), "ws")
	f.SetSettings(s)
	f.Now = func() time.Time { return now }
	return Env{F: f, Out: out, Err: errOut, Dir: s.Dir}
}

// Execute runs cmd with args, its output to out and errOut, and returns
// its error without printing it, as the root command leaves that to main.
func Execute(cmd *cobra.Command, out, errOut *bytes.Buffer, args ...string) error {
	cmd.SetArgs(append([]string{}, args...))
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	return cmd.Execute()
}

// Workspace opens e's workspace as the next prep would, on e's clock,
// failing the test when it does not open.
func (e Env) Workspace(t *testing.T) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Open(e.Dir, e.F.Now)
	if err != nil {
		t.Fatalf("the workspace does not open: %v", err)
	}
	return ws
}

// Execute runs cmd with args, its output going to e's buffers.
func (e Env) Execute(cmd *cobra.Command, args ...string) error {
	return Execute(cmd, e.Out, e.Err, args...)
}

// CheckNoTerminal checks what a guided command did when run, as err
// says, with no terminal and no answers file: exit 2 with the line that
// says so, nothing else printed, and no workspace made.
func (e Env) CheckNoTerminal(t *testing.T, err error) {
	t.Helper()
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitCannotRun || err == nil || err.Error() != prompts.ErrNoTerminal.Error() {
		t.Errorf("err = %v (exit %d), want the no-terminal line and exit 2", err, code)
	}
	if e.Out.Len() > 0 || e.Err.Len() > 0 {
		t.Errorf("printed %q and %q, want nothing", e.Out, e.Err)
	}
	if _, err := os.Stat(e.Dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the workspace was touched: %v", err)
	}
}

// Scripted is the runF a guided command's NewCmd takes in tests: nil
// without p, so the command asks as it would for the candidate, else run
// with every question going to p.
func Scripted[O any, PO interface {
	*O
	UsePrompter(prompts.Prompter)
}](p prompts.Prompter, run func(PO) error) func(PO) error {
	if p == nil {
		return nil
	}
	return func(o PO) error {
		o.UsePrompter(p)
		return run(o)
	}
}

// AnswersFile writes yaml to an answers file in a temp dir and returns its
// path.
func AnswersFile(t *testing.T, yaml string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
