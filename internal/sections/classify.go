package sections

import (
	"math"
	"slices"
	"strings"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/wording"
)

// Text that no label places is placed by what it says, in three steps.
//
//   - Placing (placeModel): for a rubric the embedded model knows, each
//     sentence is scored by the model and a Viterbi pass picks the most
//     likely run of sections, preferring the rubric's order. For any other
//     rubric (place), a paragraph is scored by the rubric's cues and by
//     what its signals ask of it: the section whose signal wants an
//     alternative scores when the text names one, and likewise a mistake
//     or a quantity.
//   - Substance (dropFaint): a part placed from wording alone needs some.
//   - Inside others (within): a required part still missing is looked
//     for sentence by sentence inside the sections found.

// Weights of the detectors, in cue words, for the cue-scored path.
const (
	detectorWeight = 3.0
	// strongScore is how sure a sentence must be to leave its
	// paragraph's section.
	strongScore = 2.0
	// placeScore is the least a stretch must score to be placed by its
	// wording rather than continue the section before it.
	placeScore = 1.0
)

// detectors are the sections a rubric's signals inspect, by what they
// look for.
type detectors struct {
	alternative []int
	mistake     []int
	quantity    []int
}

func newDetectors(r *pack.Rubric) detectors {
	var d detectors
	for _, sig := range r.Signals {
		i := slices.IndexFunc(r.Sections, func(s pack.Section) bool { return s.ID == sig.Section })
		if i < 0 {
			continue
		}
		switch sig.Type {
		case pack.SignalNeedsAlternative:
			d.alternative = append(d.alternative, i)
		case pack.SignalNeedsMistake:
			d.mistake = append(d.mistake, i)
		case pack.SignalNeedsNumber:
			d.quantity = append(d.quantity, i)
		}
	}
	return d
}

// serves reports whether a sentence addresses section i, for placing it
// inside another section. What a section's signal looks for counts, and
// so does a vaguer mention of the same part: "we discussed different
// approaches" addresses the trade-offs (weakly, as its signal will say),
// "I learned…" the lessons. Other sections need three cue words, or the
// model's firm opinion.
func (m *matcher) serves(i, state int, f *wording.Facts, post []float64) bool {
	d := m.det
	switch {
	case slices.Contains(d.alternative, i):
		return f.Weighing.Found()
	case slices.Contains(d.mistake, i):
		// A lesson drawn counts wherever it is told. A mistake alone is
		// usually the problem being solved ("the on-call was paged every
		// Monday") or the hurdle of the Action ("the first run broke"),
		// not a lesson, unless the sentence reads as one in its place.
		return f.Lesson.Found() || f.ClearMistake.Found() && state == i
	case slices.Contains(d.quantity, i):
		// A figure alone ("60 MB per sidecar") is no outcome; the
		// sentence must read as this section's too. Nor is a target
		// ("we needed it under 200 ms").
		return f.Quantity.Found() && !f.Intent && (post == nil || state == i || argmax(post) == i)
	}
	return post != nil && (post[i] >= 0.5 || state == i && post[i] >= 0.25)
}

func (d detectors) has(i int) bool {
	return slices.Contains(d.alternative, i) || slices.Contains(d.mistake, i) || slices.Contains(d.quantity, i)
}

// scores scores text for every section, into out.
func (m *matcher) scores(text string, out []float64) {
	clear(out)
	var counts []int
	for i := range m.secs {
		if ps := m.cues[i].s; ps != nil {
			counts = slices.Grow(counts[:0], ps.n)[:ps.n]
			clear(counts)
			ps.countIn(text, counts)
			for j, n := range counts {
				out[i] += float64(min(n, 2)) * m.cueWeight[i][j]
			}
		}
	}
	if len(m.det.alternative) > 0 && wording.Alternative(text).Found() {
		for _, i := range m.det.alternative {
			out[i] += detectorWeight
		}
	}
	if len(m.det.mistake) > 0 && wording.Mistake(text).Found() {
		for _, i := range m.det.mistake {
			out[i] += detectorWeight
		}
	}
	if len(m.det.quantity) > 0 && wording.Quantity(text).Found() {
		for _, i := range m.det.quantity {
			out[i] += detectorWeight / 2
		}
	}
}

// unit is a paragraph of unplaced text and its sentences.
type unit struct {
	line  int
	para  int
	text  string
	sents []string
}

