package sections

import (
	"cmp"
	_ "embed"
	"encoding/binary"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/wording"
)

// Unlabelled text is placed by a small naive Bayes model of how each
// section of each default rubric is worded, trained on the labelled
// sections of the corpus's tune slice (never its held-out slice) by
//
//	go generate ./internal/sections
//
// and embedded here. It is deterministic, offline and explainable: a
// sentence's score for a section is the sum of its words' weights, and
// the words that weigh most can be listed. Besides words, a sentence
// carries the marks of the wording detectors (a quantity, an
// alternative, a mistake, the candidate acting, a question), so the model
// learns which section each belongs to. Sections the model does not know
// (a company pack's own) are scored by their cues alone.

//go:generate go run ./internal/train -corpus ../check/testdata/corpus/tune -content ../../content -o model.bin

// The model is stored compactly and read in place: a magic line, then
// per rubric its section ids, their priors, its vocabulary sorted (the
// byte offset of each word, then the words), a hash table of the
// vocabulary and one float32 log-likelihood per word and section. Only
// the ids are decoded: finding a rubric's part and reading it costs the
// same whatever the vocabulary's size.
//
//go:embed model.bin
var modelBin string

const modelMagic = "prep naive bayes 3\n"

// Model is what the trainer counts: per rubric, its sections and how
// often each feature appeared in each.
type Model struct {
	Kinds map[string]*KindModel
}

// KindModel holds one rubric's counts.
type KindModel struct {
	Sections []string         // section ids, in the rubric's order
	Texts    []int            // training sentences per section
	Vocab    map[string][]int // feature → count per section
}

// alpha is the Laplace smoothing of the model's counts; 0.5 did best
// on the tune slice among 0.2, 0.5 and 1 (and than Dirichlet smoothing).
const alpha = 0.5

// Encode turns the counts into log-likelihoods and writes them in the
// embedded form.
func (m Model) Encode() []byte {
	var b []byte
	str := func(s string) {
		b = binary.LittleEndian.AppendUint16(b, uint16(len(s)))
		b = append(b, s...)
	}
	f32 := func(x float64) { b = binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(x))) }
	b = append(b, modelMagic...)
	kinds := slices.Sorted(maps.Keys(m.Kinds))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(kinds)))
	for _, kind := range kinds {
		km := m.Kinds[kind]
		n := len(km.Sections)
		str(kind)
		b = binary.LittleEndian.AppendUint32(b, uint32(n))
		for _, id := range km.Sections {
			str(id)
		}
		totals := make([]float64, n)
		for _, counts := range km.Vocab {
			for i, c := range counts {
				totals[i] += float64(c)
			}
		}
		texts := 0
		for _, t := range km.Texts {
			texts += t
		}
		for i := range km.Sections {
			f32(math.Log((float64(km.Texts[i]) + 1) / (float64(texts) + float64(n))))
		}
		words := slices.Sorted(maps.Keys(km.Vocab))
		v := float64(len(words))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(words)))
		size := 0
		for _, w := range words {
			size += 2 + len(w)
		}
		b = binary.LittleEndian.AppendUint32(b, uint32(size))
		off := 0
		for _, w := range words {
			b = binary.LittleEndian.AppendUint32(b, uint32(off))
			off += 2 + len(w)
		}
		for _, w := range words {
			str(w)
		}
		for _, slot := range hashTable(words) {
			b = binary.LittleEndian.AppendUint16(b, slot)
		}
		for _, w := range words {
			for i, c := range km.Vocab[w] {
				f32(math.Log((float64(c) + alpha) / (totals[i] + alpha*v)))
			}
		}
	}
	return b
}

// hashTable is the open-addressing table of a vocabulary, 1 + a word's
// index in the slot its hash names or the first free one after it, 0 in
// a free slot. It has at least twice as many slots as words, a power of
// two, so a search ends within a few slots.
func hashTable(words []string) []uint16 {
	if len(words) >= math.MaxUint16 {
		panic("sections: a vocabulary too large for the model's hash table")
	}
	slots := tableSize(len(words))
	t := make([]uint16, slots)
	for i, w := range words {
		h := wording.Hash(w) & uint32(slots-1)
		for t[h] != 0 {
			h = (h + 1) & uint32(slots-1)
		}
		t[h] = uint16(i + 1)
	}
	return t
}

// tableSize is the number of slots of the hash table of n words.
func tableSize(n int) int {
	slots := 1
	for slots < 2*n {
		slots *= 2
	}
	return slots
}

