package prompts

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/term"
)

// Survey asks in a terminal. Build it with NewSurvey or New; it is not safe
// for concurrent use, and nothing else should read the terminal while it
// asks.
type Survey struct {
	in     *ctrlDReader
	inFile terminal.FileReader // the real file: the editor must get it as it is
	out    terminal.FileWriter
	errOut io.Writer
	editor string
	// fallback says the editor is prep's choice, not the candidate's
	// (no VISUAL or EDITOR): its file then says how to leave it.
	fallback bool
}

// Option adjusts a Survey.
type Option func(*Survey)

// WithColor turns survey's colours on or off (--no-color, NO_COLOR).
// Survey keeps this setting in a package variable, so it holds for the
// whole process: one run of prep has one terminal.
func WithColor(enabled bool) Option {
	return func(*Survey) { core.DisableColor = !enabled }
}

// WithEditor sets the command Text runs, with its arguments
// ("code --wait"); the file to edit is added at the end. Without it, Text
// uses EditorCommand.
func WithEditor(command string) Option {
	return func(s *Survey) { s.editor, s.fallback = command, false }
}

type fdReader interface {
	io.Reader
	Fd() uintptr
}

type fdWriter interface {
	io.Writer
	Fd() uintptr
}

// NewSurvey returns a Prompter on a terminal. in and out must be terminal
// files (os.Stdin and os.Stdout in a real run, the tty of a pseudo-terminal
// in tests); anything else is ErrNoTerminal, because survey would hang on
// a pipe or fill it with escape codes. errOut receives the editor's errors.
func NewSurvey(in io.Reader, out, errOut io.Writer, opts ...Option) (*Survey, error) {
	inF, ok := in.(fdReader)
	if !ok || !isTerminal(inF.Fd()) {
		return nil, ErrNoTerminal
	}
	outF, ok := out.(fdWriter)
	if !ok || !isTerminal(outF.Fd()) {
		return nil, ErrNoTerminal
	}
	if errOut == nil {
		errOut = io.Discard
	}
	s := &Survey{
		in:     &ctrlDReader{f: inF},
		inFile: inF,
		out:    outF,
		errOut: errOut,
		editor: EditorCommand(os.Getenv, runtime.GOOS),
		// EditorCommand falls back when both are empty.
		fallback: os.Getenv("VISUAL") == "" && os.Getenv("EDITOR") == "",
	}
	for _, o := range opts {
		o(s)
	}
	return s, nil
}

func isTerminal(fd uintptr) bool {
	// An fd that does not fit an int is no terminal we can drive.
	if fd > uintptr(^uint(0)>>1) {
		return false
	}
	return term.IsTerminal(int(fd))
}

// ask runs one survey prompt. Interruptions come back as ErrInterrupted
// itself: which question it was is of no use to the candidate.
func (s *Survey) ask(id string, p survey.Prompt, resp any, in terminal.FileReader, validate survey.Validator) error {
	opts := []survey.AskOpt{survey.WithStdio(in, s.out, s.errOut)}
	if validate != nil {
		opts = append(opts, survey.WithValidator(validate))
	}
	err := survey.AskOne(p, resp, opts...)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, terminal.InterruptErr), errors.Is(err, io.EOF):
		return ErrInterrupted
	}
	return fmt.Errorf("cannot ask %q on this terminal: %v; run again, or give --answers FILE", id, err)
}

// stringValidator adapts Question.Validate to survey; clean, when set, is
// applied first so the check sees the answer the caller will get.
func stringValidator(v func(string) error, clean func(string) string) survey.Validator {
	if v == nil {
		return nil
	}
	return func(ans any) error {
		s, _ := ans.(string)
		if clean != nil {
			s = clean(s)
		}
		return v(s)
	}
}

// Select asks for one option with the arrow keys (or by typing to filter).
func (s *Survey) Select(q Question, options []string, def int) (int, error) {
	if len(options) == 0 {
		return 0, fmt.Errorf("question %q: no options to choose from", q.ID)
	}
	if def < 0 || def >= len(options) {
		def = 0
	}
	var ans core.OptionAnswer
	q.Message = s.message(q)
	p := selectPrompt(q, options, def, s.rows())
	if err := s.ask(q.ID, p, &ans, s.in, nil); err != nil {
		return 0, err
	}
	return ans.Index, nil
}

// rows is the height of the terminal questions are asked on; 0 when it
// is not known.
func (s *Survey) rows() int {
	_, h := s.size()
	return h
}

// width is the terminal's width; 0 when it is not known.
func (s *Survey) width() int {
	w, _ := s.size()
	return w
}

