package bundle

import (
	"bytes"
	"debug/buildinfo"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Our reader must agree with the standard library's on a real binary: the
// test binary itself.
func TestReadBuildInfoAgreesWithTheStandardLibrary(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip("no path to the test binary:", err)
	}
	std, err := buildinfo.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	want := BuildInfo{Path: std.Path, Version: std.Main.Version}
	for _, s := range std.Settings {
		switch s.Key {
		case "GOOS":
			want.GOOS = s.Value
		case "GOARCH":
			want.GOARCH = s.Value
		}
	}
	got, err := ReadBuildInfo(exe)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("build info (-standard library +ours):\n%s", diff)
	}
}

func TestReadBuildInfoRefusesWhatIsNotAGoBinary(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip("no path to the test binary:", err)
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	i := indexOf(data, buildInfoMagic)
	tests := map[string][]byte{
		"a text file":            []byte("## Situation\nnot a program\n"),
		"cut inside the header":  data[:i+20],
		"cut inside the strings": data[:i+40],
		"empty":                  nil,
	}
	for name, content := range tests {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "bin")
			if err := os.WriteFile(p, content, 0o644); err != nil {
				t.Fatal(err)
			}
			if info, err := ReadBuildInfo(p); err == nil {
				t.Errorf("ReadBuildInfo = %+v, want an error", info)
			}
		})
	}
}

func indexOf(data, sub []byte) int {
	for i := 0; i+len(sub) <= len(data); i++ {
		if string(data[i:i+len(sub)]) == string(sub) {
			return i
		}
	}
	return -1
}

// The binary is searched a chunk at a time; the answer must not depend on
// where the chunks' borders fall, the magic straddling one included.
func TestScanBuildInfoAnyChunk(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip("no path to the test binary:", err)
	}
	want, err := ReadBuildInfo(exe)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	// The real block: the first aligned magic that parses.
	at := -1
	for i := 0; at < 0; i++ {
		j := indexOf(data[i:], buildInfoMagic)
		if j < 0 {
			t.Fatal("no build information block in the test binary")
		}
		i += j
		if _, err := parseBlock(data[i:]); i%16 == 0 && err == nil {
			at = i
		}
	}
	// Borders at the block, just after its first byte (the magic is read
	// in the overlap), inside the magic, and after it.
	for _, chunk := range []int{16, 4096, at, at + 1, at + 8, at + 16, 1 << 20} {
		got, err := scanBuildInfo(bytes.NewReader(data), int64(len(data)), chunk)
		if err != nil {
			t.Fatalf("chunk %d: %v", chunk, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("chunk %d (-whole +chunked):\n%s", chunk, diff)
		}
	}
}
