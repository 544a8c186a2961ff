// Package bundle attaches a content pack to a copy of a prep binary and
// finds it again at start-up, so a recruiter can send applicants one file.
//
// The pack travels after the end of the executable, where no loader looks:
//
//	[the binary, unchanged][payload: a zip of the pack's YAML files][trailer]
//
// The trailer is fixed-size and last, so a binary can tell whether it
// carries a pack by reading its final bytes:
//
//	payload length (uint64, little-endian)
//	sha256 of the payload (32 bytes)
//	Magic (16 bytes)
//
// Appending leaves every byte of the original in place, so ELF, PE and
// Mach-O headers, and the code signature Go's linker puts on macOS
// binaries (which covers only the bytes before it), stay as they were.
package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Magic ends every binary that carries a pack.
const Magic = "prep-content-v1\x00"

// TrailerSize is the number of bytes after the payload.
const TrailerSize = 8 + sha256.Size + len(Magic)

// MaxPayload bounds what a binary will read of its own tail: far more than
// any pack needs, and small enough that a corrupt length cannot make prep
// allocate gigabytes.
const MaxPayload = 64 << 20

// zipTime is the modification time stamped on every file of a payload, so
// the same pack always makes the same bytes (and the same checksum).
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Pack is a content pack found attached to a binary.
type Pack struct {
	// Name is the pack's name as recorded when it was bundled.
	Name string
	// FS holds the pack's YAML files, laid out as in the author's directory.
	FS fs.FS
	// Sum is the hex sha256 of the payload.
	Sum string
}

// DamagedError says a binary carries a pack that cannot be trusted. It is
// never ignored: an applicant must not silently get the default pack
// instead of the company's.
type DamagedError struct {
	Path   string // the binary
	Reason string // what is wrong, in a few words
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("%s: its bundled content pack is damaged (%s); ask the sender for a new copy", e.Path, e.Reason)
}

// trailer is the decoded end of a bundled binary.
type trailer struct {
	length uint64
	sum    [sha256.Size]byte
}

func (t trailer) encode() []byte {
	b := make([]byte, 0, TrailerSize)
	b = binary.LittleEndian.AppendUint64(b, t.length)
	b = append(b, t.sum[:]...)
	return append(b, Magic...)
}

// readTrailer reads the last bytes of r. ok is false when they do not end
// in Magic: the binary carries no pack.
func readTrailer(r io.ReaderAt, size int64) (t trailer, ok bool, err error) {
	if size < int64(TrailerSize) {
		return t, false, nil
	}
	var b [TrailerSize]byte
	if _, err := r.ReadAt(b[:], size-int64(TrailerSize)); err != nil {
		return t, false, err
	}
	if string(b[8+sha256.Size:]) != Magic {
		return t, false, nil
	}
	t.length = binary.LittleEndian.Uint64(b[:8])
	copy(t.sum[:], b[8:8+sha256.Size])
	return t, true, nil
}

// Open reads the pack attached to the binary at path. It returns nil and
// no error when the binary carries none. When nothing is attached, the
// cost is one open, one stat and one read of TrailerSize bytes.
func Open(path string) (*Pack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	p, err := Read(f, info.Size())
	var de *DamagedError
	if errors.As(err, &de) {
		de.Path = path
	}
	return p, err
}

// Read is Open on any reader: r holds a binary of size bytes. A damaged
// pack is a *DamagedError with no Path.
func Read(r io.ReaderAt, size int64) (*Pack, error) {
	t, ok, err := readTrailer(r, size)
	if err != nil || !ok {
		return nil, err
	}
	room := size - int64(TrailerSize)
	switch {
	case t.length > uint64(room):
		return nil, &DamagedError{Reason: fmt.Sprintf("truncated: the pack should be %d bytes, only %d are there", t.length, room)}
	case t.length > MaxPayload:
		return nil, &DamagedError{Reason: fmt.Sprintf("a pack of %d bytes is larger than any prep writes", t.length)}
	}
	payload := make([]byte, t.length)
	if _, err := r.ReadAt(payload, room-int64(t.length)); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(payload)
	if sum != t.sum {
		return nil, &DamagedError{Reason: "its checksum does not match"}
	}
	zr, err := zip.NewReader(bytes.NewReader(payload), int64(len(payload)))
	if err != nil {
		return nil, &DamagedError{Reason: "not a readable zip: " + err.Error()}
	}
	for _, f := range zr.File {
		// The loader would skip anything else; refusing it here keeps a
		// crafted payload from reaching it at all.
		name := f.Name
		if f.Mode().IsDir() {
			name = strings.TrimSuffix(name, "/")
		}
		if !fs.ValidPath(name) || (!f.Mode().IsDir() && !isYAML(name)) {
			return nil, &DamagedError{Reason: fmt.Sprintf("unexpected file %q in the pack", f.Name)}
		}
	}
	return &Pack{Name: cleanName(zr.Comment), FS: zr, Sum: fmt.Sprintf("%x", sum)}, nil
}

