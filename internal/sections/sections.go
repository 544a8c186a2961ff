// Package sections finds the parts of a written answer (Situation, Task,
// Result, …) wherever the candidate marked them: Markdown headings, bold
// labels, "Label:" lines, S:/T:/A:/R: letters, YAML keys. A write-up that
// marks none has its paragraphs assigned from their wording instead.
package sections

import (
	"strings"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
)

// Section is one rubric section as a write-up holds it.
type Section struct {
	ID string // the rubric section's id
	// Label is the marker as written ("Outcome", "R", "1. Situation");
	// empty when the section was inferred from wording.
	Label string
	Line  int    // 1-based line of the marker in the file, front matter counted
	Text  string // its text, without the marker and Markdown's line syntax
	Words int    // words in Text; 0 when Empty
	// Empty is true for a marker with nothing under it, or only a
	// placeholder (TODO, TBD, "...", "<fill in>"): the section is missing.
	Empty bool
	// Inferred is true when no label names the section and it was
	// placed from its wording.
	Inferred bool
	// Within is the id of the section whose text holds this one's, when
	// the write-up tells it inside another ("instead of X" in Action);
	// Text is then those sentences alone.
	Within string
	// End is the last line of the text under the section's own label
	// (Line when it has none): Line to End is the span a session may
	// rewrite. For a section placed from wording, the last line placed.
	End int
	// Inline is true when the label shares its line with text, as in
	// "Result: p99 fell to 80 ms".
	Inline bool
}

// Result is what Find found.
type Result struct {
	Sections []Section // the sections found, in rubric order
	// Inferred is true when the write-up marks no sections, so they were
	// assigned from wording and could be wrong.
	Inferred bool
	// Words is the length of the whole answer: text only, without markers
	// or front matter.
	Words int
	// FirstLine is the first non-blank line of the body, where findings
	// about the whole answer point.
	FirstLine int
}

// Section returns the section with the given id, if it was found.
func (r Result) Section(id string) (Section, bool) {
	for _, s := range r.Sections {
		if s.ID == id {
			return s, true
		}
	}
	return Section{}, false
}

// Find finds the sections of rubric r in doc. The rubric is compiled on
// first use and the result cached, so r must not change afterwards.
func Find(doc *document.Doc, r *pack.Rubric) Result {
	res, _ := FindCounting(doc, r, Phrases{})
	return res
}

// FindCounting is Find that also counts, in the same reading, where each
// list of p stands in the answer's text (markers and front matter left
// out). The checker needs both, and reading an answer once instead of
// twice is much of what keeps `prep check` fast.
func FindCounting(doc *document.Doc, r *pack.Rubric, p Phrases) (Result, []int) {
	return find(doc, r, p, true)
}

// FindMarked finds only what labels mark: no text is placed by its
// wording. The model's trainer learns from it, so that what it learns
// does not depend on what an earlier model placed.
func FindMarked(doc *document.Doc, r *pack.Rubric) Result {
	res, _ := find(doc, r, Phrases{}, false)
	return res
}

func find(doc *document.Doc, r *pack.Rubric, p Phrases, place bool) (Result, []int) {
	var counts []int
	if p.s != nil {
		counts = make([]int, p.s.n)
	}
	if doc == nil || r == nil {
		return Result{}, counts
	}
	m := matcherFor(r)
	first := doc.BodyLine
	if first < 1 {
		first = 1
	}
	if doc.Format == document.YAML {
		if res, ok := m.findYAML(doc, p.s, counts); ok {
			return res, counts
		}
	}
	sc := m.scanText(doc.Body, first, p.s, counts)
	res := Result{Words: sc.words, FirstLine: sc.first}
	if res.FirstLine == 0 {
		res.FirstLine = first
		if doc.Body == "" && first > 1 {
			res.FirstLine = first - 1 // "---" ended the file: its last line
		}
	}
	if !place {
		res.Sections = sc.collect(m)
		return res, counts
	}
	if !sc.marked {
		res.Inferred = sc.words > 0
		m.infer(sc)
	} else {
		m.placeBlocks(sc)
	}
	res.Sections = m.within(sc.collect(m))
	return res, counts
}

// acc gathers one section while a write-up is read. Its text is kept as
// pieces of the write-up (spans) and joined once, at the end.
type acc struct {
	found bool
	label string
	line  int
	words int
	size  int  // bytes of text so far, separators included
	brk   bool // a blank line is due before the next text
	end   int  // the last line of its text
	// inline is true when its label's line holds text too.
	inline bool
	// inferred is true when no label named it: its text was placed by
	// its wording.
	inferred bool
}

type span struct {
	text string
	sec  int32
	sep  int32 // index into seps
}

var seps = [...]string{"", "\n", "\n\n", " "}

func sepIndex(sep string) int32 {
	for i, s := range seps {
		if s == sep {
			return int32(i)
		}
	}
	return 1
}

type gather struct {
	accs  []acc
	spans []span
}

func newGather(n int) gather { return gather{accs: make([]acc, n), spans: make([]span, 0, 64)} }

// mark records a section's marker; a section marked again keeps its first
// line and continues after a blank line.
func (g *gather) mark(i int, label string, line int) {
	a := &g.accs[i]
	if !a.found {
		a.found, a.label, a.line = true, label, line
	} else if a.size > 0 {
		a.brk = true
	}
}

// add appends text to section i, after sep if it has text already.
func (g *gather) add(i int, text string, words int, sep string) {
	a := &g.accs[i]
	if a.size == 0 {
		sep = ""
	} else if a.brk {
		sep = "\n\n"
	}
	a.brk = false
	a.size += len(sep) + len(text)
	a.words += words
	g.spans = append(g.spans, span{text: text, sec: int32(i), sep: sepIndex(sep)})
}

// paraBreak makes the next text of section i start a new paragraph.
func (g *gather) paraBreak(i int) {
	if g.accs[i].size > 0 {
		g.accs[i].brk = true
	}
}

func (g *gather) collect(m *matcher) []Section {
	// All the texts go into one buffer, section by section, and each
	// Section's Text is a piece of it: one allocation, not one a section.
	total := 0
	for i := range g.accs {
		total += g.accs[i].size
	}
	var b strings.Builder
	b.Grow(total)
	bounds := make([][2]int, len(g.accs))
	for i := range g.accs {
		bounds[i][0] = b.Len()
		if g.accs[i].size > 0 {
			for _, sp := range g.spans {
				if int(sp.sec) == i {
					b.WriteString(seps[sp.sep])
					b.WriteString(sp.text)
				}
			}
		}
		bounds[i][1] = b.Len()
	}
	all := b.String()
	out := make([]Section, 0, len(g.accs))
	for i := range g.accs {
		a := &g.accs[i]
		if !a.found {
			continue
		}
		s := Section{ID: m.secs[i].ID, Label: a.label, Line: a.line, End: max(a.end, a.line), Inferred: a.inferred, Inline: a.inline,
			Text: strings.Trim(all[bounds[i][0]:bounds[i][1]], "\n"), Words: a.words}
		if IsPlaceholder(s.Text) {
			s.Empty, s.Words = true, 0
		}
		out = append(out, s)
	}
	return out
}
