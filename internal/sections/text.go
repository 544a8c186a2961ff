package sections

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prepcli/prep/internal/wording"
)

// inlineLevel ranks a bold or "Label:" marker below every heading, so any
// heading that names no section closes it.
const inlineLevel = 7

// piece is one line of text outside any section, kept in case the
// write-up turns out to mark no sections and they must be inferred.
type piece struct {
	line  int
	text  string
	para  int // paragraph number, to keep paragraphs apart
	block int // the unlabelled stretch it is in: see scanner.blocks
}

// block is a stretch of a write-up that no section's label opens: the
// text before the first label, or the text under a label that names no
// section ("## The migration", "Step 4: Scale the design", "**Stack:**").
// Its text is placed by what it says.
type block struct {
	label string // as written; empty before the first label
	line  int
	// after is the section whose text came just before it, or -1.
	after int
}

type scanner struct {
	gather
	m      *matcher
	cur    []int // the sections that receive text now
	level  int   // the level of the marker that opened cur
	marked bool
	words  int
	first  int
	loose  []piece
	para   int
	blocks []block
	// last is the section that received text most recently, or -1.
	last int
	// titled is true when the body has one "# " heading and deeper ones
	// under it: that heading, at the top, is a title.
	titled bool
	// nested is true when the line after this one is indented deeper
	// than it: a list item with a list under it.
	nested bool
	// read holds each sentence read so far, by its text; reading and
	// feats are the memory each is read in.
	read    map[string]*sentence
	reading wording.Reading
	feats   []string
}

func (m *matcher) scanText(body string, firstLine int) *scanner {
	sc := &scanner{gather: newGather(len(m.secs)), m: m, cur: make([]int, 0, 4), last: -1}
	sc.blocks = append(sc.blocks, block{after: -1})
	sc.titled = strings.Count(body, "\n# ")+boolInt(strings.HasPrefix(body, "# ")) == 1 && strings.Contains(body, "\n## ")
	n := firstLine - 1
	var f fence
	inComment := false
	// Most answers have no HTML comment; then no line needs looking at.
	comments := strings.Contains(body, "<!--")
	prevBlank := true
	for pos := 0; pos < len(body); {
		line, next := cutLine(body, pos)
		pos = next
		n++
		if f.open {
			if f.closes(line) {
				f.open = false
			} else {
				sc.content(n, line)
			}
			continue
		}
		if inComment || comments && strings.Contains(line, "<!--") {
			line, inComment = stripComments(line, inComment)
		}
		if blankLine(line) {
			sc.blank()
			prevBlank = true
			continue
		}
		if sc.first == 0 {
			sc.first = n
		}
		if f.opens(line) {
			prevBlank = false
			continue
		}
		if pos < len(body) && underlineStart(body, pos) {
			under, after := cutLine(body, pos)
			if c := setext(under); c != 0 && plain(line) {
				level := 2
				if c == '=' {
					level = 1
				}
				text := strings.TrimSpace(line)
				if secs, label, rest := m.heading(text); len(secs) > 0 {
					sc.open(secs, level, label, n, rest)
					pos, n, prevBlank = after, n+1, false
					continue
				}
				if prevBlank && titleLike(text) {
					sc.heading(level, n, text)
					pos, n, prevBlank = after, n+1, false
					continue
				}
			}
		}
		sc.nested = false
		if pos < len(body) {
			next, _ := cutLine(body, pos)
			_, in := trimIndent(line)
			_, nin := trimIndent(next)
			sc.nested = nin > in && !blankLine(next)
		}
		sc.line(line, n, prevBlank)
		prevBlank = false
	}
	return sc
}

