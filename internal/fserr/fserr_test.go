package fserr

import (
	"errors"
	"io/fs"
	"os"
	"testing"
)

func TestCauseDropsThePath(t *testing.T) {
	for _, err := range []error{
		&fs.PathError{Op: "open", Path: "/x/story.md", Err: fs.ErrPermission},
		&os.LinkError{Op: "rename", Old: "a", New: "b", Err: fs.ErrPermission},
	} {
		if got := Cause(err); got != fs.ErrPermission {
			t.Errorf("Cause(%v) = %v, want %v", err, got, fs.ErrPermission)
		}
	}
	plain := errors.New("disk full")
	if got := Cause(plain); got != plain {
		t.Errorf("Cause(%v) = %v, want it as it is", plain, got)
	}
}
