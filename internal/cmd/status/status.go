// Package status implements `prep status`: readiness for each panel at a
// glance.
package status

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/drill"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/packdoc"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/readiness"
	"github.com/prepcli/prep/internal/rehearsal"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// Options are what `prep status` needs; Run takes nothing else, so it is
// tested without cobra.
type Options struct {
	IO        *iostreams.IOStreams
	Pack      func() (*pack.Pack, error)
	Workspace func() (*workspace.Workspace, error)
	Now       func() time.Time
	// Interview is the interview's date, read when the command runs; zero
	// when unset.
	Interview func() time.Time

	Format string // --format: text or json
}

// NewCmdStatus builds the command; runF replaces Run in tests.
func NewCmdStatus(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{
		IO:        f.IOStreams,
		Pack:      f.Pack,
		Workspace: f.Workspace,
		Now:       f.Now,
		Interview: func() time.Time { return f.Settings().Interview },
		Format:    "text",
	}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Readiness per panel: stories drafted and ready, signals covered, drills due",
		Long: strings.TrimSpace(`
How ready you are for each panel, at a glance:

  Background   your timeline; your featured stories (ranked 1 to 3)
               drafted and ready, each with the check's verdict and its
               reasons; which of the signals the panel looks for your
               stories cover, and which none does; the follow-ups you
               have rehearsed (3 per story); the times each was said
               out loud (prep rehearse)
  Technical    the practice answers you saved (prep technical, prep drill
               scale) and how many are ready, and each drill deck: cards
               due today, cards seen, reviews done in the last 7 days
  Culture      for each value the team names, your culture stories that
               show it, and what a story that names it still lacks
  Overall      drills due today, reviews done in the last 7 days, days to
               your interview (--interview)

A signal of the Background Panel is covered when a featured story shows
its evidence, which the content pack lists for each signal (evidence under
the panel's looks_for): each section named is present and not thin in the
story's check, and each signal named does not fire. In the built-in pack:
ownership is Task and Contribution told with "I"; pragmatic perfectionism
is Trade-offs that name the option not taken; communication is a clear
Situation and a Result with a number, told in about three minutes;
technical depth is Architecture, Action and Lessons that own a mistake.
A culture value is covered by evidence in a story, not by a section
being there: each of the value's key points, listed in the content pack,
met by a sentence the story tells (its Value section and follow-ups are
not counted). In the built-in pack: ownership is you acting ("I") on
something nobody handed you, with an outcome; pragmatic perfectionism is
a call to ship or hold back, with the limits accepted or the trade-off;
written-first communication is a written artefact you wrote (a design
doc, an RFC, a write-up, an async update); collaboration is others named
and a remote or async way of working. A value the pack gives no key
points is covered by a story whose Value section names it.

A story is ready when the check's verdict is: no section missing and
nothing an interviewer would find weak. One with no error but a weak
signal (no figure in Result, no alternative named, told in "we", no
mistake in Lessons, too long) needs work, and says why; one with a
required section missing is incomplete.

In a terminal the figures come with bars; otherwise as plain text. With
--format json, one object:

  {"date": "2026-01-10",
   "interview": {"date": "2026-02-01", "days_left": 22} or null,
   "background": {"title", "timeline_roles", "timeline_problem",
     "drafted": {"done", "total"}, "passing": {"done", "total"},
     "ready": {"done", "total"},
     "stories": [{"file", "title", "rank", "kind", "passes", "errors",
                  "warnings", "verdict", "reasons": [...], "followups"}],
     "signals": {"done", "total",
                 "items": [{"title", "evidence": [...], "covered_by": [...]}]},
     "followups": {"done", "total"}},
   "technical": {"title",
     "practice": {"design", "scale", "passing", "ready",
                  "files": [{"file", "title", "kind", "passes",
                             "verdict", "reasons": [...]}]},
     "decks": [{"deck", "cards", "seen", "due", "done_7_days"}]},
   "culture": {"title", "stories",
     "values": {"done", "total", "items": [{"id", "title", "stories": [...],
                "needs": [...], "gaps": [{"file", "missing": [...]}]}]}},
   "drills": {"due_today", "done_7_days", "next_due"},
   "problems": ["path:line: what is wrong; what to do"]}

"verdict" is ready, needs-work or incomplete ("" for a kind the pack has
no rubric for), and "reasons" say why. "passes" and "passing", kept for
scripts that read them, mean only that the check finds no error: they
count a story that needs work too, "ready" does not. A panel the content
pack lacks is null. "timeline_problem" is there only when timeline.yaml
cannot be read, saying why (timeline_roles is then 0). Keys are only ever
added.

Exit status: 0 shown (files that cannot be read are listed as problems),
2 could not run (a bad content pack, an unreadable drill schedule).`),
		Example: strings.Trim(`
  prep status
  prep --interview 2026-02-01 status
  prep status --format json | jq .drills`, "\n"),
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output `FORMAT`: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// Run gathers the report and prints it.
func Run(opts *Options) error {
	if opts.Format != "text" && opts.Format != "json" {
		return cmdutil.FlagErrorf("--format %q: use text or json", opts.Format)
	}
	p, err := opts.Pack()
	if err != nil {
		return err
	}
	ws, err := cmdutil.OpenWorkspace(opts.IO, opts.Workspace)
	if err != nil {
		return err
	}
	now := time.Now()
	if opts.Now != nil {
		now = opts.Now()
	}
	var interview time.Time
	if opts.Interview != nil {
		interview = opts.Interview()
	}
	rep, err := readiness.Gather(ws, p, now, interview)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		return writeJSON(opts.IO.Out, rep)
	}
	return writeText(opts.IO.Out, rep, style{bars: opts.IO.IsStdoutTTY(), color: opts.IO.ColorEnabled(), width: packdoc.FitWidth(opts.IO.TerminalWidth())})
}

