package interviewer

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/pack"
)

func TestWordsStemBothSides(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"users", "user"},
		{"caching", "cache"},
		{"cached", "cache"},
		{"latencies", "latency"},
		{"queues", "queueing"},
		{"shipped", "ship"},
		{"indexes", "index"},
	} {
		if got, want := Words(tt.a), Words(tt.b); !cmp.Equal(got, want) {
			t.Errorf("Words(%q) = %v, Words(%q) = %v; want the same stems", tt.a, got, tt.b, want)
		}
	}
	if got, want := Words("Fan-out on READ, p99's"), []string{"fan", "out", "on", "read", "p99"}; !cmp.Equal(got, want) {
		t.Errorf("Words = %v, want %v", got, want)
	}
}

var facts = []pack.Fact{
	{ID: "users", Topic: "daily users", Words: []string{"users", "daily active", "dau", "how many people"}},
	{ID: "peak", Topic: "peak traffic", Words: []string{"peak", "requests per second", "qps", "rps"}},
	{ID: "latency", Topic: "latency target", Words: []string{"latency", "how fast", "p99"}},
	{ID: "team", Topic: "team size", Words: []string{"team", "engineers", "who builds"}},
	{ID: "budget", Topic: "budget", Words: []string{"budget", "cost", "spend"}},
}

func TestFacts(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want string // fact ids joined by "+", "" for none
	}{
		{"How many users do we have?", "users"},
		{"What's the DAU?", "users"},
		{"how many requests per second at peak", "peak"},
		{"What latency should reads have at p99?", "latency"},
		{"Who is on the team, how many engineers?", "team"},
		{"What can we spend per month?", "budget"},
		{"Is there a deadline?", ""},
		{"", ""},
		// "costume" is not "cost": phrases never match inside a word.
		{"Any costume party?", ""},
		// Both users and peak are asked: the longer phrase wins.
		{"how many people visit at peak", "users"},
		// A tie goes to the fact listed first.
		{"users and team", "users"},
		// Two requests joined, each answered, in the order asked.
		{"How many users and what latency at p99?", "users+latency"},
		{"What's the DAU, how many engineers are on it?", "users+team"},
		{"How many engineers? And the budget?", "team+budget"},
		{"What's the budget; is there a latency target?", "budget+latency"},
		// Joined requests for one fact answer it once.
		{"How many users and how many daily active?", "users"},
		// A request that reaches nothing leaves the other's answer.
		{"How many users and is there a deadline?", "users"},
	} {
		var got []string
		for _, i := range new(Matcher).Facts(tt.q, facts) {
			got = append(got, facts[i].ID)
		}
		if g := strings.Join(got, "+"); g != tt.want {
			t.Errorf("Facts(%q) = %q, want %q", tt.q, g, tt.want)
		}
	}
}

// A tie between two facts goes to the one matched by the phrase fewer
// facts of the pack list: "customers" is listed everywhere, "gdpr" once.
func TestFactTieGoesToTheRarerPhrase(t *testing.T) {
	scenario := []pack.Fact{
		{ID: "tenants", Topic: "tenants", Words: []string{"tenants", "customers"}},
		{ID: "compliance", Topic: "compliance", Words: []string{"compliance", "gdpr"}},
	}
	other := []pack.Fact{{ID: "users", Topic: "buyers", Words: []string{"customers"}}}
	p := &pack.Pack{Exercises: []pack.Exercise{{ID: "a", Facts: scenario}, {ID: "b", Facts: other}}}
	q := "Do customers care about GDPR?"
	if got := NewMatcher(p).Facts(q, scenario); !slices.Equal(got, []int{1}) {
		t.Errorf("with the pack's counts, %q reaches facts %v, want 1 (compliance)", q, got)
	}
	if got := new(Matcher).Facts(q, scenario); !slices.Equal(got, []int{0}) {
		t.Errorf("without counts, %q reaches facts %v, want the first listed, 0", q, got)
	}
}

