package prompts

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/yamlerr"
)

const (
	// maxAnswersSize keeps a wrong --answers (a log, a binary) from being
	// parsed into hundreds of megabytes of nodes.
	maxAnswersSize = 4 << 20
	// maxAnswerNodes bounds the values reached while reading the file,
	// aliases included: a real answers file has hundreds, an alias bomb
	// billions.
	maxAnswerNodes = 100_000
)

// AnswerError is a problem with the answers file: it cannot be read, or it
// has no usable answer for a question. A session that gets one stops; the
// command exits 2.
type AnswerError struct {
	File string
	Line int // 0 when the problem has no line, such as a missing answer
	Msg  string
}

func (e *AnswerError) Error() string {
	if e.Line > 0 {
		return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
	}
	return e.File + ": " + e.Msg
}

// Scripted answers questions from a YAML answers file (the --answers FILE
// of every interactive command). It is not safe for concurrent use; a
// session asks one question at a time.
//
// An answers file maps question ids to answers. Keys may be written flat
// ("timeline.0.company: Acme"), nested (a mapping under "timeline", a list
// whose items are numbered from 0), or any mix: a key's id is the dotted
// path to it, so all of these answer timeline.0.company:
//
//	timeline.0.company: Acme
//	timeline: [{company: Acme}]
//	timeline.0: {company: Acme}
//
// Answers are text for Input and Text (a "|" block for several lines; an
// empty value is an empty answer); yes/no/true/false/y/n for Confirm; an
// option's text (matched whatever its case) or its number from 1 for
// Select; a list of those for MultiSelect (a single one alone is a list of
// one). Keys that are never asked are not errors, since the session decides
// what to ask; Unused lists them so a session can warn about typos.
//
// A missing answer, a wrong type, an unknown option or an answer the
// question's Validate refuses is an *AnswerError ("answers.yaml:12: ..."
// or `answers.yaml: no answer for "story.1.result" (...); add it`).
type Scripted struct {
	file    string
	answers map[string]*yaml.Node
	// leaves are the ids of the answers a question can use up, in file
	// order, for Unused; used marks the ids asked.
	leaves []string
	used   map[string]bool
}

// NewScripted reads the answers file at path. Every problem with the file
// itself (missing, not UTF-8, not YAML, not a mapping, an id given twice)
// is an *AnswerError, found here rather than halfway through a session.
func NewScripted(path string) (*Scripted, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxAnswersSize+1))
	if err != nil {
		return nil, &AnswerError{File: path, Msg: "cannot read the answers file: " + errText(err) + "; check --answers"}
	}
	return ParseScripted(path, data)
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &AnswerError{File: path, Msg: "no such answers file; check the path given to --answers"}
	case errors.Is(err, fs.ErrPermission):
		return &AnswerError{File: path, Msg: "permission denied reading the answers file; make it readable or use another"}
	}
	return &AnswerError{File: path, Msg: "cannot open the answers file: " + errText(err) + "; check --answers"}
}

// errText drops the path an *os.PathError repeats.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// ParseScripted reads answers from data; file names it in messages.
func ParseScripted(file string, data []byte) (*Scripted, error) {
	s := &Scripted{file: file, answers: map[string]*yaml.Node{}, used: map[string]bool{}}
	if len(data) > maxAnswersSize {
		return nil, s.errorf(0, "the answers file is over 4 MiB; is it the right file?")
	}
	if !utf8.Valid(data) {
		return nil, s.errorf(yamlerr.BadUTF8Line(data), "the answers file is not UTF-8 text; save it as UTF-8")
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return s, nil // an empty file answers nothing, which is no error until asked
		}
		return nil, s.syntaxError(data, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, s.syntaxError(data, err)
		}
		return nil, s.errorf(extra.Line, `a second YAML document starts here; keep all answers in one (remove the "---")`)
	}
	if len(doc.Content) == 0 {
		return s, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.AliasNode {
		root = root.Alias
	}
	if root == nil || isNullNode(root) {
		return s, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, s.errorf(root.Line, "the answers file must map question ids to answers, like \"timeline.0.company: Acme\", not %s", describe(root))
	}
	w := &walker{s: s, seen: map[string]int{}}
	if err := w.mapping(root, ""); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Scripted) errorf(line int, format string, args ...any) *AnswerError {
	return &AnswerError{File: s.file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (s *Scripted) syntaxError(data []byte, err error) error {
	e := yamlerr.Parse(data, err)
	switch {
	case e.Anchor != "":
		return s.errorf(e.Line, "alias *%s names no anchor; define &%s on a value above it, or fix the name", e.Anchor, e.Anchor)
	case e.Line == 0:
		return s.errorf(0, "invalid YAML: %s; check the file's indentation and quoting", e.Msg)
	}
	return s.errorf(e.Line, "invalid YAML: %s; check the indentation and quoting on this line", e.Msg)
}

// walker flattens the file into dotted ids.
type walker struct {
	s      *Scripted
	seen   map[string]int // id -> line of the key or item that gave it
	active []*yaml.Node   // anchors being expanded, to stop an alias inside its own anchor
	nodes  int
}

// add records the answer n under id, and then whatever it holds.
func (w *walker) add(id string, key, n *yaml.Node) error {
	w.nodes++
	if w.nodes > maxAnswerNodes {
		return w.s.errorf(key.Line, "over %d answers, counting those reached through aliases; write the answers out or use fewer \"*\" aliases", maxAnswerNodes)
	}
	if first, dup := w.seen[id]; dup {
		return w.s.errorf(key.Line, "%q is answered twice (first at line %d); keep one", id, first)
	}
	w.seen[id] = key.Line
	if n.Kind == yaml.AliasNode {
		target := n.Alias
		for _, a := range w.active {
			if a == target {
				return w.s.errorf(n.Line, "alias *%s is used inside its own anchor; point it at a value defined before it", n.Value)
			}
		}
		w.active = append(w.active, target)
		defer func() { w.active = w.active[:len(w.active)-1] }()
		n = target
	}
	if n == nil {
		return nil
	}
	w.s.answers[id] = n
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			w.s.leaves = append(w.s.leaves, id)
		}
		return w.mapping(n, id)
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			w.s.leaves = append(w.s.leaves, id)
		}
		for i, item := range n.Content {
			if err := w.add(id+"."+strconv.Itoa(i), item, item); err != nil {
				return err
			}
		}
		return nil
	}
	w.s.leaves = append(w.s.leaves, id)
	return nil
}

