package story

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
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
		Short:   "List your stories: rank, title, status and last edit",
		Long: strings.TrimSpace(`
List the stories in your workspace: the featured ones (ranked 1 to 3)
first, in rank order, then the others, most recently edited first. Status
is "passes" when prep check finds no error, or how many required sections
are missing and how many warnings there are.

In a terminal the list is a table; piped, it is tab-separated with no
header (rank, title, kind, status, last edit as a date, file). A story
file that cannot be read is named on stderr with its line, the others are
listed, and the exit status is 2.`),
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
	File     string     `json:"file"`
	Title    string     `json:"title"`
	Kind     string     `json:"kind"`
	Rank     int        `json:"rank"` // 0 unranked
	Status   string     `json:"status"`
	Errors   int        `json:"errors"`
	Warnings int        `json:"warnings"`
	Updated  *time.Time `json:"updated"` // null when the front matter has no date

	name string
}

// RunList prints the stories.
func RunList(opts *ListOptions) error {
	if opts.Format != "text" && opts.Format != "json" {
		return cmdutil.FlagErrorf("--format %q: use text or json", opts.Format)
	}
	ws, err := openWorkspace(opts.IO, opts.Workspace)
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
		row := Listed{File: s.Path, Title: s.Meta.Title, Kind: kindOf(s), Rank: s.Meta.Rank, name: s.Name()}
		if !s.Meta.Updated.IsZero() {
			u := s.Meta.Updated
			row.Updated = &u
		}
		r, err := CheckStory(p, s)
		if err != nil {
			row.Status = "not checked"
			unchecked = append(unchecked, err)
		} else {
			row.Status = Status(r)
			row.Errors, row.Warnings = r.Summary.Errors, r.Summary.Warnings
		}
		rows = append(rows, row)
	}

	if err := writeList(opts, rows); err != nil {
		return err
	}
	for _, err := range errs {
		fmt.Fprintf(opts.IO.ErrOut, "prep: unreadable: %s\n", err)
	}
	for _, err := range unchecked {
		fmt.Fprintf(opts.IO.ErrOut, "prep: %s\n", err)
	}
	if len(errs)+len(unchecked) > 0 {
		return &cmdutil.ExitError{Code: cmdutil.ExitCannotRun}
	}
	if len(rows) == 0 && opts.Format == "text" {
		fmt.Fprintf(opts.IO.ErrOut, "no stories yet in %s; write one with prep background or prep story new\n", ws.Dir())
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
	rank := func(r Listed) string {
		if r.Rank == 0 {
			return "-"
		}
		return strconv.Itoa(r.Rank)
	}
	if !opts.IO.IsStdoutTTY() {
		for _, r := range rows {
			date := ""
			if r.Updated != nil {
				date = r.Updated.Format(time.DateOnly)
			}
			fmt.Fprintf(out, "%s\t%s\t%s\t%s\t%s\t%s\n", rank(r), cleanCell(r.Title), cleanCell(r.Kind), r.Status, date, r.name)
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
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RANK\tTITLE\tKIND\tSTATUS\tEDITED\tFILE")
	for _, r := range rows {
		edited := "-"
		if r.Updated != nil {
			edited = ago(*r.Updated, now)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", rank(r), truncate(cleanCell(r.Title), 50), cleanCell(r.Kind), r.Status, edited, cleanCell(r.name))
	}
	return tw.Flush()
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
