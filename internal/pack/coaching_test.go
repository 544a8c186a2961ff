package pack

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An overlay's rehearse and sheet blocks replace the base's field by field:
// a company can reword one hint, or give its own pitch headings, and keep
// the rest.
func TestLoadOverlayRehearseAndSheet(t *testing.T) {
	base := files{"pack.yaml": `pack:
  name: d
  version: "1"
  welcome: hi
  rehearse: {pace_low: 130, pace_high: 160, over_time: shorter, slow_pace: faster, fast_pace: slower, fillers: fewer}
  sheet: {pitch_titles: [pitch], choice_words: [chose], learn_words: [learned]}
`}
	over := files{"pack.yaml": `pack:
  rehearse: {pace_high: 170, fillers: "stop, then go on"}
  sheet: {pitch_titles: [in short, "tl;dr"]}
`}
	p, err := LoadParts(PartMeta, base.source("base"), over.source("over"))
	if err != nil {
		t.Fatal(err)
	}
	wantR := Rehearse{PaceLow: 130, PaceHigh: 170, OverTime: "shorter", SlowPace: "faster", FastPace: "slower", Fillers: "stop, then go on"}
	if diff := cmp.Diff(wantR, p.Meta.Rehearse); diff != "" {
		t.Errorf("rehearse (-want +got):\n%s", diff)
	}
	wantS := Sheet{PitchTitles: []string{"in short", "tl;dr"}, ChoiceWords: []string{"chose"}, LearnWords: []string{"learned"}}
	if diff := cmp.Diff(wantS, p.Meta.Sheet); diff != "" {
		t.Errorf("sheet (-want +got):\n%s", diff)
	}
}

func TestRehearseAndSheetProblems(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want Problems
	}{{
		name: "a pack without them is valid",
		yaml: "pack: {name: d, version: '1', welcome: hi}\n",
	}, {
		name: "a pace band upside down",
		yaml: "pack:\n  name: d\n  version: '1'\n  welcome: hi\n  rehearse: {pace_low: 170, pace_high: 160}\n",
		want: Problems{{"p/pack.yaml", 1, `the pack's rehearse block has pace_low 170 and pace_high 160; give both, in words a minute, pace_low below pace_high and neither above 400 (such as 130 and 160)`}},
	}, {
		name: "half a pace band",
		yaml: "pack:\n  name: d\n  version: '1'\n  welcome: hi\n  rehearse: {pace_high: 160}\n",
		want: Problems{{"p/pack.yaml", 1, `the pack's rehearse block has pace_low 0 and pace_high 160; give both, in words a minute, pace_low below pace_high and neither above 400 (such as 130 and 160)`}},
	}, {
		name: "an empty word",
		yaml: "pack:\n  name: d\n  version: '1'\n  welcome: hi\n  sheet: {learn_words: [learned, '  ']}\n",
		want: Problems{{"p/pack.yaml", 1, `the pack's sheet block has an empty entry (number 2) in learn_words; remove it or write the words`}},
	}, {
		name: "a misspelt key",
		yaml: "pack:\n  name: d\n  version: '1'\n  welcome: hi\n  rehearse: {pace_lo: 120}\n",
		want: Problems{{"p/pack.yaml", 5, `unknown key "pace_lo" in the rehearse block; remove it or check its spelling (known keys: pace_low, pace_high, over_time, slow_pace, fast_pace, fillers)`}},
	}}
	for _, tt := range tests {
		_, err := LoadParts(PartMeta, files{"pack.yaml": tt.yaml}.source("p"))
		var got Problems
		if err != nil {
			ps, ok := err.(Problems)
			if !ok {
				t.Fatalf("%s: %v", tt.name, err)
			}
			got = ps
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: problems (-want +got):\n%s", tt.name, diff)
		}
	}
}

// The drill and culture blocks are laid over field by field too, down to
// a prompt's ask and hint; a misspelt key is named with the block's keys.
func TestLoadOverlayDrillAndCulture(t *testing.T) {
	base := files{"pack.yaml": `pack:
  name: d
  version: "1"
  welcome: hi
  drill: {grade_help: grades, tradeoff: which, own_choice: yours, weighed: weighed}
  culture:
    why_team: {ask: why, hint: four sentences}
    update: {ask: write it, hint: the ask last}
`}
	over := files{"pack.yaml": `pack:
  drill: {tradeoff: "which, for us?"}
  culture:
    why_team: {hint: name our design doc}
    questions: {ask: your questions}
`}
	p, err := LoadParts(PartMeta, base.source("base"), over.source("over"))
	if err != nil {
		t.Fatal(err)
	}
	wantD := Drill{GradeHelp: "grades", Tradeoff: "which, for us?", OwnChoice: "yours", Weighed: "weighed"}
	if diff := cmp.Diff(wantD, p.Meta.Drill); diff != "" {
		t.Errorf("drill (-want +got):\n%s", diff)
	}
	wantC := Culture{
		WhyTeam:   Prompt{Ask: "why", Hint: "name our design doc"},
		Questions: Prompt{Ask: "your questions"},
		Update:    Prompt{Ask: "write it", Hint: "the ask last"},
	}
	if diff := cmp.Diff(wantC, p.Meta.Culture); diff != "" {
		t.Errorf("culture (-want +got):\n%s", diff)
	}

	_, err = LoadParts(PartMeta, files{"pack.yaml": "pack:\n  name: d\n  version: '1'\n  welcome: hi\n  culture:\n    why_team: {question: why}\n"}.source("p"))
	want := Problems{{"p/pack.yaml", 6, `unknown key "question" in a prompt of the culture block; remove it or check its spelling (known keys: ask, hint)`}}
	if diff := cmp.Diff(want, err); diff != "" {
		t.Errorf("a misspelt key (-want +got):\n%s", diff)
	}
}
