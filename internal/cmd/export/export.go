// Package export implements `prep export`: the prep sheet, one Markdown
// document to read before the call.
package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/drill"
	"github.com/prepcli/prep/internal/fserr"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sheet"
	"github.com/prepcli/prep/internal/workspace"
)

// Options are what `prep export` needs.
type Options struct {
	IO        *iostreams.IOStreams
	Workspace func() (*workspace.Workspace, error)
	Pack      func() (*pack.Pack, error)
	Now       func() time.Time
	// Interview is the interview's date (zero when none), for the drills
	// due.
	Interview func() time.Time

	// Output is the file to write; "" or "-" is standard output.
	Output string
}

// NewCmdExport builds the command; runF replaces Run in tests.
func NewCmdExport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Workspace: f.Workspace, Pack: f.Pack, Now: f.Now,
		Interview: func() time.Time { return f.Settings().Interview }}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the prep sheet: your timeline and top stories on one page",
		Long: strings.TrimSpace(`
Write the prep sheet, one Markdown document to read the evening before the
call, per panel. Background Panel: your résumé timeline, most recent role
first; each featured story (ranked 1 to 3) as a brief: its one-line pitch
(a "## Pitch" of its own, or the first sentence of Situation and of Task),
its figures, the architecture, the decision and the option turned down,
the mistake and the lesson, and the follow-ups with the answers you
prepared; the open gaps the checker still finds; your other stories by
title. Technical Skills Panel: your practice answers and the drills due.
Culture Panel: your culture stories. The sheet quotes whole sentences,
never one cut short.

The sheet goes to standard output, or with -o to FILE, written whole or
not at all. prep replaces a sheet it wrote before, but will not overwrite
any other file. A story file that cannot be read is named on stderr and
in the sheet's open gaps, the sheet is still written, and the exit status
is 2.`),
		Example: strings.Trim(`
  prep export
  prep export -o prep-sheet.md
  prep --dir ~/interview export | less`, "\n"),
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the sheet to `FILE` instead of standard output")
	return cmd
}

// Run gathers the workspace and writes the sheet.
func Run(opts *Options) error {
	target := ""
	if opts.Output != "" && opts.Output != "-" {
		var err error
		if target, err = checkTarget(opts.Output); err != nil {
			return err
		}
	}
	ws, err := opts.Workspace()
	if err != nil {
		return err
	}
	if target != "" {
		// A sheet among the stories would be read as one.
		abs, err := filepath.Abs(target)
		if err == nil && filepath.Dir(abs) == filepath.Join(ws.Dir(), workspace.StoriesDir) {
			return fmt.Errorf("%s: is in your stories folder, where prep would take it for a story; write the sheet somewhere else", opts.Output)
		}
	}
	if w := ws.Warning(); w != "" {
		opts.IO.Warnf("%s", w)
	}
	p, err := opts.Pack()
	if err != nil {
		return err
	}

	// The stories are read once, for the sheet, the drills due and the
	// ranks that clash.
	stories, errs := ws.Stories()
	in, problems := sheet.GatherStories(ws, p, opts.Now(), stories, errs)
	var interview time.Time
	if opts.Interview != nil {
		interview = opts.Interview()
	}
	in.Drills, in.NextDrill = drillsDue(ws, p, stories, opts.Now(), interview)
	out := sheet.Render(in)
	if target == "" {
		if _, err := fmt.Fprint(opts.IO.Out, out); err != nil {
			return err
		}
	} else {
		if err := workspace.WriteFileAtomic(target, []byte(sheet.Marker+"\n\n"+out)); err != nil {
			return err
		}
		fmt.Fprintf(opts.IO.Out, "wrote the prep sheet to %s\n", opts.Output)
	}
	for _, err := range problems {
		opts.IO.Sayf("unreadable: %s", err)
	}
	// Two stories given one rank by hand both show as that rank: say so.
	for _, c := range workspace.Clashes(stories) {
		opts.IO.Warnf("%s: %s", filepath.Join(ws.Dir(), workspace.StoriesDir), c)
	}
	if len(problems) > 0 {
		return &cmdutil.ExitError{Code: cmdutil.ExitCannotRun}
	}
	return nil
}

// drillsDue are the cards due today in each deck, and the day of the
// next one when none is due; a drill schedule that cannot be read shows
// none (prep drill and prep status say why).
func drillsDue(ws *workspace.Workspace, p *pack.Pack, stories []workspace.Story, now, interview time.Time) ([]sheet.Drill, string) {
	store, err := drill.Load(ws)
	if err != nil {
		return nil, ""
	}
	plan := drill.Plan{Now: now, Interview: interview}
	cards := drill.Cards(drill.Sources{Pack: p, Stories: stories, Followups: true})
	var out []sheet.Drill
	total := 0
	for _, s := range plan.Stats(cards, store) {
		out = append(out, sheet.Drill{Deck: deckName(s.Deck), Due: s.Due})
		total += s.Due
	}
	next := ""
	if total == 0 {
		if d, ok := plan.NextDue(cards, store); ok {
			next = d.String()
		}
	}
	return out, next
}

// deckName is a deck in words: "trade-offs", "scale", "follow-ups".
func deckName(d drill.Deck) string {
	switch string(d) {
	case "tradeoffs":
		return "trade-offs"
	case "followups":
		return "follow-ups"
	}
	return string(d)
}

// checkTarget refuses, before any work, a target that is a directory or
// a file prep did not write; it returns the path to write, through a
// symbolic link to the file it points at.
func checkTarget(name string) (string, error) {
	path := name
	if real, err := filepath.EvalSymlinks(name); err == nil {
		path = real
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		dir := filepath.Dir(path)
		if di, err := os.Stat(dir); err != nil || !di.IsDir() {
			return "", fmt.Errorf("%s: no directory %s to write it in; create it first or choose another -o", name, dir)
		}
		return path, nil
	case err != nil:
		return "", fmt.Errorf("%s: cannot check: %v; choose another -o", name, fserr.Cause(err))
	case fi.IsDir():
		return "", fmt.Errorf("%s: is a directory; give a file name, such as %s", name, filepath.Join(name, "prep-sheet.md"))
	case !fi.Mode().IsRegular():
		return "", fmt.Errorf("%s: not a regular file; give a file name, such as prep-sheet.md", name)
	}
	data, err := readHead(path, len(sheet.Marker))
	if err != nil {
		return "", fmt.Errorf("%s: cannot read: %v; choose another -o", name, fserr.Cause(err))
	}
	if len(bytes.TrimSpace(data)) > 0 && !bytes.HasPrefix(data, []byte(sheet.Marker)) {
		return "", fmt.Errorf("%s: exists and is not a sheet prep wrote; prep will not overwrite it: choose another -o or move the file away", name)
	}
	return path, nil
}

func readHead(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	m, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	return buf[:m], nil
}
