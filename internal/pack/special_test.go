package pack

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// A named pipe or a device among a pack's files is reported, never
// opened: opening a pipe blocks, and a device such as /dev/zero (through a
// link named x.yaml) never ends.
func TestLoadRefusesWhatIsNotARegularFile(t *testing.T) {
	over := Source{Name: "over", FS: fstest.MapFS{
		"pipe.yaml": {Mode: fs.ModeNamedPipe, Data: []byte("panels: []\n")},
		"zero.yaml": {Mode: fs.ModeDevice | fs.ModeCharDevice, Data: []byte("panels: []\n")},
	}}
	_, err := Load(dirSource("testdata/valid"), over)
	var got Problems
	if !errors.As(err, &got) {
		t.Fatalf("Load = %v; want Problems", err)
	}
	want := Problems{
		{"over/pipe.yaml", 0, "not a regular file (a named pipe); a pack holds YAML files only: remove it or put the file itself in its place"},
		{"over/zero.yaml", 0, "not a regular file (a character device); a pack holds YAML files only: remove it or put the file itself in its place"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