func units(ps []piece) []unit {
	var out []unit
	var b strings.Builder
	flush := func() {
		if len(out) > 0 {
			out[len(out)-1].text = b.String()
		}
		b.Reset()
	}
	for _, p := range ps {
		if len(out) == 0 || out[len(out)-1].para != p.para {
			flush()
			out = append(out, unit{line: p.line, para: p.para})
		} else {
			b.WriteByte('\n')
		}
		b.WriteString(p.text)
	}
	flush()
	for i := range out {
		out[i].sents = wording.Sentences(out[i].text)
	}
	return out
}

// place assigns stretches of text to sections, paragraph by paragraph: a
// paragraph goes to the section its wording scores best for (at least
// placeScore), else it continues the section before it. A sentence that
// scores strongly for another section goes there instead. label is the
// block's own label, whose words count twice for its first paragraph.
// prev is the section before the stretch, or -1; lean gives the first
// paragraph to the rubric's first section when nothing says otherwise.
func (m *matcher) place(sc *scanner, us []unit, label string, line, prev int, lean bool) {
	if km := m.model(); km != nil {
		m.placeModel(sc, km, us, label, line, prev, lean)
		return
	}
	n := len(m.secs)
	score := make([]float64, n)
	sent := make([]float64, n)
	labelScore := make([]float64, n)
	if label != "" {
		m.scores(label, labelScore)
	}
	for u := range us {
		m.scores(us[u].text, score)
		if u == 0 {
			for i := range score {
				score[i] += 2 * labelScore[i]
			}
		}
		best, bestScore := -1, 0.0
		for i := range score {
			s := score[i]
			if s > 0 {
				switch {
				case i == prev:
					s += 0.3
				case i > prev:
					s += 0.2
				}
			}
			if lean && u == 0 && i == 0 && CountWords(us[u].text) >= 6 {
				s += 1.5
			}
			if s >= placeScore && s > bestScore {
				best, bestScore = i, s
			}
		}
		if best < 0 && (u > 0 || label == "") {
			// Text that says nothing continues the section before it;
			// but the first words under a label of their own ("##
			// Appendix") are not silently someone else's.
			best = prev
		}
		if best < 0 {
			continue
		}
		at := us[u].line
		if u == 0 && label != "" {
			at = line
		}
		// Sentences that say strongly they belong elsewhere go there.
		var rest []string
		for _, s := range us[u].sents {
			m.scores(s, sent)
			alt := -1
			for i := range sent {
				if i != best && sent[i] >= strongScore && sent[i] >= sent[best]+1 && (alt < 0 || sent[i] > sent[alt]) {
					alt = i
				}
			}
			if alt >= 0 && len(us[u].sents) > 1 {
				m.put(sc, alt, s, us[u].line, label)
				continue
			}
			rest = append(rest, s)
		}
		switch {
		case len(rest) == len(us[u].sents):
			m.put(sc, best, us[u].text, at, label) // as written
		case len(rest) > 0:
			m.put(sc, best, strings.Join(rest, " "), at, label)
		}
		if sc.accs[best].inferred {
			sc.accs[best].end = max(sc.accs[best].end, us[u].line)
		}
		prev = best
	}
}

// put adds inferred text to section i; its marker is the block's label,
// if it has one, and the section is marked inferred.
func (m *matcher) put(sc *scanner, i int, text string, line int, label string) {
	a := &sc.accs[i]
	if !a.found {
		sc.mark(i, label, line)
		a.inferred = true
	}
	sc.paraBreak(i)
	sc.add(i, text, CountWords(text), "\n\n")
	if a.inferred {
		// A labelled section's End stays the end of its own text, the
		// span a session may rewrite; placed text elsewhere is not in it.
		a.end = max(a.end, line)
	}
}

// infer places a write-up that marks no sections.
func (m *matcher) infer(sc *scanner) {
	if len(sc.loose) == 0 || len(m.secs) == 0 {
		return
	}
	m.place(sc, units(sc.loose), "", 0, -1, true)
}

// placeBlocks places the text of a marked write-up that no known label
// holds: before the first label, and under labels that name no section.
func (m *matcher) placeBlocks(sc *scanner) {
	if len(sc.loose) == 0 {
		return
	}
	start := 0
	for start < len(sc.loose) {
		b := sc.loose[start].block
		end := start
		for end < len(sc.loose) && sc.loose[end].block == b {
			end++
		}
		bl := sc.blocks[b]
		m.place(sc, units(sc.loose[start:end]), bl.label, bl.line, bl.after, b == 0)
		start = end
	}
}

