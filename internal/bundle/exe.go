package bundle

import (
	"encoding/binary"
	"io"
)

// extent is where an executable's own bytes end, as its headers say: the
// last byte any of them points at. What lies between end and limit was
// appended after the program (a bundled pack). limit is the file's size,
// or where a signed Windows binary's certificate starts, since signing
// appends it after everything else.
type extent struct {
	end, limit int64
	known      bool // false when the format is none prep knows; then end is 0
}

// Bounds on the header tables read, far above what any real binary has,
// so a crafted file cannot make prep read megabytes to learn its size.
const (
	maxHeaderTable = 1 << 20
	maxPESections  = 96 // the PE format's own limit
)

// programExtent reads an ELF, PE or Mach-O binary's headers to find where
// its program ends. We read the few fields needed ourselves: the standard
// library's debug/elf, debug/pe and debug/macho would add about half a
// megabyte to a binary that has to stay small, as debug/buildinfo would
// have (see buildinfo.go).
func programExtent(r io.ReaderAt, size int64) extent {
	var magic [4]byte
	if _, err := r.ReadAt(magic[:], 0); err != nil {
		return extent{limit: size}
	}
	var end, limit int64
	var ok bool
	switch {
	case string(magic[:]) == "\x7fELF":
		end, ok = elfEnd(r)
		limit = size
	case magic[0] == 'M' && magic[1] == 'Z':
		end, limit, ok = peEnd(r, size)
	default:
		end, ok = machoEnd(r, magic)
		limit = size
	}
	if !ok {
		return extent{limit: size}
	}
	return extent{end: end, limit: limit, known: true}
}

// reader reads fixed-size fields, remembering the first failure, so the
// parsers below read as a list of fields.
type reader struct {
	r   io.ReaderAt
	bo  binary.ByteOrder
	err error
}

func (rd *reader) bytes(off int64, n int) []byte {
	b := make([]byte, n)
	if rd.err != nil {
		return b
	}
	if off < 0 {
		rd.err = io.ErrUnexpectedEOF
		return b
	}
	if _, err := rd.r.ReadAt(b, off); err != nil {
		rd.err = err
	}
	return b
}

func (rd *reader) u16(b []byte, off int) uint64 { return uint64(rd.bo.Uint16(b[off:])) }
func (rd *reader) u32(b []byte, off int) uint64 { return uint64(rd.bo.Uint32(b[off:])) }
func (rd *reader) u64(b []byte, off int) uint64 { return rd.bo.Uint64(b[off:]) }

// span is off+n, or false when it overflows what a file can hold.
func span(off, n uint64) (int64, bool) {
	const max = 1 << 62
	if off > max || n > max {
		return 0, false
	}
	return int64(off + n), true
}

