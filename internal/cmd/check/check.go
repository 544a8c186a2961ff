// Package check implements `prep check`: missing sections and weak signals
// in written answers.
package check

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/checkrun"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
)

// Options are what `prep check` needs (checkrun.Options).
type Options = checkrun.Options

// Run checks every input and reports it (checkrun.Run).
func Run(opts *Options) error { return checkrun.Run(opts) }

// NewCmdCheck builds the command; runF replaces Run in tests.
func NewCmdCheck(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Pack: func() (*pack.Pack, error) {
		// A check needs only the rubrics: skip parsing the rest of the pack.
		return f.PackParts(pack.PartRubrics | pack.PartMeta)
	}, Open: document.ReadFile}
	cmd := &cobra.Command{
		Use:   "check [FILE|-]...",
		Short: "Check write-ups for missing sections and weak signals",
		Long: strings.TrimSpace(`
Check one or more written answers against a rubric: which sections are
missing, which are too thin, and which signals an interviewer would find
weak (a result with no number, trade-offs that name no alternative, a story
told in "we", lessons with no mistake, a story too long to tell).

Sections are found however you mark them: Markdown headings, bold labels,
"Label:" lines, S:/T:/A:/R: letters, YAML keys. Text under no label, or
under a label that names no section, is placed by what it says, and a
part told inside another (a trade-off weighed in Action) counts where it
stands; the report says so and which words placed it. Each report ends in
a verdict: incomplete, needs work (with its reasons) or ready.

With no FILE and text piped in, prep reads standard input; "-" names it
explicitly.

The kind of answer comes from --kind, else the file's front matter
("kind: design"), else star. Exit status: 0 no errors, 1 an error-level
finding in some input, 2 the check could not run. With --format json an
input that could not be read keeps its place in the array, as an object
whose "error" says why.`),
		Example: strings.Trim(`
  prep check story.md
  prep check stories/*.md --format json
  pbpaste | prep check --kind scale
  prep check --kind design - < answer.md`, "\n"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Kind, "kind", "k", "", "rubric to check against: star, scale, design, debug, tradeoff, culture (default: front matter, else star)")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("kind", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		p, err := opts.Pack()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return p.RubricIDs(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}
