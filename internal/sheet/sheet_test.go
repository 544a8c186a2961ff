package sheet

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/workspace"
)

func TestSentences(t *testing.T) {
	text := "p99 fell from 2.1 s to 320 ms. Timeouts fell (to 0.1%).\nWe used e.g. a queue! Did it work? Yes.\n\nA list item with no stop\n"
	want := []string{"p99 fell from 2.1 s to 320 ms.", "Timeouts fell (to 0.1%).", "We used e.g. a queue!", "Did it work?", "Yes.", "A list item with no stop"}
	if diff := cmp.Diff(want, sentences(text)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func rubrics(t testing.TB) []pack.Rubric {
	t.Helper()
	p, err := pack.Load(pack.Source{FS: content.FS, Name: pack.Embedded})
	if err != nil {
		t.Fatal(err)
	}
	return p.Rubrics
}

// words are the built-in pack's sheet block.
func words(t testing.TB) pack.Sheet {
	t.Helper()
	p, err := pack.LoadParts(pack.PartMeta, pack.Source{FS: content.FS, Name: pack.Embedded})
	if err != nil {
		t.Fatal(err)
	}
	return p.Meta.Sheet
}

// A long story: every section far longer than a sheet can hold.
func longStory() string {
	// Every sentence differs, long and full of figures and choices.
	n := 0
	para := func(lead string) string {
		var b strings.Builder
		for i := 0; i < 12; i++ {
			n++
			fmt.Fprintf(&b, "%s %d: I chose Kafka rather than SQS, and I learned that the relay moved %d orders a minute through 12 partitions at a p99 of 320 ms after a long and careful migration. ", lead, i, n)
		}
		return b.String()
	}
	var b strings.Builder
	for _, h := range []string{"Situation", "Task", "Architecture", "Action", "Result", "Trade-offs", "Lessons", "Contribution"} {
		b.WriteString("\n## " + h + "\n\n" + para(h) + "\n")
	}
	b.WriteString("\n## Follow-ups\n\n")
	for i := 0; i < 8; i++ {
		fmt.Fprintf(&b, "- **Why Kafka and not SQS, and what breaks first at a hundred times the load, question %d?** %s\n", i, para("Because"))
	}
	return b.String()
}

// Three stories of any length still make about one page: the sheet
// condenses, it does not dump. The bound is the worst case, every part
// full and cut (about 300 words a story); real stories come in well under.
func TestSheetOfThreeLongStoriesFitsAboutAPage(t *testing.T) {
	render := func(body string) string {
		in := Input{Now: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC), Rubrics: rubrics(t), Words: words(t)}
		for i := 0; i < 5; i++ {
			in.Timeline = append(in.Timeline, workspace.Role{Company: "Acme", Title: "Engineer", Start: "2020", End: "2022",
				Owned: strings.Repeat("the checkout service ", 30), Impact: strings.Repeat("p99 down 80% ", 30)})
		}
		for rank := 1; rank <= 3; rank++ {
			in.Stories = append(in.Stories, Story{File: "stories/long.md", Title: "A long story", Kind: "star", Rank: rank, Body: body})
		}
		return Render(in)
	}
	out := render(longStory())
	words := len(strings.Fields(out))
	// Whole sentences only: long ones take room, but fewer are shown.
	if words > 2200 {
		t.Errorf("the sheet has %d words, want at most 2200:\n%s", words, out)
	}
	if strings.Contains(out, "…") {
		t.Errorf("the sheet cuts a sentence short:\n%s", out)
	}
	if n := strings.Count(out, "more in stories/long.md"); n != 3 {
		t.Errorf("%d stories point to their file for the follow-ups left out, want 3:\n%s", n, out)
	}
	if twice := len(strings.Fields(render(longStory() + longStory()))); twice != words {
		t.Errorf("stories twice as long make a sheet of %d words instead of %d", twice, words)
	}
}

func TestSheetOfAnEmptyWorkspaceSaysWhatToDo(t *testing.T) {
	out := Render(Input{Now: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)})
	for _, want := range []string{
		"Saturday 10 January 2026 · no featured stories yet\n",
		"## Background Panel\n",
		"No roles yet: `prep background` walks you through your résumé, most recent role first.\n",
		"None ranked yet: rank your strongest two or three projects with `prep story rank REF 1` (`prep story list` shows them).\n",
		"## Technical Skills Panel\n",
		"None yet: `prep technical` runs a design, frontend or debugging scenario as the panel would.\n",
		"Nothing due today.\n",
		"## Culture Panel\n",
		"None yet: `prep culture` guides a short true story for one of the values the team lives by.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the sheet lacks %q:\n%s", want, out)
		}
	}
}

