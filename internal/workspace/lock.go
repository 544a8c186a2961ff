package workspace

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Lock takes the workspace's lock without waiting: while it is held, no
// other prep process can write here. A guided session holds it from start
// to end; the methods that write take it themselves when not held. Calls
// nest within one process; the returned unlock may be called any number
// of times. The lock is advisory (flock on <dir>/.lock): the system drops
// it when its holder dies, so a killed prep never blocks the next one.
//
// When another prep holds it, the error matches ErrBusy and says which
// process and since when.
func (w *Workspace) Lock() (unlock func(), err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.depth == 0 {
		ok, err := w.fl.TryLock()
		if err != nil {
			return nil, fmt.Errorf("%s: cannot lock the workspace: %v; check the permissions of %s", w.fl.Path(), unwrap(err), w.dir)
		}
		if !ok {
			return nil, w.busy()
		}
		w.writeHolder()
		w.cleanTemp()
	}
	w.depth++
	var once sync.Once
	return func() { once.Do(w.release) }, nil
}

func (w *Workspace) release() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.depth--
	if w.depth > 0 {
		return
	}
	// Emptied first, so the file never names a process that let go.
	os.Truncate(w.fl.Path(), 0)
	w.fl.Unlock()
}

// writeHolder says in the lock file who holds it, for the message the
// next prep shows. Best effort: the lock works without it (and Windows,
// which locks the file's first byte, refuses the write).
func (w *Workspace) writeHolder() {
	s := fmt.Sprintf("pid %d\nsince %s\n", os.Getpid(), w.now().Format(time.RFC3339))
	os.WriteFile(w.fl.Path(), []byte(s), fileMode)
}

func (w *Workspace) busy() error {
	e := &BusyError{Dir: w.dir, now: w.now()}
	f, err := os.Open(w.fl.Path())
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
