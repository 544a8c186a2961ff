package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"github.com/prepcli/prep/internal/fserr"
	"github.com/prepcli/prep/internal/progname"
)

// notWritable says why prep cannot write in the workspace dir and what
// will make it work: a hint that cannot work (chmod on a read-only file
// system, or on a folder of another user) is never given. Reading still
// works in such a workspace: its stories can be listed, shown, checked
// and exported.
func notWritable(dir string, err error) error {
	cause := fserr.Cause(err)
	elsewhere := "copy the workspace to a folder of yours and pass --dir there (" + progname.Name() + " story list, show, check, status and export still read it here)"
	switch {
	case errors.Is(cause, syscall.ENOSPC):
		return fmt.Errorf("%s: cannot write in the workspace: the disk is full; free some space, or %s", dir, elsewhere)
	case errors.Is(cause, syscall.EROFS):
		return fmt.Errorf("%s: cannot write in the workspace: it is on a read-only file system; %s", dir, elsewhere)
	case errors.Is(cause, fs.ErrPermission):
		if owner, mine := ownedByMe(dir); !mine {
			return fmt.Errorf("%s: cannot write in the workspace: the folder belongs to %s; %s", dir, owner, elsewhere)
		}
		if fi, err := os.Stat(dir); err == nil && fi.Mode().Perm()&0o700 != 0o700 {
			return fmt.Errorf("%s: cannot write in the workspace: %v; give yourself write access (chmod u+rwx %s) or %s", dir, cause, dir, elsewhere)
		}
	}
	return fmt.Errorf("%s: cannot write in the workspace: %v; %s", dir, cause, elsewhere)
}

// privacyWarning says that others can read the workspace dir, whose mode
// is perm, and how to make it private: chmod when the folder is the
// user's, which only then can work.
func privacyWarning(dir string, perm fs.FileMode) string {
	if owner, mine := ownedByMe(dir); !mine {
		return fmt.Sprintf("%s: other users can read your answers (mode %04o), and the folder belongs to %s; copy the workspace to a private folder of yours and pass --dir there", dir, perm, owner)
	}
	return fmt.Sprintf("%s: other users can read your answers (mode %04o); run chmod 700 %s to keep them private", dir, perm, dir)
}
