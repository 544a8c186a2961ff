package technical

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/session/sessiontest"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

// interviewPack is the built-in panels and rubrics with the scenarios and
// the component of testdata/technical: facts, evidence, a change and key
// points of the tests' own, so these tests do not move with the content.
func interviewPack(t *testing.T) *pack.Pack {
	t.Helper()
	base, err := techBase()
	if err != nil {
		t.Fatal(err)
	}
	fx, err := pack.LoadParts(pack.PartExercises|pack.PartComponents, pack.Dir(filepath.Join("testdata", "technical")))
	if err != nil {
		t.Fatal(err)
	}
	p := *base
	p.Exercises = fx.Exercises
	p.Components = fx.Components
	p.Followups = sessiontest.Bank
	return &p
}

func newInterviewFixture(t *testing.T) *fixture {
	return &fixture{&sessiontest.Fixture{T: t, Dir: filepath.Join(t.TempDir(), "ws"), Pack: interviewPack(t)}}
}

// counterScript answers the view counter: three questions (two reach a
// fact, one gets the neutral reply), the steps, the re-plan after the MVP,
// one check at the bottlenecks, and the follow-ups.
var counterScript = []sessiontest.Step{
	sessiontest.S("framing", session.Confirm, session.No),
	sessiontest.S("ask.0", session.Input, "How many views per second do we get at peak?"),
	sessiontest.S("ask.1", session.Input, "Does the count need to be real time?"),
	sessiontest.S("ask.2", session.Input, "Is there a launch date?"),
	sessiontest.S("ask.3", session.Input, ""),
	sessiontest.S("hint.requirements.0", session.Confirm, session.No),
	sessiontest.S("answer.requirements", session.Text, "Count every article view and show the count on the page. Out of scope: per-user analytics."),
	sessiontest.S("hint.assumptions.0", session.Confirm, session.No),
	sessiontest.S("answer.assumptions", session.Text, "30,000 views per second at peak; a count a minute old is fine; two million articles."),
	sessiontest.S("hint.mvp.0", session.Confirm, session.No),
	sessiontest.S("answer.mvp", session.Text, "The page service sends each view to Redis, which holds a counter per article.\nA worker will flush the sums to Postgres every ten seconds.\nPages read the count from a cache with a 30 s ttl."),
	sessiontest.S("change", session.Text, "Keep a counter per article per minute and sum the last five; the flush stays the same."),
	sessiontest.S("hint.tradeoffs.0", session.Confirm, session.No),
	sessiontest.S("answer.tradeoffs", session.Text, "Counting in Redis rather than updating the row per view: far fewer writes, at the cost of losing a few seconds of views in a crash."),
	sessiontest.S("hint.edge_cases.0", session.Confirm, session.No),
	sessiontest.S("answer.edge_cases", session.Text, "If the worker dies, Redis keeps counting and the next flush catches up; a Redis restart loses at most ten seconds."),
	sessiontest.S("check.bottlenecks.0", session.Input, "database CPU at peak"),
	sessiontest.S("check.bottlenecks.1", session.Input, ""),
	sessiontest.S("hint.bottlenecks.0", session.Confirm, session.No),
	sessiontest.S("answer.bottlenecks", session.Text, "The hottest rows take the lock waits; the flush already spreads them, and at 100x Redis memory is next."),
	sessiontest.S("hint.validation.0", session.Confirm, session.No),
	sessiontest.S("answer.validation", session.Text, "Compare the flushed sums with the page logs daily; alert when the flush lag passes a minute; load test at 3x peak."),
	sessiontest.S("followup.0", session.Text, "The counts since the last flush are lost; at most ten seconds of views."),
	sessiontest.S("followup.1", session.Text, "If the row could take the writes, a direct update is simpler."),
}

