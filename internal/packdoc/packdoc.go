// Package packdoc renders content-pack entries as text a candidate reads in
// a terminal: headings, wrapped paragraphs and lists, no markup.
package packdoc

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/text"
)

// Width is the column paragraphs are wrapped at when the terminal's
// width is not known (output to a pipe or a file).
const Width = 78

// MaxWidth is the widest prep fills a paragraph, however wide the
// terminal: longer lines are hard to read.
const MaxWidth = 100

// minWidth is the narrowest prep wraps to: below it the indents would
// leave no room for words.
const minWidth = 30

// FitWidth is the width to wrap at for a terminal of the given width (0
// when output is not a terminal, or its width is unknown): the terminal's
// own, capped at MaxWidth, or Width without a terminal.
func FitWidth(terminal int) int {
	if terminal <= 0 {
		return Width
	}
	return min(max(terminal, minWidth), MaxWidth)
}

// doc accumulates output and remembers the first write error, so renderers
// read as a list of what to say.
type doc struct {
	w     io.Writer
	width int // the column paragraphs are filled to: FitWidth's
	err   error
}

// printf writes through Clean: every renderer prints a pack's text, which
// must not reach the terminal with its control characters. A command the
// text tells the reader to run is named as prep was run (progname.Text).
func (d *doc) printf(format string, args ...any) {
	if d.err == nil {
		_, d.err = io.WriteString(d.w, text.Clean(progname.Text(fmt.Sprintf(format, args...))))
	}
}

func (d *doc) heading(s string) { d.printf("\n%s\n", text.Wrap(s, "", "  ", d.width)) }

// line prints one line of text, wrapped with a hanging indent when it is
// wider than the terminal.
func (d *doc) line(s string) { d.printf("%s\n", text.Wrap(s, "", "  ", d.width)) }

// titled prints an entry's title and its tag, if any ("[id, level]", "(id)"),
// under a blank line, two spaces apart; a pair too wide for the terminal
// is wrapped with a hanging indent.
func (d *doc) titled(title, tag string) {
	l := "  " + title
	if tag != "" {
		l += "  " + tag
	}
	if utf8.RuneCountInString(l) <= d.width {
		d.printf("\n%s\n", l)
		return
	}
	d.printf("\n%s\n", text.Wrap(strings.TrimSpace(title+" "+tag), "  ", "    ", d.width))
}

func (d *doc) para(indent, body string) {
	if strings.TrimSpace(body) == "" {
		return
	}
	d.printf("%s\n", text.Wrap(body, indent, indent, d.width))
}

// list prints notes: their paragraphs and lists refilled, each item's
// lines hanging under its text.
func (d *doc) list(indent, body string) {
	if strings.TrimSpace(body) != "" {
		d.printf("%s\n", text.WrapList(body, indent, d.width))
	}
}

// verbatim prints text line by line: an architecture sketch's layout is
// its meaning, so it is never refilled.
func (d *doc) verbatim(indent, body string) {
	for _, line := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
		d.printf("%s\n", strings.TrimRight(indent+line, " "))
	}
}

func (d *doc) bullet(item string) {
	d.printf("%s\n", text.Wrap(item, "  - ", "    ", d.width))
}

func (d *doc) points(title string, ps []pack.Point) {
	if len(ps) == 0 {
		return
	}
	d.heading(title)
	for _, p := range ps {
		d.titled(p.Title, "")
		d.para("    ", p.Text)
	}
}

// Panel renders a panel: overview, what it looks for, how to prepare, how to
// behave, and the guides its session uses.
func Panel(w io.Writer, width int, p *pack.Panel) error {
	d := &doc{w: w, width: width}
	d.line(p.Title)
	d.para("", p.Summary)
	d.printf("\n")
	d.para("", p.Overview)
	d.points("What the interviewers look for", p.LooksFor)
	d.points("How to prepare", p.Prepare)
	d.points("In the room", p.During)
	if len(p.Guides) > 0 {
		d.heading("Guides")
		for _, g := range p.Guides {
			d.titled(g.Title+" ("+g.ID+")", "")
			d.para("    ", g.Text)
			for _, q := range g.Questions {
				d.printf("%s\n", text.Wrap(q, "    ? ", "      ", d.width))
			}
		}
	}
	if p.Rubric != "" {
		d.printf("\n")
		d.line(fmt.Sprintf("Answers for this panel are checked as %q: %s content show rubric/%s", p.Rubric, progname.Name(), p.Rubric))
	}
	return d.err
}

