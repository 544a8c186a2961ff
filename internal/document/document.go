// Package document reads one written answer: a Markdown or plain-text file,
// possibly with YAML front matter, or a YAML file of answers. It refuses
// what cannot be a write-up (too large, binary, not UTF-8, empty) with one
// line that names the file and says what to do.
package document

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/text"
)

// MaxSize is the largest write-up accepted: far above any interview answer,
// small enough that a wrong file is refused before it costs real memory.
const MaxSize = 1 << 20

// Stdin is the name that stands for standard input.
const Stdin = "-"

// Format is how a write-up's body is read.
type Format int

const (
	// Markdown covers plain text too: both are read line by line alike.
	Markdown Format = iota
	// YAML is a file of answers under keys (.yaml, .yml).
	YAML
)

func (f Format) String() string {
	if f == YAML {
		return "yaml"
	}
	return "markdown"
}

// Front is what a story's front matter says about it. Unknown keys are
// tolerated: the candidate owns these files and may keep notes there.
type Front struct {
	Title string `yaml:"title,omitempty"`
	Kind  string `yaml:"kind,omitempty"`
	Rank  int    `yaml:"rank,omitempty"`
	Panel string `yaml:"panel,omitempty"`
	// Dates are kept as written: a hand-edited date in an odd format must
	// not stop the answer being checked.
	Created string `yaml:"created,omitempty"`
	Updated string `yaml:"updated,omitempty"`
}

// Doc is one write-up, ready to be checked.
type Doc struct {
	Front // doc.Kind, doc.Title, … read straight through

	// Name is how messages name the file: the path as given, or "<stdin>".
	Name   string
	Format Format
	// HasFront is true when the file opened with a --- front matter block.
	HasFront bool
	// Body is the text after the front matter, without a byte order mark
	// and with \n line ends. For YAML files it is the whole file.
	Body string
	// BodyLine is the line of the file on which Body starts, so line
	// numbers found in Body can be given as the editor shows them.
	BodyLine int
	// YAML holds the parsed documents of a YAML file; nil for Markdown.
	YAML []*yaml.Node
}

// DisplayName is how a name given on the command line is shown.
func DisplayName(name string) string {
	if name == Stdin {
		return "<stdin>"
	}
	return name
}

// ReadFile reads the write-up at path; "-" reads standard input.
func ReadFile(path string) (*Doc, error) {
	if path == Stdin {
		return Read(Stdin, os.Stdin)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, openError(path, err)
	}
	if fi.IsDir() {
		return nil, dirError(path)
	}
	// Refuse by size before opening, so a huge file costs nothing.
	if fi.Mode().IsRegular() && fi.Size() > MaxSize {
		return nil, tooLarge(path, fi.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	return Read(path, f)
}

// Read reads one write-up from r; name is the path it came from ("-" for
// standard input) and decides the format by its extension.
func Read(name string, r io.Reader) (*Doc, error) {
	shown := DisplayName(name)
	if r == nil {
		return nil, fmt.Errorf("%s: nothing to read; pass a file or pipe text in", shown)
	}
	size := int64(-1)
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil {
			if fi.IsDir() {
				return nil, dirError(shown)
			}
			if fi.Mode().IsRegular() {
				size = fi.Size()
			}
		}
	}
	if size > MaxSize {
		return nil, tooLarge(shown, size)
	}
	hint := 512
	if size >= 0 {
		hint = int(size) + 1
	} else if l, ok := r.(interface{ Len() int }); ok {
		hint = min(l.Len(), MaxSize) + 1
	}
	data, err := readAtMost(r, MaxSize+1, hint)
	if err != nil {
		return nil, readError(shown, err)
	}
	if len(data) > MaxSize {
		return nil, tooLarge(shown, size)
	}
	return parse(shown, formatOf(name), data)
}

// readAtMost reads r to its end or to limit bytes, whichever comes first:
// one byte over MaxSize is enough to refuse an input, so a pipe of
// gigabytes is never read whole. hint sizes the buffer up front.
func readAtMost(r io.Reader, limit, hint int) ([]byte, error) {
	buf := make([]byte, 0, max(1, min(hint, limit)))
	for {
		if len(buf) >= limit {
			return buf, nil
		}
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, min(len(buf), limit-len(buf)))
		}
		n, err := r.Read(buf[len(buf):min(cap(buf), limit)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// Parse reads a write-up already in memory, as Read would.
func Parse(name string, data []byte) (*Doc, error) {
	shown := DisplayName(name)
	if len(data) > MaxSize {
		return nil, tooLarge(shown, int64(len(data)))
	}
	return parse(shown, formatOf(name), data)
}

func formatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return YAML
	}
	return Markdown
}

func parse(shown string, format Format, data []byte) (*Doc, error) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, fmt.Errorf("%s: saved as UTF-16; save the file as UTF-8", shown)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		if utf16Text(data) {
			return nil, fmt.Errorf("%s: saved as UTF-16 (with no byte order mark); save the file as UTF-8", shown)
		}
		return nil, fmt.Errorf("%s: looks like a binary file, not a write-up; pass a Markdown or text file", shown)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not valid UTF-8 (line %d); save the file as UTF-8", shown, lineOf(data, firstInvalid(data)))
	}
	text := normalize(data)
	if blank(text) {
		return nil, fmt.Errorf("%s: empty; write your answer first", shown)
	}
	doc := &Doc{Name: shown, Format: format, BodyLine: 1}
	if format == YAML {
		return doc, doc.parseYAML(text)
	}
	return doc, doc.parseFront(text)
}

