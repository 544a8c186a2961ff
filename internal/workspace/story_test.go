package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/prepcli/prep/internal/document"
)

var ignoreDisk = cmpopts.IgnoreUnexported(Story{})

// checkerSays is the error the checker (internal/document) gives for the
// file: the workspace reports a story it cannot read with the same words
// and line as prep check does.
func checkerSays(t *testing.T, path string) string {
	t.Helper()
	_, err := document.ReadFile(path)
	if err == nil {
		t.Fatalf("%s: the checker reads it", path)
	}
	return err.Error()
}

const handWritten = `---
title: Payments migration
kind: star
rank: 1
panel: background
# the candidate's own keys
tags: [payments, kafka]
created: 2025-12-01T10:00:00Z
updated: 2025-12-02T10:00:00Z
---

## Situation

The old ledger could not keep up.
`

func TestStoryRoundTripKeepsTheCandidatesKeys(t *testing.T) {
	w, _ := newWS(t)
	path := put(t, w, "stories/payments-migration.md", handWritten)

	s, err := w.Story("payments-migration")
	if err != nil {
		t.Fatal(err)
	}
	want := &Story{
		Path: path,
		Meta: StoryMeta{
			Title: "Payments migration", Kind: "star", Rank: 1, Panel: "background",
			Created: time.Date(2025, 12, 1, 10, 0, 0, 0, time.UTC),
			Updated: time.Date(2025, 12, 2, 10, 0, 0, 0, time.UTC),
		},
		Body:     "\n## Situation\n\nThe old ledger could not keep up.\n",
		BodyLine: 11,
	}
	if diff := cmp.Diff(want, s, ignoreDisk); diff != "" {
		t.Errorf("Story (-want +got):\n%s", diff)
	}

	s.Meta.Title = "Payments: the ledger migration"
	s.Body += "\n## Result\n\nP99 latency fell from 900 ms to 120 ms.\n"
	if err := w.SaveStory(s); err != nil {
		t.Fatal(err)
	}
	wantFile := `---
title: 'Payments: the ledger migration'
kind: star
rank: 1
panel: background
# the candidate's own keys
tags: [payments, kafka]
created: 2025-12-01T10:00:00Z
updated: 2026-01-02T15:04:05Z
---

## Situation

The old ledger could not keep up.

## Result

P99 latency fell from 900 ms to 120 ms.
`
	if diff := cmp.Diff(wantFile, get(t, path)); diff != "" {
		t.Errorf("saved file (-want +got):\n%s", diff)
	}

	// What prep saved reads back the same, here and in the checker.
	again, err := w.Story(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s, again, ignoreDisk); diff != "" {
		t.Errorf("read back (-saved +read):\n%s", diff)
	}
	doc, err := document.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wantFront := document.Front{Title: "Payments: the ledger migration", Kind: "star", Rank: 1, Panel: "background",
		Created: "2025-12-01T10:00:00Z", Updated: "2026-01-02T15:04:05Z"}
	if diff := cmp.Diff(wantFront, doc.Front); diff != "" {
		t.Errorf("the checker reads (-want +got):\n%s", diff)
	}
	if doc.BodyLine != again.BodyLine || doc.Body != again.Body {
		t.Errorf("the checker's body starts on line %d, the workspace's on %d", doc.BodyLine, again.BodyLine)
	}
}

func TestNewStoryGetsAFileNamedFromItsTitle(t *testing.T) {
	w, _ := newWS(t)
	first := &Story{Meta: StoryMeta{Title: "Payments Migration (2023)!", Panel: "background"}, Body: "## Situation\n\nX.\n"}
	if err := w.SaveStory(first); err != nil {
		t.Fatal(err)
	}
	second := &Story{Meta: StoryMeta{Title: "Payments migration 2023"}}
	if err := w.SaveStory(second); err != nil {
		t.Fatal(err)
	}
	untitled := &Story{}
	if err := w.SaveStory(untitled); err != nil {
		t.Fatal(err)
	}
	got := []string{first.Name(), second.Name(), untitled.Name()}
	if diff := cmp.Diff([]string{"payments-migration-2023.md", "payments-migration-2023-2.md", "story.md"}, got); diff != "" {
		t.Errorf("file names (-want +got):\n%s", diff)
	}
	wantFile := `---
title: Payments Migration (2023)!
kind: star
rank: 0
panel: background
created: 2026-01-02T15:04:05Z
updated: 2026-01-02T15:04:05Z
---

## Situation

X.
`
	if diff := cmp.Diff(wantFile, get(t, first.Path)); diff != "" {
		t.Errorf("new story file (-want +got):\n%s", diff)
	}
	if first.BodyLine != 9 {
		t.Errorf("BodyLine = %d, want 9", first.BodyLine)
	}
}

