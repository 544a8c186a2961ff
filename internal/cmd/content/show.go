package content

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/packdoc"
	"github.com/prepcli/prep/internal/text"
)

// ShowOptions are what `prep content show` needs.
type ShowOptions struct {
	IO     *iostreams.IOStreams
	Pack   func() (*pack.Pack, error)
	Ref    string
	Format string
	Reveal bool
}

// NewCmdShow builds `prep content show`; runF replaces RunShow in tests.
func NewCmdShow(f *cmdutil.Factory, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{IO: f.IOStreams, Pack: f.Pack}
	cmd := &cobra.Command{
		Use:   "show ID|TYPE/ID",
		Short: "Show one entry of the content pack, readably or as YAML",
		Long: strings.TrimSpace(`
Show one entry of the pack in use: a panel (what it is, what the
interviewers look for, how to prepare, how to behave), a rubric (its
sections, the other names they go by, and the weak signals it flags), an
exercise, a trade-off, a follow-up question, a component of the probe
bank (its limits, how it fails and what an interviewer asks about it), a
worked example (an answer with what an interviewer hears in it) or a
reference text to read before the day.

Ids are unique within a type, so when an id names two entries (culture is
a panel and a rubric) say which: panel/culture. Exercises keep their
hints, facts, evidence and key points back unless you pass --reveal.`),
		Example: strings.Trim(`
  prep content show background
  prep content show rubric/star
  prep content show zanzibar-check --reveal
  prep content show component/postgres
  prep content show example/star-strong
  prep content show reference/fundamentals
  prep content show panel/culture --format yaml`, "\n"),
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Ref = args[0]
			if runF != nil {
				return runF(opts)
			}
			return RunShow(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or yaml")
	cmd.Flags().BoolVar(&opts.Reveal, "reveal", false, "show an exercise's hints, facts, evidence, key points and reference notes")
	return cmd
}

// RunShow prints the entry.
func RunShow(opts *ShowOptions) error {
	if opts.Format != "text" && opts.Format != "yaml" {
		return cmdutil.FlagErrorf("--format %q: use text or yaml", opts.Format)
	}
	p, err := opts.Pack()
	if err != nil {
		return err
	}
	found, err := p.Find(opts.Ref)
	if err != nil {
		return err
	}
	if len(found) > 1 {
		refs := make([]string, len(found))
		for i, e := range found {
			refs[i] = e.Type + "/" + e.ID
		}
		return cmdutil.FlagErrorf("%q names more than one entry; say which: %s", opts.Ref, strings.Join(refs, " or "))
	}
	e := found[0]
	out := opts.IO.Out
	if opts.Format == "yaml" {
		fmt.Fprintf(out, "# %s:%d\n", text.CleanLine(e.Src.File), e.Src.Line)
		enc := yaml.NewEncoder(out)
		enc.SetIndent(2)
		if err := enc.Encode(e.Value); err != nil {
			return err
		}
		return enc.Close()
	}
	width := packdoc.FitWidth(opts.IO.TerminalWidth())
	switch v := e.Value.(type) {
	case *pack.Panel:
		return packdoc.Panel(out, width, v)
	case *pack.Rubric:
		return packdoc.Rubric(out, width, v)
	case *pack.Exercise:
		return packdoc.Exercise(out, width, v, opts.Reveal)
	case *pack.Tradeoff:
		return packdoc.Tradeoff(out, width, v)
	case *pack.Followup:
		return packdoc.Followup(out, width, v)
	case *pack.Component:
		return packdoc.Component(out, width, v)
	case *pack.Example:
		return packdoc.Example(out, width, v)
	case *pack.Reference:
		return packdoc.Reference(out, width, v)
	}
	return fmt.Errorf("cannot show a %s yet", e.Type)
}
