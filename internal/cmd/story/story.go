// Package story implements `prep story`: the candidate's stories, listed,
// read, checked, edited in its own editor, ranked and removed.
package story

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/workspace"
)

// NewCmdStory groups the story subcommands.
func NewCmdStory(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "story",
		Short: "List, read, check, edit, rank and remove your stories",
		Long: strings.TrimSpace(`
Your stories are Markdown files with YAML front matter in the stories
folder of your workspace (--dir). Write them with prep story new (or
prep background), or in your own editor: prep reads them as they are.

Rank your top 2–3 project stories 1, 2 and 3: they are the ones the prep
sheet (prep export) condenses for the evening before the call. A story is
named by its rank, its file name, or the start of its file name.`),
		Example: strings.Trim(`
  prep story new
  prep story list
  prep story show 1
  prep story edit payments-migration
  prep story rank payments-migration 1
  prep story check --format json`, "\n"),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(
		NewCmdList(f, nil),
		NewCmdShow(f, nil),
		NewCmdCheck(f, nil),
		NewCmdEdit(f, nil),
		NewCmdRank(f, nil),
		NewCmdRm(f, nil),
		NewCmdRestore(f, nil),
		NewCmdNew(f, nil),
	)
	return cmd
}

// Verdict says how a story fares, as the lists show it: the check's
// verdict and its reasons, "ready", "needs work: no figure in Result", or
// "incomplete: no Trade-offs, no Lessons". It never says a story passes
// when an interviewer would still find it weak.
func Verdict(r check.Report) string {
	if r.Verdict == "" {
		// A report built by hand, not by the checker: say what it holds.
		if r.HasErrors() {
			return "incomplete"
		}
		return "not checked"
	}
	return r.VerdictLine()
}

// fitVerdict is a verdict line cut to width runes for a terminal: the
// verdict word always, then as many whole reasons as fit, then "…" when
// some were left out.
func fitVerdict(r check.Report, width int) string {
	line := Verdict(r)
	if utf8.RuneCountInString(line) <= width || len(r.Reasons) == 0 || r.Verdict == "" {
		return truncate(line, width)
	}
	head := strings.ReplaceAll(r.Verdict, "-", " ") + ": "
	out := head
	for i, reason := range r.Reasons {
		next := out
		if i > 0 {
			next += ", "
		}
		next += reason
		// Room for the closing ", …" unless this is the last reason.
		room := width
		if i < len(r.Reasons)-1 {
			room -= utf8.RuneCountInString(", …")
		}
		if utf8.RuneCountInString(next) > room {
			if i == 0 {
				return truncate(head+reason, width)
			}
			return out + ", …"
		}
		out = next
	}
	return out
}

// kindOf is the kind a story is checked as.
func kindOf(s *workspace.Story) string {
	if s.Meta.Kind == "" {
		return check.DefaultKind
	}
	return s.Meta.Kind
}

// titleOf is how a story is named in messages: its title, else its file.
func titleOf(s *workspace.Story) string {
	if t := strings.Join(strings.Fields(s.Meta.Title), " "); t != "" {
		return t
	}
	return s.Name()
}

// label names a story in a sentence: its title and file, or its file.
func label(s *workspace.Story) string {
	if t := strings.Join(strings.Fields(s.Meta.Title), " "); t != "" {
		return fmt.Sprintf("%s (%s)", t, s.Name())
	}
	return s.Name()
}

// brokenPath is the file a workspace error is about, when it is a story
// file that does not parse: such a file can still be edited or removed.
func brokenPath(err error) (string, bool) {
	var pe *workspace.ParseError
	if errors.As(err, &pe) && pe.Path != "" {
		return pe.Path, true
	}
	return "", false
}

// truncate keeps a table cell on one terminal line.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
