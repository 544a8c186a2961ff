package pack

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/yamlerr"
)

const (
	// maxFileSize keeps a stray log or data file in a pack directory from
	// being parsed into hundreds of megabytes of nodes.
	maxFileSize = 4 << 20
	// maxAliased bounds the values reached through *aliases in one file. A
	// hand-written pack shares a phrase list or a few defaults, which costs
	// hundreds; a billion-laughs document needs far more and is cut off here
	// before it can eat time or memory.
	maxAliased = 100_000
	// maxAliasedText bounds the text reached through *aliases in one file,
	// counted each time it is reached: a long string aliased thousands of
	// times is a few lines of YAML but gigabytes once expanded, and every
	// command that shows it would print it whole. A file's own text is
	// already bounded by maxFileSize.
	maxAliasedText = maxFileSize
)

// We walk yaml.v3's node tree ourselves instead of calling a strict
// Decoder: it parses each file once, gives our own wording and a line for
// every problem (yaml.v3's messages name Go types), and keeps the nodes
// for placing validation problems later. Scalars still go through yaml.v3
// so numbers mean what they mean in YAML.

// structInfo is what the walker needs to know about one schema type.
type structInfo struct {
	noun   string         // "a panel": how messages name a mapping of this type
	fields map[string]int // yaml key -> field index
	known  string         // the keys in declaration order, for "known keys: ..."
}

// structInfos is built on first use, not at start-up: `prep check` and
// `prep version` use the compiled pack and decode no YAML.
var structInfos = lazy.Value[map[reflect.Type]*structInfo]{F: func() map[reflect.Type]*structInfo {
	infos := map[reflect.Type]*structInfo{}
	for _, t := range []struct {
		v    any
		noun string
	}{
		{File{}, ""},
		{Meta{}, "the pack block"},
		{Rehearse{}, "the rehearse block"},
		{Sheet{}, "the sheet block"},
		{Drill{}, "the drill block"},
		{Culture{}, "the culture block"},
		{Prompt{}, "a prompt of the culture block"},
		{Panel{}, "a panel"},
		{Point{}, "a point"},
		{Guide{}, "a guide"},
		{Rubric{}, "a rubric"},
		{Section{}, "a rubric section"},
		{Signal{}, "a signal"},
		{Exercise{}, "an exercise"},
		{Figure{}, "an exercise figure"},
		{Tradeoff{}, "a trade-off"},
		{Followup{}, "a follow-up"},
		{Fact{}, "a fact"},
		{Evidence{}, "an evidence item"},
		{Change{}, "a change"},
		{KeyPoint{}, "a key point"},
		{Component{}, "a component"},
		{Example{}, "an example"},
		{Note{}, "an example note"},
		{Reference{}, "a reference"},
	} {
		rt := reflect.TypeOf(t.v)
		info := &structInfo{noun: t.noun, fields: map[string]int{}}
		var keys []string
		for i := 0; i < rt.NumField(); i++ {
			name, _, _ := strings.Cut(rt.Field(i).Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			info.fields[name] = i
			keys = append(keys, name)
		}
		info.known = strings.Join(keys, ", ")
		infos[rt] = info
	}
	return infos
}}

// fileResult is one decoded file.
type fileResult struct {
	file File
	root *yaml.Node // the top-level mapping; nil for an empty or unreadable file
	// failed holds the value nodes that could not be decoded, so validation
	// does not report the same field again as missing.
	failed map[*yaml.Node]bool
	probs  []Problem
	// whole is false when part of the file could not be read at all, so
	// references into it may dangle through no fault of the referrer.
	whole bool
}

type decoder struct {
	file    string
	probs   []Problem
	failed  map[*yaml.Node]bool
	active  []*yaml.Node // anchors being expanded, to catch an alias inside its own anchor
	uses    []*yaml.Node // the aliases that expanded them, to place a problem where the author wrote it
	aliased int
	text    int // bytes of text reached through aliases
	aborted bool
}

// decodeFile decodes one pack file. Empty files (or only comments) are
// allowed, so an author can keep a placeholder.
func decodeFile(file string, data []byte) fileResult {
	res := fileResult{whole: true}
	if len(data) > maxFileSize {
		res.whole = false
		res.probs = append(res.probs, Problem{file, 0, "file is over 4 MiB; split it into smaller files"})
		return res
	}
	if !utf8.Valid(data) {
		res.whole = false
		res.probs = append(res.probs, Problem{file, yamlerr.BadUTF8Line(data), "file is not UTF-8 text; save it as UTF-8"})
		return res
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return res
		}
		res.whole = false
		res.probs = append(res.probs, syntaxProblem(file, data, err))
		return res
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		res.whole = false
		if err != nil {
			res.probs = append(res.probs, syntaxProblem(file, data, err))
		} else {
			res.probs = append(res.probs, Problem{file, extra.Line, `a second YAML document starts here; keep one document per file (remove the "---" or move it to its own file)`})
		}
	}
	if len(doc.Content) == 0 {
		return res
	}
	root := doc.Content[0]
	if isNull(root) {
		return res
	}
	d := &decoder{file: file, failed: map[*yaml.Node]bool{}}
	if root.Kind != yaml.MappingNode {
		d.add(root, `the file must hold top-level keys such as "pack:", "panels:" or "rubrics:", not `+found(root)+`; start each top-level key at the left margin`)
	} else {
		d.mapping(root, reflect.ValueOf(&res.file).Elem(), place{}, new(uint64))
	}
	res.probs = append(res.probs, d.probs...)
	if d.aborted {
		// An alias bomb leaves nothing worth keeping.
		res.file = File{}
		res.whole = false
		return res
	}
	res.root = root
	res.failed = d.failed
	return res
}

