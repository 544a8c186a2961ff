package workspace

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/fserr"
	"github.com/prepcli/prep/internal/lazy"
)

// tempInfix marks prep's temp files: ".<name>.tmp-<digits>". A process
// killed mid-write leaves one behind; the dot keeps it out of listings and
// the next prep to take the lock removes it.
const tempInfix = ".tmp-"

// maxFile bounds what prep reads from the workspace: the checker's limit,
// far above any answer, so a stray huge file costs no memory. It bounds
// what prep writes there too, so prep never writes a file it would then
// refuse to read.
const maxFile = document.MaxSize

// MaxFile is the most a workspace file may hold, in bytes: prep reads no
// more, and so writes no more.
const MaxFile = maxFile

// WriteFile writes data to rel (slash-separated, inside the workspace)
// atomically: a temp file in the same directory is written, synced,
// closed, made 0600 and renamed over rel, then the directory is synced.
// Whatever happens, rel holds either its old content or data, never a mix.
// Data larger than prep reads back (MaxFile) is refused (ErrTooLarge), as
// is a rel that is a link or not a regular file.
func (w *Workspace) WriteFile(rel string, data []byte) error {
	local := filepath.FromSlash(rel)
	if rel == "" || !filepath.IsLocal(local) {
		return fmt.Errorf("%s: not a path inside the workspace %s; give a relative path such as stories/name.md", rel, w.dir)
	}
	unlock, err := w.Lock()
	if err != nil {
		return err
	}
	defer unlock()
	if d := filepath.Dir(local); d != "." {
		if err := w.ensureDir(filepath.ToSlash(d)); err != nil {
			return err
		}
	}
	return writeAtomic(w.path(rel), data)
}

// WriteFileAtomic writes data to path, inside the workspace or not, whole
// or not at all: a temp file in the same directory, fsync, mode 0600,
// rename, then the directory synced. prep export writes the prep sheet
// with it wherever -o says.
func WriteFileAtomic(path string, data []byte) error {
	if err := checkTarget(path); err != nil {
		return err
	}
	return replaceFile(path, data)
}

// writeAtomic writes a file of the workspace: never more than prep reads
// back, never over a link or anything but a regular file.
func writeAtomic(path string, data []byte) error {
	if len(data) > maxFile {
		return &tooLargeError{path: path, size: len(data)}
	}
	if err := checkTarget(path); err != nil {
		return err
	}
	return replaceFile(path, data)
}

// ErrTooLarge is matched by the error of a save refused because the file
// would be larger than prep reads back (MaxFile).
var ErrTooLarge error = &lazy.Error{Msg: "file too large"}

type tooLargeError struct {
	path string
	size int
}

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("%s: not saved: it would be %d KiB, more than the %d KiB prep reads back; shorten the longest answers in it, then try again", e.path, (e.size+1023)/1024, maxFile/1024)
}

func (e *tooLargeError) Is(target error) bool { return target == ErrTooLarge }

// checkTarget refuses to replace a link (the link would become a file) or
// anything that is not a regular file.
func checkTarget(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case err != nil:
		return nil
	case fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s: is a symbolic link, and saving would replace the link with a file; put the file itself in the workspace", path)
	case fi.IsDir():
		return fmt.Errorf("%s: is a directory, where prep keeps a file; move it away", path)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s: not a regular file (a pipe, a device or a socket), where prep keeps a file; move it away", path)
	}
	return nil
}