// line handles one line outside code: a marker, a heading, or text.
func (sc *scanner) line(raw string, n int, prevBlank bool) {
	m := sc.m
	s, indent := trimIndent(raw)
	quoted := false
	for len(s) > 0 && s[0] == '>' {
		s, _ = trimIndent(s[1:])
		quoted = true
	}
	if s == "" {
		sc.blank() // a bare ">" separates quoted paragraphs
		return
	}
	if isBreak(s) {
		return
	}
	body, bullet := stripListMarker(s)
	// Text indented four spaces under a label is that label's text.
	if indent >= 4 && !quoted && bullet == 0 {
		sc.content(n, s)
		return
	}
	if s[0] == '#' {
		if level, text, spaced := atx(s); level > 0 {
			if spaced && level == 1 && sc.first == n && sc.titled {
				// "# Scaling the URL shortener" over "##" sections is the
				// answer's title, not its Bottlenecks section.
				sc.openBlock(cleanLabel(text), n, level)
				return
			}
			if spaced {
				if secs, label, rest := m.heading(text); len(secs) > 0 {
					sc.open(secs, level, label, n, rest)
					return
				}
				sc.heading(level, n, text)
				return
			}
			// "##Result" is a slip worth forgiving; "#hashtag" is text.
			if i, ok := m.label(text); ok {
				sc.open([]int{i}, level, text, n, "")
				return
			}
		}
	}
	t := trimDecorLeft2(body)
	if t != "" && (t[0] == '*' || t[0] == '_') {
		if secs, label, rest, ok := m.emphasis(t); ok {
			sc.open(secs, inlineLevel, label, n, rest)
			return
		}
		if label, rest, ok := boldLabel(t); ok && !sc.underHeading() && unknownLabel(label, true) {
			// "**Option 1**", "**Stack:** Go and Postgres": a label that
			// names no section still ends the one before it.
			sc.openBlock(label, n, inlineLevel)
			if rest = strings.TrimSpace(rest); rest != "" {
				sc.content(n, rest)
			}
			return
		}
	}
	if len(t) >= 3 && 'A' <= t[0] && t[0] <= 'Z' && t[1] == '-' && 'A' <= t[2] && t[2] <= 'Z' && !sc.underHeading() {
		// "A-I profiled the job": a STAR letter with no space after it.
		if i, ok := m.letters[rune(t[0])]; ok {
			sc.open([]int{i}, inlineLevel, t[:1], n, t[2:])
			return
		}
	}
	if label, rest, ok := findSep(t, m.maxLabel); ok {
		// Under a heading that names a section, "A:" and "Q:" are a
		// question-and-answer list, not STAR letters: letters mark
		// sections only where headings do not.
		if i, ok := m.label(label); ok && !(sc.underHeading() && isLetterLabel(label)) {
			sc.open([]int{i}, inlineLevel, strings.TrimSpace(label), n, blockIndicator(rest))
			return
		}
		if secs := m.labelParts(label); len(secs) > 0 && !sc.underHeading() {
			// "Outcome & impact:", "What went wrong / lessons learned:"
			sc.open(secs, inlineLevel, strings.TrimSpace(label), n, blockIndicator(rest))
			return
		}
		if !sc.underHeading() && unknownLabel(label, prevBlank || bullet != 0) {
			sc.openBlock(cleanLabel(label), n, inlineLevel)
			if r := strings.TrimSpace(blockIndicator(rest)); r != "" {
				sc.content(n, r)
			}
			return
		}
	} else if prevBlank && bullet != '-' && len(t) <= m.maxLabel && strings.Count(t, " ") <= m.maxToks+4 {
		// A label alone on its line, as plain text writers mark parts:
		// "Situation" then the text below. Only at the start of a block,
		// so a wrapped line that happens to be one word is not a marker.
		if i, ok := m.label(t); ok {
			sc.open([]int{i}, inlineLevel, strings.TrimSpace(t), n, "")
			return
		}
	} else if bullet == '-' && sc.nested && !sc.underHeading() && len(t) <= m.maxLabel {
		// "- Result" over a nested list: an outline's label.
		if i, ok := m.label(t); ok {
			sc.open([]int{i}, inlineLevel, strings.TrimSpace(t), n, "")
			return
		}
	}
	sc.content(n, strings.TrimSpace(body))
}

// underHeading reports whether the text now belongs to a section opened by
// a Markdown heading.
func (sc *scanner) underHeading() bool { return len(sc.cur) > 0 && sc.level < inlineLevel }

// isLetterLabel reports whether a label is a single letter, as in "R:".
func isLetterLabel(label string) bool {
	t := trimDecor(label)
	_, size := utf8.DecodeRuneInString(t)
	return t != "" && size == len(t)
}

// openBlock starts a stretch under a label that names no section.
func (sc *scanner) openBlock(label string, n, level int) {
	sc.cur = sc.cur[:0]
	sc.level = level
	sc.blocks = append(sc.blocks, block{label: label, line: n, after: sc.last})
	sc.para++
}

