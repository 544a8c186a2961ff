// Command train builds the sections package's model from the labelled
// sections of a corpus slice: the text under every label that names a
// rubric section, sentence by sentence, plus each section's own cues,
// question and guidance from the content pack. Run it through go
// generate; it reads only the slice it is given (the tune slice, never
// the held-out one).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sections"
	"github.com/prepcli/prep/internal/wording"
)

func main() {
	corpus := flag.String("corpus", "", "the corpus slice to learn from")
	content := flag.String("content", "", "the content pack whose rubrics to model")
	out := flag.String("o", "model.bin", "where to write the model")
	flag.Parse()
	if err := run(*corpus, *content, *out); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(corpus, content, out string) error {
	p, err := pack.LoadParts(pack.PartRubrics|pack.PartMeta, pack.Dir(content))
	if err != nil {
		return err
	}
	m := sections.Model{Kinds: map[string]*sections.KindModel{}}
	add := func(kind, sec, text string) {
		km := m.Kinds[kind]
		i := slices.Index(km.Sections, sec)
		if i < 0 {
			return
		}
		for _, s := range wording.Sentences(text) {
			km.Texts[i]++
			for _, f := range sections.Features(s) {
				c := km.Vocab[f]
				if c == nil {
					c = make([]int, len(km.Sections))
					km.Vocab[f] = c
				}
				c[i]++
			}
		}
	}
	for _, id := range p.RubricIDs() {
		r, _ := p.Rubric(id)
		km := &sections.KindModel{Vocab: map[string][]int{}}
		for _, s := range r.Sections {
			km.Sections = append(km.Sections, s.ID)
		}
		km.Texts = make([]int, len(km.Sections))
		m.Kinds[id] = km
		for _, s := range r.Sections {
			add(id, s.ID, s.Question+"\n"+strings.Join(s.Cues, ".\n"))
		}
	}
	labels, err := filepath.Glob(filepath.Join(corpus, "*.yaml"))
	if err != nil {
		return err
	}
	used := 0
	for _, name := range labels {
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		var l struct {
			Kind string `yaml:"kind"`
		}
		if err := yaml.Unmarshal(data, &l); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		r, ok := p.Rubric(l.Kind)
		if !ok {
			continue
		}
		doc, err := document.ReadFile(strings.TrimSuffix(name, ".yaml") + ".md")
		if err != nil {
			return err
		}
		for _, s := range sections.FindMarked(doc, r).Sections {
			if s.Inferred || s.Within != "" || s.Empty || s.Label == "" {
				continue
			}
			add(l.Kind, s.ID, s.Text)
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
	fmt.Fprintf(os.Stderr, "train: %d labelled sections from %s\n", used, corpus)
	return os.WriteFile(out, m.Encode(), 0o644)
}
