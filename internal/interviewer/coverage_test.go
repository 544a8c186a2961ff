package interviewer_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/interviewer"
	"github.com/prepcli/prep/internal/pack"
)

// labelledAnswer is one answer of the evaluation corpus in
// testdata/answers: what a candidate wrote for a scenario and the key
// points a human interviewer would say it covers.
type labelledAnswer struct {
	Scenario string   `yaml:"scenario"`
	Covers   []string `yaml:"covers"`
	file     string
	body     string
}

// coverTally is what one slice of the answer corpus scores, over every
// (answer, key point) pair.
type coverTally struct {
	scenarios          map[string]bool
	answers, exact     int
	truePos, falsePos  int // Cover said covered; the label agrees / does not
	labelledPos, pairs int
}

func (t *coverTally) precision() float64 { return ratio(t.truePos, t.truePos+t.falsePos) }
func (t *coverTally) recall() float64    { return ratio(t.truePos, t.labelledPos) }
func (t *coverTally) exactRate() float64 { return ratio(t.exact, t.answers) }

// TestCoverageAccuracy holds Cover against answers labelled by hand, per
// slice. Floors are asserted on the tune slice only; the held-out slice is
// printed so a change to Cover or to the words lists can be judged on
// answers nobody tuned against.
func TestCoverageAccuracy(t *testing.T) {
	p := defaultPack(t)
	byID := map[string]*pack.Exercise{}
	for i := range p.Exercises {
		byID[p.Exercises[i].ID] = &p.Exercises[i]
	}
	showMisses := os.Getenv("PREP_COVERAGE_MISSES") == "1"

	// Floors sit a little below what the tune slice measured when the
	// corpus was written; a drop below them means Cover or the words
	// lists got worse on answers they were tuned on.
	floors := map[string]float64{"precision": 0.86, "recall": 0.75, "exact": 0.24}

	for _, slice := range []string{"tune", "heldout"} {
		answers := loadAnswers(t, slice)
		tl := coverTally{scenarios: map[string]bool{}}
		for _, a := range answers {
			e := byID[a.Scenario]
			if e == nil || len(e.KeyPoints) == 0 {
				t.Errorf("%s: scenario %q has no key points in the built-in pack; fix the front matter", a.file, a.Scenario)
				continue
			}
			if heldOut(a.Scenario) != (slice == "heldout") {
				t.Errorf("%s: scenario %s belongs in the other slice by the hash rule (see testdata/answers/README.md)", a.file, a.Scenario)
			}
			want := map[string]bool{}
			for _, id := range a.Covers {
				want[id] = true
			}
			ids := map[string]bool{}
			for _, k := range e.KeyPoints {
				ids[k.ID] = true
			}
			for id := range want {
				if !ids[id] {
					t.Errorf("%s: covers %q, which is not a key point of %s", a.file, id, a.Scenario)
				}
			}
			tl.scenarios[a.Scenario] = true
			tl.answers++
			same := true
			for _, c := range interviewer.Cover(a.body, e.KeyPoints) {
				id, got := c.Point.ID, c.Covered()
				tl.pairs++
				if want[id] {
					tl.labelledPos++
				}
				switch {
				case got && want[id]:
					tl.truePos++
				case got:
					tl.falsePos++
					same = false
					if showMisses && slice == "tune" {
						t.Logf("false covered %s [%s] %s: %q (phrase %q)", a.file, a.Scenario, id, c.Line, c.Phrase)
					}
				case want[id]:
					same = false
					if showMisses && slice == "tune" {
						t.Logf("missed %s [%s] %s: %s", a.file, a.Scenario, id, c.Point.Point)
					}
				}
			}
			if same {
				tl.exact++
			}
		}
		t.Logf("%s: %d scenarios, %d answers, %d (answer, key point) pairs, %d labelled covered",
			slice, len(tl.scenarios), tl.answers, tl.pairs, tl.labelledPos)
		t.Logf("%s: precision %.1f%% (%d/%d), recall %.1f%% (%d/%d), exact answers %.1f%% (%d/%d)",
			slice, 100*tl.precision(), tl.truePos, tl.truePos+tl.falsePos,
			100*tl.recall(), tl.truePos, tl.labelledPos,
			100*tl.exactRate(), tl.exact, tl.answers)
		if slice != "tune" {
			continue
		}
		var bad []string
		for name, got := range map[string]float64{"precision": tl.precision(), "recall": tl.recall(), "exact": tl.exactRate()} {
			if got < floors[name] {
				bad = append(bad, name+" below its floor")
			}
		}
		if len(tl.scenarios) < 8 || tl.answers < 20 {
			bad = append(bad, "too few scenarios or answers to measure anything")
		}
		if len(bad) > 0 {
			sort.Strings(bad)
			t.Errorf("tune slice of testdata/answers (run with PREP_COVERAGE_MISSES=1 to list the misses): %s", strings.Join(bad, "; "))
		}
	}
}

// loadAnswers reads testdata/answers/<slice>/*.md: YAML front matter
// between "---" lines, then the answer as the candidate wrote it.
func loadAnswers(t *testing.T, slice string) []labelledAnswer {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "answers", slice, "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("testdata/answers/%s: no answers found (%v)", slice, err)
	}
	var out []labelledAnswer
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		rest, ok := bytes.CutPrefix(b, []byte("---\n"))
		head, body, ok2 := bytes.Cut(rest, []byte("\n---\n"))
		if !ok || !ok2 {
			t.Fatalf("%s: want front matter between two --- lines", f)
		}
		a := labelledAnswer{file: f, body: string(body)}
		if err := yaml.Unmarshal(head, &a); err != nil {
			t.Fatalf("%s: front matter: %v", f, err)
		}
		if a.Scenario == "" {
			t.Fatalf("%s: front matter has no scenario", f)
		}
		out = append(out, a)
	}
	return out
}