// kindWeights is one rubric's part of the embedded model.
type kindWeights struct {
	index map[string]int // section id → column
	prior []float64
	// The rest is read in place from the model's bytes, all little-endian:
	// decoding it would cost the first check of every run a walk over
	// thousands of words and 124 KB of heap.
	vocab int    // the number of words
	offs  string // vocab uint32s: where word i starts in words
	words string // the words, sorted, each a uint16 length and its bytes
	table string // the vocabulary's hash table (hashTable): uint16s
	w     string // vocab rows of len(prior) float32s
}

// word is the vocabulary's word i, or "" when the model's bytes are
// damaged there.
func (k *kindWeights) word(i int) string {
	o := 4 * i
	off := int(k.offs[o]) | int(k.offs[o+1])<<8 | int(k.offs[o+2])<<16 | int(k.offs[o+3])<<24
	if off+2 > len(k.words) {
		return ""
	}
	n := int(k.words[off]) | int(k.words[off+1])<<8
	if off+2+n > len(k.words) {
		return ""
	}
	return k.words[off+2 : off+2+n]
}

// row is one feature's weights, one per section.
type row string

// at is the weight for column j.
func (r row) at(j int) float32 {
	o := 4 * j
	return math.Float32frombits(uint32(r[o]) | uint32(r[o+1])<<8 | uint32(r[o+2])<<16 | uint32(r[o+3])<<24)
}

func (r row) len() int { return len(r) / 4 }

// lookup returns a feature's weights, one per section, if the model
// knows it.
func (k *kindWeights) lookup(f string) (row, bool) {
	i := k.find(f)
	if i < 0 {
		return "", false
	}
	return k.row(i), true
}

// find returns a feature's index in the vocabulary, or -1.
func (k *kindWeights) find(f string) int {
	slots := len(k.table) / 2
	h := wording.Hash(f) & uint32(slots-1)
	for range slots {
		i := int(k.table[2*h]) | int(k.table[2*h+1])<<8
		if i == 0 || i > k.vocab {
			return -1
		}
		if k.word(i-1) == f {
			return i - 1
		}
		h = (h + 1) & uint32(slots-1)
	}
	return -1
}

// row is the weights of the vocabulary's word i.
func (k *kindWeights) row(i int) row {
	n := 4 * len(k.prior)
	return row(k.w[i*n : i*n+n])
}

var (
	// models, set by UseModel, replaces the embedded model; nil means the
	// embedded one, decoded a rubric at a time.
	models map[string]*kindWeights

	modelOnce sync.Once
	embedded  map[string]*lazyKind
)

// lazyKind is one rubric's part of the embedded model, decoded on first
// use: a check against star reads star's weights, not the other five.
type lazyKind struct {
	once sync.Once
	seg  string // its bytes in the model
	w    *kindWeights
}

// modelFor returns the weights for kind, or nil when the model has none
// for it. A damaged model (it is built, not edited) leaves every rubric
// to its cues.
func modelFor(kind string) *kindWeights {
	if models != nil {
		return models[kind]
	}
	modelOnce.Do(func() {
		embedded = map[string]*lazyKind{}
		segs, err := splitModel(modelBin)
		if err != nil {
			return
		}
		for kind, seg := range segs {
			embedded[kind] = &lazyKind{seg: seg}
		}
	})
	lk := embedded[kind]
	if lk == nil {
		return nil
	}
	lk.once.Do(func() {
		if _, k, _, err := readKind(lk.seg, true); err == nil {
			lk.w = k
		}
	})
	return lk.w
}

var errDamagedModel error = &lazy.Error{Msg: "damaged model"}

// decodeModel decodes every rubric's part of an encoded model.
func decodeModel(s string) (map[string]*kindWeights, error) {
	s, kinds, err := modelHeader(s)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*kindWeights, kinds)
	for range kinds {
		var kind string
		var k *kindWeights
		if kind, k, s, err = readKind(s, true); err != nil {
			return nil, err
		}
		out[kind] = k
	}
	return out, nil
}

// splitModel finds each rubric's part of an encoded model without
// decoding it, checking that each part's sizes fit.
func splitModel(s string) (map[string]string, error) {
	s, kinds, err := modelHeader(s)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, kinds)
	for range kinds {
		seg := s
		var kind string
		if kind, _, s, err = readKind(s, false); err != nil {
			return nil, err
		}
		out[kind] = seg[:len(seg)-len(s)]
	}
	return out, nil
}

