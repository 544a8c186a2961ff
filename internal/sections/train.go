package sections

import (
	"slices"
	"strings"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/wording"
)

// Example is one labelled write-up to learn from: its kind and its text.
type Example struct {
	Kind string
	Doc  *document.Doc
}

// Train counts, for each rubric, the features of the text under every
// label that names one of its sections (FindMarked: nothing placed by an
// earlier model), plus each section's own question and cues. It returns
// the model and how many labelled sections it learnt from.
func Train(rubrics []*pack.Rubric, examples []Example) (Model, int) {
	m := Model{Kinds: map[string]*KindModel{}}
	add := func(kind, sec, text string) {
		km := m.Kinds[kind]
		i := slices.Index(km.Sections, sec)
		if i < 0 {
			return
		}
		for _, s := range wording.Sentences(text) {
			km.Texts[i]++
			for _, f := range Features(s) {
				c := km.Vocab[f]
				if c == nil {
					c = make([]int, len(km.Sections))
					km.Vocab[f] = c
				}
				c[i]++
			}
		}
	}
	byKind := map[string]*pack.Rubric{}
	for _, r := range rubrics {
		byKind[r.ID] = r
		km := &KindModel{Vocab: map[string][]int{}}
		for _, s := range r.Sections {
			km.Sections = append(km.Sections, s.ID)
		}
		km.Texts = make([]int, len(km.Sections))
		m.Kinds[r.ID] = km
		for _, s := range r.Sections {
			add(r.ID, s.ID, s.Question+"\n"+strings.Join(s.Cues, ".\n"))
		}
	}
	used := 0
	for _, ex := range examples {
		r := byKind[ex.Kind]
		if r == nil {
			continue
		}
		for _, s := range FindMarked(ex.Doc, r).Sections {
			if s.Inferred || s.Within != "" || s.Empty || s.Label == "" {
				continue
			}
			add(ex.Kind, s.ID, s.Text)
			used++
		}
	}
	// Words seen once are noise at this size; the detectors' marks stay.
	for _, km := range m.Kinds {
		for f, c := range km.Vocab {
			n := 0
			for _, x := range c {
				n += x
			}
			if n < 2 && !strings.HasPrefix(f, "<") {
				delete(km.Vocab, f)
			}
		}
	}
	return m, used
}

// UseModel replaces the embedded model with an encoded one until restore
// is called: the accuracy test cross-validates with it, training on part
// of the tune slice and checking the rest. Not safe while checks run.
func UseModel(encoded []byte) (restore func(), err error) {
	m, err := decodeModel(string(encoded))
	if err != nil {
		return nil, err
	}
	old := models
	models = m
	return func() { models = old }, nil
}
