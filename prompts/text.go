package prompts

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/term"

	"github.com/prepcli/prep/internal/text"
)

// Input asks for one line; Enter alone gives q.Default. A q.Draft is
// typed on the line already, to finish. Ctrl-C returns an *Interrupted
// holding the line as it stood.
func (s *Survey) Input(q Question) (string, error) {
	p := &linePrompt{message: q.Message, help: q.Help, def: q.Default, initial: text.OneLine(q.Draft)}
	ans, err := s.line(q.ID, p, stringValidator(q.Validate, nil))
	if err != nil {
		return "", s.stopped(q.ID, err, p.typed)
	}
	return ans, nil
}

// line asks p with survey's loop (validation, help, the answer shown).
func (s *Survey) line(id string, p *linePrompt, validate survey.Validator) (string, error) {
	var ans string
	p.width = s.width()
	opts := []survey.AskOpt{survey.WithStdio(s.in, s.out, s.errOut)}
	if validate != nil {
		opts = append(opts, survey.WithValidator(validate))
	}
	if err := survey.AskOne(p, &ans, opts...); err != nil {
		return "", err
	}
	return ans, nil
}

// stopped is the error for a prompt survey ended with err: an
// *Interrupted carrying draft when the candidate stopped, else the
// terminal's failure.
func (s *Survey) stopped(id string, err error, draft string) error {
	if errors.Is(err, terminal.InterruptErr) || errors.Is(err, io.EOF) || errors.Is(err, ErrInterrupted) {
		return &Interrupted{Draft: draft}
	}
	return fmt.Errorf("cannot ask %q on this terminal: %v; run again, or give --answers FILE", id, err)
}

