// Package check implements `prep check`: missing sections and weak signals
// in written answers.
package check

import (
	"fmt"
	"iter"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
)

// DefaultKind is the rubric for a write-up that names none.
const DefaultKind = "star"

// Options are what `prep check` needs; Run takes nothing else, so it is
// tested without cobra.
type Options struct {
	IO   *iostreams.IOStreams
	Pack func() (*pack.Pack, error)
	// Open reads a file by path; "-" is handled by Run itself.
	Open func(path string) (*document.Doc, error)

	Files  []string
	Kind   string
	Format string
	// Label names an input that could not be read in the JSON output;
	// nil names it as given ("-" as <stdin>).
	Label func(name string) string
}

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
	cmd.Flags().StringVarP(&opts.Kind, "kind", "k", "", "rubric `KIND` to check against, one of the pack's (prep content list --type rubric shows them; default: front matter, else star)")
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

// Run checks every input, prints one report per readable input, and names
// each unreadable one on stderr. An unreadable input decides the exit
// status (2) over findings (1), but never stops the others being checked.
func Run(opts *Options) error {
	if opts.Format != "text" && opts.Format != "json" {
		return cmdutil.FlagErrorf("--format %q: use text or json", opts.Format)
	}
	files := opts.Files
	if len(files) == 0 {
		if opts.IO.IsStdinTTY() {
			return cmdutil.FlagErrorf("nothing to check; pass a FILE, or pipe text in (%s check - < story.md)", progname.Name())
		}
		files = []string{"-"}
	}
	if n := slices.Index(files, "-"); n >= 0 && slices.Contains(files[n+1:], "-") {
		return cmdutil.FlagErrorf("- (standard input) is given more than once, and it can be read only once; pass - once, or save each text to a file")
	}
	p, err := opts.Pack()
	if err != nil {
		return err
	}
	if opts.Kind != "" {
		if _, ok := p.Rubric(opts.Kind); !ok {
			return cmdutil.FlagErrorf("--kind %q: not a kind prep knows; use one of %s", opts.Kind, strings.Join(p.RubricIDs(), ", "))
		}
	}

	// Inputs are checked on every core at once and reported in the order
	// given; JSON is encoded by the same workers and printed as soon as
	// the inputs before it are, so a long batch streams.
	json := opts.Format == "json"
	var (
		jw      *check.JSONWriter
		reports []check.Report // for the text report, which sums them up
		failed  bool
		errs    bool
	)
	if json {
		jw = check.NewJSONWriter(opts.IO.Out)
	}
	for o := range checkAll(opts, p, files, json) {
		if o.err != nil {
			opts.IO.Sayf("%s", o.err)
			failed = true
		}
		if o.encodeErr != nil {
			return o.encodeErr
		}
		if o.err == nil && o.report.HasErrors() {
			errs = true
		}
		if json {
			if err := jw.Write(o.json); err != nil {
				return err
			}
		} else if o.err == nil {
			reports = append(reports, o.report)
		}
	}
	if json {
		err = jw.Close()
	} else {
		err = check.WriteTextWidth(opts.IO.Out, reports, opts.IO.ColorEnabled(), opts.IO.TerminalWidth())
	}
	if err != nil {
		return err
	}
	switch {
	case failed:
		return &cmdutil.ExitError{Code: cmdutil.ExitCannotRun}
	case errs:
		return cmdutil.ErrFindings
	}
	return nil
}

func checkOne(opts *Options, p *pack.Pack, name string) (check.Report, error) {
	var doc *document.Doc
	var err error
	if name == "-" {
		doc, err = document.Read("-", opts.IO.In)
	} else {
		doc, err = opts.Open(name)
	}
	if err != nil {
		return check.Report{}, err
	}
	return CheckDoc(p, doc, opts.Kind)
}

// CheckDoc checks doc as Run does: against kind, else the kind its front
// matter names, else DefaultKind. Commands that show reports their own way
// (prep story list, prep export) use it so they agree with prep check.
func CheckDoc(p *pack.Pack, doc *document.Doc, kind string) (check.Report, error) {
	if kind == "" {
		kind = doc.Kind
	}
	if kind == "" {
		kind = DefaultKind
	}
	rubric, ok := p.Rubric(kind)
	if !ok {
		return check.Report{}, fmt.Errorf("%s: front matter names kind %q, which prep does not know; use one of %s, or pass --kind",
			doc.Name, kind, strings.Join(p.RubricIDs(), ", "))
	}
	return check.Check(doc, rubric), nil
}

// outcome is one input checked: its report or why it could not be, and
// the report as JSON when asked for.
type outcome struct {
	report    check.Report
	err       error
	json      []byte
	encodeErr error
}

// checkAll checks files on up to GOMAXPROCS goroutines and yields the
// outcomes in the order of files. An unreadable input becomes a report
// that keeps its place in JSON, with why it could not be checked.
func checkAll(opts *Options, p *pack.Pack, files []string, asJSON bool) iter.Seq[outcome] {
	one := func(name string) outcome {
		r, err := checkOne(opts, p, name)
		o := outcome{report: r, err: err}
		if err != nil {
			label := document.DisplayName(name)
			if opts.Label != nil {
				label = opts.Label(name)
			}
			r = check.Report{File: label, Kind: opts.Kind, Error: err.Error()}
		}
		if asJSON {
			o.json, o.encodeErr = check.EncodeJSON(r)
		}
		return o
	}
	return func(yield func(outcome) bool) {
		workers := min(runtime.GOMAXPROCS(0), len(files))
		if workers <= 1 {
			for _, name := range files {
				if !yield(one(name)) {
					return
				}
			}
			return
		}
		// Each input has its own slot and a channel closed when it is
		// filled; workers take the next input from a shared counter, so
		// at most workers inputs are ahead of the one being printed
		// plus those already done.
		outs := make([]outcome, len(files))
		done := make([]chan struct{}, len(files))
		for i := range done {
			done[i] = make(chan struct{})
		}
		var next atomic.Int64
		stop := make(chan struct{})
		defer close(stop)
		for range workers {
			go func() {
				for {
					i := int(next.Add(1)) - 1
					if i >= len(files) {
						return
					}
					select {
					case <-stop:
						return
					default:
					}
					outs[i] = one(files[i])
					close(done[i])
				}
			}()
		}
		for i := range files {
			<-done[i]
			o := outs[i]
			outs[i] = outcome{} // printed: let it go
			if !yield(o) {
				return
			}
		}
	}
}
