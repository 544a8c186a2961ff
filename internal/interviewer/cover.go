package interviewer

import (
	"strings"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/wording"
)

// Coverage is how an answer stands against one key point.
type Coverage struct {
	Point pack.KeyPoint
	// Line is the answer's line that covered the point, trimmed, cut to
	// the sentence that did when the line holds several; empty when the
	// point was missed.
	Line string
	// Phrase is the listed phrase found in Line.
	Phrase string
}

// Covered reports whether the answer covered the point.
func (c Coverage) Covered() bool { return c.Line != "" }

// Cover holds an answer against the key points: a point is covered by the
// first line of the answer that uses one of its phrases (on word stems; a
// phrase of several words in order, within the line). It does not read
// negation: "we will not shard" covers a point about sharding, which is
// why the report quotes the line and lets the candidate judge.
func Cover(answer string, points []pack.KeyPoint) []Coverage {
	type line struct {
		text  string
		words []string
	}
	var lines []line
	for _, l := range strings.Split(answer, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			lines = append(lines, line{t, Words(t)})
		}
	}
	out := make([]Coverage, len(points))
	for i, p := range points {
		out[i].Point = p
		phrases := make([]phrase, len(p.Words))
		for j, w := range p.Words {
			phrases[j] = phraseOf(w)
		}
	search:
		for _, l := range lines {
			for j, ph := range phrases {
				if ph.in(l.words) {
					out[i].Line, out[i].Phrase = sentenceWith(l.text, ph), p.Words[j]
					break search
				}
			}
		}
	}
	return out
}

// CountCovered is how many of the points were covered.
func CountCovered(cs []Coverage) int {
	n := 0
	for _, c := range cs {
		if c.Covered() {
			n++
		}
	}
	return n
}

// sentenceWith is the sentence of line in which ph appears, so a report
// quotes a sentence, not a whole paragraph written on one line.
func sentenceWith(line string, ph phrase) string {
	for _, sent := range wording.Sentences(line) {
		if ph.in(Words(sent)) {
			return strings.TrimSpace(sent)
		}
	}
	return line
}