func (sc *scanner) open(secs []int, level int, label string, n int, rest string) {
	sc.marked = true
	label = cleanLabel(label)
	sc.cur = append(sc.cur[:0], secs...)
	sc.level = level
	for _, i := range secs {
		sc.mark(i, label, n)
	}
	if rest = strings.TrimSpace(rest); rest != "" {
		for _, i := range secs {
			if sc.accs[i].line == n {
				sc.accs[i].inline = true
			}
		}
		sc.content(n, rest)
	}
}

// heading handles a heading that names no section: it closes the current
// section unless it is deeper ("### Database choice" under "## Action").
func (sc *scanner) heading(level, n int, text string) {
	if len(sc.cur) > 0 && level <= sc.level {
		sc.cur = sc.cur[:0]
	}
	if len(sc.cur) > 0 {
		sc.content(n, strings.TrimSpace(text))
		return
	}
	sc.openBlock(cleanLabel(text), n, level)
}

func (sc *scanner) content(n int, text string) {
	w := CountWords(text)
	sc.words += w
	if len(sc.cur) == 0 {
		if w > 0 && !signOff(text) {
			sc.loose = append(sc.loose, piece{line: n, text: text, para: sc.para, block: len(sc.blocks) - 1})
		}
		return
	}
	for _, i := range sc.cur {
		sc.add(i, text, w, "\n")
		sc.accs[i].end = n
	}
	sc.last = sc.cur[len(sc.cur)-1]
}

func (sc *scanner) blank() {
	sc.para++
	for _, i := range sc.cur {
		sc.paraBreak(i)
	}
}

// emphasis matches a bold or italic label at the start of a line:
// "**Situation:** text", "**Situation**: text", "__Task__", "*R:*".
func (m *matcher) emphasis(t string) (secs []int, label, rest string, ok bool) {
	mark := t[:1]
	if len(t) > 1 && t[1] == t[0] {
		mark = t[:2]
	}
	inner := t[len(mark):]
	end := strings.Index(inner, mark)
	if end <= 0 || end > m.maxLabel {
		return nil, "", "", false
	}
	after := inner[end+len(mark):]
	// "**Result**s were good": emphasis inside a word marks nothing.
	if after != "" && startsWord(after) {
		return nil, "", "", false
	}
	label = strings.TrimSpace(strings.Trim(inner[:end], "*_"))
	label = strings.TrimSpace(strings.TrimRight(label, ":："))
	after = strings.TrimSpace(strings.TrimLeft(after, "*_"))
	if strings.HasPrefix(after, ":") {
		after = after[1:]
	} else if strings.HasPrefix(after, "：") {
		after = after[len("："):]
	} else if l, r, ok := findSep(after, 0); ok && strings.TrimSpace(l) == "" {
		after = r
	}
	if i, ok := m.label(label); ok {
		return []int{i}, label, after, true
	}
	if strings.TrimSpace(after) == "" {
		// Bold alone on its line stands for a heading.
		if secs, l, r := m.heading(label); len(secs) > 0 {
			return secs, l, r, true
		}
	}
	return nil, "", "", false
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// findSep finds the end of a label: a colon, or a dash with a space after
// it ("Result - …", "S- …", "Result — …"); a hyphen inside a word such as
// "Trade-offs" is part of the label. limit bounds the search, in bytes.
func findSep(s string, limit int) (label, rest string, ok bool) {
	w := s
	if len(w) > limit+1 {
		w = w[:limit+1]
	}
	// The first colon bounds the search; dashes are looked for before it.
	if c := strings.IndexByte(w, ':'); c >= 0 {
		w = w[:c+1]
	}
	for i := 0; i < len(w); i++ {
		if !sepByte[w[i]] {
			continue
		}
		switch s[i] {
		case ':':
			if strings.HasPrefix(s[i+1:], "//") {
				return "", "", false // a URL, not a label
			}
			return s[:i], s[i+1:], true
		case '-':
			if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t' {
				return s[:i], s[i+1:], true
			}
		case 0xE2: // en and em dashes
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x93 || s[i+2] == 0x94) {
				return s[:i], s[i+3:], true
			}
		case 0xEF: // the full-width colon
			if i+2 < len(s) && s[i+1] == 0xBC && s[i+2] == 0x9A {
				return s[:i], s[i+3:], true
			}
		}
	}
	return "", "", false
}

