package session

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/prepcli/prep/internal/drill"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sections"
	"github.com/prepcli/prep/internal/workspace"
)

// gradeHelp says what each grade means; the candidate sees it on "?".
const gradeHelp = "Again: you could not recall it, or missed its point. Hard: you got there with real effort or gaps. Good: you recalled it after some thought. Easy: you recalled it at once. The harder it was, the sooner the card comes back."

// clock is the time a grade is given at.
func (r *round) clock() time.Time {
	if r.opts.Now != nil {
		return r.opts.Now()
	}
	return time.Now()
}

// card runs card k of n. A card graded in an earlier run of the round is
// passed over.
func (r *round) card(k, n int, c drill.Card) error {
	prefix := fmt.Sprintf("card.%d", k)
	if _, done := r.s.Answered(prefix + ".grade"); done {
		return nil
	}
	title := c.Title
	if c.Deck == drill.Followups && c.Story != nil {
		title = c.Story.Meta.Title // the question itself is the prompt
	}
	heading := fmt.Sprintf("Card %d of %d · %s · ", k+1, n, deckLabel(c.Deck))
	heading += shorten(oneLine(title), headingWidth-utf8.RuneCountInString(heading))
	switch c.Deck {
	case drill.Tradeoffs:
		return r.tradeoff(prefix, heading, c)
	case drill.Followups:
		return r.followup(prefix, heading, c)
	case drill.Scale:
		return r.scale(prefix, heading, c)
	}
	return fmt.Errorf("card %q is of no deck prep knows; this is a bug in prep, please report it", c.ID)
}

// headingWidth keeps a card's heading on one line of the width prep
// wraps at; the longer parts of a title are for the question below it.
const headingWidth = 78

// shorten cuts s to n characters, the last one an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n || n < 2 {
		return s
	}
	return strings.TrimRight(string(r[:n-1]), " ,;:") + "…"
}

// grade asks how well the card was recalled, schedules it, and says when
// it comes back. logged cards also get the grade in the day's log.
func (r *round) grade(prefix, heading string, c drill.Card, logged bool) error {
	opts := make([]Option, len(drill.Grades))
	for i, g := range drill.Grades {
		opts[i] = Option{Value: g.String(), Label: g.Label()}
	}
	ans, err := r.s.Ask(Question{
		ID:      prefix + ".grade",
		Kind:    Select,
		Message: "How well did you recall it?",
		Help:    gradeHelp,
		Heading: heading,
		Options: opts,
		Default: func() string { return drill.Good.String() },
		Save: func(ans string) error {
			g, ok := drill.ParseGrade(ans)
			if !ok {
				return fmt.Errorf("%q is not a grade; answer Again, Hard, Good or Easy", ans)
			}
			var st drill.State
			err := drill.Update(r.ws, func(store *drill.Store) error {
				st = store.Grade(c.ID, g, r.clock())
				return nil
			})
			if err != nil || !logged {
				return err
			}
			day := r.plan.Today()
			e, ok, err := drill.ReadLogEntry(r.ws, day, c.ID)
			if err != nil || !ok {
				return err
			}
			e.Grade = fmt.Sprintf("%s; next review on %s", g.Label(), r.plan.NextReview(st))
			return drill.SaveLogEntry(r.ws, day, e)
		},
	})
	if err != nil {
		return err
	}
	g, _ := drill.ParseGrade(ans)
	store, err := drill.Load(r.ws)
	if err != nil {
		return err
	}
	res := DrillResult{Card: c.ID, Grade: g}
	if st := store.Cards[c.ID]; st != nil {
		res.Next = r.plan.NextReview(*st)
		when := DayPhrase(res.Next, r.plan.Today())
		if !res.Next.Equal(drill.DayOf(st.Due.In(r.now.Location()))) {
			when += ", the day before your interview"
		}
		r.s.Printf("Next review: %s.\n", when)
	}
	r.out.Results = append(r.out.Results, res)
	return nil
}

// logged answers a one-line card whose answer's home is the day's log:
// the question, then the answer written there before it returns.
func (r *round) logged(q Question, c drill.Card, title, asked string, also func(ans string) error) (string, error) {
	day := r.plan.Today()
	q.Default = func() string {
		// Only what this card's answer already put in today's log: a
		// card asked again after a kill offers what was typed.
		if e, ok, _ := drill.ReadLogEntry(r.ws, day, c.ID); ok {
			return e.Answer
		}
		return ""
	}
	q.Save = func(ans string) error {
		e, _, err := drill.ReadLogEntry(r.ws, day, c.ID)
		if err != nil {
			return err
		}
		if also != nil {
			earlier, err := r.earlier(c)
			if err != nil {
				return err
			}
			if err := also(ans); err != nil {
				return err
			}
			if earlier != "" && earlier != oneLine(ans) {
				e.Earlier = earlier
			}
		}
		e.Card, e.Title, e.Asked, e.Answer = c.ID, title, asked, ans
		if err := drill.SaveLogEntry(r.ws, day, e); err != nil {
			return err
		}
		r.addFile(drill.LogFile(day))
		return nil
	}
	ans, err := r.s.Ask(q)
	if err == nil {
		r.addFile(drill.LogFile(day))
	}
	return ans, err
}