// The design scenario as an interviewer runs it: the figures come only
// when asked, a question that matches nothing gets the neutral reply, the
// change comes after the MVP, a check at the bottlenecks shows its
// evidence, and the end says which key points were covered and which
// facts were never asked for, then asks follow-ups on what was named.
func TestTechnicalInterviewDesign(t *testing.T) {
	f := newInterviewFixture(t)
	o, out, err := f.runTech(sessiontest.Stub(t, counterScript...), TechnicalOptions{Scenario: "counter-service"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "30,000 page views") && strings.Index(out, "30,000 page views") < strings.Index(out, "Your question") {
		t.Errorf("a fact is shown before it is asked for")
	}
	sessiontest.SaysInOrder(t, out,
		"Scenario: A view counter (distributed)",
		"Every article page shows how many times it has been read.",
		"A view counter · Requirements (step 1 of 7)",
		"Ask the interviewer:",
		"Interviewer: About 30,000 page views a second at peak, 5,000 on average.",
		"Interviewer: A count up to a minute old is fine.",
		"Interviewer: Nothing specific on that one. Assume what you think is reasonable, and say the assumption out loud.",
		"A view counter · The requirements just changed",
		"Interviewer: The editors now want the count of the last five minutes, not since publication. What changes?",
		"What would you measure?",
		"Interviewer: The primary sits at 85% CPU at peak, most of it row-lock waits on 300 article rows.",
		"Key points: you covered 2 of 3.",
		"Covered",
		"+ Batch the increments in memory or a queue and write sums, instead of one write per view.",
		"“A worker will flush the sums to Postgres every ten seconds.”",
		"+ Serve the count from a cache with a short expiry.",
		"“Pages read the count from a cache with a 30 s ttl.”",
		"Missed",
		"- Spread the hottest articles over several counter shards.",
		"Why it matters: A few hundred articles take most of the traffic.",
		"Facts you never asked for: 2 of 4.",
		"- number of articles: A skewed catalogue means hot keys.",
		"- accuracy: Approximate counts rule out the expensive exactly-once machinery.",
		"Follow-up questions",
		"A view counter · follow-up 1 of 2",
	)
	want := &TechnicalOutcome{
		Answer:      o.Answer,
		Scenario:    "counter-service",
		Covered:     2,
		KeyPoints:   3,
		FactsAsked:  []string{"traffic", "freshness"},
		FactsMissed: []string{"articles", "accuracy"},
		Followups: []string{
			"What happens to your counts if Redis restarts and loses what it held?",
			`You wrote: "Counting in Redis rather than updating the row per view: far fewer writes, at the cost of losing a few seconds of views in a crash." What would have to be true for the other option to win?`,
		},
	}
	if d := cmp.Diff(want, o); d != "" {
		t.Errorf("outcome (-want +got):\n%s", d)
	}
	// The answer file keeps the interview: each question and what it
	// revealed, the check, the re-plan and the follow-ups, out of the
	// sections the check reads.
	data, err := os.ReadFile(filepath.Join(f.Dir, "practice", "counter-service.md"))
	if err != nil {
		t.Fatal(err)
	}
	file := string(data)
	for _, w := range []string{
		transcriptStart,
		"You asked:    How many views per second do we get at peak?\nInterviewer:  About 30,000 page views a second at peak, 5,000 on average.",
		"You asked:    Is there a launch date?\nInterviewer:  Nothing specific on that one.",
		"Interviewer:  The editors now want the count of the last five minutes, not since publication. What changes?\nYou re-planned:\n    Keep a counter per article per minute",
		"You checked:  database CPU at peak\nIt showed:    The primary sits at 85% CPU",
		"Follow-up:    What happens to your counts if Redis restarts and loses what it held?\nYou answered:\n    The counts since the last flush are lost",
	} {
		if !strings.Contains(file, w) {
			t.Errorf("the answer file lacks %q:\n%s", w, file)
		}
	}
	if i, j := strings.Index(file, transcriptEnd), strings.Index(file, "## Requirements"); i < 0 || j < 0 || i > j {
		t.Errorf("the transcript does not end before the first section:\n%s", file)
	}
	if o.Answer.Verdict == "incomplete" {
		t.Errorf("the check reads the transcript as part of the answer: %+v", o.Answer)
	}
}

// Stopped at a prompt of the interview, the next run resumes there: the
// questions asked so far are shown again with their answers, and the
// files end as if the session had never stopped.
func TestTechnicalInterviewResumes(t *testing.T) {
	pk := interviewPack(t)
	ref := &fixture{&sessiontest.Fixture{T: t, Dir: filepath.Join(t.TempDir(), "ws"), Pack: pk}}
	if _, _, err := ref.runTech(sessiontest.Stub(t, counterScript...), TechnicalOptions{Scenario: "counter-service"}); err != nil {
		t.Fatal(err)
	}
	want := ref.Snapshot()
	for _, at := range []string{"ask.2", "change", "check.bottlenecks.1", "followup.1"} {
		t.Run(at, func(t *testing.T) {
			t.Parallel()
			k := sessiontest.IndexOf(t, counterScript, at)
			f := &fixture{&sessiontest.Fixture{T: t, Dir: filepath.Join(t.TempDir(), "ws"), Pack: pk}}
			p := sessiontest.Stub(t, counterScript[:k]...)
			p.ExpectInterrupt(at)
			if _, _, err := f.runTech(p, TechnicalOptions{Scenario: "counter-service"}); !errors.Is(err, prompts.ErrInterrupted) {
				t.Fatalf("first run: err = %v, want ErrInterrupted", err)
			}
			p = prompttest.New(t)
			p.ExpectSelect("resume", "Resume")
			for _, s := range counterScript[k:] {
				s.Expect(p)
			}
			_, out, err := f.runTech(p, TechnicalOptions{})
			if err != nil {
				t.Fatalf("second run: %v", err)
			}
			if at == "ask.2" {
				sessiontest.SaysInOrder(t, out, "You asked: Does the count need to be real time?", "Interviewer: A count up to a minute old is fine.")
			}
			if diff := cmp.Diff(want, f.Snapshot()); diff != "" {
				t.Errorf("files after resuming (-uninterrupted +resumed):\n%s", diff)
			}
		})
	}
}

// A debugging scenario follows the debug rubric's steps, not the design
// ones; its evidence step is a loop of checks, each showing what it would
// show, and a check the scenario has nothing for gets the neutral reply.
func TestTechnicalInterviewDebugging(t *testing.T) {
	f := newInterviewFixture(t)
	script := []sessiontest.Step{
		sessiontest.S("framing", session.Confirm, session.No),
		sessiontest.S("ask.0", session.Input, "Which customers are affected?"),
		sessiontest.S("ask.1", session.Input, ""),
		sessiontest.S("hint.symptom.0", session.Confirm, session.No),
		sessiontest.S("answer.symptom", session.Text, "European customers wait eight seconds at checkout since 07:10 UTC; about a third of orders there."),
		sessiontest.S("hint.hypotheses.0", session.Confirm, session.No),
		sessiontest.S("answer.hypotheses", session.Text, "1. A regional dependency got slow. 2. A database in eu-west is struggling. 3. A bad config push."),
		sessiontest.S("check.evidence.0", session.Input, "traces of a slow checkout"),
		sessiontest.S("check.evidence.1", session.Input, "CPU on the web servers"),
		sessiontest.S("check.evidence.2", session.Input, "the tax service logs"),
		sessiontest.S("check.evidence.3", session.Input, "is the tax database replica healthy?"),
		sessiontest.S("check.evidence.4", session.Input, ""),
		sessiontest.S("hint.evidence.0", session.Confirm, session.No),
		sessiontest.S("answer.evidence", session.Text, "Traces put 7.5 s in the tax call; its logs show timeouts to the replica since 07:09."),
		sessiontest.S("hint.root_cause.0", session.Confirm, session.No),
		sessiontest.S("answer.root_cause", session.Text, "The eu-west tax replica restarted for maintenance and came back with a cold cache."),
		sessiontest.S("hint.fix.0", session.Confirm, session.No),
		sessiontest.S("answer.fix", session.Text, "Now: fail over the tax reads to the other replica. Then: a 500 ms timeout on the tax call."),
		sessiontest.S("hint.verification.0", session.Confirm, session.No),
		sessiontest.S("answer.verification", session.Text, "Checkout p99 in Europe back under one second within minutes of the failover."),
		sessiontest.S("hint.prevention.0", session.Confirm, session.No),
		sessiontest.S("answer.prevention", session.Text, "Warm the replica before it takes traffic after maintenance; alert on tax call p99."),
		sessiontest.S("followup.0", session.Text, "A second opinion on the timeout."),
		sessiontest.S("followup.1", session.Text, "It would have been found later."),
	}
	o, out, err := f.runTech(sessiontest.Stub(t, script...), TechnicalOptions{Scenario: "slow-checkout"})
	if err != nil {
		t.Fatal(err)
	}
	sessiontest.SaysInOrder(t, out,
		"Scenario: Checkout got slow (debugging)",
		"Checkout got slow · Symptom and impact (step 1 of 7)",
		"Ask about the incident:",
		"Interviewer: Only customers in Europe.",
		"Checkout got slow · Hypotheses (step 2 of 7)",
		"What would you check?",
		"Interviewer: Each slow checkout spends 7.5 s in one call to the tax service in eu-west.",
		"Interviewer: That looks normal; nothing stands out there. What else would you look at?",
		"Interviewer: Connection timeouts to its database replica since 07:09, then a retry that succeeds.",
		"Interviewer: The eu-west replica was restarted at 07:09 by a maintenance window and came back with an empty cache.",
		"Checkout got slow · Prevention and monitoring (step 7 of 7)",
		"Key points: you covered 2 of 2.",
		"Facts you never asked for: 1 of 2.",
		"- when it started: A sharp start points at a change, not at growth.",
	)
	for _, design := range []string{"MVP", "Bottlenecks", "Trade-offs"} {
		if strings.Contains(out, "Checkout got slow · "+design) {
			t.Errorf("the debugging scenario asks the design step %s:\n%s", design, out)
		}
	}
	if o.Covered != 2 || o.KeyPoints != 2 || o.Answer.Verdict == "incomplete" {
		t.Errorf("outcome = %+v, want both key points covered and a complete answer", o)
	}
	if got := f.answer("slow-checkout.md").Front["kind"]; got != "debug" {
		t.Errorf("answer kind = %v, want debug", got)
	}
}

// The timer: a step that runs over its share gets the interviewer's
// words for moving on, once.
func TestTechnicalInterviewMovesOn(t *testing.T) {
	f := newInterviewFixture(t)
	now := t0
	p := prompttest.New(t)
	for _, s := range counterScript[:7] {
		s.Expect(p)
	}
	p.ExpectInterrupt("hint.assumptions.0")
	sp := slowPrompter{Prompter: p, now: &now, per: 8 * time.Minute}
	_, out, _ := f.runTech(sp, TechnicalOptions{Scenario: "counter-service", Timer: 45 * time.Minute, Now: func() time.Time { return now }})
	flat := strings.Join(strings.Fields(out), " ")
	if n := strings.Count(flat, "Interviewer: Let's leave it there and move on to your assumptions and numbers."); n != 1 {
		t.Errorf("the move-on call after Requirements is said %d times, want once:\n%s", n, out)
	}
}

// A question that joins two requests gets both answers, in the order
// asked, as an interviewer answers both halves; both facts count as
// asked, and the answer file keeps the reply whole.
func TestTechnicalInterviewAnswersBothHalves(t *testing.T) {
	f := newInterviewFixture(t)
	script := append([]sessiontest.Step{
		counterScript[0],
		sessiontest.S("ask.0", session.Input, "How many views per second at peak, and does the count need to be real time?"),
		sessiontest.S("ask.1", session.Input, ""),
	}, counterScript[5:]...)
	o, out, err := f.runTech(sessiontest.Stub(t, script...), TechnicalOptions{Scenario: "counter-service"})
	if err != nil {
		t.Fatal(err)
	}
	both := "About 30,000 page views a second at peak, 5,000 on average. A count up to a minute old is fine."
	sessiontest.SaysInOrder(t, strings.Join(strings.Fields(out), " "), "Interviewer: "+both)
	if d := cmp.Diff([]string{"traffic", "freshness"}, o.FactsAsked); d != "" {
		t.Errorf("facts asked (-want +got):\n%s", d)
	}
	data, err := os.ReadFile(filepath.Join(f.Dir, "practice", "counter-service.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(strings.Fields(string(data)), " "), "Interviewer: "+both) {
		t.Errorf("the answer file lacks the whole reply:\n%s", data)
	}
}
