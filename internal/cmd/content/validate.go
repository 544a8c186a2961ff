package content

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/text"
)

// ValidateOptions are what `prep content validate` needs.
type ValidateOptions struct {
	IO *iostreams.IOStreams
	// Layers are the layers in force when no DIR is given.
	Layers   func() ([]pack.Source, error)
	Embedded pack.Source
	Dir      string
}

// NewCmdValidate builds `prep content validate`; runF replaces RunValidate
// in tests.
func NewCmdValidate(f *cmdutil.Factory, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{IO: f.IOStreams, Layers: f.Layers}
	cmd := &cobra.Command{
		Use:   "validate [DIR]",
		Short: "Report every problem in a content pack, with file and line",
		Long: strings.TrimSpace(`
Load a content pack directory laid over the built-in pack, the way
--content would, and report every problem at once: YAML errors, unknown
or missing keys, duplicate ids, references to rubrics or sections that do
not exist. Each problem is one line: FILE:LINE: what is wrong and what to do.

With no DIR, validate the pack in use (the built-in one, with --content if
set). Exit status: 0 valid, 1 problems found, 2 the pack could not be read.`),
		Example: strings.Trim(`
  prep content validate ./acme
  prep content validate            # the built-in pack`, "\n"),
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			opts.Embedded = pack.Source{FS: f.Embedded, Name: pack.Embedded}
			if runF != nil {
				return runF(opts)
			}
			return RunValidate(opts)
		},
	}
	return cmd
}

// RunValidate loads the pack and lists its problems on stdout.
func RunValidate(opts *ValidateOptions) error {
	_, err := validate(opts)
	return err
}

// validate is RunValidate, also giving the pack it loaded.
func validate(opts *ValidateOptions) (*pack.Pack, error) {
	var layers []pack.Source
	if opts.Dir != "" {
		dir, err := cmdutil.DirSource(opts.Dir)
		if err != nil {
			return nil, err
		}
		layers = []pack.Source{opts.Embedded, dir}
	} else {
		var err error
		if layers, err = opts.Layers(); err != nil {
			return nil, err
		}
	}
	name := layers[len(layers)-1].Name

	p, err := cmdutil.LoadPack(pack.PartAll, layers...)
	var problems pack.Problems
	switch {
	case errors.As(err, &problems):
		for _, pr := range problems {
			fmt.Fprintln(opts.IO.Out, text.CleanLine(pr.Error()))
		}
		them := "them"
		if len(problems) == 1 {
			them = "it"
		}
		opts.IO.Sayf("%s: %s; fix %s and run %s content validate again", text.CleanLine(name), text.Plural(len(problems), "problem"), them, progname.Name())
		return nil, cmdutil.ErrFindings
	case err != nil:
		return nil, err
	}
	counts := []string{text.Plural(len(p.Panels), "panel"), text.Plural(len(p.Rubrics), "rubric"),
		text.Plural(len(p.Exercises), "exercise"), text.Plural(len(p.Tradeoffs), "trade-off"),
		text.Plural(len(p.Followups), "follow-up")}
	// The newer entry types are named only when the pack has them, so an
	// older pack's line reads as it always did.
	for _, c := range []struct {
		n    int
		word string
	}{{len(p.Components), "component"}, {len(p.Examples), "example"}, {len(p.References), "reference"}} {
		if c.n > 0 {
			counts = append(counts, text.Plural(c.n, c.word))
		}
	}
	fmt.Fprintf(opts.IO.Out, "%s: valid: %s\n", name, strings.Join(counts, ", "))
	return p, nil
}