// Text asks for long text. Its prompt line takes a short answer typed
// there, or Enter, which opens the editor on q.Draft (what the candidate
// was writing when it last stopped), else q.Default (the current
// answer), after saying how to leave the editor. What the file holds when
// the editor ends is the answer.
//
// An answer the editor does not give is said and never taken in silence:
// the editor left without saving, an empty file saved, an editor that
// cannot start or ends in error, an answer Validate refuses. The
// candidate then chooses: type the answer on one line (starting from
// what it had written, when that is one line), open the editor again,
// keep what it had written (a draft, or what a failing editor saved) as
// the answer for now, or skip it for now, which returns q.Default (the
// answer as it was, empty when there was none); with a current answer
// emptied, also leave it empty. Leaving the editor without saving a
// current answer keeps it, and says so.
//
// Ctrl-C at any of these prompts, or in an editor that ends on it,
// returns an *Interrupted whose Draft is what the candidate had written:
// the line typed, or the file as the editor left it.
func (s *Survey) Text(q Question) (string, error) {
	name := editorName(s.editor)
	def := cleanText(q.Default)
	// pending is the text the editor opens on next.
	pending := q.Default
	if strings.TrimSpace(q.Draft) != "" {
		pending = q.Draft
	}
	// draft is what to keep of pending when the candidate stops.
	draft := func() string {
		if t := cleanText(pending); t != def {
			return t
		}
		return ""
	}
	hint := "Enter for " + name + ", or type a short answer"
	switch {
	case pending != q.Default:
		hint = "Enter to finish your draft in " + name + ", or type a short answer"
	case def != "":
		hint = "Enter to edit it in " + name + ", or type a new short answer"
	}
	p := &linePrompt{message: q.Message, help: q.Help, hint: hint, emptyShows: "(opening " + name + ")"}
	ans, err := s.line(q.ID, p, nonEmpty(stringValidator(q.Validate, cleanText)))
	if err != nil {
		return "", s.stopped(q.ID, err, orElse(p.typed, draft()))
	}
	if strings.TrimSpace(ans) != "" {
		return cleanText(ans), nil
	}

	// started says the editor could start, so opening it again is a
	// choice; emptied, that the candidate emptied the current answer.
	started, emptied := true, false
	for openEditor := true; ; {
		if openEditor {
			r := s.edit(pending)
			text := cleanText(r.text)
			started, emptied = r.started, false
			switch {
			case r.interrupted:
				if r.changed {
					pending = r.text
				}
				return "", &Interrupted{Draft: draft()}
			case !r.started:
				s.say(fmt.Sprintf("prep could not start the editor %q (%v). Set VISUAL or EDITOR to your editor's command, such as nano, or write the answer here.", s.editor, r.err))
			case r.err != nil:
				if r.changed {
					pending = r.text
				}
				s.say(fmt.Sprintf("%s ended with an error (%v), so nothing was taken from it.", name, r.err))
			case !r.changed && text != "" && pending == q.Default:
				s.say("You left " + name + " without changes; the answer stays as it was.")
				return def, nil
			case !r.changed && text != "":
				s.say("You left " + name + " without changes; your unfinished answer is kept.")
			case !r.changed:
				s.say("You left " + name + " with no answer saved.")
			case text == "":
				s.say("The answer you saved in " + name + " is empty.")
				pending, emptied = r.text, def != ""
			default:
				pending = r.text
				if q.Validate != nil {
					if err := q.Validate(text); err != nil {
						s.say(fmt.Sprintf("That answer is refused: %v.", err))
						break
					}
				}
				s.say("Received " + countWords(text) + ".")
				return text, nil
			}
		}
		openEditor = false

		// What the candidate wrote and did not finish is never dropped
		// by choosing to move on: it can be kept as the answer for now.
		written := draft()
		if written != "" && q.Validate != nil && q.Validate(written) != nil {
			written = ""
		}
		const typeIt, again, keep, skip, empty = "type", "again", "keep", "skip", "empty"
		var opts, picks []string
		add := func(pick, label string) { opts, picks = append(opts, label), append(picks, pick) }
		add(typeIt, "Type it here, on one line")
		if started {
			add(again, "Open "+name+" again")
		}
		if written != "" {
			add(keep, "Keep what you wrote, for now")
		}
		switch {
		case def != "":
			add(skip, "Keep the answer as it was")
		case written == "":
			add(skip, "Skip it for now")
		}
		if emptied {
			add(empty, "Leave it empty")
		}
		i, err := s.Select(Question{ID: q.ID, Message: "Write the answer now, or skip it for now?"}, opts, 0)
		if err != nil {
			if errors.Is(err, ErrInterrupted) {
				return "", &Interrupted{Draft: draft()}
			}
			return "", err
		}
		switch picks[i] {
		case typeIt:
			lp := &linePrompt{message: q.Message, help: q.Help}
			if !strings.Contains(written, "\n") {
				lp.initial = written
			}
			ans, err := s.line(q.ID, lp, nonEmpty(stringValidator(q.Validate, cleanText)))
			if err != nil {
				return "", s.stopped(q.ID, err, orElse(lp.typed, draft()))
			}
			if strings.TrimSpace(ans) != "" {
				return cleanText(ans), nil
			}
		case again:
			openEditor = true
		case keep:
			return written, nil
		case skip:
			return def, nil
		case empty:
			return "", nil
		}
	}
}

// nonEmpty applies v to answers that are not empty: an empty line at a
// Text prompt opens the editor.
func nonEmpty(v survey.Validator) survey.Validator {
	if v == nil {
		return nil
	}
	return func(ans any) error {
		if s, _ := ans.(string); strings.TrimSpace(s) == "" {
			return nil
		}
		return v(ans)
	}
}

// say prints a line of the conversation around the editor, indented and
// wrapped to the terminal.
func (s *Survey) say(msg string) {
	width := 80
	if w, _, err := term.GetSize(int(s.out.Fd())); err == nil && w > 20 {
		width = w
	}
	fmt.Fprintln(s.out, text.Fill(msg, "  ", "  ", width))
}

func countWords(s string) string {
	return text.Plural(len(strings.Fields(s)), "word")
}

func orElse(s, alt string) string {
	if strings.TrimSpace(s) != "" {
		return s
	}
	return alt
}
