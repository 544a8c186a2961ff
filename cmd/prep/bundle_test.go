package main

import (
	"bytes"
	"debug/buildinfo"
	"debug/macho"
	"debug/pe"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/bundle"
)

// These tests run prep as a recruiter and an applicant would. prep is
// this test binary (see TestMain), which is prep's main package, so
// `prep content bundle` takes it for prep. The Windows and macOS binaries
// TestOtherPlatforms bundles are cross-compiled once, outside the tests,
// by .ci/run; it names their directory in platformsEnv.

// asPrepEnv makes this test binary run as prep whatever its name: the
// copies bundle writes are named v1, damaged and so on.
const asPrepEnv = "PREP_TEST_AS_PREP"

// platformsEnv names a directory holding prep built for other platforms,
// as <goos>_<goarch>/prep (prep.exe for Windows).
const platformsEnv = "PREP_TEST_PLATFORM_BINARIES"

// prepFor is a release-like prep for another platform, built outside the
// tests.
func prepFor(t *testing.T, goos, goarch string) string {
	t.Helper()
	dir := os.Getenv(platformsEnv)
	if dir == "" {
		t.Skipf("needs prep cross-compiled for %s/%s: set %s to a directory of <goos>_<goarch>/prep builds (.ci/run does)", goos, goarch, platformsEnv)
	}
	name := "prep"
	if goos == "windows" {
		name += ".exe"
	}
	p := filepath.Join(dir, goos+"_"+goarch, name)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%s names %s, but %v", platformsEnv, dir, err)
	}
	return p
}

// hostPrep is prep for this system: this test binary, under the name
// prep that testscript.Main gave it on PATH.
func hostPrep(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the end-to-end run uses a Unix shell layout")
	}
	return prepBinary(t)
}

type result struct {
	code           int
	stdout, stderr string
}

// runBin runs a binary as on a fresh shell: no PREP_* settings, a home of
// its own, no terminal.
func runBin(t *testing.T, dir, bin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	home := filepath.Join(dir, "home")
	cmd.Env = []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"), "PATH=" + os.Getenv("PATH"), asPrepEnv + "=1"}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var ee *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("%s %v: %v", bin, args, err)
	}
	return result{code, out.String(), errOut.String()}
}

func (r result) must(t *testing.T, code int) result {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	return r
}

