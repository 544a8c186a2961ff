// Package bundle attaches a content pack to a copy of a prep binary and
// finds it again at start-up, so a recruiter can send applicants one file.
//
// The pack travels after the end of the executable, where no loader looks:
//
//	[the binary, unchanged][header][payload: a zip of the pack's YAML files][trailer]
//
// The header opens the appended part, where the program ends:
//
//	HeadMagic (16 bytes)
//	payload length (uint64, little-endian)
//
// The trailer is fixed-size and last, so a binary can tell whether it
// carries a pack by reading its final bytes:
//
//	payload length (uint64, little-endian)
//	sha256 of the payload (32 bytes)
//	Magic (16 bytes)
//
// Either end finds the pack when the other is damaged: the trailer from
// the end of the file, the header from where the program ends, which the
// executable's own headers say (exe.go). So a copy cut short, with bytes
// added after it or with either marker damaged is reported as damaged,
// never taken for a binary without a pack. Copies written before the
// header existed (a trailer alone) still read.
//
// Each file of the zip has a comment naming the parts it declares
// ("parts:pack|rubrics"), so a command that needs only some parts leaves
// the other files unread (pack.PartsFS).
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

	"github.com/prepcli/prep/internal/filekind"
	"github.com/prepcli/prep/internal/pack"
)

// Magic ends every binary that carries a pack. The header came later and
// left the trailer as it was, so a prep that reads trailers only still
// reads a pack written with a header, and this one reads theirs.
const Magic = "prep-content-v1\x00"

// HeadMagic starts the part of a binary that carries a pack.
const HeadMagic = "prep-pack-begin\x00"

// TrailerSize is the number of bytes after the payload.
const TrailerSize = 8 + sha256.Size + len(Magic)

// HeaderSize is the number of bytes between the program and the payload.
const HeaderSize = len(HeadMagic) + 8

// MaxPayload bounds what a binary will read of its own tail: far more than
// any pack needs, and small enough that a corrupt length cannot make prep
// allocate gigabytes.
const MaxPayload = 64 << 20

// zipTime is the modification time stamped on every file of a payload, so
// the same pack always makes the same bytes (and the same checksum).
func zipTime() time.Time { return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) }

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

func damaged(format string, args ...any) *DamagedError {
	return &DamagedError{Reason: fmt.Sprintf(format, args...)}
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

// header is what opens the appended part: the payload's length.
func header(length uint64) []byte {
	return binary.LittleEndian.AppendUint64([]byte(HeadMagic), length)
}

// readTrailer reads the TrailerSize bytes that end at end. ok is false
// when they do not end in Magic.
func readTrailer(r io.ReaderAt, end int64) (t trailer, ok bool, err error) {
	if end < int64(TrailerSize) {
		return t, false, nil
	}
	var b [TrailerSize]byte
	if _, err := r.ReadAt(b[:], end-int64(TrailerSize)); err != nil {
		return t, false, err
	}
	if string(b[8+sha256.Size:]) != Magic {
		return t, false, nil
	}
	t.length = binary.LittleEndian.Uint64(b[:8])
	copy(t.sum[:], b[8:8+sha256.Size])
	return t, true, nil
}

// readHeader reads a header at off; ok is false when there is none.
func readHeader(r io.ReaderAt, off, end int64) (length uint64, ok bool, err error) {
	if off < 0 || end-off < int64(HeaderSize) {
		return 0, false, nil
	}
	var b [HeaderSize]byte
	if _, err := r.ReadAt(b[:], off); err != nil {
		return 0, false, err
	}
	if string(b[:len(HeadMagic)]) != HeadMagic {
		return 0, false, nil
	}
	return binary.LittleEndian.Uint64(b[len(HeadMagic):]), true, nil
}

// Open reads the pack attached to the binary at path. It returns nil and
// no error when the binary carries none. When nothing is attached, the
// cost is one open, one stat and a few reads of the binary's headers.
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
	loc, err := locate(r, size)
	if err != nil || !loc.found {
		return nil, err
	}
	payload := make([]byte, loc.length)
	if _, err := r.ReadAt(payload, loc.payload); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(payload)
	if sum != loc.sum {
		return nil, damaged("its checksum does not match")
	}
	zr, err := zip.NewReader(bytes.NewReader(payload), int64(len(payload)))
	if err != nil {
		return nil, damaged("not a readable zip: %v", err)
	}
	for _, f := range zr.File {
		// The loader would skip anything else; refusing it here keeps a
		// crafted payload from reaching it at all.
		name := f.Name
		if f.Mode().IsDir() {
			name = strings.TrimSuffix(name, "/")
		}
		if !fs.ValidPath(name) || (!f.Mode().IsDir() && !isYAML(name)) {
			return nil, damaged("unexpected file %q in the pack", f.Name)
		}
	}
	return &Pack{Name: cleanName(zr.Comment), FS: newPartsFS(zr), Sum: fmt.Sprintf("%x", sum)}, nil
}

