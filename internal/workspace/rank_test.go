package workspace

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// ranks writes stories a, b, c, … with the given ranks, by hand.
func ranks(t *testing.T, w *Workspace, spec string) {
	t.Helper()
	for _, f := range strings.Fields(spec) {
		name, r, _ := strings.Cut(f, "=")
		put(t, w, "stories/"+name+".md", fmt.Sprintf("---\ntitle: %s\nrank: %s\nupdated: 2025-01-01T00:00:00Z\n---\nbody\n", strings.ToUpper(name), r))
	}
}

func rankMap(t *testing.T, w *Workspace) map[string]int {
	t.Helper()
	stories, errs := w.Stories()
	if errs != nil {
		t.Fatal(errs)
	}
	got := map[string]int{}
	for _, s := range stories {
		got[s.Slug()] = s.Meta.Rank
	}
	return got
}

func TestRankKeepsRanksUnique(t *testing.T) {
	tests := []struct {
		name, before, ref string
		n                 int
		after             map[string]int
	}{
		{"an unranked story to 1 pushes the others down", "a=1 b=2 c=3 d=0", "d", 1, map[string]int{"d": 1, "a": 2, "b": 3, "c": 0}},
		{"moving up: the ones passed move down", "a=1 b=2 c=3", "c", 1, map[string]int{"c": 1, "a": 2, "b": 3}},
		{"moving down: the ones passed move up", "a=1 b=2 c=3", "a", 3, map[string]int{"b": 1, "c": 2, "a": 3}},
		{"a swap of neighbours", "a=1 b=2 c=3", "b", 3, map[string]int{"a": 1, "c": 2, "b": 3}},
		{"unranking leaves a free place", "a=1 b=2 c=3", "b", 0, map[string]int{"a": 1, "b": 0, "c": 3}},
		{"into a free place, nobody moves", "a=1 c=3 d=0", "d", 2, map[string]int{"a": 1, "c": 3, "d": 2}},
		{"a push stops at a free place", "a=1 c=3 d=0", "d", 1, map[string]int{"d": 1, "a": 2, "c": 3}},
		{"the same rank again changes nothing", "a=1 b=2", "a", 1, map[string]int{"a": 1, "b": 2}},
		{"of two sharing a rank, the one ranked comes first", "a=1 b=1 c=0", "b", 1, map[string]int{"b": 1, "a": 2, "c": 0}},
		{"the other one sharing a rank takes the next free place", "a=1 b=1 c=3", "a", 1, map[string]int{"a": 1, "b": 2, "c": 3}},
		{"one sharing a rank moved elsewhere leaves the other", "a=2 b=2 c=0", "a", 3, map[string]int{"b": 2, "a": 3, "c": 0}},
		{"a story that shared a rank is pushed on, not dropped", "a=1 b=1 c=2 d=3", "b", 1, map[string]int{"b": 1, "a": 2, "c": 3, "d": 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, _ := newWS(t)
			ranks(t, w, tt.before)
			if _, err := w.Rank(tt.ref, tt.n); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.after, rankMap(t, w)); diff != "" {
				t.Errorf("ranks after Rank(%s, %d) (-want +got):\n%s", tt.ref, tt.n, diff)
			}
		})
	}
}

func TestRankReportsChangesAndLeavesUpdatedAlone(t *testing.T) {
	w, _ := newWS(t)
	ranks(t, w, "a=1 b=2 c=3 d=0")
	changes, err := w.Rank("d", 2)
	if err != nil {
		t.Fatal(err)
	}
	dir := w.path(StoriesDir)
	want := []RankChange{
		{Path: filepath.Join(dir, "d.md"), Title: "D", From: 0, To: 2},
		{Path: filepath.Join(dir, "b.md"), Title: "B", From: 2, To: 3},
		{Path: filepath.Join(dir, "c.md"), Title: "C", From: 3, To: 0},
	}
	if diff := cmp.Diff(want, changes); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
	if got := get(t, filepath.Join(dir, "c.md")); got != "---\ntitle: C\nrank: 0\nupdated: 2025-01-01T00:00:00Z\n---\nbody\n" {
		t.Errorf("c.md after losing its rank:\n%s", got)
	}
	if got := get(t, filepath.Join(dir, "a.md")); got != "---\ntitle: A\nrank: 1\nupdated: 2025-01-01T00:00:00Z\n---\nbody\n" {
		t.Errorf("a.md, whose rank did not change, was rewritten:\n%s", got)
	}
}

func TestSaveStoryWithATakenRankMovesTheHolder(t *testing.T) {
	w, _ := newWS(t)
	ranks(t, w, "a=1 b=2")
	s := &Story{Meta: StoryMeta{Title: "New", Rank: 1}}
	if err := w.SaveStory(s); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]int{"new": 1, "a": 2, "b": 3}, rankMap(t, w)); diff != "" {
		t.Errorf("ranks (-want +got):\n%s", diff)
	}
}

func TestRankRefusals(t *testing.T) {
	w, _ := newWS(t)
	ranks(t, w, "a=1 b=1 c=0")
	got := map[string]string{}
	_, err := w.Rank("a", 4)
	got["rank 4"] = fmt.Sprint(err)
	_, err = w.Story("1")
	got["shared rank"] = fmt.Sprint(err)
	err = w.SaveStory(&Story{Meta: StoryMeta{Title: "X", Rank: -1}})
	got["save rank -1"] = fmt.Sprint(err)
	_, err = w.Rank("c", 2)
	got["another story while two share a rank"] = fmt.Sprint(err)
	want := map[string]string{
		"rank 4":       "rank 4: use 1, 2 or 3 to feature a story, or 0 to unrank it",
		"shared rank":  w.path(StoriesDir) + ": a.md and b.md share rank 1; say which comes first, such as prep story rank a 1, and the others move down a place",
		"save rank -1": `"X": rank -1 is not 0 to 3; use 1, 2 or 3 to feature the story, or 0`,
		"another story while two share a rank": w.path(StoriesDir) + ": a.md and b.md share rank 1; say which comes first, " +
			"such as prep story rank a 1, and the others move down a place; then rank c.md",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"a": 1, "b": 1, "c": 0}, rankMap(t, w)); diff != "" {
		t.Errorf("ranks after the refusals (-want +got):\n%s", diff)
	}
}

