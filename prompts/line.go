package prompts

import (
	"strings"
	"unicode/utf8"

	"github.com/AlecAivazis/survey/v2"
)

// linePrompt asks for one line, as survey's Input does, with two things
// Input lacks: text already typed on the line when the prompt opens (a
// draft kept from an earlier run, or an answer refused a moment ago, to
// finish or fix), and the line as it stood when the candidate pressed
// Ctrl-C (or Ctrl-D), which survey drops.
type linePrompt struct {
	survey.Renderer
	message string
	help    string
	// def is the answer Enter gives on an empty line, shown in brackets.
	def string
	// hint, when set, is shown in brackets after the message: what Enter
	// on an empty line does, when it is not giving def.
	hint string
	// initial is typed on the line when the prompt opens.
	initial string
	// emptyShows is what the question shows once answered with an empty
	// line, when that means something: "(opening vi)".
	emptyShows string
	// typed is the line when the candidate stopped the prompt.
	typed    string
	showHelp bool
	// width is the terminal's width in columns; 0 when unknown, and
	// then nothing is wrapped.
	width int
}

type lineData struct {
	Message, Help string
	// Extras are the bracketed notes after the question: "[? for
	// help]", the hint, the default.
	Extras               string
	ShowHelp, ShowAnswer bool
	Answer               string
	Config               *survey.PromptConfig
}

// lineTemplate is survey's InputQuestionTemplate, less suggestions, plus
// the hint.
const lineTemplate = `
{{- if .ShowHelp }}{{- color .Config.Icons.Help.Format }}{{ .Config.Icons.Help.Text }} {{ .Help }}{{color "reset"}}{{"\n"}}{{end}}
{{- color .Config.Icons.Question.Format }}{{ .Config.Icons.Question.Text }} {{color "reset"}}
{{- color "default+hb"}}{{ .Message }} {{color "reset"}}
{{- if .ShowAnswer}}
  {{- color "cyan"}}{{.Answer}}{{color "reset"}}{{"\n"}}
{{- else }}
  {{- if .Extras}}{{color "cyan"}}{{ .Extras }}{{color "reset"}} {{end}}
{{- end}}`

func (p *linePrompt) data(config *survey.PromptConfig) lineData {
	var extras []string
	if p.help != "" && !p.showHelp {
		extras = append(extras, "["+config.HelpInput+" for help]")
	}
	if p.hint != "" {
		extras = append(extras, "["+p.hint+"]")
	}
	if p.def != "" {
		extras = append(extras, "("+p.def+")")
	}
	msg, ex := wrapPair(p.message, strings.Join(extras, " "), p.width)
	return lineData{Message: msg, Help: p.help, Extras: ex, ShowHelp: p.showHelp, Config: config}
}

// wrapPair lays out "? message answer" in width columns, breaking
// between words (a terminal would break inside them): the message and
// the answer come back with their line breaks, each followed by a
// two-space indent, to print as they are. Breaks keep off the last
// column, where some terminals wrap early.
func wrapPair(message, answer string, width int) (string, string) {
	if width < 20 {
		return message, answer
	}
	var out [2]strings.Builder
	col := 2 // "? "
	for part, text := range [2]string{message, answer} {
		for i, w := range strings.Fields(text) {
			n := utf8.RuneCountInString(w)
			switch {
			case col == 2:
			case col+1+n > width-1:
				out[part].WriteString("\n  ")
				col = 2
			case part == 1 && i == 0:
				col++ // the template's space after the message
			default:
				out[part].WriteString(" ")
				col++
			}
			out[part].WriteString(w)
			col += n
		}
	}
	return out[0].String(), out[1].String()
}

// Prompt implements survey.Prompt.
func (p *linePrompt) Prompt(config *survey.PromptConfig) (any, error) {
	for {
		if err := p.Render(lineTemplate, p.data(config)); err != nil {
			return "", err
		}
		rr := p.NewRuneReader()
		_ = rr.SetTermMode()
		cursor := p.NewCursor()
		if !config.ShowCursor {
			cursor.Hide()
		}
		line, err := rr.ReadLineWithDefault(0, []rune(p.initial))
		if !config.ShowCursor {
			cursor.Show()
		}
		_ = rr.RestoreTermMode()
		p.initial = ""
		if err != nil {
			p.typed = string(line)
			return "", err
		}
		ans := string(line)
		// The line reader ends on the row below the one the typed text
		// began on, having cleared the rows that text wrapped onto; go
		// back up to redraw.
		cursor.Up(1)
		if ans == config.HelpInput && p.help != "" && !p.showHelp {
			p.showHelp = true
			continue
		}
		if ans == "" {
			return p.def, nil
		}
		// Survey's Input adds the answer to what it erases next; when the
		// answer wrapped, that erased rows above the question (the
		// interviewer's last line), since the wrapped rows are gone already.
		return ans, nil
	}
}

// PromptAgain implements survey.PromptAgainer: a refused answer is typed
// again on the line, to fix rather than retype.
func (p *linePrompt) PromptAgain(config *survey.PromptConfig, invalid any, _ error) (any, error) {
	if s, ok := invalid.(string); ok && s != p.def {
		p.initial = s
	}
	return p.Prompt(config)
}

// Cleanup implements survey.Prompt: the question with its answer.
func (p *linePrompt) Cleanup(config *survey.PromptConfig, val any) error {
	ans, _ := val.(string)
	if ans == "" {
		ans = p.emptyShows
	}
	d := p.data(config)
	d.ShowAnswer = true
	d.Message, d.Answer = wrapPair(p.message, ans, p.width)
	return p.Render(lineTemplate, d)
}
