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
	"github.com/prepcli/prep/internal/lazy"
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
	return scanBuildInfo(f, info.Size(), scanChunk)
}

// MaxBinary bounds the binary ReadBuildInfo reads: prep is about 10 MB, a
// debug build with a large pack under 100 MB.
const MaxBinary = 256 << 20

// scanChunk is how much of the binary is searched at a time. Reading the
// file whole cost a 20 MB buffer, grown and cleared as it filled: most of
// what bundling took.
const scanChunk = 1 << 20

// maxBlock bounds the build information block read after a magic: the
// module list of a program with a thousand dependencies fits.
const maxBlock = 1 << 20

// scanBuildInfo searches r, size bytes, a chunk (a multiple of 16) at a
// time; consecutive chunks overlap by the magic's length so that one
// straddling their border is found.
func scanBuildInfo(r io.ReaderAt, size int64, chunk int) (BuildInfo, error) {
	// The magic's bytes also stand in any binary that, like this one,
	// names them in its code; the real block is 16-byte aligned, gives a
	// pointer size and parses.
	const align = 16
	err := errors.New("no Go build information")
	buf := make([]byte, chunk+len(buildInfoMagic)-1)
	for base := int64(0); base < size; base += int64(chunk) {
		n, rerr := r.ReadAt(buf[:min(int64(len(buf)), size-base)], base)
		if rerr != nil && rerr != io.EOF {
			return BuildInfo{}, rerr
		}
		data := buf[:n]
		for off := 0; ; {
			j := bytes.Index(data[off:], buildInfoMagic)
			if j < 0 {
				break
			}
			i := off + j
			off = i + 1
			if (base+int64(i))%align != 0 {
				continue
			}
			block := make([]byte, min(maxBlock, size-base-int64(i)))
			if _, rerr := r.ReadAt(block, base+int64(i)); rerr != nil && rerr != io.EOF {
				return BuildInfo{}, rerr
			}
			info, berr := parseBlock(block)
			if berr == nil {
				return info, nil
			}
			if berr != errNotABlock {
				err = berr
			}
		}
	}
	return BuildInfo{}, err
}

// errNotABlock is a magic that only looks like one: too short, or with no
// pointer size.
var errNotABlock error = &lazy.Error{Msg: "not a build information block"}

// parseBlock reads the block at the start of b, which begins with the
// magic.
func parseBlock(b []byte) (BuildInfo, error) {
	const headerSize, ptrOffset, flagsOffset, inlineFlag = 32, 14, 15, 0x2
	if len(b) < headerSize || (b[ptrOffset] != 4 && b[ptrOffset] != 8) {
		return BuildInfo{}, errNotABlock
	}
	if b[flagsOffset]&inlineFlag == 0 {
		return BuildInfo{}, errors.New("built by a Go older than 1.18")
	}
	_, rest, err := cut(b[headerSize:]) // the Go version
	if err != nil {
		return BuildInfo{}, err
	}
	mod, _, err := cut(rest)
	if err != nil {
		return BuildInfo{}, err
	}
	if info := parseModInfo(mod); info.Path != "" {
		return info, nil
	}
	return BuildInfo{}, errors.New("no main package in its build information")
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
