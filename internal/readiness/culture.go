// Package readiness says how ready the candidate is for each panel of the
// interview, from the workspace: used by prep status, the menu and the
// sessions that show it (which culture values a story shows).
package readiness

import (
	"slices"
	"strings"

	"github.com/prepcli/prep/internal/followup"
	"github.com/prepcli/prep/internal/interviewer"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/wording"
	"github.com/prepcli/prep/internal/workspace"
)

// Key point ids of a culture value that a wording detector can meet as
// well as the point's words: the content names the point, the detector
// reads what a word list cannot. Any other id is met by its words alone.
const (
	// pointActed is met by a sentence in which the candidate acts ("I
	// rewrote", "my patch"), as the checker's voice signal reads it.
	pointActed = "acted"
	// pointOutcome is met by a real quantity ("from 12 a month to none").
	pointOutcome = "outcome"
	// pointTradeoff is met by an option turned down or two things
	// weighed ("rather than a rewrite", "at the cost of").
	pointTradeoff = "tradeoff"
)

// PointMet is one key point of a value and the sentence that meets it.
type PointMet struct {
	Point *pack.KeyPoint
	Quote string // the sentence; "" when no sentence meets it
}

// ValueEvidence is what one story shows of one culture value.
type ValueEvidence struct {
	Value  *pack.Guide
	Points []PointMet
}

// Shown reports whether the story meets every key point of the value. A
// value with no key points (an older pack) is never shown by evidence.
func (v ValueEvidence) Shown() bool {
	if len(v.Points) == 0 {
		return false
	}
	for _, p := range v.Points {
		if p.Quote == "" {
			return false
		}
	}
	return true
}

// Missing are the key points no sentence meets.
func (v ValueEvidence) Missing() []*pack.KeyPoint {
	var out []*pack.KeyPoint
	for _, p := range v.Points {
		if p.Quote == "" {
			out = append(out, p.Point)
		}
	}
	return out
}

// CultureEvidence reads, for each value of the culture panel, which of its
// key points a story's text meets. Only what the story tells counts: the
// Value section (which prep culture fills with the value's name and the
// question, words that would meet any point) and the rehearsed follow-ups
// are left out, and so is the title.
func CultureEvidence(p *pack.Pack, r *pack.Rubric, s *workspace.Story) []ValueEvidence {
	text := s.Body
	if r != nil {
		for _, id := range []string{pack.CultureValueSection, followup.Section} {
			if sec, ok := s.Section(r, id); ok && strings.TrimSpace(sec) != "" {
				text = strings.Replace(text, sec, "", 1)
			}
		}
	}
	var out []ValueEvidence
	for _, g := range p.CultureValues() {
		out = append(out, ValueEvidence{Value: g, Points: coverPoints(g.KeyPoints, text)})
	}
	return out
}

// coverPoints reads which key points text meets, each with the first
// sentence that meets it.
func coverPoints(points []pack.KeyPoint, txt string) []PointMet {
	sents := wording.Sentences(txt)
	facts := make([]wording.Facts, len(sents))
	stems := make([]string, len(sents))
	for i, sent := range sents {
		facts[i] = wording.Read(sent)
		stems[i] = " " + strings.Join(interviewer.Words(sent), " ") + " "
	}
	out := make([]PointMet, 0, len(points))
	for k := range points {
		kp := &points[k]
		met := PointMet{Point: kp}
		for i, sent := range sents {
			if meets(kp, stems[i], facts[i]) {
				met.Quote = text.CleanLine(sent)
				break
			}
		}
		out = append(out, met)
	}
	return out
}

// meets reports whether one sentence (its stems, spaced, and what the
// wording detectors read in it) meets a key point: a phrase of the point
// on word stems, as the interviewer matches a technical answer's key
// points, or the point's wording detector.
func meets(kp *pack.KeyPoint, stems string, f wording.Facts) bool {
	switch kp.ID {
	case pointActed:
		if f.Own > 0 {
			return true
		}
	case pointOutcome:
		if f.Quantity.Found() {
			return true
		}
	case pointTradeoff:
		if f.Alternative.Found() || f.Weighing.Found() {
			return true
		}
	}
	return slices.ContainsFunc(kp.Words, func(w string) bool {
		ws := interviewer.Words(w)
		return len(ws) > 0 && strings.Contains(stems, " "+strings.Join(ws, " ")+" ")
	})
}