func modelHeader(s string) (rest string, kinds int, err error) {
	if !strings.HasPrefix(s, modelMagic) {
		return "", 0, errDamagedModel
	}
	s = s[len(modelMagic):]
	if len(s) < 4 {
		return "", 0, errDamagedModel
	}
	kinds = int(binary.LittleEndian.Uint32([]byte(s[:4])))
	if kinds > 64 {
		return "", 0, errDamagedModel
	}
	return s[4:], kinds, nil
}

// readKind reads one rubric's part at the start of s and returns what
// follows it; with decode false it only steps over it, allocating
// nothing, and k is nil.
func readKind(s string, decode bool) (kind string, k *kindWeights, rest string, err error) {
	bad := errDamagedModel
	u32 := func() (int, bool) {
		if len(s) < 4 {
			return 0, false
		}
		v := binary.LittleEndian.Uint32([]byte(s[:4]))
		s = s[4:]
		return int(v), true
	}
	str := func() (string, bool) {
		if len(s) < 2 {
			return "", false
		}
		n := int(binary.LittleEndian.Uint16([]byte(s[:2])))
		if len(s) < 2+n {
			return "", false
		}
		v := s[2 : 2+n]
		s = s[2+n:]
		return v, true
	}
	f32 := func() (float32, bool) {
		v, ok := u32()
		return math.Float32frombits(uint32(v)), ok
	}
	kind, ok1 := str()
	n, ok2 := u32()
	if !ok1 || !ok2 || n > 64 {
		return "", nil, "", bad
	}
	if decode {
		k = &kindWeights{index: make(map[string]int, n), prior: make([]float64, n)}
	}
	for i := range n {
		id, ok := str()
		if !ok {
			return "", nil, "", bad
		}
		if decode {
			k.index[id] = i
		}
	}
	for i := range n {
		p, ok := f32()
		if !ok {
			return "", nil, "", bad
		}
		if decode {
			k.prior[i] = float64(p)
		}
	}
	v, ok1 := u32()
	size, ok2 := u32()
	if !ok1 || !ok2 || v > len(s) || size > len(s) || len(s) < 4*v+size {
		return "", nil, "", bad
	}
	if decode {
		k.vocab, k.offs, k.words = v, s[:4*v], s[4*v:4*v+size]
	}
	s = s[4*v+size:]
	slots := tableSize(v)
	if len(s) < 2*slots {
		return "", nil, "", bad
	}
	if decode {
		k.table = s[:2*slots]
	}
	s = s[2*slots:]
	if len(s) < 4*v*n {
		return "", nil, "", bad
	}
	if decode {
		k.w = s[:4*v*n]
	}
	s = s[4*v*n:]
	return kind, k, s, nil
}

// Features are what the model reads of a sentence: its words, lower
// case, with numbers as one word, and the marks of the detectors.
func Features(sentence string) []string {
	r := wording.NewReading(sentence)
	return appendFeatures(make([]string, 0, 24), sentence, &r)
}

// appendFeatures appends to dst the features of sentence, which r reads.
func appendFeatures(dst []string, sentence string, r *wording.Reading) []string {
	dst = appendFeatureWords(dst, sentence)
	for i := range marks {
		if showsMark(r, i) {
			dst = append(dst, marks[i])
		}
	}
	return dst
}

