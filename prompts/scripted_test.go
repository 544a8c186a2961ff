package prompts

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func parse(t *testing.T, yaml string) *Scripted {
	t.Helper()
	s, err := ParseScripted("answers.yaml", []byte(yaml))
	if err != nil {
		t.Fatalf("ParseScripted: %v", err)
	}
	return s
}

var projects = []string{"Payments rewrite", "Search latency", "On-call tooling"}

// A session that asks every kind of question gets what the file says.
func TestScriptedAnswersEveryKind(t *testing.T) {
	s := parse(t, `
name: Ada
years: 007
summary: |
  Led the payments rewrite.

  Cut failed charges by 40%.
blank:
owned: yes
remote: False
again: n
feature: search LATENCY
second: 2
both: [3, Payments rewrite]
one: On-call tooling
none: []
`)
	type result struct {
		Name, Years, Summary, Blank string
		Owned, Remote, Again        bool
		Feature, Second             int
		Both, One, None             []int
	}
	var got result
	var errs []error
	keep := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	var err error
	got.Name, err = s.Input(Question{ID: "name"})
	keep(err)
	got.Years, err = s.Input(Question{ID: "years"})
	keep(err)
	got.Summary, err = s.Text(Question{ID: "summary"})
	keep(err)
	got.Blank, err = s.Text(Question{ID: "blank", Default: "old text"})
	keep(err)
	got.Owned, err = s.Confirm(Question{ID: "owned"}, false)
	keep(err)
	got.Remote, err = s.Confirm(Question{ID: "remote"}, true)
	keep(err)
	got.Again, err = s.Confirm(Question{ID: "again"}, true)
	keep(err)
	got.Feature, err = s.Select(Question{ID: "feature"}, projects, 0)
	keep(err)
	got.Second, err = s.Select(Question{ID: "second"}, projects, 0)
	keep(err)
	got.Both, err = s.MultiSelect(Question{ID: "both"}, projects, nil)
	keep(err)
	got.One, err = s.MultiSelect(Question{ID: "one"}, projects, nil)
	keep(err)
	got.None, err = s.MultiSelect(Question{ID: "none"}, projects, []int{1})
	keep(err)
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	want := result{
		Name: "Ada", Years: "007",
		Summary: "Led the payments rewrite.\n\nCut failed charges by 40%.",
		Blank:   "",
		Owned:   true, Remote: false, Again: false,
		Feature: 1, Second: 1,
		Both: []int{0, 2}, One: []int{2}, None: []int{},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
	if u := s.Unused(); len(u) != 0 {
		t.Errorf("Unused() = %q after asking everything", u)
	}
}

// An option whose text is a number is chosen by its text, not its position.
func TestScriptedSelectPrefersOptionText(t *testing.T) {
	s := parse(t, "team.size: 2\n")
	got, err := s.Select(Question{ID: "team.size"}, []string{"1", "5", "2"}, 0)
	if err != nil || got != 2 {
		t.Fatalf("Select = %d, %v; want 2 (the option \"2\")", got, err)
	}
}

// An answer may give the start of one option's text, as a person shortens
// a long menu line; the start of two options is refused, naming them.
func TestScriptedSelectByTheStartOfOneOption(t *testing.T) {
	options := []string{"Distributed systems design: a backend", "Debugging: find out why", "Design systems: tokens"}
	s := parse(t, "track: debugging\n")
	if got, err := s.Select(Question{ID: "track"}, options, 0); err != nil || got != 1 {
		t.Errorf("Select = %d, %v; want 1 (Debugging: …)", got, err)
	}
	s = parse(t, "track: d\n")
	if _, err := s.Select(Question{ID: "track"}, options, 0); err == nil || !strings.Contains(err.Error(), `"d" is not an option of "track"`) {
		t.Errorf("the start of three options: err = %v, want it refused", err)
	}
}

// Flat dotted keys, nesting, lists and any mix of them name the same ids.
func TestScriptedNestedAndFlatKeys(t *testing.T) {
	files := map[string]string{
		"flat": `
timeline.0.company: Acme
timeline.0.title: Staff engineer
timeline.1.company: Initech
story.1.result: p99 from 900 ms to 120 ms
`,
		"nested": `
timeline:
  - company: Acme
    title: Staff engineer
  - company: Initech
story:
  1:
    result: p99 from 900 ms to 120 ms
`,
		"mixed": `
timeline.0:
  company: Acme
  title: Staff engineer
timeline.1: {company: Initech}
story: {1.result: p99 from 900 ms to 120 ms}
`,
		"aliased": `
acme: &acme {company: Acme, title: Staff engineer}
timeline: [*acme, {company: Initech}]
story.1.result: p99 from 900 ms to 120 ms
`,
	}
	for name, file := range files {
		t.Run(name, func(t *testing.T) {
			s := parse(t, file)
			var got []string
			for _, id := range []string{"timeline.0.company", "timeline.0.title", "timeline.1.company", "story.1.result"} {
				ans, err := s.Input(Question{ID: id})
				if err != nil {
					t.Fatalf("Input(%q): %v", id, err)
				}
				got = append(got, ans)
			}
			want := []string{"Acme", "Staff engineer", "Initech", "p99 from 900 ms to 120 ms"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("answers (-want +got):\n%s", diff)
			}
		})
	}
}

// Unused names, in file order, what no question asked for: typos in ids.
func TestScriptedUnused(t *testing.T) {
	s := parse(t, `
timeline:
  - company: Acme
    titel: Staff engineer
projects: [Payments rewrite, Search latency]
story.0.reslut: 40% fewer failed charges
story.0.result: 40% fewer failed charges
empty: {}
`)
	for _, id := range []string{"timeline.0.company", "story.0.result"} {
		if _, err := s.Input(Question{ID: id}); err != nil {
			t.Fatal(err)
		}
	}
	// Asking for the list uses up its items.
	if _, err := s.MultiSelect(Question{ID: "projects"}, projects, nil); err != nil {
		t.Fatal(err)
	}
	want := []string{"timeline.0.titel", "story.0.reslut", "empty"}
	if diff := cmp.Diff(want, s.Unused()); diff != "" {
		t.Errorf("Unused() (-want +got):\n%s", diff)
	}
}

// Every problem with an answer names the file, the line when there is
// one, the question, and what to write instead.
func TestScriptedAnswerErrors(t *testing.T) {
	file := `name:
  first: Ada
feature: Billing
features: [Search latency, 9]
sure: maybe
story: |
  two
  lines
bad: [a, {b: c}]
`
	tests := []struct {
		name string
		ask  func(s *Scripted) error
		want string
	}{
		{"missing answer", func(s *Scripted) error {
			_, err := s.Text(Question{ID: "story.1.result", Message: "What changed, and by how much?"})
			return err
		}, `answers.yaml: no answer for "story.1.result" (What changed, and by how much?); add it`},
		{"mapping for text", func(s *Scripted) error {
			_, err := s.Input(Question{ID: "name"})
			return err
		}, `answers.yaml:2: the answer to "name" must be one line of text (quote it if it contains ": "), not a mapping of "key: value" lines`},
		{"several lines for one", func(s *Scripted) error {
			_, err := s.Input(Question{ID: "story"})
			return err
		}, `answers.yaml:6: the answer to "story" must be one line; join its lines`},
		{"unknown option", func(s *Scripted) error {
			_, err := s.Select(Question{ID: "feature"}, projects, 0)
			return err
		}, `answers.yaml:3: "Billing" is not an option of "feature"; answer one of "Payments rewrite", "Search latency", "On-call tooling" or its number from 1 to 3`},
		{"number out of range in a list", func(s *Scripted) error {
			_, err := s.MultiSelect(Question{ID: "features"}, projects, nil)
			return err
		}, `answers.yaml:4: "9" is not an option of "features"; answer one of "Payments rewrite", "Search latency", "On-call tooling" or its number from 1 to 3`},
		{"list for one option", func(s *Scripted) error {
			_, err := s.Select(Question{ID: "features"}, projects, 0)
			return err
		}, `answers.yaml:4: the answer to "features" must be one option, one of "Payments rewrite", "Search latency", "On-call tooling" or its number from 1 to 3, not a list`},
		{"mapping in a list of options", func(s *Scripted) error {
			_, err := s.MultiSelect(Question{ID: "bad"}, []string{"a", "b"}, nil)
			return err
		}, `answers.yaml:9: each item of the answer to "bad" must be one option, one of "a", "b" or its number from 1 to 2, not a mapping of "key: value" lines`},
		{"not yes or no", func(s *Scripted) error {
			_, err := s.Confirm(Question{ID: "sure"}, true)
			return err
		}, `answers.yaml:5: the answer to "sure" must be yes or no, not "maybe"`},
		{"refused by the question", func(s *Scripted) error {
			_, err := s.Text(Question{ID: "story", Validate: func(a string) error {
				if !strings.ContainsAny(a, "0123456789") {
					return errors.New("give a number")
				}
				return nil
			}})
			return err
		}, `answers.yaml:6: the answer to "story" is refused: give a number; change it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.ask(parse(t, file))
			if err == nil {
				t.Fatalf("no error; want %s", tt.want)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n got %s\nwant %s", got, tt.want)
			}
			var ae *AnswerError
			if !errors.As(err, &ae) {
				t.Errorf("error is %T, want *AnswerError so the command can tell a bad answers file", err)
			}
		})
	}
}

// A file that cannot be used is refused before any question, in one line
// with its line number.
func TestScriptedFileErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"bad indentation", "a: b\n  c: d\n", "answers.yaml:2: invalid YAML: mapping values are not allowed in this context; check the indentation and quoting on this line"},
		{"unclosed quote", "a: \"b\nc: d\n", "answers.yaml:1: invalid YAML: found unexpected end of stream; check the indentation and quoting on this line"},
		{"a list", "- a\n- b\n", `answers.yaml:1: the answers file must map question ids to answers, like "timeline.0.company: Acme", not a list`},
		{"a scalar", "hello\n", `answers.yaml:1: the answers file must map question ids to answers, like "timeline.0.company: Acme", not "hello"`},
		{"same id twice", "timeline.0.company: Acme\ntimeline:\n  - company: Initech\n", `answers.yaml:3: "timeline.0.company" is answered twice (first at line 1); keep one`},
		{"same key twice", "a: 1\nb: 2\na: 3\n", `answers.yaml:3: "a" is answered twice (first at line 1); keep one`},
		{"list as key", "? [a, b]\n: c\n", "answers.yaml:1: a key must be a question id like timeline.0.company, not a list"},
		{"two documents", "a: 1\n---\nb: 2\n", `answers.yaml:2: a second YAML document starts here; keep all answers in one (remove the "---")`},
		{"unknown alias", "a: 1\nb: *nope\n", "answers.yaml:2: alias *nope names no anchor; define &nope on a value above it, or fix the name"},
		{"merge", "base: &b {x: 1}\nc:\n  <<: *b\n", `answers.yaml:3: "<<" merges are not supported in an answers file; write the answers out`},
		{"not utf-8", "a: ok\nb: \xff\n", "answers.yaml:2: the answers file is not UTF-8 text; save it as UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseScripted("answers.yaml", []byte(tt.data))
			if err == nil {
				t.Fatalf("no error; want %s", tt.want)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestScriptedAliasBombIsRefused(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	_, err := ParseScripted("answers.yaml", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "use fewer \"*\" aliases") {
		t.Fatalf("err = %v; want the alias limit", err)
	}
}

// An empty file is a valid file that answers nothing.
func TestScriptedEmptyFile(t *testing.T) {
	for _, data := range []string{"", "# nothing yet\n", "~\n", "{}\n"} {
		s := parse(t, data)
		_, err := s.Input(Question{ID: "name", Message: "Your name?"})
		want := `answers.yaml: no answer for "name" (Your name?); add it`
		if err == nil || err.Error() != want {
			t.Errorf("%q: err = %v; want %s", data, err, want)
		}
	}
}

func TestNewScriptedReadsFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "answers.yaml")
	if err := os.WriteFile(path, []byte("name: Ada\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := NewScripted(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.Input(Question{ID: "name"}); err != nil || got != "Ada" {
		t.Errorf("Input = %q, %v; want Ada", got, err)
	}

	missing := filepath.Join(dir, "nope.yaml")
	_, err = NewScripted(missing)
	want := missing + ": no such answers file; check the path given to --answers"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v; want %s", err, want)
	}
}

// The example answers file in testdata is read as documented.
func TestScriptedExampleFile(t *testing.T) {
	s, err := NewScripted(filepath.Join("testdata", "answers.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	company, err := s.Input(Question{ID: "timeline.1.company"})
	if err != nil {
		t.Fatal(err)
	}
	featured, err := s.MultiSelect(Question{ID: "projects.featured"}, []string{"Payments rewrite", "Search latency", "On-call tooling"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	result, err := s.Text(Question{ID: "story.0.result"})
	if err != nil {
		t.Fatal(err)
	}
	got := []any{company, featured, result}
	want := []any{"Initech", []int{0, 1}, "Failed charges fell from 2.1% to 0.4% in six weeks."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestCleanText(t *testing.T) {
	got := cleanText("# Result\r\n\r\nIt worked.  \r\n\r\n")
	if want := "# Result\n\nIt worked."; got != want {
		t.Errorf("cleanText = %q, want %q", got, want)
	}
}

func TestEditorCommand(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	tests := []struct {
		vars map[string]string
		goos string
		want string
	}{
		{map[string]string{"VISUAL": "code --wait", "EDITOR": "nano"}, "linux", "code --wait"},
		{map[string]string{"EDITOR": "nano"}, "linux", "nano"},
		{nil, "linux", "vi"},
		{nil, "darwin", "vi"},
		{nil, "windows", "notepad"},
	}
	for _, tt := range tests {
		if got := EditorCommand(env(tt.vars), tt.goos); got != tt.want {
			t.Errorf("EditorCommand(%v, %s) = %q, want %q", tt.vars, tt.goos, got, tt.want)
		}
	}
}
