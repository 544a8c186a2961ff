package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestOpenCreatesPrivateDirectories(t *testing.T) {
	skipOnWindows(t, "Windows has no Unix modes")
	root := t.TempDir()
	dir := filepath.Join(root, "a", "b", "prep")
	w, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteFile("stories/x.md", []byte("hello\n")); err != nil {
		t.Fatal(err)
	}
	got := map[string]os.FileMode{}
	for _, rel := range []string{"a", "a/b", "a/b/prep", "a/b/prep/stories", "a/b/prep/stories/x.md"} {
		got[rel] = mode(t, filepath.Join(root, rel))
	}
	want := map[string]os.FileMode{
		"a": 0o700, "a/b": 0o700, "a/b/prep": 0o700, "a/b/prep/stories": 0o700,
		"a/b/prep/stories/x.md": 0o600,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("modes (-want +got):\n%s", diff)
	}
	if w.Warning() != "" {
		t.Errorf("warning for a directory prep made: %q", w.Warning())
	}
}

func TestOpenKeepsModesOfExistingFilesButWritesPrivately(t *testing.T) {
	skipOnWindows(t, "Windows has no Unix modes")
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(notes, 0o644)
	w, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	wantWarning := fmt.Sprintf("%s: other users can read your answers (mode 0755); run chmod 700 %s to keep them private", dir, dir)
	if w.Warning() != wantWarning {
		t.Errorf("Warning() = %q, want %q", w.Warning(), wantWarning)
	}
	s := &Story{Meta: StoryMeta{Title: "Payments"}}
	if err := w.SaveStory(s); err != nil {
		t.Fatal(err)
	}
	got := map[string]os.FileMode{
		"dir":     mode(t, dir),
		"notes":   mode(t, notes),
		"stories": mode(t, filepath.Join(dir, StoriesDir)),
		"story":   mode(t, s.Path),
	}
	want := map[string]os.FileMode{"dir": 0o755, "notes": 0o644, "stories": 0o700, "story": 0o600}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("modes (-want +got):\n%s", diff)
	}
}

func TestOpenRefusesWhatIsNotAWritableDirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "prep")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(file, nil)
	want := file + ": not a directory; pass another --dir, or move that file away"
	if err == nil || err.Error() != want {
		t.Errorf("Open(a file) = %v, want %q", err, want)
	}
	if _, err := Open("", nil); err == nil {
		t.Error("Open(\"\") gave no error")
	}

	skipOnWindows(t, "read-only directories are not Unix modes on Windows")
	if os.Geteuid() == 0 {
		t.Skip("root writes in read-only directories")
	}
	// A workspace prep cannot write in opens to be read; each write says
	// why it cannot, with a hint that works (issue 9, item 18).
	ro := t.TempDir()
	if err := os.MkdirAll(filepath.Join(ro, StoriesDir), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ro, StoriesDir, "ledger.md"), []byte("---\ntitle: Ledger\nrank: 1\n---\nbody\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Chmod(ro, 0o500)
	t.Cleanup(func() { os.Chmod(ro, 0o700) })
	w, err := Open(ro, nil)
	if err != nil {
		t.Fatalf("Open(read-only) = %v; want it open to be read", err)
	}
	if stories, errs := w.Stories(); len(stories) != 1 || errs != nil {
		t.Errorf("Stories() in a read-only workspace = %d stories, %v", len(stories), errs)
	}
	err = w.SaveTimeline(&Timeline{Roles: []Role{{Company: "Acme"}}})
	want = fmt.Sprintf("%s: cannot write in the workspace: permission denied; give yourself write access (chmod u+rwx %s) or "+
		"copy the workspace to a folder of yours and pass --dir there (prep story list, show, check, status and export still read it here)", ro, ro)
	if err == nil || err.Error() != want {
		t.Errorf("a write in a read-only workspace = %v, want %q", err, want)
	}
}

// A workspace on a read-only file system, or in another user's folder,
// reads; a write says what will work, never a chmod that cannot (issue 9,
// item 18).
func TestReadOnlyWorkspaceReadsAndSaysWhyItCannotWrite(t *testing.T) {
	w, _ := newWS(t)
	ranks(t, w, "a=1 b=2")
	before := get(t, w.path("stories/a.md"))
	w.readOnly = notWritable(w.Dir(), &fs.PathError{Op: "open", Path: w.Dir(), Err: syscall.EROFS})
	want := w.Dir() + ": cannot write in the workspace: it is on a read-only file system; copy the workspace to a folder of yours " +
		"and pass --dir there (prep story list, show, check, status and export still read it here)"
	if stories, errs := w.Stories(); len(stories) != 2 || errs != nil {
		t.Errorf("Stories() = %d stories, %v", len(stories), errs)
	}
	if _, err := w.Story("1"); err != nil {
		t.Errorf("Story(1) = %v", err)
	}
	if _, err := w.Timeline(); err != nil {
		t.Errorf("Timeline() = %v", err)
	}
	_, err := w.Rank("b", 1)
	if err == nil || err.Error() != want {
		t.Errorf("Rank = %v\nwant %s", err, want)
	}
	if err := w.WriteFile("stories/c.md", []byte("x")); err == nil || err.Error() != want {
		t.Errorf("WriteFile = %v\nwant %s", err, want)
	}
	if _, err := w.LockSession("background"); err == nil || err.Error() != want {
		t.Errorf("LockSession = %v\nwant %s", err, want)
	}
	if got := get(t, w.path("stories/a.md")); got != before {
		t.Errorf("a.md changed: %q", got)
	}
}

