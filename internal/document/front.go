package document

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/yamlerr"
)

// parseFront splits a --- front matter block off the top of a Markdown
// write-up and reads the keys prep knows from it.
func (d *Doc) parseFront(text string) error {
	d.Body = text
	first, _, ok := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t") != "---" || !ok {
		return nil
	}
	// Line 1 is the opening ---; the YAML starts on line 2.
	line := 2
	start := len(first) + 1
	for pos := start; pos <= len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		next := len(text) + 1
		if end >= 0 {
			end += pos
			next = end + 1
		} else {
			end = len(text)
		}
		if l := strings.TrimRight(text[pos:end], " \t"); l == "---" || l == "..." {
			d.HasFront = true
			d.BodyLine = line + 1
			if next <= len(text) {
				d.Body = text[next:]
			} else {
				d.Body = ""
			}
			return d.readFront(text[start:pos])
		}
		line++
		pos = next
	}
	return fmt.Errorf("%s:1: front matter has no closing ---; end it with a line of --- or remove the opening one", d.Name)
}

// readFront reads the front matter's YAML, the plain shape prep writes
// without the parser, anything else with it.
func (d *Doc) readFront(src string) error {
	if f, ok := fastFront(src); ok {
		d.Front = f
		return nil
	}
	return d.readFrontYAML(src)
}

// readFrontYAML reads front matter with the YAML parser, which also says
// what is wrong with it and where.
func (d *Doc) readFrontYAML(src string) error {
	const fix = "fix it or remove the --- block"
	var n yaml.Node
	if err := safely(func() error { return yaml.Unmarshal([]byte(src), &n) }); err != nil {
		line, msg := yamlError([]byte(src), err)
		return fmt.Errorf("%s:%d: front matter is not valid YAML: %s; %s", d.Name, line+1, msg, fix)
	}
	if len(n.Content) == 0 {
		return nil // an empty block says nothing, and that is fine
	}
	if line, msg := vet(&n, 1); msg != "" {
		if line == 0 {
			line = 1 // the opening --- is the best place to point at
		}
		return fmt.Errorf("%s:%d: front matter is not valid YAML: %s; %s", d.Name, line, msg, fix)
	}
	top := n.Content[0]
	if top.Kind != yaml.MappingNode {
		if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
			return nil
		}
		return fmt.Errorf("%s:%d: front matter is not a list of key: value lines; %s", d.Name, top.Line+1, fix)
	}
	f, err := decodeFront(d.Name, "front matter ", top, 1)
	d.Front = f
	if err != nil {
		return err
	}
	return misspelt(d.Name, top, 1)
}

// frontKeys are the keys prep reads in front matter.
var frontKeys = []string{"title", "kind", "rank", "panel", "created", "updated"}

// misspelt refuses a front matter key that is one of prep's misspelt
// ("ranking", "Title", "titel"): read as the candidate's own key it would
// be ignored in silence, and the story would lose its rank or title. Keys
// far from prep's (tags, notes) are the candidate's own, and kept.
func misspelt(name string, m *yaml.Node, off int) error {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		if known := nearKey(k.Value); known != "" {
			return fmt.Errorf("%s:%d: front matter key %q is not one prep reads; write %s: if you meant it, or give your own key a name further from %s",
				name, k.Line+off, short(k.Value), known, known)
		}
	}
	return nil
}

// nearKey is the front matter key prep reads that key looks like a
// misspelling of, or "" when key is one of them or nothing like them:
// the same in another case, with an ending added (ranking, titles,
// created_at; not created_by), or one letter off or two swapped.
func nearKey(key string) string {
	if slices.Contains(frontKeys, key) || len(key) > 64 {
		return ""
	}
	lower := strings.ToLower(key)
	for _, k := range frontKeys {
		switch {
		case lower == k:
			return k
		case strings.HasPrefix(lower, k) && slices.Contains(keyEndings, lower[len(k):]):
			return k
		case editDistance(lower, k) <= 1:
			return k
		}
	}
	return ""
}

// keyEndings turn one of prep's keys into a likely misspelling of it.
var keyEndings = []string{"s", "ed", "ing", "_at", "-at", "at", "_on", "-on"}

