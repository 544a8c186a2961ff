// Package root assembles the prep command tree and runs it.
package root

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	backgroundcmd "github.com/prepcli/prep/internal/cmd/background"
	checkcmd "github.com/prepcli/prep/internal/cmd/check"
	contentcmd "github.com/prepcli/prep/internal/cmd/content"
	culturecmd "github.com/prepcli/prep/internal/cmd/culture"
	drillcmd "github.com/prepcli/prep/internal/cmd/drill"
	exportcmd "github.com/prepcli/prep/internal/cmd/export"
	rehearsecmd "github.com/prepcli/prep/internal/cmd/rehearse"
	statuscmd "github.com/prepcli/prep/internal/cmd/status"
	storycmd "github.com/prepcli/prep/internal/cmd/story"
	technicalcmd "github.com/prepcli/prep/internal/cmd/technical"
	versioncmd "github.com/prepcli/prep/internal/cmd/version"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/config"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/text"
)

// Main runs prep with args and returns the process's exit status. It never
// panics: a bug still ends in one line on stderr and status 2.
func Main(args []string, streams *iostreams.IOStreams, build cmdutil.BuildInfo) (code int) {
	return Run(cmdutil.New(streams, build), args)
}

// Run executes the command tree with a prepared factory.
func Run(f *cmdutil.Factory, args []string) int {
	return runTree(f, args, commandRun(args))
}

// runTree runs args with the tree of the command only (newCmdRoot).
func runTree(f *cmdutil.Factory, args []string, only string) (code int) {
	errOut := f.IOStreams.ErrOut
	defer func() {
		if r := recover(); r != nil {
			iostreams.Sayf(errOut, "internal error: %s; please report it with the command you ran", text.CleanLine(fmt.Sprint(r)))
			code = cmdutil.ExitCannotRun
		}
	}()

	cmd := newCmdRoot(f, only)
	cmd.SetArgs(args)
	err := cmd.Execute()
	if err == nil {
		return cmdutil.ExitOK
	}
	if !cmdutil.Silent(err) {
		f.IOStreams.PrintError(err)
		var fe *cmdutil.FlagError
		if errors.As(err, &fe) || isCobraUsage(err) {
			f.IOStreams.Sayf("see '%s --help'", commandPath(cmd, args))
		}
	}
	return cmdutil.ExitCode(err)
}

// NewCmdRoot builds the whole command tree.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command { return newCmdRoot(f, "") }

// commandNames are prep's commands, in the order they are added to the
// tree; newCommand builds each.
var commandNames = [...]string{"background", "technical", "culture", "drill", "rehearse", "status", "story", "check", "export", "content", "version", "completion"}

// newCommand builds the command called name.
func newCommand(f *cmdutil.Factory, name string) *cobra.Command {
	switch name {
	case "background":
		return backgroundcmd.NewCmdBackground(f, nil)
	case "technical":
		return technicalcmd.NewCmdTechnical(f, nil)
	case "culture":
		return culturecmd.NewCmdCulture(f, nil)
	case "drill":
		return drillcmd.NewCmdDrill(f)
	case "rehearse":
		return rehearsecmd.NewCmdRehearse(f, nil)
	case "status":
		return statuscmd.NewCmdStatus(f, nil)
	case "story":
		return storycmd.NewCmdStory(f)
	case "check":
		return checkcmd.NewCmdCheck(f, nil)
	case "export":
		return exportcmd.NewCmdExport(f, nil)
	case "content":
		return contentcmd.NewCmdContent(f)
	case "version":
		return versioncmd.NewCmdVersion(f, nil)
	case "completion":
		return newCmdCompletion(f)
	}
	return nil
}

// commandRun is the command args run when they start with its name (prep
// check story.md), or "" when cobra needs the whole tree to know what
// they do: flags first, the help command, an unknown name, a completion
// (the script and the requests walk the tree).
func commandRun(args []string) string {
	if len(args) == 0 || args[0] == "completion" || !slices.Contains(commandNames[:], args[0]) {
		return ""
	}
	return args[0]
}