func TestWriteFileReplacesWholeAndLeavesNoTempFile(t *testing.T) {
	w, _ := newWS(t)
	for _, content := range []string{"first\n", "second, longer\n", "3\n"} {
		if err := w.WriteFile("timeline.yaml", []byte(content)); err != nil {
			t.Fatal(err)
		}
		if got := get(t, w.path("timeline.yaml")); got != content {
			t.Errorf("after writing %q the file holds %q", content, got)
		}
	}
	if got := temps(t, w.Dir()); got != nil {
		t.Errorf("temp files left: %v", got)
	}
	for _, bad := range []string{"../x", "/etc/x", ""} {
		if err := w.WriteFile(bad, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) wrote outside the workspace", bad)
		}
	}
}

func TestWriteFileRefusesToReplaceALink(t *testing.T) {
	skipOnWindows(t, "symbolic links need privileges on Windows")
	w, _ := newWS(t)
	target := filepath.Join(t.TempDir(), "elsewhere.md")
	os.WriteFile(target, []byte("kept\n"), 0o600)
	os.MkdirAll(w.path(StoriesDir), 0o700)
	link := w.path("stories/link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	err := w.WriteFile("stories/link.md", []byte("new\n"))
	want := link + ": is a symbolic link, and saving would replace the link with a file; put the file itself in the workspace"
	if err == nil || err.Error() != want {
		t.Errorf("WriteFile over a link = %v, want %q", err, want)
	}
	if got := get(t, target); got != "kept\n" {
		t.Errorf("link target now holds %q", got)
	}
}

// A process killed at any moment of a write leaves the old file or the new
// one, whole: kill a writer many times and read what it left each time.
func TestWriteFileSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	w, _ := newWS(t)
	leftTemp, replaced, rounds := 0, 0, 0
	// Kills land up to maxDelay after the first write. A write syncs to
	// disk, which on a loaded machine can take longer than that; while no
	// kill has come after a second write, the window widens.
	maxDelay := 4 * time.Millisecond
	for round := 0; round < 30 || replaced == 0 && round < 90; round++ {
		rounds++
		if round%10 == 9 && replaced == 0 {
			maxDelay *= 2
		}
		cmd := startHelper(t, "write", w.Dir())
		time.Sleep(rand.N(maxDelay))
		cmd.Process.Kill()
		cmd.Wait()

		s, err := w.Story("kill")
		if err != nil {
			t.Fatalf("round %d: the file does not load after a kill: %v", round, err)
		}
		var v int
		if _, err := fmt.Sscanf(s.Meta.Title, "version %d", &v); err != nil {
			t.Fatalf("round %d: title %q", round, s.Meta.Title)
		}
		if v > 0 {
			replaced++
		}
		if s.Body != killBody(v) {
			t.Fatalf("round %d: version %d has another version's body: a torn write", round, v)
		}
		if stories, errs := w.Stories(); len(stories) != 1 || errs != nil {
			t.Fatalf("round %d: Stories() = %d stories, %v; want the one story, no errors", round, len(stories), errs)
		}
		leftTemp += len(temps(t, w.path(StoriesDir)))
	}
	t.Logf("of %d kills, %d left a temp file behind, %d came after the file was replaced", rounds, leftTemp, replaced)
	if replaced == 0 {
		t.Error("every kill came before a second write: nothing was tested")
	}
	unlock, err := w.Lock()
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	if got := temps(t, w.path(StoriesDir)); got != nil {
		t.Errorf("temp files of killed writers not cleaned by the next lock: %v", got)
	}
}

func TestTempFilesAreIgnoredThenCleaned(t *testing.T) {
	w, _ := newWS(t)
	put(t, w, "stories/a.md", "---\ntitle: A\n---\nbody\n")
	for _, name := range []string{"stories/.a.md.tmp-123456", "sessions/.background.yaml.tmp-99", ".timeline.yaml.tmp-1"} {
		put(t, w, name, "half a fi")
	}
	stories, errs := w.Stories()
	if len(stories) != 1 || errs != nil {
		t.Errorf("Stories() = %d stories, %v; want 1, none (temp files ignored)", len(stories), errs)
	}
	unlock, err := w.Lock()
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	for _, dir := range []string{".", StoriesDir, SessionsDir} {
		if got := temps(t, w.path(dir)); got != nil {
			t.Errorf("%s: temp files left after Lock: %v", dir, got)
		}
	}
	if got := get(t, w.path("stories/a.md")); got != "---\ntitle: A\n---\nbody\n" {
		t.Errorf("a story was touched by the cleaning: %q", got)
	}
}

