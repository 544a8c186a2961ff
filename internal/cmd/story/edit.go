package story

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/checkrun"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/fserr"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
)

// EditOptions are what `prep story edit` needs.
type EditOptions struct {
	IO        *iostreams.IOStreams
	Workspace func() (*workspace.Workspace, error)
	Pack      func() (*pack.Pack, error)
	// Editor is the command that opens a file, as prompts.EditorCommand
	// chooses it; the file's path is added as its last argument.
	Editor string

	Ref string
}

// NewCmdEdit builds `prep story edit`; runF replaces RunEdit in tests.
func NewCmdEdit(f *cmdutil.Factory, runF func(*EditOptions) error) *cobra.Command {
	opts := &EditOptions{IO: f.IOStreams, Workspace: f.Workspace, Pack: f.Pack}
	cmd := &cobra.Command{
		Use:   "edit REF",
		Short: "Open a story in your editor, then check it",
		Long: strings.TrimSpace(`
Open a story's file in your editor ($VISUAL, else $EDITOR, else vi; notepad
on Windows), wait for the editor to close, then check the story and print
what is missing or weak, as prep story check does. A story whose file no
longer reads (broken front matter, say) is reported with its line and left
as you saved it: run edit again to fix it. Editing a changed story records
the time in its "updated" front matter.

REF is the story's rank (1-3), file name, or the start of its file name; a
story file that does not parse can be opened by its file name, to fix it.
The editor needs a terminal; without one, edit the file directly and run
prep story check.`),
		Example: strings.Trim(`
  prep story edit 1
  EDITOR="code --wait" prep story edit payments-migration
  prep story edit broken-story.md`, "\n"),
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeStories(f, 1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Ref = args[0]
			if opts.Editor == "" {
				opts.Editor = prompts.EditorCommand(getenv(f.Env), runtime.GOOS)
			}
			if runF != nil {
				return runF(opts)
			}
			return RunEdit(opts)
		},
	}
	return cmd
}

// getenv adapts the factory's environment to the os.Getenv shape.
func getenv(env func(string) (string, bool)) func(string) string {
	return func(k string) string {
		if env == nil {
			return ""
		}
		v, _ := env(k)
		return v
	}
}

// RunEdit opens the story in the editor and checks it after.
func RunEdit(opts *EditOptions) error {
	ws, err := cmdutil.OpenWorkspace(opts.IO, opts.Workspace)
	if err != nil {
		return err
	}
	path := ""
	if s, err := ws.Story(opts.Ref); err == nil {
		path = s.Path
	} else if p, ok := brokenPath(err); ok {
		// Opening it is how the candidate fixes it.
		path = p
	} else {
		return err
	}
	name := filepath.Base(path)
	if !opts.IO.CanPrompt() {
		return &cmdutil.ExitError{Code: cmdutil.ExitCannotRun, Err: fmt.Errorf(
			"%s: no terminal to open an editor on; edit the file directly, then run %s story check %s", path, progname.Name(), name)}
	}
	p, err := opts.Pack()
	if err != nil {
		return err
	}
	before, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%s: cannot read: %v; check the file's permissions", path, fserr.Cause(err))
	}

	if err := runEditor(opts, path); err != nil {
		return err
	}

	after, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: no longer there after the editor closed; nothing to check (%s story list shows what is left)", path, progname.Name())
	}
	if err != nil {
		return fmt.Errorf("%s: cannot read: %v; check the file's permissions", path, fserr.Cause(err))
	}
	s, err := ws.Story(name)
	if err != nil {
		// A ParseError names the file and line; prep leaves the file as
		// the candidate saved it.
		return err
	}
	if bytes.Equal(before, after) {
		fmt.Fprintf(opts.IO.ErrOut, "%s: unchanged\n", name)
	} else if doc, err := document.Parse(path, after); err == nil && doc.HasFront {
		// A file with no front matter is left exactly as written: saving
		// would add a block the candidate did not ask for.
		if err := ws.SaveStory(s); err != nil {
			opts.IO.Warnf("the edit time was not recorded: %s", err)
		}
	}
	return checkrun.Run(&checkrun.Options{
		IO:     opts.IO,
		Pack:   func() (*pack.Pack, error) { return p, nil },
		Open:   document.ReadFile,
		Files:  []string{path},
		Format: "text",
	})
}

// runEditor runs the editor on path with the candidate's own terminal.
func runEditor(opts *EditOptions, path string) error {
	editor := strings.TrimSpace(opts.Editor)
	if editor == "" {
		return errors.New("no editor to open; set VISUAL or EDITOR to your editor's command")
	}
	cmd := editorCommand(editor, path)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = opts.IO.In, opts.IO.Out, opts.IO.ErrOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &exit) && exit.ExitCode() == 127 && runtime.GOOS != "windows":
		// The shell's status for a command it could not find.
		return fmt.Errorf("%s: cannot start the editor (%s): not found; set VISUAL or EDITOR to your editor's command", path, editor)
	case errors.As(err, &exit):
		return fmt.Errorf("%s: the editor (%s) exited with status %d; the file is as it left it: check it with %s story check %s",
			path, editor, exit.ExitCode(), progname.Name(), filepath.Base(path))
	}
	return fmt.Errorf("%s: cannot start the editor (%s): %v; set VISUAL or EDITOR to your editor's command", path, editor, err)
}

// editorCommand builds the command that opens path. Outside Windows the
// shell reads the editor's command line, as git does, so "code --wait" and
// quoted paths work as they do at the candidate's prompt.
func editorCommand(editor, path string) *exec.Cmd {
	if runtime.GOOS != "windows" {
		return exec.Command("sh", "-c", editor+` "$@"`, editor, path)
	}
	args := splitCommand(editor)
	return exec.Command(args[0], append(args[1:], path)...)
}

// splitCommand splits a command line at spaces outside double quotes, the
// way Windows programs read theirs; backslashes stay, being path
// separators there.
func splitCommand(s string) []string {
	var args []string
	var cur strings.Builder
	quoted, started := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, started = !quoted, true
		case (r == ' ' || r == '\t') && !quoted:
			if started {
				args = append(args, cur.String())
				cur.Reset()
				started = false
			}
		default:
			cur.WriteRune(r)
			started = true
		}
	}
	if started {
		args = append(args, cur.String())
	}
	if len(args) == 0 {
		args = []string{s}
	}
	return args
}
