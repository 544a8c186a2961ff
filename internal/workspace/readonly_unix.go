//go:build unix

package workspace

import (
	"fmt"
	"os"
	"syscall"
)

// ownedByMe reports whether this process's user owns path, and else who
// does. A path it cannot tell about counts as its own: the hint to chmod
// it is then worth trying. (No lookup of the user's name: that can ask a
// directory service, and prep opens no connection.)
func ownedByMe(path string) (string, bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", true
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || int(st.Uid) == os.Getuid() {
		return "", true
	}
	return fmt.Sprintf("another user (uid %d)", st.Uid), false
}