func TestSaveStoryKeepsCRLFAndFilesWithoutFrontMatter(t *testing.T) {
	w, _ := newWS(t)
	crlf := put(t, w, "stories/crlf.md", "---\r\ntitle: Windows\r\n---\r\nText.\r\n")
	plain := put(t, w, "stories/plain.md", "# My story\n\nText.\n")
	for _, path := range []string{crlf, plain} {
		s, err := w.Story(path)
		if err != nil {
			t.Fatal(err)
		}
		s.Meta.Kind = "culture"
		if err := w.SaveStory(s); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]string{
		crlf:  "---\r\ntitle: Windows\r\nkind: culture\r\nrank: 0\r\ncreated: 2026-01-02T15:04:05Z\r\nupdated: 2026-01-02T15:04:05Z\r\n---\r\nText.\r\n",
		plain: "---\ntitle: \"\"\nkind: culture\nrank: 0\ncreated: 2026-01-02T15:04:05Z\nupdated: 2026-01-02T15:04:05Z\n---\n\n# My story\n\nText.\n",
	}
	got := map[string]string{crlf: get(t, crlf), plain: get(t, plain)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("saved (-want +got):\n%s", diff)
	}
}

func TestStoryReferences(t *testing.T) {
	w, _ := newWS(t)
	put(t, w, "stories/payments-migration.md", "---\ntitle: Payments migration\nrank: 1\n---\nx\n")
	put(t, w, "stories/payments-outage.md", "---\ntitle: The outage\nrank: 2\n---\nx\n")
	put(t, w, "stories/search.md", "---\ntitle: Search rewrite\n---\nx\n")
	put(t, w, "stories/broken.md", "---\ntitle: [\n---\nx\n")
	dir := w.path(StoriesDir)

	got := map[string]string{}
	for _, ref := range []string{"1", "2", "3", "payments-migration", "payments-migration.md", "Payments-Migration.MD",
		"Payments Migration", "search", "sea", "payments", "nothing", filepath.Join(dir, "search.md"), "broken", "/tmp/search.md"} {
		s, err := w.Story(ref)
		if err != nil {
			got[ref] = "error: " + err.Error()
		} else {
			got[ref] = s.Name()
		}
	}
	want := map[string]string{
		"1":                             "payments-migration.md",
		"2":                             "payments-outage.md",
		"3":                             "error: no story has rank 3 in " + dir + "; run prep story list to see the ranks",
		"payments-migration":            "payments-migration.md",
		"payments-migration.md":         "payments-migration.md",
		"Payments-Migration.MD":         "payments-migration.md",
		"Payments Migration":            "payments-migration.md",
		"search":                        "search.md",
		"sea":                           "search.md",
		"payments":                      `error: "payments" could be payments-migration.md or payments-outage.md; give the whole file name`,
		"nothing":                       `error: no story "nothing" in ` + dir + "; run prep story list to see them",
		filepath.Join(dir, "search.md"): "search.md",
		"broken":                        "error: " + checkerSays(t, filepath.Join(dir, "broken.md")),
		"/tmp/search.md":                "error: /tmp/search.md: not one of the workspace's stories (" + dir + "); name a story there, or run prep check on other files",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Story(ref) (-want +got):\n%s", diff)
	}
	if _, err := w.Story("nothing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Story(nothing) = %v, want ErrNotFound", err)
	}
}

