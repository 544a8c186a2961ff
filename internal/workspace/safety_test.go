package workspace

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A .lock that is a link (planted by another user of a shared workspace)
// is refused, and what it points at is never written: not by taking the
// lock, not by a save, not by letting the lock go.
func TestLockRefusesALink(t *testing.T) {
	skipOnWindows(t, "symbolic links need privileges on Windows")
	w, _ := newWS(t)
	target := filepath.Join(t.TempDir(), "precious")
	if err := os.WriteFile(target, []byte("precious\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := w.path(lockFile)
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	_, err := w.Lock()
	want := link + ": is a symbolic link; prep keeps its lock in a file of its own and never writes through a link: remove the link (rm " + link + ") and run prep again"
	if err == nil || err.Error() != want {
		t.Errorf("Lock() = %v\nwant %q", err, want)
	}
	if err := w.SaveTimeline(&Timeline{Roles: []Role{{Company: "Acme"}}}); err == nil {
		t.Error("SaveTimeline through a linked .lock succeeded")
	}
	if got := get(t, target); got != "precious\n" {
		t.Errorf("the link's target now holds %q", got)
	}
	if _, err := os.Stat(w.path(TimelineFile)); err == nil {
		t.Error("the timeline was written without the lock")
	}
}

// A .lock with a second name (a hard link to someone's file) is refused
// too: writing the holder's pid into it would write into that file.
func TestLockRefusesAHardLink(t *testing.T) {
	skipOnWindows(t, "no link counts on Windows")
	w, _ := newWS(t)
	other := filepath.Join(w.Dir(), "notes.txt")
	if err := os.WriteFile(other, []byte("mine\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(other, w.path(lockFile)); err != nil {
		t.Skip(err)
	}
	if _, err := w.Lock(); err == nil || !strings.Contains(err.Error(), "has another name") {
		t.Errorf("Lock() = %v, want it refused", err)
	}
	if got := get(t, other); got != "mine\n" {
		t.Errorf("the linked file now holds %q", got)
	}
}

// The holder's name goes in and out through the descriptor that holds the
// lock: a link put in the lock file's place meanwhile is not written
// through when the lock is let go.
func TestLockWritesThroughItsDescriptor(t *testing.T) {
	skipOnWindows(t, "symbolic links need privileges on Windows")
	w, _ := newWS(t)
	unlock, err := w.Lock()
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "precious")
	if err := os.WriteFile(target, []byte("precious\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := w.path(lockFile)
	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	unlock()
	if got := get(t, target); got != "precious\n" {
		t.Errorf("letting the lock go wrote through the link: the target holds %q", got)
	}
}

// A stories/ that is a link, or not a directory, is refused: nothing is
// written where it points, and listing says why.
func TestStoriesDirLinkIsRefused(t *testing.T) {
	skipOnWindows(t, "symbolic links need privileges on Windows")
	w, _ := newWS(t)
	elsewhere := t.TempDir()
	if err := os.Symlink(elsewhere, w.path(StoriesDir)); err != nil {
		t.Skip(err)
	}
	err := w.SaveStory(&Story{Meta: StoryMeta{Title: "Payments"}, Body: "## Situation\n\nx\n"})
	want := w.path(StoriesDir) + ": is a symbolic link; prep keeps its stories in a directory of the workspace itself, never through a link: put that directory here in place of the link"
	if err == nil || err.Error() != want {
		t.Errorf("SaveStory() = %v\nwant %q", err, want)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) > 0 {
		t.Errorf("wrote through the link: %v", entries)
	}
	if _, errs := w.Stories(); len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("Stories() errors = %v, want %q", errs, want)
	}
}

// Workspace files are read without following links.
func TestReadRefusesLinksAndSpecialFiles(t *testing.T) {
	skipOnWindows(t, "symbolic links need privileges on Windows")
	w, _ := newWS(t)
	secret := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secret, []byte("roles: []\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, w.path(TimelineFile)); err != nil {
		t.Skip(err)
	}
	_, err := w.Timeline()
	want := w.path(TimelineFile) + ": is a symbolic link; prep reads and writes only files of its own in the workspace, never through a link: put the file itself here in place of the link"
	if err == nil || err.Error() != want {
		t.Errorf("Timeline() through a link = %v\nwant %q", err, want)
	}

}

// prep never writes a file it would then refuse to read: a save past the
// read limit is refused in one line and the file keeps what it held.
func TestWriteRefusesWhatItCouldNotReadBack(t *testing.T) {
	w, _ := newWS(t)
	s := &Story{Meta: StoryMeta{Title: "Payments"}, Body: "## Situation\n\nshort\n"}
	if err := w.SaveStory(s); err != nil {
		t.Fatal(err)
	}
	before := get(t, s.Path)
	s.Body += "## Action\n\n" + strings.Repeat("I wrote the relay. ", maxFile/19+1) + "\n"
	err := w.SaveStory(s)
	if !errors.Is(err, ErrTooLarge) || strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), s.Path+": ") {
		t.Errorf("SaveStory(over 1 MiB) = %v; want ErrTooLarge, one line naming the file", err)
	}
	if got := get(t, s.Path); got != before {
		t.Error("the story was changed by the refused save")
	}
	if _, errs := w.Stories(); errs != nil {
		t.Errorf("the story no longer reads: %v", errs)
	}

	p := &Progress{Name: "background", Answers: map[string]string{}}
	for i := range 3 {
		p.Answers["story.0."+string(rune('a'+i))] = strings.Repeat("x", 400<<10)
	}
	if err := w.SaveProgress(p); !errors.Is(err, ErrTooLarge) {
		t.Errorf("SaveProgress(three 400 KB answers) = %v, want ErrTooLarge", err)
	}
	if _, err := w.Progress("background"); err != nil {
		t.Errorf("the progress no longer reads: %v", err)
	}
	if err := w.WriteFile("drills.yaml", make([]byte, maxFile+1)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("WriteFile(1 MiB + 1) = %v, want ErrTooLarge", err)
	}
	if err := w.WriteFile("drills.yaml", make([]byte, maxFile)); err != nil {
		t.Errorf("WriteFile(1 MiB) = %v, want it written: prep reads that much", err)
	}
}

// A prep taking the lock cleans the temp files of dead writers; another
// prep's probe that it removes on the way does not make that prep fail.
func TestProbeRacingACleaner(t *testing.T) {
	w, _ := newWS(t)
	probeHook = func() {
		unlock, err := w.Lock() // cleans every temp file, the probe's too
		if err != nil {
			t.Fatal(err)
		}
		unlock()
	}
	defer func() { probeHook = nil }()
	if _, err := Open(w.Dir(), nil); err != nil {
		t.Errorf("Open while another prep cleans temp files: %v", err)
	}
}

// A write waits for another prep's write to end rather than failing: the
// lock is held for writes, which take milliseconds.
func TestLockWaitsForAnotherWrite(t *testing.T) {
	w, _ := newWS(t)
	other, err := Open(w.Dir(), func() time.Time { return t0 })
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := w.Lock()
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		close(started)
		done <- other.SaveTimeline(&Timeline{Roles: []Role{{Company: "Acme"}}})
	}()
	<-started
	unlock()
	if err := <-done; err != nil {
		t.Errorf("a save while another write held the lock: %v", err)
	}
}

