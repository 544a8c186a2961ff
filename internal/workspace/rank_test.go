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
		{"ranks shared by hand are made unique", "a=1 b=1 c=0", "c", 2, map[string]int{"a": 1, "b": 0, "c": 2}},
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
	ranks(t, w, "a=1 b=1")
	got := map[string]string{}
	_, err := w.Rank("a", 4)
	got["rank 4"] = fmt.Sprint(err)
	_, err = w.Story("1")
	got["shared rank"] = fmt.Sprint(err)
	err = w.SaveStory(&Story{Meta: StoryMeta{Title: "X", Rank: -1}})
	got["save rank -1"] = fmt.Sprint(err)
	want := map[string]string{
		"rank 4":       "rank 4: use 1, 2 or 3 to feature a story, or 0 to unrank it",
		"shared rank":  w.path(StoriesDir) + ": a.md and b.md share rank 1; rank one of them again so each rank is held once",
		"save rank -1": `"X": rank -1 is not 0 to 3; use 1, 2 or 3 to feature the story, or 0`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
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
