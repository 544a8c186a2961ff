package story

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/workspace"
)

// RankOptions are what `prep story rank` needs.
type RankOptions struct {
	IO        *iostreams.IOStreams
	Workspace func() (*workspace.Workspace, error)

	Ref  string
	Rank string // 1-3, or 0 or none to unrank
}

// NewCmdRank builds `prep story rank`; runF replaces RunRank in tests.
func NewCmdRank(f *cmdutil.Factory, runF func(*RankOptions) error) *cobra.Command {
	opts := &RankOptions{IO: f.IOStreams, Workspace: f.Workspace}
	cmd := &cobra.Command{
		Use:   "rank REF N",
		Short: "Feature a story as your 1st, 2nd or 3rd, or unrank it",
		Long: strings.TrimSpace(`
Give a story rank 1, 2 or 3 (your top projects, the ones the prep sheet
condenses), or 0 or none to unrank it. Each rank is held by one story: the
ranks work as a list of three places, so a story moved up pushes the ones
below it down (past 3 they become unranked), and a story moved down pulls
the ones it passes up. Every story whose rank changed is printed; when a
file cannot be saved, none is changed.

Two stories given one rank by hand: rank one of them to say which comes
first, and the other moves down a place. Until then prep refuses to rank
any other story, rather than guess.`),
		Example: strings.Trim(`
  prep story rank payments-migration 1
  prep story rank 3 1        # the story ranked 3 becomes 1
  prep story rank search-rewrite none`, "\n"),
		Args:              cobra.ExactArgs(2),
		ValidArgsFunction: completeRank(f),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Ref, opts.Rank = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return RunRank(opts)
		},
	}
	return cmd
}

// RunRank ranks the story and prints what moved.
func RunRank(opts *RankOptions) error {
	n, err := parseRank(opts.Rank)
	if err != nil {
		return err
	}
	ws, err := cmdutil.OpenWorkspace(opts.IO, opts.Workspace)
	if err != nil {
		return err
	}
	// All or nothing: on an error no rank moved.
	changes, err := ws.Rank(opts.Ref, n)
	if err != nil {
		return err
	}
	for _, c := range changes {
		fmt.Fprintln(opts.IO.Out, describeChange(c))
	}
	if len(changes) == 0 {
		s, err := ws.Story(opts.Ref)
		if err != nil {
			return err
		}
		if n == 0 {
			fmt.Fprintf(opts.IO.Out, "%s is not ranked; nothing changed\n", label(s))
		} else {
			fmt.Fprintf(opts.IO.Out, "%s already has rank %d; nothing changed\n", label(s), n)
		}
	}
	return nil
}

func parseRank(s string) (int, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "none", "-", "0":
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > workspace.MaxRank {
		return 0, cmdutil.FlagErrorf("rank %q: use 1, 2 or 3 to feature the story, or 0 (none) to unrank it", s)
	}
	return n, nil
}

func rankWord(n int) string {
	if n == 0 {
		return "unranked"
	}
	return "rank " + strconv.Itoa(n)
}

// describeChange says what happened to one story, in one line:
// "rank 1: Ledger writes (ledger.md), was rank 3".
func describeChange(c workspace.RankChange) string {
	title := strings.Join(strings.Fields(c.Title), " ")
	name := filepath.Base(c.Path)
	if title == "" {
		return fmt.Sprintf("%s: %s, was %s", rankWord(c.To), name, rankWord(c.From))
	}
	return fmt.Sprintf("%s: %s (%s), was %s", rankWord(c.To), title, name, rankWord(c.From))
}
