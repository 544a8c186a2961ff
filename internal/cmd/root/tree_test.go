package root

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
)

// The tree's commands are the ones commandNames lists, in its order, each
// built by newCommand under its name.
func TestCommandNamesAreTheTree(t *testing.T) {
	streams, _, _, _ := iostreams.Test()
	var got []string
	for _, c := range NewCmdRoot(cmdutil.New(streams, cmdutil.BuildInfo{Version: "test"})).Commands() {
		got = append(got, c.Name())
	}
	want := slices.Sorted(slices.Values(commandNames[:])) // cobra lists them sorted
	if !slices.Equal(got, want) {
		t.Errorf("the tree has %q, commandNames %q", got, want)
	}
}

// A run that names a command builds the root and that command alone; it
// must say and do what the whole tree does, help and errors included,
// for every command and subcommand.
func TestOneCommandTreeSaysTheSame(t *testing.T) {
	dir := t.TempDir()
	story := write(t, dir, "story.md", []byte("## Situation\nOur search cluster fell over every Monday morning.\n"))
	good, err := filepath.Abs(filepath.Join("..", "..", "..", "examples", "story.md"))
	if err != nil {
		t.Fatal(err)
	}
	streams, _, _, _ := iostreams.Test()
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		for _, sub := range c.Commands() {
			p := append(slices.Clone(path), sub.Name())
			paths = append(paths, p)
			walk(sub, p)
		}
	}
	walk(NewCmdRoot(cmdutil.New(streams, cmdutil.BuildInfo{Version: "test"})), nil)
	var runs [][]string
	for _, p := range paths {
		for _, tail := range [][]string{{"--help"}, {"-h"}, {"--no-such-flag"}, {"no", "such", "args"}} {
			runs = append(runs, append(slices.Clone(p), tail...))
		}
	}
	runs = append(runs,
		[]string{"check", good},
		[]string{"check", "--format", "json", story},
		[]string{"check", "--kind", "nonsense", story},
		[]string{"check", filepath.Join(dir, "nope.md")},
		[]string{"version"},
		[]string{"content", "validate"},
		[]string{"status"},
		[]string{"story", "lst"},
	)
	for _, args := range runs {
		one := commandRun(args)
		if one == "" && args[0] != "completion" {
			t.Errorf("%q builds the whole tree", args)
		}
		// The same home for both, empty each time: help texts name it.
		home := filepath.Join(dir, "home")
		fresh := func() string {
			if err := os.RemoveAll(home); err != nil {
				t.Fatal(err)
			}
			return home
		}
		code, out, errOut := runIn(t, fresh(), args, one)
		wcode, wout, werrOut := runIn(t, fresh(), args, "")
		if code != wcode || out != wout || errOut != werrOut {
			t.Errorf("prep %s: with %s alone: exit %d\n%s%s\nwith the whole tree: exit %d\n%s%s",
				strings.Join(args, " "), one, code, out, errOut, wcode, wout, werrOut)
		}
	}
}
