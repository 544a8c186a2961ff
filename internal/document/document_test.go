package document

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// aliasBomb is the "billion laughs" shape: nine levels of ten aliases each.
const aliasBomb = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

func TestReadFileRefusesWhatIsNoWriteUp(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := filepath.Join(dir, "big.md")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: 50 MB on paper, nothing on disk, nothing committed.
	if err := f.Truncate(50_000_000); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Mkdir(filepath.Join(dir, "notes"), 0o700); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		path string
		want string // the error, with dir+"/" shown as "DIR/"
	}{
		{"missing file", filepath.Join(dir, "missing.md"), "DIR/missing.md: no such file; check the path"},
		{"path through a file", filepath.Join(write("plain.md", []byte("x")), "story.md"), "DIR/plain.md/story.md: cannot read: not a directory; check the path and try again"},
		{"directory", filepath.Join(dir, "notes"), "DIR/notes: is a directory; pass the files inside it (for example DIR/notes/*.md)"},
		{"binary", write("photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), "DIR/photo.png: looks like a binary file, not a write-up; pass a Markdown or text file"},
		{"utf-16", write("utf16.md", []byte("\xff\xfeS\x00:\x00")), "DIR/utf16.md: saved as UTF-16; save the file as UTF-8"},
		{"utf-16le without a byte order mark", write("utf16le.md", utf16LE("## Situation\r\nThe café's queue\r\n")), "DIR/utf16le.md: saved as UTF-16 (with no byte order mark); save the file as UTF-8"},
		{"utf-16be without a byte order mark", write("utf16be.md", utf16BE("## Result\n")), "DIR/utf16be.md: saved as UTF-16 (with no byte order mark); save the file as UTF-8"},
		{"binary that happens to decode as UTF-16", write("blob.md", []byte("\x00\x01binary")), "DIR/blob.md: looks like a binary file, not a write-up; pass a Markdown or text file"},
		{"invalid utf-8", write("notes.md", []byte("## Situation\r\nfine\r\ncaf\xe9 latte\n")), "DIR/notes.md: not valid UTF-8 (line 3); save the file as UTF-8"},
		{"empty", write("story.md", nil), "DIR/story.md: empty; write your answer first"},
		{"only whitespace", write("blank.md", []byte(" \n\t\r\n\u200b\n")), "DIR/blank.md: empty; write your answer first"},
		{"50 MB", big, "DIR/big.md: 50.0 MB is too large to be a write-up (limit 1 MiB); split it or pass only the story"},
		{"just over the limit", write("long.md", bytes.Repeat([]byte("a"), MaxSize+1)), "DIR/long.md: 1025 KiB is too large to be a write-up (limit 1 MiB); split it or pass only the story"},
		{"alias bomb in front matter", write("bomb.md", []byte("---\n"+aliasBomb+"---\n## Situation\n")), "DIR/bomb.md:1: front matter is not valid YAML: document contains excessive aliasing; fix it or remove the --- block"},
		{"bad front matter", write("bad.md", []byte("---\ntitle: one\nkind: star: design\n---\n## Result\n")), "DIR/bad.md:3: front matter is not valid YAML: mapping values are not allowed in this context; fix it or remove the --- block"},
		{"repeated key", write("twice.md", []byte("---\ntitle: one\ntitle: two\n---\n")), "DIR/twice.md:3: front matter is not valid YAML: mapping key \"title\" already defined at line 2; fix it or remove the --- block"},
		{"unclosed front matter", write("open.md", []byte("---\ntitle: one\n## Situation\n")), "DIR/open.md:1: front matter has no closing ---; end it with a line of --- or remove the opening one"},
		{"front matter not a mapping", write("list.md", []byte("---\n- one\n- two\n---\n")), "DIR/list.md:2: front matter is not a list of key: value lines; fix it or remove the --- block"},
		{"rank not a number", write("rank.md", []byte("---\ntitle: x\nrank: first\n---\n")), "DIR/rank.md:3: front matter rank \"first\" is not a whole number; write it like rank: 1"},
		{"title not text", write("title.md", []byte("---\ntitle: [a, b]\n---\n")), "DIR/title.md:2: front matter title is not text; write it on one line like title: …"},
		{"rank a list", write("ranks.md", []byte("---\ntitle: x\nrank: [1,2]\n---\n")), "DIR/ranks.md:3: front matter rank is a list, not a whole number; write it like rank: 1"},
		{"quote left open on the first line", write("quote.md", []byte("---\ntitle: 'Ledger\nrank: 2\n---\nbody\n")), "DIR/quote.md:2: front matter is not valid YAML: found unexpected end of stream; fix it or remove the --- block"},
		{"list left open on the first line", write("flow.md", []byte("---\ntitle: [Ledger\nrank: 2\n---\nbody\n")), "DIR/flow.md:2: front matter is not valid YAML: did not find expected ',' or ']'; fix it or remove the --- block"},
		{"a key of prep's misspelt", write("ranking.md", []byte("---\ntitle: x\nranking: 2\n---\n")), "DIR/ranking.md:3: front matter key \"ranking\" is not one prep reads; write rank: if you meant it, or give your own key a name further from rank"},
		{"a key of prep's in capitals", write("upper.md", []byte("---\nTitle: x\n---\n")), "DIR/upper.md:2: front matter key \"Title\" is not one prep reads; write title: if you meant it, or give your own key a name further from title"},
		{"bad yaml answer", write("answer.yaml", []byte("situation: |\n  fine\nresult: [unclosed\n")), "DIR/answer.yaml:3: not valid YAML: did not find expected ',' or ']'; fix it, or save the answer as .md"},
		{"many repeated keys", write("keys.yaml", []byte(strings.Repeat("bottlenecks: x\n", 60000))), "DIR/keys.yaml:2: not valid YAML: mapping key \"bottlenecks\" already defined at line 1; fix it, or save the answer as .md"},
		{"many repeated keys in front matter", write("keys.md", []byte("---\n"+strings.Repeat("k: x\n", 60000)+"---\n")), "DIR/keys.md:3: front matter is not valid YAML: mapping key \"k\" already defined at line 2; fix it or remove the --- block"},
		{"alias bomb in a yaml answer", write("bomb.yaml", []byte(aliasBomb)), "DIR/bomb.yaml:1: not valid YAML: document contains excessive aliasing; fix it, or save the answer as .md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadFile(tt.path)
			if err == nil {
				t.Fatalf("ReadFile(%s) = %+v, want an error", tt.path, doc)
			}
			got := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "DIR/")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if strings.Contains(got, "\n") {
				t.Errorf("error spans lines: %q", got)
			}
		})
	}
}