func (w *walker) mapping(n *yaml.Node, prefix string) error {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k
		if key.Kind == yaml.AliasNode && key.Alias != nil {
			key = key.Alias
		}
		if key.Kind != yaml.ScalarNode {
			return w.s.errorf(k.Line, "a key must be a question id like timeline.0.company, not %s", describe(key))
		}
		if key.ShortTag() == "!!merge" {
			return w.s.errorf(k.Line, `"<<" merges are not supported in an answers file; write the answers out`)
		}
		id := key.Value
		if prefix != "" {
			id = prefix + "." + id
		}
		if err := w.add(id, k, v); err != nil {
			return err
		}
	}
	return nil
}

func isNullNode(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names what a node is, for "must be X, not Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return `a mapping of "key: value" lines`
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if isNullNode(n) {
		return "nothing"
	}
	return strconv.Quote(shorten(n.Value, 40))
}

// shorten cuts s to about max runes, on one line.
func shorten(s string, max int) string {
	s = text.OneLine(s)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max-1])) + "…"
}

// lookup finds the answer to q and marks it used.
func (s *Scripted) lookup(q Question) (*yaml.Node, error) {
	n, ok := s.answers[q.ID]
	if !ok {
		msg := fmt.Sprintf("no answer for %q", q.ID)
		if m := shorten(q.Message, 60); m != "" {
			msg += " (" + m + ")"
		}
		return nil, s.errorf(0, "%s; add it", msg)
	}
	s.used[q.ID] = true
	return n, nil
}

func (s *Scripted) text(q Question, kind string) (string, *yaml.Node, error) {
	n, err := s.lookup(q)
	if err != nil {
		return "", nil, err
	}
	if n.Kind != yaml.ScalarNode {
		return "", nil, s.errorf(n.Line, "the answer to %q must be %s, not %s", q.ID, kind, describe(n))
	}
	if isNullNode(n) {
		return "", n, nil
	}
	return n.Value, n, nil
}

func (s *Scripted) validate(q Question, n *yaml.Node, ans string) error {
	if q.Validate == nil {
		return nil
	}
	if err := q.Validate(ans); err != nil {
		return s.errorf(n.Line, "the answer to %q is refused: %v; change it", q.ID, err)
	}
	return nil
}

// Input returns the answer's text as written: "007" stays "007".
func (s *Scripted) Input(q Question) (string, error) {
	ans, n, err := s.text(q, `one line of text (quote it if it contains ": ")`)
	if err != nil {
		return "", err
	}
	// A "|" block ends in a newline nobody typed; more lines than one
	// cannot be typed at a one-line prompt either.
	ans = strings.TrimRight(ans, "\r\n")
	if strings.ContainsAny(ans, "\r\n") {
		return "", s.errorf(n.Line, "the answer to %q must be one line; join its lines", q.ID)
	}
	if err := s.validate(q, n, ans); err != nil {
		return "", err
	}
	return ans, nil
}

// Text returns the answer's text, cleaned as Survey cleans an editor's.
func (s *Scripted) Text(q Question) (string, error) {
	ans, n, err := s.text(q, `text (use "|" and indent the lines under it for several)`)
	if err != nil {
		return "", err
	}
	ans = cleanText(ans)
	if err := s.validate(q, n, ans); err != nil {
		return "", err
	}
	return ans, nil
}