// sepByte marks the bytes that may start a label's separator.
var sepByte = [256]bool{':': true, '-': true, 0xE2: true, 0xEF: true}

// blockIndicator drops a YAML block scalar indicator ("situation: |"),
// whose text follows on the next lines.
func blockIndicator(rest string) string {
	t := strings.TrimSpace(rest)
	if t != "" && (t[0] == '|' || t[0] == '>') && strings.Trim(t[1:], "+-0123456789") == "" {
		return ""
	}
	return rest
}

func cutLine(s string, pos int) (line string, next int) {
	if i := strings.IndexByte(s[pos:], '\n'); i >= 0 {
		return s[pos : pos+i], pos + i + 1
	}
	return s[pos:], len(s)
}

func blankLine(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' {
			if c < utf8.RuneSelf {
				return false
			}
			return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060' }) == ""
		}
	}
	return true
}

// trimIndent drops leading blanks and says how wide they were (tab = 4).
func trimIndent(s string) (string, int) {
	w := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			w++
		case '\t':
			w += 4
		default:
			return s[i:], w
		}
	}
	return "", w
}

// trimDecorLeft2 drops leading spaces and non-ASCII decoration (emoji,
// variation selectors, zero-width spaces, bullets) but keeps ASCII marks
// that carry meaning: "**", "_", "#".
func trimDecorLeft2(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\t' {
				return s[i:]
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return s[i:]
		}
		i += size
	}
	return ""
}

// stripListMarker drops "- ", "* ", "+ ", "• ", "1. " or "1) " and says
// which kind it was: '-' for a bullet, '1' for a number, 0 for none.
func stripListMarker(s string) (string, byte) {
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t') {
		t, _ := trimIndent(s[2:])
		return t, '-'
	}
	if strings.HasPrefix(s, "•") {
		t, _ := trimIndent(s[len("•"):])
		return t, '-'
	}
	j := 0
	for j < len(s) && j < 9 && isDigit(s[j]) {
		j++
	}
	if j > 0 && j < len(s) && (s[j] == '.' || s[j] == ')') && (j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\t') {
		t, _ := trimIndent(s[j+1:])
		return t, '1'
	}
	return s, 0
}

// atx reads "## Heading ##": its level, its text, and whether a space
// followed the #s (without one, only a section's label makes it a heading).
func atx(s string) (level int, text string, spaced bool) {
	for level < len(s) && s[level] == '#' {
		level++
	}
	if level > 6 {
		return 0, "", false
	}
	text = s[level:]
	spaced = text == "" || text[0] == ' ' || text[0] == '\t'
	text = strings.TrimSpace(text)
	// Closing #s go only when a space sets them apart: "## C#" keeps its #.
	if t := strings.TrimRight(text, "#"); t != text && (t == "" || strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\t")) {
		text = strings.TrimSpace(t)
	}
	return level, text, spaced
}

// underlineStart reports whether the line at pos may be a setext
// underline, without cutting it: its first non-blank byte is = or -.
func underlineStart(s string, pos int) bool {
	for i := pos; i < len(s) && i < pos+4; i++ {
		switch s[i] {
		case ' ':
			continue
		case '=', '-':
			return true
		}
		return false
	}
	return false
}

// setext reports the underline character of a setext heading, or 0.
func setext(s string) byte {
	t, indent := trimIndent(s)
	t = strings.TrimRight(t, " \t")
	if indent >= 4 || len(t) < 3 || (t[0] != '=' && t[0] != '-') {
		return 0
	}
	if strings.Trim(t, t[:1]) != "" {
		return 0
	}
	return t[0]
}

// plain reports whether a line can be the text of a setext heading.
func plain(s string) bool {
	t, indent := trimIndent(s)
	if indent >= 4 || t == "" {
		return false
	}
	switch t[0] {
	case '>', '#', '|', '`', '~':
		return false
	}
	_, bullet := stripListMarker(t)
	return bullet == 0 && !isBreak(t)
}

// titleLike reports whether text reads as a short title rather than the
// last line of a paragraph (which a --- rule below would not make a title).
func titleLike(text string) bool {
	if CountWords(text) > 8 {
		return false
	}
	switch text[len(text)-1] {
	case '.', ',', ';', ':':
		return false
	}
	return true
}

