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