func TestExtraSectionsComeLast(t *testing.T) {
	in := Input{
		Now:     time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC),
		Stories: []Story{{File: "stories/a.md", Title: "A", Rank: 1, Body: "## Situation\n\nText.\n"}, {File: "stories/b.md", Title: "B"}},
		Extra:   []Section{{Title: "Notes", Markdown: "- scale: the URL shortener"}},
	}
	out := Render(in)
	gaps, others, culture, extra := strings.Index(out, "### Open gaps"), strings.Index(out, "### Other stories"), strings.Index(out, "## Culture Panel"), strings.Index(out, "## Notes")
	if gaps < 0 || others < gaps || culture < others || extra < culture {
		t.Errorf("sections out of order (gaps %d, others %d, culture %d, extra %d):\n%s", gaps, others, culture, extra, out)
	}
}

// A featured story of another kind shows the parts its rubric has, and
// no empty Decision or Follow-ups it could never fill.
func TestFeaturedCultureStory(t *testing.T) {
	body := "## Situation\n\nA release slipped by two weeks. The team was tired.\n\n## Action\n\nI wrote the plan down.\n\n## Result\n\nWe shipped 3 days later.\n\n## Reflection\n\nI learned to write the risk down on day one.\n"
	rep := checked(t, "culture", body)
	out := Render(Input{Now: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC), Rubrics: rubrics(t), Words: words(t),
		Stories: []Story{{File: "stories/slip.md", Title: "The slipped release", Kind: "culture", Rank: 1, Body: body, Report: rep}}})
	block := out[strings.Index(out, "#### 1."):strings.Index(out, "### Open gaps")]
	want := `#### 1. The slipped release

*stories/slip.md · ` + rep.VerdictLine() + `*

- **Pitch:** A release slipped by two weeks. I wrote the plan down.
- **Figures:** We shipped 3 days later.
- **Lesson:** I learned to write the risk down on day one.
- **Follow-ups:** *not written yet*

`
	if diff := cmp.Diff(want, block); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A story whose Situation and Task open with the same sentence gets it
// once in its one-line summary.
func TestSummarySaysARepeatedSentenceOnce(t *testing.T) {
	body := "## Situation\n\nThe invoice run took six hours.\n\n## Task\n\nThe invoice run took six hours.\n"
	out := Render(Input{Now: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC), Rubrics: rubrics(t), Words: words(t),
		Stories: []Story{{File: "stories/inv.md", Title: "Invoices", Kind: "star", Rank: 1, Body: body}}})
	if !strings.Contains(out, "- **Pitch:** The invoice run took six hours.\n") {
		t.Errorf("summary repeats its sentence:\n%s", out)
	}
}

// checked is body checked against the built-in rubric of kind, as prep
// export checks a story.
func checked(t *testing.T, kind, body string) check.Report {
	t.Helper()
	doc, err := document.Parse("stories/story.md", []byte("---\nkind: "+kind+"\n---\n"+body))
	if err != nil {
		t.Fatal(err)
	}
	rs := rubrics(t)
	for i := range rs {
		if r := &rs[i]; r.ID == kind {
			return check.Check(doc, r)
		}
	}
	t.Fatalf("no rubric %q", kind)
	return check.Report{}
}

// weakBody is a story an interviewer would send back: every section
// there, but vague, all "we", with no number and no alternative.
var weakBody = "\n" + readWeakStory()

// readWeakStory is examples/weak-story.md, the story the README shows prep
// sending back.
func readWeakStory() string {
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "weak-story.md"))
	if err != nil {
		panic(err)
	}
	return string(data)
}

// A story with every section but nothing an interviewer could hold on
// to is shown as needing work, with why, and never as passing; a story
// that is ready says so.
func TestSheetShowsTheVerdict(t *testing.T) {
	weak := checked(t, "star", weakBody)
	if weak.Verdict != check.VerdictNeedsWork || len(weak.Reasons) == 0 {
		t.Fatalf("the checker's verdict on the weak story: %q %q, want needs-work with reasons", weak.Verdict, weak.Reasons)
	}
	out := Render(Input{Now: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC), Rubrics: rubrics(t), Words: words(t),
		Stories: []Story{{File: "stories/faster.md", Title: "Making the service faster", Kind: "star", Rank: 1, Body: weakBody, Report: weak}}})
	var status string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "*stories/faster.md · ") {
			status = l
		}
	}
	want := "*stories/faster.md · needs work: " + strings.Join(weak.Reasons, ", ") + "*"
	if diff := cmp.Diff(want, status); diff != "" {
		t.Errorf("the story's status line (-want +got):\n%s\n%s", diff, out)
	}
	if strings.Contains(out, "passes") {
		t.Errorf("the sheet says a weak story passes:\n%s", out)
	}
	if !strings.Contains(out, "- **Making the service faster** (stories/faster.md)\n") {
		t.Errorf("the open gaps do not list the weak story:\n%s", out)
	}
}

