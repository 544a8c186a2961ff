package culture

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/readiness"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/session/sessiontest"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

// weakUpdate is an update with no options weighed and no ask.
const weakUpdate = `We found a problem in the migration rehearsal, so the cut-over will move.
The events table could not keep up. We will share more soon.`

// strongUpdate covers the migration-slip exercise's points and the
// update rubric's sections.
const strongUpdate = `**TL;DR:** I propose we move the database cut-over from 14 March to 28 March, with no downtime.

**Context:** In yesterday's rehearsal, replication lag on the events table grew to 40 minutes at 4,000 writes a second and never recovered, so the 14 March plan cannot work for that table.

**Options:** A 4-hour maintenance window would keep the date, but it breaks the 99.9% uptime promise in 60 enterprise contracts. Moving events later, rather than with the rest, would leave reporting querying two databases for two weeks. Backfilling events in batches with dual writes costs two weeks and about $9,000 a week for running both clusters, and it is the option I recommend.

**Ask:** Priya, please confirm the new date by Thursday; Marco, please decide by Friday whether we tell enterprise customers.

**Risks:** The batch backfill is new; I will rehearse it on 21 March.`

func migrationSlip(t *testing.T, p *pack.Pack) *pack.Exercise {
	t.Helper()
	e, ok := p.Exercise("migration-slip")
	if !ok {
		t.Fatal("the pack has no migration-slip exercise")
	}
	return e
}