// appendFeatureWords appends to dst the words of a sentence's features:
// runs of letters, digits and apostrophes, lower case, without
// apostrophes at either end, any with a digit "<num>". Most sentences are
// ASCII: lowered once, their words are slices of that. In others a word
// is lowered on its own.
func appendFeatureWords(dst []string, sentence string) []string {
	low := ""
	if isASCII(sentence) {
		low = strings.ToLower(sentence)
	}
	for i := 0; i < len(sentence); {
		j, lower, digit := i, false, false
		for j < len(sentence) {
			c := sentence[j]
			if c < utf8.RuneSelf {
				if !asciiAlnum[c] && c != '\'' {
					break
				}
				lower = lower || 'A' <= c && c <= 'Z'
				digit = digit || isDigit(c)
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(sentence[j:])
			if r = unicode.ToLower(r); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			lower = true
			j += size
		}
		if j == i {
			_, size := utf8.DecodeRuneInString(sentence[i:])
			i += size
			continue
		}
		start, end := i, j
		i = j
		for start < end && sentence[start] == '\'' {
			start++
		}
		for end > start && sentence[end-1] == '\'' {
			end--
		}
		w := sentence[start:end]
		switch {
		case w == "":
			continue
		case digit:
			w = "<num>"
		case low != "":
			w = low[start:end]
		case lower:
			w = strings.ToLower(w)
		}
		dst = append(dst, w)
	}
	return dst
}

// marks are the detectors' marks, in the order a sentence's features
// list them after its words.
var marks = [...]string{"<qty>", "<alt>", "<mistake>", "<iact>", "<we>", "<q>", "<aim>"}

// showsMark reports whether the sentence r reads shows marks[i].
func showsMark(r *wording.Reading, i int) bool {
	switch marks[i] {
	case "<qty>":
		return r.Quantity().Found()
	case "<alt>":
		return r.Alternative().Found()
	case "<mistake>":
		return r.ClearMistake().Found()
	case "<iact>":
		own, _ := r.Voice()
		return own > 0
	case "<we>":
		own, group := r.Voice()
		return own == 0 && group > 0
	case "<q>":
		return r.Question()
	case "<aim>":
		return r.Intent()
	}
	return false
}

// sentence is one sentence read once: its facts and what the model makes
// of it.
type sentence struct {
	text  string
	facts wording.Facts
	// scored is the model's prior plus the weights of the sentence's
	// features, one per section of the matcher; nil without a model.
	scored []float64
}

// readSentences reads texts, and scores them with the model km unless it
// is nil, each sentence once a write-up: looking inside the sections for
// a missing one reads again the very sentences placing them read, cut
// from the text they were placed in.
func (sc *scanner) readSentences(texts []string, km *kindWeights) []*sentence {
	if sc.read == nil {
		sc.read = make(map[string]*sentence, 64)
	}
	var col []int
	if km != nil {
		col = sc.m.columns(km)
	}
	out := make([]*sentence, len(texts))
	for i, t := range texts {
		s, ok := sc.read[t]
		if !ok {
			sc.reading.Reset(t)
			s = &sentence{text: t, facts: sc.reading.Facts()}
			if km != nil {
				s.scored = make([]float64, len(col))
				for j := range col {
					s.scored[j] = km.prior[col[j]]
				}
				sc.feats = appendFeatures(sc.feats[:0], t, &sc.reading)
				km.weigh(col, s.scored, sc.feats)
			}
			sc.read[t] = s
		}
		out[i] = s
	}
	return out
}

// readings are the memory Explain reads a section's text in, which is
// long: its tokens are made once, not once a section.
var readings = sync.Pool{New: func() any { return new(wording.Reading) }}

// Explain lists the words of a sentence that weigh most for section id
// against the others, strongest first: what decided, in the model's
// terms. It returns nothing for a rubric the model does not know.
func Explain(kind, id, sentence string, n int) []string {
	km := modelFor(kind)
	if km == nil {
		return nil
	}
	c, ok := km.index[id]
	if !ok {
		return nil
	}
	type weighed struct {
		f string
		w float64
	}
	var ws []weighed
	seen := make([]uint64, (km.vocab+63)/64) // by index in the vocabulary
	// weight is the weight of the vocabulary's word i for the section
	// against the mean of all.
	weight := func(i int) float64 {
		w := km.row(i)
		mean := 0.0
		for j := range w.len() {
			mean += float64(w.at(j))
		}
		mean /= float64(w.len())
		return float64(w.at(c)) - mean
	}
	for _, f := range appendFeatureWords(nil, sentence) {
		i := km.find(f)
		if i < 0 || seen[i/64]&(1<<(i%64)) != 0 {
			continue
		}
		seen[i/64] |= 1 << (i % 64)
		if d := weight(i); d > 0 {
			ws = append(ws, weighed{f, d})
		}
	}
	// The marks come after the words, so a word weighing as much goes
	// first: a mark is read for only when fewer than n words outweigh
	// it, since otherwise it cannot be listed. A section's text is long,
	// and reading it all for every detector cost most of an explanation.
	r := readings.Get().(*wording.Reading)
	defer readings.Put(r)
	r.Reset(sentence)
	for i, f := range marks {
		k := km.find(f)
		if k < 0 {
			continue
		}
		d := weight(k)
		if d <= 0 {
			continue
		}
		ahead := 0
		for _, w := range ws {
			if w.w >= d {
				ahead++
			}
		}
		if ahead < n && showsMark(r, i) {
			ws = append(ws, weighed{f, d})
		}
	}
	slices.SortStableFunc(ws, func(a, b weighed) int { return cmp.Compare(b.w, a.w) })
	var out []string
	for _, w := range ws[:min(n, len(ws))] {
		out = append(out, w.f)
	}
	return out
}