// place says where a value sits, for messages.
type place struct {
	key  string // the key it sits under; "" for the top of the file
	in   string // the noun of the mapping holding the key; "" at top level
	item bool   // it is one item of the list under key
}

func (p place) String() string {
	if p.key == "" {
		return "the file"
	}
	s := strconv.Quote(p.key)
	if p.item {
		s = "each item of " + s
	}
	if p.in != "" {
		s += " in " + p.in
	}
	return s
}

func (d *decoder) add(n *yaml.Node, msg string) {
	d.probs = append(d.probs, Problem{d.file, n.Line, msg})
}

func (d *decoder) fail(n *yaml.Node, msg string) {
	d.failed[n] = true
	d.add(n, msg)
}

// enter follows an alias, counting what it reaches. It returns the node
// to decode and whether the caller must call leave afterwards.
func (d *decoder) enter(n *yaml.Node) (*yaml.Node, bool) {
	if n.Kind != yaml.AliasNode {
		if len(d.active) > 0 {
			d.count(n)
		}
		return n, false
	}
	target := n.Alias
	if target == nil {
		return nil, false
	}
	for _, a := range d.active {
		if a == target {
			d.fail(n, "alias *"+n.Value+" is used inside its own anchor; point it at a value defined before it")
			return nil, false
		}
	}
	d.active = append(d.active, target)
	d.uses = append(d.uses, n)
	d.count(n)
	return target, true
}

func (d *decoder) leave() {
	d.active = d.active[:len(d.active)-1]
	d.uses = d.uses[:len(d.uses)-1]
}

func (d *decoder) count(n *yaml.Node) {
	d.aliased++
	if d.aliased > maxAliased && !d.aborted {
		d.aborted = true
		if len(d.uses) > 0 {
			n = d.uses[0]
		}
		d.add(n, "too many values reached through aliases (over "+strconv.Itoa(maxAliased)+"), which looks like an alias bomb; write the values out or use fewer \"*\" aliases")
	}
}

// countText adds a string reached through an alias to what the file
// expands to, and stops decoding once that is too much.
func (d *decoder) countText(n *yaml.Node) {
	d.text += len(n.Value)
	if d.text > maxAliasedText && !d.aborted {
		d.aborted = true
		if len(d.uses) > 0 {
			n = d.uses[0]
		}
		d.add(n, "the text reached through aliases comes to over "+strconv.Itoa(maxAliasedText>>20)+" MiB, which looks like an alias bomb; write the values out or use fewer \"*\" aliases")
	}
}

func (d *decoder) value(n *yaml.Node, v reflect.Value, at place) {
	if d.aborted {
		return
	}
	n, entered := d.enter(n)
	if entered {
		defer d.leave()
	}
	if n == nil || d.aborted {
		return
	}
	if v.Kind() == reflect.Pointer {
		if n.Kind == yaml.MappingNode || isNull(n) {
			// A present but empty block ("pack:" with nothing under it)
			// still counts as present, so validation can say what it lacks.
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		} else {
			// Leave it nil; decoding into a scratch value reports the type.
			v = reflect.New(v.Type().Elem()).Elem()
		}
	}
	if isNull(n) {
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		info := structInfos.Get()[v.Type()]
		if n.Kind != yaml.MappingNode {
			d.fail(n, at.String()+" must be "+info.noun+` written as "key: value" lines, not `+found(n)+`; indent its keys under it`)
			return
		}
		d.mapping(n, v, at, new(uint64))
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.fail(n, at.String()+" must be a list, not "+found(n)+`; put each item on its own line starting with "- "`)
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		item := at
		item.item = true
		for i, c := range n.Content {
			d.value(c, s.Index(i), item)
		}
		v.Set(s)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.fail(n, at.String()+" must be text, not "+found(n)+`; quote text that contains ": " or starts with "- ", and use "|" for several lines`)
			return
		}
		if len(d.active) > 0 {
			d.countText(n)
			if d.aborted {
				return
			}
		}
		v.SetString(n.Value)
	case reflect.Int:
		var i int
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&i) != nil {
			d.fail(n, at.String()+" must be a whole number, not "+found(n)+"; write digits only, like 40")
			return
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		var b bool
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&b) != nil {
			d.fail(n, at.String()+" must be true or false, not "+found(n))
			return
		}
		v.SetBool(b)
	case reflect.Float64:
		var f float64
		tag := n.ShortTag()
		if n.Kind != yaml.ScalarNode || (tag != "!!int" && tag != "!!float") || n.Decode(&f) != nil {
			d.fail(n, at.String()+" must be a number, not "+found(n)+"; write it like 0.5 or 3")
			return
		}
		v.SetFloat(f)
	}
}

