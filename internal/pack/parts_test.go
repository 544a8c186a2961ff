package pack

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"testing"

	"github.com/prepcli/prep/content"
	"gopkg.in/yaml.v3"
)

// topKeysCases are files a partial load must not misjudge. want is the
// scan's exact answer; whatever it is, it must hold every key yaml.v3
// finds (checked by mustCover).
var topKeysCases = []struct {
	name string
	in   string
	want Parts
}{
	{"empty", "", 0},
	{"only comments", "# nothing yet\n\n  # indented comment\n", 0},
	{"one key", "rubrics:\n  - id: star\n", PartRubrics},
	{"every key", "pack:\n  name: x\npanels: []\nrubrics: []\nexercises: []\ntradeoffs: []\nfollowups: []\ncomponents: []\nexamples: []\nreferences: []\n", PartAll},
	{"no final newline", "pack:\n  name: x\nrubrics: []", PartMeta | PartRubrics},
	{"indented root mapping", "  rubrics:\n    - id: star\n  pack:\n    name: x\n", PartMeta | PartRubrics},
	{"line left of an indented root", "  pack:\n    name: x\nrubrics: []\n", PartAll},
	{"flow root", "{rubrics: [], pack: {name: x}}\n", PartAll},
	{"flow root after document start", "--- {rubrics: []}\n", PartAll},
	{"flow value over lines", "pack: {name: x,\n  version: '1'}\nrubrics: []\n", PartMeta | PartRubrics},
	{"flow value closed at the margin", "panels: [\n]\n", PartAll},
	{"commented-out key", "panels: []\n# rubrics:\n#   - id: star\n", PartPanels},
	{"comment after key", "rubrics: # the kinds\n  - id: star\n", PartRubrics},
	{"block scalar holding a key", "panels:\n  - id: x\n    overview: |\n      rubrics:\n        - not a key\n", PartPanels},
	{"block scalar with blank lines", "pack:\n  welcome: >\n    one\n\n    two\nrubrics: []\n", PartMeta | PartRubrics},
	{"block scalar at the top", "pack: |\n  rubrics: inside\n", PartMeta},
	{"quoted scalar over lines", "panels: \"first line\nrubrics: inside the quotes\"\n", PartPanels | PartRubrics},
	{"single-quoted over lines", "pack: 'a\n  rubrics: b'\n", PartMeta},
	{"plain scalar over lines", "pack: a\n  rubrics b\nrubrics: []\n", PartMeta | PartRubrics},
	{"document start", "---\nrubrics: []\n", PartRubrics},
	{"directive and document start", "%YAML 1.1\n--- # start\nrubrics: []\n", PartRubrics},
	{"second document", "rubrics: []\n---\npanels: []\n", PartAll},
	{"document end", "rubrics: []\n...\n", PartAll},
	{"block scalar root", "--- |\n  rubrics: x\n", PartAll},
	{"scalar root", "just some text\n", PartAll},
	{"list root", "- rubrics: []\n", PartAll},
	{"list at the key's column", "rubrics:\n- id: a\n  title: A\npanels:\n- id: b\n", PartRubrics | PartPanels},
	{"CRLF", "pack:\r\n  name: x\r\n\r\nrubrics: []\r\n", PartMeta | PartRubrics},
	{"CRLF list", "rubrics:\r\n- id: a\r\n", PartRubrics},
	{"lone CR", "pack: x\rrubrics: []\n", PartAll},
	{"line separator", "pack: x\u2028rubrics: []\n", PartAll},
	{"next line", "pack: x\u0085rubrics: []\n", PartAll},
	{"byte order mark", "\ufeffrubrics: []\n", PartRubrics},
	{"byte order mark at a line start", "pack: x\n\ufeffrubrics: []\n", PartAll},
	{"tag on the root", "!!map\nrubrics: []\n", PartAll},
	{"tag after document start", "--- !!map\nrubrics: []\n", PartAll},
	{"anchor on the root", "&root\nrubrics: []\n", PartAll},
	{"merge key", "panels: []\n<<: {rubrics: []}\n", PartAll},
	{"alias key", "pack: &k x\n*k : y\n", PartAll},
	{"anchor and alias in values", "panels: &p []\nrubrics: *p\n", PartPanels | PartRubrics},
	{"explicit key", "? rubrics\n: []\n", PartAll},
	{"quoted key", "\"rubrics\": []\n", PartAll},
	{"space before colon", "rubrics : []\n", PartRubrics},
	{"no space after colon", "rubrics:[]\n", PartAll},
	{"unknown key", "colour: red\nrubrics: []\n", PartAll},
	{"misspelt key", "rubric:\n  - id: star\n", PartAll},
	{"tab at the margin", "\trubrics: []\n", PartAll},
	{"tab after the root column", "pack: {name: x,\n \tversion: y}\nrubrics: []\n", PartMeta | PartRubrics},
	{"tab in a nested value", "panels:\n  - overview: |\n      code:\n      \tindented with a tab\n", PartPanels},
}

