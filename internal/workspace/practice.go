package workspace

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/text"
	"gopkg.in/yaml.v3"
)

// PracticeDir holds the answers to practice scenarios (prep technical):
// Markdown with front matter like stories, checked like them, but kept
// apart so that prep story list and the ranks stay about the candidate's
// own stories.
const PracticeDir = "practice"

// Practice is one practice answer, practice/<name>: front matter and a
// Markdown body. Prep owns the keys it sets and keeps every other key,
// comment and the body's other text as the candidate wrote them.
type Practice struct {
	Path string
	// Body is the Markdown after the front matter, with \n line ends.
	Body string

	doc  *yaml.Node
	crlf bool
}

// Practice reads practice/<name>. A file not there yet is an empty
// Practice, to fill and save with EditPractice; one that does not parse
// is a ParseError, and prep leaves it as it is.
func (w *Workspace) Practice(name string) (*Practice, error) {
	path, err := w.practicePath(name)
	if err != nil {
		return nil, err
	}
	data, _, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return parsePractice(path, data)
}

// EditPractice reads practice/<name> afresh, lets edit change it, and
// writes it atomically, all under the workspace's lock: edits made in an
// editor between two calls are kept. created is set the first time and
// updated each time. A file that does not parse is not touched (a
// ParseError, Refused), nor is anything written when edit fails.
func (w *Workspace) EditPractice(name string, edit func(*Practice) error) error {
	path, err := w.practicePath(name)
	if err != nil {
		return err
	}
	unlock, err := w.Lock()
	if err != nil {
		return err
	}
	defer unlock()
	data, _, err := readFile(path)
	if err != nil {
		return refused(err)
	}
	p, err := parsePractice(path, data)
	if err != nil {
		return refused(err)
	}
	if err := edit(p); err != nil {
		return err
	}
	now := w.now().Round(0).Truncate(time.Second)
	if _, ok := p.Field("created"); !ok {
		p.SetField("created", now)
	}
	p.SetField("updated", now)
	if err := w.ensureDir(PracticeDir); err != nil {
		return err
	}
	out, err := p.encode()
	if err != nil {
		return err
	}
	return writeAtomic(path, out)
}

// practicePath allows only a plain Markdown file name, so a name can
// never reach outside practice/.
func (w *Workspace) practicePath(name string) (string, error) {
	if name == "" || name != filepath.Base(name) || !filepath.IsLocal(name) || strings.ContainsAny(name, `/\`) || !isStoryFile(name) {
		return "", fmt.Errorf("practice file name %s is not a plain .md file name; this is a bug in prep, please report it", strconv.Quote(name))
	}
	return w.path(PracticeDir + "/" + name), nil
}

func parsePractice(path string, data []byte) (*Practice, error) {
	p := &Practice{Path: path}
	if len(strings.TrimSpace(string(data))) == 0 {
		return p, nil
	}
	// A story and a practice answer are read alike; only their home and
	// the keys prep sets in them differ.
	s, err := parseStory(path, data)
	if err != nil {
		return nil, err
	}
	p.Body, p.doc, p.crlf = s.Body, s.doc, s.crlf
	return p, nil
}

// Field returns a front matter key's text; ok is false when the key is
// absent or its value is not a plain scalar.
func (p *Practice) Field(key string) (string, bool) {
	if p.doc == nil {
		return "", false
	}
	m := frontMap(p.doc)
	if m == nil {
		return "", false
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			v := m.Content[i+1]
			if v.Kind == yaml.AliasNode && v.Alias != nil {
				v = v.Alias
			}
			if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
				return "", false
			}
			return v.Value, true
		}
	}
	return "", false
}

// SetField sets a front matter key, in place when it is there and at the
// end when not. value is a string, an int, a []string (written as a
// flow list, [a, b]) or a time.Time; a nil value removes the key.
func (p *Practice) SetField(key string, value any) {
	if p.doc == nil {
		p.doc = &yaml.Node{Kind: yaml.DocumentNode}
		// The front matter is new: a blank line under it reads better.
		if p.Body != "" && !strings.HasPrefix(p.Body, "\n") {
			p.Body = "\n" + p.Body
		}
	}
	m := frontMap(p.doc)
	if m == nil {
		m = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		p.doc.Content = []*yaml.Node{m}
	}
	var v *yaml.Node
	switch x := value.(type) {
	case nil:
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
				m.Content = append(m.Content[:i], m.Content[i+2:]...)
				return
			}
		}
		return
	case string:
		v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: text.OneLine(x)}
	case int:
		v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(x)}
	case time.Time:
		v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: x.Format(time.RFC3339)}
	case []string:
		v = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, s := range x {
			v.Content = append(v.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s})
		}
	default:
		// Only prep calls this, with the types above.
		v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: fmt.Sprint(x)}
	}
	if v.Kind == yaml.SequenceNode {
		// setKey keeps an unchanged scalar as written; a list is replaced.
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
				old := m.Content[i+1]
				v.HeadComment, v.LineComment, v.FootComment = old.HeadComment, old.LineComment, old.FootComment
				if old.Anchor != "" {
					unalias(p.doc, old)
				}
				m.Content[i+1] = v
				return
			}
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
		return
	}
	setKey(p.doc, m, key, v)
}

// Section returns the text of section id of rubric r, as Story.Section.
func (p *Practice) Section(r *pack.Rubric, id string) (string, bool) {
	return sectionText(p.Body, r, id)
}

// SetSection sets the text of section id of rubric r in memory, as
// Workspace.SetSection does in a story; EditPractice saves it. The error
// is for a section the rubric does not have.
func (p *Practice) SetSection(r *pack.Rubric, id, text string) error {
	body, err := setSection(p.Body, r, id, text)
	if err != nil {
		return err
	}
	p.Body = body
	return nil
}

func (p *Practice) encode() ([]byte, error) {
	var b strings.Builder
	if p.doc != nil {
		var front strings.Builder
		enc := yaml.NewEncoder(&front)
		enc.SetIndent(2)
		// Encoding a tree parsed from YAML cannot fail short of a bug in
		// yaml.v3; if it does, the file stays as it was.
		if err := safely(func() error { return enc.Encode(p.doc) }); err != nil || enc.Close() != nil {
			return nil, fmt.Errorf("%s: cannot write its front matter back; this is a bug in prep, please report it", p.Path)
		}
		b.WriteString("---\n")
		b.WriteString(front.String())
		b.WriteString("---\n")
	}
	b.WriteString(p.Body)
	out := b.String()
	if p.crlf {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	return []byte(out), nil
}