func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

func utf16BE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.BigEndian.AppendUint16(b, u)
	}
	return b
}

// The candidate's own front matter keys are kept; only those that look
// like prep's own, misspelt, are refused.
func TestNearKey(t *testing.T) {
	got := map[string]string{}
	for _, k := range []string{"title", "rank", "tags", "notes", "ranking", "ranked", "Rank", "titel", "tilte", "kinds",
		"panels", "created_at", "updated-at", "created_by", "date", "type", "name", "summary", "company"} {
		got[k] = nearKey(k)
	}
	want := map[string]string{
		"title": "", "rank": "", "tags": "", "notes": "", "created_by": "", "date": "", "type": "", "name": "", "summary": "", "company": "",
		"ranking": "rank", "ranked": "rank", "Rank": "rank", "titel": "title", "tilte": "title", "kinds": "kind",
		"panels": "panel", "created_at": "created", "updated-at": "updated",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("nearKey (-want +got):\n%s", diff)
	}
}

// countingReader is an endless stream that counts what is read from it.
type countingReader struct{ n int }

func (c *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	c.n += len(p)
	return len(p), nil
}

func TestReadStopsJustPastTheLimit(t *testing.T) {
	r := &countingReader{}
	_, err := Read("-", r)
	want := "<stdin>: more than 1 MiB is too large to be a write-up (limit 1 MiB); split it or pass only the story"
	if err == nil || err.Error() != want {
		t.Fatalf("Read of an endless pipe: %v, want %q", err, want)
	}
	if r.n > MaxSize+64<<10 {
		t.Errorf("read %d bytes of an endless pipe; the limit is %d", r.n, MaxSize)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestReadReportsReadErrors(t *testing.T) {
	_, err := Read("-", errReader{})
	want := "<stdin>: cannot read: unexpected EOF; check the path and try again"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %q", err, want)
	}
}

func TestReadParsesWriteUps(t *testing.T) {
	tests := []struct {
		name string
		file string
		in   string
		want Doc
	}{
		{
			name: "front matter, BOM and CRLF",
			file: "story.md",
			in:   "\ufeff---\r\ntitle: Payments\r\nkind: star\r\nrank: 2\r\npanel: background\r\ncreated: 2025-01-12\r\nupdated: 2025-02-03\r\nmood: my own key\r\n---\r\n## Situation\r\nText.\r\n",
			want: Doc{
				Front:    Front{Title: "Payments", Kind: "star", Rank: 2, Panel: "background", Created: "2025-01-12", Updated: "2025-02-03"},
				Name:     "story.md",
				HasFront: true,
				Body:     "## Situation\nText.\n",
				BodyLine: 10,
			},
		},
		{
			name: "front matter the parser must read",
			file: "story.md",
			in:   "---\ntitle: \"Quoted: with a colon\"  # and a comment\ntags: [a, b]\nkind: >-\n  design\n...\nBody\n",
			want: Doc{Front: Front{Title: "Quoted: with a colon", Kind: "design"}, Name: "story.md", HasFront: true, Body: "Body\n", BodyLine: 7},
		},
		{
			name: "no front matter",
			file: "-",
			in:   "Situation: text\nmore\n",
			want: Doc{Name: "<stdin>", Body: "Situation: text\nmore\n", BodyLine: 1},
		},
		{
			name: "a rule at the top is not front matter without a closing line",
			file: "x.txt",
			in:   "---",
			want: Doc{Name: "x.txt", Body: "---", BodyLine: 1},
		},
		{
			name: "lone CRs end lines too",
			file: "mac.md",
			in:   "## Situation\rText.\r",
			want: Doc{Name: "mac.md", Body: "## Situation\nText.\n", BodyLine: 1},
		},
		{
			name: "empty front matter",
			file: "story.md",
			in:   "---\n---\nText\n",
			want: Doc{Name: "story.md", HasFront: true, Body: "Text\n", BodyLine: 3},
		},
		{
			name: "yaml answer",
			file: "answer.YML",
			in:   "kind: scale\ntitle: Chat\nbreaks_first: the database\n",
			want: Doc{Front: Front{Kind: "scale", Title: "Chat"}, Name: "answer.YML", Format: YAML, Body: "kind: scale\ntitle: Chat\nbreaks_first: the database\n", BodyLine: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.file, strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&tt.want, got, cmpopts.IgnoreFields(Doc{}, "YAML")); diff != "" {
				t.Errorf("Read (-want +got):\n%s", diff)
			}
			if (got.Format == YAML) != (len(got.YAML) > 0) {
				t.Errorf("format %v with %d YAML documents", got.Format, len(got.YAML))
			}
		})
	}
}

// BenchmarkReadAliasBomb shows an alias bomb is refused in the time it
// takes to parse its few lines, never expanded.
func BenchmarkReadAliasBomb(b *testing.B) {
	data := []byte("---\n" + aliasBomb + "---\n## Situation\n")
	for b.Loop() {
		if _, err := Parse("bomb.md", data); err == nil {
			b.Fatal("an alias bomb in front matter was accepted")
		}
	}
}

// BenchmarkReadRepeatedKeys shows a YAML file of many repeated keys is
// refused in linear time (yaml.v3's own check is quadratic).
func BenchmarkReadRepeatedKeys(b *testing.B) {
	data := []byte(strings.Repeat("bottlenecks: x\n", 60000))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("keys.yaml", data); err == nil {
			b.Fatal("repeated keys were accepted")
		}
	}
}
