package document

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestFastFrontTakesWhatPrepWrites(t *testing.T) {
	src := "title: Splitting payments out of the monolith\nkind: star\nrank: 1\npanel: background\ncreated: 2025-01-12\nupdated: 2025-02-03T10:00:00Z\n"
	got, ok := fastFront(src)
	if !ok {
		t.Fatal("fastFront gave up on front matter prep itself writes")
	}
	want := Front{Title: "Splitting payments out of the monolith", Kind: "star", Rank: 1, Panel: "background", Created: "2025-01-12", Updated: "2025-02-03T10:00:00Z"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fastFront (-want +got):\n%s", diff)
	}
}

// FuzzFrontMatter holds the fast front matter reader to the YAML parser:
// whatever it accepts, the parser must read the same way.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"title: x\nkind: star\nrank: 2\n",
		"title: a: b\n",
		"title: 'quoted'\n",
		"rank: 007\n",
		"title: x # comment\n",
		"kind: ~\ntitle: null\n",
		"title: true\nkind: 12\n",
		"# only a comment\n\n",
		"title: x\ntitle: y\n",
		"key-with-dash: v\nk_2: w\n",
		"title: \u2028\n",
		"title: x\n  continued\n",
		"title: \u3000\n",
		"kind: star\u00a0\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		// Read hands front matter over as valid UTF-8 with \n line ends
		// and no NUL; nothing else reaches either reader.
		if !utf8.ValidString(src) || strings.ContainsAny(src, "\r\x00") {
			return
		}
		frontReadersAgree(t, src)
	})
}

// frontReadersAgree fails t when fastFront accepts src and the YAML parser
// refuses it or reads it otherwise.
func frontReadersAgree(t *testing.T, src string) {
	t.Helper()
	fast, ok := fastFront(src)
	if !ok {
		return
	}
	d := Doc{Name: "fuzz.md"}
	if err := d.readFrontYAML(src); err != nil {
		t.Fatalf("fastFront accepted %q, which the parser refuses: %v", src, err)
	}
	if diff := cmp.Diff(d.Front, fast); diff != "" {
		t.Fatalf("fastFront(%q) differs from the parser (-parser +fast):\n%s", src, diff)
	}
}

// A value of Unicode spaces only (an ideographic space, a no-break space)
// is trimmed alike by both readers: FuzzFrontMatter found the fast one
// keeping what the parser's reading trimmed.
func TestFrontReadersTrimUnicodeSpacesAlike(t *testing.T) {
	for _, src := range []string{
		"title: \u3000\n",
		"title: \u00a0\n",
		"title: Ledger\u2003\n",
		"kind: \u00a0star\npanel: \u2002\n",
	} {
		t.Run(src, func(t *testing.T) { frontReadersAgree(t, src) })
	}
}
