package pack

import (
	"bytes"
	"io/fs"
	"strings"
)

// Parts is a set of entry types, for loading only what a command needs:
// `prep check` needs the rubrics, not the hundreds of kilobytes of banks.
type Parts uint16

// The entry types a load can keep. PartMeta is the "pack:" block.
const (
	PartMeta Parts = 1 << iota
	PartPanels
	PartRubrics
	PartExercises
	PartTradeoffs
	PartFollowups
	PartComponents
	PartExamples
	PartReferences

	PartAll = PartMeta | PartPanels | PartRubrics | PartExercises | PartTradeoffs | PartFollowups |
		PartComponents | PartExamples | PartReferences
)

var partNames = [...]struct {
	part Parts
	key  string // the top-level key that declares it
}{
	{PartMeta, "pack"},
	{PartPanels, "panels"},
	{PartRubrics, "rubrics"},
	{PartExercises, "exercises"},
	{PartTradeoffs, "tradeoffs"},
	{PartFollowups, "followups"},
	{PartComponents, "components"},
	{PartExamples, "examples"},
	{PartReferences, "references"},
}

// String names the parts by their top-level keys: "pack|rubrics".
func (ps Parts) String() string {
	switch ps & PartAll {
	case 0:
		return "none"
	case PartAll:
		return "all"
	}
	var names []string
	for _, n := range partNames {
		if ps&n.part != 0 {
			names = append(names, n.key)
		}
	}
	return strings.Join(names, "|")
}

// PartsOf reads back what Parts.String wrote: "pack|rubrics", "all",
// "none". A name it does not know (a part of a later prep) gives PartAll,
// so that nothing a file may hold is skipped on its word.
func PartsOf(s string) Parts {
	switch s {
	case "none":
		return 0
	case "all", "":
		return PartAll
	}
	var ps Parts
	for name := range strings.SplitSeq(s, "|") {
		p := keyPart([]byte(name))
		if p == 0 {
			return PartAll
		}
		ps |= p
	}
	return ps
}

// FileParts says from a file's bytes alone which parts it may declare,
// PartAll when it cannot be sure (topKeys).
func FileParts(data []byte) Parts { return topKeys(data) }

// A PartsFS knows which parts each of its files declares without reading
// them: a bundled pack records them when it is made, so a partial load
// (prep check) skips the other files unread. A file it does not know is
// read, as in any other FS.
type PartsFS interface {
	fs.FS
	FileParts(name string) (Parts, bool)
}

func keyPart(key []byte) Parts {
	// A switch on string(key) does not allocate.
	switch string(key) {
	case "pack":
		return PartMeta
	case "panels":
		return PartPanels
	case "rubrics":
		return PartRubrics
	case "exercises":
		return PartExercises
	case "tradeoffs":
		return PartTradeoffs
	case "followups":
		return PartFollowups
	case "components":
		return PartComponents
	case "examples":
		return PartExamples
	case "references":
		return PartReferences
	}
	return 0
}

var (
	bom = []byte("\ufeff")
	// yaml.v3 also breaks lines at NEL, LS and PS, which a scan by "\n"
	// would not see.
	otherBreaks = [][]byte{[]byte("\u0085"), []byte("\u2028"), []byte("\u2029")}
)

// topKeys says from the bytes alone which parts a file may declare, so a
// partial load can skip parsing the files it does not need. It answers
// the known top-level keys it finds, and PartAll whenever it cannot be
// sure, so that a file is never skipped when parsing it would give a
// wanted entry. An unknown top-level key also answers PartAll, so the
// file is parsed and the key reported, as a full load would.
//
// Only the line starts need looking at: every key of a block mapping
// starts a line at the mapping's column, and whatever is indented deeper
// (nested values, block scalar bodies, plain scalar continuations) belongs
// to a value. Multi-line quoted scalars and flow collections can put a
// key-like line at the root column, which only makes the answer larger.
func topKeys(data []byte) Parts {
	if len(data) > maxFileSize {
		return PartAll // decodeFile reports it
	}
	data = bytes.TrimPrefix(data, bom)
	for _, b := range otherBreaks {
		if bytes.Contains(data, b) {
			return PartAll
		}
	}
	crs := bytes.IndexByte(data, '\r') >= 0
	var found Parts
	indent := -1 // the root mapping's column, once its first key is seen
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if crs {
			if i := bytes.IndexByte(line, '\r'); i >= 0 {
				if i != len(line)-1 {
					return PartAll // a lone CR breaks the line for yaml.v3
				}
				line = line[:i]
			}
		}
		col := 0
		for col < len(line) && line[col] == ' ' {
			col++
		}
		if col == len(line) {
			continue
		}
		rest := line[col:]
		switch {
		case rest[0] == '#':
			continue
		case indent >= 0 && col > indent:
			// Part of a value. A tab here cannot start a root key either:
			// yaml.v3 rejects it at a line start in block context, and in a
			// flow collection the line is inside the value.
			continue
		case rest[0] == '\t':
			return PartAll
		}
		if indent < 0 {
			// Before the root node: directives and the document start.
			if col == 0 && (rest[0] == '%' || isDocStart(rest)) {
				continue
			}
			indent = col
			if rest[0] == '-' {
				return PartAll // a list, or something odd
			}
		} else if col < indent {
			return PartAll
		}
		// At the root column: a key, or an item of a list written at the
		// key's own column ("rubrics:\n- id: x"), which belongs to the key
		// above it.
		if rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ') {
			continue
		}
		p := plainKey(rest)
		if p == 0 {
			return PartAll
		}
		found |= p
	}
	return found
}

// plainKey is the part a line starting with a known key declares: the
// key in lowercase letters, optional spaces, then ":" at the end of the
// line or before a space. Anything else (quotes, anchors, aliases, tags,
// "<<", "?", flow collections, other keys) gives 0.
func plainKey(line []byte) Parts {
	n := 0
	for n < len(line) && 'a' <= line[n] && line[n] <= 'z' {
		n++
	}
	j := n
	for j < len(line) && line[j] == ' ' {
		j++
	}
	if n == 0 || j == len(line) || line[j] != ':' || (j+1 < len(line) && line[j+1] != ' ') {
		return 0
	}
	return keyPart(line[:n])
}

// isDocStart reports a "---" line with nothing after it but a comment.
func isDocStart(line []byte) bool {
	if !bytes.HasPrefix(line, []byte("---")) {
		return false
	}
	rest := line[3:]
	if len(rest) == 0 {
		return true
	}
	if rest[0] != ' ' {
		return false
	}
	rest = bytes.TrimLeft(rest, " ")
	return len(rest) == 0 || rest[0] == '#'
}
