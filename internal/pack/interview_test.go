package pack

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The interview parts of an exercise and the new entry types: what each
// must hold is said with the file and line, a company layer replaces
// them by id, and an old exercise's numbers play as facts.
func TestInterviewSchema(t *testing.T) {
	bad := files{"a.yaml": `exercises:
  - id: feed
    title: Feed
    kind: star
    prompt: Design a feed.
    facts:
      - id: users
        topic: daily users
        words: [Users]
        answer: Two million.
      - id: users
        topic: peak
        words: [peak]
        answer: Ten thousand a second.
        why: Sizes the fan-out.
        mood: calm
    evidence:
      - id: lag
        check: replica lag
        shows: Five minutes at night.
    change:
      after: mvp
    key_points:
      - id: hybrid
        point: Pull for celebrities.
        words: [hybrid]
        why: Push melts down.
components:
  - id: pg
    name: PostgreSQL
    words: [postgres]
    limits: One primary.
    question: What happens at failover?
examples:
  - id: s
    kind: star
    strength: great
    title: T
    text: We cut p99 from 900 ms to 210 ms.
    notes:
      - quote: cut p99 to 100 ms
        hears: A figure.
references:
  - id: fundamentals
    title: Fundamentals
    text: "# Numbers"
`}
	_, err := Load(dirSource("testdata/valid"), bad.source("over"))
	var got Problems
	if !errors.As(err, &got) {
		t.Fatalf("Load = %v, want problems", err)
	}
	want := Problems{
		{"over/a.yaml", 7, `fact "users" of exercise "feed" has no why; add "why: ..."`},
		{"over/a.yaml", 9, `fact "users" of exercise "feed" has "Users" in words; write it in lowercase: "users"`},
		{"over/a.yaml", 11, `fact "users" of exercise "feed" repeats fact id "users" (first at line 7); fact ids must be unique within an exercise`},
		{"over/a.yaml", 16, `unknown key "mood" in a fact; remove it or check its spelling (known keys: id, topic, words, answer, why)`},
		{"over/a.yaml", 18, `evidence item "lag" of exercise "feed" has no words; list the phrases that name it under "words:", like [replica lag, replication lag]`},
		{"over/a.yaml", 22, `change of exercise "feed" comes after "mvp", which is not a section of rubric "star"; use one of: situation, result`},
		{"over/a.yaml", 22, `change of exercise "feed" has no say; add "say: ..."`},
		{"over/a.yaml", 29, `component "pg" has no failure modes; list how it breaks under "failure_modes:"`},
		{"over/a.yaml", 37, `example "s" has strength "great"; use "strong" or "weak"`},
		{"over/a.yaml", 41, `note 1 of example "s" quotes "cut p99 to 100 ms", which is not in the example's text; copy the words exactly as the text has them`},
		{"over/a.yaml", 44, `reference "fundamentals" has no summary; add "summary: ..."`},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("problems (-want +got):\n%s", d)
	}

	base := files{"c.yaml": `components:
  - {id: pg, name: PostgreSQL, words: [postgres], limits: One primary, failure_modes: [lag], question: Failover}
  - {id: redis, name: Redis, words: [redis], limits: RAM, failure_modes: [eviction], question: Restart}
`}
	over := files{"c.yaml": `components:
  - {id: pg, name: Our Postgres, words: [postgres], limits: Sharded by tenant, failure_modes: [hot tenant], question: Which tenant is hot}
exercises:
  - id: old
    title: Old
    kind: star
    prompt: Scale it.
    numbers: [{name: Peak requests per second, value: "2,000"}]
`}
	p, err := Load(dirSource("testdata/valid"), base.source("base"), over.source("over"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range p.Components {
		names = append(names, c.Name)
	}
	if d := cmp.Diff([]string{"Our Postgres", "Redis"}, names); d != "" {
		t.Errorf("components after the overlay (-want +got):\n%s", d)
	}
	e, _ := p.Exercise("old")
	wantFacts := []Fact{{ID: "number-1", Topic: "Peak requests per second", Words: []string{"peak requests per second"}, Answer: "2,000"}}
	if d := cmp.Diff(wantFacts, e.AllFacts()); d != "" {
		t.Errorf("numbers as facts (-want +got):\n%s", d)
	}
	if got, err := p.Find("component/pg"); err != nil || len(got) != 1 || got[0].Title != "Our Postgres" {
		t.Errorf("Find(component/pg) = %v, %v", got, err)
	}
}
