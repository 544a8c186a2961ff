package story

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/guided"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/session"
)

// NewOptions are what `prep story new` needs; RunNew takes nothing else,
// so it is tested without cobra.
type NewOptions struct {
	cmdutil.Guided

	Title string // --title; "" asks for it
	Kind  string // --kind; "" is star
}

// NewCmdNew builds `prep story new`; runF replaces RunNew in tests.
func NewCmdNew(f *cmdutil.Factory, runF func(*NewOptions) error) *cobra.Command {
	opts := &NewOptions{Guided: f.Guided()}
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Write a new story, one guided question at a time",
		Long: strings.TrimSpace(`
Write one story, guided: its title, then each section of its kind in order
(for a project story: situation, task, action, result, trade-offs, lessons,
architecture, your own part), with what a strong answer holds shown above
each question. Long answers open in your editor ($VISUAL or $EDITOR). The
story is then checked, and you can fix a weak section on the spot or move
on; a project story ends with three follow-up questions the panel is likely
to press with, and your answers are kept in the story.

The story is saved in the stories folder of your workspace after every
answer. Press Ctrl-C at any prompt to stop; run prep story new again to
resume where you stopped, or to start over (the file is kept).

Without a terminal, give --answers FILE: a YAML file of answers by
question id. The ids:

  resume              Resume or Start over, when a session stopped halfway
  title               the story's title (unless --title gives it)
  story.SECTION       one answer per section, by the rubric's section ids
                      (prep content show star lists them)
  story.fix.K         after the check, round K from 0: a section to fix by
                      its title (Result), or Move on
  story.revise.K      the new text of that section
  story.followup.K    your answer to follow-up K, from 0 to 2

Exit status: 0 done, 2 could not run (no terminal and no --answers, an
answer missing from the file, a workspace file prep cannot read, another
prep at work), 130 stopped at a prompt with everything saved.`),
		Example: strings.Trim(`
  prep story new
  prep story new --title "Moving ledger writes off checkout"
  prep story new --kind culture --title "Owning the on-call rota"
  prep story new --answers story.yaml`, "\n"),
		Args: cobra.NoArgs,
		RunE: cmdutil.RunE(opts, runF, RunNew),
	}
	cmd.Flags().StringVarP(&opts.Title, "title", "t", "", "the story's `TITLE` (asked for when not given)")
	cmd.Flags().StringVarP(&opts.Kind, "kind", "k", "", "the `KIND` of story, a rubric of the pack (prep content list --type rubric shows them; default star)")
	opts.AddAnswersFlag(cmd)
	_ = cmd.RegisterFlagCompletionFunc("kind", f.PackCompletion((*pack.Pack).RubricIDs))
	return cmd
}

// RunNew runs the session. Its error carries the exit status (see
// guided.CommandError).
func RunNew(opts *NewOptions) error {
	return guided.CommandError(opts.IO, runNew(opts), progname.Name()+" story new")
}

func runNew(opts *NewOptions) error {
	checkFlags := func(pk *pack.Pack) error {
		if opts.Kind == "" {
			return nil
		}
		if _, ok := pk.Rubric(opts.Kind); !ok {
			return cmdutil.FlagErrorf("--kind %q: not a kind prep knows; use one of %s", opts.Kind, strings.Join(pk.RubricIDs(), ", "))
		}
		return nil
	}
	return guided.Guide(opts.Guided, checkFlags, func(env session.Env) error {
		_, err := NewStory(env, StoryOptions{Title: opts.Title, Kind: opts.Kind})
		return err
	})
}