// earlier is the answer a follow-up card's story holds before a new one
// replaces it; "" for other cards.
func (r *round) earlier(c drill.Card) (string, error) {
	if c.Followup == nil || c.Story == nil {
		return "", nil
	}
	story, rub, err := r.followupStory(c)
	if err != nil || rub == nil {
		return "", err
	}
	text, _ := story.Section(rub, rehearsalID)
	ans, _ := followupAnswer(text, oneLine(c.Followup.Question))
	return oneLine(ans), nil
}

// tradeoff runs a trade-off card: the decision, the answer, what the
// answer lacks, the bank's notes or the story's own words, the grade.
func (r *round) tradeoff(prefix, heading string, c drill.Card) error {
	rubric, _ := r.env.Pack.Rubric(workspace.KindTradeoff)
	q := Question{
		ID:      prefix + ".answer",
		Kind:    Input,
		Heading: heading,
		Intro:   r.intro(drill.Tradeoffs),
	}
	var asked, title string
	if c.Tradeoff != nil {
		q.Message = "Which would you choose, and when? What would you not choose, why, and what would it cost?"
		q.Guidance = "Choose between:"
		q.Notes = c.Tradeoff.Options
		asked, title = c.Tradeoff.Title, c.Tradeoff.Title
	} else {
		where := sectionTitle(r.env.Pack, c.Story, c.Section)
		q.Message = "You chose this. What did you not choose, and why? What did it cost you?"
		q.Guidance = fmt.Sprintf("From your story %q, under %s: “%s”", oneLine(c.Title), where, c.Sentence)
		asked, title = "You chose: "+c.Sentence, c.Title
	}
	ans, err := r.logged(q, c, title, asked, nil)
	if err != nil {
		return err
	}
	r.s.Heading(heading) // a resumed card shows what it is about
	missing := drill.CheckTradeoff(ans, rubric)
	switch {
	case rubric == nil:
	case len(missing) == 0:
		var names []string
		for _, id := range drill.TradeoffParts {
			if i := slices.IndexFunc(rubric.Sections, func(s pack.Section) bool { return s.ID == id }); i >= 0 {
				names = append(names, strings.ToLower(rubric.Sections[i].Title))
			}
		}
		r.s.Printf("\n%s\n", wrap("Your answer has all of: "+strings.Join(names, ", ")+".", "  ", "  "))
	default:
		r.s.Printf("\n  Missing from your answer:\n")
		for _, sec := range missing {
			r.s.Printf("%s\n", wrap(oneLine(sec.Title)+": "+sec.Missing, "  - ", "    "))
		}
	}
	if c.Tradeoff != nil {
		r.show("To compare", dimensions(c.Tradeoff))
		verbatim(r.s, c.Tradeoff.Notes)
	} else {
		// The section the decision is from, and the trade-offs, where
		// the candidate wrote what it turned down.
		for _, id := range slices.Compact([]string{c.Section, "tradeoffs"}) {
			if text := r.storySection(c, id); text != "" {
				r.show("To compare, your story under "+sectionTitle(r.env.Pack, c.Story, id), text)
			}
		}
	}
	return r.grade(prefix, heading, c, true)
}

// show prints a titled paragraph within a card: unlike Session.Show, it
// leaves the card's heading standing, so the next question does not
// repeat it.
func (r *round) show(title, text string) {
	r.s.Printf("\n%s\n", clean(title))
	if strings.TrimSpace(text) != "" {
		r.s.Printf("%s\n", wrap(text, "  ", "  "))
	}
}

func dimensions(t *pack.Tradeoff) string {
	if len(t.Dimensions) == 0 {
		return ""
	}
	return "What decides it: " + strings.Join(t.Dimensions, ", ") + "."
}

// sectionTitle is the title of section id in the rubric of story.
func sectionTitle(p *pack.Pack, story *workspace.Story, id string) string {
	kind := workspace.KindStar
	if story != nil && story.Meta.Kind != "" {
		kind = story.Meta.Kind
	}
	if r, ok := p.Rubric(kind); ok {
		if i := slices.IndexFunc(r.Sections, func(s pack.Section) bool { return s.ID == id }); i >= 0 {
			return oneLine(r.Sections[i].Title)
		}
	}
	return id
}

