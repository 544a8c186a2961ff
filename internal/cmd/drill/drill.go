// Package drill implements `prep drill` and its subcommands: trade-off
// recall, "scale it 100x tomorrow: what breaks first?" and follow-up
// rehearsal, each card back on a spaced-repetition schedule.
package drill

import (
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	drills "github.com/prepcli/prep/internal/drill"
	"github.com/prepcli/prep/internal/guided"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/workspace"
)

// Options are what a drill command needs; Run takes nothing else, so it is
// tested without cobra.
type Options struct {
	cmdutil.Guided
	Now func() time.Time
	// Interview is the interview's date, read when the command runs (the
	// settings are resolved after the command is built); zero when unset.
	Interview func() time.Time

	// Deck is the subcommand's deck; "" for bare prep drill, every deck.
	Deck     drills.Deck
	Count    int    // --count
	Exercise string // prep drill scale --exercise
	Mine     bool   // prep drill scale --mine
	Ahead    bool   // --ahead
}

// command is how the candidate runs this drill again.
func (o *Options) command() string {
	if o.Deck == "" {
		return progname.Name() + " drill"
	}
	return progname.Name() + " drill " + string(o.Deck)
}

func newOptions(f *cmdutil.Factory, deck drills.Deck) *Options {
	return &Options{
		Guided:    f.Guided(),
		Now:       f.Now,
		Interview: func() time.Time { return f.Settings().Interview },
		Deck:      deck,
		Count:     DefaultDrillCount,
	}
}

// ids documents the question ids every drill command shares.
const ids = `
Without a terminal, give --answers FILE: a YAML file of answers by
question id. K counts the round's cards from 0, in the order they come:

  resume               Resume or Start over, when a round stopped halfway
  card.K.answer        a trade-off or follow-up card: your answer, one line
  card.K.SECTION       a scale card: your answer to each section of the
                       scale rubric: breaks_first, why_designed,
                       bottlenecks, mitigation, validation
  card.K.hint.SECTION.H  a scale card: yes to see the next hint before
                       SECTION (H from 0, asked while hints are left), no
                       to answer
  card.K.grade         how well you recalled it: Again, Hard, Good or Easy
  card.K.keep          a follow-up card: yes to keep your answer in the
                       story, in place of the one it has prepared; asked
                       when the two differ

Your schedule is drills.yaml in your workspace. Trade-off and follow-up
answers are practice: they go to practice/drills-DATE.md, and a story
changes only when you say so (card.K.keep); a scale answer is
practice/scale-ID-DATE.md, kind scale, checked like any other. Every answer is on disk before the
next question. Press Ctrl-C at any prompt to stop; run the command again
to resume the same round, or start over.

New cards come in turns, your own and the bank's (shuffled each day),
so the first evening reaches the classic trade-offs too. With --ahead a
round goes on past what is due: the new cards left, then the reviews to
come, soonest first.

With an interview date (--interview, PREP_INTERVIEW or interview: in the
config file) the schedule crams: the new cards are spread over the days
left so that each is seen before the date when the days allow, but never
more than a short set a day (15 trade-off cards, 10 follow-ups, one scale
exercise), the top story's first; a review due after the date is brought
forward to the day before.

Exit status: 0 done (or nothing due), 2 could not run (no terminal and no
--answers, an answer missing from the file, a workspace file prep cannot
read, another prep at work), 130 stopped at a prompt with everything
saved.`

// NewCmdDrill builds prep drill with its subcommands. Bare prep drill
// runs what is due in every deck.
func NewCmdDrill(f *cmdutil.Factory) *cobra.Command {
	return newCmdDrill(f, nil)
}

func newCmdDrill(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := newOptions(f, "")
	cmd := &cobra.Command{
		Use:   "drill",
		Short: "Recall drills on a spaced schedule: trade-offs, scale it 100x, follow-ups",
		Long: strings.TrimSpace(`
Drill what the panels will press on, a few minutes a day: trade-off
recall (the decisions in your own stories and classic ones), "scale it
100x tomorrow: what breaks first?" and the follow-up questions on your
featured stories. After each card you grade your own recall (the grade
starts on Good, or on Again when you left the answer blank), and the
card comes back on a spaced-repetition schedule (FSRS): soon when it was
hard, later when it was easy.

Bare prep drill runs one round of whatever is due in all three decks: up
to --count trade-off and follow-up cards, then at most one scale exercise.
With nothing due, it says when the next card is; --ahead practises ahead
of schedule.
` + ids),
		Example: strings.Trim(`
  prep drill
  prep drill tradeoffs --count 5
  prep drill scale --exercise webhook-dispatcher
  prep drill followups
  prep --interview 2026-03-02 drill`, "\n"),
		Args: cobra.NoArgs,
		RunE: cmdutil.RunE(opts, runF, Run),
	}
	addCount(cmd, opts)
	opts.AddAnswersFlag(cmd)
	cmd.AddCommand(NewCmdTradeoffs(f, runF), NewCmdScale(f, runF), NewCmdFollowups(f, runF))
	return cmd
}