func TestIsTemp(t *testing.T) {
	got := map[string]bool{}
	for _, name := range []string{".a.md.tmp-123", ".timeline.yaml.tmp-4", "a.md.tmp-1", ".a.md.tmp-", ".a.md.tmp-12x", ".a.md.swp", "a.md"} {
		got[name] = isTemp(name)
	}
	want := map[string]bool{".a.md.tmp-123": true, ".timeline.yaml.tmp-4": true, "a.md.tmp-1": false, ".a.md.tmp-": false, ".a.md.tmp-12x": false, ".a.md.swp": false, "a.md": false}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("isTemp (-want +got):\n%s", diff)
	}
}

func busyMessage(dir string, pid int) string {
	return fmt.Sprintf("another prep is using %s (pid %d since %s); finish it first, or wait", dir, pid, t0.Local().Format("15:04"))
}

func TestLockHeldByAnotherProcess(t *testing.T) {
	w, _ := newWS(t)
	w.lockWait = 0 // the helper holds it until killed: no use waiting
	cmd := startHelper(t, "lock", w.Dir())

	err := w.SaveTimeline(&Timeline{Roles: []Role{{Company: "Acme"}}})
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("SaveTimeline while another prep holds the lock = %v, want ErrBusy", err)
	}
	if diff := cmp.Diff(busyMessage(w.Dir(), cmd.Process.Pid), err.Error()); diff != "" {
		t.Errorf("message (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(w.path(TimelineFile)); err == nil {
		t.Error("the timeline was written while another prep held the lock")
	}

	// A holder that dies, even by SIGKILL, leaves nothing that blocks.
	cmd.Process.Kill()
	cmd.Wait()
	if err := w.SaveTimeline(&Timeline{Roles: []Role{{Company: "Acme"}}}); err != nil {
		t.Errorf("after the holder was killed: %v", err)
	}
}

func TestLockNestsWithinAProcessAndExcludesAnotherWorkspace(t *testing.T) {
	w, _ := newWS(t)
	other, err := Open(w.Dir(), func() time.Time { return t0 })
	if err != nil {
		t.Fatal(err)
	}
	other.lockWait = 0
	unlock1, err := w.Lock()
	if err != nil {
		t.Fatal(err)
	}
	unlock2, err := w.Lock()
	if err != nil {
		t.Fatalf("a second Lock in the same workspace: %v", err)
	}
	if err := w.SaveTimeline(&Timeline{}); err != nil {
		t.Errorf("saving with the lock held by this workspace: %v", err)
	}
	unlock2()
	unlock2() // twice is harmless
	_, err = other.Lock()
	if diff := cmp.Diff(busyMessage(w.Dir(), os.Getpid()), fmt.Sprint(err)); diff != "" {
		t.Errorf("lock still held once: other.Lock() (-want +got):\n%s", diff)
	}
	unlock1()
	unlock, err := other.Lock()
	if err != nil {
		t.Errorf("after every unlock: %v", err)
	} else {
		unlock()
	}
}

func TestSlug(t *testing.T) {
	got := map[string]string{}
	for _, title := range []string{
		"Payments migration", "  Payments   Migration (2023)! ", "Won't fix: the API", "Résumé walk", "???", "",
		"CON", "Über-Schnell: 100x throughput",
		"A very long title that goes on and on about the migration of the payments platform to Kafka",
	} {
		got[title] = Slug(title)
	}
	want := map[string]string{
		"Payments migration":              "payments-migration",
		"  Payments   Migration (2023)! ": "payments-migration-2023",
		"Won't fix: the API":              "wont-fix-the-api",
		"Résumé walk":                     "résumé-walk",
		"???":                             "story",
		"":                                "story",
		"CON":                             "con-story",
		"Über-Schnell: 100x throughput":   "über-schnell-100x-throughput",
		"A very long title that goes on and on about the migration of the payments platform to Kafka": "a-very-long-title-that-goes-on-and-on-about-the-migration-of",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Slug (-want +got):\n%s", diff)
	}
	for title, slug := range got {
		if len(slug) > maxSlug || strings.HasSuffix(slug, "-") {
			t.Errorf("Slug(%q) = %q: too long or ends in -", title, slug)
		}
	}
}

// A folder of another user gets no chmod hint: only its owner could run
// it (issue 9, item 18).
func TestHintsForAFolderOfAnotherUser(t *testing.T) {
	skipOnWindows(t, "no Unix owners on Windows")
	if os.Geteuid() != 0 {
		t.Skip("only root can give a folder to another user")
	}
	dir := t.TempDir()
	if err := os.Chown(dir, 65534, 65534); err != nil {
		t.Skip(err)
	}
	os.Chmod(dir, 0o755)
	got := []string{
		privacyWarning(dir, 0o755),
		notWritable(dir, &fs.PathError{Op: "open", Path: dir, Err: syscall.EACCES}).Error(),
	}
	want := []string{
		dir + ": other users can read your answers (mode 0755), and the folder belongs to another user (uid 65534); copy the workspace to a private folder of yours and pass --dir there",
		dir + ": cannot write in the workspace: the folder belongs to another user (uid 65534); copy the workspace to a folder of yours and pass --dir there (prep story list, show, check, status and export still read it here)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("hints (-want +got):\n%s", diff)
	}
}
