package culture

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/prepcli/prep/internal/followup"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/storyflow"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// followupsStoryID is the question that chooses the story whose
// follow-ups the followups part rehearses; its answer is the file name.
const followupsStoryID = "followups.story"

// followups is the followups part: a culture story already written, and
// the probes on it the candidate has not answered yet (or all of them
// again when none is left), each answer kept in the story's follow-ups
// section ("followups.followup.K").
func (c *culture) followups() (*storyflow.Outcome, error) {
	stories := c.stories()
	if _, ok := c.s.Answered(followupsStoryID); !ok && len(stories) == 0 {
		return nil, fmt.Errorf("you have no culture story to rehearse yet; run %s culture --part %s first", progname.Name(), PartStory)
	}
	q := session.Question{
		ID:      followupsStoryID,
		Kind:    session.Select,
		Message: "Which story will you rehearse?",
		Heading: "Follow-ups on a culture story",
		Intro:   session.GuideBlock(c.panel, pack.CultureFollowupsGuide, false),
	}
	for _, st := range stories {
		label := text.CleanLine(st.Meta.Title)
		if label == "" {
			label = st.Name()
		}
		q.Options = append(q.Options, session.Option{Value: st.Name(), Label: label})
	}
	name, err := c.s.Ask(q)
	if err != nil {
		return nil, err
	}
	story := storyflow.Named(c.ws, name)
	if story == nil {
		return nil, fmt.Errorf("%s: the story to rehearse is gone; put it back, or run %s culture again and choose Start over", filepath.Join(c.ws.Dir(), workspace.StoriesDir, name), progname.Name())
	}
	st := storyflow.NewStep(c.s, c.env, PartFollowups, name, text.CleanLine(story.Meta.Title), c.rubric, c.panel)
	if st.Rehearse == nil {
		return nil, errors.New("the culture rubric of the content pack has no followups section to keep the answers in; add one to it")
	}
	if _, ok := c.s.Answered("picked." + PartFollowups); !ok {
		if g := storyValue(c.env.Pack, c.rubric, story); g != nil {
			st.Bank = probesOf(st.Bank, g.ID)
		}
		st.Bank = unanswered(st.Bank, story, c.rubric, st.Rehearse.ID)
	}
	if err := st.Rehearsal(); err != nil {
		return nil, err
	}
	status, err := st.Status()
	if err != nil {
		return nil, err
	}
	c.s.Printf("\n%s\n", c.s.Wrap(fmt.Sprintf("Your answers are in %s, under %s.", filepath.Join(c.ws.Dir(), workspace.StoriesDir, name), st.Rehearse.Title), "", "  "))
	c.s.Printf("\nNext:\n")
	c.s.Next([][2]string{
		{progname.Name() + " culture --part " + PartFollowups, "more follow-ups, on this story or another"},
		{progname.Name() + " story show " + strings.TrimSuffix(name, filepath.Ext(name)), "read the story with its answers"},
	})
	return &storyflow.Outcome{Stories: []storyflow.StoryStatus{status}}, nil
}

// unanswered is bank without the probes the story's follow-ups section
// answers already; the whole bank when it answers them all.
func unanswered(bank []pack.Followup, story *workspace.Story, r *pack.Rubric, section string) []pack.Followup {
	txt, _ := story.Section(r, section)
	out := slices.DeleteFunc(slices.Clone(bank), func(f pack.Followup) bool {
		ans, ok := followup.Answer(txt, text.CleanLine(f.Question))
		return ok && strings.TrimSpace(ans) != ""
	})
	if len(out) == 0 {
		return bank
	}
	return out
}

// probesOf keeps the probes of one value; all of bank when it has none
// of that value (a pack whose probes follow other ids).
func probesOf(bank []pack.Followup, value string) []pack.Followup {
	out := slices.DeleteFunc(slices.Clone(bank), func(f pack.Followup) bool {
		return !strings.HasPrefix(f.ID, pack.ProbesPrefix+value+".")
	})
	if len(out) == 0 {
		return bank
	}
	return out
}

// storyValue is the value a culture story names in its Value section (or
// its title when it has none): the first whose name or id it contains.
// Nil when it names none.
func storyValue(p *pack.Pack, r *pack.Rubric, story *workspace.Story) *pack.Guide {
	value := story.Meta.Title
	if sec, ok := story.Section(r, pack.CultureValueSection); ok && strings.TrimSpace(sec) != "" {
		value = sec
	}
	hay := " " + strings.Join(text.Words(value), " ") + " "
	for _, g := range p.CultureValues() {
		for _, k := range []string{strings.Join(text.Words(g.ValueName()), " "), strings.Join(text.Words(g.ID), " ")} {
			if k != "" && strings.Contains(hay, " "+k+" ") {
				return g
			}
		}
	}
	return nil
}
