package cmdutil

import (
	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
)

// Guided is what every guided session command takes from the factory, and
// its --answers flag. Each command's Options embed it, so the commands
// cannot drift apart in how they reach a terminal or an answers file.
type Guided struct {
	IO        *iostreams.IOStreams
	Pack      func() (*pack.Pack, error)
	Workspace func() (*workspace.Workspace, error)
	// Prompter builds the prompter: from the answers file when answers is
	// not empty, else in the terminal. Tests put a scripted one in its
	// place.
	Prompter func(answers string) (prompts.Prompter, error)

	Answers string // --answers FILE
}

// Guided returns what a guided session command needs from f.
func (f *Factory) Guided() Guided {
	return Guided{
		IO:        f.IOStreams,
		Pack:      f.Pack,
		Workspace: f.Workspace,
		Prompter: func(answers string) (prompts.Prompter, error) {
			return prompts.New(f.IOStreams, answers)
		},
	}
}

// UsePrompter sends every question to p, whatever --answers says: how
// tests script a session.
func (g *Guided) UsePrompter(p prompts.Prompter) {
	g.Prompter = func(string) (prompts.Prompter, error) { return p, nil }
}

// AddAnswersFlag registers --answers FILE on cmd, with the same help in
// every guided command.
func (g *Guided) AddAnswersFlag(cmd *cobra.Command) {
	cmd.Flags().StringVar(&g.Answers, "answers", "", "answer the questions from `FILE` (YAML, by question id) instead of a terminal")
}

// RunE is a command's RunE for a command whose Run takes its options, as
// every guided command's does: runF, the tests' stand-in, when not nil,
// else run.
func RunE[O any](opts *O, runF, run func(*O) error) func(*cobra.Command, []string) error {
	return func(*cobra.Command, []string) error {
		if runF != nil {
			return runF(opts)
		}
		return run(opts)
	}
}

// PackCompletion completes a flag's value with the ids (each may carry a
// tab and its description) that ids finds in the content pack in force.
func (f *Factory) PackCompletion(ids func(*pack.Pack) []string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		p, err := f.Pack()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return ids(p), cobra.ShellCompDirectiveNoFileComp
	}
}
