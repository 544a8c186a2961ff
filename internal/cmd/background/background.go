// Package background implements `prep background`: the guided Background
// Panel session.
package background

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/guided"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/sheet"
)

// Options are what `prep background` needs; Run takes nothing else, so it
// is tested without cobra.
type Options struct {
	cmdutil.Guided
	Now func() time.Time
}

// NewCmdBackground builds the command; runF replaces Run in tests.
func NewCmdBackground(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Guided: f.Guided(), Now: f.Now}
	cmd := &cobra.Command{
		Use:   "background",
		Short: "The guided Background Panel session: timeline, top projects, stories, follow-ups",
		Long: strings.TrimSpace(`
Prepare for the Background Panel in one guided session, in about an hour:

  1. what the panel is and what its interviewers listen for (skippable);
  2. your résumé timeline, most recent role first: company, title, dates,
     what you owned and the impact you had, for as many roles as you like;
  3. your top 2 or 3 projects: each becomes a story in your workspace;
  4. each project's story, one section at a time (situation, task, action,
     result, trade-offs, lessons, architecture, your own part), with what a
     strong answer holds shown above each question; long answers open in
     your editor ($VISUAL or $EDITOR);
  5. a check of each story: fix a weak section on the spot, or move on;
  6. three follow-up questions per story, the kind the panel presses with,
     and your answer to each, kept in the story;
  7. your prep sheet (prep-sheet.md in the workspace) and what to do next.

Every answer is saved before the next question. Press Ctrl-C at any prompt
to stop; run prep background again to resume where you stopped, or to
start over (your files are kept and offered as defaults). Run it again
after finishing and it offers to jump: straight to one of your stories,
to a story's follow-up questions, or past your timeline kept as it is.

Without a terminal, give --answers FILE: a YAML file of answers by
question id, flat ("timeline.0.company: Acme") or nested. The ids:

  resume               Resume or Start over, when a session stopped halfway
  start                when you have been here before: where to start, by
                       the option's number from 1 or its text ("Go through
                       it all again, ...", "Keep the timeline as it is
                       ...", "Story 2: TITLE", "Story 2's follow-up
                       questions only: TITLE")
  intro.read           yes to read what the panel looks for, no to skip it
  timeline.N.company   role N, from 0 for the most recent: the company
  timeline.N.title     your title there
  timeline.N.start     when you started, as your résumé says it
  timeline.N.end       when you left, or present
  timeline.N.owned     what you owned
  timeline.N.impact    the impact you had, with a number
  timeline.N.more      yes to add the role before it, no to stop
  projects.count       2 or 3
  projects.N.title     project N's title, from 0
  story.N.SECTION      project N's story, by the rubric's section ids:
                       situation, task, action, result, tradeoffs,
                       lessons, architecture, contribution
  story.N.fix.K        after the check, round K from 0: a section to
                       fix by its title (Result), or Move on
  story.N.revise.K     the new text of that section
  story.N.followup.K   your answer to follow-up K, from 0 to 2

Questions are asked only when they apply (story.N.fix.K only when the
check finds something to fix); answers never asked are named in a warning.

Exit status: 0 done, 2 could not run (no terminal and no --answers, an
answer missing from the file, a workspace file prep cannot read, another
prep at work), 130 stopped at a prompt with everything saved.`),
		Example: strings.Trim(`
  prep background
  prep --dir ~/interview background
  prep background --answers answers.yaml`, "\n"),
		Args: cobra.NoArgs,
		RunE: cmdutil.RunE(opts, runF, Run),
	}
	opts.AddAnswersFlag(cmd)
	return cmd
}

// Run runs the session. Its error carries the exit status (see
// guided.CommandError).
func Run(opts *Options) error {
	return guided.CommandError(opts.IO, run(opts), progname.Name()+" background")
}

func run(opts *Options) error {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	return guided.Guide(opts.Guided, nil, func(env session.Env) error {
		// The sheet as prep export -o writes it, so a later prep export -o
		// prep-sheet.md may replace the one the session wrote.
		render := func() ([]byte, error) { return sheet.File(env.Workspace, env.Pack, now()), nil }
		_, err := Background(env, render)
		return err
	})
}
