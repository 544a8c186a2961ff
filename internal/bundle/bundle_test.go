package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/prepcli/prep/internal/pack"
)

// fakeBinary stands in for an executable: the package never looks inside
// the program part, only at its tail.
func fakeBinary(t *testing.T, dir string) (string, []byte) {
	t.Helper()
	data := append([]byte("\x7fELF"), bytes.Repeat([]byte("program bytes "), 4000)...)
	p := filepath.Join(dir, "prep")
	if err := os.WriteFile(p, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return p, data
}

func packFS(version string) fstest.MapFS {
	return fstest.MapFS{
		"pack.yaml":             {Data: []byte("pack:\n  name: acme\n  version: \"" + version + "\"\n")},
		"panels/background.yml": {Data: []byte("panels:\n  - id: background\n    title: Acme\n")},
		"banks/scale.yaml":      {Data: []byte("exercises: []\n")},
		".git/config":           {Data: []byte("not part of the pack")},
		"notes/.draft.yaml":     {Data: []byte("an editor's backup")},
		"README.md":             {Data: []byte("not yaml")},
	}
}

// files reads every file of a pack back, by path.
func files(t *testing.T, fsys fs.FS) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		out[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func mustPayload(t *testing.T, fsys fs.FS, name string) []byte {
	t.Helper()
	p, err := Payload(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// writeCopy writes a copy of a fake binary carrying payload, and returns
// the copy's path, the binary's and the binary's bytes.
func writeCopy(t *testing.T, payload []byte) (dst, src string, orig []byte) {
	t.Helper()
	dir := t.TempDir()
	src, orig = fakeBinary(t, dir)
	dst = filepath.Join(dir, "prep-acme")
	if err := Write(dst, src, payload); err != nil {
		t.Fatal(err)
	}
	return dst, src, orig
}

func TestAttachAndRead(t *testing.T) {
	dst, src, orig := writeCopy(t, mustPayload(t, packFS("1"), "acme"))

	got, err := Open(dst)
	if err != nil || got == nil {
		t.Fatalf("Open = %v, %v; want the attached pack", got, err)
	}
	if got.Name != "acme" {
		t.Errorf("name = %q, want acme", got.Name)
	}
	// Only the pack's YAML travels: no VCS files, editor files or notes.
	want := map[string]string{
		"pack.yaml":             "pack:\n  name: acme\n  version: \"1\"\n",
		"panels/background.yml": "panels:\n  - id: background\n    title: Acme\n",
		"banks/scale.yaml":      "exercises: []\n",
	}
	if diff := cmp.Diff(want, files(t, got.FS)); diff != "" {
		t.Errorf("files read back (-want +got):\n%s", diff)
	}

	out, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, orig) {
		t.Error("the program part of the copy differs from the original; it must stay byte for byte")
	}
	if !strings.HasSuffix(string(out), Magic) {
		t.Error("the copy does not end in the magic")
	}
	if runtime.GOOS != "windows" {
		info, err := os.Stat(dst)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o755 {
			t.Errorf("mode = %v, want 0755 so the copy runs", info.Mode().Perm())
		}
	}
	if src, _ := os.ReadFile(src); !bytes.Equal(src, orig) {
		t.Error("the source binary changed")
	}
}

func TestNoPack(t *testing.T) {
	dir := t.TempDir()
	src, _ := fakeBinary(t, dir)
	tiny := filepath.Join(dir, "tiny")
	if err := os.WriteFile(tiny, []byte("#!"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{src, tiny} {
		got, err := Open(p)
		if got != nil || err != nil {
			t.Errorf("Open(%s) = %v, %v; want nothing attached", filepath.Base(p), got, err)
		}
	}
	if _, err := Open(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(missing) error = %v, want not exist", err)
	}
}

// Bundling a bundled copy replaces its pack: the program part is the
// original, and only the new pack is there.
func TestReplace(t *testing.T) {
	dir := t.TempDir()
	src, orig := fakeBinary(t, dir)
	first := filepath.Join(dir, "first")
	second := filepath.Join(dir, "second")
	if err := Write(first, src, mustPayload(t, packFS("1"), "acme")); err != nil {
		t.Fatal(err)
	}
	p2 := mustPayload(t, packFS("2"), "acme-2")
	if err := Write(second, first, p2); err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(second)
	if err != nil {
		t.Fatal(err)
	}
	want := append(append(append(append([]byte{}, orig...), header(uint64(len(p2)))...), p2...), trailer{uint64(len(p2)), sha256.Sum256(p2)}.encode()...)
	if !bytes.Equal(out, want) {
		t.Fatalf("second copy is %d bytes, want %d: the original, one header, the new pack and one trailer", len(out), len(want))
	}
	got, err := Open(second)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "acme-2" || files(t, got.FS)["pack.yaml"] != "pack:\n  name: acme\n  version: \"2\"\n" {
		t.Errorf("second copy carries %q %q, want the new pack", got.Name, files(t, got.FS)["pack.yaml"])
	}

	// Over an existing output, in place.
	if err := Write(first, second, mustPayload(t, packFS("3"), "acme-3")); err != nil {
		t.Fatal(err)
	}
	if got, err := Open(first); err != nil || got.Name != "acme-3" {
		t.Errorf("rewritten copy: %v, %v; want acme-3", got, err)
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(tmp) > 0 {
		t.Errorf("temporary files left behind: %v", tmp)
	}
}

func TestDamaged(t *testing.T) {
	payload := mustPayload(t, packFS("1"), "acme")
	prog := []byte("\x7fELF the program")
	withTrailer := func(p []byte, length uint64, sum [32]byte) []byte {
		b := append(append([]byte{}, prog...), p...)
		return append(b, trailer{length, sum}.encode()...)
	}
	good := withTrailer(payload, uint64(len(payload)), sha256.Sum256(payload))

	flipped := bytes.Clone(good)
	flipped[len(prog)+len(payload)/2] ^= 0x01

	notZip := []byte("this is not a zip archive")
	var evil bytes.Buffer
	zw := zip.NewWriter(&evil)
	if _, err := zw.Create("bin/payload.sh"); err != nil {
		t.Fatal(err)
	}
	zw.Close()

	tests := []struct {
		name   string
		data   []byte
		reason string
	}{
		{"a flipped byte", flipped, "checksum does not match"},
		{"longer than the file", withTrailer(payload, uint64(len(good)), sha256.Sum256(payload)), "truncated"},
		{"a huge length", withTrailer(payload, 1<<62, sha256.Sum256(payload)), "truncated"},
		{"not a zip", withTrailer(notZip, uint64(len(notZip)), sha256.Sum256(notZip)), "not a readable zip"},
		{"not yaml", withTrailer(evil.Bytes(), uint64(evil.Len()), sha256.Sum256(evil.Bytes())), `unexpected file "bin/payload.sh"`},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-"))
			if err := os.WriteFile(p, tt.data, 0o755); err != nil {
				t.Fatal(err)
			}
			got, err := Open(p)
			var de *DamagedError
			if got != nil || !errors.As(err, &de) {
				t.Fatalf("Open = %v, %v; want a DamagedError", got, err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, p+": its bundled content pack is damaged (") ||
				!strings.Contains(msg, tt.reason) ||
				!strings.HasSuffix(msg, "); ask the sender for a new copy") ||
				strings.Contains(msg, "\n") {
				t.Errorf("error = %q; want one line naming the file, %q and what to do", msg, tt.reason)
			}
		})
	}

	// A damaged copy can still be bundled again: its program part is found
	// from the trailer, and the new pack replaces the bad one.
	bad := filepath.Join(dir, "bad")
	if err := os.WriteFile(bad, flipped, 0o755); err != nil {
		t.Fatal(err)
	}
	fixed := filepath.Join(dir, "fixed")
	if err := Write(fixed, bad, payload); err != nil {
		t.Fatal(err)
	}
	fixedWant := append(append(append(append([]byte{}, prog...), header(uint64(len(payload)))...), payload...), good[len(prog)+len(payload):]...)
	if out, _ := os.ReadFile(fixed); !bytes.Equal(out, fixedWant) {
		t.Error("re-bundling a damaged copy did not give a good one")
	}
}

func TestWriteRefuses(t *testing.T) {
	dir := t.TempDir()
	src, orig := fakeBinary(t, dir)
	payload := mustPayload(t, packFS("1"), "acme")

	if err := Write(src, src, payload); err == nil || !strings.Contains(err.Error(), "the binary being copied") {
		t.Errorf("Write over its own source: %v; want a refusal", err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Link(src, link); err == nil {
		if err := Write(link, src, payload); err == nil {
			t.Error("Write over a hard link to its source succeeded; want a refusal")
		}
	}
	if got, _ := os.ReadFile(src); !bytes.Equal(got, orig) {
		t.Error("the source binary changed")
	}

	if err := Write(filepath.Join(dir, "out"), filepath.Join(dir, "missing"), payload); err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "missing")+": ") {
		t.Errorf("missing source: %v; want an error naming it", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a failed Write left an output file")
	}
	if err := Write(dir, src, payload); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("output is a directory: %v; want a refusal", err)
	}
	if err := Write(filepath.Join(dir, "no", "such", "dir", "out"), src, payload); err == nil {
		t.Error("Write into a missing directory succeeded")
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(tmp) > 0 {
		t.Errorf("temporary files left behind: %v", tmp)
	}
}

// The same pack gives the same bytes, so the checksum prep version shows
// depends on the content only.
func TestPayloadIsReproducible(t *testing.T) {
	a := mustPayload(t, packFS("1"), "acme")
	b := mustPayload(t, packFS("1"), "acme")
	if !bytes.Equal(a, b) {
		t.Error("two payloads of the same pack differ")
	}
	if _, err := Payload(fstest.MapFS{"README.md": {Data: []byte("x")}}, "x"); err == nil {
		t.Error("Payload of a directory with no YAML succeeded")
	}
}

func TestNameIsOneShortLine(t *testing.T) {
	for in, want := range map[string]string{
		"acme":                   "acme",
		"":                       "unnamed",
		"two words\nand\x1b[31m": "two-words-and-[31m",
		strings.Repeat("x", 100): strings.Repeat("x", 64),
	} {
		if got := cleanName(in); got != want {
			t.Errorf("cleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

// The start-up cost of a binary that carries no pack: what every run of
// an ordinary prep pays.
func BenchmarkOpenNoPack(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Skip(err)
	}
	for b.Loop() {
		if p, err := Open(exe); p != nil || err != nil {
			b.Fatal(p, err)
		}
	}
}

// The start-up cost of a bundled copy whose pack is the size of the whole
// built-in one (a recruiter who kept every file of prep content init).
func BenchmarkOpenPack(b *testing.B) {
	dir := b.TempDir()
	src := filepath.Join(dir, "prep")
	if err := os.WriteFile(src, bytes.Repeat([]byte{0x90}, 10<<20), 0o755); err != nil {
		b.Fatal(err)
	}
	payload, err := Payload(os.DirFS(filepath.Join("..", "..", "content")), "acme")
	if err != nil {
		b.Fatal(err)
	}
	dst := filepath.Join(dir, "prep-acme")
	if err := Write(dst, src, payload); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(payload)), "payload-bytes")
	for b.Loop() {
		if p, err := Open(dst); p == nil || err != nil {
			b.Fatal(p, err)
		}
	}
}

// Whatever the tail of a binary holds, Read answers nothing, a pack or an
// error: never a panic, and never a pack whose checksum does not match.
func FuzzRead(f *testing.F) {
	payload, err := Payload(packFS("1"), "acme")
	if err != nil {
		f.Fatal(err)
	}
	good := append(append([]byte("\x7fELF"), payload...), trailer{uint64(len(payload)), sha256.Sum256(payload)}.encode()...)
	f.Add(good)
	f.Add(append(append(append([]byte("\x7fELF"), header(uint64(len(payload)))...), payload...), trailer{uint64(len(payload)), sha256.Sum256(payload)}.encode()...))
	f.Add([]byte(Magic))
	f.Add(append(make([]byte, 40), Magic...))
	f.Add(append(bytes.Repeat([]byte{0xff}, 40), Magic...))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Read(bytes.NewReader(data), int64(len(data)))
		if p != nil && err != nil {
			t.Fatal("both a pack and an error")
		}
		if p != nil {
			files(t, p.FS)
		}
		if _, err := Base(bytes.NewReader(data), int64(len(data))); err != nil {
			var de *DamagedError
			if !errors.As(err, &de) {
				t.Fatalf("Base error %v is not a DamagedError", err)
			}
		}
	})
}

// realBinary copies the test binary, a real executable of this platform,
// into dir: where its program ends is what its own headers say.
func realBinary(t *testing.T, dir string) (string, []byte) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Skip("no path to the test binary:", err)
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "prep")
	if err := os.WriteFile(p, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return p, data
}

// A copy damaged in transit (cut short, something added after it, either
// marker changed) says so, from whichever end survived; it never runs as
// a binary without a pack. Only the program alone, the pack cut off
// whole, is one.
func TestDamageSeenFromEitherEnd(t *testing.T) {
	dir := t.TempDir()
	src, prog := realBinary(t, dir)
	good := filepath.Join(dir, "prep-acme")
	if err := Write(good, src, mustPayload(t, packFS("1"), "acme")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	n := len(data)
	end := len(prog) // where the program ends and the pack starts
	flip := func(i int) []byte {
		b := bytes.Clone(data)
		b[i] ^= 0x04
		return b
	}
	tests := []struct {
		name   string
		data   []byte
		reason string // "" for no pack at all
	}{
		{"cut by one byte", data[:n-1], "cut short: 1 byte is missing from its end"},
		{"cut inside the trailer", data[:n-20], "cut short: 20 bytes are missing from its end"},
		{"cut inside the pack", data[:n-TrailerSize-100], "cut short"},
		{"cut just after the program", data[:end+10], "cut short just after the program"},
		{"a newline appended", append(bytes.Clone(data), '\n'), "1 byte was added after its end"},
		{"a page appended", append(bytes.Clone(data), make([]byte, 4096)...), "4096 bytes were added after its end"},
		{"the end marker damaged", flip(n - 3), "end marker is damaged"},
		{"the start marker damaged", flip(end + 2), "start marker is damaged"},
		{"the length at the start damaged", flip(end + len(HeadMagic)), "disagree"},
		{"the length at the end damaged", flip(n - TrailerSize), "end marker is damaged"},
		{"a byte of the pack changed", flip(n - TrailerSize - 50), "checksum does not match"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Read(bytes.NewReader(tt.data), int64(len(tt.data)))
			var de *DamagedError
			if p != nil || !errors.As(err, &de) {
				t.Fatalf("Read = %v, %v; want a DamagedError", p, err)
			}
			if !strings.Contains(de.Reason, tt.reason) {
				t.Errorf("reason %q; want it to say %q", de.Reason, tt.reason)
			}
			// Bundling it again cuts the whole damaged pack off.
			if base, err := Base(bytes.NewReader(tt.data), int64(len(tt.data))); err != nil || base != int64(end) {
				t.Errorf("Base = %d, %v; want %d, where the program ends", base, err, end)
			}
		})
	}

	// The program alone carries no pack, and is no damage.
	if p, err := Read(bytes.NewReader(prog), int64(len(prog))); p != nil || err != nil {
		t.Errorf("the program alone: %v, %v; want no pack", p, err)
	}
	// A copy made before the header existed (a trailer only) still reads.
	payload := mustPayload(t, packFS("1"), "acme")
	old := append(append(bytes.Clone(prog), payload...), trailer{uint64(len(payload)), sha256.Sum256(payload)}.encode()...)
	if p, err := Read(bytes.NewReader(old), int64(len(old))); p == nil || err != nil {
		t.Errorf("a copy with a trailer only: %v, %v; want its pack", p, err)
	}
	if base, err := Base(bytes.NewReader(old), int64(len(old))); err != nil || base != int64(end) {
		t.Errorf("Base of a copy with a trailer only = %d, %v; want %d", base, err, end)
	}
}

// Where the program ends, read from the test binary's own headers: all of
// it, since nothing follows a program the linker wrote.
func TestProgramExtent(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	f, err := os.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	ext := programExtent(f, info.Size())
	if want := (extent{end: info.Size(), limit: info.Size(), known: true}); ext != want {
		t.Errorf("programExtent = %+v, want %+v", ext, want)
	}
	for _, data := range [][]byte{nil, []byte("\x7fELF"), []byte("MZ"), {0xcf, 0xfa, 0xed, 0xfe}, {0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 60}, []byte("#!/bin/sh\n")} {
		if ext := programExtent(bytes.NewReader(data), int64(len(data))); ext.known {
			t.Errorf("programExtent(%q) = %+v; want unknown", data, ext)
		}
	}
}

// Whatever a file's headers say, programExtent answers without a panic,
// and never puts the program's end past the file's.
func FuzzProgramExtent(f *testing.F) {
	if exe, err := os.Executable(); err == nil {
		if data, err := os.ReadFile(exe); err == nil {
			f.Add(data[:min(len(data), 8192)])
		}
	}
	f.Add([]byte("MZ"))
	f.Add(append([]byte{0xcf, 0xfa, 0xed, 0xfe}, make([]byte, 64)...))
	f.Add([]byte{0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8})
	f.Fuzz(func(t *testing.T, data []byte) {
		ext := programExtent(bytes.NewReader(data), int64(len(data)))
		if ext.limit > int64(len(data)) || ext.end < 0 {
			t.Fatalf("extent %+v of %d bytes", ext, len(data))
		}
	})
}

// A payload says which parts each file declares, and the pack read back
// gives them, so a partial load can leave the others unread.
func TestPayloadRecordsEachFilesParts(t *testing.T) {
	dst, _, _ := writeCopy(t, mustPayload(t, packFS("1"), "acme"))
	p, err := Open(dst)
	if err != nil || p == nil {
		t.Fatalf("Open: %v, %v", p, err)
	}
	hints, ok := p.FS.(pack.PartsFS)
	if !ok {
		t.Fatalf("the pack read back (%T) does not say which parts its files declare", p.FS)
	}
	got := map[string]pack.Parts{}
	want := map[string]pack.Parts{}
	for name, data := range files(t, p.FS) {
		want[name] = pack.FileParts([]byte(data))
		if ps, ok := hints.FileParts(name); ok {
			got[name] = ps
		}
	}
	if len(want) != 3 {
		t.Errorf("%d files read back, want the 3 YAML files", len(want))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parts by file (-from the bytes +recorded):\n%s", diff)
	}
}
