package drill

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	drills "github.com/prepcli/prep/internal/drill"
	"github.com/prepcli/prep/internal/followup"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sections"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// clock is the time a grade is given at.
func (r *round) clock() time.Time {
	if r.opts.Now != nil {
		return r.opts.Now()
	}
	return time.Now()
}

// card runs card k of n. A card graded in an earlier run of the round is
// passed over: its grade is applied again, which changes nothing if it
// was applied before the stop, and only what comes after the grade is
// left to ask.
func (r *round) card(k, n int, c drills.Card) error {
	prefix := fmt.Sprintf("card.%d", k)
	title := c.Title
	if c.Deck == drills.Followups && c.Story != nil {
		title = c.Story.Meta.Title // the question itself is the prompt
	}
	heading := fmt.Sprintf("Card %d of %d · %s · ", k+1, n, deckLabel(c.Deck))
	heading += shorten(text.CleanLine(title), headingWidth-utf8.RuneCountInString(heading))
	if _, done := r.s.Answered(prefix + ".grade"); done {
		if err := r.apply(prefix, c, false); err != nil {
			return err
		}
		if c.Deck == drills.Followups {
			return r.keep(prefix, heading, c)
		}
		return nil
	}
	switch c.Deck {
	case drills.Tradeoffs:
		return r.tradeoff(prefix, heading, c)
	case drills.Followups:
		return r.followup(prefix, heading, c)
	case drills.Scale:
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

// grade asks how well the card was recalled, then applies the grade: it
// schedules the card and says when it comes back. The grade offered is
// Good, or Again when nothing was recalled (recalled is what the
// candidate answered): a blank answer graded Good with one Enter would
// push a card the candidate could not recall out by days.
//
// The grade, and the time it was given, are recorded in the round's
// progress before they are applied, and applying them is idempotent (the
// time is the grade's identity in the schedule): a round stopped anywhere
// in between applies the grade on resume exactly once.
func (r *round) grade(prefix, heading string, c drills.Card, recalled string) error {
	opts := make([]session.Option, len(drills.Grades))
	for i, g := range drills.Grades {
		opts[i] = session.Option{Value: g.String(), Label: g.Label()}
	}
	_, err := r.s.Ask(session.Question{
		ID:      prefix + ".grade",
		Kind:    session.Select,
		Message: "How well did you recall it?",
		Help:    r.env.Pack.Meta.Drill.GradeHelp,
		Heading: heading,
		Options: opts,
		Default: func() string {
			if strings.TrimSpace(recalled) == "" {
				return drills.Again.String()
			}
			return drills.Good.String()
		},
		Save: func(ans string) error {
			if _, ok := drills.ParseGrade(ans); !ok {
				return fmt.Errorf("%q is not a grade; answer Again, Hard, Good or Easy", ans)
			}
			// Saved with the grade, in the same write of the progress.
			r.s.Note(prefix+gradedAt, r.clock().UTC().Format(time.RFC3339))
			return nil
		},
	})
	if err != nil {
		return err
	}
	return r.apply(prefix, c, true)
}

// gradedAt is the note, after a card's prefix, of when it was graded.
const gradedAt = ".graded_at"

// apply applies card prefix's recorded grade: to the schedule, and for a
// trade-off or follow-up card to its entry in the day's log. Applying it
// again changes nothing. The card counts in the round's results either
// way; announce says when it comes back, for a card graded in this run
// rather than before the round stopped.
func (r *round) apply(prefix string, c drills.Card, announce bool) error {
	ans, _ := r.s.Answered(prefix + ".grade")
	g, ok := drills.ParseGrade(ans)
	if !ok {
		return fmt.Errorf("%s: %s is %q, not a grade; answer Again, Hard, Good or Easy, or delete the file to start the round over", r.ws.Path(workspace.SessionsDir+"/"+r.s.Name()+".yaml"), prefix+".grade", ans)
	}
	var st drills.State
	stamp, ok := r.s.Answered(prefix + gradedAt)
	if !ok {
		// Recorded by an earlier prep, which applied a grade before it
		// recorded it: applied already; it still counts in the round.
		store, err := drills.Load(r.ws)
		if err != nil {
			return err
		}
		if cur := store.Cards[c.ID]; cur != nil {
			st = *cur
		}
		r.out.Results = append(r.out.Results, DrillResult{Card: c.ID, Grade: g, Next: r.plan.NextReview(st), Earlier: true})
		return nil
	}
	at, err := time.Parse(time.RFC3339, stamp)
	if err != nil {
		return fmt.Errorf("%s: %s is %q, not a time like 2026-01-02T15:04:05Z; correct it, or delete the file to start the round over", r.ws.Path(workspace.SessionsDir+"/"+r.s.Name()+".yaml"), prefix+gradedAt, stamp)
	}
	err = drills.Update(r.ws, func(store *drills.Store) error {
		st = store.Grade(c.ID, g, at)
		return nil
	})
	if err != nil {
		return err
	}
	if c.Deck != drills.Scale {
		day := r.plan.Today()
		e, ok, err := drills.ReadLogEntry(r.ws, day, c.ID)
		if err != nil {
			return err
		}
		if ok {
			e.Grade = fmt.Sprintf("%s; next review on %s", g.Label(), r.plan.NextReview(st))
			if err := drills.SaveLogEntry(r.ws, day, e); err != nil {
				return err
			}
		}
	}
	res := DrillResult{Card: c.ID, Grade: g, Next: r.plan.NextReview(st)}
	if !announce {
		// Graded before the round stopped: counted, not announced again.
		res.Earlier = true
		r.out.Results = append(r.out.Results, res)
		return nil
	}
	when := drills.DayPhrase(res.Next, r.plan.Today())
	if !res.Next.Equal(drills.DayOf(st.Due.In(r.now.Location()))) {
		when += ", the day before your interview"
	}
	r.s.Printf("Next review: %s.\n", when)
	r.out.Results = append(r.out.Results, res)
	return nil
}

// logged answers a one-line card whose answer's home is the day's log:
// the question, then the answer written there before it returns. The
// answer is practice: it changes nothing else.
func (r *round) logged(q session.Question, c drills.Card, title, asked string) (string, error) {
	day := r.plan.Today()
	q.Default = func() string {
		// Only what this card's answer already put in today's log: a
		// card asked again after a kill offers what was typed.
		if e, ok, _ := drills.ReadLogEntry(r.ws, day, c.ID); ok {
			return e.Answer
		}
		return ""
	}
	q.Save = func(ans string) error {
		e, _, err := drills.ReadLogEntry(r.ws, day, c.ID)
		if err != nil {
			return err
		}
		e.Card, e.Title, e.Asked, e.Answer = c.ID, title, asked, ans
		if err := drills.SaveLogEntry(r.ws, day, e); err != nil {
			return err
		}
		r.addFile(drills.LogFile(day))
		return nil
	}
	ans, err := r.s.Ask(q)
	if err == nil {
		r.addFile(drills.LogFile(day))
	}
	return ans, err
}

// prepared is the answer a follow-up card's story holds for its
// question, read afresh; "" when it has none, or the story is gone.
func (r *round) prepared(c drills.Card) string {
	story, rub, err := r.followupStory(c)
	if err != nil || rub == nil {
		return ""
	}
	txt, _ := story.Section(rub, followup.Section)
	ans, _ := followup.Answer(txt, text.CleanLine(c.Followup.Question))
	return ans
}

// tradeoff runs a trade-off card: the decision, the answer, what the
// answer lacks, the bank's notes or the story's own words, the grade.
func (r *round) tradeoff(prefix, heading string, c drills.Card) error {
	rubric, _ := r.env.Pack.Rubric(workspace.KindTradeoff)
	q := session.Question{
		ID:      prefix + ".answer",
		Kind:    session.Input,
		Heading: heading,
		Intro:   r.intro(drills.Tradeoffs),
	}
	var asked, title string
	asks := r.env.Pack.Meta.Drill
	if c.Tradeoff != nil {
		q.Message = asks.Tradeoff
		q.Guidance = "Choose between:"
		q.Notes = c.Tradeoff.Options
		asked, title = c.Tradeoff.Title, c.Tradeoff.Title
	} else {
		where := sectionTitle(r.env.Pack, c.Story, c.Section)
		q.Message = asks.OwnChoice
		asked = "You chose: " + c.Sentence
		if c.TurnedDown != "" {
			// The sentence names an option turned down ("we ruled out
			// a cron job"): not to be drilled as the choice.
			q.Message = asks.Weighed
			asked = "You weighed: " + c.Sentence
		}
		q.Guidance = fmt.Sprintf("From your story %q, under %s: “%s”", text.CleanLine(c.Title), where, c.Sentence)
		title = c.Title
	}
	ans, err := r.logged(q, c, title, asked)
	if err != nil {
		return err
	}
	r.s.Heading(heading) // a resumed card shows what it is about
	missing := drills.CheckTradeoff(ans, rubric)
	switch {
	case rubric == nil:
	case len(missing) == 0:
		var names []string
		for _, id := range drills.TradeoffParts {
			if i := slices.IndexFunc(rubric.Sections, func(s pack.Section) bool { return s.ID == id }); i >= 0 {
				names = append(names, strings.ToLower(rubric.Sections[i].Title))
			}
		}
		r.s.Printf("\n%s\n", r.s.Wrap("Your answer has all of: "+strings.Join(names, ", ")+".", "  ", "  "))
	default:
		r.s.Printf("\n  Missing from your answer:\n")
		for _, sec := range missing {
			r.s.Printf("%s\n", r.s.Wrap(text.CleanLine(sec.Title)+": "+sec.Missing, "  - ", "    "))
		}
	}
	if c.Tradeoff != nil {
		r.show("To compare", dimensions(c.Tradeoff))
		r.notes(c.Tradeoff.Notes)
	} else {
		// The section the decision is from, and the trade-offs, where
		// the candidate wrote what it turned down.
		for _, id := range slices.Compact([]string{c.Section, "tradeoffs"}) {
			if txt := r.storySection(c, id); txt != "" {
				r.show("To compare, your story under "+sectionTitle(r.env.Pack, c.Story, id), txt)
			}
		}
	}
	return r.grade(prefix, heading, c, ans)
}

// show prints a titled paragraph within a card: unlike Session.Show, it
// leaves the card's heading standing, so the next question does not
// repeat it.
func (r *round) show(title, txt string) {
	r.s.Printf("\n%s\n", text.Clean(title))
	if strings.TrimSpace(txt) != "" {
		r.s.Printf("%s\n", r.s.Wrap(txt, "  ", "  "))
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
			return text.CleanLine(r.Sections[i].Title)
		}
	}
	return id
}

// storySection is a story section's text as the checker finds it, read
// afresh: the candidate may have edited the story since the round began.
func (r *round) storySection(c drills.Card, id string) string {
	if c.Story == nil {
		return ""
	}
	story := c.Story
	if fresh, err := r.ws.Refresh(c.Story); err == nil {
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
	sec, _ := sections.Find(story.Doc(), rub).Section(id)
	return sec.Text
}

// notes prints a card's notes, their lists and paragraphs refilled to
// the terminal with each item's lines hanging under its text.
func (r *round) notes(txt string) {
	if strings.TrimSpace(txt) != "" {
		r.s.Printf("%s\n", text.WrapList(txt, "  ", r.s.Width()))
	}
}

// verbatim prints pack text whose lines are laid out by hand (an
// architecture sketch) as it is, indented.
func verbatim(s *session.Session, txt string) {
	txt = strings.Trim(strings.ReplaceAll(txt, "\r\n", "\n"), "\n")
	if strings.TrimSpace(txt) == "" {
		return
	}
	for _, l := range strings.Split(txt, "\n") {
		s.Printf("%s\n", strings.TrimRight("  "+text.Clean(l), " "))
	}
}

// intro is the guidance shown once before a deck's first card: a panel
// guide when the pack has it, else the deck's rubric.
func (r *round) intro(d drills.Deck) *session.Block {
	p := r.env.Pack
	var b *session.Block
	switch d {
	case drills.Tradeoffs:
		if panel, ok := p.Panel("technical"); ok {
			b = session.GuideBlock(panel, "tradeoffs", true)
		}
		if b == nil {
			b = rubricBlock(p, workspace.KindTradeoff)
		}
	case drills.Scale:
		if panel, ok := p.Panel("technical"); ok {
			b = session.GuideBlock(panel, "bottlenecks", false)
		}
		if b == nil {
			b = rubricBlock(p, workspace.KindScale)
		}
	case drills.Followups:
		if panel, ok := p.Panel(pack.BackgroundPanel); ok {
			b = session.GuideBlock(panel, "followups", false)
		}
	}
	if b != nil {
		b.Key = "drills." + string(d)
	}
	return b
}

func rubricBlock(p *pack.Pack, id string) *session.Block {
	r, ok := p.Rubric(id)
	if !ok {
		return nil
	}
	return &session.Block{Title: r.Title, Text: r.Summary}
}

// followupStory is a follow-up card's story, read afresh, and its
// rubric, which has a section that keeps rehearsed follow-ups (id
// followup.Section); the rubric is nil when there is no such section.
func (r *round) followupStory(c drills.Card) (*workspace.Story, *pack.Rubric, error) {
	name := c.Story.Name()
	// Its own file only, parsed again only if it changed since the round
	// read it.
	story, err := r.ws.Refresh(c.Story)
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
	if slices.ContainsFunc(rub.Sections, func(s pack.Section) bool { return s.ID == followup.Section }) {
		return story, rub, nil
	}
	return story, nil, nil
}

// followup runs a follow-up card: the question on one of the candidate's
// stories, the answer (practice, kept in the day's log), the answer the
// story has prepared to compare with, the grade; then, only if the
// candidate says so, the answer goes to the story in place of the
// prepared one.
func (r *round) followup(prefix, heading string, c drills.Card) error {
	question := text.CleanLine(c.Followup.Question)
	q := session.Question{
		ID:      prefix + ".answer",
		Kind:    session.Input,
		Message: question,
		Heading: heading,
		Intro:   r.intro(drills.Followups),
	}
	if why := strings.TrimSpace(c.Followup.Why); why != "" {
		q.Notes = []string{"What they are testing: " + why}
	}
	title := text.CleanLine(c.Story.Meta.Title) + ": " + question
	ans, err := r.logged(q, c, title, question)
	if err != nil {
		return err
	}
	r.s.Heading(heading)
	if prepared := r.prepared(c); prepared != "" {
		r.show("Your prepared answer, in your story", prepared)
	}
	if err := r.grade(prefix, heading, c, ans); err != nil {
		return err
	}
	return r.keep(prefix, heading, c)
}

// keep asks (card.K.keep) whether a follow-up answer should go to the
// story, in place of the answer it has prepared: the story changes only
// when the candidate says so. The prepared answer goes to the day's log
// before the story changes. Nothing is asked when the answer is empty or
// the story's own, or the story is gone or keeps no follow-ups.
func (r *round) keep(prefix, heading string, c drills.Card) error {
	ans, _ := r.s.Answered(prefix + ".answer")
	question := text.CleanLine(c.Followup.Question)
	story, rub, err := r.followupStory(c)
	if err != nil || rub == nil {
		return nil
	}
	txt, _ := story.Section(rub, followup.Section)
	prepared, _ := followup.Answer(txt, question)
	_, asked := r.s.Answered(prefix + ".keep")
	if !asked && (strings.TrimSpace(ans) == "" || text.CleanLine(prepared) == text.CleanLine(ans)) {
		return nil
	}
	msg := "Keep this answer in your story, in place of the one you prepared?"
	if strings.TrimSpace(prepared) == "" {
		msg = "Keep this answer in your story, as your prepared answer?"
	}
	kept, earlier := false, false
	_, err = r.s.Ask(session.Question{
		ID:       prefix + ".keep",
		Kind:     session.Confirm,
		Message:  msg,
		Heading:  heading,
		Guidance: "Your answer: " + text.CleanLine(ans),
		Default:  func() string { return session.No },
		Save: func(yes string) error {
			if yes != session.Yes {
				return nil
			}
			// Read again: the story may have changed since.
			story, rub, err := r.followupStory(c)
			if err != nil || rub == nil {
				return err
			}
			txt, _ := story.Section(rub, followup.Section)
			if prepared, _ := followup.Answer(txt, question); text.CleanLine(prepared) != text.CleanLine(ans) && strings.TrimSpace(prepared) != "" {
				// Today's log, even for a round resumed on a later day than
				// the answer's: the replaced answer is never lost.
				day := r.plan.Today()
				e, ok, err := drills.ReadLogEntry(r.ws, day, c.ID)
				if err != nil {
					return err
				}
				if !ok {
					e = drills.LogEntry{Card: c.ID, Title: text.CleanLine(story.Meta.Title) + ": " + question, Asked: question, Answer: ans}
				}
				e.Earlier = prepared
				if err := drills.SaveLogEntry(r.ws, day, e); err != nil {
					return err
				}
				earlier = true
			}
			kept = true
			return r.ws.SetSection(story, rub, followup.Section, followup.Set(txt, question, ans))
		},
	})
	switch {
	case err != nil:
		return err
	case kept && earlier:
		r.s.Printf("Kept in your story; the answer it replaces is in %s.\n", drills.LogFile(r.plan.Today()))
	case kept:
		r.s.Printf("Kept in your story.\n")
	}
	return nil
}