// mapping decodes a mapping into the struct v. set marks the fields
// already given, so that keys written out win over keys merged in with
// "<<", whatever their order, as in yaml.v3.
func (d *decoder) mapping(n *yaml.Node, v reflect.Value, at place, set *uint64) {
	info := structInfos.Get()[v.Type()]
	var seen uint64
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		if d.aborted {
			return
		}
		k, val := n.Content[i], n.Content[i+1]
		if isMergeKey(k) {
			merges = append(merges, val)
			continue
		}
		key := k
		if key.Kind == yaml.AliasNode && key.Alias != nil {
			key = key.Alias
		}
		if key.Kind != yaml.ScalarNode {
			d.add(k, "a key"+in(info)+` must be a plain word, not `+found(key)+`; write keys as "name: value"`)
			continue
		}
		idx, ok := info.fields[key.Value]
		if !ok {
			if info.noun == "" {
				d.add(k, "unknown top-level key "+strconv.Quote(key.Value)+"; remove it or check its spelling (known keys: "+info.known+")")
			} else {
				d.add(k, "unknown key "+strconv.Quote(key.Value)+" in "+info.noun+"; remove it or check its spelling (known keys: "+info.known+")")
			}
			continue
		}
		bit := uint64(1) << idx
		if seen&bit != 0 {
			d.add(k, "key "+strconv.Quote(key.Value)+" appears twice"+in(info)+" (first at line "+strconv.Itoa(firstKeyLine(n, key.Value))+"); keep one")
			continue
		}
		seen |= bit
		if *set&bit != 0 {
			continue
		}
		*set |= bit
		d.value(val, v.Field(idx), place{key: key.Value, in: info.noun})
	}
	for _, m := range merges {
		d.merge(m, v, at, set, true)
	}
}

func (d *decoder) merge(m *yaml.Node, v reflect.Value, at place, set *uint64, list bool) {
	if d.aborted {
		return
	}
	m, entered := d.enter(m)
	if entered {
		defer d.leave()
	}
	if m == nil || d.aborted {
		return
	}
	switch {
	case m.Kind == yaml.MappingNode:
		d.mapping(m, v, at, set)
	case m.Kind == yaml.SequenceNode && list:
		// Earlier mappings in a merge list win over later ones.
		for _, c := range m.Content {
			d.merge(c, v, at, set, false)
		}
	default:
		d.add(m, `"<<" must merge in "key: value" lines (like "<<: *defaults"), not `+found(m)+`; point it at an anchored mapping`)
	}
}

func in(info *structInfo) string {
	if info.noun == "" {
		return " at the top of the file"
	}
	return " in " + info.noun
}

func firstKeyLine(n *yaml.Node, key string) int {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind == yaml.ScalarNode && k.Value == key {
			return n.Content[i].Line
		}
	}
	return 0
}

func isMergeKey(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Value == "<<" && n.ShortTag() == "!!merge"
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// found describes a node for "must be X, not Y" messages.
func found(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return `"key: value" lines`
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	s := n.Value
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + "…"
	}
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:40]) + "…"
	}
	return strconv.Quote(s)
}

// syntaxProblem turns a yaml.v3 parse error into a Problem with a line.
func syntaxProblem(file string, data []byte, err error) Problem {
	e := yamlerr.Parse(data, err)
	if e.Anchor != "" {
		return Problem{file, e.Line, "alias *" + e.Anchor + " names no anchor; define \"&" + e.Anchor + "\" on a value above it or fix the name"}
	}
	hint := "check the indentation and quoting on this line"
	if e.Line == 0 {
		hint = "check the file's indentation and quoting"
	}
	return Problem{file, e.Line, "invalid YAML: " + e.Msg + "; " + hint}
}
