package sheet

import "github.com/prepcli/prep/internal/pack"

// Card is a story's cue card, for telling it out loud (prep rehearse):
// the parts of the prep sheet's brief that a listener must hear, each a
// whole sentence of the story's own, "" (or none) where the story does
// not have it yet. It is read the way the sheet reads a story, so the
// card and the sheet never disagree.
type Card struct {
	Pitch    string
	Figures  []string
	Decision string
	// TurnedDown is the alternative turned down, when a sentence other
	// than the decision's says it.
	TurnedDown string
	Mistake    string
	Lesson     string
}

// CardOf reads a story's body (Markdown, without front matter) by rubric
// r, with the words of the pack's sheet block; a nil r reads it all as
// the situation.
func CardOf(body string, r *pack.Rubric, words pack.Sheet) Card {
	p := parse(body, r, words)
	var c Card
	c.Pitch = p.summary()
	shown := map[string]bool{}
	for _, x := range sentences(c.Pitch) {
		shown[x] = true
	}
	c.Figures = p.numbers(shown)
	var roads []string
	c.Decision, roads = p.decision()
	if len(roads) > 0 {
		c.TurnedDown = roads[0]
	}
	c.Mistake, c.Lesson = p.lesson()
	return c
}
