package bundle

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/prepcli/prep/internal/filekind"
)

// BuildInfo is what a Go binary says about how it was built.
type BuildInfo struct {
	Path    string // the main package: github.com/prepcli/prep/cmd/prep
	Version string // the main module's version, "(devel)" from a work tree
	GOOS    string
	GOARCH  string
}

// buildInfoMagic opens the block the Go linker writes into every binary
// (see debug/buildinfo). We read it ourselves: debug/buildinfo pulls the
// ELF, Mach-O, PE and DWARF readers into prep, a third of a megabyte of a
// binary that has to stay small, to find one string.
var buildInfoMagic = []byte("\xff Go buildinf:")

// ReadBuildInfo reads a binary's Go build information, whatever its
// executable format. Binaries built by Go 1.18 and later keep it inline
// after the magic: two varint-prefixed strings, the Go version and the
// module information.
//
// Only a regular file of at most MaxBinary bytes is read: a device such
// as /dev/zero would never end.
func ReadBuildInfo(path string) (BuildInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return BuildInfo{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	switch {
	case err != nil:
		return BuildInfo{}, err
	case !info.Mode().IsRegular():
		return BuildInfo{}, fmt.Errorf("%s, not a program file", filekind.Of(info.Mode()))
	case info.Size() > MaxBinary:
		return BuildInfo{}, fmt.Errorf("%d MB, larger than any prep binary", info.Size()>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxBinary+1))
	if err != nil {
		return BuildInfo{}, err
	}
	if len(data) > MaxBinary {
		return BuildInfo{}, fmt.Errorf("over %d MB, larger than any prep binary", MaxBinary>>20)
	}
	return parseBuildInfo(data)
}

// MaxBinary bounds the binary ReadBuildInfo reads whole: prep is about 10
// MB, a debug build with a large pack under 100 MB.
const MaxBinary = 256 << 20

func parseBuildInfo(data []byte) (BuildInfo, error) {
	// The magic's bytes also stand in any binary that, like this one,
	// names them in its code; the real block is 16-byte aligned, gives a
	// pointer size and parses.
	const align, headerSize, ptrOffset, flagsOffset, inlineFlag = 16, 32, 14, 15, 0x2
	err := errors.New("no Go build information")
	for off := 0; ; {
		j := bytes.Index(data[off:], buildInfoMagic)
		if j < 0 {
			return BuildInfo{}, err
		}
		i := off + j
		off = i + 1
		if i%align != 0 || len(data)-i < headerSize || (data[i+ptrOffset] != 4 && data[i+ptrOffset] != 8) {
			continue
		}
		if data[i+flagsOffset]&inlineFlag == 0 {
			err = errors.New("built by a Go older than 1.18")
			continue
		}
		_, rest, cerr := cut(data[i+headerSize:]) // the Go version
		if cerr != nil {
			err = cerr
			continue
		}
		mod, _, cerr := cut(rest)
		if cerr != nil {
			err = cerr
			continue
		}
		if info := parseModInfo(mod); info.Path != "" {
			return info, nil
		}
		err = errors.New("no main package in its build information")
	}
}

// cut takes one varint-length-prefixed string off b.
func cut(b []byte) (string, []byte, error) {
	n, size := binary.Uvarint(b)
	if size <= 0 || n > uint64(len(b)-size) {
		return "", nil, errors.New("damaged Go build information")
	}
	return string(b[size : size+int(n)]), b[size+int(n):], nil
}

// parseModInfo reads the lines of runtime/debug.BuildInfo.String, which
// the linker stores between two 16-byte sentinels.
func parseModInfo(s string) BuildInfo {
	const sentinel = 16
	if len(s) >= 2*sentinel {
		s = s[sentinel : len(s)-sentinel]
	}
	var info BuildInfo
	for _, line := range strings.Split(s, "\n") {
		key, val, _ := strings.Cut(line, "\t")
		switch key {
		case "path":
			info.Path = val
		case "mod":
			if f := strings.Split(val, "\t"); len(f) >= 2 {
				info.Version = f[1]
			}
		case "build":
			k, v, _ := strings.Cut(val, "=")
			switch k {
			case "GOOS":
				info.GOOS = v
			case "GOARCH":
				info.GOARCH = v
			}
		}
	}
	return info
}