func (s *Survey) size() (int, int) {
	if f, ok := s.out.(fdWriter); ok && isTerminal(f.Fd()) {
		if w, h, err := term.GetSize(int(f.Fd())); err == nil {
			return w, h
		}
	}
	return 0, 0
}

// message is q's message broken between words to fit the terminal.
func (s *Survey) message(q Question) string {
	m, _ := wrapPair(q.Message, "", s.width())
	return m
}

// messageBefore is q's message broken to fit the terminal with tail
// columns to spare after its last line, for what survey prints after the
// message and the keys typed there. Survey counts the lines of what it
// prints, not of what is typed: a key that wraps onto a line it did not
// count makes its redraw erase the line above the question.
func (s *Survey) messageBefore(q Question, tail int) string {
	w := s.width()
	m, _ := wrapPair(q.Message, "", w)
	if w < 20 {
		return m
	}
	start := strings.LastIndex(m, "\n") + 1
	last := m[start:]
	col := utf8.RuneCountInString(last)
	if start == 0 {
		col += len("? ")
	}
	if col+tail <= w-1 {
		return m
	}
	// Move the last line's last word down to a line of its own.
	words := strings.Fields(last)
	k := len(words) - 1
	if k < 1 {
		return m
	}
	head := strings.Join(words[:k], " ")
	if start > 0 {
		head = "  " + head
	}
	return m[:start] + head + "\n  " + strings.Join(words[k:], " ")
}

// defaultRows is the terminal height assumed when it is not known.
const defaultRows = 24

// selectPrompt is the survey prompt for Select on a terminal of the given
// height. Survey shows seven options by default and scrolls the rest out
// of sight with no sign that they are there; here every option is shown
// when the list fits on the screen (the question, the options and a line
// to spare), and when it does not, the message says how many there are
// and that the arrows show the rest.
func selectPrompt(q Question, options []string, def, rows int) *survey.Select {
	if rows <= 0 {
		rows = defaultRows
	}
	p := &survey.Select{Message: q.Message, Help: q.Help, Options: options, Default: def, PageSize: len(options)}
	if fit := max(rows-3, 3); len(options) > fit {
		p.PageSize = fit
		p.Message = fmt.Sprintf("%s (%d choices, %d shown: ↑ ↓ for the rest)", q.Message, len(options), fit)
	}
	return p
}

// MultiSelect asks for any number of options: space toggles, Enter ends.
func (s *Survey) MultiSelect(q Question, options []string, defs []int) ([]int, error) {
	if len(options) == 0 {
		return nil, fmt.Errorf("question %q: no options to choose from", q.ID)
	}
	var checked []int
	for _, d := range defs {
		if d >= 0 && d < len(options) {
			checked = append(checked, d)
		}
	}
	var ans []core.OptionAnswer
	p := &survey.MultiSelect{Message: s.message(q), Help: q.Help, Options: options, Default: checked}
	if err := s.ask(q.ID, p, &ans, s.in, nil); err != nil {
		return nil, err
	}
	picked := make([]int, 0, len(ans))
	for _, a := range ans {
		picked = append(picked, a.Index)
	}
	return picked, nil
}

// Confirm asks yes or no; Enter alone gives def.
func (s *Survey) Confirm(q Question, def bool) (bool, error) {
	var ans bool
	// After the message survey prints " [? for help] (y/N) ", and the
	// candidate types up to "yes" there.
	tail := len(" (y/N) yes")
	if q.Help != "" {
		tail += len("[? for help] ")
	}
	p := &survey.Confirm{Message: s.messageBefore(q, tail), Help: q.Help, Default: def}
	if err := s.ask(q.ID, p, &ans, s.in, nil); err != nil {
		return false, err
	}
	return ans, nil
}

// ctrlDReader makes Ctrl-D end the session as Ctrl-C does. Survey reads the
// terminal in raw mode, where Ctrl-D arrives as the byte 0x04 and survey
// takes it for Enter; a candidate pressing it means "I'm done", as at a
// shell. Survey reads through Fd on Windows, where this changes nothing
// (and Ctrl-D means nothing there).
type ctrlDReader struct{ f fdReader }

func (r *ctrlDReader) Read(p []byte) (int, error) {
	n, err := r.f.Read(p)
	for i := range p[:n] {
		if p[i] == terminal.KeyEndTransmission {
			p[i] = terminal.KeyInterrupt
		}
	}
	return n, err
}

func (r *ctrlDReader) Fd() uintptr { return r.f.Fd() }