// The sheet reads a story as prep check does, wherever its labels are:
// numbered headings, bold labels, other names. What the check sees is
// what the sheet prints.
func TestSheetReadsSectionsWhereverTheyAreLabelled(t *testing.T) {
	for name, body := range map[string]string{
		"numbered headings": "## 1. Situation\n\nThe nightly export took nine hours.\n\n## 2. Task\n\nI had to bring it under one hour.\n\n" +
			"## 4. Result\n\nIt takes 40 minutes now.\n\n## 9. Follow-ups\n\n- **Why not a bigger machine?** It would only have halved it.\n",
		"bold labels": "**Situation:** The nightly export took nine hours.\n\n**Task:** I had to bring it under one hour.\n\n" +
			"**Outcome:** It takes 40 minutes now.\n\n**Follow-ups:**\n\n- **Why not a bigger machine?** It would only have halved it.\n",
		"other names": "## Context\n\nThe nightly export took nine hours.\n\n## Goal\n\nI had to bring it under one hour.\n\n" +
			"## Impact\n\nIt takes 40 minutes now.\n\n## Likely questions\n\n- **Why not a bigger machine?** It would only have halved it.\n",
	} {
		t.Run(name, func(t *testing.T) {
			out := Render(Input{Now: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC), Rubrics: rubrics(t), Words: words(t),
				Stories: []Story{{File: "stories/export.md", Title: "Export", Kind: "star", Rank: 1, Body: body, Report: checked(t, "star", body)}}})
			for _, want := range []string{
				"- **Pitch:** The nightly export took nine hours. I had to bring it under one hour.\n",
				"- **Figures:** It takes 40 minutes now.\n",
				"  - *Why not a bigger machine?* It would only have halved it.\n",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("the sheet lacks %q:\n%s", want, out)
				}
			}
		})
	}
}

// The sheet is a brief: the story's own pitch, real figures only (a year
// is none, nor a sentence of the lessons), the mistake and the lesson,
// the follow-ups in full, and parts for the Technical Skills and Culture
// panels, never a sentence cut with "…".
func TestSheetIsABrief(t *testing.T) {
	long := "Why did you keep PostgreSQL as the system of record when every other team in the company had already moved its ledgers to DynamoDB?"
	body := "## Pitch\n\nI moved ledger writes off checkout and cut p99 from 2.1 s to 320 ms.\n\n" +
		"## Situation\n\nIn 2021 our checkout wrote each ledger entry synchronously.\n\n## Task\n\nI owned the fix.\n\n" +
		"## Result\n\nIn 2022 the project shipped. Checkout p99 fell from 2.1 s to 320 ms.\n\n" +
		"## Lessons\n\nMy mistake was shipping without a lag alert; we found the stall from a complaint. I learned to ship the alert with the component, which saved 3 hours a week.\n\n" +
		"## Follow-ups\n\n- **" + long + "** Because the outbox needed its transactions, and a second store would have meant two-phase writes.\n"
	culture := "## Value\n\nOwnership.\n\n## Situation\n\nA release slipped by two weeks.\n\n## Result\n\nWe shipped 3 days later.\n"
	design := "## MVP\n\nOne token bucket per tenant in Redis.\n\n## Trade-offs\n\nI chose Redis rather than an in-process limiter, because the fleet has 40 nodes.\n"
	out := Render(Input{Now: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC), Rubrics: rubrics(t), Words: words(t),
		Stories: []Story{
			{File: "stories/ledger.md", Title: "Ledger", Kind: "star", Rank: 1, Body: body},
			{File: "stories/slip.md", Title: "The slipped release", Kind: "culture", Body: culture},
		},
		Practice: []Story{{File: "practice/limiter.md", Title: "A rate limiter", Kind: "design", Body: design}},
		Drills:   []Drill{{Deck: "trade-offs", Due: 4}, {Deck: "scale", Due: 0}},
	})
	for _, want := range []string{
		"- **Pitch:** I moved ledger writes off checkout and cut p99 from 2.1 s to 320 ms.\n",
		"- **Figures:** Checkout p99 fell from 2.1 s to 320 ms.\n",
		"- **Mistake:** My mistake was shipping without a lag alert; we found the stall from a complaint.\n",
		"- **Lesson:** I learned to ship the alert with the component, which saved 3 hours a week.\n",
		"  - *" + long + "* Because the outbox needed its transactions, and a second store would have meant two-phase writes.\n",
		"## Technical Skills Panel\n",
		"- **A rate limiter** (practice/limiter.md · not checked)\n",
		"  - MVP: One token bucket per tenant in Redis.\n",
		"  - Trade-offs: I chose Redis rather than an in-process limiter, because the fleet has 40 nodes.\n",
		"4 trade-offs due today: `prep drill` runs them.\n",
		"## Culture Panel\n",
		"- **The slipped release** (stories/slip.md · not checked)\n",
		"  - Value: Ownership.\n",
		"  - Result: We shipped 3 days later.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the sheet lacks %q:\n%s", want, out)
		}
	}
	for _, bad := range []string{"…", "In 2022 the project shipped.", "3 hours a week.\n  -", "Other stories"} {
		if strings.Contains(out, bad) {
			t.Errorf("the sheet shows %q:\n%s", bad, out)
		}
	}
}