func TestTopKeys(t *testing.T) {
	for _, tt := range topKeysCases {
		t.Run(tt.name, func(t *testing.T) {
			got := topKeys([]byte(tt.in))
			if got != tt.want {
				t.Errorf("topKeys(%q) = %v, want %v", tt.in, got, tt.want)
			}
			mustCover(t, []byte(tt.in), got)
		})
	}
}

// The default pack's files must each be skippable for the types they do
// not hold; otherwise a partial load parses them all and saves nothing.
func TestTopKeysDefaultPack(t *testing.T) {
	err := fs.WalkDir(content.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content.FS, p)
		if err != nil {
			return err
		}
		got := topKeys(data)
		if got == PartAll {
			t.Errorf("%s: the scan cannot tell its top-level keys; keep them plain, one per line at the left margin", p)
		}
		mustCover(t, data, got)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// FuzzTopKeys checks the scan against yaml.v3: it may name a key the
// file does not have, never leave out one it has, and it must answer
// PartAll for a file with an unknown top-level key so the key is reported.
func FuzzTopKeys(f *testing.F) {
	for _, tt := range topKeysCases {
		f.Add([]byte(tt.in))
	}
	for _, dir := range []string{"testdata/valid", "testdata/overlay"} {
		for _, file := range memCopy(f, dir) {
			f.Add(file.Data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		mustCover(t, data, topKeys(data))
	})
}

func mustCover(t *testing.T, data []byte, got Parts) {
	t.Helper()
	keys, ok := parsedTopKeys(data)
	if !ok {
		return
	}
	for key := range keys {
		p := keyPart([]byte(key))
		if p == 0 && got != PartAll {
			t.Errorf("topKeys(%q) = %v, but yaml.v3 finds unknown top-level key %q; want all", data, got, key)
		}
		if got&p != p {
			t.Errorf("topKeys(%q) = %v, but yaml.v3 finds top-level key %q", data, got, key)
		}
	}
	// The same through the loader's own decoding, which is what a
	// partial load must not lose.
	res := decodeFile("fuzz.yaml", data)
	f := res.file
	for _, c := range []struct {
		part Parts
		has  bool
	}{
		{PartMeta, f.Pack != nil}, {PartPanels, len(f.Panels) > 0}, {PartRubrics, len(f.Rubrics) > 0},
		{PartExercises, len(f.Exercises) > 0}, {PartTradeoffs, len(f.Tradeoffs) > 0}, {PartFollowups, len(f.Followups) > 0},
	} {
		if c.has && got&c.part == 0 {
			t.Errorf("topKeys(%q) = %v, but the file declares %v", data, got, c.part)
		}
	}
}

// parsedTopKeys lists the keys of the first document's root mapping as
// the loader's decoder sees them: through aliased keys and "<<" merges.
// A non-scalar key counts as an unknown key "?". ok is false when the
// document does not parse.
func parsedTopKeys(data []byte) (keys map[string]bool, ok bool) {
	var doc yaml.Node
	keys = map[string]bool{}
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); errors.Is(err, io.EOF) {
		return keys, true
	} else if err != nil {
		return nil, false
	}
	if len(doc.Content) == 0 {
		return keys, true
	}
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		n = deref(n)
		if n == nil || depth > 8 {
			return
		}
		if n.Kind == yaml.SequenceNode && depth > 0 {
			for _, c := range n.Content {
				walk(c, depth+1)
			}
			return
		}
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if isMergeKey(k) {
				keys["<<"] = true
				walk(n.Content[i+1], depth+1)
				continue
			}
			if k = deref(k); k != nil && k.Kind == yaml.ScalarNode {
				keys[k.Value] = true
			} else {
				keys["?"] = true
			}
		}
	}
	walk(doc.Content[0], 0)
	return keys, true
}

func BenchmarkTopKeysDefaultPack(b *testing.B) {
	var files [][]byte
	err := fs.WalkDir(content.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content.FS, p)
		files = append(files, data)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range files {
			topKeys(data)
		}
	}
}
