package story

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/checkrun"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/workspace"
)

// CheckOptions are what `prep story check` needs.
type CheckOptions struct {
	IO        *iostreams.IOStreams
	Workspace func() (*workspace.Workspace, error)
	Pack      func() (*pack.Pack, error)

	Refs   []string
	Format string
}

// NewCmdCheck builds `prep story check`; runF replaces RunCheck in tests.
func NewCmdCheck(f *cmdutil.Factory, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{IO: f.IOStreams, Workspace: f.Workspace, Pack: f.Pack}
	cmd := &cobra.Command{
		Use:   "check [REF]...",
		Short: "Check your stories for missing sections and weak signals",
		Long: strings.TrimSpace(`
Check every story in your workspace, or the ones named, exactly as
prep check checks their files: each against the rubric its front matter
names (star when it names none), with the same output and --format json.

A story file that cannot be read is named on stderr with its line and the
others are still checked. Exit status: 0 no errors, 1 an error-level
finding in some story, 2 a story could not be read or found.`),
		Example: strings.Trim(`
  prep story check
  prep story check 1 2
  prep story check payments-migration --format json`, "\n"),
		ValidArgsFunction: completeStories(f, -1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Refs = args
			if runF != nil {
				return runF(opts)
			}
			return RunCheck(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// RunCheck hands the story files to prep check's own Run, so the two
// commands cannot drift apart. A story the workspace cannot read or find
// goes in as an input whose opening fails with the workspace's message:
// Run then reports it as it reports any unreadable file, in order.
func RunCheck(opts *CheckOptions) error {
	if opts.Format != "text" && opts.Format != "json" {
		return cmdutil.FlagErrorf("--format %q: use text or json", opts.Format)
	}
	ws, err := cmdutil.OpenWorkspace(opts.IO, opts.Workspace)
	if err != nil {
		return err
	}

	var files []string
	failed := map[string]error{}
	labels := map[string]string{}
	seen := map[string]bool{}
	fail := func(label string, err error) {
		// A name no path can have, so it never meets a real file or "-".
		key := fmt.Sprintf("\x00%d", len(files))
		files = append(files, key)
		failed[key] = err
		if path, ok := brokenPath(err); ok {
			label = path
		}
		labels[key] = label
	}
	add := func(path string) {
		if !seen[path] {
			seen[path] = true
			files = append(files, path)
		}
	}
	if len(opts.Refs) == 0 {
		stories, errs := ws.Stories()
		for _, s := range stories {
			add(s.Path)
		}
		for _, err := range errs {
			fail("", err)
		}
	}
	for _, ref := range opts.Refs {
		s, err := ws.Story(ref)
		if err != nil {
			fail(ref, err)
			continue
		}
		add(s.Path)
	}

	if len(files) == 0 {
		// prep check with no file would read standard input: say instead
		// that there is nothing, in the format asked for.
		if _, err := opts.Pack(); err != nil {
			return err
		}
		fmt.Fprintf(opts.IO.ErrOut, "no stories yet in %s; write one with %[2]s background or %[2]s story new\n", ws.Dir(), progname.Name())
		if opts.Format == "json" {
			return check.WriteJSON(opts.IO.Out, nil)
		}
		return check.WriteText(opts.IO.Out, nil, opts.IO.ColorEnabled())
	}
	return checkrun.Run(&checkrun.Options{
		IO:   opts.IO,
		Pack: opts.Pack,
		Open: func(name string) (*document.Doc, error) {
			if err, ok := failed[name]; ok {
				return nil, err
			}
			return document.ReadFile(name)
		},
		Files:  files,
		Format: opts.Format,
		Label:  func(name string) string { return labels[name] },
	})
}
