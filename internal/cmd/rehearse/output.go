package rehearse

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/packdoc"
	"github.com/prepcli/prep/internal/rehearsal"
	"github.com/prepcli/prep/internal/speech"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/prompts"
)

// writeCard shows the cue card: what to say, in the order to say it.
func writeCard(w io.Writer, width int, subj *subject, limit time.Duration) {
	fmt.Fprintf(w, "%s\n\n", wrap(fmt.Sprintf("Rehearse out loud: %s (%s)", subj.title, subj.name), "", "", width))
	if len(subj.card) == 0 {
		fmt.Fprintln(w, "  The story has no pitch, figure, decision or lesson to put on a card yet; tell it as you would.")
	}
	label := 0
	for _, l := range subj.card {
		label = max(label, len(l[0]))
	}
	pad := strings.Repeat(" ", label+5)
	for _, l := range subj.card {
		fmt.Fprintln(w, wrap(l[1], fmt.Sprintf("  %-*s  ", label+1, l[0]+":"), pad, width))
	}
	fmt.Fprintf(w, "\n%s\n", wrap(fmt.Sprintf("You have %s. Speak as if to the panel; press Enter when you finish.", speech.Clock(limit.Seconds())), "", "", width))
}

// countdown shows the time left on one line, redrawn each second, until
// the candidate presses Enter; past the limit it counts the time over.
// toErr sends it to standard error, when standard output is for JSON.
func countdown(ctx context.Context, ios *iostreams.IOStreams, toErr bool, now func() time.Time, limit time.Duration) (time.Duration, error) {
	start := now()
	enter := make(chan error, 1)
	go func() {
		buf := make([]byte, 64)
		for {
			n, err := ios.In.Read(buf)
			if bytes.ContainsAny(buf[:n], "\r\n") {
				enter <- nil
				return
			}
			if err != nil {
				enter <- err
				return
			}
		}
	}()
	out := ios.Out
	if toErr {
		out = ios.ErrOut
	}
	draw := func() {
		took := now().Sub(start)
		left := limit - took
		line := fmt.Sprintf("  %s left", speech.Clock(left.Seconds()))
		if left <= 0 {
			line = fmt.Sprintf("  time is up: over by %s", speech.Clock(-left.Seconds()))
		}
		fmt.Fprintf(out, "\r%s · Enter when you finish\x1b[K", line)
	}
	draw()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(out)
			return 0, ctx.Err()
		case err := <-enter:
			took := now().Sub(start)
			// The terminal echoed Enter as a new line: go back up and
			// put the time taken in place of the clock.
			fmt.Fprintf(out, "\x1b[1A\r  took %s\x1b[K\n\n", speech.Clock(took.Seconds()))
			if err != nil && err != io.EOF {
				return took, fmt.Errorf("cannot read the terminal: %v", err)
			}
			return took, nil
		case <-tick.C:
			draw()
		}
	}
}

// selfCheck asks, beat by beat, whether each was said.
func selfCheck(ask prompts.Prompter, subj *subject, limit, elapsed time.Duration) (speech.Report, error) {
	beats := slices.Clone(subj.beats)
	for i := range beats {
		said, err := ask.Confirm(prompts.Question{
			ID:      fmt.Sprintf("beat.%d", i),
			Message: beats[i].Ask,
			Help:    "The card said: " + beats[i].Text,
		}, false)
		if err != nil {
			return speech.Report{}, err
		}
		beats[i].Said = said
	}
	return speech.Recalled(speech.Input{Name: subj.name, Rubric: subj.rubric, Beats: beats, Limit: limit, Coaching: subj.coaching}, elapsed), nil
}

// width is the column the card and the report are filled to: the
// terminal's, up to packdoc.MaxWidth as everywhere in prep; 0 when
// output is not a terminal, to leave each line whole.
func width(ios *iostreams.IOStreams) int {
	if w := ios.TerminalWidth(); w > 0 {
		return packdoc.FitWidth(w)
	}
	return 0
}

// wrap fills text to the terminal's width, or leaves it on one line
// when the width is not known (not a terminal).
func wrap(s, first, rest string, width int) string {
	if width <= 0 {
		return first + text.CleanLine(s)
	}
	return text.Wrap(s, first, rest, width)
}