func edit(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func appendTo(t *testing.T, file, text string) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

const ledgerExercise = `
  - id: acme-ledger
    title: Acme's payments ledger at 100x
    kind: scale
    prompt: >-
      Every payment is written to one Postgres primary. A partner brings
      100x the volume tomorrow. What breaks first?
`

var versionLine = regexp.MustCompile(`(?m)content: acme 0\.1\.0 \(embedded \+ bundled:acme; sha256 [0-9a-f]{12}\)$`)

// The recruiter's journey, start to end, and the applicant's first run.
func TestRecruiterJourney(t *testing.T) {
	prep := hostPrep(t)
	dir := t.TempDir()

	runBin(t, dir, prep, "content", "init", "acme", "--company", "Acme").must(t, 0)
	edit(t, filepath.Join(dir, "acme", "panels", "1-background.yaml"), "title: Background Panel", "title: Acme Background Panel")
	appendTo(t, filepath.Join(dir, "acme", "banks", "exercises-scale.yaml"), strings.Replace(ledgerExercise, "prompt:", "promt:", 1))

	// A misspelt key: every problem with file and line, exit 1, and bundle
	// writes nothing.
	r := runBin(t, dir, prep, "content", "validate", "acme").must(t, 1)
	for _, want := range []string{`exercise "acme-ledger" has no prompt`, `unknown key "promt"`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("validate does not report %q:\n%s", want, r.stdout)
		}
	}
	b := runBin(t, dir, prep, "content", "bundle", "acme", "-o", "prep-acme").must(t, 1)
	if b.stdout != r.stdout {
		t.Errorf("bundle lists problems differently from validate:\n%s", cmp.Diff(r.stdout, b.stdout))
	}
	if _, err := os.Stat(filepath.Join(dir, "prep-acme")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("bundle wrote a copy of an invalid pack")
	}

	edit(t, filepath.Join(dir, "acme", "banks", "exercises-scale.yaml"), "promt:", "prompt:")
	runBin(t, dir, prep, "content", "validate", "acme").must(t, 0)
	b = runBin(t, dir, prep, "content", "bundle", "acme", "-o", "prep-acme").must(t, 0)
	if !versionLine.MatchString(b.stderr) {
		t.Errorf("bundle does not say what the copy's version will show:\n%s", b.stderr)
	}

	// The applicant: no flags, nothing but the file.
	applicant := t.TempDir()
	copied := filepath.Join(applicant, "prep-acme")
	data, err := os.ReadFile(filepath.Join(dir, "prep-acme"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copied, data, 0o755); err != nil {
		t.Fatal(err)
	}
	v := runBin(t, applicant, copied, "version").must(t, 0)
	if got := versionLine.FindString(v.stdout); got == "" || !strings.Contains(b.stderr, got) {
		t.Errorf("the copy's version line %q is not the one bundle promised:\n%s", v.stdout, b.stderr)
	}
	if s := runBin(t, applicant, copied, "content", "show", "panel/background").must(t, 0); !strings.HasPrefix(s.stdout, "Acme Background Panel\n") {
		t.Errorf("the copy shows another Background Panel:\n%s", s.stdout)
	}
	if s := runBin(t, applicant, copied, "content", "show", "exercise/acme-ledger").must(t, 0); !strings.HasPrefix(s.stdout, "Acme's payments ledger at 100x") {
		t.Errorf("the copy does not have the new exercise:\n%s", s.stdout)
	}
	// --content still goes over the bundled pack.
	over := filepath.Join(applicant, "over")
	if err := os.MkdirAll(over, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(over, "p.yaml"), []byte("panels:\n  - id: background\n    title: Mine\n    summary: s\n    overview: o\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s := runBin(t, applicant, copied, "--content", "over", "content", "show", "panel/background").must(t, 0); !strings.HasPrefix(s.stdout, "Mine\n") {
		t.Errorf("--content does not go over the bundled pack:\n%s", s.stdout)
	}
	if s := runBin(t, applicant, copied, "--content", "over", "version").must(t, 0); !strings.Contains(s.stdout, "(embedded + bundled:acme + over; sha256 ") {
		t.Errorf("version with --content over a bundled pack:\n%s", s.stdout)
	}
	// The plain binary is untouched.
	if s := runBin(t, dir, prep, "version").must(t, 0); !strings.Contains(s.stdout, "content: default ") {
		t.Errorf("the original binary changed its pack:\n%s", s.stdout)
	}
}

// Bundling a bundled copy replaces its pack; a damaged pack stops every
// command that needs content, in one line, with exit 2.
func TestReplaceAndDamage(t *testing.T) {
	prep := hostPrep(t)
	dir := t.TempDir()
	runBin(t, dir, prep, "content", "init", "acme").must(t, 0)
	// A pack of two files replaces and breaks as well as init's whole
	// copy, whose YAML each bundle and each run of a copy would parse.
	for _, sub := range []string{"banks", "examples", "panels", "reference"} {
		if err := os.RemoveAll(filepath.Join(dir, "acme", sub)); err != nil {
			t.Fatal(err)
		}
	}
	rubrics, _ := filepath.Glob(filepath.Join(dir, "acme", "rubrics", "*.yaml"))
	for _, r := range rubrics {
		if filepath.Base(r) != "star.yaml" {
			os.Remove(r)
		}
	}
	runBin(t, dir, prep, "content", "bundle", "acme", "-o", "v1").must(t, 0)
	edit(t, filepath.Join(dir, "acme", "pack.yaml"), `version: "0.1.0"`, `version: "0.2.0"`)

	// The bundled copy bundles itself into a new file...
	v1 := filepath.Join(dir, "v1")
	runBin(t, dir, v1, "content", "bundle", "acme", "-o", "v2").must(t, 0)
	if s := runBin(t, dir, filepath.Join(dir, "v2"), "version").must(t, 0); !strings.Contains(s.stdout, "content: acme 0.2.0 (embedded + bundled:acme; ") {
		t.Errorf("v2 version:\n%s", s.stdout)
	}
	// ...but never over itself.
	before, _ := os.ReadFile(v1)
	r := runBin(t, dir, v1, "content", "bundle", "acme", "-o", "v1").must(t, 2)
	if !strings.Contains(r.stderr, "the binary being copied") {
		t.Errorf("bundling over itself: %s", r.stderr)
	}
	if after, _ := os.ReadFile(v1); !bytes.Equal(before, after) {
		t.Error("bundling over itself changed the binary")
	}
	sizeV2 := fileSize(t, filepath.Join(dir, "v2"))
	if d := sizeV2 - fileSize(t, v1); d < -64 || d > 64 {
		t.Errorf("v2 is %d bytes larger than v1; the old pack was not replaced", d)
	}

	// One flipped byte inside the pack.
	data, _ := os.ReadFile(filepath.Join(dir, "v2"))
	data[len(data)-bundle.TrailerSize-100] ^= 0x20
	damaged := filepath.Join(dir, "damaged")
	if err := os.WriteFile(damaged, data, 0o755); err != nil {
		t.Fatal(err)
	}
	// Errors start with the name the copy was run as.
	want := "damaged: " + damaged + ": its bundled content pack is damaged (its checksum does not match); ask the sender for a new copy\n"
	for _, args := range [][]string{{"version"}, {"content", "list"}, {"content", "show", "panel/background"}, {"check", "-"}} {
		r := runBin(t, dir, damaged, args...).must(t, 2)
		if r.stderr != want {
			t.Errorf("%v: stderr %q, want %q", args, r.stderr, want)
		}
		if strings.Contains(r.stdout, "content:") || strings.Contains(r.stdout, "Background Panel") {
			t.Errorf("%v fell back to a pack:\n%s", args, r.stdout)
		}
	}
	// Bundling again repairs it.
	runBin(t, dir, damaged, "content", "bundle", "acme", "-o", "repaired").must(t, 0)
	runBin(t, dir, filepath.Join(dir, "repaired"), "content", "list").must(t, 0)

	// Damage at either end: cut short, something added, a marker changed.
	// Each says so in one line and exits 2; none runs the built-in pack.
	good, _ := os.ReadFile(filepath.Join(dir, "v2"))
	n := len(good)
	flip := func(i int) []byte {
		b := bytes.Clone(good)
		b[i] ^= 0x01
		return b
	}
	for _, tt := range []struct {
		name, reason string
		data         []byte
	}{
		{"cut-by-one-byte", "the file is cut short: 1 byte is missing from its end", good[:n-1]},
		{"cut-in-the-pack", "the file is cut short", good[:n-bundle.TrailerSize-500]},
		{"newline-appended", "1 byte was added after its end", append(bytes.Clone(good), '\n')},
		{"end-marker-damaged", "its end marker is damaged", flip(n - 2)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bin := filepath.Join(dir, tt.name)
			if err := os.WriteFile(bin, tt.data, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"version"}, {"content", "list"}} {
				r := runBin(t, dir, bin, args...)
				if r.code != 2 || !strings.HasPrefix(r.stderr, tt.name+": "+bin+": its bundled content pack is damaged ("+tt.reason) ||
					strings.Count(r.stderr, "\n") != 1 || strings.Contains(r.stdout, "content:") {
					t.Errorf("%v: exit %d, stderr %q, stdout %q; want exit 2 and one line saying %q", args, r.code, r.stderr, r.stdout, tt.reason)
				}
			}
		})
	}
	// Cut back to the program alone, it is a plain prep again.
	plain := filepath.Join(dir, "plain")
	if err := os.WriteFile(plain, good[:fileSize(t, prep)], 0o755); err != nil {
		t.Fatal(err)
	}
	if s := runBin(t, dir, plain, "version").must(t, 0); !strings.Contains(s.stdout, "(embedded; sha256 ") {
		t.Errorf("the program alone:\n%s", s.stdout)
	}
}

