// Package culture implements `prep culture`: the guided Culture Panel
// session.
package culture

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/guided"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/session"
)

// Options are what `prep culture` needs; Run takes nothing else, so it is
// tested without cobra.
type Options struct {
	cmdutil.Guided

	Value string // --value
	Part  string // --part
}

// NewCmdCulture builds the command; runF replaces Run in tests.
func NewCmdCulture(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Guided: f.Guided()}
	cmd := &cobra.Command{
		Use:   "culture",
		Short: "The guided Culture Panel session: stories for the team's values, a written-first exercise, follow-ups, why this team, your questions",
		Long: strings.TrimSpace(`
Prepare for the Culture Panel one part at a time. After what the panel
is and the values it listens for (ownership, pragmatic perfectionism,
written-first communication, collaboration), choose a part, or name it
with --part:

  story      a short true story for one value: the value, what such a
             story looks like and the questions that draw one out, the
             question it answers, the story one section at a time, its
             check (fix a weak section on the spot), three follow-ups an
             interviewer would probe it with, and which of the value's
             points it shows (what prep status counts), with the chance to
             tell a missing one in a section there and then
  written    a written-first exercise: a situation, the async update or
             design-doc summary you write about it, checked for context,
             decision, options and the ask, with the points a reader
             needs covered and missed; revise it as often as you like
  followups  more follow-ups on a culture story you wrote
  team       why this team: what to read of their public writing and
             open-source code, and how to talk about it and your own
  questions  the questions you will ask the interviewers

Long answers open in your editor ($VISUAL or $EDITOR). Every answer is
saved before the next question: stories in the stories folder of your
workspace (kind culture), the written exercise in practice/update-ID.md,
the team and questions parts in practice/culture-notes.md. Run prep
culture again for another part: one story per value is the aim.

Press Ctrl-C at any prompt to stop; run prep culture again to resume where
you stopped, or to start over (your story is kept).

Without a terminal, give --answers FILE: a YAML file of answers by
question id, flat ("story.action: ...") or nested. The ids:

  resume            Resume or Start over, when a session stopped halfway
  part              the part, by its text in the menu, the start of it, or
                    its number from 1 (unless --part or --value gives it)
  value             the value, by its text in the menu, the start of it
                    ("Ownership"), or its number from 1 (unless --value
                    gives it)
  question          the question your story answers, by its text or its
                    number from 1
  title             the story's title
  story.SECTION     one answer per section, by the culture rubric's
                    section ids: situation, action, result, reflection,
                    value
  story.fix.K       after the check, round K from 0: a section to fix by
                    its title (Result), or Move on
  story.revise.K    the new text of that section
  story.followup.K  the answer to follow-up K, from 0
  story.show.K      while the story misses a point of its value, round K
                    from 0: a section to tell it in by its title, or
                    Move on
  story.reshow.K    the new text of that section
  written.exercise  the situation, by its title or number
  written.update    the update
  written.fix.K     round K from 0: Revise it, or Move on
  written.revise.K  the new text of the update
  followups.story   the story to rehearse, by its title or number
  followups.followup.K  the answer to follow-up K
  team.why, team.read, team.open_source, questions.mine
                    the answers of the team and questions parts

Exit status: 0 done, 2 could not run (no terminal and no --answers, an
answer missing from the file, an unknown --value, a workspace file prep
cannot read, another prep at work), 130 stopped at a prompt with
everything saved.`),
		Example: strings.Trim(`
  prep culture
  prep culture --value ownership
  prep culture --part written
  prep culture --answers culture.yaml`, "\n"),
		Args: cobra.NoArgs,
		RunE: cmdutil.RunE(opts, runF, Run),
	}
	cmd.Flags().StringVar(&opts.Value, "value", "", "the `VALUE` your story shows: ownership, pragmatism, communication or collaboration (asked when not given)")
	cmd.Flags().StringVar(&opts.Part, "part", "", "the `PART` to work on: "+strings.Join(CultureParts, ", ")+" (asked when not given)")
	_ = cmd.RegisterFlagCompletionFunc("part", cobra.FixedCompletions(CultureParts, cobra.ShellCompDirectiveNoFileComp))
	opts.AddAnswersFlag(cmd)
	_ = cmd.RegisterFlagCompletionFunc("value", f.PackCompletion(func(p *pack.Pack) []string {
		var ids []string
		for _, g := range p.CultureValues() {
			ids = append(ids, g.ID+"\t"+g.Title)
		}
		return ids
	}))
	return cmd
}

// Run runs the session. Its error carries the exit status (see
// guided.CommandError).
func Run(opts *Options) error {
	return guided.CommandError(opts.IO, run(opts), progname.Name()+" culture")
}

func run(opts *Options) error {
	checkFlags := func(pk *pack.Pack) error {
		if opts.Value == "" && opts.Part == "" {
			return nil
		}
		if err := CheckCultureFlags(pk, opts.Value, opts.Part); err != nil {
			return &cmdutil.FlagError{Err: err}
		}
		return nil
	}
	return guided.Guide(opts.Guided, checkFlags, func(env session.Env) error {
		_, err := Culture(env, CultureOptions{Value: opts.Value, Part: opts.Part})
		return err
	})
}
