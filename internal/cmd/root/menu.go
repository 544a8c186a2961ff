package root

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/drill"
	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/packdoc"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/readiness"
	"github.com/prepcli/prep/internal/text"
)

// panelCommands are the guided sessions of the panels prep knows; a pack's
// own extra panels are read with prep content show.
var panelCommands = lazy.Value[map[string]string]{F: func() map[string]string {
	return map[string]string{
		pack.BackgroundPanel: "background",
		pack.TechnicalPanel:  "technical",
		pack.CulturePanel:    "culture",
	}
}}

// runMenu is what a candidate sees on typing just `prep` in a terminal: the
// pack's welcome, the panels in interview order with where the candidate
// stands on each, and what is due today.
func runMenu(f *cmdutil.Factory) error {
	p, err := f.Pack()
	if err != nil {
		return err
	}
	out := f.IOStreams.Out
	title := "prep"
	if p.Meta.Company != "" {
		title += " · " + text.CleanLine(p.Meta.Company)
	}
	fmt.Fprintf(out, "%s\n\n%s\n", title, text.Wrap(progname.Text(p.Meta.Welcome), "", "", packdoc.FitWidth(f.IOStreams.TerminalWidth())))

	rep := gatherReadiness(f)
	fmt.Fprintln(out, "\nPanels")
	tw := tabwriter.NewWriter(out, 0, 0, 3, ' ', 0)
	for _, panel := range p.Panels {
		cmd, ok := panelCommands.Get()[panel.ID]
		if !ok {
			cmd = "content show panel/" + text.CleanLine(panel.ID)
		}
		fmt.Fprintf(tw, "  %s\t%s %s\t%s\n", text.CleanLine(panel.Title), progname.Name(), cmd, standing(rep, panel.ID))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintln(out, "\nToday")
	switch {
	case rep == nil:
		fmt.Fprintf(out, "  start with %s background\n", progname.Name())
	case rep.Drills.DueToday > 0:
		fmt.Fprintf(out, "  %d drill cards due: %s drill\n", rep.Drills.DueToday, progname.Name())
	case rep.Drills.NextDue != "":
		fmt.Fprintf(out, "  no drills due; the next is due %s\n", rep.Drills.NextDue)
	default:
		fmt.Fprintln(out, "  no drills due")
	}
	if rep != nil && rep.Interview != nil {
		fmt.Fprintf(out, "  interview: %s (%s)\n", drill.InterviewPhrase(rep.Interview.DaysLeft), rep.Interview.Date)
	}
	fmt.Fprintf(out, "\n%[1]s status shows the detail; %[1]s --help lists every command.\n", progname.Name())
	return nil
}

// gatherReadiness reads where the candidate stands, or nil when there is no
// workspace yet or it cannot be read: the menu is a greeting, so it never
// creates the workspace and never fails on it (prep status reports why).
func gatherReadiness(f *cmdutil.Factory) *readiness.Report {
	dir := f.Settings().Dir
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) || err != nil {
		return nil
	}
	ws, err := f.Workspace()
	if err != nil {
		return nil
	}
	p, err := f.Pack()
	if err != nil {
		return nil
	}
	rep, err := readiness.Gather(ws, p, f.Now(), f.Settings().Interview)
	if err != nil {
		return nil
	}
	return rep
}

// standing is one panel's progress in a few words.
func standing(rep *readiness.Report, panel string) string {
	if rep == nil {
		return ""
	}
	switch panel {
	case pack.BackgroundPanel:
		if b := rep.Background; b != nil {
			return fmt.Sprintf("%d of %d featured stories: %s", b.Drafted.Done, b.Drafted.Total, verdicts(b))
		}
	case pack.TechnicalPanel:
		if t := rep.Technical; t != nil {
			return fmt.Sprintf("%d practice answers", t.Practice.Design+t.Practice.Scale)
		}
	case pack.CulturePanel:
		if c := rep.Culture; c != nil {
			return fmt.Sprintf("%d of %d values with a story", c.Values.Done, c.Values.Total)
		}
	}
	return ""
}

// verdicts counts the featured stories by the check's verdict: "1 ready,
// 1 needs work, 1 incomplete", leaving out the verdicts none has but
// ready.
func verdicts(b *readiness.Background) string {
	var ready, work, incomplete, unchecked int
	for _, s := range b.Stories {
		switch s.Verdict {
		case check.VerdictReady:
			ready++
		case check.VerdictNeedsWork:
			work++
		case check.VerdictIncomplete:
			incomplete++
		default:
			unchecked++
		}
	}
	parts := []string{fmt.Sprintf("%d ready", ready)}
	needs := "needs work"
	if work > 1 {
		needs = "need work"
	}
	for _, c := range []struct {
		n    int
		what string
	}{{work, needs}, {incomplete, "incomplete"}, {unchecked, "not checked"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.what))
		}
	}
	return strings.Join(parts, ", ")
}
