package story

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/fserr"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/rehearsal"
	"github.com/prepcli/prep/internal/workspace"
)

// ShowOptions are what `prep story show` needs.
type ShowOptions struct {
	IO        *iostreams.IOStreams
	Workspace func() (*workspace.Workspace, error)
	Pack      func() (*pack.Pack, error)

	Ref    string
	Format string
}

// NewCmdShow builds `prep story show`; runF replaces RunShow in tests.
func NewCmdShow(f *cmdutil.Factory, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{IO: f.IOStreams, Workspace: f.Workspace, Pack: f.Pack}
	cmd := &cobra.Command{
		Use:   "show REF",
		Short: "Show a story and how it fares against its rubric",
		Long: strings.TrimSpace(`
Print a story's file as it is, front matter included, then its check: the
sections found, missing or thin, and the weak signals, as prep check
reports them, and the times it was said out loud (prep rehearse).
REF is the story's rank (1-3), file name, or the start of its file
name.

With --format json only the check is printed, as the one-element array
prep check --format json gives for the file. The exit status is 0 whatever
the check finds; prep story check exits 1 on an error-level finding.`),
		Example: strings.Trim(`
  prep story show 1
  prep story show payments-migration.md
  prep story show 2 --format json`, "\n"),
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeStories(f, 1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Ref = args[0]
			if runF != nil {
				return runF(opts)
			}
			return RunShow(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// RunShow prints the story, then its check.
func RunShow(opts *ShowOptions) error {
	if opts.Format != "text" && opts.Format != "json" {
		return cmdutil.FlagErrorf("--format %q: use text or json", opts.Format)
	}
	ws, err := cmdutil.OpenWorkspace(opts.IO, opts.Workspace)
	if err != nil {
		return err
	}
	s, err := ws.Story(opts.Ref)
	if err != nil {
		return err
	}
	p, err := opts.Pack()
	if err != nil {
		return err
	}
	r, err := check.Story(p, s.Doc())
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		return check.WriteJSON(opts.IO.Out, []check.Report{r})
	}
	data, err := os.ReadFile(s.Path)
	if err != nil {
		return fmt.Errorf("%s: cannot read: %v; check the file's permissions", s.Path, fserr.Cause(err))
	}
	out := opts.IO.Out
	out.Write(data)
	if len(data) > 0 && !bytes.HasSuffix(data, []byte("\n")) {
		fmt.Fprintln(out)
	}
	fmt.Fprintln(out)
	if err := check.WriteTextWidth(out, []check.Report{r}, opts.IO.ColorEnabled(), opts.IO.TerminalWidth()); err != nil {
		return err
	}
	writeRehearsals(out, ws, s)
	return nil
}

// writeRehearsals lists the times the story was said out loud (prep
// rehearse), oldest first; nothing when it never was. A practice log
// that cannot be read is named in one line: the story is still shown.
func writeRehearsals(out io.Writer, ws *workspace.Workspace, s *workspace.Story) {
	all, err := rehearsal.Load(ws)
	if err != nil {
		fmt.Fprintf(out, "\nRehearsals: %v\n", err)
		return
	}
	mine := rehearsal.Of(all, s.Name())
	if len(mine) == 0 {
		return
	}
	times := fmt.Sprintf("%d times", len(mine))
	if len(mine) == 1 {
		times = "once"
	}
	fmt.Fprintf(out, "\nRehearsed out loud %s:\n", times)
	for _, e := range mine {
		fmt.Fprintf(out, "  %s\n", rehearsal.Line(e))
	}
}
