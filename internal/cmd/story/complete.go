package story

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

type completeFunc = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective)

// completeStories completes the first n arguments with the stories of the
// workspace: each one's name without .md, as prep story rm prints it and
// every command takes it, described by its rank and title. Files that do
// not parse are offered too, for edit and rm to fix or remove them. With
// n < 0 every argument is a story. Completion reads, never writes: a
// workspace that does not exist yet completes nothing.
func completeStories(f *cmdutil.Factory, n int) completeFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if n >= 0 && len(args) >= n {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		ws, ok := completionWorkspace(f, cmd)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		stories, errs := ws.Stories()
		var out []string
		add := func(path, desc string) {
			name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
			if strings.HasPrefix(name, toComplete) {
				out = append(out, name+"\t"+text.CleanLine(desc))
			}
		}
		for i := range stories {
			s := &stories[i]
			desc := titleOf(s)
			if s.Meta.Rank != 0 {
				desc = strconv.Itoa(s.Meta.Rank) + ". " + desc
			}
			add(s.Path, desc)
		}
		for _, err := range errs {
			if path, ok := brokenPath(err); ok {
				add(path, "does not parse: edit it to fix it")
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeRank completes prep story rank: a story, then its rank.
func completeRank(f *cmdutil.Factory) completeFunc {
	stories := completeStories(f, 1)
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) == 1 {
			return []string{"1\tyour top story", "2", "3", "none\tunranked"}, cobra.ShellCompDirectiveNoFileComp
		}
		return stories(cmd, args, toComplete)
	}
}

// completeTrash completes prep story restore with the removed stories'
// names, the latest removal first.
func completeTrash(f *cmdutil.Factory) completeFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		ws, ok := completionWorkspace(f, cmd)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		items, err := ws.Trash()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		seen := map[string]bool{}
		for _, t := range items {
			name := strings.TrimSuffix(t.Name, filepath.Ext(t.Name))
			if seen[name] || !strings.HasPrefix(name, toComplete) {
				continue
			}
			seen[name] = true
			out = append(out, name+"\tremoved "+removedAt(t))
		}
		return out, cobra.ShellCompDirectiveKeepOrder | cobra.ShellCompDirectiveNoFileComp
	}
}

// completionWorkspace opens the workspace the command line names. The
// shell's completion request skips the root command's set-up, so the
// settings (--dir, PREP_DIR, the config file) are resolved here.
func completionWorkspace(f *cmdutil.Factory, cmd *cobra.Command) (*workspace.Workspace, bool) {
	if f.LoadSettings == nil {
		return nil, false
	}
	s, err := f.LoadSettings(cmd.Root().PersistentFlags(), f.Env)
	if err != nil {
		return nil, false
	}
	if fi, err := os.Stat(s.Dir); err != nil || !fi.IsDir() {
		return nil, false // never create a workspace to complete a word
	}
	f.SetSettings(s)
	ws, err := f.Workspace()
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, false
	}
	return ws, ws != nil
}