func fileSize(t *testing.T, p string) int64 {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}

// A Windows or macOS copy is made on Linux from a release binary: it must
// still be an executable of the same kind, its program bytes untouched.
func TestOtherPlatforms(t *testing.T) {
	if os.Getenv(platformsEnv) == "" {
		t.Skipf("needs prep cross-compiled for windows/amd64 and darwin/arm64: set %s to a directory of <goos>_<goarch>/prep builds (.ci/run does)", platformsEnv)
	}
	prep := hostPrep(t)
	dir := t.TempDir()
	runBin(t, dir, prep, "content", "init", "acme").must(t, 0)

	tests := []struct {
		goos, goarch, out string
		check             func(t *testing.T, path string, origSize int64)
	}{
		{"windows", "amd64", "prep-acme.exe", checkPE},
		{"darwin", "arm64", "prep-acme", checkMachO},
	}
	for _, tt := range tests {
		t.Run(tt.goos+"_"+tt.goarch, func(t *testing.T) {
			src := prepFor(t, tt.goos, tt.goarch)
			out := filepath.Join(dir, tt.goos, tt.out)
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				t.Fatal(err)
			}
			r := runBin(t, dir, prep, "content", "bundle", "acme", "-o", out, "--binary", src).must(t, 0)
			if !strings.Contains(r.stdout, "prep for "+tt.goos+"/"+tt.goarch+" with the content pack acme 0.1.0") {
				t.Errorf("bundle output:\n%s", r.stdout)
			}
			orig, _ := os.ReadFile(src)
			got, _ := os.ReadFile(out)
			if !bytes.HasPrefix(got, orig) {
				t.Fatal("the program part of the copy differs from the release binary")
			}
			tt.check(t, out, int64(len(orig)))

			// What a second bundle reads to know the platform still reads.
			info, err := buildinfo.ReadFile(out)
			if err != nil || info.Path != "github.com/prepcli/prep/cmd/prep" {
				t.Errorf("build info of the copy: %v, %v", info, err)
			}
			p, err := bundle.Open(out)
			if err != nil || p == nil || p.Name != "acme" {
				t.Errorf("the pack does not read back: %v, %v", p, err)
			}
		})
	}

	// Signing a Windows copy after bundling, as the docs advise, puts the
	// certificate after the pack: the pack is still found before it.
	signed := filepath.Join(dir, "signed.exe")
	data, err := os.ReadFile(filepath.Join(dir, "windows", "prep-acme.exe"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(signed, fakeSign(t, data), 0o755); err != nil {
		t.Fatal(err)
	}
	if p, err := bundle.Open(signed); err != nil || p == nil || p.Name != "acme" {
		t.Errorf("the pack of a signed copy: %v, %v; want it found", p, err)
	}

	// A Windows copy without .exe gets a note, not a refusal.
	r := runBin(t, dir, prep, "content", "bundle", "acme", "-o", "prep-acme-win", "--binary", prepFor(t, "windows", "amd64")).must(t, 0)
	if !strings.Contains(r.stderr, "name the copy prep-acme-win.exe") {
		t.Errorf("no .exe note:\n%s", r.stderr)
	}
}

// fakeSign does to a PE file what Authenticode signing does to its
// layout: zero bytes to an 8-byte boundary, a certificate table appended,
// and the security directory pointing at it.
func fakeSign(t *testing.T, data []byte) []byte {
	t.Helper()
	out := bytes.Clone(data)
	for len(out)%8 != 0 {
		out = append(out, 0)
	}
	off := len(out)
	cert := make([]byte, 16)
	binary.LittleEndian.PutUint32(cert, uint32(len(cert)))
	binary.LittleEndian.PutUint16(cert[4:], 0x0200) // WIN_CERT_REVISION_2_0
	binary.LittleEndian.PutUint16(cert[6:], 0x0002) // WIN_CERT_TYPE_PKCS_SIGNED_DATA
	out = append(out, cert...)
	opt := int(binary.LittleEndian.Uint32(out[0x3c:])) + 24
	if binary.LittleEndian.Uint16(out[opt:]) != 0x20b {
		t.Fatal("not a PE32+ file")
	}
	dir := opt + 112 + 4*8 // IMAGE_DIRECTORY_ENTRY_SECURITY
	binary.LittleEndian.PutUint32(out[dir:], uint32(off))
	binary.LittleEndian.PutUint32(out[dir+4:], uint32(len(cert)))
	if f, err := pe.NewFile(bytes.NewReader(out)); err != nil {
		t.Fatalf("not a PE file once signed: %v", err)
	} else if d := f.OptionalHeader.(*pe.OptionalHeader64).DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_SECURITY]; d.VirtualAddress != uint32(off) {
		t.Fatalf("security directory %+v", d)
	}
	return out
}

