package yamlerr

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, text string
		want       Error
	}{
		{"scanner error", "a: b\n  c: d\n", Error{Line: 2, Msg: "mapping values are not allowed in this context"}},
		// The parser reports this one a line early; the line is the one
		// that holds the unclosed list.
		{"parser error", "a: 1\nb: [unclosed\n", Error{Line: 2, Msg: "did not find expected ',' or ']'"}},
		{"undefined alias", "a: 1\nb: *nope\n", Error{Line: 2, Msg: "unknown anchor 'nope' referenced", Anchor: "nope"}},
		{"type error", "a: [1, 2]\n", Error{Line: 1, Msg: "cannot unmarshal !!seq into string"}},
		// yaml.v3 reports these at the end of the text, which in front
		// matter is the closing ---: the line is where the quote or the
		// list was left open, the first.
		{"quote left open on line 1", "a: 'open\nb: 2\nc: 3\n", Error{Line: 1, Msg: "found unexpected end of stream"}},
		{"list left open on line 1", "a: [open\nb: 2\nc: 3\n", Error{Line: 1, Msg: "did not find expected ',' or ']'"}},
		{"list never closed", "a: 1\nb: [\n\n", Error{Line: 2, Msg: "did not find expected node content"}},
		{"quote left open further down", "a: 1\nb: \"open\nc: 3\n", Error{Line: 2, Msg: "found unexpected end of stream"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v struct{ A string }
			err := yaml.Unmarshal([]byte(tt.text), &v)
			if err == nil {
				var n yaml.Node
				err = yaml.Unmarshal([]byte(tt.text), &n)
			}
			if err == nil {
				t.Fatal("want a YAML error")
			}
			if diff := cmp.Diff(tt.want, Parse([]byte(tt.text), err)); diff != "" {
				t.Errorf("Parse (-want +got):\n%s", diff)
			}
		})
	}
}

// In a stream of documents, the line is the stream's.
func TestParseSecondDocument(t *testing.T) {
	text := "a: 1\n---\nb: 'open\nc: 3\n"
	dec := yaml.NewDecoder(strings.NewReader(text))
	var n yaml.Node
	if err := dec.Decode(&n); err != nil {
		t.Fatal(err)
	}
	err := dec.Decode(&n)
	if err == nil {
		t.Fatal("want a YAML error")
	}
	want := Error{Line: 3, Msg: "found unexpected end of stream"}
	if diff := cmp.Diff(want, Parse([]byte(text), err)); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
}

func TestBadUTF8Line(t *testing.T) {
	if got := BadUTF8Line([]byte("ok\nok\ncaf\xe9\n")); got != 3 {
		t.Errorf("BadUTF8Line = %d, want 3", got)
	}
	if got := BadUTF8Line([]byte("résumé\n")); got != 0 {
		t.Errorf("BadUTF8Line = %d on UTF-8 text, want 0", got)
	}
}
