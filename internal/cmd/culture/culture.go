// Package culture implements `prep culture`: the guided Culture Panel
// session.
package culture

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/session"
)

// Options are what `prep culture` needs; Run takes nothing else, so it is
// tested without cobra.
type Options struct {
	cmdutil.Guided

	Value string // --value
}

// NewCmdCulture builds the command; runF replaces Run in tests.
func NewCmdCulture(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Guided: f.Guided()}
	cmd := &cobra.Command{
		Use:   "culture",
		Short: "The guided Culture Panel session: a short true story for one of the values the team lives by",
		Long: strings.TrimSpace(`
Prepare for the Culture Panel one story at a time:

  1. what the panel is, and the values it listens for: ownership,
     pragmatic perfectionism, written-first communication, collaboration;
  2. the value your story will show, what such a story looks like, and the
     questions interviewers ask to draw one out;
  3. the question your story answers, and a title for it;
  4. the story, one section at a time (situation, what you did, the
     result, what you took from it, the value it shows), with what a strong
     answer holds shown above each question; long answers open in your
     editor ($VISUAL or $EDITOR);
  5. a check of the story: fix a weak section on the spot, or move on.

The story is saved after every answer in the stories folder of your
workspace, with kind culture, so prep story list, prep check and prep
export show it with your other stories. Run prep culture again for
another value: one story per value is the aim.

Press Ctrl-C at any prompt to stop; run prep culture again to resume where
you stopped, or to start over (your story is kept).

Without a terminal, give --answers FILE: a YAML file of answers by
question id, flat ("story.action: ...") or nested. The ids:

  resume            Resume or Start over, when a session stopped halfway
  value             the value, by its text in the menu or its number from
                    1 (unless --value gives it)
  question          the question your story answers, by its text or its
                    number from 1
  title             the story's title
  story.SECTION     one answer per section, by the culture rubric's
                    section ids: situation, action, result, reflection,
                    value
  story.fix.K       after the check, round K from 0: a section to fix by
                    its title (Result), or Move on
  story.revise.K    the new text of that section

Exit status: 0 done, 2 could not run (no terminal and no --answers, an
answer missing from the file, an unknown --value, a workspace file prep
cannot read, another prep at work), 130 stopped at a prompt with
everything saved.`),
		Example: strings.Trim(`
  prep culture
  prep culture --value ownership
  prep culture --answers culture.yaml`, "\n"),
		Args: cobra.NoArgs,
		RunE: cmdutil.RunE(opts, runF, Run),
	}
	cmd.Flags().StringVar(&opts.Value, "value", "", "the `VALUE` your story shows: ownership, pragmatism, communication or collaboration (asked when not given)")
	opts.AddAnswersFlag(cmd)
	_ = cmd.RegisterFlagCompletionFunc("value", f.PackCompletion(func(p *pack.Pack) []string {
		var ids []string
		for _, g := range session.CultureValues(p) {
			ids = append(ids, g.ID+"\t"+g.Title)
		}
		return ids
	}))
	return cmd
}

// Run runs the session. Its error carries the exit status (see
// session.CommandError).
func Run(opts *Options) error {
	return session.CommandError(opts.IO, run(opts), progname.Name()+" culture")
}

func run(opts *Options) error {
	checkFlags := func(pk *pack.Pack) error {
		if opts.Value == "" {
			return nil
		}
		if err := session.CheckCultureFlags(pk, opts.Value); err != nil {
			return &cmdutil.FlagError{Err: err}
		}
		return nil
	}
	return session.Guide(opts.Guided, checkFlags, func(env session.Env) error {
		_, err := session.Culture(env, session.CultureOptions{Value: opts.Value})
		return err
	})
}
