package pack

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// files is a layer written inline: path -> YAML.
type files map[string]string

func (f files) source(name string) Source {
	fsys := fstest.MapFS{}
	for p, data := range f {
		fsys[p] = &fstest.MapFile{Data: []byte(data)}
	}
	return Source{FS: fsys, Name: name}
}

func TestLoadProblems(t *testing.T) {
	// Most cases lay one inline layer ("over") over testdata/valid, so the
	// only problems are the ones the case is about.
	tests := []struct {
		name   string
		over   files
		noBase bool // the case's layer is the whole pack
		want   Problems
	}{{
		name: "unknown top-level key",
		over: files{"a.yaml": "panel:\n  - id: x\n"},
		want: Problems{{"over/a.yaml", 1, `unknown top-level key "panel"; remove it or check its spelling (known keys: pack, panels, rubrics, exercises, tradeoffs, followups, components, examples, references)`}},
	}, {
		name: "unknown nested keys",
		over: files{"a.yaml": `
rubrics:
  - id: star2
    title: T
    summary: S
    sections:
      - id: result
        title: Result
        question: Q
        guidance: G
        missing: M
        level: required
        requried: true
    signals:
      - id: s
        type: thin
        level: warning
        message: M
        hint: H
        severity: high
`},
		want: Problems{
			{"over/a.yaml", 13, `unknown key "requried" in a rubric section; remove it or check its spelling (known keys: id, title, aliases, letters, cues, question, guidance, missing, min_words, level, minutes, reserve)`},
			{"over/a.yaml", 20, `unknown key "severity" in a signal; remove it or check its spelling (known keys: id, type, section, level, message, hint, reason, phrases, we, i, min_share, min_count, words_per_minute, max_minutes)`},
		},
	}, {
		name: "wrong types",
		over: files{"a.yaml": `
panels:
  - id: x
    title: [a, b]
    summary: S
    overview: O
    guides: text
tradeoffs: {id: y}
rubrics:
  - id: r
    title: R
    summary: S
    sections:
      - id: s
        title: S
        question: Q
        guidance: G
        missing: M
        level: required
        min_words: many
`},
		want: Problems{
			{"over/a.yaml", 4, `"title" in a panel must be text, not a list; quote text that contains ": " or starts with "- ", and use "|" for several lines`},
			{"over/a.yaml", 7, `"guides" in a panel must be a list, not "text"; put each item on its own line starting with "- "`},
			{"over/a.yaml", 8, `"tradeoffs" must be a list, not "key: value" lines; put each item on its own line starting with "- "`},
			{"over/a.yaml", 20, `"min_words" in a rubric section must be a whole number, not "many"; write digits only, like 40`},
		},
	}, {
		name: "item of a list is not a mapping",
		over: files{"a.yaml": "followups:\n  - just a question?\n"},
		want: Problems{{"over/a.yaml", 2, `each item of "followups" must be a follow-up written as "key: value" lines, not "just a question?"; indent its keys under it`}},
	}, {
		name: "syntax error",
		over: files{"a.yaml": "panels:\n  - id: x\n    title: Queue: or not\n"},
		want: Problems{{"over/a.yaml", 3, "invalid YAML: mapping values are not allowed in this context; check the indentation and quoting on this line"}},
	}, {
		name: "parser error at the line that holds it",
		over: files{"a.yaml": "panels:\n  - id: x\n    title: [unclosed\n    summary: s\n"},
		want: Problems{{"over/a.yaml", 3, "invalid YAML: did not find expected ',' or ']'; check the indentation and quoting on this line"}},
	}, {
		name: "undefined alias",
		over: files{"a.yaml": "tradeoffs:\n  - id: x\n    title: X\n    options: *opts\n"},
		want: Problems{{"over/a.yaml", 4, `alias *opts names no anchor; define "&opts" on a value above it or fix the name`}},
	}, {
		name: "duplicate id in one file",
		over: files{"a.yaml": `
tradeoffs:
  - id: x
    title: X
    options: [a, b]
  - id: x
    title: X again
    options: [a, b]
`},
		want: Problems{{"over/a.yaml", 6, `duplicate trade-off id "x" (first at over/a.yaml:3); rename or remove one`}},
	}, {
		name: "duplicate id across files of one layer",
		over: files{
			"a.yaml":   "tradeoffs:\n  - id: x\n    title: X\n    options: [a, b]\n",
			"b/c.yaml": "tradeoffs:\n  - {id: x, title: X, options: [a, b]}\n",
		},
		want: Problems{{"over/b/c.yaml", 2, `duplicate trade-off id "x" (first at over/a.yaml:2); rename or remove one`}},
	}, {
		name: "same id, different types",
		over: files{"a.yaml": "tradeoffs:\n  - {id: star, title: X, options: [a, b]}\n"},
	}, {
		name: "two pack blocks in one layer",
		over: files{"a.yaml": "pack:\n  name: a\n", "b.yaml": "\npack:\n  name: b\n"},
		want: Problems{{"over/b.yaml", 2, `a second "pack:" block in this layer (the first is at over/a.yaml:1); keep one`}},
	}, {
		name:   "no pack block",
		noBase: true,
		over:   files{"a.yaml": "tradeoffs:\n  - {id: x, title: X, options: [a, b]}\n"},
		want:   Problems{{"over", 0, `no "pack:" block in any file; add one with name, version and welcome`}},
	}, {
		name:   "pack block without required fields",
		noBase: true,
		over:   files{"a.yaml": "# placeholder\n\npack:\n  company: Acme\n"},
		want: Problems{
			{"over/a.yaml", 3, `the pack has no name; add "name: ..." under "pack:"`},
			{"over/a.yaml", 3, `the pack has no version; add "version: ..." under "pack:"`},
			{"over/a.yaml", 3, `the pack has no welcome; add "welcome: ..." under "pack:"`},
		},
	}, {
		name:   "pack block of the wrong type",
		noBase: true,
		over:   files{"a.yaml": "pack: acme\n"},
		want:   Problems{{"over/a.yaml", 1, `"pack" must be the pack block written as "key: value" lines, not "acme"; indent its keys under it`}},
	}, {
		name: "missing required fields",
		over: files{"a.yaml": `
panels:
  - title: No id
    summary: ""
    overview: O
    looks_for:
      - title: T
    guides:
      - id: g
        text: T
exercises:
  - id: e
followups:
  - id: f
`},
		want: Problems{
			{"over/a.yaml", 3, `this panel has no id; add "id: ..."`},
			{"over/a.yaml", 4, `this panel has no summary; add "summary: ..."`},
			{"over/a.yaml", 7, `point 1 of looks_for of this panel has no text; add "text: ..."`},
			{"over/a.yaml", 9, `guide "g" of this panel has no title; add "title: ..."`},
			{"over/a.yaml", 12, `exercise "e" has no title; add "title: ..."`},
			{"over/a.yaml", 12, `exercise "e" has no kind; add "kind: ..."`},
			{"over/a.yaml", 12, `exercise "e" has no prompt; add "prompt: ..."`},
			{"over/a.yaml", 14, `follow-up "f" has no question; add "question: ..."`},
		},
	}, {
		name: "badly formed ids",
		over: files{"a.yaml": "tradeoffs:\n  - {id: Queue Or Call, title: X, options: [a, b]}\n"},
		want: Problems{{"over/a.yaml", 2, `id "Queue Or Call" is not allowed; use only lowercase letters, digits, "-" and "_", like "queue-or-call"`}},
	}, {
		name: "dangling references",
		over: files{"a.yaml": `
panels:
  - id: p
    title: P
    summary: S
    overview: O
    rubric: starr
exercises:
  - {id: e, title: E, kind: scale, prompt: P}
followups:
  - {id: f, question: Q, sections: [situation, archi]}
`},
		want: Problems{
			{"over/a.yaml", 7, `panel "p" uses rubric "starr", which the pack does not define; use one of: star, or add that rubric`},
			{"over/a.yaml", 9, `exercise "e" has kind "scale", which is not a rubric of the pack; use one of: star, or add that rubric`},
			{"over/a.yaml", 11, `follow-up "f" probes section "archi", which no rubric has; use a section id from a rubric, like "result"`},
		},
	}, {
		name: "bad rubric sections and signals",
		over: files{"a.yaml": `
rubrics:
  - id: r
    title: R
    summary: S
    sections:
      - {id: a, title: A, question: Q, guidance: G, missing: M, level: must, min_words: -1}
      - {id: a, title: A, question: Q, guidance: G, missing: M, level: recommended}
    signals:
      - {id: n, type: needs_number, section: b, level: warning, message: M, hint: H}
      - {id: p, type: needs_phrase, level: fatal, message: M, hint: H}
      - {id: v, type: voice, level: error, message: M, hint: H, we: [we], min_share: 1.5}
      - {id: t, type: speaking_time, level: error, message: M, hint: H, words_per_minute: 0}
      - {id: t, type: tone, level: error, message: M, hint: H}
  - {id: empty, title: E, summary: S}
`},
		want: Problems{
			{"over/a.yaml", 7, `section "a" of rubric "r" has min_words -1; use 0 for no floor or a positive number of words`},
			{"over/a.yaml", 7, `section "a" of rubric "r" has level "must"; use "required" or "recommended"`},
			{"over/a.yaml", 8, `section "a" of rubric "r" repeats section id "a" (first at line 7); section ids must be unique within a rubric`},
			{"over/a.yaml", 10, `signal "n" of rubric "r" inspects section "b", which rubric "r" does not have; use one of: a`},
			{"over/a.yaml", 11, `signal "p" of rubric "r" has level "fatal"; use "error" or "warning"`},
			{"over/a.yaml", 11, `signal "p" of rubric "r" has no section; add "section: ..."`},
			{"over/a.yaml", 11, `signal "p" of rubric "r" is a needs_phrase signal with no phrases; list the words that satisfy it under "phrases:"`},
			{"over/a.yaml", 12, `signal "v" of rubric "r" has min_share 1.5; give the smallest share of I-words as a number above 0 and at most 1, like 0.3`},
			{"over/a.yaml", 13, `signal "t" of rubric "r" has words_per_minute 0; give a speaking pace above 0, like 140`},
			{"over/a.yaml", 13, `signal "t" of rubric "r" has max_minutes 0; give the longest an answer should take, above 0, like 3`},
			{"over/a.yaml", 14, `signal "t" of rubric "r" repeats signal id "t" (first at line 13); signal ids must be unique within a rubric`},
			{"over/a.yaml", 14, `signal "t" of rubric "r" has unknown type "tone"; use one of: needs_number, needs_phrase, needs_alternative, needs_mistake, voice, thin, speaking_time`},
			{"over/a.yaml", 15, `rubric "empty" has no sections; list at least one under "sections:"`},
		},
	}, {
		// prep check files a label under one section only; a label two
		// sections claim is reported where the second one writes it, read
		// as the checker reads labels (case, punctuation, fillers, plurals).
		name: "a label claimed by two sections",
		over: files{"a.yaml": `
rubrics:
  - id: r
    title: R
    summary: S
    sections:
      - {id: result, title: Result, aliases: [Outcome, Metrics, Metrics], letters: [R], question: Q, guidance: G, missing: M, level: required}
      - id: validation
        title: The outcomes
        aliases:
          - Success metrics
          - metrics
          - Result (what changed)
        letters: [r, V]
        question: Q
        guidance: G
        missing: M
        level: required
      - {id: other, title: Other, aliases: [Outcome, RESULT], question: Q, guidance: G, missing: M, level: recommended}
  - id: r2
    title: R2
    summary: S
    sections:
      - {id: result, title: Outcome, question: Q, guidance: G, missing: M, level: required}
`},
		want: Problems{
			{"over/a.yaml", 9, `section "validation" of rubric "r" has title "The outcomes", which section "result" already claims (as "Outcome" at line 7); prep check files a label under one section only, so remove it from one of them`},
			{"over/a.yaml", 12, `section "validation" of rubric "r" has alias "metrics", which section "result" already claims (as "Metrics" at line 7); prep check files a label under one section only, so remove it from one of them`},
			{"over/a.yaml", 13, `section "validation" of rubric "r" has alias "Result (what changed)", which section "result" already claims (as "result" at line 7); prep check files a label under one section only, so remove it from one of them`},
			{"over/a.yaml", 14, `section "validation" of rubric "r" has letter "r", which section "result" already claims (as "R" at line 7); prep check files a label under one section only, so remove it from one of them`},
			{"over/a.yaml", 19, `section "other" of rubric "r" has alias "Outcome", which section "result" already claims (as "Outcome" at line 7); prep check files a label under one section only, so remove it from one of them`},
			{"over/a.yaml", 19, `section "other" of rubric "r" has alias "RESULT", which section "result" already claims (as "result" at line 7); prep check files a label under one section only, so remove it from one of them`},
		},
	}, {
		// Every cue is looked for in every sentence of an unlabelled
		// answer: thousands of them made prep check take minutes.
		name: "too many cues, and cues too long",
		over: files{"a.yaml": `
rubrics:
  - id: r
    title: R
    summary: S
    sections:
      - id: a
        title: A
        question: Q
        guidance: G
        missing: M
        level: required
        cues:
          - fine
          - "` + strings.Repeat("long ", 17) + `"
      - {id: b, title: B, question: Q, guidance: G, missing: M, level: required, cues: [` + cueList("b", 51) + `]}
` + fullSections(5)},
		want: Problems{
			{"over/a.yaml", 7, `rubric "r" has 303 cues across its sections; keep at most 300 (every cue is looked for in every sentence prep check reads)`},
			{"over/a.yaml", 15, `section "a" of rubric "r" has a cue of 85 characters; keep each cue to a word or a short phrase of at most 80 characters`},
			{"over/a.yaml", 16, `section "b" of rubric "r" has 51 cues; keep at most 50, the words that tell this part from the others (every cue is looked for in every sentence prep check reads)`},
		},
	}, {
		name: "trade-off options and guide ids",
		over: files{"a.yaml": `
tradeoffs:
  - {id: x, title: X, options: [only one]}
panels:
  - id: p
    title: P
    summary: S
    overview: O
    guides:
      - {id: g, title: G, text: T}
      - {id: g, title: G, text: T}
`},
		want: Problems{
			{"over/a.yaml", 3, `trade-off "x" needs at least two options to choose between; list them under "options:"`},
			{"over/a.yaml", 11, `guide "g" of panel "p" repeats guide id "g" (first at line 10); guide ids must be unique within a panel`},
		},
	}, {
		name: "repeated key in a mapping",
		over: files{"a.yaml": "tradeoffs:\n  - id: x\n    title: X\n    options: [a, b]\n    title: Y\n"},
		want: Problems{{"over/a.yaml", 5, `key "title" appears twice in a trade-off (first at line 3); keep one`}},
	}, {
		name: "two documents",
		over: files{"a.yaml": "tradeoffs: []\n---\npanels: []\n"},
		want: Problems{{"over/a.yaml", 2, `a second YAML document starts here; keep one document per file (remove the "---" or move it to its own file)`}},
	}, {
		name: "not UTF-8",
		over: files{"a.yaml": "tradeoffs:\n  - id: x\n    title: caf\xe9\n"},
		want: Problems{{"over/a.yaml", 3, "file is not UTF-8 text; save it as UTF-8"}},
	}, {
		name: "UTF-16",
		over: files{"a.yaml": "\xff\xfep\x00a\x00"},
		want: Problems{{"over/a.yaml", 1, "file is not UTF-8 text; save it as UTF-8"}},
	}, {
		name: "over 4 MiB",
		over: files{"big.yaml": "# " + strings.Repeat("x", 4<<20) + "\n"},
		want: Problems{{"over/big.yaml", 0, "file is over 4 MiB; split it into smaller files"}},
	}, {
		name: "alias inside its own anchor",
		over: files{"a.yaml": "tradeoffs:\n  - &t\n    id: x\n    title: X\n    options: [a, b]\n    <<: *t\n"},
		want: Problems{{"over/a.yaml", 6, "alias *t is used inside its own anchor; point it at a value defined before it"}},
	}, {
		name: "alias bomb",
		over: files{"bomb.yaml": aliasBomb},
		want: Problems{{"over/bomb.yaml", 16, `too many values reached through aliases (over 100000), which looks like an alias bomb; write the values out or use fewer "*" aliases`}},
	}, {
		name: "long text aliased many times",
		over: files{"a.yaml": longAliased},
		want: Problems{{"over/a.yaml", 25, `the text reached through aliases comes to over 4 MiB, which looks like an alias bomb; write the values out or use fewer "*" aliases`}},
	}, {
		name: "empty and comment-only files are placeholders",
		over: files{"a.yaml": "", "b.yml": "# to do\n", "c.yaml": "---\n"},
	}, {
		name: "anchors and merge keys",
		over: files{"a.yaml": `
x-defaults: &sig {level: warning, message: M, hint: H}
rubrics: []
`, "b.yaml": `
tradeoffs:
  - &base {id: a, title: A, options: [yes, no], notes: shared}
  - <<: *base
    id: b
`},
		want: Problems{{"over/a.yaml", 2, `unknown top-level key "x-defaults"; remove it or check its spelling (known keys: pack, panels, rubrics, exercises, tradeoffs, followups, components, examples, references)`}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			layers := []Source{dirSource("testdata/valid"), tt.over.source("over")}
			if tt.noBase {
				layers = layers[1:]
			}
			start := time.Now()
			_, err := Load(layers...)
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("Load took %v", d)
			}
			var got Problems
			if err != nil && !errors.As(err, &got) {
				t.Fatalf("Load error %v is not Problems", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// aliasBomb is a billion-laughs document shaped to the schema: decoding
// it in full would build 100 panels of 100 guides of 100 questions.
var aliasBomb = `panels:
  - &p
    id: p
    title: P
    summary: S
    overview: O
    guides: [&g {id: g, title: G, text: T, questions: [` + strings.Repeat("lol, ", 99) + `lol]}` + strings.Repeat(", *g", 99) + `]
` + strings.Repeat("  - *p\n", 99)

// cueList is n distinct cues, written as a flow list's items.
func cueList(prefix string, n int) string {
	cues := make([]string, n)
	for i := range cues {
		cues[i] = prefix + strconv.Itoa(i)
	}
	return strings.Join(cues, ", ")
}

// fullSections is n sections of a rubric with 50 cues each.
func fullSections(n int) string {
	var b strings.Builder
	for i := range n {
		id := "c" + strconv.Itoa(i)
		b.WriteString("      - {id: " + id + ", title: " + id + ", question: Q, guidance: G, missing: M, level: required, cues: [" + cueList(id+"-", 50) + "]}\n")
	}
	return b.String()
}

// longAliased is a few lines of YAML that expand to far more text than
// any file holds: one 1 MiB note, aliased again and again (with 6,000
// aliases, content show once printed 6 GB of it).
var longAliased = "tradeoffs:\n  - id: a\n    title: A\n    options: [x, y]\n    notes: &n " + strings.Repeat("x", 1<<20) + "\n" +
	strings.Repeat("  - id: b\n    title: B\n    options: [x, y]\n    notes: *n\n", 6)

// The classic billion laughs nests lists in lists, which no pack field
// holds: it must fail at once on the type, without expanding anything.
func TestLoadBillionLaughs(t *testing.T) {
	bomb := files{"bomb.yaml": `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
tradeoffs:
  - id: x
    title: X
    options: *i
`}
	_, err := Load(dirSource("testdata/valid"), bomb.source("over"))
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load error = %v, want Problems", err)
	}
	want := Problem{"over/bomb.yaml", 8, `each item of "options" in a trade-off must be text, not a list; quote text that contains ": " or starts with "- ", and use "|" for several lines`}
	found := false
	for _, p := range ps {
		found = found || p == want
	}
	if !found {
		t.Errorf("problems %v\nlack %v", ps, want)
	}
}
