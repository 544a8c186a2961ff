package speech

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/transcript"
)

func rubric(t *testing.T, id string) *pack.Rubric {
	t.Helper()
	p, err := pack.Load(pack.Source{FS: content.FS, Name: pack.Embedded})
	if err != nil {
		t.Fatal(err)
	}
	r, ok := p.Rubric(id)
	if !ok {
		t.Fatalf("no rubric %s", id)
	}
	return r
}

// coaching is the built-in pack's rehearse block.
func coaching(t *testing.T) pack.Rehearse {
	t.Helper()
	p, err := pack.LoadParts(pack.PartMeta, pack.Source{FS: content.FS, Name: pack.Embedded})
	if err != nil {
		t.Fatal(err)
	}
	return p.Meta.Rehearse
}

// say is text spoken at wpm words a minute from 1 s in; "|N|" in the
// text is a silence of N seconds. Each word keeps its punctuation.
func say(text string, wpm float64) *transcript.Transcript {
	tr := &transcript.Transcript{Format: "test", Timed: true, WordTimes: true}
	at, per := 1.0, 60/wpm
	for _, f := range strings.Fields(text) {
		if strings.HasPrefix(f, "|") {
			var gap float64
			for _, r := range strings.Trim(f, "|") {
				gap = gap*10 + float64(r-'0')
			}
			at += gap
			continue
		}
		w := strings.TrimRight(f, ".,?!")
		tr.Words = append(tr.Words, transcript.Word{Text: w, Start: at, End: at + per*0.8, Stop: strings.ContainsAny(f[len(w):], ".?!")})
		at += per
	}
	return tr
}

const story = `So at a payments startup our checkout service wrote every ledger entry to one database, and during sales p99 latency went past 2 seconds. |3|
Um, I owned the fix, and my task was to bring p99 under 400 ms before the holiday sale.
I built an outbox table and a relay to Kafka, and I ran both paths in shadow mode for two weeks.
As a result, p99 latency dropped from 2.1 seconds to 320 ms and timeouts fell to under 0.1 percent.
I chose an outbox rather than sharding the balances table, because sharding meant a risky migration. |2|
My mistake was shipping the relay without, you know, a lag alert, and I learned to ship the alert with the component.`

