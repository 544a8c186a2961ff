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

	"github.com/gofrs/flock"
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

	mu    sync.Mutex
	fl    *flock.Flock
	depth int // nested Lock calls of this process
}

// Open opens the workspace at dir, creating it (and its parents) 0700 when
// it does not exist. now gives the times written into files; nil means
// time.Now. A directory that exists is never chmod-ed: when others can
// read it, Warning says so.
func Open(dir string, now func() time.Time) (*Workspace, error) {
	if dir == "" {
		return nil, errors.New("no workspace directory given; pass --dir DIR or set PREP_DIR")
	}
	if now == nil {
		now = time.Now
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot resolve the workspace path: %v; pass an absolute --dir", dir, unwrap(err))
	}
	w := &Workspace{dir: abs, now: now}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := w.mkdirAll(abs); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, fmt.Errorf("%s: cannot open the workspace: %v; check the path or pass another --dir", abs, unwrap(err))
	case !fi.IsDir():
		return nil, fmt.Errorf("%s: not a directory; pass another --dir, or move that file away", abs)
	default:
		if runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0 {
			w.warning = fmt.Sprintf("%s: other users can read your answers (mode %04o); run chmod 700 %s to keep them private", abs, fi.Mode().Perm(), abs)
		}
	}
	if err := w.probe(); err != nil {
		return nil, err
	}
	w.fl = flock.New(filepath.Join(abs, lockFile), flock.SetPermissions(fileMode))
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
func (w *Workspace) probe() error {
	f, err := os.CreateTemp(w.dir, ".probe"+tempInfix+"*")
	if err != nil {
		return fmt.Errorf("%s: cannot write in the workspace: %v; fix its permissions (chmod u+w %s) or pass another --dir", w.dir, unwrap(err), w.dir)
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

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
		return fmt.Errorf("%s: cannot create the workspace: %v; create it yourself or pass another --dir", dir, unwrap(err))
	}
	for _, d := range created {
		if err := os.Chmod(d, dirMode); err != nil {
			return fmt.Errorf("%s: cannot make the directory private: %v; run chmod 700 %s", d, unwrap(err), d)
		}
	}
	if len(created) > 0 {
		// The new entry must reach the disk with the files put in it.
		syncDir(filepath.Dir(created[len(created)-1]))
	}
	return nil
}

// ensureDir creates a directory of the workspace (stories, sessions, …)
// when it is missing.
func (w *Workspace) ensureDir(rel string) error {
	dir := w.path(rel)
	fi, err := os.Stat(dir)
	if err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("%s: not a directory; move that file away so prep can keep its %s there", dir, rel)
		}
		return nil
	}
	return w.mkdirAll(dir)
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
