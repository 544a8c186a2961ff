package session

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/prepcli/prep/internal/followup"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/workspace"
)

// followupsStoryID is the question that chooses the story whose
// follow-ups the followups part rehearses; its answer is the file name.
const followupsStoryID = "followups.story"

// panelProbes are the follow-ups a panel asks about its own stories: for
// each guide "probes-<value>" of the panel, its questions, about stories
// that name the value (its guide's title up to a colon, or its id). Nil
// for a panel without such guides, whose stories take the pack's bank.
func panelProbes(panel *pack.Panel) []pack.Followup {
	if panel == nil {
		return nil
	}
	var out []pack.Followup
	for _, g := range panel.Guides {
		value, ok := strings.CutPrefix(g.ID, probesPrefix)
		if !ok || value == "" {
			continue
		}
		topics := []string{value}
		if vg, ok := panel.Guide(value); ok {
			if name := strings.ToLower(valueName(vg)); name != value {
				topics = append(topics, name)
			}
		}
		for k, q := range g.Questions {
			out = append(out, pack.Followup{
				ID:       g.ID + "." + strconv.Itoa(k),
				Question: q,
				Sections: []string{"action", "result", "reflection"},
				Topics:   topics,
				Why:      oneLine(g.Text),
			})
		}
	}
	return out
}

// followups is the followups part: a culture story already written, and
// the probes on it the candidate has not answered yet (or all of them
// again when none is left), each answer kept in the story's follow-ups
// section ("followups.followup.K").
func (c *culture) followups() (*Outcome, error) {
	stories := c.stories()
	if _, ok := c.s.Answered(followupsStoryID); !ok && len(stories) == 0 {
		return nil, fmt.Errorf("you have no culture story to rehearse yet; run %s culture --part %s first", progname.Name(), PartStory)
	}
	q := Question{
		ID:      followupsStoryID,
		Kind:    Select,
		Message: "Which story will you rehearse?",
		Heading: "Follow-ups on a culture story",
		Intro:   guideBlock(c.panel, cultureFollowupsGuide, false),
	}
	for _, st := range stories {
		label := oneLine(st.Meta.Title)
		if label == "" {
			label = st.Name()
		}
		q.Options = append(q.Options, Option{Value: st.Name(), Label: label})
	}
	name, err := c.s.Ask(q)
	if err != nil {
		return nil, err
	}
	story := storyNamed(c.ws, name)
	if story == nil {
		return nil, fmt.Errorf("%s: the story to rehearse is gone; put it back, or run %s culture again and choose Start over", filepath.Join(c.ws.Dir(), workspace.StoriesDir, name), progname.Name())
	}
	st := newStoryStep(c.s, c.env, PartFollowups, name, oneLine(story.Meta.Title), c.rubric, c.panel)
	if st.rehearse == nil {
		return nil, errors.New("the culture rubric of the content pack has no followups section to keep the answers in; add one to it")
	}
	if _, ok := c.s.Answered("picked." + PartFollowups); !ok {
		if g := storyValue(c.env.Pack, c.rubric, story); g != nil {
			st.bank = probesOf(st.bank, g.ID)
		}
		st.bank = unanswered(st.bank, story, c.rubric, st.rehearse.ID)
	}
	if err := st.rehearsal(); err != nil {
		return nil, err
	}
	status, err := st.status()
	if err != nil {
		return nil, err
	}
	c.s.Printf("\n%s\n", c.s.wrap(fmt.Sprintf("Your answers are in %s, under %s.", filepath.Join(c.ws.Dir(), workspace.StoriesDir, name), st.rehearse.Title), "", "  "))
	c.s.Printf("\nNext:\n")
	printNext(c.s, [][2]string{
		{progname.Name() + " culture --part " + PartFollowups, "more follow-ups, on this story or another"},
		{progname.Name() + " story show " + strings.TrimSuffix(name, filepath.Ext(name)), "read the story with its answers"},
	})
	return &Outcome{Stories: []StoryStatus{status}}, nil
}

// unanswered is bank without the probes the story's follow-ups section
// answers already; the whole bank when it answers them all.
func unanswered(bank []pack.Followup, story *workspace.Story, r *pack.Rubric, section string) []pack.Followup {
	text, _ := story.Section(r, section)
	out := slices.DeleteFunc(slices.Clone(bank), func(f pack.Followup) bool {
		ans, ok := followup.Answer(text, oneLine(f.Question))
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
		return !strings.HasPrefix(f.ID, probesPrefix+value+".")
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
	text := story.Meta.Title
	if sec, ok := story.Section(r, cultureValueSection); ok && strings.TrimSpace(sec) != "" {
		text = sec
	}
	hay := " " + strings.Join(words(text), " ") + " "
	for _, g := range CultureValues(p) {
		for _, k := range []string{strings.Join(words(valueName(g)), " "), strings.Join(words(g.ID), " ")} {
			if k != "" && strings.Contains(hay, " "+k+" ") {
				return g
			}
		}
	}
	return nil
}
