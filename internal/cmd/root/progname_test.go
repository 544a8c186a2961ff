package root

import (
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/progname"
)

// plainPrep is "prep" named as the command to type: what a copy run as
// prep-acme must never say.
var plainPrep = regexp.MustCompile(`(^|[^\w-])prep\s+(background|technical|culture|story|drill|rehearse|check|export|status|content|version|completion|help|--[a-z])`)

// A copy run as prep-acme names itself in every help text of every
// command: its usage lines, descriptions, examples and flags (issue 9,
// item 12).
func TestHelpNamesTheCommandAsRun(t *testing.T) {
	progname.Set("/downloads/prep-acme")
	t.Cleanup(func() { progname.Set(progname.Default) })

	streams, _, _, _ := iostreams.Test()
	tree := NewCmdRoot(cmdutil.New(streams, cmdutil.BuildInfo{Version: "test"}))
	if tree.Name() != "prep-acme" {
		t.Errorf("the root command is %q, want prep-acme", tree.Name())
	}
	// The texts are named when help is first shown, not on every run.
	tree.SetOut(io.Discard)
	tree.HelpFunc()(tree, nil)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		texts := map[string]string{"Short": c.Short, "Long": c.Long, "Example": c.Example}
		for _, fs := range []*pflag.FlagSet{c.Flags(), c.PersistentFlags()} {
			fs.VisitAll(func(f *pflag.Flag) { texts["--"+f.Name] = f.Usage })
		}
		for what, text := range texts {
			if m := plainPrep.FindString(text); m != "" {
				t.Errorf("%s %s says %q", c.CommandPath(), what, strings.TrimSpace(m))
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(tree)

	// The help as printed, cobra's usage lines included.
	for _, args := range [][]string{{"--help"}, {"story", "--help"}, {"story", "rank", "--help"}, {"content", "bundle", "--help"}, {"drill", "scale", "--help"}} {
		code, out, errOut := run(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if m := plainPrep.FindString(out); m != "" {
			t.Errorf("%v says %q:\n%s", args, strings.TrimSpace(m), out)
		}
		if !strings.Contains(out, "prep-acme "+strings.Join(args[:len(args)-1], " ")) {
			t.Errorf("%v does not name prep-acme:\n%s", args, out)
		}
	}
	// An error and its hint.
	code, _, errOut := run(t, "story", "nosuch")
	if code != 2 || !strings.HasPrefix(errOut, "prep-acme: ") || !strings.Contains(errOut, "prep-acme: see 'prep-acme story --help'") {
		t.Errorf("a usage error: exit %d\n%s", code, errOut)
	}
}
