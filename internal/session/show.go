package session

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/text"
)

// How the sessions show what the pack says and what a check found, so
// every guided command shows them alike.

// ShowCheck prints the check of the file rel (in the workspace) in the
// session's compact form.
func (s *Session) ShowCheck(rel string, r check.Report) {
	if len(r.Findings) == 0 {
		s.Printf("\n%s\n", s.Wrap(fmt.Sprintf("The check of %s finds nothing to fix.", rel), "", "  "))
		return
	}
	// The verdict first, as the story list will show it, then the detail.
	s.Printf("\n%s\n", s.Wrap(fmt.Sprintf("The check of %s finds %s; %s.", rel, counts(r.Summary), r.VerdictLine()), "", "  "))
	// A hint is said once: findings of one kind (a weak verb in seven
	// sentences) share it, and the quote tells them apart.
	said := map[string]bool{}
	for _, f := range r.Findings {
		s.Printf("%s\n", s.Wrap(f.Message, fmt.Sprintf("  %-7s  ", f.Severity), "           "))
		if f.Quote != "" && f.Section != "" {
			s.Printf("%s\n", s.Wrap("“"+f.Quote+"”", "           ", "           "))
		}
		if h := text.CleanLine(f.Hint); h != "" && !said[h] {
			said[h] = true
			s.Printf("%s\n", s.Wrap("hint: "+h, "           ", "           "))
		}
	}
}

// GuideBlock is a panel's guide as a block of guidance; nil when the pack
// has no such guide. withItems adds the guide's questions as a list.
func GuideBlock(p *pack.Panel, id string, withItems bool) *Block {
	if p == nil {
		return nil
	}
	g, ok := p.Guide(id)
	if !ok {
		return nil
	}
	b := &Block{Key: "guide." + p.ID + "." + id, Title: g.Title, Text: g.Text}
	if withItems {
		b.Items = g.Questions
	}
	return b
}

// Next lists commands to run next, each with what it does: beside
// it when the command leaves room for a few words on the line, wrapped
// under that column; under the command when not.
func (s *Session) Next(next [][2]string) {
	const room = 24 // the least width left for what a command does
	w := 0
	for _, n := range next {
		if c := utf8.RuneCountInString(n[0]); 2+c+3+room <= s.Width() {
			w = max(w, c)
		}
	}
	for _, n := range next {
		if c := utf8.RuneCountInString(n[0]); c <= w {
			first := fmt.Sprintf("  %-*s   ", w, n[0])
			s.Printf("%s\n", s.Wrap(n[1], first, strings.Repeat(" ", utf8.RuneCountInString(first))))
			continue
		}
		s.Printf("  %s\n%s\n", n[0], s.Wrap(n[1], "      ", "      "))
	}
}

// PanelHeader names the panel, after the company when the pack names one.
func PanelHeader(p *pack.Pack, panel *pack.Panel) string {
	h := text.CleanLine(panel.Title)
	if c := text.CleanLine(p.Meta.Company); c != "" {
		h = c + " · " + h
	}
	return h
}

// Welcome shows a company pack's welcome where a session starts
// afresh: it greets that company's applicants. The default pack's welcome
// is a tour of prep, which prep alone shows.
func (s *Session) Welcome(p *pack.Pack) {
	if text.CleanLine(p.Meta.Company) != "" && strings.TrimSpace(p.Meta.Welcome) != "" {
		s.Printf("\n%s\n", s.Wrap(progname.Text(p.Meta.Welcome), "", ""))
	}
}