// utf16Text reports whether data, which holds NUL bytes, is text saved as
// UTF-16 without a byte order mark, as some Windows tools write it: read
// as UTF-16 in either byte order it is valid, mostly ASCII, and holds no
// NUL and nothing but printable characters and whitespace.
func utf16Text(data []byte) bool {
	if len(data) < 2 {
		return false
	}
	for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		units := make([]uint16, len(data)/2)
		for i := range units {
			units[i] = order.Uint16(data[2*i:])
		}
		ok := len(data)%2 == 0
		ascii, n := 0, 0
		for _, r := range utf16.Decode(units) {
			if !ok {
				break
			}
			ok = r != utf8.RuneError && r != 0 && (unicode.IsPrint(r) || unicode.IsSpace(r))
			n++
			if r < utf8.RuneSelf {
				ascii++
			}
		}
		// Any even run of bytes decodes to printable characters of some
		// script; a write-up in UTF-16 is mostly ASCII letters, which
		// binary data read as UTF-16 is not.
		if ok && 2*ascii >= n {
			return true
		}
	}
	return false
}

// normalize drops a UTF-8 byte order mark and turns CRLF and lone CR line
// ends into \n, so every later step counts lines the way editors do.
func normalize(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(data, '\r') < 0 {
		return string(data)
	}
	var b strings.Builder
	b.Grow(len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\r' {
			if i+1 < len(data) && data[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		b.WriteByte(c)
	}
	return b.String()
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// lineOf counts lines as normalize will leave them: CRLF and lone CR end a
// line just as \n does.
func lineOf(data []byte, off int) int {
	line := 1
	for i := 0; i < off && i < len(data); i++ {
		switch data[i] {
		case '\n':
			line++
		case '\r':
			if i+1 >= len(data) || data[i+1] != '\n' {
				line++
			}
		}
	}
	return line
}

// blank reports whether text holds nothing but whitespace; zero-width
// characters count as whitespace, since an editor shows nothing for them.
func blank(text string) bool {
	for _, r := range text {
		if !unicode.IsSpace(r) && !zeroWidth(r) {
			return false
		}
	}
	return true
}

func zeroWidth(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return true
	}
	return false
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file; check the path", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied; check the file's permissions or pass another file", path)
	}
	return readError(path, err)
}

func readError(shown string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if strings.Contains(err.Error(), "is a directory") {
		return dirError(shown)
	}
	return fmt.Errorf("%s: cannot read: %v; check the path and try again", shown, text.FirstLine(err.Error()))
}

func dirError(path string) error {
	return fmt.Errorf("%s: is a directory; pass the files inside it (for example %s)", path, filepath.Join(path, "*.md"))
}

func tooLarge(shown string, size int64) error {
	what := "more than 1 MiB"
	if size > MaxSize {
		what = humanSize(size)
	}
	return fmt.Errorf("%s: %s is too large to be a write-up (limit 1 MiB); split it or pass only the story", shown, what)
}

// humanSize says a size the way a file manager would; just over the limit
// it uses KiB, so it never reads as the limit itself ("1.0 MB").
func humanSize(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 10<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%d KiB", (n+1023)>>10)
}
