package story

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// RestoreOptions are what `prep story restore` needs.
type RestoreOptions struct {
	IO        *iostreams.IOStreams
	Workspace func() (*workspace.Workspace, error)

	Ref string // empty: list the trash
}

// NewCmdRestore builds `prep story restore`; runF replaces RunRestore in
// tests.
func NewCmdRestore(f *cmdutil.Factory, runF func(*RestoreOptions) error) *cobra.Command {
	opts := &RestoreOptions{IO: f.IOStreams, Workspace: f.Workspace}
	cmd := &cobra.Command{
		Use:   "restore [NAME]",
		Short: "Bring back a story removed with prep story rm",
		Long: strings.TrimSpace(`
Move a removed story from the .trash folder of your workspace back to your
stories, under its old file name (or a free one like it when that is
taken). NAME names the story as prep story rm took it (its old file name,
its slug or the start of it) and brings back its latest removal, or is the
name of a file in the trash. A story that was
ranked comes back with its rank, unless another story holds it by now.

With no NAME, list what is in the trash, the latest removal first.`),
		Example: strings.Trim(`
  prep story restore
  prep story restore old-draft
  prep story restore 20260102-150405-old-draft.md`, "\n"),
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeTrash(f),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Ref = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return RunRestore(opts)
		},
	}
	return cmd
}

// RunRestore restores a story, or lists the trash.
func RunRestore(opts *RestoreOptions) error {
	ws, err := cmdutil.OpenWorkspace(opts.IO, opts.Workspace)
	if err != nil {
		return err
	}
	if strings.TrimSpace(opts.Ref) == "" {
		return listTrash(opts.IO, ws)
	}
	dst, err := ws.Restore(opts.Ref)
	if err != nil {
		return err
	}
	name := filepath.Base(dst)
	s, err := ws.Story(name)
	if err != nil {
		// Back where it was, as it was: a broken file stays broken.
		fmt.Fprintf(opts.IO.Out, "restored %s to %s\n", name, dst)
		opts.IO.Sayf("unreadable: %s", err)
		return &cmdutil.ExitError{Code: cmdutil.ExitCannotRun}
	}
	what := name
	if t := strings.Join(strings.Fields(s.Meta.Title), " "); t != "" {
		what = strconv.Quote(t)
	}
	fmt.Fprintf(opts.IO.Out, "restored %s to %s (%s)\n", what, dst, rankWord(s.Meta.Rank))
	return nil
}

func listTrash(io *iostreams.IOStreams, ws *workspace.Workspace) error {
	items, err := ws.Trash()
	if err != nil {
		return err
	}
	if len(items) == 0 {
		fmt.Fprintf(io.ErrOut, "nothing in the trash (%s)\n", filepath.Join(ws.Dir(), workspace.TrashDir))
		return nil
	}
	out := io.Out
	if !io.IsStdoutTTY() {
		for _, t := range items {
			fmt.Fprintf(out, "%s\t%s\t%s\n", text.CleanLine(t.Name), removedAt(t), t.Path)
		}
		return nil
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tREMOVED\tIN THE TRASH AS")
	for _, t := range items {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", text.CleanLine(t.Name), removedAt(t), text.CleanLine(filepath.Base(t.Path)))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(io.ErrOut, "bring one back with %s story restore NAME\n", progname.Name())
	return nil
}

func removedAt(t workspace.Trashed) string {
	if t.Removed.IsZero() {
		return "-"
	}
	return t.Removed.Local().Format(time.DateTime)
}
