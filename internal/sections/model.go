package sections

import (
	"cmp"
	_ "embed"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

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

//go:generate go run ./internal/train -corpus ../check/testdata/corpus/tune -content ../../content -o model.json

//go:embed model.json
var modelJSON []byte

// Model is the trained file's shape; the trainer writes it.
type Model struct {
	Kinds map[string]*KindModel `json:"kinds"`
}

// KindModel holds one rubric's counts.
type KindModel struct {
	Sections []string         `json:"sections"` // section ids, in the rubric's order
	Texts    []int            `json:"texts"`    // training sentences per section
	Vocab    map[string][]int `json:"vocab"`    // feature → count per section
}

// alpha is the Laplace smoothing of the model's counts; 0.5 did best
// on the tune slice among 0.2, 0.5 and 1 (and than Dirichlet smoothing).
const alpha = 0.5

// kindWeights is a KindModel turned into log-likelihoods.
type kindWeights struct {
	index   map[string]int // section id → column
	prior   []float64
	weights map[string][]float64
	unseen  []float64 // the weight of a word a section never had
}

var (
	modelOnce sync.Once
	models    map[string]*kindWeights
)

// loadModel reads the embedded model on first use, so a command that
// never infers pays nothing for it.
func loadModel() map[string]*kindWeights {
	modelOnce.Do(func() {
		var m Model
		if err := json.Unmarshal(modelJSON, &m); err != nil {
			models = map[string]*kindWeights{}
			return
		}
		models = make(map[string]*kindWeights, len(m.Kinds))
		for kind, km := range m.Kinds {
			models[kind] = km.weights()
		}
	})
	return models
}

func (km *KindModel) weights() *kindWeights {
	n := len(km.Sections)
	w := &kindWeights{index: map[string]int{}, prior: make([]float64, n), weights: make(map[string][]float64, len(km.Vocab)), unseen: make([]float64, n)}
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
	v := float64(len(km.Vocab))
	for i, id := range km.Sections {
		w.index[id] = i
		w.prior[i] = math.Log((float64(km.Texts[i]) + 1) / (float64(texts) + float64(n)))
		w.unseen[i] = math.Log(alpha / (totals[i] + alpha*v))
	}
	for f, counts := range km.Vocab {
		ws := make([]float64, n)
		for i, c := range counts {
			ws[i] = math.Log((float64(c) + alpha) / (totals[i] + alpha*v))
		}
		w.weights[f] = ws
	}
	return w
}

// Features are what the model reads of a sentence: its words, lower
// case, with numbers as one word, and the marks of the detectors.
func Features(sentence string) []string { return features(sentence, wording.Read(sentence)) }

func features(sentence string, f wording.Facts) []string {
	out := make([]string, 0, 24)
	for _, w := range strings.FieldsFunc(strings.ToLower(sentence), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		w = strings.Trim(w, "'")
		if w == "" {
			continue
		}
		if strings.ContainsAny(w, "0123456789") {
			w = "<num>"
		}
		out = append(out, w)
	}
	if f.Quantity.Found() {
		out = append(out, "<qty>")
	}
	if f.Alternative.Found() {
		out = append(out, "<alt>")
	}
	if f.ClearMistake.Found() {
		out = append(out, "<mistake>")
	}
	switch {
	case f.Own > 0:
		out = append(out, "<iact>")
	case f.Group > 0:
		out = append(out, "<we>")
	}
	if f.Question {
		out = append(out, "<q>")
	}
	return out
}

// sentence is one sentence read once: its facts and its features.
type sentence struct {
	text  string
	facts wording.Facts
	feats []string
}

func readSentences(texts []string) []sentence {
	out := make([]sentence, len(texts))
	for i, t := range texts {
		f := wording.Read(t)
		out[i] = sentence{text: t, facts: f, feats: features(t, f)}
	}
	return out
}

// Explain lists the words of a sentence that weigh most for section id
// against the others, strongest first: what decided, in the model's
// terms. It returns nothing for a rubric the model does not know.
func Explain(kind, id, sentence string, n int) []string {
	km := loadModel()[kind]
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
	seen := map[string]bool{}
	for _, f := range Features(sentence) {
		w, ok := km.weights[f]
		if !ok || seen[f] {
			continue
		}
		seen[f] = true
		mean := 0.0
		for _, x := range w {
			mean += x
		}
		mean /= float64(len(w))
		if d := w[c] - mean; d > 0 {
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