// editDistance counts the letters to add, remove or change, or the
// neighbours to swap, to turn a into b (optimal string alignment).
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// parseYAML reads a YAML file of answers: every document in it, and the
// keys prep knows (kind, title, …) from the top of the first.
func (d *Doc) parseYAML(text string) error {
	d.Body = text
	dec := yaml.NewDecoder(strings.NewReader(text))
	for {
		n := new(yaml.Node)
		err := safely(func() error { return dec.Decode(n) })
		if errors.Is(err, io.EOF) {
			break
		}
		line, msg := 0, ""
		if err != nil {
			line, msg = yamlError([]byte(text), err)
		} else {
			line, msg = vet(n, 0)
		}
		if msg != "" {
			return fmt.Errorf("%s:%d: not valid YAML: %s; fix it, or save the answer as .md", d.Name, max(line, 1), msg)
		}
		d.YAML = append(d.YAML, n)
	}
	if len(d.YAML) == 0 || len(d.YAML[0].Content) == 0 || d.YAML[0].Content[0].Kind != yaml.MappingNode {
		return nil
	}
	f, err := decodeFront(d.Name, "", d.YAML[0].Content[0], 0)
	d.Front = f
	return err
}

// vet finds what yaml.v3 refuses only when decoding, without decoding: a
// key repeated in one mapping, and aliases that would expand far beyond
// the file (an alias bomb). Decoding would compare every key of a mapping
// with every other and list every repeat, which a file of many keys turns
// into minutes and gigabytes; this walk is linear. off is added to the
// YAML's line numbers to give the file's; line is 0 when there is none.
func vet(root *yaml.Node, off int) (line int, msg string) {
	var nodes int64
	var walk func(n *yaml.Node) (int, string)
	walk = func(n *yaml.Node) (int, string) {
		nodes++
		if n.Kind == yaml.MappingNode {
			seen := make(map[string]int, len(n.Content)/2)
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if k.Kind != yaml.ScalarNode {
					continue
				}
				if first, ok := seen[k.Value]; ok {
					return k.Line + off, fmt.Sprintf("mapping key %q already defined at line %d", k.Value, first+off)
				}
				seen[k.Value] = k.Line
			}
		}
		if n.Kind == yaml.AliasNode {
			return 0, ""
		}
		for _, c := range n.Content {
			if line, msg := walk(c); msg != "" {
				return line, msg
			}
		}
		return 0, ""
	}
	if line, msg := walk(root); msg != "" {
		return line, msg
	}
	// How many nodes the aliases would expand into, each counted once.
	sizes := make(map[*yaml.Node]int64)
	var size func(n *yaml.Node) int64
	size = func(n *yaml.Node) int64 {
		if n == nil {
			return 0
		}
		if s, ok := sizes[n]; ok {
			return s
		}
		sizes[n] = 1 // an anchor inside itself counts once, not forever
		s := int64(1)
		if n.Kind == yaml.AliasNode {
			s += size(n.Alias)
		}
		for _, c := range n.Content {
			s = min(s+size(c), 1<<50)
		}
		sizes[n] = s
		return s
	}
	if expanded := size(root); expanded > 1_000_000 || expanded > 10_000 && expanded > 100*nodes {
		return 0, "document contains excessive aliasing"
	}
	return 0, ""
}

// decodeFront reads the known keys of a mapping; off is added to the
// YAML's line numbers to give the file's.
func decodeFront(name, what string, m *yaml.Node, off int) (Front, error) {
	var f Front
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		var dst *string
		switch dst = f.text(k.Value); {
		case dst != nil:
		case k.Value == "rank":
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
				continue
			}
			if err := safely(func() error { return v.Decode(&f.Rank) }); err != nil {
				return f, fmt.Errorf("%s:%d: %srank %s; write it like rank: 1", name, v.Line+off, what, notNumber(v))
			}
			continue
		default:
			continue // the candidate's own keys are theirs to keep
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue
		}
		if v.Kind != yaml.ScalarNode {
			if v.Kind == yaml.AliasNode && v.Alias != nil && v.Alias.Kind == yaml.ScalarNode {
				v = v.Alias
			} else {
				return f, fmt.Errorf("%s:%d: %s%s is not text; write it on one line like %s: …", name, v.Line+off, what, k.Value, k.Value)
			}
		}
		*dst = textValue(v.Value)
	}
	return f, nil
}