// The written-first exercise: the situation with its facts, the update
// saved in practice/ and checked, the points covered and missed, a
// revision, and the update's final check.
func TestCultureWritten(t *testing.T) {
	f := newFixture(t)
	e := migrationSlip(t, f.Pack)
	p := prompttest.New(t)
	p.ExpectSelect("written.exercise", text.CleanLine(e.Title))
	p.ExpectText("written.update", weakUpdate)
	p.ExpectSelect("written.fix.0", "Revise it")
	p.ExpectText("written.revise.0", strongUpdate).WantDefault(weakUpdate)
	p.ExpectSelect("written.fix.1", "Move on")
	o, out, err := f.runCulture(p, CultureOptions{Part: PartWritten})
	if err != nil {
		t.Fatal(err)
	}
	sessiontest.SaysInOrder(t, out,
		"Written-first: an update a busy reader can act on",
		text.CleanLine(e.Title), "the customer commitment: Enterprise contracts promise 99.9%",
		// The weak update: sections missing, points missed with why.
		"The check of practice/update-migration-slip.md finds", "No Options",
		"Covered ", "✗ The faster option, the maintenance window, and why it lost.",
		// The revision: everything a reader needs.
		"finds nothing to fix",
		"Covered 6 of 6 points a reader needs here.", "✓ Who must approve or act, by when.", "“**Ask:** Priya, please confirm",
		"Your update is in", "ready",
	)
	doc, err := document.ReadFile(f.WS().Path("practice/update-migration-slip.md"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Kind != "update" || doc.Title != "Written-first: "+e.Title || strings.TrimSpace(doc.Body) != strongUpdate {
		t.Errorf("saved update: kind %q, title %q, body %q", doc.Kind, doc.Title, doc.Body)
	}
	if len(o.Stories) != 1 || !o.Stories[0].Ready() {
		t.Errorf("outcome = %+v, want the update, ready", o.Stories)
	}
	if got := f.Snapshot(); len(got) != 1 {
		t.Errorf("files left: %v, want only the update", sessiontest.Keys(got))
	}
}

// The update rubric reads the labels people use for the four parts.
func TestUpdateRubricAliases(t *testing.T) {
	r, ok := sessiontest.Pack(t).Rubric(UpdateKind)
	if !ok {
		t.Fatal("no update rubric")
	}
	body := "## Background\nThe nightly export to 300 customers failed twice this week because the job hit the 2-hour limit.\n\n" +
		"## Proposal\nI will split the export per customer starting Monday.\n\n" +
		"## Alternatives considered\nRaising the time limit instead of splitting would only hide the growth; a new queue system is more than this needs.\n\n" +
		"## Next steps\nSam, please review the change by Friday.\n"
	rep := check.Check(&document.Doc{Name: "u.md", Format: document.Markdown, Body: body, BodyLine: 1}, r)
	got := map[string]string{}
	for _, s := range rep.Sections {
		got[s.ID] = s.Status
	}
	want := map[string]string{"context": "ok", "decision": "ok", "options": "ok", "ask": "ok", "risks": "missing"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sections (-want +got):\n%s", diff)
	}
	for _, f := range rep.Findings {
		if f.Rule == "options-no-alternative" {
			t.Errorf("an alternative was named, and the check says %q", f.Message)
		}
	}
}

// Stopped at any prompt of the written exercise, the next run resumes
// there and ends with the same file as a run never stopped.
func TestCultureWrittenResume(t *testing.T) {
	ref := newFixture(t)
	e := migrationSlip(t, ref.Pack)
	script := []sessiontest.Step{
		sessiontest.S("written.exercise", session.Select, text.CleanLine(e.Title)),
		sessiontest.S("written.update", session.Text, weakUpdate),
		sessiontest.S("written.fix.0", session.Select, "Revise it"),
		sessiontest.S("written.revise.0", session.Text, strongUpdate),
		sessiontest.S("written.fix.1", session.Select, "Move on"),
	}
	if _, _, err := ref.runCulture(sessiontest.Stub(t, script...), CultureOptions{Part: PartWritten}); err != nil {
		t.Fatal(err)
	}
	want := ref.Snapshot()
	for k := range script {
		t.Run(script[k].ID, func(t *testing.T) {
			f := newFixture(t)
			p := sessiontest.Stub(t, script[:k]...)
			p.ExpectInterrupt(script[k].ID)
			if _, _, err := f.runCulture(p, CultureOptions{Part: PartWritten}); !errors.Is(err, prompts.ErrInterrupted) {
				t.Fatalf("first run: err = %v, want ErrInterrupted", err)
			}
			p = prompttest.New(t)
			p.ExpectSelect("resume", "Resume")
			for _, s := range script[k:] {
				s.Expect(p)
			}
			if _, _, err := f.runCulture(p, CultureOptions{}); err != nil {
				t.Fatalf("second run: %v", err)
			}
			if diff := cmp.Diff(want, f.Snapshot()); diff != "" {
				t.Errorf("files after resuming (-uninterrupted +resumed):\n%s", diff)
			}
		})
	}
}

// Why this team and the questions to ask: the guides, and each answer
// kept under its heading in practice/culture-notes.md.
func TestCultureNotes(t *testing.T) {
	f := newFixture(t)
	p := prompttest.New(t)
	p.ExpectText("team.why", "You build the permission layer other products trust, and I have spent two years on access control.")
	p.ExpectText("team.read", "The post on the new-enemy problem; I agree tokens beat global reads, and wonder how long clients keep them.")
	p.ExpectText("team.open_source", "I fixed a race in a Go library's cache last year; the maintainer asked for a test first, which found a second bug.")
	_, out, err := f.runCulture(p, CultureOptions{Part: PartTeam})
	if err != nil {
		t.Fatal(err)
	}
	panel, _ := f.Pack.Panel(pack.CulturePanel)
	why, _ := panel.Guide("why_team")
	sessiontest.SaysInOrder(t, out, text.CleanLine(why.Title), "- "+why.Questions[0], "Four or five sentences", "Open source: talk about their code and your own", "A change you made", "culture-notes.md")

	p = prompttest.New(t)
	p.ExpectText("questions.mine", "How does a decision get written up and settled here?")
	_, out, err = f.runCulture(p, CultureOptions{Part: PartQuestions})
	if err != nil {
		t.Fatal(err)
	}
	ask, _ := panel.Guide("ask")
	sessiontest.SaysInOrder(t, out, text.CleanLine(ask.Title), "- "+ask.Questions[0], "You have 1 question ready; bring at least two")

	pr, err := f.WS().Practice(NotesFile)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range notesLayout.Sections {
		got[s.Title], _ = pr.Section(notesLayout, s.ID)
	}
	want := map[string]string{
		"Why this team":         "You build the permission layer other products trust, and I have spent two years on access control.",
		"What I read of theirs": "The post on the new-enemy problem; I agree tokens beat global reads, and wonder how long clients keep them.",
		"Open source":           "I fixed a race in a Go library's cache last year; the maintainer asked for a test first, which found a second bug.",
		"Questions to ask":      "How does a decision get written up and settled here?",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("culture-notes.md (-want +got):\n%s", diff)
	}
}

// Follow-ups on a story already written: the probes of the value it
// names that it has not answered yet, kept in it.
func TestCultureFollowupsPart(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.runCulture(sessiontest.Stub(t, cultureSteps(t, f.Pack)...), CultureOptions{}); err != nil {
		t.Fatal(err)
	}
	probes := sessiontest.OwnershipProbes(t, f.Pack)
	p := prompttest.New(t)
	p.ExpectSelect("part", "Follow-ups on one of your culture stories")
	p.ExpectSelect("followups.story", "Owning the on-call rota")
	p.ExpectText("followups.followup.0", "A rota with trial month and runbooks; I stopped reviewing the backlog that fortnight.")
	p.ExpectText("followups.followup.1", "The unanswered-pages count, reviewed monthly for a quarter.")
	_, out, err := f.runCulture(p, CultureOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sessiontest.SaysInOrder(t, out, "Follow-ups: where they push on a culture story", "follow-up 1 of 2", "What they are testing: Whether the initiative was really yours")
	if diff := cmp.Diff(probes[3:5], sessiontest.Messages(p, "followups.followup.")); diff != "" {
		t.Errorf("probes asked (-want +got):\n%s", diff)
	}
	fu := f.Stories()[0].Sections["Follow-ups"]
	for _, q := range probes[:5] {
		if !strings.Contains(fu, "- **"+q+"**") {
			t.Errorf("Follow-ups lack %q:\n%s", q, fu)
		}
	}
}

// With no culture story yet, the part menu does not offer follow-ups,
// and --part followups says what to do.
func TestCultureFollowupsNeedAStory(t *testing.T) {
	f := newFixture(t)
	_, _, err := f.runCulture(prompttest.New(t), CultureOptions{Part: PartFollowups})
	if err == nil || !strings.Contains(err.Error(), "no culture story to rehearse yet; run prep culture --part story first") {
		t.Errorf("err = %v, want what to do", err)
	}
	if err := CheckCultureFlags(f.Pack, "", "poems"); err == nil || !strings.HasPrefix(err.Error(), `--part "poems": not a part of prep culture; use one of story, written`) {
		t.Errorf("--part poems: err = %v", err)
	}
	if err := CheckCultureFlags(f.Pack, "ownership", PartWritten); err == nil {
		t.Error("--value with --part written: no error")
	}
}

// cultureStory is a culture story as prep culture writes it.
func cultureStory(title, body string) *workspace.Story {
	return &workspace.Story{Path: "stories/s.md", Meta: workspace.StoryMeta{Title: title, Kind: "culture", Panel: "culture"}, Body: body}
}

// shownValues are the values a story shows by evidence, and for the
// others the ids of the key points it misses.
func shownValues(t *testing.T, p *pack.Pack, s *workspace.Story) (shown []string, missing map[string][]string) {
	t.Helper()
	r, _ := p.Rubric("culture")
	missing = map[string][]string{}
	for _, ve := range readiness.CultureEvidence(p, r, s) {
		if ve.Shown() {
			shown = append(shown, ve.Value.ID)
			continue
		}
		for _, kp := range ve.Missing() {
			missing[ve.Value.ID] = append(missing[ve.Value.ID], kp.ID)
		}
	}
	return shown, missing
}

// A value counts only on evidence in what the story tells: the candidate
// acting, on something nobody handed it, with an outcome; a written
// artefact; a quality call with its price; others named and a remote
// practice. Sections that are merely there, the value named, or the
// question echoed in the Value section count for nothing.
func TestCultureEvidence(t *testing.T) {
	p := sessiontest.Pack(t)
	tests := []struct {
		name        string
		body        string
		shown       []string
		wantMissing map[string][]string // checked only for the values named
	}{{
		name: "ownership and written-first, told with I",
		body: "## Situation\nOur on-call rota had no owner and pages went unanswered at night for a whole quarter.\n\n" +
			"## Action\nI wrote a one-page proposal for a rota with handovers and ran it for a month.\n\n" +
			"## Result\nUnanswered pages were cut from twelve a month to none.\n\n" +
			"## Reflection\nI learned to write the proposal before asking for permission.\n\n" +
			"## Value\nOwnership. The question it answers: a problem nobody asked you to fix.\n",
		shown: []string{"ownership", "communication"},
	}, {
		name: "every section there, nothing shown: assigned work, no outcome",
		body: "## Situation\nMy manager assigned me the migration of the billing service last spring.\n\n" +
			"## Action\nI planned the migration carefully and did the work as requested, step by step.\n\n" +
			"## Result\nIt went well and everyone was happy with how it turned out.\n\n" +
			"## Reflection\nI learned that planning matters a great deal on big pieces of work.\n\n" +
			"## Value\nOwnership. The question it answers: tell me about a problem you fixed that nobody had asked you to fix.\n",
		wantMissing: map[string][]string{"ownership": {"unasked", "outcome"}},
	}, {
		name: "told in we: the candidate never acts",
		body: "## Situation\nNobody owned the flaky deploys.\n\n## Action\nWe noticed it and we fixed the tests together.\n\n" +
			"## Result\nFailed runs dropped from 20% to 1%.\n\n## Value\nOwnership.\n",
		wantMissing: map[string][]string{"ownership": {"acted"}},
	}, {
		name: "pragmatism: shipped with a known limit",
		body: "## Situation\nA customer needed CSV import before their renewal in two weeks.\n\n" +
			"## Action\nI shipped the importer without retry support, a known limit we listed in the release notes, rather than wait a month for the full pipeline.\n\n" +
			"## Result\nThe customer renewed.\n\n## Value\nPragmatic perfectionism.\n",
		shown: []string{"pragmatism"},
	}, {
		name:        "pragmatism claimed, no call and no price",
		body:        "## Situation\nI care about code quality.\n\n## Action\nI always balance speed and quality on every project and make sensible decisions.\n\n## Value\nPragmatic perfectionism.\n",
		wantMissing: map[string][]string{"pragmatism": {"acted", "decision", "tradeoff"}},
	}, {
		name: "collaboration across time zones",
		body: "## Situation\nMy teammate in Lisbon and I disagreed on the retry design, five hours apart.\n\n" +
			"## Action\nI wrote up both options in a shared doc and asked for comments in the pull request thread, async.\n\n" +
			"## Value\nCollaboration.\n",
		shown: []string{"communication", "collaboration"},
	}, {
		name:        "collaboration with nobody else in it",
		body:        "## Situation\nThe build was slow.\n\n## Action\nI profiled it and I fixed the slowest step myself over a weekend.\n\n## Value\nCollaboration.\n",
		wantMissing: map[string][]string{"collaboration": {"others", "remote"}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shown, missing := shownValues(t, p, cultureStory("A story", tt.body))
			if diff := cmp.Diff(tt.shown, shown); diff != "" {
				t.Errorf("values shown (-want +got):\n%s", diff)
			}
			for v, want := range tt.wantMissing {
				if diff := cmp.Diff(want, missing[v]); diff != "" {
					t.Errorf("%s: points missing (-want +got):\n%s", v, diff)
				}
			}
		})
	}
}

// The worked examples teach what the checker says: a strong one is ready,
// a weak one is not; the strong culture story shows ownership on
// evidence, the weak one shows nothing.
func TestWorkedExamples(t *testing.T) {
	p := sessiontest.Pack(t)
	kinds := map[string]map[string]bool{}
	for _, e := range p.Examples {
		r, ok := p.Rubric(e.Kind)
		if !ok {
			t.Errorf("example %s: no rubric %q", e.ID, e.Kind)
			continue
		}
		if kinds[e.Kind] == nil {
			kinds[e.Kind] = map[string]bool{}
		}
		kinds[e.Kind][e.Strength] = true
		rep := check.Check(&document.Doc{Name: e.ID, Format: document.Markdown, Body: e.Text, BodyLine: 1}, r)
		if e.Strength == pack.Strong && rep.Verdict != check.VerdictReady {
			t.Errorf("strong example %s is %s: %v", e.ID, rep.Verdict, rep.Reasons)
		}
		if e.Strength == pack.Weak && rep.Verdict == check.VerdictReady {
			t.Errorf("weak example %s passes the check as ready", e.ID)
		}
		// A told answer takes two to four minutes; a written update is
		// shorter by design.
		if n := len(strings.Fields(e.Text)); e.Strength == pack.Strong && e.Kind != UpdateKind && (n < 250 || n > 500) {
			t.Errorf("strong example %s is %d words, want 250 to 500", e.ID, n)
		}
	}
	for _, k := range []string{"star", "design", "debug", "culture", UpdateKind} {
		if !kinds[k][pack.Strong] || !kinds[k][pack.Weak] {
			t.Errorf("kind %s: strong %v, weak %v; want both", k, kinds[k][pack.Strong], kinds[k][pack.Weak])
		}
	}
	for id, want := range map[string][]string{"culture-strong": {"ownership", "communication", "collaboration"}, "culture-weak": nil} {
		i := -1
		for k := range p.Examples {
			if p.Examples[k].ID == id {
				i = k
			}
		}
		if i < 0 {
			t.Fatalf("no example %s", id)
		}
		shown, _ := shownValues(t, p, cultureStory("example", p.Examples[i].Text))
		if diff := cmp.Diff(want, shown); diff != "" {
			t.Errorf("%s: values shown (-want +got):\n%s", id, diff)
		}
	}
}

// A story that tells assigned work is told which of the value's points it
// lacks, and the candidate adds them to a section on the spot.
func TestCultureShowsWhatIsMissing(t *testing.T) {
	f := newFixture(t)
	g := sessiontest.OwnershipValue(t, f.Pack)
	assigned := []sessiontest.Section{
		{ID: "situation", Heading: "Situation", Text: "My manager asked me to migrate the billing service to the new queue before the end of the quarter."},
		{ID: "action", Heading: "Action", Text: "I planned the migration in three steps, wrote the runbook, moved one consumer a week and checked the error rates after each step."},
		{ID: "result", Heading: "Result", Text: "The last consumer moved in week three and the old queue was switched off, with no lost messages on the way."},
		{ID: "reflection", Heading: "Reflection", Text: "I learned that moving one consumer at a time is slower but much easier to undo when something goes wrong."},
	}
	unasked := "Nobody owned the old queue after its author left, so I offered to move it, and my manager agreed to a quarter for it."
	p := prompttest.New(t)
	p.ExpectSelect("question", text.CleanLine(g.Questions[0]))
	p.ExpectInput("title", "Moving the billing queue")
	for _, s := range assigned {
		p.ExpectText("story."+s.ID, s.Text)
	}
	p.ExpectText("story.value", "Ownership.")
	p.ExpectSelect("story.fix.0", "Move on")
	for k, a := range sessiontest.RotaFollowups {
		p.ExpectText("story.followup."+strconv.Itoa(k), a)
	}
	p.ExpectSelect("story.show.0", "Situation")
	p.ExpectText("story.reshow.0", unasked).WantDefault(assigned[0].Text)
	_, out, err := f.runCulture(p, CultureOptions{Value: "ownership"})
	if err != nil {
		t.Fatal(err)
	}
	sessiontest.SaysInOrder(t, out,
		"The story does not show Ownership yet",
		"✗ Nobody handed it to you",
		"missing: Nobody handed it to you",
		"The story shows Ownership: prep status counts it.",
		"“Nobody owned the old queue after its author left",
	)
	if got := f.Stories()[0].Sections["Situation"]; got != unasked {
		t.Errorf("Situation = %q, want the revision", got)
	}
}

// A company's pack rewords the notes' questions and the written update's
// (its culture block), and prep culture asks with its words and shows its
// hints.
func TestCultureAsksThePacksWords(t *testing.T) {
	f := newFixture(t)
	c := &f.Pack.Meta.Culture
	c.WhyTeam = pack.Prompt{Ask: "Why Acme?", Hint: "Name our product."}
	c.Read = pack.Prompt{Ask: "What did you read of ours?", Hint: "One post."}
	c.OpenSource = pack.Prompt{Ask: "Your open source?", Hint: "One change."}
	c.Update = pack.Prompt{Ask: "Post the update.", Hint: "Ask last."}
	p := prompttest.New(t)
	p.ExpectText("team.why", "You build the permission layer other products trust.")
	p.ExpectText("team.read", "The post on the new-enemy problem.")
	p.ExpectText("team.open_source", "I fixed a race in a Go library's cache.")
	_, out, err := f.runCulture(p, CultureOptions{Part: PartTeam})
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	e := migrationSlip(t, f.Pack)
	p2 := prompttest.New(t)
	p2.ExpectSelect("written.exercise", text.CleanLine(e.Title))
	p2.ExpectText("written.update", strongUpdate)
	p2.ExpectSelect("written.fix.0", "Move on")
	_, out2, err := f.runCulture(p2, CultureOptions{Part: PartWritten})
	if err != nil {
		t.Fatalf("%v\n%s", err, out2)
	}
	got := map[string]string{}
	for _, q := range append(p.Asked(), p2.Asked()...) {
		if q.ID != "written.exercise" && q.ID != "written.fix.0" {
			got[q.ID] = q.Message
		}
	}
	want := map[string]string{"team.why": c.WhyTeam.Ask, "team.read": c.Read.Ask, "team.open_source": c.OpenSource.Ask, "written.update": c.Update.Ask}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("questions asked (-want +got):\n%s", diff)
	}
	sessiontest.SaysInOrder(t, out, "Name our product.", "One post.", "One change.")
	sessiontest.SaysInOrder(t, out2, "Ask last.")
}
