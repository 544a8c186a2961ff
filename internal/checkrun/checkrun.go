// Package checkrun runs the rubric check over files as prep check does:
// every input checked on every core, reported in the order given as text
// or JSON, an unreadable input named on stderr, and the exit status that
// says which. prep check, prep story check and prep story edit share it.
package checkrun

import (
	"iter"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
)

// Options are what a check of files needs; Run takes nothing else, so it
// is tested without cobra.
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

	// A batch allocates far more than it keeps: each story's reading is
	// garbage once its report is out, and the live heap stays a few MB.
	// Collecting whenever the heap doubles then cost a fifth of a
	// 1,800-story batch's CPU; at 4× the batch peaks at about 41 MB, not 21.
	// GOGC, when set, is left to decide.
	if len(files) > 1 && os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
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
	return check.WithKind(p, doc, opts.Kind)
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
