package workspace

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prepcli/prep/internal/fserr"
	"github.com/prepcli/prep/internal/progname"
)

// defaultLockWait is how long Lock waits for another prep to finish a
// write: a write takes milliseconds, so a lock held longer is held by a
// prep that is not just writing.
const defaultLockWait = 5 * time.Second

// heldLock is a lock file this process holds, and how many nested calls
// hold it.
type heldLock struct {
	f     *os.File
	depth int
}

// Lock takes the workspace's lock: while it is held, no other prep can
// write here. Every method that writes takes it for the write and lets
// it go after, so it is held for milliseconds, never while a question
// waits for its answer (a guided session holds its own lock, LockSession,
// for that). When another prep holds it, Lock waits up to a few seconds
// for it to finish its write. Calls nest within one process; the returned
// unlock may be called any number of times. The lock is advisory (flock
// on <dir>/.lock): the system drops it when its holder dies, so a killed
// prep never blocks the next one.
//
// The lock file is opened without following links and must be a regular
// file with no other name: a .lock planted in a shared workspace as a
// link to someone's file is refused, never written through. Who holds the
// lock is written through the descriptor that holds it.
//
// When another prep holds it, the error matches ErrBusy and says which
// process and since when.
func (w *Workspace) Lock() (unlock func(), err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.lock.depth == 0 {
		f, err := w.acquire(lockFile, w.lockWait, "")
		if err != nil {
			return nil, err
		}
		w.lock.f = f
		// What a dead prep left is gone after the first lock; later
		// ones, one per save in a session, skip the directory scans.
		if !w.cleaned {
			w.cleanTemp()
			w.cleaned = true
		}
	}
	w.lock.depth++
	var once sync.Once
	return func() { once.Do(func() { w.release(&w.lock, "") }) }, nil
}

// LockSession takes the lock of the guided session name (a lower-case
// word: background, drill, …), sessions/.<name>.lock, without waiting: a
// session holds it from start to end, prompts included, so that the same
// session cannot run twice at once on one workspace, while other
// commands, and other sessions, go on reading and writing. When another
// prep holds it, the error matches ErrBusy. Calls nest within one process.
func (w *Workspace) LockSession(name string) (unlock func(), err error) {
	if _, err := w.progressPath(name); err != nil {
		return nil, err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	h := w.sessions[name]
	if h == nil {
		if err := w.ensureDir(SessionsDir); err != nil {
			return nil, err
		}
		f, err := w.acquire(SessionsDir+"/."+name+".lock", 0, name)
		if err != nil {
			return nil, err
		}
		h = &heldLock{f: f}
		if w.sessions == nil {
			w.sessions = map[string]*heldLock{}
		}
		w.sessions[name] = h
	}
	h.depth++
	var once sync.Once
	return func() { once.Do(func() { w.release(h, name) }) }, nil
}

// acquire opens the lock file rel and locks it, waiting up to wait while
// another prep holds it; session names a session's lock in the busy
// error.
func (w *Workspace) acquire(rel string, wait time.Duration, session string) (*os.File, error) {
	if w.readOnly != nil {
		return nil, w.readOnly
	}
	path := w.path(rel)
	f, err := openLockFile(path)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	pause := time.Millisecond
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: cannot lock the workspace: %v; check the permissions of %s", path, fserr.Cause(err), w.dir)
		}
		if ok {
			break
		}
		if !time.Now().Before(deadline) {
			f.Close()
			return nil, w.busy(path, session)
		}
		time.Sleep(pause)
		pause = min(2*pause, 50*time.Millisecond)
	}
	w.writeHolder(f)
	return f, nil
}

// openLockFile opens (creating it) a lock file that is what it should be:
// a regular file with one name, not a link.
func openLockFile(path string) (*os.File, error) {
	f, err := openFile(path, os.O_RDWR|os.O_CREATE, fileMode)
	if errors.Is(err, errIsLink) {
		return nil, fmt.Errorf("%s: is a symbolic link; prep keeps its lock in a file of its own and never writes through a link: remove the link (rm %s) and run %s again", path, path, progname.Name())
	}
	if err != nil {
		return nil, fmt.Errorf("%s: cannot open the workspace's lock: %v; check the permissions of its directory", path, fserr.Cause(err))
	}
	fi, err := f.Stat()
	switch {
	case err != nil:
		err = fmt.Errorf("%s: cannot open the workspace's lock: %v; check the permissions of its directory", path, fserr.Cause(err))
	case !fi.Mode().IsRegular():
		err = fmt.Errorf("%s: not a regular file, where prep keeps its lock; remove it and run %s again", path, progname.Name())
	case links(fi) > 1:
		err = fmt.Errorf("%s: has another name (a hard link), so writing the lock would write into another file; remove it (rm %s) and run %s again", path, path, progname.Name())
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func (w *Workspace) release(h *heldLock, session string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	h.depth--
	if h.depth > 0 {
		return
	}
	// Emptied first, so the file never names a process that let go.
	h.f.Truncate(0)
	unlockFile(h.f)
	h.f.Close()
	h.f = nil
	if session != "" {
		delete(w.sessions, session)
	}
}

// writeHolder says in the lock file who holds it, for the message the
// next prep shows. Best effort: the lock works without it.
func (w *Workspace) writeHolder(f *os.File) {
	s := fmt.Sprintf("pid %d\nsince %s\n", os.Getpid(), w.now().Format(time.RFC3339))
	if f.Truncate(0) == nil {
		f.WriteAt([]byte(s), 0)
	}
}

func (w *Workspace) busy(path, session string) error {
	e := &BusyError{Dir: w.dir, Session: session, now: w.now()}
	f, err := openFile(path, os.O_RDONLY, 0)
	if err != nil {
		return e
	}
	defer f.Close()
	data, _ := io.ReadAll(io.LimitReader(f, 256))
	for _, line := range strings.Split(string(data), "\n") {
		key, val, _ := strings.Cut(line, " ")
		switch key {
		case "pid":
			if n, err := strconv.Atoi(val); err == nil && n > 0 {
				e.PID = n
			}
		case "since":
			if t, err := time.Parse(time.RFC3339, val); err == nil {
				e.Since = t
			}
		}
	}
	return e
}