// isBreak reports a thematic break or a stray underline: "---", "* * *", "===".
func isBreak(s string) bool {
	if len(s) < 3 {
		return false
	}
	c := s[0]
	if c != '-' && c != '*' && c != '_' && c != '=' {
		return false
	}
	s = strings.TrimRight(s, " \t")
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// fence tracks a fenced code block, whose lines are text, never markers.
type fence struct {
	open bool
	char byte
	n    int
}

func (f *fence) opens(s string) bool {
	t, indent := trimIndent(s)
	if indent >= 4 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return false
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || t[0] == '`' && strings.IndexByte(t[n:], '`') >= 0 {
		return false
	}
	f.open, f.char, f.n = true, t[0], n
	return true
}

func (f *fence) closes(s string) bool {
	t, indent := trimIndent(s)
	t = strings.TrimRight(t, " \t")
	if indent >= 4 || len(t) < f.n {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] != f.char {
			return false
		}
	}
	return true
}

// stripComments removes HTML comments, which templates use for prompts
// ("<!-- what was at stake? -->"): they are neither text nor markers.
func stripComments(s string, in bool) (string, bool) {
	var b strings.Builder
	for {
		if in {
			end := strings.Index(s, "-->")
			if end < 0 {
				return b.String(), true
			}
			s = s[end+3:]
			in = false
		}
		start := strings.Index(s, "<!--")
		if start < 0 {
			b.WriteString(s)
			return b.String(), false
		}
		b.WriteString(s[:start])
		s = s[start+4:]
		in = true
	}
}

// cleanLabel keeps a label as written, less the spaces and invisible
// characters around it ("Situation\u200b" is shown as "Situation").
func cleanLabel(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\ufe0f'
	})
}

// boldLabel reads a bold or italic label at the start of a line that may
// name no section: "**Option 1**", "**Stack:** Go", "__Why Kafka?__". The
// emphasis must end the label: "**Important** we had to…" is text.
func boldLabel(t string) (label, rest string, ok bool) {
	mark := t[:1]
	if len(t) > 1 && t[1] == t[0] {
		mark = t[:2]
	}
	inner := t[len(mark):]
	end := strings.Index(inner, mark)
	if end <= 0 || end > 80 {
		return "", "", false
	}
	label = strings.TrimSpace(strings.Trim(inner[:end], "*_"))
	after := strings.TrimSpace(strings.TrimLeft(inner[end+len(mark):], "*_"))
	colon := strings.HasSuffix(label, ":") || strings.HasSuffix(label, "：")
	label = strings.TrimSpace(strings.TrimRight(label, ":："))
	switch {
	case strings.HasPrefix(after, ":"):
		after, colon = after[1:], true
	case strings.HasPrefix(after, "- ") || strings.HasPrefix(after, "— ") || strings.HasPrefix(after, "– "):
		_, after, _ = strings.Cut(after, " ")
		colon = true
	}
	if !colon && after != "" {
		return "", "", false
	}
	return label, after, label != ""
}

// unknownLabel reports whether text before a colon, or in bold, reads as a
// label that names no section ("Stack", "Step 4: Scale the design",
// "Option 1") rather than the start of a sentence. A plain label must
// start its paragraph or list item; asides (Note, E.g.) are no labels.
func unknownLabel(label string, atStart bool) bool {
	t := strings.TrimSpace(label)
	if !atStart || t == "" || len(t) > 60 || strings.Contains(t, "://") {
		return false
	}
	words := CountWords(t)
	if words == 0 || words > 6 {
		return false
	}
	r := []rune(t)
	if !(unicode.IsUpper(r[0]) || unicode.IsDigit(r[0])) {
		return false
	}
	switch t[len(t)-1] {
	case '.', ',', ';', '!':
		return false
	}
	for _, a := range asides {
		if strings.EqualFold(t, a) {
			return false
		}
	}
	return true
}

// asides lead a remark inside a section rather than a section of their own.
var asides = [...]string{"Note", "NB", "N.B", "E.g", "Eg", "Example", "For example", "Edit", "Update", "PS", "P.S", "Tip", "Hint", "Aside", "Important", "Caveat", "TL;DR", "TLDR", "Why", "How", "Also", "Bonus", "Warning"}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