// partsTag starts a file's comment in the payload that names the parts
// it declares ("parts:pack|rubrics"); a payload of an earlier prep has
// none, and its files are all read.
const partsTag = "parts:"

// partsFS is a payload's files and, for each, the parts its comment
// names: a pack.PartsFS.
type partsFS struct {
	*zip.Reader
	parts map[string]pack.Parts
}

func newPartsFS(zr *zip.Reader) fs.FS {
	pfs := &partsFS{Reader: zr, parts: make(map[string]pack.Parts, len(zr.File))}
	for _, f := range zr.File {
		if tag, ok := strings.CutPrefix(f.Comment, partsTag); ok {
			pfs.parts[f.Name] = pack.PartsOf(tag)
		}
	}
	return pfs
}

func (p *partsFS) FileParts(name string) (pack.Parts, bool) {
	ps, ok := p.parts[name]
	return ps, ok
}

// location is where a pack sits in a binary.
type location struct {
	found   bool
	base    int64 // where the program ends and the appended part starts
	payload int64 // where the payload starts
	length  uint64
	sum     [sha256.Size]byte
}

// locate finds the pack in a binary of size bytes from both ends: the
// trailer at the end, the header where the program ends. A binary with
// neither carries no pack; one with either must have both, in agreement,
// with nothing after the trailer, or it is damaged.
func locate(r io.ReaderAt, size int64) (location, error) {
	t, ok, err := readTrailer(r, size)
	if err != nil {
		return location{}, err
	}
	if ok {
		return fromTrailer(r, t, size, nil)
	}
	// Not at the end: a signed Windows binary keeps it before its
	// certificate; any other binary has either no pack or a damaged one,
	// which only where the program ends can tell apart.
	ext := programExtent(r, size)
	if ext.limit != size {
		limit, t, ok, err := trailerBefore(r, ext.limit)
		if err != nil {
			return location{}, err
		}
		if ok {
			return fromTrailer(r, t, limit, &ext)
		}
	}
	if !ext.known || ext.end >= ext.limit {
		return location{}, nil
	}
	length, ok, err := readHeader(r, ext.end, ext.limit)
	switch {
	case err != nil:
		return location{}, err
	case ok:
		return location{}, misplaced(r, ext.end, length, ext.limit)
	case headerCut(r, ext.end, ext.limit):
		return location{}, damaged("the file is cut short just after the program")
	}
	// Bytes after the program that do not start a pack, and no trailer
	// either: nothing prep wrote.
	return location{}, nil
}

// headerCut reports whether the fewer than HeaderSize bytes from off to
// end are the start of a header: a copy cut short inside it.
func headerCut(r io.ReaderAt, off, end int64) bool {
	n := end - off
	if n <= 0 || n >= int64(HeaderSize) {
		return false
	}
	b := make([]byte, n)
	if _, err := r.ReadAt(b, off); err != nil {
		return false
	}
	return bytes.HasPrefix(b, []byte(HeadMagic)) || bytes.HasPrefix([]byte(HeadMagic), b)
}

// misplaced says what is wrong with a pack whose header, at base, gives
// its length, and whose trailer is not where that length puts it, before
// limit.
func misplaced(r io.ReaderAt, base int64, length uint64, limit int64) error {
	if length > MaxPayload {
		return damaged("its start marker is damaged")
	}
	want := base + int64(HeaderSize) + int64(length) + int64(TrailerSize)
	switch {
	case limit < want:
		return damaged("the file is cut short: %s missing from its end", bytesAre(want-limit))
	case limit > want:
		if _, ok, _ := readTrailer(r, want); ok {
			return damaged("%s added after its end", bytesWere(limit-want))
		}
	}
	return damaged("its end marker is damaged")
}

// trailerBefore looks for the trailer of a signed Windows binary: it ends
// where the certificate starts, give or take the zero bytes signing adds
// to align the certificate to 8 bytes.
func trailerBefore(r io.ReaderAt, limit int64) (int64, trailer, bool, error) {
	var pad [8]byte
	if limit < int64(len(pad)) {
		return limit, trailer{}, false, nil
	}
	if _, err := r.ReadAt(pad[:], limit-int64(len(pad))); err != nil {
		return limit, trailer{}, false, err
	}
	for n := 0; n < len(pad); n++ {
		if n > 0 && pad[len(pad)-n] != 0 {
			break
		}
		t, ok, err := readTrailer(r, limit-int64(n))
		if err != nil || ok {
			return limit - int64(n), t, ok, err
		}
	}
	return limit, trailer{}, false, nil
}

