package sections

import (
	"slices"
	"strings"
)

// unit is a stretch of unlabelled text assigned to one section as a whole.
type unit struct {
	line int
	text strings.Builder
	para int
}

// infer assigns the text of a write-up that marks no sections, paragraph
// by paragraph (sentence by sentence when there are fewer than three
// paragraphs), to the section whose cues it uses most. The first unit
// leans to the rubric's first section (situation for star), and text with
// no cue at all continues the section before it.
func (m *matcher) infer(sc *scanner) {
	if len(sc.loose) == 0 || len(m.secs) == 0 {
		return
	}
	units := paragraphs(sc.loose)
	if len(units) < 3 {
		units = sentences(sc.loose)
	}
	prev := -1
	var counts []int
	for u := range units {
		text := units[u].text.String()
		best, bestScore := -1, 0.0
		for i := range m.secs {
			score := 0.0
			if ps := m.cues[i].s; ps != nil {
				counts = slices.Grow(counts[:0], ps.n)[:ps.n]
				clear(counts)
				ps.countIn(text, counts)
				for j, n := range counts {
					score += float64(n) * m.cueWeight[i][j]
				}
			}
			hits := score
			if hits > 0 {
				switch {
				case i == prev:
					score += 0.3
				case i > prev:
					score += 0.2 // answers tend to follow the rubric's order
				}
			}
			if u == 0 && i == 0 {
				score += 1.5
			}
			if score >= 1 && score > bestScore {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			best = prev
		}
		if best < 0 {
			continue
		}
		sep := " "
		if best != prev || u == 0 || units[u-1].para != units[u].para {
			sc.mark(best, "", units[u].line)
			sc.paraBreak(best)
		}
		sc.add(best, text, CountWords(text), sep)
		prev = best
	}
}

func paragraphs(ps []piece) []*unit {
	var out []*unit
	for _, p := range ps {
		if len(out) == 0 || out[len(out)-1].para != p.para {
			out = append(out, &unit{line: p.line, para: p.para})
		} else {
			out[len(out)-1].text.WriteByte('\n')
		}
		out[len(out)-1].text.WriteString(p.text)
	}
	return out
}

func sentences(ps []piece) []*unit {
	var out []*unit
	var cur *unit
	for _, p := range ps {
		if cur != nil && cur.para != p.para {
			cur = nil
		}
		s := p.text
		for s != "" {
			if cur == nil {
				cur = &unit{line: p.line, para: p.para}
				out = append(out, cur)
			} else if cur.text.Len() > 0 {
				cur.text.WriteByte(' ')
			}
			end := sentenceEnd(s)
			if end < 0 {
				cur.text.WriteString(s)
				break
			}
			cur.text.WriteString(s[:end])
			cur = nil
			s = strings.TrimLeft(s[end:], " \t")
		}
	}
	return out
}

// sentenceEnd returns the index just past the first sentence's end mark
// (". ", "! ", "? " or one that ends the line), or -1.
func sentenceEnd(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '!', '?':
			if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t' {
				return i + 1
			}
		}
	}
	return -1
}
