package prompts

import (
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
}

type lineData struct {
	Message, Help, Default, Hint string
	ShowHelp, ShowAnswer         bool
	Answer                       string
	Config                       *survey.PromptConfig
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
  {{- if and .Help (not .ShowHelp)}}{{color "cyan"}}[{{ .Config.HelpInput }} for help]{{color "reset"}} {{end}}
  {{- if .Hint}}{{color "cyan"}}[{{ .Hint }}]{{color "reset"}} {{end}}
  {{- if .Default}}{{color "white"}}({{.Default}}) {{color "reset"}}{{end}}
{{- end}}`

func (p *linePrompt) data(config *survey.PromptConfig) lineData {
	return lineData{Message: p.message, Help: p.help, Default: p.def, Hint: p.hint, ShowHelp: p.showHelp, Config: config}
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
		// The line reader ends on a new line; go back up to redraw.
		cursor.Up(1)
		if ans == config.HelpInput && p.help != "" && !p.showHelp {
			p.showHelp = true
			continue
		}
		if ans == "" {
			return p.def, nil
		}
		p.AppendRenderedText(ans)
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
	d.ShowAnswer, d.Answer = true, ans
	return p.Render(lineTemplate, d)
}
