// Package sections finds the parts of a written answer (Situation, Task,
// Result, …) wherever the candidate marked them: Markdown headings, bold
// labels, "Label:" lines, S:/T:/A:/R: letters, YAML keys. A write-up that
// marks none has its paragraphs assigned from their wording instead.
package sections

import (
	"slices"
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
	// A label that marks the section again right after its text
	// ("## Lessons" then "Mistakes: …") continues the span; one after
	// other labels or text ends it before them.
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
func Find(doc *document.Doc, r *pack.Rubric) Result { return find(doc, r, true) }

// FindMarked finds only what labels mark: no text is placed by its
// wording. The model's trainer learns from it, so that what it learns
// does not depend on what an earlier model placed.
func FindMarked(doc *document.Doc, r *pack.Rubric) Result { return find(doc, r, false) }

func find(doc *document.Doc, r *pack.Rubric, place bool) Result {
	if doc == nil || r == nil {
		return Result{}
	}
	m := matcherFor(r)
	first := doc.BodyLine
	if first < 1 {
		first = 1
	}
	if doc.Format == document.YAML {
		if res, ok := m.findYAML(doc); ok {
			return res
		}
	}
	sc := m.scanText(doc.Body, first)
	sc.ownEnds()
	res := Result{Words: sc.words, FirstLine: sc.first}
	if res.FirstLine == 0 {
		res.FirstLine = first
		if doc.Body == "" && first > 1 {
			res.FirstLine = first - 1 // "---" ended the file: its last line
		}
	}
	if !place {
		res.Sections = sc.collect(m)
		return res
	}
	if !sc.marked {
		res.Inferred = sc.words > 0
		m.infer(sc)
	} else {
		m.placeBlocks(sc)
	}
	m.dropFaint(sc)
	res.Sections = m.within(sc, sc.collect(m))
	return res
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
	// sure is the model's highest confidence in any sentence placed here.
	sure float64
	// last is the line of its latest label; again are its labels after
	// the first.
	last  int
	again []remark
}

// remark is a label that marks a section marked before.
type remark struct {
	line int // the label's line
	// from is the section's previous label or last line of text before
	// it, whichever is later.
	from int
	// other is true when another section's label came between.
	other bool
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
	// marked is 1 + the section whose label came last, 0 before any.
	marked int
}

func newGather(n int) gather { return gather{accs: make([]acc, n), spans: make([]span, 0, 64)} }

// mark records a section's marker; a section marked again keeps its first
// line and continues after a blank line.
func (g *gather) mark(i int, label string, line int) {
	a := &g.accs[i]
	if !a.found {
		a.found, a.label, a.line, a.last = true, label, line, line
	} else {
		if line > a.last {
			a.again = append(a.again, remark{line: line, from: max(a.end, a.last), other: g.marked != i+1})
			a.last = line
		}
		if a.size > 0 {
			a.brk = true
		}
	}
	g.marked = i + 1
}

// ownEnds ends each section marked twice at the end of its first label's
// own text, when other labels or text stand between that and its next
// label: End is then a span a session may rewrite without touching them.
func (sc *scanner) ownEnds() {
	for i := range sc.accs {
		a := &sc.accs[i]
		for _, r := range a.again {
			if r.other || sc.between(r.from, r.line) {
				a.end = r.from
				break
			}
		}
	}
}

// between reports a label that names no section, or text outside every
// section, after line from and before line to. Both lists are in the
// order of their lines.
func (sc *scanner) between(from, to int) bool {
	b, _ := slices.BinarySearchFunc(sc.blocks, from+1, func(b block, line int) int { return b.line - line })
	if b < len(sc.blocks) && sc.blocks[b].line < to {
		return true
	}
	p, _ := slices.BinarySearchFunc(sc.loose, from+1, func(p piece, line int) int { return p.line - line })
	return p < len(sc.loose) && sc.loose[p].line < to
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
