// Package technical implements `prep technical`: the guided Technical
// Skills Panel session.
package technical

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/guided"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/session"
)

// maxTimer is far beyond any panel; a longer --timer is a typo (45h).
const maxTimer = 8 * time.Hour

// Options are what `prep technical` needs; Run takes nothing else, so it
// is tested without cobra.
type Options struct {
	cmdutil.Guided
	// Now is the timer's clock.
	Now func() time.Time

	Track    string        // --track
	Scenario string        // --scenario
	Timer    time.Duration // --timer; 0 is none
}

// NewCmdTechnical builds the command; runF replaces Run in tests.
func NewCmdTechnical(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Guided: f.Guided(), Now: f.Now}
	cmd := &cobra.Command{
		Use:   "technical",
		Short: "The Technical Skills Panel with prep as the interviewer: ask for the facts, answer step by step, get follow-ups",
		Long: strings.TrimSpace(`
Practise the Technical Skills Panel on a scenario from the content pack,
with prep as the interviewer:

  1. the track your role's panel uses (distributed systems design,
     frontend architecture, debugging) and a scenario of that track;
  2. the panel's own framing, which you may skip: what it is and is not,
     what it listens for, and that hints are part of it;
  3. the problem as an interviewer states it, and nothing more: the
     figures (users, load, latency targets, budget, team, what exists)
     come only when you ask for them, one question at a time (a question
     that asks two things gets both answers), an empty line when you
     have enough; a question it has no answer for gets "assume what you
     think is reasonable, and say it";
  4. your answer, one step at a time. Design and frontend scenarios:
     requirements, assumptions and constraints, the MVP, trade-offs, edge
     cases, bottlenecks, validation. Debugging scenarios (kind debug):
     symptom and impact, hypotheses, evidence, root cause, fix,
     verification, prevention. Long answers open in your editor ($VISUAL
     or $EDITOR); before each step, a hint if you want one (Enter
     declines);
  5. at the evidence step (and the bottlenecks step of a design scenario
     that has evidence), "what would you check?": name a metric, a log, a
     trace, a query or a config, and see what it shows;
  6. midway, after the step the scenario names, a change of requirements
     and a short re-plan;
  7. the check of your answer; then the key points of the reference
     answer you covered (quoting your line) and missed (with why they
     matter), the facts you never asked for and why each mattered;
  8. two or three follow-ups on what you wrote: the components you named
     and the decisions you made; then the reference notes.

With --timer (such as --timer 45m) the session suggests how to split the
time between the steps and shows the time left before each; a step that
runs over its share gets the interviewer's call to move on, once; when
time is up it offers to go straight to the last step; it never stops you.

The answer is saved after every step in practice/SCENARIO.md in your
workspace (front matter: title, kind, panel, scenario, track, hints,
hint_steps, timer, created, updated). Under the prompt, a comment block
keeps the interview: each question and what it revealed, each check and
what it showed, the re-plan and the follow-ups; prep check does not read
it. Answering a scenario again offers what you wrote as defaults.

Press Ctrl-C at any prompt to stop; run prep technical again to resume
where you stopped (time used so far is kept), or to start over (the answer
file is kept).

Without a terminal, give --answers FILE: a YAML file of answers by
question id, flat ("answer.mvp: ...") or nested ("ask: [..., '']"). The
ids:

  resume             Resume or Start over, when a scenario stopped halfway
  track              the track, by its text in the menu, the start of it
                     ("Debugging") or its number from 1 (unless --track or
                     --scenario gives it)
  scenario           the scenario, by its title, the start of it, or its
                     number from 1 (unless --scenario gives it)
  framing            yes to read the panel's framing first, no to skip it
  ask.K              question K from 0 for the interviewer; an empty
                     answer ends the questions
  hint.STEP.K        before step STEP, hint K from 0 of that step: yes to
                     take a hint, no to answer (asked while hints are left)
  check.STEP.K       check K from 0 at step evidence or bottlenecks; an
                     empty answer ends the checks
  answer.STEP        your answer to a step, by the rubric's section ids:
                     requirements, assumptions, mvp, tradeoffs,
                     edge_cases, bottlenecks, validation (design);
                     symptom, hypotheses, evidence, root_cause, fix,
                     verification, prevention (debug)
  change             your re-plan after the change of requirements
  timeup             when the timer has run out: Go to the last step, or
                     Carry on
  followup.K         your answer to follow-up K from 0

Exit status: 0 done, 2 could not run (no terminal and no --answers, an
answer missing from the file, an unknown --track or --scenario, a
workspace file prep cannot read, another prep at work), 130 stopped at a
prompt with everything saved.`),
		Example: strings.Trim(`
  prep technical
  prep technical --track debugging
  prep technical --scenario permissions-audit-log --timer 45m
  prep technical --answers answers.yaml`, "\n"),
		Args: cobra.NoArgs,
		RunE: cmdutil.RunE(opts, runF, Run),
	}
	cmd.Flags().StringVar(&opts.Track, "track", "", "the `TRACK` to practise: distributed, frontend or debugging (asked when not given)")
	cmd.Flags().StringVar(&opts.Scenario, "scenario", "", "the scenario to answer, by its `ID` (prep content list --type exercise shows them)")
	cmd.Flags().DurationVar(&opts.Timer, "timer", 0, "answer against the clock, such as 45m: the time left is shown before each step")
	opts.AddAnswersFlag(cmd)
	_ = cmd.RegisterFlagCompletionFunc("track", f.PackCompletion(func(p *pack.Pack) []string {
		var ids []string
		for _, t := range Tracks(p) {
			ids = append(ids, t.ID+"\t"+t.Title)
		}
		return ids
	}))
	_ = cmd.RegisterFlagCompletionFunc("scenario", f.PackCompletion(func(p *pack.Pack) []string {
		var ids []string
		for _, t := range Tracks(p) {
			if opts.Track != "" && t.ID != opts.Track {
				continue
			}
			for _, e := range t.Scenarios {
				ids = append(ids, e.ID+"\t"+e.Title)
			}
		}
		return ids
	}))
	return cmd
}

// Run runs the session. Its error carries the exit status (see
// guided.CommandError).
func Run(opts *Options) error {
	return guided.CommandError(opts.IO, run(opts), progname.Name()+" technical")
}

func run(opts *Options) error {
	if opts.Timer < 0 || opts.Timer > maxTimer {
		return cmdutil.FlagErrorf("--timer %s: give the time the answer may take, up to %s, such as 45m", opts.Timer, maxTimer)
	}
	checkFlags := func(pk *pack.Pack) error {
		if opts.Track == "" && opts.Scenario == "" {
			return nil
		}
		if err := CheckTechnicalFlags(pk, opts.Track, opts.Scenario); err != nil {
			return &cmdutil.FlagError{Err: err}
		}
		return nil
	}
	return guided.Guide(opts.Guided, checkFlags, func(env session.Env) error {
		so := TechnicalOptions{Track: opts.Track, Scenario: opts.Scenario, Timer: opts.Timer, Now: opts.Now}
		_, err := Technical(env, so)
		return err
	})
}
