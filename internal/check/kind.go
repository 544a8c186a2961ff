package check

import (
	"fmt"
	"strings"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
)

// DefaultKind is the rubric for a write-up that names none.
const DefaultKind = "star"

// WithKind checks doc against kind, else the kind its front
// matter names, else DefaultKind. Commands that show reports their own way
// (prep story list, prep export) use it so they agree with prep check.
func WithKind(p *pack.Pack, doc *document.Doc, kind string) (Report, error) {
	if kind == "" {
		kind = doc.Kind
	}
	if kind == "" {
		kind = DefaultKind
	}
	rubric, ok := p.Rubric(kind)
	if !ok {
		return Report{}, fmt.Errorf("%s: front matter names kind %q, which prep does not know; use one of %s, or pass --kind",
			doc.Name, kind, strings.Join(p.RubricIDs(), ", "))
	}
	return Check(doc, rubric), nil
}

// Story checks a story of the workspace (doc as workspace.Story.Doc
// makes it) as prep check checks its file. A kind the pack does not know
// is an error that says how to fix the front matter.
func Story(p *pack.Pack, doc *document.Doc) (Report, error) {
	if k := doc.Kind; k != "" {
		if _, ok := p.Rubric(k); !ok {
			return Report{}, fmt.Errorf("%s: kind %q is not one prep knows; write one of %s after kind: in its front matter",
				doc.Name, k, strings.Join(p.RubricIDs(), ", "))
		}
	}
	return WithKind(p, doc, "")
}