// Rubric renders a rubric: each section with its other names, the question
// that draws it out and what a strong one holds; then its signals.
func Rubric(w io.Writer, width int, r *pack.Rubric) error {
	d := &doc{w: w, width: width}
	d.line(fmt.Sprintf("%s (kind %q)", r.Title, r.ID))
	d.para("", r.Summary)
	d.heading("Sections")
	for _, s := range r.Sections {
		words := ""
		if s.MinWords > 0 {
			words = fmt.Sprintf(", at least %d words", s.MinWords)
		}
		d.titled(s.Title, fmt.Sprintf("[%s, %s%s]", s.ID, s.Level, words))
		names := append([]string{}, s.Aliases...)
		names = append(names, s.Letters...)
		if len(names) > 0 {
			d.printf("%s\n", text.Wrap("Also found as: "+strings.Join(names, ", "), "    ", "    ", d.width))
		}
		d.para("    ", "Ask yourself: "+s.Question)
		d.para("    ", s.Guidance)
	}
	if len(r.Signals) > 0 {
		d.heading("Weak signals flagged")
		for _, s := range r.Signals {
			target := ""
			if s.Section != "" {
				target = " on " + s.Section
			}
			d.titled(s.ID, fmt.Sprintf("[%s%s]", s.Level, target))
			d.para("    ", s.Message)
			d.para("    ", "Hint: "+s.Hint)
		}
	}
	return d.err
}

// Exercise renders a practice prompt with its figures and architecture.
// The hints, facts, evidence, key points and reference notes are withheld
// unless asked for, as an interviewer would withhold them.
func Exercise(w io.Writer, width int, e *pack.Exercise, reveal bool) error {
	d := &doc{w: w, width: width}
	track := ""
	if e.Track != "" {
		track = ", track " + e.Track
	}
	d.line(fmt.Sprintf("%s (kind %q%s)", e.Title, e.Kind, track))
	d.printf("\n")
	d.para("", e.Prompt)
	if len(e.Numbers) > 0 {
		d.heading("Numbers")
		for _, f := range e.Numbers {
			d.bullet(f.Name + ": " + f.Value)
		}
	}
	if e.Architecture != "" {
		d.heading("Architecture today")
		d.verbatim("  ", e.Architecture)
	}
	if !reveal {
		var held []string
		switch len(e.Hints) {
		case 0:
		case 1:
			held = append(held, "1 hint")
		default:
			held = append(held, fmt.Sprintf("%d hints", len(e.Hints)))
		}
		held = append(held, count(len(e.Facts), "fact"), count(len(e.Evidence), "evidence item"), count(len(e.KeyPoints), "key point"))
		if e.Change != nil {
			held = append(held, "a change of requirements")
		}
		if e.Notes != "" {
			held = append(held, "the reference notes")
		}
		held = nonBlank(held)
		if len(held) > 0 {
			last := len(held) - 1
			list := held[last]
			if last > 0 {
				list = strings.Join(held[:last], ", ") + " and " + held[last]
			}
			d.printf("\n")
			d.line(fmt.Sprintf("(%s withheld; add --reveal to show them)", list))
		}
		return d.err
	}
	if len(e.Hints) > 0 {
		d.heading("Hints")
		for i, h := range e.Hints {
			d.printf("%s\n", text.Wrap(Hint(i, len(e.Hints), h), "  ", "  ", d.width))
		}
	}
	if len(e.Facts) > 0 {
		d.heading("Facts, told when asked")
		for _, f := range e.Facts {
			d.titled(f.Topic, "["+f.ID+"]")
			d.para("    ", f.Answer)
			d.para("    ", "Why ask: "+f.Why)
			d.para("    ", "Asked with: "+strings.Join(f.Words, ", "))
		}
	}
	if len(e.Evidence) > 0 {
		d.heading("Evidence, shown when checked")
		for _, v := range e.Evidence {
			d.titled(v.Check, "["+v.ID+"]")
			d.para("    ", v.Shows)
			d.para("    ", "Named as: "+strings.Join(v.Words, ", "))
		}
	}
	if e.Change != nil {
		d.heading("Change of requirements, after " + e.Change.After)
		d.para("  ", e.Change.Say)
	}
	if len(e.KeyPoints) > 0 {
		d.heading("Key points")
		for _, k := range e.KeyPoints {
			d.titled(k.Point, "["+k.ID+"]")
			d.para("    ", "Why it matters: "+k.Why)
			d.para("    ", "Counted from: "+strings.Join(k.Words, ", "))
		}
	}
	if e.Notes != "" {
		d.heading("Reference notes")
		d.list("  ", e.Notes)
	}
	return d.err
}

