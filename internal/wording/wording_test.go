package wording

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestQuantity(t *testing.T) {
	yes := []string{
		"The nightly job dropped from 14 hours to 40 minutes.",
		"p99 fell from 2.1s to 320ms.",
		"Error rate went down 40%.",
		"We saved $40k a year in compute.",
		"Throughput is three times higher.",
		"It cut the build time by half.",
		"Releases went from weekly to daily.",
		"Deploys now take minutes, down from hours: from hours to minutes.",
		"We have had zero incidents since.",
		"A dozen services moved onto it.",
		"It now serves 1,200 merchants.",
		"Onboarding time halved.",
		"The page got 3x faster.",
		"Checkout conversion rose 2.5 points.",
		"Four teams adopted the library within the quarter.",
		"Support tickets fell by a third, to about 30 a week.",
	}
	no := []string{
		"We upgraded to Kubernetes 1.27 in Q3 2023.",
		"The project shipped in sprint 14.",
		"We passed the SOC 2 audit.",
		"Login moved to OAuth 2.1.",
		"The logs now go to S3 in us-east-1.",
		"p99 looked much better afterwards.",
		"It went live in March 2022.",
		"The team was happy and the customers noticed.",
		"We finished it in the first half of the year.",
		"It paged the team at 2 a.m.",
		"We run it 24/7 on EC2.",
	}
	for _, s := range yes {
		if m := Quantity(s); !m.Found() {
			t.Errorf("Quantity(%q) found nothing; want a quantity", s)
		}
	}
	for _, s := range no {
		if m := Quantity(s); m.Found() {
			t.Errorf("Quantity(%q) = %q; want none", s, m.Words)
		}
	}
}

func TestAlternative(t *testing.T) {
	yes := []string{
		"We used Postgres rather than DynamoDB because we needed transactions.",
		"Prerender.io would have been simpler, but it cost too much per page.",
		"We considered a CDN in front of the API.",
		"The obvious pick was Redis, but we needed durability.",
		"Why not Kafka? Our volume was tiny.",
		"I chose gRPC over REST for the internal calls.",
		"We ruled out sharding for now.",
		"Instead of a cron job, I used the queue's delayed delivery.",
		"We could have used SQS, but ordering mattered.",
		"Build vs buy: we bought.",
		"Option 1: a read replica per region.",
		"I looked at Style Dictionary first and started with it.",
	}
	no := []string{
		"We thought about other options but this was the best.",
		"It was a classic speed vs. quality trade-off.",
		"The downside was cost.",
		"We weighed the trade-offs carefully.",
		"We considered several approaches and went with the simplest.",
		"I would have liked more time.",
	}
	for _, s := range yes {
		if m := Alternative(s); !m.Found() {
			t.Errorf("Alternative(%q) found nothing; want an alternative", s)
		}
	}
	for _, s := range no {
		if m := Alternative(s); m.Found() {
			t.Errorf("Alternative(%q) = %q; want none", s, m.Words)
		}
	}
}

func TestVoice(t *testing.T) {
	tests := []struct {
		text       string
		own, group int
	}{
		{"I profiled the service and I changed the index.", 2, 0},
		{"I think we did well. I remember we shipped it.", 0, 2},
		{"The I in I/O is the slow part for us.", 0, 1},
		{"My team did the migration and my team tested it.", 0, 2},
		{"We split the work; my patch removed the lock.", 1, 1},
		{"I was responsible for the rollout.", 1, 0},
		{"I would say we moved fast.", 0, 1},
	}
	for _, tt := range tests {
		v := CountVoice(tt.text, nil)
		if v.Own != tt.own || v.Group != tt.group {
			t.Errorf("CountVoice(%q) = own %d, group %d; want %d, %d", tt.text, v.Own, v.Group, tt.own, tt.group)
		}
	}
}