func writeJSON(w io.Writer, rep speech.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// writeReport is the analysis for people.
func writeReport(w io.Writer, width int, subj *subject, r speech.Report) {
	fmt.Fprintf(w, "%s\n\n", wrap(subj.title+": checked by "+r.Transcriber, "", "  ", width))
	row := func(label, format string, args ...any) {
		fmt.Fprintf(w, "  %-9s %s\n", label, fmt.Sprintf(format, args...))
	}
	switch {
	case r.Seconds > 0 && r.Limit > 0:
		row("Time", "%s of %s", speech.Clock(r.Seconds), speech.Clock(r.Limit))
	case r.Seconds > 0:
		row("Time", "%s", speech.Clock(r.Seconds))
	case r.Format == "plain text":
		row("Time", "not known: a plain text transcript has no times")
	}
	if c := subj.coaching; r.WPM > 0 && c.PaceHigh > 0 {
		band := fmt.Sprintf("the %d-%d that is easy to follow", c.PaceLow, c.PaceHigh)
		note := "within " + band
		switch {
		case r.WPM < float64(c.PaceLow):
			note = "slower than " + band
		case r.WPM > float64(c.PaceHigh):
			note = "faster than " + band
		}
		row("Pace", "%.0f words a minute, %s (%d words)", r.WPM, note, r.Words)
	} else if r.WPM > 0 {
		row("Pace", "%.0f words a minute (%d words)", r.WPM, r.Words)
	} else if r.Words > 0 {
		row("Words", "%d", r.Words)
	}
	if r.Format != "none" {
		if r.Fillers.Count == 0 {
			row("Fillers", "none heard (recognisers drop some)")
		} else {
			var parts []string
			for _, k := range sortedKeys(r.Fillers.Words) {
				parts = append(parts, fmt.Sprintf("%s %d", k, r.Fillers.Words[k]))
			}
			row("Fillers", "%d, %.1f per 100 words: %s (recognisers drop some, so this is a floor)", r.Fillers.Count, r.Fillers.Per100, strings.Join(parts, ", "))
		}
		if r.Timed {
			if len(r.Pauses) == 0 {
				row("Pauses", "none of 2 s or more")
			} else {
				row("Pauses", "%d of 2 s or more:", len(r.Pauses))
				for _, p := range r.Pauses {
					where := ""
					if t := sectionTitle(r, p.Section); t != "" {
						where = ", in " + t
					}
					fmt.Fprintf(w, "            at %s, %.1f s, after %q%s\n", speech.Clock(p.At), p.Seconds, p.After, where)
				}
			}
		}
	}
	if len(r.Sections) > 0 {
		fmt.Fprintf(w, "\n  Sections found in what you said (%s, from its wording):\n", r.Kind)
		for _, s := range r.Sections {
			def := sectionDef(subj, s.ID)
			if def != nil && def.Reserve {
				// Kept for when the panel asks: not part of the telling.
				continue
			}
			mark, detail := "✓", ""
			switch {
			case s.Status == check.StatusMissing && def != nil && def.Level != pack.Required:
				mark, detail = "·", "not heard (recommended)"
			case s.Status == check.StatusMissing:
				mark, detail = "✗", "not heard"
			case s.Status == check.StatusThin:
				mark, detail = "~", "thin"
			}
			if r.Timed && s.Seconds > 0 {
				detail = strings.TrimPrefix(detail+", "+speech.Clock(s.Seconds), ", ")
			}
			fmt.Fprintf(w, "    %s %-24s %s\n", mark, s.Title, detail)
		}
	}
	if len(r.Beats) > 0 {
		said := 0
		for _, b := range r.Beats {
			if b.Said {
				said++
			}
		}
		fmt.Fprintf(w, "\n  Beats of the written story said: %d of %d\n", said, len(r.Beats))
		for _, b := range r.Beats {
			mark := "✓"
			if !b.Said {
				mark = "✗"
			}
			fmt.Fprintln(w, wrap(b.Text, fmt.Sprintf("    %s %s: ", mark, b.Name), "      ", width))
		}
	}
	var shown []check.Finding
	for _, f := range r.Findings {
		if f.Rule != "beat-not-said" {
			shown = append(shown, f)
		}
	}
	if len(shown) > 0 {
		fmt.Fprintln(w, "\n  To work on:")
		for _, f := range shown {
			line := "    - " + f.Message
			if f.Hint != "" {
				if strings.HasSuffix(line, ".") {
					line += " " + f.Hint
				} else {
					line += "; " + f.Hint
				}
			}
			fmt.Fprintln(w, wrap(line[6:], "    - ", "      ", width))
		}
	}
}

func sectionDef(subj *subject, id string) *pack.Section {
	if subj.rubric == nil {
		return nil
	}
	for i := range subj.rubric.Sections {
		if subj.rubric.Sections[i].ID == id {
			return &subj.rubric.Sections[i]
		}
	}
	return nil
}

func sectionTitle(r speech.Report, id string) string {
	for _, s := range r.Sections {
		if s.ID == id {
			return s.Title
		}
	}
	return ""
}

// writeHistory lists the subject's rehearsals, the latest last.
func writeHistory(w io.Writer, subj *subject, all []rehearsal.Entry) {
	var mine []rehearsal.Entry
	if subj.story != "" {
		mine = rehearsal.Of(all, subj.story)
	} else {
		for _, e := range all {
			if e.Scenario == subj.scenario {
				mine = append(mine, e)
			}
		}
	}
	if len(mine) == 0 {
		return
	}
	fmt.Fprintf(w, "\n  Rehearsals so far (%d):\n", len(mine))
	const show = 5
	if len(mine) > show {
		fmt.Fprintf(w, "    … %d earlier\n", len(mine)-show)
		mine = mine[len(mine)-show:]
	}
	for _, e := range mine {
		fmt.Fprintf(w, "    %s\n", rehearsal.Line(e))
	}
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if m[a] != m[b] {
			return m[b] - m[a]
		}
		return strings.Compare(a, b)
	})
	return keys
}
