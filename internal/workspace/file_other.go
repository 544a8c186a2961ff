//go:build !unix && !windows

package workspace

import (
	"io/fs"
	"os"
)

// openNoFollow opens path as os.OpenFile does, refusing a symbolic link:
// checked before the open, as well as this system allows.
func openNoFollow(path string, flag int, perm fs.FileMode) (*os.File, error) {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return nil, &fs.PathError{Op: "open", Path: path, Err: errIsLink}
	}
	return os.OpenFile(path, flag, perm)
}

func links(fs.FileInfo) uint64 { return 1 }