func checkPE(t *testing.T, path string, _ int64) {
	f, err := pe.Open(path)
	if err != nil {
		t.Fatalf("not a PE file any more: %v", err)
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("machine %#x, want amd64", f.Machine)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok || oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_CUI {
		t.Errorf("optional header %T, want a 64-bit console program", f.OptionalHeader)
	}
	if f.Section(".text") == nil {
		t.Error("no .text section")
	}
}

func checkMachO(t *testing.T, path string, origSize int64) {
	f, err := macho.Open(path)
	if err != nil {
		t.Fatalf("not a Mach-O file any more: %v", err)
	}
	defer f.Close()
	if f.Cpu != macho.CpuArm64 || f.Type != macho.TypeExec {
		t.Errorf("cpu %v type %v, want an arm64 executable", f.Cpu, f.Type)
	}
	// Apple silicon runs only signed code; Go's linker signs ad hoc. The
	// signature must still be there and still end inside the original
	// bytes, which the copy keeps as they were.
	const lcCodeSignature = 0x1d
	found := false
	for _, l := range f.Loads {
		raw := l.Raw()
		if len(raw) >= 16 && f.ByteOrder.Uint32(raw) == lcCodeSignature {
			found = true
			off, size := binary.LittleEndian.Uint32(raw[8:]), binary.LittleEndian.Uint32(raw[12:])
			if int64(off)+int64(size) > origSize {
				t.Errorf("code signature at %d+%d reaches past the original %d bytes", off, size, origSize)
			}
		}
	}
	if !found {
		t.Error("no code signature load command")
	}
}
