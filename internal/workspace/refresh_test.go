package workspace

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// A session writing one story reads that file only (StoryFile), and at
// each question reads it again without parsing it when nothing changed
// (Refresh): an edit made meanwhile in an editor is read, a deleted file
// is ErrNotFound.
func TestStoryFileAndRefresh(t *testing.T) {
	ws, _ := newWS(t)
	s := &Story{Meta: StoryMeta{Title: "Ledger"}, Body: "## Situation\n\nBefore.\n"}
	if err := ws.SaveStory(s); err != nil {
		t.Fatal(err)
	}
	if err := ws.SaveStory(&Story{Meta: StoryMeta{Title: "Other"}, Body: "x\n"}); err != nil {
		t.Fatal(err)
	}
	got, err := ws.StoryFile(s.Name())
	if err != nil || got.Meta.Title != "Ledger" {
		t.Fatalf("StoryFile = %v, %v", got, err)
	}
	if _, err := ws.StoryFile("none.md"); !errors.Is(err, ErrNotFound) {
		t.Errorf("StoryFile of a missing file = %v, want ErrNotFound", err)
	}
	if _, err := ws.StoryFile("../timeline.yaml"); !errors.Is(err, ErrNotFound) {
		t.Errorf("StoryFile of a path = %v, want ErrNotFound", err)
	}

	same, err := ws.Refresh(got)
	if err != nil || same != got {
		t.Errorf("Refresh of an unchanged file = %p, %v; want the same story", same, err)
	}
	data, _ := os.ReadFile(got.Path)
	if err := os.WriteFile(got.Path, []byte(strings.Replace(string(data), "Before.", "Edited.", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	fresh, err := ws.Refresh(got)
	if err != nil || fresh == got || !strings.Contains(fresh.Body, "Edited.") {
		t.Errorf("Refresh of an edited file = %v, %v; want the edit", fresh, err)
	}
	if err := os.Remove(got.Path); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Refresh(fresh); !errors.Is(err, ErrNotFound) {
		t.Errorf("Refresh of a deleted file = %v, want ErrNotFound", err)
	}
}