func TestMistake(t *testing.T) {
	yes := []string{
		"I assumed the cache would always be warm.",
		"We launched without a kill switch.",
		"The breaker tripped during a deploy.",
		"I had never read the runbook before that night.",
		"It paged three teams at 2 a.m.",
		"In hindsight I should have load-tested earlier.",
		"We underestimated how long the backfill would take.",
		"Rolling region by region, with a day between, would have caught it on the first one.",
	}
	no := []string{
		"Communication is key.",
		"Failure is part of learning.",
		"Next time I will plan better.",
		"I learned a lot about distributed systems.",
		"Always test your code.",
	}
	for _, s := range yes {
		if m := Mistake(s); !m.Found() {
			t.Errorf("Mistake(%q) found nothing; want a mistake", s)
		}
	}
	for _, s := range no {
		if m := Mistake(s); m.Found() {
			t.Errorf("Mistake(%q) = %q; want none", s, m.Words)
		}
	}
}

func TestSentences(t *testing.T) {
	got := Sentences("We moved to Prerender.io in 2.1 s.\nIt worked, e.g. this. Then\nit broke.\n\nNew para")
	want := []string{"We moved to Prerender.io in 2.1 s.", "It worked, e.g. this.", "Then it broke.", "New para"}
	if len(got) != len(want) {
		t.Fatalf("Sentences = %q; want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("sentence %d = %q; want %q", i, got[i], want[i])
		}
	}
}

func TestWeighing(t *testing.T) {
	yes := []string{
		"It was always a balance between speed and quality.",
		"We discussed different approaches and agreed on the best one.",
		"The cost is that we maintain that script.",
		"We found a middle ground.",
	}
	no := []string{
		"We moved the account balance to a ledger table.",
		"We considered this a data problem at first.",
		"I chose to refactor the module.",
	}
	for _, s := range yes {
		if m := Weighing(s); !m.Found() {
			t.Errorf("Weighing(%q) found nothing; want a weighing", s)
		}
	}
	for _, s := range no {
		if m := Weighing(s); m.Found() {
			t.Errorf("Weighing(%q) = %q; want none", s, m.Words)
		}
	}
}

func TestAlternativeEnumerated(t *testing.T) {
	if m := Alternative("The other is a virtual waiting room that admits buyers in batches."); !m.Found() {
		t.Error(`"The other is …" names an option, found none`)
	}
	if m := Alternative("The other thing we did was add tests."); m.Found() {
		t.Errorf("found %q in a sentence that names no option", m.Words)
	}
}

// Inline code is one piece of a sentence, whatever stops it holds, and
// "e.g." or "i.e." before a capital ends no sentence.
func TestSentencesKeepCodeAndAbbreviations(t *testing.T) {
	cases := map[string][]string{
		"I claimed rows with `SELECT ... FOR UPDATE SKIP LOCKED` in batches. It scaled.": {
			"I claimed rows with `SELECT ... FOR UPDATE SKIP LOCKED` in batches.", "It scaled.",
		},
		"We ruled out `SELECT ... FOR UPDATE`. Two replicas deadlocked.": {
			"We ruled out `SELECT ... FOR UPDATE`.", "Two replicas deadlocked.",
		},
		"A queue in front, e.g. Kafka or SQS, absorbs the peak. I.e. Redis was not needed.": {
			"A queue in front, e.g. Kafka or SQS, absorbs the peak.", "I.e. Redis was not needed.",
		},
		"Use `a; b` here. Done.": {"Use `a; b` here.", "Done."},
	}
	for in, want := range cases {
		got := Sentences(in)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

// BenchmarkRead reads the sentences of a story one after another through
// every detector, as the checker reads a story it must place, in one
// Reading's memory.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "check", "testdata", "bench", "plain.md"))
	if err != nil {
		b.Fatal(err)
	}
	sents := Sentences(string(data))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var r Reading
	for b.Loop() {
		for _, s := range sents {
			r.Reset(s)
			if f := r.Facts(); f.Own < 0 {
				b.Fatal("negative count")
			}
		}
	}
}
