package sections

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/lazy"
)

// findYAML takes every mapping key, at any depth, that names a section.
// It reports false when no key does, so the file is read as text instead
// (an answer pasted as one block under "story: |" still has its headings).
func (m *matcher) findYAML(doc *document.Doc) (Result, bool) {
	y := yamlWalk{gather: newGather(len(m.secs)), m: m}
	for _, n := range doc.YAML {
		y.walk(n, false)
	}
	if !y.marked {
		return Result{}, false
	}
	first := 1
	for i, l := range strings.Split(doc.Body, "\n") {
		if !blankLine(l) {
			first = i + 1
			break
		}
	}
	return Result{Sections: y.collect(m), Words: y.words, FirstLine: first}, true
}

var frontKeys = lazy.Value[map[string]bool]{F: func() map[string]bool {
	return map[string]bool{
		"title": true, "kind": true, "rank": true, "panel": true, "created": true, "updated": true,
	}
}}

type yamlWalk struct {
	gather
	m      *matcher
	marked bool
	words  int
}

// walk never follows an alias into a mapping or sequence: the parsed tree
// is small even when its expansion (an alias bomb) would not be.
func (y *yamlWalk) walk(n *yaml.Node, top bool) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			y.walk(c, true)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			y.walk(c, false)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode {
				if s, ok := y.m.label(k.Value); ok {
					y.marked = true
					y.mark(s, k.Value, k.Line)
					if text := strings.TrimSpace(scalarText(v)); text != "" {
						y.add(s, text, CountWords(text), "\n\n")
					}
				}
			}
			if top && frontKeys.Get()[k.Value] {
				continue // kind, title, …: about the answer, not part of it
			}
			y.walk(v, false)
		}
	case yaml.ScalarNode:
		y.words += CountWords(n.Value)
	}
}

// scalarText is the text under a key: a scalar's value, or the values
// below a list or mapping, one per line.
func scalarText(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.ScalarNode:
			if n.Tag == "!!null" {
				return
			}
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(n.Value)
		case yaml.AliasNode:
			if n.Alias != nil && n.Alias.Kind == yaml.ScalarNode {
				walk(n.Alias)
			}
		default:
			for _, c := range n.Content {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}
