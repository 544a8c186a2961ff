//go:build !windows

package record

import "os"

// interrupt asks a recorder to stop as Ctrl-C would: rec, arecord and
// ffmpeg then finish the WAV file's header.
func interrupt(p *os.Process) error { return p.Signal(os.Interrupt) }