// A file that does not parse is reported with its path and line, left out
// of the list, and never written: not by a save, a section, a rank.
func TestBrokenStoryIsReportedAndLeftByteForByte(t *testing.T) {
	w, _ := newWS(t)
	good := put(t, w, "stories/good.md", "---\ntitle: Good\nrank: 2\n---\n## Situation\n\nFine.\n")
	broken := map[string]string{
		"stories/yaml.md":    "---\ntitle: Half\ntags: [a, b\n---\nbody\n",
		"stories/rank.md":    "---\ntitle: Rank\nrank: 7\n---\nbody\n",
		"stories/date.md":    "---\ntitle: Date\ncreated: last tuesday\n---\nbody\n",
		"stories/open.md":    "---\ntitle: Never closed\nbody\n",
		"stories/binary.md":  "\x00\x01\x02",
		"stories/notes.txt":  "not a story, not read",
		"stories/.hidden.md": "---\ntitle: [\n---\n",
		"stories/backup.md~": "---\ntitle: [\n---\n",
	}
	for rel, content := range broken {
		put(t, w, rel, content)
	}
	dir := w.path(StoriesDir)
	stories, errs := w.Stories()
	var names []string
	for _, s := range stories {
		names = append(names, s.Name())
	}
	if diff := cmp.Diff([]string{"good.md"}, names); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
	wantErrs := []string{
		checkerSays(t, filepath.Join(dir, "binary.md")),
		filepath.Join(dir, "date.md") + `:3: created "last tuesday" is not a date; write it like 2026-01-02T15:04:05Z`,
		checkerSays(t, filepath.Join(dir, "open.md")),
		filepath.Join(dir, "rank.md") + `:3: rank "7" is not 0 to 3; write 1, 2 or 3 to feature the story, or 0`,
		checkerSays(t, filepath.Join(dir, "yaml.md")),
	}
	if diff := cmp.Diff(wantErrs, errStrings(errs)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	for _, e := range errs {
		var pe *ParseError
		if !errors.As(e, &pe) || pe.Path == "" {
			t.Errorf("%v: not a ParseError with a path", e)
		}
	}

	// The candidate breaks a story in an editor while prep holds it.
	s, err := w.Story("good")
	if err != nil {
		t.Fatal(err)
	}
	midEdit := "---\ntitle: Good\nrank: 2\n---\n## Situation\n\nFine.\n"[:12]
	put(t, w, "stories/good.md", midEdit)
	s.Body += "\nmore\n"
	err = w.SaveStory(s)
	wantErr := checkerSays(t, good) + ", then try again (prep does not write over a file it cannot read)"
	if err == nil || err.Error() != wantErr {
		t.Errorf("SaveStory over a broken file = %v\nwant %s", err, wantErr)
	}
	if err := w.SetSection(s, rubric(t, "star"), "result", "It worked."); err == nil {
		t.Error("SetSection wrote over a broken file")
	}
	if _, err := w.Rank("good", 1); err == nil {
		t.Error("Rank wrote over a broken file")
	}
	if got := get(t, good); got != midEdit {
		t.Errorf("broken file changed to %q", got)
	}
	for rel, content := range broken {
		if got := get(t, w.path(rel)); got != content {
			t.Errorf("%s changed to %q", rel, got)
		}
	}
}

func TestSaveStoryRefusesAFileEditedMeanwhile(t *testing.T) {
	w, _ := newWS(t)
	s := &Story{Meta: StoryMeta{Title: "Search"}, Body: "## Situation\n\nSlow.\n"}
	if err := w.SaveStory(s); err != nil {
		t.Fatal(err)
	}
	edited := get(t, s.Path) + "\nA line typed in the editor.\n"
	put(t, w, "stories/"+s.Name(), edited)
	s.Meta.Title = "Search rewrite"
	err := w.SaveStory(s)
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("SaveStory after an outside edit = %v, want ErrChanged", err)
	}
	want := s.Path + ": changed on disk since prep read it; prep kept that version: run the command again to work on it"
	if err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}
	if got := get(t, s.Path); got != edited {
		t.Errorf("the edited file was overwritten: %q", got)
	}
}

func TestRemovedStoryCanBeRestored(t *testing.T) {
	w, c := newWS(t)
	s := &Story{Meta: StoryMeta{Title: "Payments migration", Rank: 1}, Body: "## Situation\n\nX.\n"}
	if err := w.SaveStory(s); err != nil {
		t.Fatal(err)
	}
	content := get(t, s.Path)
	put(t, w, "stories/broken.md", "---\ntitle: [\n---\n")

	trashed, err := w.Remove("1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Remove("broken"); err != nil {
		t.Errorf("removing a story that does not parse: %v", err)
	}
	// The same name removed twice in one second gets a name of its own.
	put(t, w, "stories/payments-migration.md", "---\ntitle: Again\n---\n")
	if _, err := w.Remove("payments-migration"); err != nil {
		t.Fatal(err)
	}
	trash := w.path(TrashDir)
	if diff := cmp.Diff(filepath.Join(trash, "20260102-150405-payments-migration.md"), trashed); diff != "" {
		t.Errorf("trash path (-want +got):\n%s", diff)
	}
	if got := get(t, trashed); got != content {
		t.Errorf("trashed content = %q, want the story's", got)
	}
	if stories, errs := w.Stories(); len(stories)+len(errs) != 0 {
		t.Errorf("after removing all: %d stories, %v", len(stories), errs)
	}
	items, err := w.Trash()
	if err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)
	wantItems := []Trashed{
		{Path: filepath.Join(trash, "20260102-150405.2-payments-migration.md"), Name: "payments-migration.md", Removed: when},
		{Path: filepath.Join(trash, "20260102-150405-payments-migration.md"), Name: "payments-migration.md", Removed: when},
		{Path: filepath.Join(trash, "20260102-150405-broken.md"), Name: "broken.md", Removed: when},
	}
	if diff := cmp.Diff(wantItems, items); diff != "" {
		t.Errorf("Trash() (-want +got):\n%s", diff)
	}

	// Meanwhile another story took rank 1: the restored one comes back
	// unranked, its text as it was.
	c.add(time.Hour)
	other := &Story{Meta: StoryMeta{Title: "Other", Rank: 1}}
	if err := w.SaveStory(other); err != nil {
		t.Fatal(err)
	}
	path, err := w.Restore("20260102-150405-payments-migration.md")
	if err != nil {
		t.Fatal(err)
	}
	back, err := w.Story(path)
	if err != nil {
		t.Fatal(err)
	}
	if back.Name() != "payments-migration.md" || back.Meta.Rank != 0 || back.Body != s.Body || back.Meta.Title != s.Meta.Title {
		t.Errorf("restored %s rank %d title %q body %q", back.Name(), back.Meta.Rank, back.Meta.Title, back.Body)
	}
	// Restoring by the old name takes the latest removal, beside the first.
	path, err = w.Restore("payments-migration")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "payments-migration-2.md" || get(t, path) != "---\ntitle: Again\n---\n" {
		t.Errorf("second restore: %s holding %q", path, get(t, path))
	}
	if _, err := w.Restore("nothing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Restore(nothing) = %v, want ErrNotFound", err)
	}
	if _, err := os.Stat(filepath.Join(trash, "20260102-150405-broken.md")); err != nil {
		t.Errorf("the broken story is not in the trash: %v", err)
	}
}