// newCmdRoot builds the root command with all of prep's commands, or with
// the one called only: cobra runs that one, and shows its help and errors,
// alike either way, and building the other eleven with their flags was
// about 8% of a run of prep check (docs/performance.md). It gives f the
// settings loader: only the root command links viper.
func newCmdRoot(f *cmdutil.Factory, only string) *cobra.Command {
	f.LoadSettings = config.Load
	cmd := &cobra.Command{
		Use:   progname.Name(),
		Short: "Offline coach for a three-panel engineering interview",
		Long: strings.TrimSpace(`
prep coaches you for a three-panel engineering interview: the Background
Panel (your résumé and your top projects, told with real technical depth),
the Technical Skills Panel (systems over syntax) and the Culture Panel.

It teaches what each panel looks for, and checks your written answers for
missing sections and weak signals. Everything stays on this machine: prep
never opens a network connection.`),
		Example: strings.Trim(`
  prep check story.md              # what is missing from a project story
  prep check --kind design answer.md
  prep content show background     # read what the Background Panel wants`, "\n"),
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          cobra.NoArgs,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			s, err := f.LoadSettings(cmd.Root().PersistentFlags(), f.Env)
			if err != nil {
				return err
			}
			f.SetSettings(s)
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !f.IOStreams.CanPrompt() {
				return cmd.Help()
			}
			return runMenu(f)
		},
	}
	cmd.SetOut(f.IOStreams.Out)
	cmd.SetErr(f.IOStreams.ErrOut)
	cmd.SetIn(f.IOStreams.In)
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &cmdutil.FlagError{Err: err}
	})

	pf := cmd.PersistentFlags()
	pf.String(config.KeyContent, "", "content pack `DIR` laid over the built-in one (env PREP_CONTENT)")
	pf.String(config.KeyDir, "", "your workspace `DIR` (env PREP_DIR; default: your data directory)")
	pf.String("config", "", "config `FILE` (env PREP_CONFIG; default: "+displayConfig(f)+")")
	pf.String(config.KeyInterview, "", "your interview `DATE` (YYYY-MM-DD): drills plan the days left, a short set a day (env PREP_INTERVIEW)")
	pf.Bool(config.KeyNoColor, false, "no colour in output (env PREP_NO_COLOR or NO_COLOR)")

	// prep has its own completion command; without this, a tree of one
	// command would get cobra's.
	cmd.CompletionOptions.DisableDefaultCmd = true
	if only != "" {
		cmd.AddCommand(newCommand(f, only))
	} else {
		for _, name := range commandNames {
			cmd.AddCommand(newCommand(f, name))
		}
	}
	nameWhenShown(cmd)
	return cmd
}

// nameWhenShown names the commands of the tree (nameCommands) the first
// time a help text, a usage text or a completion is about to be shown,
// not on every run: under another name than prep that is a regular
// expression over every text of the tree, some milliseconds that a
// renamed copy's prep check would pay for nothing.
func nameWhenShown(root *cobra.Command) {
	var once sync.Once
	name := func() { once.Do(func() { nameCommands(root) }) }
	help, usage := root.HelpFunc(), root.UsageFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		name()
		help(c, args)
	})
	root.SetUsageFunc(func(c *cobra.Command) error {
		name()
		return usage(c)
	})
	// Completions show the commands' short texts.
	pre := root.PersistentPreRunE
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error {
		if c.Name() == cobra.ShellCompRequestCmd || c.Name() == cobra.ShellCompNoDescRequestCmd {
			name()
		}
		return pre(c, args)
	}
}

// nameCommands puts the name prep was run as into every help text of the
// tree (progname.Text), so a copy run as prep-acme says "prep-acme story
// list", not a command the shell does not know.
func nameCommands(c *cobra.Command) {
	c.Short = progname.Text(c.Short)
	c.Long = progname.Text(c.Long)
	c.Example = progname.Text(c.Example)
	for _, fs := range []*pflag.FlagSet{c.Flags(), c.PersistentFlags()} {
		fs.VisitAll(func(f *pflag.Flag) { f.Usage = progname.Text(f.Usage) })
	}
	for _, sub := range c.Commands() {
		nameCommands(sub)
	}
}

func displayConfig(f *cmdutil.Factory) string {
	if p := config.DefaultConfigFile(f.Env); p != "" {
		return p
	}
	return "none"
}

// isCobraUsage recognises cobra's own usage errors, which are plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "requires at most", "invalid argument", "unknown flag", "unknown shorthand"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// commandPath names the (sub)command the user meant, for the --help hint.
func commandPath(root *cobra.Command, args []string) string {
	if c, _, err := root.Find(args); err == nil && c != nil {
		return c.CommandPath()
	}
	return root.CommandPath()
}
