//go:build darwin || freebsd || netbsd || openbsd || dragonfly

package e2e

import "golang.org/x/sys/unix"

const ioctlGetTermios = unix.TIOCGETA
