//go:build unix

package workspace

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// A FIFO where prep keeps a file is reported, not waited on.
func TestReadRefusesAFIFO(t *testing.T) {
	w, _ := newWS(t)
	if err := syscall.Mkfifo(w.path(TimelineFile), 0o600); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() { _, err := w.Timeline(); done <- err }()
	select {
	case err := <-done:
		want := w.path(TimelineFile) + ": not a regular file (a pipe, a device or a socket), where prep keeps a file; move it away"
		if err == nil || err.Error() != want {
			t.Errorf("Timeline() of a FIFO = %v\nwant %q", err, want)
		}
	case <-time.After(5 * time.Second):
		// Let the reader go before failing.
		if f, err := os.OpenFile(w.path(TimelineFile), os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		t.Fatal("Timeline() waits on a FIFO")
	}
	if err := w.SaveTimeline(&Timeline{}); err == nil {
		t.Error("SaveTimeline replaced the FIFO")
	}
}