// Base is the length of the binary in r without any pack attached: the
// part to copy when a bundled binary gets a new pack. A damaged pack is
// still cut off when its trailer says where it starts, so a bad copy can
// be repaired by bundling it again.
func Base(r io.ReaderAt, size int64) (int64, error) {
	t, ok, err := readTrailer(r, size)
	if err != nil || !ok {
		return size, err
	}
	room := size - int64(TrailerSize)
	if t.length > uint64(room) {
		return 0, &DamagedError{Reason: "truncated: cannot tell where the program ends"}
	}
	return room - int64(t.length), nil
}

// Payload zips a pack directory's YAML files (*.yaml and *.yml, skipping
// names that start with "." as the loader does) and names the result. The
// same files and name always give the same bytes.
func Payload(pack fs.FS, name string) ([]byte, error) {
	var files []string
	err := fs.WalkDir(pack, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		// As the loader does: a symlinked file counts, read through the link.
		if !d.IsDir() && isYAML(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, errors.New("no .yaml or .yml files to bundle")
	}
	sort.Strings(files)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range files {
		data, err := fs.ReadFile(pack, p)
		if err != nil {
			return nil, err
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.SetComment(cleanName(name)); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if buf.Len() > MaxPayload {
		return nil, fmt.Errorf("the pack is %d bytes zipped, more than the %d a binary will read; remove what the applicants do not need", buf.Len(), MaxPayload)
	}
	return buf.Bytes(), nil
}

// Write makes dst a copy of the binary src carrying payload, replacing any
// pack src already carries. dst is written to a temporary file beside it
// and renamed into place, so it is either the old file or the complete new
// one; its mode is 0755. Write refuses to replace src itself.
func Write(dst, src string, payload []byte) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("%s: cannot read the binary: %v", src, describe(err))
	}
	defer in.Close()
	inInfo, err := in.Stat()
	if err != nil {
		return fmt.Errorf("%s: cannot read the binary: %v", src, describe(err))
	}
	if !inInfo.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file; give the path of a prep binary", src)
	}
	if outInfo, err := os.Stat(dst); err == nil {
		if os.SameFile(inInfo, outInfo) {
			return fmt.Errorf("%s: that is the binary being copied; write the copy to another file with -o", dst)
		}
		if outInfo.IsDir() {
			return fmt.Errorf("%s: is a directory; give -o the path of the file to write", dst)
		}
	}
	base, err := Base(in, inInfo.Size())
	if err != nil {
		return fmt.Errorf("%s: cannot bundle it: %v; start again from a release binary", src, err)
	}

	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".*.tmp")
	if err != nil {
		return fmt.Errorf("%s: cannot write: %v", dst, describe(err))
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	t := trailer{length: uint64(len(payload)), sum: sha256.Sum256(payload)}
	if _, err := io.Copy(tmp, io.NewSectionReader(in, 0, base)); err != nil {
		return fmt.Errorf("%s: cannot copy the binary to %s: %v", src, dst, describe(err))
	}
	if _, err := tmp.Write(payload); err != nil {
		return fmt.Errorf("%s: cannot write: %v", dst, describe(err))
	}
	if _, err := tmp.Write(t.encode()); err != nil {
		return fmt.Errorf("%s: cannot write: %v", dst, describe(err))
	}
	if err := tmp.Chmod(0o755); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return fmt.Errorf("%s: cannot make it executable: %v", dst, describe(err))
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("%s: cannot write: %v", dst, describe(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: cannot write: %v", dst, describe(err))
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		os.Remove(tmp.Name())
		done = true
		return fmt.Errorf("%s: cannot write: %v", dst, describe(err))
	}
	done = true
	return nil
}

func isYAML(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".yaml" || ext == ".yml"
}

// cleanName keeps a recorded name fit for one line of output whatever the
// payload holds.
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsPrint(r) && r != ' ' {
			return r
		}
		return '-'
	}, strings.TrimSpace(s))
	if r := []rune(s); len(r) > 64 {
		s = string(r[:64])
	}
	if s == "" {
		return "unnamed"
	}
	return s
}

// describe drops the path an os error repeats, since the message names it.
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}