// within finds, for each section still missing, sentences inside the
// others that serve it: a trade-off weighed inside Action, a mistake told
// inside Result. They count for it where they stand.
func (m *matcher) within(sc *scanner, secs []Section) []Section {
	n := len(m.secs)
	have := make([]bool, n)
	for _, s := range secs {
		// A label with only TODO under it is the candidate's own note
		// that the part is still to write: it stays missing.
		have[slices.IndexFunc(m.secs, func(p pack.Section) bool { return p.ID == s.ID })] = true
	}
	var missing []int
	km := m.model()
	needPost := false
	for i := range m.secs {
		// Only what the rubric requires is looked for inside other
		// sections: a missing recommended part is a warning either way,
		// and reading every sentence for it would cost most of a check.
		if !have[i] && m.secs[i].Level == pack.Required && (km != nil || m.det.has(i)) {
			missing = append(missing, i)
			needPost = needPost || km != nil
		}
	}
	if len(missing) == 0 {
		return secs
	}
	found := make([][]string, n)
	sure := make([]float64, n)
	hostOf := make([]int, n)
	var post []float64
	for h, host := range secs {
		// What is kept in reserve (follow-up answers) is not told, so it
		// serves no part of the telling.
		if host.Empty || host.Within != "" || m.reserve(host.ID) {
			continue
		}
		hostIndex := slices.IndexFunc(m.secs, func(p pack.Section) bool { return p.ID == host.ID })
		var texts []string
		var paras []int
		for p, chunk := range strings.Split(host.Text, "\n\n") {
			for _, t := range wording.Sentences(chunk) {
				texts = append(texts, t)
				paras = append(paras, p)
			}
		}
		sents := sc.readSentences(texts, km)
		var e [][]float64
		var path []int
		if needPost {
			e = m.emissions(km, sents, "")
			// Read in its place, a long section can move on to other
			// parts, as bullets under one "Situation:" label do: the
			// path starts in the host and may leave it.
			start := make([]float64, n)
			for j := range start {
				start[j] = math.Inf(-1)
			}
			start[hostIndex] = 0
			path = viterbi(e, paras, start)
		}
		for _, i := range missing {
			if found[i] != nil {
				continue // the first section that serves it is where it stands
			}
			for k := range sents {
				state := hostIndex
				if e != nil {
					post = expAll(post[:0], e[k])
					state = path[k]
				}
				if m.serves(i, state, &sents[k].facts, post) {
					found[i] = append(found[i], sents[k].text)
					hostOf[i] = h
					if post != nil {
						// The path reading the section in its place
						// agreeing counts as being sure.
						sure[i] = max(sure[i], post[i])
						if state == i {
							sure[i] = 1
						}
					}
				}
			}
		}
	}
	var add []Section
	for _, i := range missing {
		if found[i] == nil {
			continue
		}
		// What only the model backs needs some substance, as a part placed
		// from wording does: two sentences, or one it is sure of. A named
		// alternative or an owned mistake is substance on its own.
		if !m.det.has(i) && len(found[i]) < 2 && sure[i] < faintSure {
			continue
		}
		host := secs[hostOf[i]]
		text := strings.Join(found[i], " ")
		add = append(add, Section{ID: m.secs[i].ID, Line: host.Line, End: host.End, Text: text, Words: CountWords(text), Inferred: true, Within: host.ID})
	}
	if len(add) == 0 {
		return secs
	}
	// Keep the rubric's order, and replace a marked but empty section.
	out := make([]Section, 0, len(secs)+len(add))
	for i := range m.secs {
		id := m.secs[i].ID
		if k := slices.IndexFunc(add, func(s Section) bool { return s.ID == id }); k >= 0 {
			out = append(out, add[k])
			continue
		}
		if k := slices.IndexFunc(secs, func(s Section) bool { return s.ID == id }); k >= 0 {
			out = append(out, secs[k])
		}
	}
	return out
}