// count is "" for none, so that nonBlank leaves it out.
func count(n int, noun string) string {
	if n == 0 {
		return ""
	}
	return text.Plural(n, noun)
}

func nonBlank(ss []string) []string {
	out := ss[:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Component renders one technology of the probe bank.
func Component(w io.Writer, width int, c *pack.Component) error {
	d := &doc{w: w, width: width}
	d.line(fmt.Sprintf("%s (component %q)", c.Name, c.ID))
	d.heading("Limits")
	d.para("  ", c.Limits)
	if len(c.FailureModes) > 0 {
		d.heading("How it fails")
		for _, f := range c.FailureModes {
			d.bullet(f)
		}
	}
	d.heading("What an interviewer asks")
	d.para("  ", c.Question)
	if len(c.Words) > 0 {
		d.printf("\n")
		d.para("", "Asked when an answer names: "+strings.Join(c.Words, ", "))
	}
	return d.err
}

// Example renders a worked answer and then its notes, each as the words
// quoted and what an interviewer hears in them.
func Example(w io.Writer, width int, e *pack.Example) error {
	d := &doc{w: w, width: width}
	d.line(e.Title)
	d.para("", fmt.Sprintf("A %s answer, checked as %q.", e.Strength, e.Kind))
	d.printf("\n")
	d.markdown(e.Text, e.Title, "  ")
	if len(e.Notes) > 0 {
		d.heading("What the interviewer hears")
		for _, n := range e.Notes {
			d.printf("%s\n", text.Wrap("\u201c"+text.CleanLine(n.Quote)+"\u201d \u2014 "+n.Hears, "  - ", "    ", d.width))
		}
	}
	return d.err
}

// Reference renders a reference text: its title, summary and Markdown.
func Reference(w io.Writer, width int, r *pack.Reference) error {
	d := &doc{w: w, width: width}
	d.line(r.Title)
	d.para("", r.Summary)
	d.printf("\n")
	d.markdown(r.Text, r.Title, "")
	return d.err
}

// Hint is how prep shows hint n (from 0) of total, wherever it shows
// one: "Hint 2 of 5: What happens when the same payment arrives twice?".
func Hint(n, total int, hint string) string {
	return fmt.Sprintf("Hint %d of %d: %s", n+1, total, text.CleanLine(hint))
}

// Tradeoff renders one decision from the trade-off bank.
func Tradeoff(w io.Writer, width int, t *pack.Tradeoff) error {
	d := &doc{w: w, width: width}
	d.line(t.Title)
	d.heading("Options")
	for _, o := range t.Options {
		d.bullet(o)
	}
	if len(t.Dimensions) > 0 {
		d.heading("What decides it")
		d.para("  ", strings.Join(t.Dimensions, ", "))
	}
	if t.Notes != "" {
		d.heading("Notes")
		d.list("  ", t.Notes)
	}
	return d.err
}

// Followup renders one follow-up question and what it tests.
func Followup(w io.Writer, width int, f *pack.Followup) error {
	d := &doc{w: w, width: width}
	d.para("", f.Question)
	if f.Why != "" {
		d.printf("\n")
		d.para("", "Why they ask: "+f.Why)
	}
	if len(f.Sections) > 0 {
		d.printf("\n")
		d.line("Probes: " + strings.Join(f.Sections, ", "))
	}
	if len(f.Topics) > 0 {
		d.line("Asked when a story mentions: " + strings.Join(f.Topics, ", "))
	}
	return d.err
}
