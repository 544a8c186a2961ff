package story

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
)

// RmOptions are what `prep story rm` needs.
type RmOptions struct {
	IO        *iostreams.IOStreams
	Workspace func() (*workspace.Workspace, error)
	// Prompter asks for the confirmation; called only when one is needed.
	Prompter func() (prompts.Prompter, error)

	Ref string
	Yes bool
}

// NewCmdRm builds `prep story rm`; runF replaces RunRm in tests.
func NewCmdRm(f *cmdutil.Factory, runF func(*RmOptions) error) *cobra.Command {
	opts := &RmOptions{
		IO:        f.IOStreams,
		Workspace: f.Workspace,
		Prompter:  func() (prompts.Prompter, error) { return prompts.New(f.IOStreams, "") },
	}
	cmd := &cobra.Command{
		Use:     "rm REF",
		Aliases: []string{"remove"},
		Short:   "Remove a story, keeping a copy you can restore",
		Long: strings.TrimSpace(`
Remove a story from your stories. Nothing is deleted: the file moves to
the .trash folder of your workspace, and prep story restore brings it
back. prep asks first; --yes skips the question, and is needed where there
is no terminal to ask on. A story file that does not parse can be removed
too, by its file name.`),
		Example: strings.Trim(`
  prep story rm old-draft
  prep story rm 3 --yes
  prep story restore old-draft`, "\n"),
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeStories(f, 1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Ref = args[0]
			if runF != nil {
				return runF(opts)
			}
			return RunRm(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "remove without asking")
	return cmd
}

// RunRm confirms, then moves the story to the trash.
func RunRm(opts *RmOptions) error {
	ws, err := cmdutil.OpenWorkspace(opts.IO, opts.Workspace)
	if err != nil {
		return err
	}
	var path, label string
	if s, err := ws.Story(opts.Ref); err == nil {
		path, label = s.Path, s.Name()
		if t := strings.Join(strings.Fields(s.Meta.Title), " "); t != "" {
			label = fmt.Sprintf("%q (%s)", t, s.Name())
		}
	} else if p, ok := brokenPath(err); ok {
		path, label = p, filepath.Base(p)+" (which does not parse)"
	} else {
		return err
	}
	name := filepath.Base(path)

	if !opts.Yes {
		noTerminal := &cmdutil.ExitError{Code: cmdutil.ExitCannotRun, Err: fmt.Errorf(
			"%s: no terminal to confirm on; pass --yes to remove it (%s story restore brings it back)", path, progname.Name())}
		if !opts.IO.CanPrompt() {
			return noTerminal
		}
		p, err := opts.Prompter()
		if errors.Is(err, prompts.ErrNoTerminal) {
			return noTerminal
		}
		if err != nil {
			return err
		}
		ok, err := p.Confirm(prompts.Question{
			ID:      "story.rm.confirm",
			Message: fmt.Sprintf("Remove %s? It goes to the trash; %s story restore brings it back.", label, progname.Name()),
		}, false)
		if errors.Is(err, prompts.ErrInterrupted) {
			fmt.Fprintf(opts.IO.ErrOut, "kept %s\n", name)
			return &cmdutil.ExitError{Code: cmdutil.ExitInterrupted}
		}
		if err != nil {
			return err
		}
		if !ok {
			fmt.Fprintf(opts.IO.Out, "kept %s\n", name)
			return nil
		}
	}

	dst, err := ws.Remove(name)
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "removed %s: moved to %s\n", label, dst)
	fmt.Fprintf(opts.IO.Out, "to get it back: %s story restore %s\n", progname.Name(), shellWord(strings.TrimSuffix(name, filepath.Ext(name))))
	return nil
}

// shellWord quotes a name for a command line the candidate will copy.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
