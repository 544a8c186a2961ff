package text

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		name        string
		text        string
		first, rest string
		width       int
		want        string
	}{
		{
			name: "folded text is refilled to the width",
			text: "one two three\nfour five six seven",
			rest: "", width: 14,
			want: "one two three\nfour five six\nseven",
		},
		{
			name:  "prefixes indent the first and following lines",
			text:  "alpha beta gamma delta",
			first: "  - ", rest: "    ", width: 16,
			want: "  - alpha beta\n    gamma delta",
		},
		{
			name: "list items keep their own lines",
			text: "Ask:\n- why this database\n- what broke first",
			rest: "", width: 40,
			want: "Ask:\n- why this database\n- what broke first",
		},
		{
			name: "blank lines separate paragraphs",
			text: "first para\n\nsecond para",
			rest: "  ", first: "  ", width: 40,
			want: "  first para\n\n  second para",
		},
		{
			name:  "a word longer than the width stands alone",
			text:  "a supercalifragilistic b",
			width: 6,
			want:  "a\nsupercalifragilistic\nb",
		},
		{
			name:  "width counts runes, not bytes",
			text:  "résumé résumé résumé",
			width: 13,
			want:  "résumé résumé\nrésumé",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(tt.text, tt.first, tt.rest, tt.width)
			if diff := cmp.Diff(strings.Split(tt.want, "\n"), strings.Split(got, "\n")); diff != "" {
				t.Errorf("Wrap (-want +got):\n%s", diff)
			}
		})
	}
}