// signOff reports a closing line that says nothing about the answer:
// "Thanks for reading!", "Happy to go deeper on any of this."
func signOff(text string) bool {
	t := strings.ToLower(strings.TrimSpace(text))
	if CountWords(t) > 14 {
		return false
	}
	for _, p := range signOffs {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

var signOffs = [...]string{"thanks", "thank you", "cheers", "best regards", "kind regards", "regards", "hope this helps",
	"happy to go", "happy to discuss", "happy to dig", "happy to answer", "feel free to", "let me know", "questions welcome"}

// withoutModel makes the matcher place text by its rubric's cues alone,
// as it does for a rubric the model does not know; this package's tests
// set it, so that they test the structure of write-ups and not the
// model's judgement, which the corpus measures.
var withoutModel bool

// model returns the trained weights for the matcher's rubric when they
// cover every one of its sections, or nil.
func (m *matcher) model() *kindWeights {
	if withoutModel {
		return nil
	}
	km := modelFor(m.kind)
	if km == nil {
		return nil
	}
	for _, sec := range m.secs {
		if _, ok := km.index[sec.ID]; !ok {
			return nil
		}
	}
	return km
}

// Transition weights between the sections of consecutive sentences:
// answers mostly stay on a section or move on to a later one, and change
// section more readily at a paragraph break. They are natural logarithms
// of probabilities, written out (TestTransitionLogs) so that computing
// them is not init code run at every start of prep.
const (
	stayPara    = -0.10536051565782628 // ln 0.9
	stayBreak   = -0.5978370007556204  // ln 0.55
	onPara      = -2.5257286443082556  // ln 0.08
	onBreak     = -0.916290731874155   // ln 0.4
	backPara    = -3.912023005428146   // ln 0.02
	backBreak   = -2.995732273553991   // ln 0.05
	skipPenalty = 0.6                  // per section skipped going forward
)

func transition(i, j int, samePara bool) float64 {
	switch {
	case i == j && samePara:
		return stayPara
	case i == j:
		return stayBreak
	case j > i && samePara:
		return onPara - skipPenalty*float64(j-i-1)
	case j > i:
		return onBreak - skipPenalty*float64(j-i-1)
	case samePara:
		return backPara
	}
	return backBreak
}

// labelStart is the chance that a block under a label of its own is
// section j, after section prev.
func labelStart(prev, j int) float64 {
	switch {
	case prev < 0:
		return math.Log(0.5) - 0.15*float64(j)
	case j == prev:
		return math.Log(0.2)
	case j > prev:
		return math.Log(0.6) - skipPenalty*float64(j-prev-1)
	}
	return math.Log(0.1)
}

// temper softens the model's confidence: naive Bayes adds up every word
// as if independent, so long sentences would otherwise decide alone.
const temper = 0.6

// emissions scores each sentence for each section: the model's log
// posterior, tempered.
func (m *matcher) emissions(km *kindWeights, sents []*sentence, extra string) [][]float64 {
	out := make([][]float64, len(sents))
	col := m.columns(km)
	for u, s := range sents {
		e := slices.Clone(s.scored)
		if u == 0 && extra != "" {
			// A block's label weighs twice, after the sentence's own
			// words, as if its features were the sentence's.
			f := Features(extra)
			km.weigh(col, e, f)
			km.weigh(col, e, f)
		}
		top := math.Inf(-1)
		for i := range e {
			e[i] *= temper
			top = max(top, e[i])
		}
		sum := 0.0
		for i := range e {
			sum += math.Exp(e[i] - top)
		}
		for i := range e {
			e[i] -= top + math.Log(sum)
		}
		out[u] = e
	}
	return out
}

// columns are the model's columns for the matcher's sections.
func (m *matcher) columns(km *kindWeights) []int {
	col := make([]int, len(m.secs))
	for i, sec := range m.secs {
		col[i] = km.index[sec.ID]
	}
	return col
}

// weigh adds the weights of feats to e, whose sections are the model's
// columns col.
func (k *kindWeights) weigh(col []int, e []float64, feats []string) {
	for _, f := range feats {
		w, ok := k.lookup(f)
		if !ok {
			continue
		}
		for i := range e {
			e[i] += float64(w.at(col[i]))
		}
	}
}

// placeModel places sentences with the model: the most likely sequence
// of sections over them (Viterbi), given each sentence's scores and the
// transitions above.
func (m *matcher) placeModel(sc *scanner, km *kindWeights, us []unit, label string, line, prev int, lean bool) {
	type sent struct {
		text string
		line int
		para int
	}
	var ss []sent
	var texts []string
	for _, u := range us {
		for _, t := range u.sents {
			ss = append(ss, sent{t, u.line, u.para})
			texts = append(texts, t)
		}
	}
	if len(ss) == 0 {
		return
	}
	// A real answer is a few dozen sentences. Past this many the rest
	// continues the last section placed, so a pathological input costs
	// time in proportion to its size and no more.
	const most = 2000
	var rest []sent
	if len(ss) > most {
		ss, rest, texts = ss[:most], ss[most:], texts[:most]
	}
	n := len(m.secs)
	read := sc.readSentences(texts, km)
	e := m.emissions(km, read, label)
	if !m.worthPlacing(read, e, label) {
		return
	}
	start := make([]float64, n)
	for j := 0; j < n; j++ {
		switch {
		case label != "":
			// A new label says a new part begins: most likely a later
			// section, and not one another label already holds.
			start[j] = labelStart(prev, j)
			if sc.accs[j].found && !sc.accs[j].inferred {
				start[j] += math.Log(0.3)
			}
		case prev >= 0:
			start[j] = transition(prev, j, false)
		case lean:
			start[j] = math.Log(0.5)
			if j > 0 {
				start[j] = math.Log(0.5/float64(n)) - 0.2*float64(j)
			}
		default:
			start[j] = -math.Log(float64(n))
		}
	}
	paras := make([]int, len(ss))
	for u := range ss {
		paras[u] = ss[u].para
	}
	path := viterbi(e, paras, start)
	// Runs of one section within a paragraph go in as one text.
	for u := 0; u < len(ss); {
		v := u
		var b strings.Builder
		for v < len(ss) && path[v] == path[u] && ss[v].para == ss[u].para {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(ss[v].text)
			v++
		}
		at := ss[u].line
		if u == 0 && label != "" {
			at = line
		}
		m.put(sc, path[u], b.String(), at, label)
		for k := u; k < v; k++ {
			sc.accs[path[u]].sure = max(sc.accs[path[u]].sure, math.Exp(e[k][path[u]]))
		}
		u = v
	}
	if len(rest) > 0 {
		var b strings.Builder
		for _, r := range rest {
			b.WriteString(r.text)
			b.WriteByte(' ')
		}
		m.put(sc, path[len(path)-1], strings.TrimSpace(b.String()), rest[0].line, label)
	}
}

// expAll turns log posteriors into posteriors.
func expAll(dst, logs []float64) []float64 {
	for _, l := range logs {
		dst = append(dst, math.Exp(l))
	}
	return dst
}

func argmax(xs []float64) int {
	best := 0
	for i, x := range xs {
		if x > xs[best] {
			best = i
		}
	}
	return best
}

func (m *matcher) reserve(id string) bool {
	for _, s := range m.secs {
		if s.ID == id {
			return s.Reserve
		}
	}
	return false
}

// Below this mean confidence, a stretch that shows no detector's mark is
// left unplaced rather than given to the likeliest section: "kind:
// design" before a YAML answer, "## Appendix" with raw notes under it.
const placeConfidence = 0.3

// worthPlacing reports whether a stretch of text says enough to be
// placed: some words, and either a detector's mark or a model that is
// fairly sure of it.
func (m *matcher) worthPlacing(ss []*sentence, e [][]float64, label string) bool {
	words := 0
	sure := 0.0
	for k, s := range ss {
		words += CountWords(s.text)
		f := &s.facts
		if f.Quantity.Found() || f.Alternative.Found() || f.Mistake.Found() || f.Reflection.Found() {
			return true
		}
		top := math.Inf(-1)
		for _, v := range e[k] {
			top = max(top, v)
		}
		sure += math.Exp(top)
	}
	if words < 4 {
		return false
	}
	return label == "" || sure/float64(len(ss)) >= placeConfidence
}

// viterbi returns the most likely section of each sentence, given each
// sentence's scores e, the paragraph each is in, and the log chance of
// each section for the first.
func viterbi(e [][]float64, paras []int, start []float64) []int {
	if len(e) == 0 {
		return nil
	}
	n := len(start)
	dp := make([][]float64, len(e))
	back := make([][]int, len(e))
	for u := range e {
		dp[u] = make([]float64, n)
		back[u] = make([]int, n)
	}
	for j := 0; j < n; j++ {
		dp[0][j] = start[j] + e[0][j]
	}
	for u := 1; u < len(e); u++ {
		same := paras[u] == paras[u-1]
		for j := 0; j < n; j++ {
			best, arg := math.Inf(-1), 0
			for i := 0; i < n; i++ {
				if v := dp[u-1][i] + transition(i, j, same); v > best {
					best, arg = v, i
				}
			}
			dp[u][j] = best + e[u][j]
			back[u][j] = arg
		}
	}
	path := make([]int, len(e))
	last := 0
	for j := 1; j < n; j++ {
		if dp[len(e)-1][j] > dp[len(e)-1][last] {
			last = j
		}
	}
	for u := len(e) - 1; u >= 0; u-- {
		path[u] = last
		last = back[u][last]
	}
	return path
}

// A part placed from wording alone is present only with some substance:
// half its rubric's word floor, or one sentence the model is sure of. A
// passing mention ("if the upload fails we retry") is not an edge-cases
// section, as a careful reader would not call it one.
const (
	faintShare = 0.5
	faintSure  = 0.7
)

func (m *matcher) dropFaint(sc *scanner) {
	for i := range sc.accs {
		a := &sc.accs[i]
		if !a.found || !a.inferred || a.sure == 0 {
			continue
		}
		if float64(a.words) < faintShare*float64(m.secs[i].MinWords) && a.sure < faintSure {
			*a = acc{}
		}
	}
}
