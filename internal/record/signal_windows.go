//go:build windows

package record

import (
	"errors"
	"os"
)

// interrupt cannot send Ctrl-C to one process on Windows; the recorder
// is killed instead, and the WAV may lack its final header update.
func interrupt(*os.Process) error { return errors.New("no interrupt on windows") }