// Two stories given one rank by hand are reported, never taken in
// silence: prep cannot know which the candidate puts first.
func TestClashesAreReported(t *testing.T) {
	w, _ := newWS(t)
	ranks(t, w, "a=1 b=1 c=2 d=3 e=3 f=3")
	stories, errs := w.Stories()
	if errs != nil {
		t.Fatal(errs)
	}
	var got []string
	for _, c := range Clashes(stories) {
		got = append(got, c.Error())
	}
	want := []string{
		"a.md and b.md share rank 1; say which comes first, such as prep story rank a 1, and the others move down a place",
		"d.md, e.md and f.md share rank 3; say which comes first, such as prep story rank d 3, and the others move down a place",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("clashes (-want +got):\n%s", diff)
	}
}

// A new story saved with a rank that two stories share takes its place,
// and the one that shared the rank goes on to a free place.
func TestSaveStoryOverASharedRankKeepsBothFeatured(t *testing.T) {
	w, _ := newWS(t)
	ranks(t, w, "a=1 b=1")
	if err := w.SaveStory(&Story{Meta: StoryMeta{Title: "New", Rank: 3}}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]int{"a": 1, "b": 2, "new": 3}, rankMap(t, w)); diff != "" {
		t.Errorf("ranks (-want +got):\n%s", diff)
	}
}

// A rank change saves every story it moves or none: when one file cannot
// be written, the ones written before it get their old bytes back, so no
// rank is left empty or held twice (issue 9, item 6).
func TestRankIsAllOrNothing(t *testing.T) {
	for fail := 0; fail < 3; fail++ {
		t.Run(fmt.Sprint("write ", fail+1, " fails"), func(t *testing.T) {
			w, _ := newWS(t)
			ranks(t, w, "a=1 b=2 c=3")
			dir := w.path(StoriesDir)
			before := map[string]string{}
			for _, n := range []string{"a", "b", "c"} {
				before[n] = get(t, filepath.Join(dir, n+".md"))
			}
			writes := 0
			saveHook = func(path string) error {
				writes++
				if writes == fail+1 {
					return fmt.Errorf("%s: cannot save: no space left on device", path)
				}
				return nil
			}
			t.Cleanup(func() { saveHook = nil })
			changes, err := w.Rank("c", 1)
			if err == nil || !strings.Contains(err.Error(), "no space left on device") {
				t.Fatalf("Rank = %v, %v; want the failed write's error", changes, err)
			}
			if changes != nil {
				t.Errorf("changes reported for a rank change that did not happen: %v", changes)
			}
			for _, n := range []string{"a", "b", "c"} {
				if got := get(t, filepath.Join(dir, n+".md")); got != before[n] {
					t.Errorf("%s.md after the failed rank change:\n%s\nwant it as it was:\n%s", n, got, before[n])
				}
			}
			if tmp := temps(t, dir); len(tmp) > 0 {
				t.Errorf("temp files left: %v", tmp)
			}
		})
	}
}

// A failed save of a new story that moves others leaves no file of it
// and the others' ranks as they were.
func TestSaveStoryMovingRanksIsAllOrNothing(t *testing.T) {
	w, _ := newWS(t)
	ranks(t, w, "a=1 b=2 c=3")
	writes := 0
	saveHook = func(path string) error {
		if writes++; writes == 3 {
			return fmt.Errorf("%s: cannot save: input/output error", path)
		}
		return nil
	}
	t.Cleanup(func() { saveHook = nil })
	s := &Story{Meta: StoryMeta{Title: "New", Rank: 1}, Body: "## Situation\n\nx\n"}
	if err := w.SaveStory(s); err == nil {
		t.Fatal("SaveStory succeeded with a failing write")
	}
	saveHook = nil
	if diff := cmp.Diff(map[string]int{"a": 1, "b": 2, "c": 3}, rankMap(t, w)); diff != "" {
		t.Errorf("ranks after the failed save (-want +got):\n%s", diff)
	}
	if s.Path != "" || s.Meta.Rank != 1 || !s.Meta.Updated.IsZero() {
		t.Errorf("the story was left half saved: path %q, rank %d, updated %v", s.Path, s.Meta.Rank, s.Meta.Updated)
	}
	if err := w.SaveStory(s); err != nil {
		t.Fatalf("saving again: %v", err)
	}
	if diff := cmp.Diff(map[string]int{"new": 1, "a": 2, "b": 3, "c": 0}, rankMap(t, w)); diff != "" {
		t.Errorf("ranks after saving again (-want +got):\n%s", diff)
	}
}

func TestRefusedSaveMovesNoOtherRank(t *testing.T) {
	w, _ := newWS(t)
	ranks(t, w, "a=1 b=0")
	s, err := w.Story("b")
	if err != nil {
		t.Fatal(err)
	}
	put(t, w, "stories/b.md", "---\ntitle: B, edited by hand\n---\nbody\n")
	s.Meta.Rank = 1
	if err := w.SaveStory(s); err == nil {
		t.Fatal("SaveStory over an edited file succeeded")
	}
	if diff := cmp.Diff(map[string]int{"a": 1, "b": 0}, rankMap(t, w)); diff != "" {
		t.Errorf("ranks after the refused save (-want +got):\n%s", diff)
	}
}
