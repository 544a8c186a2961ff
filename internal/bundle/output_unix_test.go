//go:build unix

package bundle

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Write never replaces what is not a regular file: renaming the copy over
// a named pipe or a device (as root, over /dev/null) would put a 15 MB
// file in its place.
func TestWriteRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	src, _ := fakeBinary(t, dir)
	payload := mustPayload(t, packFS("1"), "acme")
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("cannot make a named pipe:", err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for _, dst := range []string{fifo, link} {
		err := Write(dst, src, payload)
		if err == nil || !strings.Contains(err.Error(), "not a regular file (a named pipe)") {
			t.Errorf("Write(%s) = %v; want a refusal", filepath.Base(dst), err)
		}
		if info, err := os.Lstat(dst); err != nil || info.Mode().IsRegular() {
			t.Errorf("%s was replaced: %v, %v", filepath.Base(dst), info.Mode(), err)
		}
	}
	if info, err := os.Stat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe is gone: %v", err)
	}
}

// A device is not a binary to copy, and reading one may never end
// (/dev/zero). /dev/null stands in for it: should the refusal go, the
// test fails instead of reading without end.
func TestReadBuildInfoRefusesDevices(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip(err)
	}
	_, err := ReadBuildInfo("/dev/null")
	if err == nil || !strings.Contains(err.Error(), "a character device") {
		t.Errorf("ReadBuildInfo(/dev/null) = %v; want a refusal", err)
	}
}