// elfEnd is the end of the last of an ELF file's header tables and
// sections. Go's linker puts the section header table near the start of
// the file, so the sections' data must be read to know where it ends.
func elfEnd(r io.ReaderAt) (int64, bool) {
	rd := &reader{r: r}
	id := rd.bytes(0, 16)
	if rd.err != nil {
		return 0, false
	}
	switch id[5] {
	case 1:
		rd.bo = binary.LittleEndian
	case 2:
		rd.bo = binary.BigEndian
	default:
		return 0, false
	}
	var phoff, shoff, phentsize, phnum, shentsize, shnum, ehsize uint64
	wide := id[4] == 2
	switch id[4] {
	case 1:
		h := rd.bytes(0, 52)
		phoff, shoff = rd.u32(h, 0x1c), rd.u32(h, 0x20)
		ehsize, phentsize, phnum = rd.u16(h, 0x28), rd.u16(h, 0x2a), rd.u16(h, 0x2c)
		shentsize, shnum = rd.u16(h, 0x2e), rd.u16(h, 0x30)
	case 2:
		h := rd.bytes(0, 64)
		phoff, shoff = rd.u64(h, 0x20), rd.u64(h, 0x28)
		ehsize, phentsize, phnum = rd.u16(h, 0x34), rd.u16(h, 0x36), rd.u16(h, 0x38)
		shentsize, shnum = rd.u16(h, 0x3a), rd.u16(h, 0x3c)
	default:
		return 0, false
	}
	if rd.err != nil || phentsize*phnum > maxHeaderTable || shentsize*shnum > maxHeaderTable {
		return 0, false
	}
	if shoff != 0 && shnum == 0 {
		return 0, false // over 65,279 sections: the count is elsewhere; no Go binary has that many
	}
	end := int64(ehsize)
	grow := func(off, n uint64) bool {
		e, ok := span(off, n)
		if ok && e > end {
			end = e
		}
		return ok
	}
	if !grow(phoff, phentsize*phnum) || !grow(shoff, shentsize*shnum) {
		return 0, false
	}
	// Sections: type, then offset and size; SHT_NOBITS (8) takes no room.
	typeOff, offOff, sizeOff, min := 4, 0x10, 0x14, uint64(0x28)
	if wide {
		offOff, sizeOff, min = 0x18, 0x20, 0x40
	}
	if shnum > 0 && shentsize < min {
		return 0, false
	}
	table := rd.bytes(int64(shoff), int(shentsize*shnum))
	for i := uint64(0); i < shnum && rd.err == nil; i++ {
		s := table[i*shentsize:]
		if rd.u32(s, typeOff) == 8 {
			continue
		}
		var off, n uint64
		if wide {
			off, n = rd.u64(s, offOff), rd.u64(s, sizeOff)
		} else {
			off, n = rd.u32(s, offOff), rd.u32(s, sizeOff)
		}
		if !grow(off, n) {
			return 0, false
		}
	}
	// Segments: offset and size in the file.
	if phnum > 0 {
		offOff, sizeOff, min = 4, 0x10, 0x20
		if wide {
			offOff, sizeOff, min = 8, 0x20, 0x38
		}
		if phentsize < min {
			return 0, false
		}
		table = rd.bytes(int64(phoff), int(phentsize*phnum))
		for i := uint64(0); i < phnum && rd.err == nil; i++ {
			p := table[i*phentsize:]
			var off, n uint64
			if wide {
				off, n = rd.u64(p, offOff), rd.u64(p, sizeOff)
			} else {
				off, n = rd.u32(p, offOff), rd.u32(p, sizeOff)
			}
			if !grow(off, n) {
				return 0, false
			}
		}
	}
	return end, rd.err == nil
}

// peEnd is the end of a PE file's sections and COFF symbol table; limit
// is where its certificate table starts when it is signed (the
// certificate is appended last, after anything added before signing), or
// size.
func peEnd(r io.ReaderAt, size int64) (end, limit int64, ok bool) {
	rd := &reader{r: r, bo: binary.LittleEndian}
	dos := rd.bytes(0, 0x40)
	if rd.err != nil {
		return 0, 0, false
	}
	pe := int64(rd.u32(dos, 0x3c))
	h := rd.bytes(pe, 24)
	if rd.err != nil || string(h[:4]) != "PE\x00\x00" {
		return 0, 0, false
	}
	nsect, symPtr, nsyms, optSize := rd.u16(h, 6), rd.u32(h, 12), rd.u32(h, 16), rd.u16(h, 20)
	if nsect > maxPESections {
		return 0, 0, false
	}
	opt := rd.bytes(pe+24, int(optSize))
	secTable := pe + 24 + int64(optSize)
	end = secTable + int64(nsect)*40
	limit = size
	// The certificate table's entry gives a file offset, not an address.
	if rd.err == nil && optSize >= 2 {
		var dirs int
		switch rd.u16(opt, 0) {
		case 0x10b: // PE32
			dirs = 96
		case 0x20b: // PE32+
			dirs = 112
		}
		if dirs > 0 && int(optSize) >= dirs && rd.u32(opt, dirs-4) > 4 && int(optSize) >= dirs+5*8 {
			off, n := rd.u32(opt, dirs+4*8), rd.u32(opt, dirs+4*8+4)
			if e, ok := span(off, n); ok && n > 0 && e == size {
				limit = int64(off)
			}
		}
	}
	secs := rd.bytes(secTable, int(nsect)*40)
	for i := 0; i < int(nsect) && rd.err == nil; i++ {
		s := secs[i*40:]
		if e, ok := span(rd.u32(s, 20), rd.u32(s, 16)); !ok {
			return 0, 0, false
		} else if e > end {
			end = e
		}
	}
	if symPtr != 0 {
		// 18 bytes a symbol, then the string table, which starts with its
		// own length.
		strTab := int64(symPtr) + 18*int64(nsyms)
		n := rd.u32(rd.bytes(strTab, 4), 0)
		if e, ok := span(uint64(strTab), n); ok && e > end {
			end = e
		}
	}
	if rd.err != nil || limit < end {
		// A certificate inside the program is not one appended by signing.
		limit = size
	}
	return end, limit, rd.err == nil
}

