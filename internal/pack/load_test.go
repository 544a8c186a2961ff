package pack

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func dirSource(dir string) Source {
	return Source{FS: os.DirFS(dir), Name: dir}
}

// tinyPack is what testdata/valid holds.
func tinyPack() *Pack {
	const dir = "testdata/valid"
	return &Pack{
		Meta: Meta{
			Name: "tiny", Company: "Example Co", Version: "1.0", Welcome: "Practise for the panels.",
			Src: Pos{dir + "/pack.yaml", 2},
		},
		Panels: []Panel{{
			ID: "background", Title: "Background Panel", Summary: "Walk through your past work.",
			Overview: "An hour on your résumé and two projects.\n",
			Rubric:   "star",
			LooksFor: []Point{{Title: "Depth", Text: "Why each component was chosen."}},
			Prepare:  []Point{{Title: "Timeline", Text: "Most recent role first."}},
			During:   []Point{{Title: "Be honest", Text: "Say what went wrong."}},
			Guides: []Guide{{
				ID: "resume_walk", Title: "Your timeline", Text: "List your roles.",
				Questions: []string{"What did you own?"},
			}},
			Src: Pos{dir + "/panels/background.yaml", 2},
		}},
		Rubrics: []Rubric{{
			ID: "star", Title: "Project story", Summary: "A STAR story with depth.",
			Sections: []Section{{
				ID: "situation", Title: "Situation",
				Aliases: []string{"Context", "Background"}, Letters: []string{"S"}, Cues: []string{"at the time"},
				Question: "Where were you?", Guidance: "Team, product, stakes.", Missing: "say where this happened",
				MinWords: 20, Level: Required,
			}, {
				ID: "result", Title: "Result", Question: "What changed?", Guidance: "A measured outcome.",
				Missing: "say what changed, with a number", Level: Required,
			}},
			Signals: []Signal{{
				ID: "result-number", Type: SignalNeedsNumber, Section: "result", Level: SeverityWarning,
				Message: "The {section} has no number.", Hint: "Add a figure.",
			}, {
				ID: "voice", Type: SignalVoice, Level: SeverityWarning, Message: "Told as we.", Hint: "Say what you did.",
				We: []string{"we", "our"}, I: []string{"i", "my"}, MinShare: 0.3, MinCount: 3,
			}, {
				ID: "too-long", Type: SignalSpeakingTime, Level: SeverityWarning,
				Message: "About {minutes} minutes.", Hint: "Cut it down.", WordsPerMinute: 140, MaxMinutes: 3.5,
			}},
			Src: Pos{dir + "/rubrics/star.yaml", 2},
		}},
		Exercises: []Exercise{{
			ID: "rate-limiter", Title: "Rate limiter", Kind: "star", Track: "distributed", Prompt: "Scale it 100x.",
			Numbers:      []Figure{{Name: "peak rps", Value: "2,000"}},
			Architecture: "One Redis.", Hints: []string{"Where is the state?"}, Notes: "Shard the counters.",
			Src: Pos{dir + "/banks/bank.yaml", 2},
		}},
		Tradeoffs: []Tradeoff{{
			ID: "queue-or-call", Title: "Queue or direct call", Options: []string{"queue", "direct call"},
			Dimensions: []string{"latency"}, Notes: "Coupling.",
			Src: Pos{dir + "/banks/bank.yaml", 14},
		}},
		Followups: []Followup{{
			ID: "why-redis", Question: "Why Redis?", Sections: []string{"situation"}, Topics: []string{"redis"},
			Why: "Tests the choice.", Src: Pos{dir + "/banks/bank.yaml", 20},
		}},
	}
}

func TestLoadValidPack(t *testing.T) {
	got, err := Load(dirSource("testdata/valid"))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if diff := cmp.Diff(tinyPack(), got); diff != "" {
		t.Errorf("pack (-want +got):\n%s", diff)
	}
}

func TestLoadOverlayReplacesAndAdds(t *testing.T) {
	got, err := Load(dirSource("testdata/valid"), dirSource("testdata/overlay"))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	want := tinyPack()
	// Non-empty overlay fields win; the rest stay the base's.
	want.Meta.Name = "acme"
	want.Meta.Welcome = "Welcome to Acme."
	want.Meta.Src = Pos{"testdata/overlay/pack.yaml", 1}
	// Same id: replaced whole and in place, not merged field by field.
	want.Panels[0] = Panel{
		ID: "background", Title: "Acme Background Panel", Summary: "Acme's version.",
		Overview: "Forty-five minutes.", Rubric: "star",
		Src: Pos{"testdata/overlay/panels/background.yaml", 2},
	}
	// New id: added after the base's entries.
	want.Tradeoffs = append(want.Tradeoffs, Tradeoff{
		ID: "sql-or-nosql", Title: "SQL or NoSQL", Options: []string{"sql", "nosql"},
		Src: Pos{"testdata/overlay/banks/more.yml", 2},
	})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pack (-want +got):\n%s", diff)
	}
}

func TestLoadEmbeddedNames(t *testing.T) {
	fsys := fstest.MapFS{
		"pack.yaml":         {Data: []byte("pack: {name: d, version: '1', welcome: hi}\n")},
		"panels/bad.yaml":   {Data: []byte("panels:\n  - id: x\n    color: red\n")},
		".#panels/x.yaml":   {Data: []byte("not: [valid")}, // an editor's lock file: skipped
		"README.md":         {Data: []byte("# not yaml")},
		"banks/.hidden.yml": {Data: []byte("nope: 1")},
	}
	_, err := Load(Source{FS: fsys, Name: Embedded})
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load error = %v, want Problems", err)
	}
	want := Problems{
		{"embedded:panels/bad.yaml", 2, `panel "x" has no title; add "title: ..."`},
		{"embedded:panels/bad.yaml", 2, `panel "x" has no summary; add "summary: ..."`},
		{"embedded:panels/bad.yaml", 2, `panel "x" has no overview; add "overview: ..."`},
		{"embedded:panels/bad.yaml", 3, `unknown key "color" in a panel; remove it or check its spelling (known keys: id, title, summary, overview, rubric, looks_for, prepare, during, guides)`},
	}
	if diff := cmp.Diff(want, ps); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestLoadOneLayerMissingDirectory(t *testing.T) {
	_, err := Load(dirSource("testdata/valid"), dirSource("testdata/no-such-dir"))
	want := Problems{{"testdata/no-such-dir", 0, "cannot read: no such file or directory; check that it exists and that you may read it"}}
	if diff := cmp.Diff(error(want), err); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
}

func TestProblemsError(t *testing.T) {
	tests := []struct {
		ps   Problems
		want string
	}{
		{Problems{{"a.yaml", 3, "bad"}}, "a.yaml:3: bad"},
		{Problems{{"a.yaml", 0, "bad"}}, "a.yaml: bad"},
		{Problems{{"a.yaml", 3, "bad"}, {"b.yaml", 1, "worse"}, {"c.yaml", 2, "worst"}},
			"a.yaml:3: bad (and 2 more; run 'prep content validate' to see all)"},
	}
	for _, tt := range tests {
		if got := tt.ps.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if strings.Contains(tt.ps.Error(), "\n") {
			t.Errorf("Error() %q is not one line", tt.ps.Error())
		}
	}
}
