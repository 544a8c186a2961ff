// Package yamlerr takes yaml.v3's errors apart into a line and a one-line
// message, so every file prep reads (packs, answers files, front matter,
// the config) reports a YAML mistake at the same, right line.
package yamlerr

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
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
	if parserProblems[msg] {
		e.Line++
	}
	if name, ok := strings.CutPrefix(msg, "unknown anchor '"); ok {
		name, _, _ = strings.Cut(name, "'")
		e.Anchor = name
		if i := bytes.Index(data, []byte("*"+name)); i >= 0 {
			e.Line = 1 + bytes.Count(data[:i], []byte("\n"))
		}
	}
	e.Msg = strings.Join(strings.Fields(msg), " ")
	return e
}

// parserProblems are the messages of yaml.v3's parser, as opposed to its
// scanner; the two sets do not overlap.
var parserProblems = map[string]bool{
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