// fromTrailer checks what a trailer ending at limit says against the
// header before the payload and, when there is none, against where the
// program ends (ext, read here when nil).
func fromTrailer(r io.ReaderAt, t trailer, limit int64, ext *extent) (location, error) {
	room := limit - int64(TrailerSize)
	switch {
	case t.length > uint64(room):
		return location{}, damaged("truncated: the pack should be %d bytes, only %d are there", t.length, room)
	case t.length > MaxPayload:
		return location{}, damaged("a pack of %d bytes is larger than any prep writes", t.length)
	}
	loc := location{found: true, payload: room - int64(t.length), length: t.length, sum: t.sum}
	loc.base = loc.payload - int64(HeaderSize)
	length, ok, err := readHeader(r, loc.base, loc.payload)
	if err != nil {
		return location{}, err
	}
	if ok && length == t.length {
		return loc, nil
	}
	if ext == nil {
		e := programExtent(r, limit)
		ext = &e
	}
	switch {
	case ok:
		return location{}, damaged("its start and end markers disagree on its length")
	case !ext.known || ext.end == loc.payload:
		// No header: a copy made before there were headers, whose payload
		// starts where the program ends. When the format does not say
		// where that is, the checksum still vouches for the payload.
		loc.base = loc.payload
		return loc, nil
	}
	if h, ok, _ := readHeader(r, ext.end, limit); ok {
		return location{}, misplaced(r, ext.end, h, limit)
	}
	return location{}, damaged("its start marker is damaged")
}

func bytesWere(n int64) string {
	if n == 1 {
		return "1 byte was"
	}
	return fmt.Sprintf("%d bytes were", n)
}

func bytesAre(n int64) string {
	if n == 1 {
		return "1 byte is"
	}
	return fmt.Sprintf("%d bytes are", n)
}

// Base is the length of the binary in r without any pack attached: the
// part to copy when a bundled binary gets a new pack. A damaged pack is
// still cut off when either of its ends says where it starts, so a bad
// copy can be repaired by bundling it again.
func Base(r io.ReaderAt, size int64) (int64, error) {
	loc, err := locate(r, size)
	var de *DamagedError
	switch {
	case loc.found:
		return loc.base, nil
	case err == nil:
		return size, nil
	case !errors.As(err, &de):
		return 0, err
	}
	if ext := programExtent(r, size); ext.known && ext.end <= size {
		return ext.end, nil
	}
	return 0, damaged("cannot tell where the program ends")
}

// Payload zips a pack directory's YAML files (*.yaml and *.yml, skipping
// names that start with "." as the loader does) and names the result. The
// same files and name always give the same bytes.
func Payload(dir fs.FS, name string) ([]byte, error) {
	var files []string
	err := fs.WalkDir(dir, ".", func(p string, d fs.DirEntry, err error) error {
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
		data, err := readLimited(dir, p)
		if err != nil {
			return nil, err
		}
		// The comment says which parts the file declares, so that a
		// partial load skips the others unread (pack.PartsFS).
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p, Method: zip.Deflate, Modified: zipTime(), Comment: partsTag + pack.FileParts(data).String()})
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

// CheckOutput refuses, before any work, an output path that Write must
// not replace: the binary being copied (src, when known), a directory, or
// anything else that is not a regular file, such as a device or a named
// pipe, which renaming the copy into place would replace.
func CheckOutput(dst string, src fs.FileInfo) error {
	info, err := os.Stat(dst)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// A folder that is not there is said now, not once the pack is
		// checked and the binary read.
		if _, err := os.Stat(filepath.Dir(dst)); err != nil {
			return cannotWrite(dst, err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("%s: cannot check it: %v; give -o another path", dst, describe(err))
	case src != nil && os.SameFile(src, info):
		return fmt.Errorf("%s: that is the binary being copied; write the copy to another file with -o", dst)
	case info.IsDir():
		return fmt.Errorf("%s: is a directory; give -o the path of the file to write", dst)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s: not a regular file (%s); prep writes the copy only as a new file or over a regular one: give -o another path", dst, filekind.Of(info.Mode()))
	}
	return nil
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
	if err := CheckOutput(dst, inInfo); err != nil {
		return err
	}
	base, err := Base(in, inInfo.Size())
	if err != nil {
		return fmt.Errorf("%s: cannot bundle it: %v; start again from a release binary", src, err)
	}

	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".*.tmp")
	if err != nil {
		return cannotWrite(dst, err)
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
	if _, err := tmp.Write(header(uint64(len(payload)))); err != nil {
		return fmt.Errorf("%s: cannot write: %v", dst, describe(err))
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

// cannotWrite is the error for a copy that cannot be written in its
// folder.
func cannotWrite(dst string, err error) error {
	return fmt.Errorf("%s: cannot write: %v; check that the folder %s exists and that you can write in it, or give -o another path", dst, describe(err), filepath.Dir(dst))
}

// readLimited reads a pack file, refusing what no payload could hold.
func readLimited(fsys fs.FS, p string) ([]byte, error) {
	if info, err := fs.Stat(fsys, p); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%s)", p, filekind.Of(info.Mode()))
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxPayload+1))
	if err == nil && len(data) > MaxPayload {
		err = fmt.Errorf("%s: larger than the %d bytes a binary will read", p, MaxPayload)
	}
	return data, err
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