// A session's lock keeps the same session from running twice, and
// nothing else: another session, and writes, go on.
func TestSessionLock(t *testing.T) {
	w, _ := newWS(t)
	other, err := Open(w.Dir(), func() time.Time { return t0 })
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := w.LockSession("story")
	if err != nil {
		t.Fatal(err)
	}
	_, err = other.LockSession("story")
	want := fmt.Sprintf("another prep is running a story session in %s (pid %d since %s); finish it there first, or stop it", w.Dir(), os.Getpid(), t0.Local().Format("15:04"))
	if !errors.Is(err, ErrBusy) || err.Error() != want {
		t.Errorf("the same session twice: %v\nwant %q", err, want)
	}
	unlockDrill, err := other.LockSession("drill")
	if err != nil {
		t.Errorf("another session while one runs: %v", err)
	} else {
		unlockDrill()
	}
	if err := other.SaveTimeline(&Timeline{}); err != nil {
		t.Errorf("a write while a session runs: %v", err)
	}
	unlock2, err := w.LockSession("story")
	if err != nil {
		t.Errorf("the session's lock again in the same process: %v", err)
	}
	unlock2()
	unlock()
	unlock()
	if u, err := other.LockSession("story"); err != nil {
		t.Errorf("after the session ended: %v", err)
	} else {
		u()
	}
	if _, err := w.LockSession("../x"); err == nil {
		t.Error("a session name that is not a word was taken")
	}
}