// machoEnd is the end of a Mach-O file's load commands and segments (the
// last, __LINKEDIT, holds the symbols and the code signature), or of the
// last architecture of a universal file.
func machoEnd(r io.ReaderAt, magic [4]byte) (int64, bool) {
	rd := &reader{r: r}
	var wide bool
	switch {
	case magic == [4]byte{0xca, 0xfe, 0xba, 0xbe}:
		return fatEnd(r)
	case magic == [4]byte{0xcf, 0xfa, 0xed, 0xfe}:
		rd.bo, wide = binary.LittleEndian, true
	case magic == [4]byte{0xce, 0xfa, 0xed, 0xfe}:
		rd.bo = binary.LittleEndian
	case magic == [4]byte{0xfe, 0xed, 0xfa, 0xcf}:
		rd.bo, wide = binary.BigEndian, true
	case magic == [4]byte{0xfe, 0xed, 0xfa, 0xce}:
		rd.bo = binary.BigEndian
	default:
		return 0, false
	}
	hsize := int64(28)
	if wide {
		hsize = 32
	}
	h := rd.bytes(0, int(hsize))
	ncmds, cmdsSize := rd.u32(h, 16), rd.u32(h, 20)
	if rd.err != nil || cmdsSize > maxHeaderTable {
		return 0, false
	}
	end := hsize + int64(cmdsSize)
	cmds := rd.bytes(hsize, int(cmdsSize))
	if rd.err != nil {
		return 0, false
	}
	grow := func(off, n uint64) bool {
		e, ok := span(off, n)
		if ok && e > end {
			end = e
		}
		return ok
	}
	for i, at := uint64(0), uint64(0); i < ncmds; i++ {
		if at+8 > cmdsSize {
			return 0, false
		}
		c := cmds[at:]
		cmd, n := rd.u32(c, 0), rd.u32(c, 4)
		if n < 8 || at+n > cmdsSize {
			return 0, false
		}
		ok := true
		switch {
		case cmd == 0x19 && n >= 56: // LC_SEGMENT_64
			ok = grow(rd.u64(c, 40), rd.u64(c, 48))
		case cmd == 0x1 && n >= 40: // LC_SEGMENT
			ok = grow(rd.u32(c, 32), rd.u32(c, 36))
		case cmd == 0x2 && n >= 24: // LC_SYMTAB: the string table is last
			ok = grow(rd.u32(c, 16), rd.u32(c, 20))
		case cmd == 0x1d && n >= 16: // LC_CODE_SIGNATURE
			ok = grow(rd.u32(c, 8), rd.u32(c, 12))
		}
		if !ok {
			return 0, false
		}
		at += n
	}
	return end, true
}

// fatEnd is the end of the last architecture of a universal binary.
func fatEnd(r io.ReaderAt) (int64, bool) {
	rd := &reader{r: r, bo: binary.BigEndian}
	h := rd.bytes(0, 8)
	n := rd.u32(h, 4)
	// A Java class file starts with the same magic, then its version,
	// which is always far above any count of architectures.
	if rd.err != nil || n == 0 || n > 64 {
		return 0, false
	}
	archs := rd.bytes(8, int(n)*20)
	end := 8 + int64(n)*20
	for i := 0; i < int(n) && rd.err == nil; i++ {
		a := archs[i*20:]
		if e, ok := span(rd.u32(a, 8), rd.u32(a, 12)); !ok {
			return 0, false
		} else if e > end {
			end = e
		}
	}
	return end, rd.err == nil
}
