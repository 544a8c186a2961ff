// Package drill holds prep's recall drills: the cards (trade-off recall,
// "scale it 100x tomorrow: what breaks first?" and follow-up rehearsal),
// the spaced-repetition schedule they come back on (FSRS, through
// github.com/open-spaced-repetition/go-fsrs/v3), and the drill store in
// the workspace (drills.yaml) that remembers it.
//
// Cards are not stored: they are made afresh from the content pack and
// the candidate's stories at every run, each with an id that stays the
// same as long as what it asks about does. The store keeps only each
// card's schedule, by id, so a card that disappears (a sentence deleted
// from a story) keeps its progress should it come back, and a card whose
// sentence did not change keeps its progress whatever else was edited.
package drill

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/followup"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sections"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/wording"
	"github.com/prepcli/prep/internal/workspace"
)

// Deck is a kind of card, drilled by its own command.
type Deck string

// The decks, in the order rounds and listings take them.
const (
	Tradeoffs Deck = "tradeoffs"
	Scale     Deck = "scale"
	Followups Deck = "followups"
)

// Decks lists every deck in order.
var Decks = []Deck{Tradeoffs, Scale, Followups}

// Where a card comes from.
const (
	FromBank  = "bank"  // an entry of the content pack's banks
	FromStory = "story" // the candidate's own story
)

// Source is where a card comes from: a bank entry by its id, or a story
// by its file name.
type Source struct {
	Kind string // FromBank or FromStory
	ID   string
}

// Card is one thing to recall. Exactly one of Tradeoff, Exercise and
// Followup is set for a bank card; a story card has Story, and Followup
// for a follow-up on the story.
type Card struct {
	// ID is stable: "tradeoffs/bank/<id>", "tradeoffs/story/<slug>/<hash>",
	// "scale/bank/<id>", "scale/story/<slug>", "followups/<slug>/<id>".
	ID     string
	Deck   Deck
	Source Source
	// Title names the card in one line: the trade-off's title, the
	// system's, the story's, the follow-up question.
	Title string

	Tradeoff *pack.Tradeoff
	Exercise *pack.Exercise
	Followup *pack.Followup
	Story    *workspace.Story
	// Section is the rubric section id a story decision comes from
	// (tradeoffs or architecture), and Sentence the decision as the story
	// words it.
	Section  string
	Sentence string
	// TurnedDown is set for a story decision that names an option turned
	// down ("we ruled out an in-memory queue"): the words that name it,
	// as wording.Alternative finds them. Such a card asks what was chosen
	// instead, not what was turned down.
	TurnedDown string
}

// What the cards rely on: the story rubric whose Trade-offs and
// Architecture sections hold decisions, and the trade-off rubric whose
// cues tell a decision from other sentences.
const (
	storyKind     = workspace.KindStar
	tradeoffKind  = workspace.KindTradeoff
	sectionTrades = "tradeoffs"
	sectionArch   = "architecture"
	minDecision   = 6 // words: shorter sentences are fragments, not decisions
)

// FollowupsStory is how many follow-up cards a featured story gets: the
// bank's questions that fit it best.
const FollowupsStory = 5

// chooser picks up to n follow-ups from bank for a story: followup.Choose,
// the choice the story's rehearsal made, so a story is drilled on the
// questions it was rehearsed with. Tests put their own in its place.
type chooser func(bank []pack.Followup, text string, weak map[string]bool, n int) []pack.Followup

// Sources are what cards are made from.
type Sources struct {
	Pack *pack.Pack
	// Stories are every story that could be read; featured ones (rank
	// 1–3) also give a scale card and follow-up cards.
	Stories []workspace.Story
	// Followups makes follow-up cards for the featured stories.
	Followups bool
	// choose, when not nil, picks a story's follow-ups instead of
	// followup.Choose.
	choose chooser
}

// Cards makes every card of every deck: in each deck the candidate's own
// story cards first, then the bank's in pack order. New cards are
// introduced in the order Plan.Order makes of it: own and bank in turn.
func Cards(src Sources) []Card {
	var out []Card
	for _, d := range Decks {
		out = append(out, DeckCards(src, d)...)
	}
	return out
}

// DeckCards makes the cards of one deck, in Cards' order.
func DeckCards(src Sources, d Deck) []Card {
	if src.Pack == nil {
		return nil
	}
	var out []Card
	switch d {
	case Tradeoffs:
		for i := range src.Stories {
			out = append(out, decisionCards(src.Pack, &src.Stories[i])...)
		}
		for i := range src.Pack.Tradeoffs {
			t := &src.Pack.Tradeoffs[i]
			out = append(out, Card{ID: "tradeoffs/bank/" + t.ID, Deck: Tradeoffs, Source: Source{FromBank, t.ID}, Title: text.CleanLine(t.Title), Tradeoff: t})
		}
	case Scale:
		for i := range src.Stories {
			s := &src.Stories[i]
			if featured(s) && kindOf(s) == storyKind {
				out = append(out, Card{ID: "scale/story/" + s.Slug(), Deck: Scale, Source: Source{FromStory, s.Name()}, Title: storyTitle(s), Story: s})
			}
		}
		for i := range src.Pack.Exercises {
			e := &src.Pack.Exercises[i]
			if e.Kind == workspace.KindScale {
				out = append(out, Card{ID: "scale/bank/" + e.ID, Deck: Scale, Source: Source{FromBank, e.ID}, Title: text.CleanLine(e.Title), Exercise: e})
			}
		}
	case Followups:
		if !src.Followups || len(src.Pack.Followups) == 0 {
			return nil
		}
		choose := src.choose
		if choose == nil {
			choose = followup.Choose
		}
		for i := range src.Stories {
			s := &src.Stories[i]
			if !featured(s) {
				continue
			}
			r, ok := src.Pack.Rubric(kindOf(s))
			if !ok {
				continue
			}
			rep := check.Check(s.Doc(), r)
			for _, f := range choose(src.Pack.Followups, storyText(s, r), rep.WeakSections(), FollowupsStory) {
				f := f
				out = append(out, Card{ID: "followups/" + s.Slug() + "/" + f.ID, Deck: Followups, Source: Source{FromStory, s.Name()}, Title: text.CleanLine(f.Question), Followup: &f, Story: s})
			}
		}
	}
	return out
}

