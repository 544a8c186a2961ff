// Package e2e holds end-to-end tests of the prep binary: it is built
// once, then run as a child process in a pseudo-terminal, typed at as a
// candidate would, stopped with Ctrl-C and killed with SIGKILL, and the
// workspace it leaves is compared with what an uninterrupted run of the
// same answers writes. The package has no code of its own.
package e2e