// Select matches the answer to an option's text, then to its number.
func (s *Scripted) Select(q Question, options []string, _ int) (int, error) {
	if len(options) == 0 {
		return 0, fmt.Errorf("question %q has no options to choose from", q.ID)
	}
	n, err := s.lookup(q)
	if err != nil {
		return 0, err
	}
	if n.Kind != yaml.ScalarNode || isNullNode(n) {
		return 0, s.errorf(n.Line, "the answer to %q must be one option, %s, not %s", q.ID, optionHint(options), describe(n))
	}
	return s.option(q, options, n)
}

// MultiSelect takes a list of options (or one alone) and returns their
// indices in option order, each once.
func (s *Scripted) MultiSelect(q Question, options []string, _ []int) ([]int, error) {
	n, err := s.lookup(q)
	if err != nil {
		return nil, err
	}
	items := []*yaml.Node{n}
	switch {
	case n.Kind == yaml.SequenceNode:
		items = n.Content
	case isNullNode(n):
		items = nil
	case n.Kind != yaml.ScalarNode:
		return nil, s.errorf(n.Line, "the answer to %q must be a list of options, %s, not %s", q.ID, optionHint(options), describe(n))
	}
	if len(items) > 0 && len(options) == 0 {
		return nil, fmt.Errorf("question %q has no options to choose from", q.ID)
	}
	picked := make([]bool, len(options))
	for _, item := range items {
		if item.Kind == yaml.AliasNode && item.Alias != nil {
			item = item.Alias
		}
		if item.Kind != yaml.ScalarNode || isNullNode(item) {
			return nil, s.errorf(item.Line, "each item of the answer to %q must be one option, %s, not %s", q.ID, optionHint(options), describe(item))
		}
		i, err := s.option(q, options, item)
		if err != nil {
			return nil, err
		}
		picked[i] = true
	}
	out := []int{}
	for i, p := range picked {
		if p {
			out = append(out, i)
		}
	}
	return out, nil
}

// option finds the option an answer names. Text comes first, so an option
// that is itself a number ("2") is chosen by its text; then its number;
// then the start of exactly one option's text, as a person would shorten
// it ("Debugging" for "Debugging: find out why…").
func (s *Scripted) option(q Question, options []string, n *yaml.Node) (int, error) {
	want := strings.TrimSpace(n.Value)
	for i, o := range options {
		if strings.EqualFold(strings.TrimSpace(o), want) {
			return i, nil
		}
	}
	if k, err := strconv.Atoi(want); err == nil && k >= 1 && k <= len(options) {
		return k - 1, nil
	}
	if want != "" {
		at := -1
		for i, o := range options {
			if o = strings.TrimSpace(o); len(o) >= len(want) && strings.EqualFold(o[:len(want)], want) {
				if at != -1 {
					at = -2 // the start of several: not a choice
					break
				}
				at = i
			}
		}
		if at >= 0 {
			return at, nil
		}
	}
	return 0, s.errorf(n.Line, "%s is not an option of %q; answer %s", describe(n), q.ID, optionHint(options))
}

// optionHint lists the options for a message, cut short when there are many.
func optionHint(options []string) string {
	const show = 6
	var b strings.Builder
	b.WriteString("one of ")
	for i, o := range options {
		if i == show {
			fmt.Fprintf(&b, ", … (%d in all)", len(options))
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(shorten(o, 40)))
	}
	fmt.Fprintf(&b, " or its number from 1 to %d", len(options))
	return b.String()
}

// Confirm takes yes/no, true/false, y/n, whatever their case.
func (s *Scripted) Confirm(q Question, _ bool) (bool, error) {
	n, err := s.lookup(q)
	if err != nil {
		return false, err
	}
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(strings.TrimSpace(n.Value)) {
		case "yes", "y", "true":
			return true, nil
		case "no", "n", "false":
			return false, nil
		}
	}
	return false, s.errorf(n.Line, "the answer to %q must be yes or no, not %s", q.ID, describe(n))
}

// Unused returns, in file order, the ids of answers no question asked
// for, nor any question asking for a list or mapping holding them. A
// session that ran to its end prints them as a warning: they are most
// often misspelt ids. After a session that stopped early they also
// include the answers it never reached.
func (s *Scripted) Unused() []string {
	var out []string
	for _, id := range s.leaves {
		if !s.coveredByAsked(id) {
			out = append(out, id)
		}
	}
	return out
}

func (s *Scripted) coveredByAsked(id string) bool {
	for {
		if s.used[id] {
			return true
		}
		i := strings.LastIndexByte(id, '.')
		if i < 0 {
			return false
		}
		id = id[:i]
	}
}
