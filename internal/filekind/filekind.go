// Package filekind names what a file that is not a regular one is, for
// the one-line errors of commands that read or write only regular files
// (a pack's YAML, a bundled copy, the binary it is made from).
package filekind

import "io/fs"

// Of names the kind of a file by its mode: "a named pipe", "a character
// device", "a directory"; "not a file" for anything else unusual.
func Of(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m.IsRegular():
		return "a regular file"
	}
	return "not a file"
}