// storySection is a story section's text as the checker finds it, read
// afresh: the candidate may have edited the story since the round began.
func (r *round) storySection(c drill.Card, id string) string {
	if c.Story == nil {
		return ""
	}
	story := c.Story
	if fresh, err := r.ws.Story(c.Story.Name()); err == nil && fresh.Name() == c.Story.Name() {
		story = fresh
	}
	kind := workspace.KindStar
	if story.Meta.Kind != "" {
		kind = story.Meta.Kind
	}
	rub, ok := r.env.Pack.Rubric(kind)
	if !ok {
		return ""
	}
	sec, _ := sections.Find(drill.Doc(story), rub).Section(id)
	return sec.Text
}

// verbatim prints pack text whose lines are laid out by hand (notes with
// lists, architecture sketches) as it is, indented.
func verbatim(s *Session, text string) {
	text = strings.Trim(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	if strings.TrimSpace(text) == "" {
		return
	}
	for _, l := range strings.Split(text, "\n") {
		s.Printf("%s\n", strings.TrimRight("  "+clean(l), " "))
	}
}

// intro is the guidance shown once before a deck's first card: a panel
// guide when the pack has it, else the deck's rubric.
func (r *round) intro(d drill.Deck) *Block {
	p := r.env.Pack
	var b *Block
	switch d {
	case drill.Tradeoffs:
		if panel, ok := p.Panel("technical"); ok {
			b = guideBlock(panel, "tradeoffs", true)
		}
		if b == nil {
			b = rubricBlock(p, workspace.KindTradeoff)
		}
	case drill.Scale:
		if panel, ok := p.Panel("technical"); ok {
			b = guideBlock(panel, "bottlenecks", false)
		}
		if b == nil {
			b = rubricBlock(p, workspace.KindScale)
		}
	case drill.Followups:
		if panel, ok := p.Panel(BackgroundPanel); ok {
			b = guideBlock(panel, "followups", false)
		}
	}
	if b != nil {
		b.Key = "drill." + string(d)
	}
	return b
}

func rubricBlock(p *pack.Pack, id string) *Block {
	r, ok := p.Rubric(id)
	if !ok {
		return nil
	}
	return &Block{Title: r.Title, Text: r.Summary}
}

// followupStory is a follow-up card's story, read afresh, and its
// rubric, which has a section that keeps rehearsed follow-ups (id
// rehearsalID); the rubric is nil when there is no such section.
func (r *round) followupStory(c drill.Card) (*workspace.Story, *pack.Rubric, error) {
	name := c.Story.Name()
	story, err := r.ws.Story(name)
	if err == nil && story.Name() != name {
		err = workspace.ErrNotFound
	}
	if err != nil {
		if errors.Is(err, workspace.ErrNotFound) {
			return nil, nil, fmt.Errorf("%s: the story this card is about is gone; put it back, or run %s again", r.ws.Path(workspace.StoriesDir+"/"+name), r.opts.Command)
		}
		return nil, nil, err
	}
	kind := workspace.KindStar
	if story.Meta.Kind != "" {
		kind = story.Meta.Kind
	}
	rub, ok := r.env.Pack.Rubric(kind)
	if !ok {
		return story, nil, nil
	}
	if slices.ContainsFunc(rub.Sections, func(s pack.Section) bool { return s.ID == rehearsalID }) {
		return story, rub, nil
	}
	return story, nil, nil
}

// followup runs a follow-up card: the question on one of the candidate's
// stories, the answer kept in the story's follow-ups (the earlier answer
// it replaces goes to the day's log), the grade.
func (r *round) followup(prefix, heading string, c drill.Card) error {
	question := oneLine(c.Followup.Question)
	q := Question{
		ID:      prefix + ".answer",
		Kind:    Input,
		Message: question,
		Heading: heading,
		Intro:   r.intro(drill.Followups),
	}
	if why := strings.TrimSpace(c.Followup.Why); why != "" {
		q.Notes = []string{"What they are testing: " + why}
	}
	keep := func(ans string) error {
		story, rub, err := r.followupStory(c)
		if err != nil || rub == nil {
			return err
		}
		text, _ := story.Section(rub, rehearsalID)
		return r.ws.SetSection(story, rub, rehearsalID, setFollowup(text, question, ans))
	}
	title := oneLine(c.Story.Meta.Title) + ": " + question
	if _, err := r.logged(q, c, title, question, keep); err != nil {
		return err
	}
	r.s.Heading(heading)
	if e, ok, err := drill.ReadLogEntry(r.ws, r.plan.Today(), c.ID); err == nil && ok && e.Earlier != "" {
		r.show("Your earlier answer, now kept in "+drill.LogFile(r.plan.Today()), e.Earlier)
	}
	return r.grade(prefix, heading, c, true)
}