// replaceFile is the temp file, fsync and rename of a write.
func replaceFile(path string, data []byte) error {
	dir, base := filepath.Split(path)
	f, err := os.CreateTemp(dir, "."+base+tempInfix+"*")
	if err != nil {
		return saveError(path, err)
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		return saveError(path, err)
	}
	if err := syncFile(f); err != nil {
		return saveError(path, err)
	}
	if err := f.Close(); err != nil {
		return saveError(path, err)
	}
	// CreateTemp already uses 0600; say it again in case that changes.
	if err := os.Chmod(tmp, fileMode); err != nil {
		return saveError(path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return saveError(path, err)
	}
	ok = true
	syncDir(dir)
	return nil
}

func saveError(path string, err error) error {
	return fmt.Errorf("%s: cannot save: %v; check the free space and the permissions of %s", path, fserr.Cause(err), filepath.Dir(path))
}

// noSync turns off every fsync of the process; see SkipSyncForTests.
var noSync atomic.Bool

// SkipSyncForTests makes every later write of this process skip fsync, of
// files and of directories alike. Writes stay atomic (temp file and
// rename); only durability across a power cut is lost. It exists for test
// binaries: the session tests write thousands of answers, and on a real
// disk each fsync costs milliseconds. prep itself never calls it, so the
// tests that kill a real prep process still see every fsync.
func SkipSyncForTests() { noSync.Store(true) }

func syncFile(f *os.File) error {
	if noSync.Load() {
		return nil
	}
	return f.Sync()
}

// syncDir makes a rename or a new entry in dir durable. Windows cannot
// sync a directory, and NTFS journals the rename itself. A failure is not
// reported: the file's own data is already synced, and nothing the caller
// could do would help.
func syncDir(dir string) {
	if runtime.GOOS == "windows" || noSync.Load() {
		return
	}
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}

// isTemp reports whether name is one of prep's temp files.
func isTemp(name string) bool {
	i := strings.LastIndex(name, tempInfix)
	if !strings.HasPrefix(name, ".") || i <= 0 {
		return false
	}
	digits := name[i+len(tempInfix):]
	if digits == "" {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// cleanTemp removes the temp files of processes that died mid-write. Only
// called with the lock just taken: no live prep can be writing one.
func (w *Workspace) cleanTemp() {
	for _, rel := range []string{".", StoriesDir, SessionsDir, TrashDir, PracticeDir} {
		if ok, err := w.checkDir(rel); rel != "." && (!ok || err != nil) {
			continue // missing, or a link prep does not go through
		}
		dir := w.path(rel)
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.Type().IsRegular() && isTemp(e.Name()) {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
}

// errIsLink is the error of openFile for a symbolic link.
var errIsLink error = &lazy.Error{Msg: "is a symbolic link"}

// openFile opens a workspace file as os.OpenFile does, but never through a
// symbolic link (the error then matches errIsLink) and never waiting on a
// FIFO.
func openFile(path string, flag int, perm fs.FileMode) (*os.File, error) {
	f, err := openNoFollow(path, flag, perm)
	if err != nil && !errors.Is(err, errIsLink) {
		// Systems differ in the errno O_NOFOLLOW gives (ELOOP, EMLINK,
		// EFTYPE); the link itself says what happened.
		if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return nil, &fs.PathError{Op: "open", Path: path, Err: errIsLink}
		}
	}
	return f, err
}

// readFile reads a workspace file, at most maxFile bytes, without
// following a link. A missing file is (nil, false, nil).
func readFile(path string) ([]byte, bool, error) {
	f, err := openFile(path, os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if errors.Is(err, errIsLink) {
		return nil, true, &ParseError{Path: path, Msg: "is a symbolic link; prep reads and writes only files of its own in the workspace, never through a link: put the file itself here in place of the link"}
	}
	if err != nil {
		return nil, false, readError(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	switch {
	case err != nil:
		return nil, true, readError(path, err)
	case fi.IsDir():
		return nil, true, fmt.Errorf("%s: is a directory, where prep keeps a file; move it away", path)
	case !fi.Mode().IsRegular():
		return nil, true, &ParseError{Path: path, Msg: "not a regular file (a pipe, a device or a socket), where prep keeps a file; move it away"}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return nil, true, readError(path, err)
	}
	if len(data) > maxFile {
		return nil, true, &ParseError{Path: path, Msg: "larger than 1 MiB, too large for a prep file; move it out of the workspace"}
	}
	return data, true, nil
}

func readError(path string, err error) error {
	return fmt.Errorf("%s: cannot read: %v; check the file's permissions", path, fserr.Cause(err))
}

// stamp is what a file held when prep read it, so a save can tell that
// someone changed it since (the candidate, in an editor).
type stamp struct {
	read   bool // false for a value the caller built: no check
	exists bool
	sum    [sha256.Size]byte
}

func stampOf(data []byte, exists bool) stamp {
	return stamp{read: true, exists: exists, sum: sha256.Sum256(data)}
}

// changed reports whether data, now on disk, differs from what was read.
func (s stamp) changed(data []byte, exists bool) bool {
	if !s.read {
		return false
	}
	if s.exists != exists {
		return true
	}
	return exists && sha256.Sum256(data) != s.sum
}