func TestTimePaceFillersAndPausesAreMeasuredFromTheWords(t *testing.T) {
	tr := say(story, 150)
	rep := Analyse(Input{Transcript: tr, Rubric: rubric(t, "star"), Limit: 3 * time.Minute, Coaching: coaching(t)})
	n := len(tr.Words)
	wantSeconds := round(float64(n-1)*0.4+0.4*0.8+5, 1)
	got := struct {
		Words   int
		Seconds float64
		Fillers map[string]int
		Pauses  []Pause
	}{rep.Words, rep.Seconds, rep.Fillers.Words, rep.Pauses}
	want := struct {
		Words   int
		Seconds float64
		Fillers map[string]int
		Pauses  []Pause
	}{n, wantSeconds, map[string]int{"um": 1, "you know": 1}, []Pause{
		// After the 24 words of the first sentence; before the last 22.
		{At: round(23*0.4+0.32, 1), Seconds: 3.1, After: "seconds", Before: "Um", Section: "task"},
		{At: round(float64(n-23)*0.4+0.32+3, 1), Seconds: 2.1, After: "migration", Before: "My", Section: "lessons"},
	}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	// 150 words a minute, less the pauses' share of the time.
	if wpm := float64(n) / (wantSeconds / 60); rep.WPM < wpm-1 || rep.WPM > wpm+1 {
		t.Errorf("wpm %v, want %.0f", rep.WPM, wpm)
	}
}

func TestSectionsAreFoundInWhatWasSaidWithTheirTime(t *testing.T) {
	rep := Analyse(Input{Transcript: say(story, 150), Rubric: rubric(t, "star"), Coaching: coaching(t)})
	found := map[string]float64{}
	total := 0.0
	for _, s := range rep.Sections {
		if s.Status != "missing" {
			found[s.ID] = s.Seconds
			total += s.Seconds
		}
	}
	for _, id := range []string{"situation", "result", "tradeoffs", "lessons"} {
		if found[id] <= 0 {
			t.Errorf("section %s: %v s, want found with time (sections %v)", id, found[id], found)
		}
	}
	if total > rep.Seconds+0.5 {
		t.Errorf("sections add up to %.1f s, more than the %.1f s spoken", total, rep.Seconds)
	}
}

func TestBeatsSaidAndNotSaid(t *testing.T) {
	beats := []Beat{
		{Name: "figure", Text: "p99 checkout latency dropped from 2.1 s to 320 ms."},
		{Name: "decision", Text: "I chose an outbox and Kafka rather than sharding the balances table."},
		{Name: "figure", Text: "The holiday peak of 4,800 orders a minute passed with no incident."},
	}
	rep := Analyse(Input{Transcript: say(story, 150), Rubric: rubric(t, "star"), Beats: beats, Coaching: coaching(t)})
	var said []bool
	for _, b := range rep.Beats {
		said = append(said, b.Said)
	}
	if d := cmp.Diff([]bool{true, true, false}, said); d != "" {
		t.Errorf("said (-want +got):\n%s", d)
	}
	var notHeard []string
	for _, f := range rep.Findings {
		if f.Rule == "beat-not-said" {
			notHeard = append(notHeard, f.Hint)
		}
	}
	if d := cmp.Diff([]string{"say it: The holiday peak of 4,800 orders a minute passed with no incident."}, notHeard); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestNumbersSaidInWordsMatchFigures(t *testing.T) {
	tr := say("latency fell from two point one seconds to three hundred and twenty milliseconds", 150)
	rep := Analyse(Input{Transcript: tr, Rubric: rubric(t, "star"), Beats: []Beat{{Name: "figure", Text: "Latency fell from 2.1 s to 320 ms."}}, Coaching: coaching(t)})
	if !rep.Beats[0].Said {
		t.Errorf("a figure said in words was not heard")
	}
}

func TestFillerLikeIsToldFromTheVerb(t *testing.T) {
	tr := say("I'd like to explain. It looks like a cache. It was like 300 ms. And like the queue grew. We like Go. Do you know the schema? It was, you know, slow.", 150)
	f := fillers(tr.Words)
	if d := cmp.Diff(map[string]int{"like": 2, "you know": 1}, f.Words); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestOverTimeAndPaceAreFindings(t *testing.T) {
	long := strings.Repeat("we moved the ledger writes to a queue and it worked well. ", 30)
	rep := Analyse(Input{Transcript: say(long, 200), Rubric: rubric(t, "star"), Limit: time.Minute, Coaching: coaching(t)})
	rules := map[string]bool{}
	for _, f := range rep.Findings {
		rules[f.Rule] = true
	}
	for _, r := range []string{"over-time", "fast-pace"} {
		if !rules[r] {
			t.Errorf("no %s finding in %v", r, rules)
		}
	}
}

// The pace band and the hints are the pack's: a pack with a faster band
// does not call 200 words a minute fast, and its own hint is given.
func TestPaceBandAndHintsAreThePacks(t *testing.T) {
	long := strings.Repeat("we moved the ledger writes to a queue and it worked well. ", 30)
	hints := func(c pack.Rehearse) map[string]string {
		out := map[string]string{}
		for _, f := range Analyse(Input{Transcript: say(long, 200), Rubric: rubric(t, "star"), Limit: time.Minute, Coaching: c}).Findings {
			if f.Rule == "over-time" || f.Rule == "fast-pace" || f.Rule == "slow-pace" {
				out[f.Rule] = f.Message + " / " + f.Hint
			}
		}
		return out
	}
	want := map[string]string{
		"over-time": "Took 1:48, over the 1:00 given / Stop sooner.",
		"fast-pace": "Pace 200 words a minute, faster than the 140-170 that is easy to follow / Breathe.",
	}
	if d := cmp.Diff(want, hints(pack.Rehearse{PaceLow: 140, PaceHigh: 170, OverTime: "Stop sooner.", FastPace: "Breathe."})); d != "" {
		t.Errorf("a pack's band and hints (-want +got):\n%s", d)
	}
	want = map[string]string{"over-time": "Took 1:48, over the 1:00 given / Stop sooner."}
	if d := cmp.Diff(want, hints(pack.Rehearse{PaceLow: 150, PaceHigh: 190, OverTime: "Stop sooner."})); d != "" {
		t.Errorf("200 words a minute in a band up to 190 (-want +got):\n%s", d)
	}
	if d := cmp.Diff(want, hints(pack.Rehearse{OverTime: "Stop sooner."})); d != "" {
		t.Errorf("no band judges no pace (-want +got):\n%s", d)
	}
}

func TestPlainTextHasNoTiming(t *testing.T) {
	tr, err := transcript.Parse("t.txt", []byte("I chose a cache.\n\nUm, it worked."))
	if err != nil {
		t.Fatal(err)
	}
	rep := Analyse(Input{Transcript: tr, Rubric: rubric(t, "star"), Coaching: coaching(t)})
	if rep.Timed || rep.Seconds != 0 || rep.WPM != 0 || len(rep.Pauses) != 0 {
		t.Errorf("plain text: timed %v, %v s, %v wpm, %d pauses; want no timing", rep.Timed, rep.Seconds, rep.WPM, len(rep.Pauses))
	}
	if rep.Fillers.Count != 1 {
		t.Errorf("fillers %d, want 1", rep.Fillers.Count)
	}
}

func TestAKeyPointIsSaidWhenOneOfItsPhrasesIs(t *testing.T) {
	tr := say("we would put a cache in front of the reads and shard the writes by user", 150)
	beats := []Beat{
		{Name: "cache", Text: "Cache the reads.", Phrases: []string{"read replica", "cache reads", "cache"}},
		{Name: "queue", Text: "Queue the writes.", Phrases: []string{"queue", "message broker"}},
		{Name: "shard", Text: "Shard the writes.", Phrases: []string{"shard writes"}},
	}
	rep := Analyse(Input{Transcript: tr, Rubric: rubric(t, "design"), Beats: beats, Coaching: coaching(t)})
	var said []bool
	for _, b := range rep.Beats {
		said = append(said, b.Said)
	}
	if d := cmp.Diff([]bool{true, false, true}, said); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}