// textValue is what a text key holds: its value without the spaces around
// it, Unicode ones included (an editor shows a no-break space as nothing).
// Both readers, the fast one and yaml.v3, store text through it, so they
// cannot trim differently.
func textValue(v string) string { return strings.TrimSpace(v) }

// notNumber says of a value that should be a whole number what it is:
// `"first" is not a whole number`, `is a list, not a whole number`.
func notNumber(v *yaml.Node) string {
	if v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias
	}
	switch v.Kind {
	case yaml.SequenceNode:
		return "is a list, not a whole number"
	case yaml.MappingNode:
		return "holds key: value lines, not a whole number"
	}
	return strconv.Quote(short(v.Value)) + " is not a whole number"
}

// text is where a front-matter key that holds text goes; nil for the
// others. Both readers, the fast one and yaml.v3, share it.
func (f *Front) text(key string) *string {
	switch key {
	case "title":
		return &f.Title
	case "kind":
		return &f.Kind
	case "panel":
		return &f.Panel
	case "created":
		return &f.Created
	case "updated":
		return &f.Updated
	}
	return nil
}

func short(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// safely runs a yaml.v3 call and turns a panic into an error: the library
// has panicked on crafted input before, and prep must never crash on a file.
func safely(f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("yaml: %v", p)
		}
	}()
	return f()
}

// yamlError splits a yaml.v3 error into its line (0 when it names none)
// and a one-line message without the library's prefixes.
func yamlError(data []byte, err error) (int, string) {
	e := yamlerr.Parse(data, err)
	return e.Line, e.Msg
}

// fastFront reads front matter made only of simple "key: value" lines, the
// shape prep itself writes, without the YAML parser, which costs more than
// checking the whole answer. It gives up on anything else (quotes, lists,
// comments after values, repeated keys, …) and the parser reads that, so
// the two agree on everything fastFront accepts; a fuzz test holds them to it.
func fastFront(src string) (Front, bool) {
	var f Front
	var seen []string
	for _, r := range src {
		if r != '\n' && r != '\t' && special(r) {
			return f, false
		}
	}
	for src != "" {
		line, rest, _ := strings.Cut(src, "\n")
		src = rest
		if strings.Trim(line, " ") == "" || line[0] == '#' {
			continue
		}
		i := 0
		// Keys are short: YAML caps a simple key at 1024 characters.
		for i < len(line) && i <= 64 && ('a' <= line[i] && line[i] <= 'z' || i > 0 && (isDigit(line[i]) || line[i] == '_' || line[i] == '-')) {
			i++
		}
		if i == 0 || i > 64 || i == len(line) || line[i] != ':' || i+1 < len(line) && line[i+1] != ' ' {
			return f, false
		}
		key, val := line[:i], strings.Trim(line[i+1:], " ")
		// Past a few dozen keys this is no front matter prep wrote; the
		// parser can take it, and the search for repeats stays short.
		if !plainScalar(val) || slices.Contains(seen, key) || len(seen) == 32 {
			return f, false
		}
		if nearKey(key) != "" {
			return f, false // the parser says what is wrong with it
		}
		seen = append(seen, key)
		null := false
		switch val {
		case "", "~", "null", "Null", "NULL":
			null = true
		}
		var dst *string
		switch dst = f.text(key); {
		case dst != nil:
		case key == "rank":
			if null {
				continue
			}
			if len(val) > 9 || val[0] == '0' && len(val) > 1 {
				return f, false
			}
			n, err := strconv.Atoi(val)
			if err != nil || val[0] == '+' || val[0] == '-' {
				return f, false
			}
			f.Rank = n
		}
		if dst != nil && !null {
			*dst = textValue(val)
		}
	}
	return f, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// plainScalar reports whether v is a YAML plain scalar whose text is v
// itself: nothing that quotes, flows, comments, anchors or tags it, and no
// character YAML treats specially.
func plainScalar(v string) bool {
	if v == "" {
		return true
	}
	if strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", v[0]) >= 0 {
		return false
	}
	if strings.HasSuffix(v, ":") || strings.Contains(v, ": ") || strings.Contains(v, " #") {
		return false
	}
	return !strings.ContainsAny(v, "\t")
}

// special reports characters YAML refuses or reads as line breaks.
func special(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7F && r <= 0x9F, r == 0x2028, r == 0x2029, r == 0xFEFF, r == 0xFFFE, r == 0xFFFF, r == utf8.RuneError:
		return true
	}
	return false
}