func TestEvidence(t *testing.T) {
	items := []pack.Evidence{
		{ID: "lag", Check: "replica lag by replica", Words: []string{"replica lag", "replication lag", "lag"}},
		{ID: "cache", Check: "cache hit rate", Words: []string{"cache", "hit rate", "hit ratio"}},
		{ID: "logs", Check: "the check service's logs", Words: []string{"logs", "log", "error log"}},
	}
	for _, tt := range []struct{ check, want string }{
		{"I'd look at replication lag on the replicas", "lag"},
		{"the cache hit ratio over the incident", "cache"},
		{"grep the error logs", "logs"},
		{"CPU on the load balancer", ""},
		// One word shared with a check's name is not enough.
		{"disk usage on the replicas", ""},
		// Two words of the check's name, in any order, are.
		{"the rate of cache hits", "cache"},
	} {
		got := ""
		if i := new(Matcher).Evidence(tt.check, items); i >= 0 {
			got = items[i].ID
		}
		if got != tt.want {
			t.Errorf("Evidence(%q) = %q, want %q", tt.check, got, tt.want)
		}
	}
}

func TestCover(t *testing.T) {
	points := []pack.KeyPoint{
		{ID: "hybrid", Point: "Push for most, pull for celebrities.", Words: []string{"fan-out on read", "hybrid", "celebrity"}},
		{ID: "idem", Point: "Writes are idempotent.", Words: []string{"idempotent", "idempotency key"}},
		{ID: "shard", Point: "Shard by user.", Words: []string{"shard by user", "partition by user"}},
	}
	answer := "## MVP\nA timeline table in Postgres.\n\nCelebrities get fan-out on read, everyone else push.\nTables stay small. We shard by user id. Reads go to replicas.\nWe partition the cache (not by user)."
	got := Cover(answer, points)
	want := []Coverage{
		{Point: points[0], Line: "Celebrities get fan-out on read, everyone else push.", Phrase: "fan-out on read"},
		{Point: points[1]},
		{Point: points[2], Line: "We shard by user id.", Phrase: "shard by user"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Cover (-want +got):\n%s", d)
	}
	if n := CountCovered(got); n != 2 {
		t.Errorf("CountCovered = %d, want 2", n)
	}
}

func TestFollowups(t *testing.T) {
	comps := []pack.Component{
		{ID: "postgres", Name: "PostgreSQL", Words: []string{"postgres", "postgresql"}, Question: "What happens when the Postgres primary fails over?"},
		{ID: "kafka", Name: "Kafka", Words: []string{"kafka"}, Question: "How do you size Kafka partitions?"},
		{ID: "redis", Name: "Redis", Words: []string{"redis"}, Question: "What if Redis restarts cold?"},
	}
	templates := []string{"You wrote: {sentence} What would make you go the other way?"}
	answer := "Events go through Kafka to a worker.\nThe worker writes to Postgres rather than DynamoDB.\nRedis caches the hot keys."
	got := Followups(answer, comps, templates, 3)
	want := []Followup{
		{Question: "How do you size Kafka partitions?", From: FromComponent, About: "Kafka", Quote: "Events go through Kafka to a worker."},
		{Question: "You wrote: The worker writes to Postgres rather than DynamoDB. What would make you go the other way?", From: FromDecision, About: "rather than DynamoDB", Quote: "The worker writes to Postgres rather than DynamoDB."},
		{Question: "What happens when the Postgres primary fails over?", From: FromComponent, About: "PostgreSQL", Quote: "The worker writes to Postgres rather than DynamoDB."},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Followups (-want +got):\n%s", d)
	}
	if got := Followups("Nothing named here.", comps, templates, 3); len(got) != 0 {
		t.Errorf("Followups on an answer naming nothing = %v, want none", got)
	}
}

// A point named only to be turned down is not covered; named in another
// sentence, it is.
func TestCoverReadsATurnedDownIdea(t *testing.T) {
	points := []pack.KeyPoint{{ID: "sw", Point: "Cache the shell with a service worker.", Words: []string{"service worker"}}}
	for _, tt := range []struct {
		answer string
		want   bool
	}{
		{"We will not build a service worker for the first version.", false},
		{"I would use IndexedDB rather than a service worker.", false},
		{"We will not build it now. Later a service worker caches the shell.", true},
		{"A service worker caches the shell, so it loads offline.", true},
	} {
		if got := Cover(tt.answer, points)[0].Covered(); got != tt.want {
			t.Errorf("Cover(%q) covered = %v, want %v", tt.answer, got, tt.want)
		}
	}
}
