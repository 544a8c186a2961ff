//go:build unix

package workspace

import (
	"io/fs"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// openNoFollow opens path as os.OpenFile does, except that it fails when
// the last part of path is a symbolic link (O_NOFOLLOW), and that opening
// a FIFO does not wait for a writer (O_NONBLOCK, which changes nothing for
// the regular files prep reads and writes).
func openNoFollow(path string, flag int, perm fs.FileMode) (*os.File, error) {
	return os.OpenFile(path, flag|unix.O_NOFOLLOW|unix.O_NONBLOCK, perm)
}

// links is the number of names an open file has.
func links(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
