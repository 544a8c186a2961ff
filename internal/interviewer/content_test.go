package interviewer_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/interviewer"
	"github.com/prepcli/prep/internal/pack"
)

func defaultPack(t *testing.T) *pack.Pack {
	t.Helper()
	p, err := pack.Load(pack.Source{FS: content.FS, Name: pack.Embedded})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The built-in pack plays as an interview: enough scenarios per track,
// each with facts to ask for and key points to be held to, debugging
// scenarios with evidence, a change of requirements for design ones, the
// probe bank, the worked examples and the reference texts. The failure
// lists every shortfall, one a line.
func TestDefaultPackDepth(t *testing.T) {
	p := defaultPack(t)
	var short []string
	shortf := func(format string, args ...any) { short = append(short, fmt.Sprintf(format, args...)) }

	tracks := map[string]int{}
	for i := range p.Exercises {
		e := &p.Exercises[i]
		switch e.Track {
		case "distributed", "frontend", "debugging":
		default:
			if e.Kind == "scale" && len(e.KeyPoints) < 5 {
				shortf("scale exercise %s: %d key points, want at least 5", e.ID, len(e.KeyPoints))
			}
			continue
		}
		if !(e.Track == "distributed" && strings.HasPrefix(e.ID, "authz-")) {
			tracks[e.Track]++
		}
		if len(e.Facts) < 6 {
			shortf("scenario %s (%s): %d facts, want at least 6", e.ID, e.Track, len(e.Facts))
		}
		if len(e.KeyPoints) < 6 {
			shortf("scenario %s (%s): %d key points, want at least 6", e.ID, e.Track, len(e.KeyPoints))
		}
		if len(e.Numbers) > 0 {
			shortf("scenario %s (%s): still has numbers; move them into facts", e.ID, e.Track)
		}
		if e.Track == "debugging" {
			if e.Kind != "debug" {
				shortf("scenario %s (debugging): kind %q, want debug", e.ID, e.Kind)
			}
			if len(e.Evidence) < 6 {
				shortf("scenario %s (debugging): %d evidence items, want at least 6", e.ID, len(e.Evidence))
			}
		} else if e.Change == nil {
			shortf("scenario %s (%s): no change of requirements", e.ID, e.Track)
		}
	}
	for _, tr := range []string{"distributed", "frontend", "debugging"} {
		if n := tracks[tr]; n < 8 {
			what := ""
			if tr == "distributed" {
				what = " (not counting authz-)"
			}
			shortf("track %s: %d scenarios%s, want at least 8", tr, n, what)
		}
	}
	if n := len(p.Components); n < 25 {
		shortf("probe bank: %d components, want at least 25", n)
	}
	have := map[string]bool{}
	for _, e := range p.Examples {
		have[e.Kind+"/"+e.Strength] = true
	}
	for _, k := range []string{"star", "design", "debug", "culture"} {
		for _, s := range []string{pack.Strong, pack.Weak} {
			if !have[k+"/"+s] {
				shortf("examples: no %s example of kind %s", s, k)
			}
		}
	}
	for _, id := range []string{"authz-primer", "fundamentals"} {
		if _, ok := p.Reference(id); !ok {
			shortf("references: no %s", id)
		}
	}
	if len(short) > 0 {
		t.Errorf("the built-in pack is short of:\n  %s", strings.Join(short, "\n  "))
	}
}

// Every fact, evidence item and key point of the built-in pack can be
// reached: its own first phrase, and a fact's topic or an item's check,
// asked as a question reaches it and not another one listed before it.
func TestDefaultPackReachable(t *testing.T) {
	p := defaultPack(t)
	m := interviewer.NewMatcher(p)
	for i := range p.Exercises {
		e := &p.Exercises[i]
		facts := e.AllFacts()
		for j, f := range facts {
			for _, q := range []string{first(f.Words), f.Topic} {
				if q == "" {
					continue
				}
				if got := m.Facts(q, facts); !slices.Equal(got, []int{j}) {
					var ids []string
					for _, k := range got {
						ids = append(ids, facts[k].ID)
					}
					t.Errorf("%s: fact %s is not reached by %q alone: it reaches %q", e.ID, f.ID, q, ids)
				}
			}
		}
		for j, v := range e.Evidence {
			for _, q := range []string{first(v.Words), v.Check} {
				if got := m.Evidence(q, e.Evidence); got != j {
					t.Errorf("%s: evidence %s is not reached by %q: it reaches %s", e.ID, v.ID, q, name(got, func(k int) string { return e.Evidence[k].ID }))
				}
			}
		}
		cov := interviewer.Cover(strings.Join(firsts(e.KeyPoints), "\n"), e.KeyPoints)
		for j, c := range cov {
			if !c.Covered() {
				t.Errorf("%s: key point %s is not covered by its own first phrase %q", e.ID, e.KeyPoints[j].ID, first(e.KeyPoints[j].Words))
			}
		}
	}
	for _, c := range p.Components {
		if got := interviewer.Followups("We use "+first(c.Words)+" here.", []pack.Component{c}, nil, 1); len(got) != 1 {
			t.Errorf("component %s is not named by its own first phrase %q", c.ID, first(c.Words))
		}
	}
}

func first(ws []string) string {
	if len(ws) == 0 {
		return ""
	}
	return ws[0]
}

func firsts(ks []pack.KeyPoint) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = first(k.Words)
	}
	return out
}

func name(i int, id func(int) string) string {
	if i < 0 {
		return "nothing (the neutral reply)"
	}
	return id(i)
}
