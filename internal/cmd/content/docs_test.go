package content

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/prepcli/prep/internal/pack"
)

// docSection is one heading of docs/content-packs.md and what is under it,
// down to the next heading of the same or a higher level.
type docSection struct {
	heading string
	body    string
}

func docSections(doc string) []docSection {
	lines := strings.Split(doc, "\n")
	var out []docSection
	fence := false
	for i, l := range lines {
		if strings.HasPrefix(l, "```") {
			fence = !fence
		}
		if fence || !strings.HasPrefix(l, "#") {
			continue
		}
		level := len(l) - len(strings.TrimLeft(l, "#"))
		end := len(lines)
		inner := false
		for j := i + 1; j < len(lines); j++ {
			if strings.HasPrefix(lines[j], "```") {
				inner = !inner
			}
			if !inner && strings.HasPrefix(lines[j], "#") && len(lines[j])-len(strings.TrimLeft(lines[j], "#")) <= level {
				end = j
				break
			}
		}
		out = append(out, docSection{l, strings.Join(lines[i+1:end], "\n")})
	}
	return out
}

// schemaType is a struct of the pack schema and the YAML key that first
// leads to it from the top of a file.
type schemaType struct {
	key string
	typ reflect.Type
}

func schemaTypes() []schemaType {
	var out []schemaType
	seen := map[reflect.Type]bool{}
	var walk func(key string, t reflect.Type)
	walk = func(key string, t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		out = append(out, schemaType{key, t})
		for _, f := range reflect.VisibleFields(t) {
			if k := yamlKey(f); k != "" {
				walk(k, f.Type)
			}
		}
	}
	walk("", reflect.TypeFor[pack.File]())
	return out
}

func yamlKey(f reflect.StructField) string {
	tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
	if tag == "-" || !f.IsExported() {
		return ""
	}
	return tag
}

// docs/content-packs.md is the authors' reference: every YAML key of the
// schema must be described there, under the heading of the entry that
// holds it, so adding a field to schema.go without documenting it fails.
func TestContentPackDocCoversSchema(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "content-packs.md"))
	if err != nil {
		t.Fatal(err)
	}
	sections := docSections(string(b))
	for _, st := range schemaTypes() {
		var sec *docSection
		for i := range sections {
			if st.key == "" || strings.Contains(sections[i].heading, "`"+st.key+"`") {
				sec = &sections[i]
				break
			}
		}
		if st.key == "" {
			// The top of a file: its keys are the headings themselves.
			for _, f := range reflect.VisibleFields(st.typ) {
				if k := yamlKey(f); k != "" && !strings.Contains(string(b), "## `"+k+"`") {
					t.Errorf("docs/content-packs.md has no \"## `%s`\" heading for the top-level key", k)
				}
			}
			continue
		}
		if sec == nil {
			t.Errorf("docs/content-packs.md has no heading naming `%s` (the %s entries)", st.key, st.typ.Name())
			continue
		}
		for _, f := range reflect.VisibleFields(st.typ) {
			k := yamlKey(f)
			if k == "" {
				continue
			}
			if !strings.Contains(sec.body, "`"+k+"`") {
				t.Errorf("docs/content-packs.md, section %q: %s field `%s` is not described", sec.heading, st.typ.Name(), k)
			}
		}
	}
}
