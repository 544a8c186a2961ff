// Package workspace keeps the candidate's files on disk: stories as
// Markdown with YAML front matter, the résumé timeline and the progress of
// guided sessions. Everything it writes is written atomically, private to
// the user (directories 0700, files 0600) and under a lock, so a killed
// process or a second prep never leaves a file half written; a file it
// cannot read is reported with its path and line and never overwritten.
//
// Layout of a workspace:
//
//	<dir>/stories/<slug>.md      the stories
//	<dir>/practice/<id>.md       answers to practice scenarios
//	<dir>/timeline.yaml          the résumé timeline
//	<dir>/sessions/<name>.yaml   where each guided session stopped
//	<dir>/sessions/.<name>.lock  held while a guided session runs
//	<dir>/.trash/                removed stories, recoverable
//	<dir>/.lock                  held while a prep writes
package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/prepcli/prep/internal/fserr"
)

// Names inside a workspace.
const (
	StoriesDir   = "stories"
	SessionsDir  = "sessions"
	TrashDir     = ".trash"
	TimelineFile = "timeline.yaml"
	lockFile     = ".lock"
)

// Modes of what prep creates: the answers are the candidate's own
// business, so nobody else on the machine may read them.
const (
	dirMode  fs.FileMode = 0o700
	fileMode fs.FileMode = 0o600
)

// Workspace is one candidate's directory. Reading needs no lock; every
// method that writes takes the lock for its duration unless the caller
// already holds it through Lock. A Workspace is meant for one goroutine.
type Workspace struct {
	dir     string
	now     func() time.Time
	warning string

	mu       sync.Mutex
	lock     heldLock             // the workspace's lock, <dir>/.lock
	sessions map[string]*heldLock // the sessions' locks held, by name
	lockWait time.Duration        // how long Lock waits for another prep
	cleaned  bool                 // cleanTemp has run under the lock
	// readOnly is why prep cannot write here, when it cannot: the
	// workspace still reads, and every write says so (see notWritable).
	readOnly error
}

// Open opens the workspace at dir, creating it (and its parents) 0700 when
// it does not exist. now gives the times written into files; nil means
// time.Now. A directory that exists is never chmod-ed: when others can
// read it, Warning says so. One prep cannot write in (a read-only file
// system, another user's folder) opens to be read; each write then
// fails, saying why and what to do.
func Open(dir string, now func() time.Time) (*Workspace, error) {
	if dir == "" {
		return nil, errors.New("no workspace directory given; pass --dir DIR or set PREP_DIR")
	}
	if now == nil {
		now = time.Now
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot resolve the workspace path: %v; pass an absolute --dir", dir, fserr.Cause(err))
	}
	w := &Workspace{dir: abs, now: now, lockWait: defaultLockWait}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := w.mkdirAll(abs); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, fmt.Errorf("%s: cannot open the workspace: %v; check the path or pass another --dir", abs, fserr.Cause(err))
	case !fi.IsDir():
		return nil, fmt.Errorf("%s: not a directory; pass another --dir, or move that file away", abs)
	default:
		if runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0 {
			w.warning = privacyWarning(abs, fi.Mode().Perm())
		}
	}
	if err := w.probe(); err != nil {
		// What is there can still be read: a write says why it cannot.
		w.readOnly = err
	}
	return w, nil
}

// Dir is the workspace's absolute path.
func (w *Workspace) Dir() string { return w.dir }

// Warning is one line to show the candidate when the workspace directory
// is readable by others, or "" when it is private.
func (w *Workspace) Warning() string { return w.warning }

// path joins a slash-separated name inside the workspace.
func (w *Workspace) path(rel string) string {
	return filepath.Join(w.dir, filepath.FromSlash(rel))
}

// probe creates and removes a file, the only sure test that the directory
// is writable (access(2) is wrong on read-only mounts and for root). Its
// name is a temp file's, so a crash in between leaves nothing permanent.
//
// It takes no lock, so another prep taking the lock meanwhile may remove
// the file as a dead writer's: the file is gone either way, which is all
// the probe asks of the removal.
func (w *Workspace) probe() error {
	f, err := os.CreateTemp(w.dir, ".probe"+tempInfix+"*")
	if err != nil {
		return notWritable(w.dir, err)
	}
	name := f.Name()
	f.Close()
	if probeHook != nil {
		probeHook()
	}
	if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: cannot remove a file in the workspace: %v; fix its permissions (chmod u+w %s) or pass another --dir", name, fserr.Cause(err), w.dir)
	}
	return nil
}

// probeHook, when set by a test, runs between the probe's create and its
// remove.
var probeHook func()

// mkdirAll creates dir and any missing parents 0700, then makes sure of
// the mode of the ones it created: a umask could have taken bits away.
func (w *Workspace) mkdirAll(dir string) error {
	var created []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || !errors.Is(err, fs.ErrNotExist) {
			break
		}
		created = append(created, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return fmt.Errorf("%s: cannot create the workspace: %v; create it yourself or pass another --dir", dir, fserr.Cause(err))
	}
	for _, d := range created {
		if err := os.Chmod(d, dirMode); err != nil {
			return fmt.Errorf("%s: cannot make the directory private: %v; run chmod 700 %s", d, fserr.Cause(err), d)
		}
	}
	if len(created) > 0 {
		// The new entry must reach the disk with the files put in it.
		syncDir(filepath.Dir(created[len(created)-1]))
	}
	return nil
}

// ensureDir creates a directory of the workspace (stories, sessions, …)
// when it is missing, and refuses one that is not what it should be.
func (w *Workspace) ensureDir(rel string) error {
	ok, err := w.checkDir(rel)
	if err != nil || ok {
		return err
	}
	return w.mkdirAll(w.path(rel))
}

// checkDir reports whether the workspace's directory rel exists, and
// refuses it when it is not a directory of the workspace itself: a link
// (planted in a shared workspace, it would send prep's writes elsewhere)
// or a file.
func (w *Workspace) checkDir(rel string) (bool, error) {
	dir := w.path(rel)
	fi, err := os.Lstat(dir)
	switch {
	case err != nil:
		return false, nil
	case fi.Mode()&fs.ModeSymlink != 0:
		return false, fmt.Errorf("%s: is a symbolic link; prep keeps its %s in a directory of the workspace itself, never through a link: put that directory here in place of the link", dir, rel)
	case !fi.IsDir():
		return false, fmt.Errorf("%s: not a directory; move that file away so prep can keep its %s there", dir, rel)
	}
	return true, nil
}