func featured(s *workspace.Story) bool { return s.Meta.Rank >= 1 && s.Meta.Rank <= workspace.MaxRank }

func kindOf(s *workspace.Story) string {
	if s.Meta.Kind == "" {
		return storyKind
	}
	return s.Meta.Kind
}

// storyTitle names a story: its title, else its file.
func storyTitle(s *workspace.Story) string {
	if t := text.CleanLine(s.Meta.Title); t != "" {
		return t
	}
	return s.Name()
}

// storyText is what a story's follow-ups are chosen from: its title and
// body without its own follow-ups, whose answers would steer the choice.
func storyText(s *workspace.Story, r *pack.Rubric) string {
	text := s.Meta.Title + "\n" + s.Body
	if own, ok := s.Section(r, "followups"); ok && own != "" {
		text = strings.Replace(text, own, "", 1)
	}
	return text
}

// decisionCards are a story's decisions: one card per decision sentence
// of its Trade-offs and Architecture sections (see Decisions).
func decisionCards(p *pack.Pack, s *workspace.Story) []Card {
	r, ok := p.Rubric(kindOf(s))
	if !ok {
		return nil
	}
	var cue sections.Phrases
	if tr, ok := p.Rubric(tradeoffKind); ok {
		cue = decisionCues(tr)
	}
	var out []Card
	seen := map[string]bool{}
	for _, d := range Decisions(s.Doc(), r, cue) {
		id := "tradeoffs/story/" + s.Slug() + "/" + SentenceHash(d.Sentence)
		if seen[id] {
			continue // the same sentence twice is one decision
		}
		seen[id] = true
		out = append(out, Card{ID: id, Deck: Tradeoffs, Source: Source{FromStory, s.Name()}, Title: storyTitle(s), Story: s, Section: d.Section, Sentence: d.Sentence, TurnedDown: d.TurnedDown})
	}
	return out
}

// Decision is one sentence of a story that states a choice.
type Decision struct {
	Section  string // the rubric section id it is in
	Sentence string
	// TurnedDown are the words that name an option turned down, when
	// the sentence names one (wording.Alternative); "" otherwise.
	TurnedDown string
}

// Decisions finds the decisions in a story checked with rubric r: in its
// Trade-offs section (id tradeoffs) every sentence that uses one of cue's
// phrases (chose, rather than, ruled out, …); in its Architecture section
// (id architecture) every sentence, since each names a component chosen.
// Sentences under six words are left out, and with no cue phrases at all
// every Trade-offs sentence counts.
func Decisions(doc *document.Doc, r *pack.Rubric, cue sections.Phrases) []Decision {
	res := sections.Find(doc, r)
	var out []Decision
	for _, id := range []string{sectionTrades, sectionArch} {
		sec, ok := res.Section(id)
		if !ok || sec.Empty {
			continue
		}
		for _, s := range Sentences(sec.Text) {
			if sections.CountWords(s) < minDecision {
				continue
			}
			if id == sectionTrades && !cue.Empty() && !cue.Contains(s) {
				continue
			}
			out = append(out, Decision{Section: id, Sentence: s, TurnedDown: wording.Alternative(s).Words})
		}
	}
	return out
}

// decisionCues are the phrases that mark a sentence as a decision: the
// cues of the trade-off rubric's decision and alternatives sections, and
// the phrases of its signals on them.
func decisionCues(r *pack.Rubric) sections.Phrases {
	var list []string
	for _, s := range r.Sections {
		if s.ID == "decision" || s.ID == "alternatives" {
			list = append(list, s.Cues...)
		}
	}
	for _, g := range r.Signals {
		if g.Section == "alternatives" && g.Type == pack.SignalNeedsPhrase {
			list = append(list, g.Phrases...)
		}
	}
	return sections.NewPhrases(list)
}

// SentenceHash identifies a decision sentence by its words alone, so
// fixing its case, punctuation, emphasis or line breaks keeps its card.
func SentenceHash(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	sum := sha256.Sum256([]byte(strings.Join(words, " ")))
	return hex.EncodeToString(sum[:4])
}

// Sentences splits text into sentences as the checker does
// (wording.Sentences: inline code such as "SELECT ... FOR UPDATE", "2.1
// s" and "e.g. Kafka" are not split), each on one line, without Markdown
// emphasis and code marks.
func Sentences(md string) []string {
	var out []string
	for _, s := range wording.Sentences(md) {
		if s = text.OneLine(plain(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// plain drops Markdown emphasis and code marks, which a card shows as
// plain text.
func plain(s string) string {
	return strings.NewReplacer("**", "", "__", "", "`", "").Replace(s)
}