// NewCmdTradeoffs builds prep drill tradeoffs; runF replaces Run in tests.
func NewCmdTradeoffs(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := newOptions(f, drills.Tradeoffs)
	cmd := &cobra.Command{
		Use:   "tradeoffs",
		Short: "Trade-off recall: what you chose, what you did not, why, and the cost",
		Long: strings.TrimSpace(`
Recall the trade-offs behind decisions: a round of the cards due today
(--count, 10 by default). Cards come from two places: every decision in
your own stories (each sentence of a Trade-offs section that says what
you chose or ruled out, and each sentence of an Architecture section:
"you chose this; what did you not choose, and why?"), and the pack's bank
of classic trade-offs (consistency or availability, a queue or a direct
call, push or pull, …). New cards come in turns, your own and the
bank's.

Answer each card in a line or two. The answer is checked for an
alternative, a reason and the cost you accepted, and what is missing is
named; then you compare with the bank's notes, or with what your story
says, and grade your recall. Editing a story keeps the progress of every
decision whose sentence you did not change.
` + ids),
		Example: strings.Trim(`
  prep drill tradeoffs
  prep drill tradeoffs --count 5
  prep drill tradeoffs --answers answers.yaml`, "\n"),
		Args: cobra.NoArgs,
		RunE: cmdutil.RunE(opts, runF, Run),
	}
	addCount(cmd, opts)
	opts.AddAnswersFlag(cmd)
	return cmd
}

// NewCmdScale builds prep drill scale; runF replaces Run in tests.
func NewCmdScale(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := newOptions(f, drills.Scale)
	cmd := &cobra.Command{
		Use:   "scale",
		Short: `"Scale it 100x tomorrow: what breaks first?" on a system, or on your own project`,
		Long: strings.TrimSpace(`
"If it had to handle 100x the load tomorrow, what would break first?"
One system, the one due (or --exercise ID): its numbers today and a
sketch of its architecture, then your answer in the scale rubric's order,
one step at a time with what a strong answer holds: what breaks first,
why it was designed this way, the bottlenecks, the fixes in order, how
you would validate them. Before each step you may reveal one of the
system's hints, one at a time, as an interviewer would nudge you. Your
answer is saved in practice/ and checked, then the system's reference
notes are shown for comparison, and you grade your recall.

With --mine, the system is one of your featured projects instead, as its
story's Architecture and Action tell it; there are no hints or reference
notes, since you know it best. prep content list shows the exercise ids.
` + ids),
		Example: strings.Trim(`
  prep drill scale
  prep drill scale --exercise chat-fanout
  prep drill scale --mine`, "\n"),
		Args: cobra.NoArgs,
		RunE: cmdutil.RunE(opts, runF, Run),
	}
	cmd.Flags().StringVar(&opts.Exercise, "exercise", "", "drill the scale exercise `ID`, due or not")
	cmd.Flags().BoolVar(&opts.Mine, "mine", false, "drill one of your featured projects instead of a bank system")
	addAhead(cmd, opts)
	opts.AddAnswersFlag(cmd)
	_ = cmd.RegisterFlagCompletionFunc("exercise", f.PackCompletion(scaleIDs))
	return cmd
}

// NewCmdFollowups builds prep drill followups; runF replaces Run in tests.
func NewCmdFollowups(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := newOptions(f, drills.Followups)
	cmd := &cobra.Command{
		Use:   "followups",
		Short: "Rehearse the follow-up questions the panel will ask about your featured stories",
		Long: strings.TrimSpace(`
Rehearse the follow-ups the interviewers are likely to press with on each
of your featured stories (ranked 1 to 3): the questions of the pack's
bank that fit the story best, as prep background chooses them. A round
takes the cards due today (--count, 10 by default). You answer, compare
with the answer your story has prepared (its Follow-ups section) and
grade your recall. Your answer goes to the day's log; the story changes
only if you choose to keep the new answer there, and the answer it
replaces then goes to the log too.

It needs featured stories: write them with prep background, or prep story
new and prep story rank.
` + ids),
		Example: strings.Trim(`
  prep drill followups
  prep drill followups --count 3`, "\n"),
		Args: cobra.NoArgs,
		RunE: cmdutil.RunE(opts, runF, Run),
	}
	addCount(cmd, opts)
	opts.AddAnswersFlag(cmd)
	return cmd
}

func addCount(cmd *cobra.Command, opts *Options) {
	cmd.Flags().IntVarP(&opts.Count, "count", "n", DefaultDrillCount, "take at most `N` trade-off and follow-up cards this round")
	addAhead(cmd, opts)
}

func addAhead(cmd *cobra.Command, opts *Options) {
	cmd.Flags().BoolVar(&opts.Ahead, "ahead", false, "practise ahead of schedule: go on with cards not due yet")
}

// scaleIDs are the pack's scale exercises.
func scaleIDs(p *pack.Pack) []string {
	var out []string
	for _, e := range p.Exercises {
		if e.Kind == workspace.KindScale {
			out = append(out, e.ID)
		}
	}
	return out
}

// Run runs the round. Its error carries the exit status (see
// guided.CommandError).
func Run(opts *Options) error {
	return guided.CommandError(opts.IO, runRound(opts), opts.command())
}

func runRound(opts *Options) error {
	if opts.Count < 1 {
		return cmdutil.FlagErrorf("--count %d: give a number of cards of 1 or more", opts.Count)
	}
	if opts.Mine && opts.Exercise != "" {
		return cmdutil.FlagErrorf("--mine and --exercise both choose the system; give one of them")
	}
	checkFlags := func(pk *pack.Pack) error {
		if opts.Exercise != "" && !slices.Contains(scaleIDs(pk), opts.Exercise) {
			return cmdutil.FlagErrorf("--exercise %q: no scale exercise has that id; use one of %s", opts.Exercise, strings.Join(scaleIDs(pk), ", "))
		}
		return nil
	}
	return guided.Guide(opts.Guided, checkFlags, func(env session.Env) error {
		do := DrillOptions{
			Count:    opts.Count,
			Exercise: opts.Exercise,
			Mine:     opts.Mine,
			Ahead:    opts.Ahead,
			Now:      opts.Now,
			Command:  opts.command(),
		}
		if opts.Deck != "" {
			do.Decks = []drills.Deck{opts.Deck}
		}
		if opts.Interview != nil {
			do.Interview = opts.Interview()
		}
		_, err := Drill(env, do)
		return err
	})
}
