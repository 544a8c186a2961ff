package check_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
)

func parse(t *testing.T, name, text string) *document.Doc {
	t.Helper()
	doc, err := document.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

const weStory = `---
title: Queue migration
kind: star
---
# Moving jobs to a queue

## Situation
At the time our team ran background jobs from cron on one machine. We had
missed runs every week, and we lost a billing run twice, which our customers
noticed.

## Task
Make jobs reliable without a rewrite.

## Action
We moved the jobs to a queue with retries, and we added alerting on failed
runs. We also wrote a runbook for the on-call engineer, and we tested it.

## Result
The jobs became much more reliable.

## Trade-offs
SQS vs. running our own RabbitMQ: less control, no servers to run.

## Lessons
It went smoothly and the team liked it.
`

func TestCheckReport(t *testing.T) {
	got := check.Check(parse(t, "story.md", weStory), rubric(t, "star"))
	want := check.Report{
		File: "story.md",
		Kind: "star",
		Sections: []check.SectionStatus{
			{ID: "situation", Title: "Situation", Status: "ok", Line: 7, Words: 30, MinWords: 20},
			{ID: "task", Title: "Task", Status: "thin", Line: 12, Words: 6, MinWords: 10},
			{ID: "action", Title: "Action", Status: "thin", Line: 15, Words: 29, MinWords: 30},
			{ID: "result", Title: "Result", Status: "thin", Line: 19, Words: 6, MinWords: 10},
			{ID: "tradeoffs", Title: "Trade-offs", Status: "thin", Line: 22, Words: 12, MinWords: 15},
			{ID: "lessons", Title: "Lessons", Status: "thin", Line: 25, Words: 8, MinWords: 15},
			{ID: "architecture", Title: "Architecture", Status: "missing"},
			{ID: "contribution", Title: "My contribution", Status: "missing"},
			{ID: "followups", Title: "Follow-ups", Status: "missing"},
		},
		Findings: []check.Finding{
			{Rule: "missing-section", Severity: "warning", Section: "architecture", Message: "No Architecture: name the components you chose and why",
				Hint: `add a "## Architecture" section; answer: Which components did you choose, and why?`, Reason: "no Architecture"},
			{Rule: "missing-section", Severity: "warning", Section: "contribution", Message: "No My contribution: say what you yourself did",
				Hint: `add a "## My contribution" section; answer: What was your part, apart from the team's?`, Reason: "no My contribution"},
			{Rule: "missing-section", Severity: "warning", Section: "followups", Message: "No Follow-ups: list the questions you expect",
				Hint: `add a "## Follow-ups" section; answer: What will they poke at?`, Reason: "no Follow-ups"},
			{Rule: "voice", Severity: "warning", Line: 5, Message: `The story is told as "we"; the panel wants to hear what you did`,
				Hint: `say "I" for your own part`, Quote: "At the time our team ran background jobs from cron on one machine.", Reason: "voice"},
			{Rule: "thin", Severity: "warning", Section: "task", Line: 12, Message: "The Task is thin (6 words; aim for 10)",
				Hint: "add detail an engineer would ask about", Quote: "Make jobs reliable without a rewrite.", Reason: "thin"},
			{Rule: "thin", Severity: "warning", Section: "action", Line: 15, Message: "The Action is thin (29 words; aim for 30)",
				Hint: "add detail an engineer would ask about", Quote: "We moved the jobs to a queue with retries, and we added alerting on failed runs.", Reason: "thin"},
			{Rule: "result-number", Severity: "warning", Section: "result", Line: 19, Message: "The Result has no number in it",
				Hint: "put a figure on the change (latency, cost, errors, time saved)", Quote: "The jobs became much more reliable.", Reason: "result number"},
			{Rule: "thin", Severity: "warning", Section: "result", Line: 19, Message: "The Result is thin (6 words; aim for 10)",
				Hint: "add detail an engineer would ask about", Quote: "The jobs became much more reliable.", Reason: "thin"},
			{Rule: "thin", Severity: "warning", Section: "tradeoffs", Line: 22, Message: "The Trade-offs is thin (12 words; aim for 15)",
				Hint: "add detail an engineer would ask about", Quote: "SQS vs. running our own RabbitMQ: less control, no servers to run.", Reason: "thin"},
			{Rule: "lessons-mistake", Severity: "warning", Section: "lessons", Line: 25, Message: "The Lessons admit no mistake",
				Hint: "say what went wrong, not only what went right", Quote: "It went smoothly and the team liked it.", Reason: "lessons mistake"},
			{Rule: "thin", Severity: "warning", Section: "lessons", Line: 25, Message: "The Lessons is thin (8 words; aim for 15)",
				Hint: "add detail an engineer would ask about", Quote: "It went smoothly and the team liked it.", Reason: "thin"},
		},
		Summary: check.Summary{Errors: 0, Warnings: 11},
		Verdict: check.VerdictNeedsWork,
		Reasons: []string{"voice", "result number", "lessons mistake"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Check (-want +got):\n%s", diff)
	}
	if got.HasErrors() {
		t.Error("HasErrors() = true for a report with warnings only")
	}
}

// rules lists the rules that fired, for tests about one signal at a time.
func rules(r check.Report) []string {
	out := []string{}
	for _, f := range r.Findings {
		if f.Rule != "thin" && f.Rule != check.RuleMissingSection {
			out = append(out, f.Rule+"@"+f.Section)
		}
	}
	return out
}

func TestSignals(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // rule@section of each signal finding, thin and missing left out
	}{
		{"result with digits", "## Result\np99 went from 800 ms to 120 ms.", []string{}},
		{"result with a number word", "## Result\nLatency halved across the board.", []string{}},
		{"result with percent spelled out", "## Result\nErrors fell by ten percent.", []string{}},
		{"result without a number", "## Result\nIt got much better for everyone.", []string{"result-number@result"}},
		{"one is no figure", "## Result\nIt was one of our better launches.", []string{"result-number@result"}},
		{"missing result stays quiet", "## Situation\nA slow page.", []string{}},
		{"placeholder result stays quiet", "## Result\nTODO", []string{}},
		{"trade-off with vs.", "## Trade-offs\nPostgres vs. Mongo: we kept SQL.", []string{}},
		{"trade-off with a plural", "## Trade-offs\nThe alternatives were worse.", []string{}},
		{"trade-off in other case", "## Trade-offs\nINSTEAD OF a queue, a cron job.", []string{}},
		{"trade-off naming none", "## Trade-offs\nPostgres, because it was there.", []string{"tradeoff-alternative@tradeoffs"}},
		{"phrase inside a word", "## Trade-offs\nMoreover, covering it was hard.", []string{"tradeoff-alternative@tradeoffs"}},
		{"lessons with a mistake", "## Lessons\nI should have load tested first.", []string{}},
		{"lessons with none", "## Lessons\nEverything went to plan.", []string{"lessons-mistake@lessons"}},
		{"we-heavy", "We built it. We shipped it. We're proud; our team did well. I helped.", []string{"voice@"}},
		{"I-heavy", "## Action\nWe planned it. I built it, I shipped it and I wrote the runbook; we celebrated. We rested.", []string{}},
		{"were is not we're", "They were slow. Things were bad. Tests were flaky. Builds were red. I fixed them.", []string{}},
		{"too long", "## Action\n" + strings.Repeat("I tuned one more query. ", 120), []string{"too-long@"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rules(check.Check(parse(t, "a.md", tt.text), rubric(t, "star")))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("signals (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSpeakingTimeSaysHowLong(t *testing.T) {
	r := check.Check(parse(t, "long.md", "## Action\n"+strings.Repeat("I tuned one more query. ", 120)), rubric(t, "star"))
	for _, f := range r.Findings {
		if f.Rule == "too-long" {
			want := "This takes about 4.0 minutes to tell (aim for 3)"
			if f.Message != want || f.Line != 1 {
				t.Errorf("finding = %q at line %d, want %q at line 1", f.Message, f.Line, want)
			}
			return
		}
	}
	t.Errorf("no too-long finding in %+v", r.Findings)
}

func TestMissingSectionsAreErrorsOrWarnings(t *testing.T) {
	r := check.Check(parse(t, "a.md", "## Result\n\n## Situation\nTBD\n"), rubric(t, "star"))
	var got []string
	for _, f := range r.Findings {
		if f.Rule == check.RuleMissingSection {
			got = append(got, f.Severity+" "+f.Section+" "+strings.Repeat("*", min(f.Line, 1)))
		}
	}
	// Required sections are errors, recommended ones warnings; a marked
	// but empty section keeps its line, sorted by line then severity.
	want := []string{
		"error task ", "error action ", "error tradeoffs ", "error lessons ",
		"warning architecture ", "warning contribution ", "warning followups ",
		"error result *", "error situation *",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("missing sections (-want +got):\n%s", diff)
	}
	if !r.HasErrors() || r.Summary.Errors != 6 || r.Summary.Warnings != 3 {
		t.Errorf("summary = %+v, HasErrors %v", r.Summary, r.HasErrors())
	}
}

func TestCheckWithoutRubricOrDoc(t *testing.T) {
	// No panic, and lists a script can index.
	for _, r := range []check.Report{
		check.Check(nil, rubric(t, "star")),
		check.Check(parse(t, "a.md", "text"), nil),
		check.Check(parse(t, "a.md", "text"), &pack.Rubric{ID: "empty"}),
	} {
		if r.Sections == nil || r.Findings == nil {
			t.Errorf("nil lists in %+v", r)
		}
	}
}

func TestWriteJSONContract(t *testing.T) {
	doc := parse(t, "story.md", "## Situation\nAt the time our checkout took 9 seconds for users on slow phones, and the team had tried twice to fix it.\n")
	var buf bytes.Buffer
	if err := check.WriteJSON(&buf, []check.Report{check.Check(doc, rubric(t, "star"))}); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, buf.String())
	}
	if len(got) != 1 {
		t.Fatalf("%d objects for one input", len(got))
	}
	keys := func(m map[string]any) []string {
		var k []string
		for _, name := range []string{"file", "kind", "sections", "findings", "summary", "inferred"} {
			if _, ok := m[name]; ok {
				k = append(k, name)
			}
		}
		return k
	}
	if diff := cmp.Diff([]string{"file", "kind", "sections", "findings", "summary"}, keys(got[0])); diff != "" {
		t.Errorf("report keys (-want +got):\n%s", diff)
	}
	secs := got[0]["sections"].([]any)
	wantFirst := map[string]any{"id": "situation", "title": "Situation", "status": "ok", "line": 1.0, "words": 22.0}
	if diff := cmp.Diff(wantFirst, secs[0]); diff != "" {
		t.Errorf("a found section (-want +got):\n%s", diff)
	}
	wantMissing := map[string]any{"id": "task", "title": "Task", "status": "missing"}
	if diff := cmp.Diff(wantMissing, secs[1]); diff != "" {
		t.Errorf("a missing section (-want +got):\n%s", diff)
	}
	first := got[0]["findings"].([]any)[0].(map[string]any)
	wantFinding := map[string]any{"rule": "missing-section", "severity": "error", "section": "task", "line": 0.0,
		"message": "No Task: say what you were asked to achieve", "hint": `add a "## Task" section; answer: What were you asked to do?`}
	if diff := cmp.Diff(wantFinding, first); diff != "" {
		t.Errorf("a finding (-want +got):\n%s", diff)
	}
}

func TestWriteJSONKeepsTextReadable(t *testing.T) {
	var buf bytes.Buffer
	r := check.Check(parse(t, "a.md", "## Task\n<fill in>\n"), rubric(t, "star"))
	if err := check.WriteJSON(&buf, []check.Report{r}); err != nil {
		t.Fatal(err)
	}
	if s := buf.String(); strings.Contains(s, `\u003c`) || !strings.Contains(s, `only \"<fill in>\" under it`) {
		t.Errorf("JSON escapes the text it quotes:\n%s", s)
	}
}

func TestWriteJSONEmptyLists(t *testing.T) {
	var buf bytes.Buffer
	if err := check.WriteJSON(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(buf.String()); got != "[]" {
		t.Errorf("no reports = %s, want []", got)
	}
	buf.Reset()
	if err := check.WriteJSON(&buf, []check.Report{{File: "a.md", Kind: "star"}}); err != nil {
		t.Fatal(err)
	}
	if s := buf.String(); strings.Contains(s, "null") || !strings.Contains(s, `"sections": []`) || !strings.Contains(s, `"findings": []`) {
		t.Errorf("empty lists are not []:\n%s", s)
	}
}

func TestWriteTextColour(t *testing.T) {
	r := check.Check(parse(t, "a\x1b[2Jb.md", "## Result\nIt got better."), rubric(t, "star"))
	var plain, colour bytes.Buffer
	if err := check.WriteText(&plain, []check.Report{r, r}, false); err != nil {
		t.Fatal(err)
	}
	if err := check.WriteText(&colour, []check.Report{r}, true); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b") {
		t.Errorf("escape codes without colour:\n%q", plain.String())
	}
	if !strings.Contains(plain.String(), "a?[2Jb.md (star)") {
		t.Errorf("a control character in a file name reached the output:\n%q", plain.String())
	}
	if !strings.Contains(colour.String(), "\x1b[31merror  \x1b[0m") {
		t.Errorf("no red for errors with colour on:\n%q", colour.String())
	}
	if !strings.HasSuffix(plain.String(), "checked 2 files: 10 errors, 10 warnings\n") {
		t.Errorf("no total:\n%s", plain.String())
	}
	var none bytes.Buffer
	if err := check.WriteText(&none, nil, false); err != nil || none.Len() != 0 {
		t.Errorf("no reports wrote %q, %v", none.String(), err)
	}
}

// TestCheckConcurrently checks one rubric from many goroutines at once, as
// the compiled rubric is built on first use and shared: run with -race.
func TestCheckConcurrently(t *testing.T) {
	r := rubric(t, "star") // a fresh pointer: nothing compiled for it yet
	doc := parse(t, "story.md", weStory)
	want := check.Check(parse(t, "story.md", weStory), rubric(t, "star"))
	got := make([]check.Report, 8)
	done := make(chan struct{})
	for i := range got {
		go func() {
			defer func() { done <- struct{}{} }()
			got[i] = check.Check(doc, r)
		}()
	}
	for range got {
		<-done
	}
	for i := range got {
		if diff := cmp.Diff(want, got[i]); diff != "" {
			t.Errorf("goroutine %d (-want +got):\n%s", i, diff)
		}
	}
}

func TestYAMLAnswerHintsAtKeys(t *testing.T) {
	r := check.Check(parse(t, "answer.yaml", "breaks_first: the primary database\n"), rubric(t, "scale"))
	var hints []string
	for _, f := range r.Findings {
		hints = append(hints, f.Hint)
	}
	want := []string{
		`add a "why_designed:" key; answer: Why this way?`,
		`add a "bottlenecks:" key; answer: Where are the limits?`,
		`add a "mitigation:" key; answer: What would you change?`,
		`add a "validation:" key; answer: How would you know?`,
	}
	if diff := cmp.Diff(want, hints); diff != "" {
		t.Errorf("hints (-want +got):\n%s", diff)
	}
}

// A signal's hint can quote the question of the section it is about, so a
// thin section's hint says what to answer, not just "add detail".
func TestHintQuotesTheSectionsQuestion(t *testing.T) {
	r := *rubric(t, "star")
	r.Sections = append([]pack.Section(nil), r.Sections...)
	r.Signals = []pack.Signal{{ID: "thin-section", Type: pack.SignalThin, Level: pack.SeverityWarning,
		Message: "Only {words} words under {section}.", Hint: "Answer {question} in full."}}
	var task *pack.Section
	for i := range r.Sections {
		if r.Sections[i].ID == "task" {
			task = &r.Sections[i]
		}
	}
	task.Question = "What did you own?"
	got := check.Check(parse(t, "story.md", weStory), &r)
	var hints []string
	for _, f := range got.Findings {
		if f.Rule == "thin-section" && f.Section == "task" {
			hints = append(hints, f.Hint)
		}
	}
	if diff := cmp.Diff([]string{"Answer What did you own? in full."}, hints); diff != "" {
		t.Errorf("thin Task hint (-want +got):\n%s", diff)
	}
}

// TestWriteTextWraps checks that, for a terminal 60 columns wide, every
// line fits and no word is broken.
func TestWriteTextWraps(t *testing.T) {
	r := check.Check(parse(t, "story.md", weStory), rubric(t, "star"))
	var wide, narrow bytes.Buffer
	if err := check.WriteText(&wide, []check.Report{r}, false); err != nil {
		t.Fatal(err)
	}
	if err := check.WriteTextWidth(&narrow, []check.Report{r}, false, 60); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(narrow.String(), "\n") {
		if n := len([]rune(l)); n > 60 {
			t.Errorf("line of %d columns at width 60: %q", n, l)
		}
	}
	if got, want := strings.Fields(narrow.String()), strings.Fields(wide.String()); !cmp.Equal(got, want) {
		t.Errorf("wrapping changed the words:\n%s", cmp.Diff(want, got))
	}
}
