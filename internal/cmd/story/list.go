package story

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// ListOptions are what `prep story list` needs.
type ListOptions struct {
	IO        *iostreams.IOStreams
	Workspace func() (*workspace.Workspace, error)
	Pack      func() (*pack.Pack, error)
	Now       func() time.Time

	Format string
}

// NewCmdList builds `prep story list`; runF replaces RunList in tests.
func NewCmdList(f *cmdutil.Factory, runF func(*ListOptions) error) *cobra.Command {
	opts := &ListOptions{IO: f.IOStreams, Workspace: f.Workspace, Pack: f.Pack, Now: f.Now}
	cmd := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List your stories: rank, title, verdict and last edit",
		Long: strings.TrimSpace(`
List the stories in your workspace: the featured ones (ranked 1 to 3)
first, in rank order, then the others, most recently edited first.

Each story comes with the verdict of prep check and its reasons:
"ready"; "needs work" when an interviewer would find it weak (no figure
in Result, no alternative named, told in "we", no mistake in Lessons, too
long to tell), with what; or "incomplete" when a required section is
missing, with which. prep story check STORY shows the detail.

In a terminal each story takes two lines, to fit a narrow window: rank,
title, kind and last edit, then its verdict, cut short with "…" when the
reasons do not fit. Piped, it is tab-separated with no header (rank,
title, kind, verdict, last edit as a date, file). A story file that cannot
be read is named on stderr with its line, the others are listed, and the
exit status is 2. Two stories given one rank (by hand, in an editor) are
both listed with it, and a warning on stderr says how to settle which
comes first.`),
		Example: strings.Trim(`
  prep story list
  prep story list --format json
  prep story list | cut -f2,4`, "\n"),
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return RunList(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// Listed is one story as `prep story list --format json` gives it.
type Listed struct {
	File  string `json:"file"`
	Title string `json:"title"`
	Kind  string `json:"kind"`
	Rank  int    `json:"rank"` // 0 unranked
	// Status is the verdict line, as the text output shows it.
	Status string `json:"status"`
	// Verdict is the check's: ready, needs-work or incomplete; "" when
	// the story could not be checked.
	Verdict  string     `json:"verdict"`
	Reasons  []string   `json:"reasons"`
	Errors   int        `json:"errors"`
	Warnings int        `json:"warnings"`
	Updated  *time.Time `json:"updated"` // null when the front matter has no date

	name   string
	report check.Report
}

// RunList prints the stories.
func RunList(opts *ListOptions) error {
	if opts.Format != "text" && opts.Format != "json" {
		return cmdutil.FlagErrorf("--format %q: use text or json", opts.Format)
	}
	ws, err := cmdutil.OpenWorkspace(opts.IO, opts.Workspace)
	if err != nil {
		return err
	}
	p, err := opts.Pack()
	if err != nil {
		return err
	}
	stories, errs := ws.Stories()
	// Featured by rank, then by last edit: what the candidate worked on
	// last is what it looks for.
	slices.SortStableFunc(stories, func(a, b workspace.Story) int {
		ra, rb := a.Meta.Rank, b.Meta.Rank
		switch {
		case ra != 0 && rb != 0:
			return ra - rb
		case ra != 0:
			return -1
		case rb != 0:
			return 1
		}
		if c := b.Meta.Updated.Compare(a.Meta.Updated); c != 0 {
			return c
		}
		return strings.Compare(a.Name(), b.Name())
	})

	rows := make([]Listed, 0, len(stories))
	var unchecked []error
	for i := range stories {
		s := &stories[i]
		row := Listed{File: s.Path, Title: s.Meta.Title, Kind: kindOf(s), Rank: s.Meta.Rank, Reasons: []string{}, name: s.Name()}
		if !s.Meta.Updated.IsZero() {
			u := s.Meta.Updated
			row.Updated = &u
		}
		r, err := check.Story(p, s.Doc())
		if err != nil {
			row.Status = "not checked"
			unchecked = append(unchecked, err)
		} else {
			row.Status, row.Verdict, row.report = Verdict(r), r.Verdict, r
			if len(r.Reasons) > 0 {
				row.Reasons = r.Reasons
			}
			row.Errors, row.Warnings = r.Summary.Errors, r.Summary.Warnings
		}
		rows = append(rows, row)
	}

	if err := writeList(opts, rows); err != nil {
		return err
	}
	for _, err := range errs {
		opts.IO.Sayf("unreadable: %s", err)
	}
	for _, c := range workspace.Clashes(stories) {
		opts.IO.Warnf("%s: %s", filepath.Join(ws.Dir(), workspace.StoriesDir), c)
	}
	for _, err := range unchecked {
		opts.IO.Sayf("%s", err)
	}
	if len(errs)+len(unchecked) > 0 {
		return &cmdutil.ExitError{Code: cmdutil.ExitCannotRun}
	}
	if len(rows) == 0 && opts.Format == "text" {
		fmt.Fprintf(opts.IO.ErrOut, "no stories yet in %s; write one with %[2]s background or %[2]s story new\n", ws.Dir(), progname.Name())
	}
	return nil
}

func writeList(opts *ListOptions, rows []Listed) error {
	out := opts.IO.Out
	if opts.Format == "json" {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	if !opts.IO.IsStdoutTTY() {
		for _, r := range rows {
			date := ""
			if r.Updated != nil {
				date = r.Updated.Format(time.DateOnly)
			}
			fmt.Fprintf(out, "%s\t%s\t%s\t%s\t%s\t%s\n", rankCell(r), text.CleanLine(r.Title), text.CleanLine(r.Kind), text.CleanLine(r.Status), date, r.name)
		}
		return nil
	}
	if len(rows) == 0 {
		return nil
	}
	now := time.Now()
	if opts.Now != nil {
		now = opts.Now()
	}
	writeTable(out, rows, now)
	return nil
}

// listWidth is the terminal width the table is laid out for: a narrow
// window, or a pane beside an editor.
const listWidth = 60

// writeTable writes the terminal's list: per story a row of rank, title,
// kind and last edit, aligned, and under its title the verdict. Each line
// fits in listWidth columns: the title is cut to what the other columns
// leave, the verdict to whole reasons.
func writeTable(out io.Writer, rows []Listed, now time.Time) {
	const rankW, gap = len("RANK"), 2
	kindW, editW, titleW := len("KIND"), len("EDITED"), len("TITLE")
	edited := make([]string, len(rows))
	for i, r := range rows {
		edited[i] = "-"
		if r.Updated != nil {
			edited[i] = ago(*r.Updated, now)
		}
		kindW = max(kindW, utf8.RuneCountInString(text.CleanLine(r.Kind)))
		editW = max(editW, utf8.RuneCountInString(edited[i]))
		titleW = max(titleW, utf8.RuneCountInString(text.CleanLine(listTitle(r))))
	}
	titleW = min(titleW, max(listWidth-rankW-kindW-editW-3*gap, 16))
	indent := strings.Repeat(" ", rankW+gap)
	row := func(rank, title, kind, edited string) {
		fmt.Fprintln(out, pad(rank, rankW+gap)+pad(truncate(title, titleW), titleW+gap)+pad(kind, kindW+gap)+edited)
	}
	row("RANK", "TITLE", "KIND", "EDITED")
	for i, r := range rows {
		row(rankCell(r), text.CleanLine(listTitle(r)), text.CleanLine(r.Kind), edited[i])
		verdict := r.Status
		if r.Verdict != "" {
			verdict = fitVerdict(r.report, listWidth-len(indent))
		}
		fmt.Fprintf(out, "%s%s\n", indent, text.CleanLine(verdict))
	}
}

// rankCell is a story's rank, or "-" when it is not featured.
func rankCell(r Listed) string {
	if r.Rank == 0 {
		return "-"
	}
	return strconv.Itoa(r.Rank)
}

// listTitle is how the table names a story: its title, else its file.
func listTitle(r Listed) string {
	if t := strings.Join(strings.Fields(r.Title), " "); t != "" {
		return t
	}
	return r.name
}

// pad fills s with spaces to n runes.
func pad(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

// ago says when t was, as a person would: "today", "3 days ago", and the
// date past a month (or for a date in the future, from a clock set wrong).
func ago(t, now time.Time) string {
	t = t.In(now.Location())
	y1, m1, d1 := t.Date()
	y2, m2, d2 := now.Date()
	days := int(time.Date(y2, m2, d2, 0, 0, 0, 0, time.UTC).Sub(time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	switch {
	case days < 0 || days > 30:
		return t.Format(time.DateOnly)
	case days == 0:
		return "today"
	case days == 1:
		return "yesterday"
	}
	return strconv.Itoa(days) + " days ago"
}