func writeJSON(w io.Writer, rep *readiness.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

// style is how text output looks: bars and marks in a terminal, colour
// when wanted, lists wrapped to the terminal's width.
type style struct {
	bars, color bool
	width       int // what the lists are wrapped at
}

const barWidth = 12

// colour paints the finished text: each bar by how full it is (green
// when full, red when empty, yellow between), a covered mark green and a
// missing one red. It runs after the text is wrapped, because wrapping
// cleans control characters, colour codes among them, out of what it
// fills: painted first, a mark came out as "?[32m✓?[0m".
func colour(out string) string {
	var b strings.Builder
	rs := []rune(out)
	for i := 0; i < len(rs); {
		switch r := rs[i]; r {
		case '█', '░':
			j, full, empty := i, 0, 0
			for ; j < len(rs) && (rs[j] == '█' || rs[j] == '░'); j++ {
				if rs[j] == '█' {
					full++
				} else {
					empty++
				}
			}
			code := "33" // yellow: under way
			switch {
			case empty == 0:
				code = "32"
			case full == 0:
				code = "31"
			}
			b.WriteString(paint(code, string(rs[i:j])))
			i = j
		case '✓':
			b.WriteString(paint("32", "✓"))
			i++
		case '✗':
			b.WriteString(paint("31", "✗"))
			i++
		default:
			b.WriteRune(r)
			i++
		}
	}
	return b.String()
}

func paint(code, text string) string { return "\x1b[" + code + "m" + text + "\x1b[0m" }

// progress shows done out of total: a bar and "4/6" in a terminal, "4/6"
// otherwise.
func (s style) progress(p readiness.Progress) string {
	figure := fmt.Sprintf("%d/%d", p.Done, p.Total)
	if !s.bars || p.Total <= 0 {
		return figure
	}
	filled := min(barWidth, p.Done*barWidth/p.Total)
	return strings.Repeat("█", filled) + strings.Repeat("░", barWidth-filled) + " " + figure
}

// mark is a list item's mark: covered or not.
func (s style) mark(ok bool) string {
	switch {
	case s.bars && ok:
		return "✓"
	case s.bars:
		return "✗"
	case ok:
		return "[x]"
	}
	return "[ ]"
}

// line is one labelled line of a panel, its value wrapped under itself
// when the line is wider than the terminal.
func (st style) line(w io.Writer, label, value string) {
	fmt.Fprintln(w, text.Wrap(value, fmt.Sprintf("  %-20s", label), strings.Repeat(" ", 22), st.width))
}

// writeText is the report for people; coloured, when wanted, once it is
// laid out (see colour).
func writeText(w io.Writer, rep *readiness.Report, st style) error {
	if !st.color {
		return writePlain(w, rep, st)
	}
	var b strings.Builder
	if err := writePlain(&b, rep, st); err != nil {
		return err
	}
	_, err := io.WriteString(w, colour(b.String()))
	return err
}

func writePlain(w io.Writer, rep *readiness.Report, st style) error {
	head := progname.Name() + " status · " + rep.Date
	if iv := rep.Interview; iv != nil {
		head += " · " + drill.InterviewPhrase(iv.DaysLeft) + " (" + iv.Date + ")"
	}
	fmt.Fprintln(w, text.Wrap(head, "", "  ", st.width))

	if bg := rep.Background; bg != nil {
		fmt.Fprintf(w, "\n%s\n", text.CleanLine(bg.Title))
		if bg.TimelineProblem != "" {
			st.line(w, "Timeline", "unreadable: see Problems below")
		} else {
			st.line(w, "Timeline", text.Plural(bg.TimelineRoles, "role"))
		}
		st.line(w, "Featured stories", st.progress(bg.Drafted)+" drafted")
		st.line(w, "Ready", st.progress(bg.Ready))
		for _, s := range bg.Stories {
			fmt.Fprintln(w, text.Wrap(fmt.Sprintf("%d. %s: %s", s.Rank, s.Title, verdictLine(s.Verdict, s.Reasons)), "    ", "       ", st.width))
			if r := rehearsal.Summary(s.Rehearsals); r != "" {
				fmt.Fprintln(w, text.Wrap("said out loud: "+r, "       ", "       ", st.width))
			}
		}
		st.line(w, "Signals covered", st.progress(bg.Signals.Progress))
		for _, sig := range bg.Signals.Items {
			what := ""
			switch {
			case len(sig.CoveredBy) > 0:
				what = byRank(bg, sig.CoveredBy)
			case len(sig.Evidence) == 0:
				what = "judge it yourself: the pack names no evidence"
			case len(sig.Gaps) > 0:
				// Why each story falls short, in the check's words.
				what = "not shown yet: " + strings.Join(sig.Gaps, "; ")
			default:
				what = "no featured story shows it yet: it needs " + sig.Needs
			}
			fmt.Fprintln(w, text.Wrap(st.mark(len(sig.CoveredBy) > 0)+" "+text.CleanLine(sig.Title)+": "+text.CleanLine(what), "    ", "        ", st.width))
		}
		st.line(w, "Follow-ups", st.progress(bg.Followups)+" rehearsed")
	}

	if t := rep.Technical; t != nil {
		fmt.Fprintf(w, "\n%s\n", text.CleanLine(t.Title))
		pr := t.Practice
		st.line(w, "Practice answers", fmt.Sprintf("%d design, %d scale (%d ready)", pr.Design, pr.Scale, pr.Ready))
		for _, d := range t.Decks {
			st.line(w, "Drills: "+deckName(d.Deck), fmt.Sprintf("%d due, %s seen, %d done in 7 days", d.Due, st.progress(readiness.Progress{Done: d.Seen, Total: d.Cards}), d.Done))
		}
	}

	if c := rep.Culture; c != nil {
		fmt.Fprintf(w, "\n%s\n", text.CleanLine(c.Title))
		st.line(w, "Culture stories", fmt.Sprintf("%d", c.Stories))
		st.line(w, "Values shown", st.progress(c.Values.Progress))
		for _, v := range c.Values.Items {
			what := "no story yet"
			switch {
			case len(v.Stories) > 0:
				what = strings.Join(v.Stories, ", ")
			case len(v.Gaps) > 0:
				// Why each story that names the value falls short.
				var gaps []string
				for _, g := range v.Gaps {
					gaps = append(gaps, g.File+" still needs: "+strings.Join(g.Missing, " "))
				}
				what = "not shown yet: " + strings.Join(gaps, " · ")
			case len(v.Needs) > 0:
				what = "no story shows it yet. A story needs: " + strings.Join(v.Needs, " ")
			}
			fmt.Fprintln(w, text.Wrap(st.mark(len(v.Stories) > 0)+" "+text.CleanLine(v.Title)+": "+text.CleanLine(what), "    ", "        ", st.width))
		}
	}

	fmt.Fprintf(w, "\nOverall\n")
	st.line(w, "Drills due today", fmt.Sprintf("%d", rep.Drills.DueToday))
	st.line(w, "Done, last 7 days", fmt.Sprintf("%d", rep.Drills.Done))
	if rep.Drills.NextDue != "" {
		st.line(w, "Next card due", rep.Drills.NextDue)
	}
	if iv := rep.Interview; iv != nil {
		st.line(w, "Interview", iv.Date+", "+drill.InterviewPhrase(iv.DaysLeft))
	}
	if len(rep.Problems) > 0 {
		fmt.Fprintf(w, "\nProblems\n")
		for _, p := range rep.Problems {
			fmt.Fprintf(w, "  %s\n", text.CleanLine(p))
		}
	}
	if next := nextSteps(rep); len(next) > 0 {
		fmt.Fprintf(w, "\nNext\n")
		for _, n := range next {
			fmt.Fprintln(w, text.Wrap(n[1], fmt.Sprintf("  %-22s", n[0]), strings.Repeat(" ", 24), st.width))
		}
	}
	return nil
}

// verdictLine is a story's verdict as the check words it: "ready", "needs
// work: no figure in Result".
func verdictLine(verdict string, reasons []string) string {
	if verdict == "" {
		return "not checked: its kind has no rubric"
	}
	return oneLine(check.Report{Verdict: verdict, Reasons: reasons}.VerdictLine())
}

// byRank names featured stories by their rank in the list above them:
// "story 1", "stories 1 and 3".
func byRank(bg *readiness.Background, files []string) string {
	var ranks []string
	for _, f := range files {
		for _, s := range bg.Stories {
			if s.File == f {
				ranks = append(ranks, strconv.Itoa(s.Rank))
			}
		}
	}
	switch len(ranks) {
	case 0:
		return strings.Join(files, ", ")
	case 1:
		return "story " + ranks[0]
	}
	return "stories " + strings.Join(ranks[:len(ranks)-1], ", ") + " and " + ranks[len(ranks)-1]
}

func deckName(d string) string {
	switch d {
	case "tradeoffs":
		return "trade-offs"
	case "followups":
		return "follow-ups"
	}
	return d
}

// nextSteps are the commands that would move the figures most, at most
// three, the biggest gap first.
func nextSteps(rep *readiness.Report) [][2]string {
	var out [][2]string
	if bg := rep.Background; bg != nil {
		switch {
		case bg.Drafted.Done < 2:
			out = append(out, [2]string{progname.Name() + " background", "write your timeline and top stories"})
		case bg.Ready.Done < bg.Drafted.Done:
			out = append(out, [2]string{progname.Name() + " story check", "see what your featured stories still miss"})
		}
	}
	if rep.Drills.DueToday > 0 {
		out = append(out, [2]string{progname.Name() + " drill", fmt.Sprintf("%s due today", text.Plural(rep.Drills.DueToday, "card"))})
	}
	if t := rep.Technical; t != nil && t.Practice.Design == 0 {
		out = append(out, [2]string{progname.Name() + " technical", "practise a scenario end to end"})
	}
	if c := rep.Culture; c != nil && c.Values.Done < c.Values.Total {
		out = append(out, [2]string{progname.Name() + " culture", "a story for a value none shows yet"})
	}
	return out[:min(3, len(out))]
}

// oneLine is text.CleanLine, under the short name the report's many
// titles and problems are made single lines with.
func oneLine(s string) string { return text.CleanLine(s) }
