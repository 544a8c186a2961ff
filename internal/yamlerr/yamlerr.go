// Package yamlerr takes yaml.v3's errors apart into a line and a one-line
// message, so every file prep reads (packs, answers files, front matter,
// the config) reports a YAML mistake at the same, right line.
package yamlerr

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/text"
)

// Error is one yaml.v3 error, taken apart.
type Error struct {
	// Line is the 1-based line in the parsed text; 0 when yaml.v3 names
	// none and none could be found.
	Line int
	// Msg is the library's message on one line, without its "yaml: " and
	// "line N:" prefixes.
	Msg string
	// Anchor is set when the error is an alias (*name) that names no
	// anchor: yaml.v3 gives that no line, so Line is the alias's first use.
	Anchor string
}

// Parse takes err apart; data is the text that was parsed, used only to
// find the line of an undefined alias (nil is fine when that is not
// wanted).
func Parse(data []byte, err error) Error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(strings.TrimSpace(msg), "yaml: ")
	var e Error
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		num, after, ok := strings.Cut(rest, ":")
		if n, err := strconv.Atoi(num); ok && err == nil {
			e.Line = n
			msg = strings.TrimSpace(after)
		}
	}
	// yaml.v3 counts the lines of its parser's errors (not its scanner's)
	// from 0, and names none for line 0: count them from 1 like the rest.
	if parserProblems.Get()[msg] {
		e.Line++
	}
	if te == nil && data != nil {
		if line, ok := relocate(data, msg); ok {
			e.Line = line
		}
		// An error found where the text ends (a list never closed) is
		// about its last line, not the one after it: in front matter
		// that would be the closing ---.
		if last := lastTextLine(data); e.Line > last && last > 0 {
			e.Line = last
		}
	}
	if name, ok := strings.CutPrefix(msg, "unknown anchor '"); ok {
		name, _, _ = strings.Cut(name, "'")
		e.Anchor = name
		if i := bytes.Index(data, []byte("*"+name)); i >= 0 {
			e.Line = 1 + bytes.Count(data[:i], []byte("\n"))
		}
	}
	e.Msg = text.OneLine(msg)
	return e
}

// lastTextLine is the 1-based line of the last line of data that holds
// more than spaces; 0 when none does.
func lastTextLine(data []byte) int {
	lines := bytes.Split(data, []byte("\n"))
	for i := len(lines) - 1; i >= 0; i-- {
		if len(bytes.TrimSpace(lines[i])) > 0 {
			return i + 1
		}
	}
	return 0
}

// relocate finds the line of a syntax error again, in data read after
// one blank line. yaml.v3 points at where the broken part began (the
// quote or bracket left open) only when that is past the first line: its
// marks count lines from 0 and take 0 for no mark, so a quote left open on
// line 1 is reported where the text ends instead, which in front matter
// is its closing ---. One line further down, the mark is never 0. ok is
// false when the same error is not found there.
func relocate(data []byte, msg string) (int, bool) {
	padded := append([]byte("\n"), data...)
	dec := yaml.NewDecoder(bytes.NewReader(padded))
	for range 1000 {
		var n yaml.Node
		err := decodeSafely(dec, &n)
		if err == nil {
			continue
		}
		if errors.Is(err, io.EOF) {
			return 0, false
		}
		again := Parse(nil, err)
		if again.Msg != text.OneLine(msg) || again.Line < 2 {
			return 0, false
		}
		return again.Line - 1, true
	}
	return 0, false
}

// decodeSafely decodes the next document, a panic of yaml.v3 (it has
// panicked on crafted input before) being an error.
func decodeSafely(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("yaml: %v", p)
		}
	}()
	return dec.Decode(n)
}

// parserProblems are the messages of yaml.v3's parser, as opposed to its
// scanner; the two sets do not overlap.
var parserProblems = lazy.Value[map[string]bool]{F: func() map[string]bool {
	return map[string]bool{
		"did not find expected ',' or ']'":       true,
		"did not find expected ',' or '}'":       true,
		"did not find expected '-' indicator":    true,
		"did not find expected <document start>": true,
		"did not find expected <stream-start>":   true,
		"did not find expected key":              true,
		"did not find expected node content":     true,
		"found duplicate %TAG directive":         true,
		"found duplicate %YAML directive":        true,
		"found incompatible YAML document":       true,
		"found undefined tag handle":             true,
	}
}}

// BadUTF8Line is the 1-based line of the first byte that is not UTF-8, or
// 0 when all of data is.
func BadUTF8Line(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return 1 + bytes.Count(data[:i], []byte("\n"))
		}
		i += size
	}
	return 0
}

var (
	reUnknown = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^field (\S+) not found in type \S+$`) }}
	reShape   = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile("^cannot unmarshal !!(\\w+)(?: `(.*)`)? into (.+)$") }}
	reDupKey  = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^mapping key "(.*)" already defined at line (\d+)$`) }}
)

// Words says in words what a message of yaml.v3's decoder (Error.Msg of
// a decoding error) means and what to do: an unknown key, a key given
// twice, a value of the wrong shape. known lists the keys the file may
// hold, for the unknown key's message; fix ends the shape's ("fix it in
// your editor"). ok is false for a message it does not know.
func Words(msg, known, fix string) (words string, ok bool) {
	if m := reUnknown.Get().FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("unknown key %q; correct its spelling or remove it (known keys: %s)", m[1], known), true
	}
	if m := reDupKey.Get().FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("key %q appears twice (first on line %s); keep one", m[1], m[2]), true
	}
	if m := reShape.Get().FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("expected %s here, found %s; %s", typeWords(m[3]), tagWords(m[1], m[2]), fix), true
	}
	return "", false
}

func tagWords(tag, value string) string {
	switch tag {
	case "seq":
		return "a list"
	case "map":
		return "key: value lines"
	case "null":
		return "nothing"
	case "bool":
		return "true or false"
	case "int", "float":
		return "the number " + value
	}
	if value != "" {
		return strconv.Quote(value)
	}
	return "text"
}

func typeWords(goType string) string {
	t := strings.ReplaceAll(goType, "*", "")
	switch {
	case t == "string":
		return "text"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	}
	return "key: value lines"
}
