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
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sections"
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
	var rubrics []*pack.Rubric
	for _, id := range p.RubricIDs() {
		r, _ := p.Rubric(id)
		rubrics = append(rubrics, r)
	}
	labels, err := filepath.Glob(filepath.Join(corpus, "*.yaml"))
	if err != nil {
		return err
	}
	var examples []sections.Example
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
		doc, err := document.ReadFile(strings.TrimSuffix(name, ".yaml") + ".md")
		if err != nil {
			return err
		}
		examples = append(examples, sections.Example{Kind: l.Kind, Doc: doc})
	}
	m, used := sections.Train(rubrics, examples)
	fmt.Fprintf(os.Stderr, "train: %d labelled sections from %s\n", used, corpus)
	return os.WriteFile(out, m.Encode(), 0o644)
}
