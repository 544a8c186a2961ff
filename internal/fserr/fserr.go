// Package fserr says what went wrong with a file, for messages that name
// the file themselves.
package fserr

import (
	"errors"
	"io/fs"
	"os"
)

// Cause is err without the path and operation the os package wraps it in
// ("open x: permission denied" is "permission denied"): prep's messages
// name the path first themselves, then say what to do.
func Cause(err error) error {
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