// Whatever a story file holds, reading it never panics, and a story prep
// could read it saves in a form it reads back the same.
func FuzzStoryRoundTrip(f *testing.F) {
	f.Add([]byte(handWritten))
	f.Add([]byte("---\r\ntitle: Windows\r\n---\r\nText.\r\n"))
	f.Add([]byte("# No front matter\n\ntext\n"))
	f.Add([]byte("---\ntitle: \"quoted: yes\"\nrank: 2\ntags:\n  - a\n# comment\nkind: &k star\npanel: *k\n---\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\n...\nbody"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := parseStory("story.md", data)
		if err != nil {
			return
		}
		want := *s
		want.Meta.Title = strings.Join(strings.Fields(want.Meta.Title), " ")
		out := s.encode()
		back, err := parseStory("story.md", out)
		if err != nil {
			t.Fatalf("saved story does not read back: %v\nread:  %q\nsaved: %q", err, data, out)
		}
		want.Body = s.Body // encode adds a blank line under new front matter
		if diff := cmp.Diff(want.Meta, back.Meta); diff != "" {
			t.Fatalf("meta changed by a save (-read +saved):\n%s\nread:  %q\nsaved: %q", diff, data, out)
		}
		if back.Body != want.Body {
			t.Fatalf("body changed by a save: %q, then %q", want.Body, back.Body)
		}
	})
}

// A story broken by hand is still found by the rank its front matter
// gives it, so prep story edit 1 opens it to fix it (issue 9, item 18).
func TestBrokenStoryIsFoundByItsRank(t *testing.T) {
	w, _ := newWS(t)
	broken := put(t, w, "stories/ledger.md", "---\ntitle: 'Ledger\nrank: 1 # my top one\n---\nbody\n")
	put(t, w, "stories/search.md", "---\ntitle: Search\nrank: 2\n---\nbody\n")
	_, err := w.Story("1")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Path != broken {
		t.Fatalf("Story(1) = %v; want the broken file's ParseError", err)
	}
	if s, err := w.Story("2"); err != nil || s.Name() != "search.md" {
		t.Errorf("Story(2) = %v, %v", s, err)
	}
	if _, err := w.Story("3"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Story(3) = %v, want ErrNotFound", err)
	}
}

// prep story restore takes any name prep story rm took: the start of the
// old slug too (issue 9, item 18).
func TestRestoreTakesTheNamesRmTakes(t *testing.T) {
	w, _ := newWS(t)
	put(t, w, "stories/search-cluster-outages.md", "---\ntitle: Search\n---\nbody\n")
	put(t, w, "stories/payments.md", "---\ntitle: Payments\n---\nbody\n")
	put(t, w, "stories/paging.md", "---\ntitle: Paging\n---\nbody\n")
	for _, ref := range []string{"search", "payments", "paging"} {
		if _, err := w.Remove(ref); err != nil {
			t.Fatal(err)
		}
	}
	got := map[string]string{}
	for _, ref := range []string{"pa", "Search Cluster", "sea", "pay", ""} {
		path, err := w.Restore(ref)
		if err != nil {
			got[ref] = "error: " + err.Error()
		} else {
			got[ref] = filepath.Base(path)
		}
	}
	trash := w.path(TrashDir)
	want := map[string]string{
		"pa":             `error: "pa" could be paging.md or payments.md in the trash; give the whole name`,
		"Search Cluster": "search-cluster-outages.md",
		"sea":            `error: no removed story "sea" in ` + trash + "; run prep story restore to list them",
		"pay":            "payments.md",
		"":               "error: no story named; give the name prep story rm printed, or run prep story restore to list the trash",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Restore(ref) (-want +got):\n%s", diff)
	}
}
