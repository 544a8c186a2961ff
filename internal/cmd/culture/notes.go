package culture

import (
	"strings"

	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/storyflow"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// NotesFile is the file in practice/ where prep culture keeps "why this
// team", what the candidate read of the company's public work, its own
// open-source story and its questions for the interviewers: one page to
// read before the call.
const NotesFile = "culture-notes.md"

// notesKind is the notes file's kind in its front matter: not a rubric,
// so prep status and the drills leave it alone.
const notesKind = "culture-notes"

// notesLayout is the notes file's headings. It is a file format, not
// teaching text: the headings prep finds its answers under, whatever the
// pack says, so it stays in code.
var notesLayout = &pack.Rubric{ID: notesKind, Title: "Culture Panel notes", Sections: []pack.Section{
	{ID: "why_team", Title: "Why this team"},
	{ID: "read", Title: "What I read of theirs"},
	{ID: "open_source", Title: "Open source"},
	{ID: "questions", Title: "Questions to ask"},
}}

// noteQuestion is one question of the team and questions parts; what it
// asks and the coaching under it are the pack's (its culture block).
type noteQuestion struct {
	id, section string
	prompt      func(*pack.Culture) pack.Prompt
	// heading is for a question its guide does not introduce.
	heading   string
	guide     string // the panel guide shown before it
	withItems bool
}

var noteQuestions = lazy.Value[map[string][]noteQuestion]{F: func() map[string][]noteQuestion {
	return map[string][]noteQuestion{
		PartTeam: {
			{id: "team.why", section: "why_team", guide: pack.CultureWhyTeamGuide, withItems: true,
				prompt: func(c *pack.Culture) pack.Prompt { return c.WhyTeam }},
			{id: "team.read", section: "read", heading: "Why this team",
				prompt: func(c *pack.Culture) pack.Prompt { return c.Read }},
			{id: "team.open_source", section: "open_source", guide: pack.CultureOpenSourceGuide,
				prompt: func(c *pack.Culture) pack.Prompt { return c.OpenSource }},
		},
		PartQuestions: {
			{id: "questions.mine", section: "questions", guide: pack.CultureAskGuide, withItems: true,
				prompt: func(c *pack.Culture) pack.Prompt { return c.Questions }},
		},
	}
}}

// notes is the team or questions part: the panel's guide, then each
// question, its answer kept in practice/culture-notes.md under its
// heading before the next is asked.
func (c *culture) notes(part string) (*storyflow.Outcome, error) {
	s := c.s
	for _, nq := range noteQuestions.Get()[part] {
		p := nq.prompt(&c.env.Pack.Meta.Culture)
		q := session.Question{
			ID:       nq.id,
			Kind:     session.Text,
			Message:  p.Ask,
			Heading:  nq.heading,
			Guidance: p.Hint,
			Intro:    session.GuideBlock(c.panel, nq.guide, nq.withItems),
			Default: func() string {
				p, err := c.ws.Practice(NotesFile)
				if err != nil {
					return ""
				}
				txt, _ := p.Section(notesLayout, nq.section)
				return txt
			},
			Save: func(ans string) error {
				return c.ws.EditPractice(NotesFile, func(p *workspace.Practice) error {
					if err := p.SetSection(notesLayout, nq.section, ans); err != nil {
						return err
					}
					p.SetField("title", notesLayout.Title)
					p.SetField("kind", notesKind)
					p.SetField("panel", c.panel.ID)
					return nil
				})
			},
		}
		ans, err := s.Ask(q)
		if err != nil {
			return nil, err
		}
		if nq.section == "questions" {
			if n := countQuestions(ans); n < 2 {
				s.Printf("\n%s\n", s.Wrap("You have "+text.Plural(n, "question")+" ready; bring at least two, and a spare in case one is answered before you ask it.", "", "  "))
			}
		}
	}
	s.Printf("\n%s\n", s.Wrap("Your notes are in "+c.ws.Path(workspace.PracticeDir+"/"+NotesFile)+": read them again before the call.", "", "  "))
	s.Printf("\nNext:\n")
	next := [][2]string{{progname.Name() + " culture --part " + PartQuestions, "the questions you will ask them"}}
	if part == PartQuestions {
		next = [][2]string{{progname.Name() + " culture --part " + PartTeam, "why this team, and their open-source work"}}
	}
	next = append(next, [2]string{progname.Name() + " culture", "a story for one of the values"})
	s.Next(next)
	return &storyflow.Outcome{}, nil
}

// countQuestions counts the lines of text that ask something.
func countQuestions(text string) int {
	n := 0
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "?") {
			n++
		}
	}
	return n
}
