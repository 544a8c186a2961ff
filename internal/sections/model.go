package sections

import (
	_ "embed"
	"encoding/json"
	"math"
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
	const alpha = 0.5
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
	if f.Mistake.Found() {
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
