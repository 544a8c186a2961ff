// Package session is the resumable question engine every guided command
// runs on (prep background, story new, technical, culture, drill): it asks,
// keeps each answer and where the session is on disk, resumes, keeps
// drafts, and shows the pack's guidance wrapped to the terminal. The
// commands' flows live in their command's package; what several share
// (writing one story) in storyflow. The engine knows no command.
//
// Every question of a session goes through Session.Ask, which keeps one
// promise: nothing the candidate typed is lost, and a session re-run after
// Ctrl-C, a killed process or a power cut resumes exactly where it stopped.
// Ask
//
//  1. returns the saved answer when the question was already answered in
//     this session's progress file, asking and printing nothing;
//  2. otherwise shows the step's guidance (always text from the content
//     pack) and asks through the prompts.Prompter;
//  3. writes the answer to its real home (a story section, the timeline),
//     atomically, before it returns, so before the next question is asked;
//     and records it in sessions/<name>.yaml, atomically too: at once,
//     unless the answer is kept in a file (Question.InFile), when it
//     goes with the next write of the progress, which comes before the
//     next prompt (where the session is goes to disk then) or when the
//     session closes. So such a question writes the progress once, not
//     twice.
//
// The writes are ordered so that a kill between them loses nothing: an
// answer that reached its real home but not the progress file is asked
// again on resume, with the file's current text as the default.
//
// An answer half written when the candidate stops (the line typed when
// Ctrl-C came, what the editor's file held) is not lost either: Ask keeps
// it in the progress file as the question's draft, before returning the
// interruption, and gives it back to the prompt (prompts.Question.Draft)
// when the question is asked again. Answering the question forgets it.
//
// The session's own lock (workspace.LockSession) is held from Open to
// Close, so the same session started again in another terminal gets the
// one-line busy error instead of a half session. The workspace's lock is
// taken only for each write, never while a question waits for its answer:
// another command, or another session, runs meanwhile.
//
// An answer longer than prep keeps (maxAnswer) is refused at the prompt,
// before anything is written: in a terminal it is asked again, from an
// answers file it is an error naming the answer.
package session

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
)

// Kind is how a question is asked.
type Kind int

// Kinds of question.
const (
	Input   Kind = iota // one line
	Text                // long text, in the candidate's editor
	Confirm             // yes or no; the answer is "yes" or "no"
	Select              // one of Options; the answer is the option's Value
)

// Confirm answers as they are kept in the progress file.
const (
	Yes = "yes"
	No  = "no"
)

// Option is one choice of a Select question.
type Option struct {
	Value string // what the answer is recorded as
	Label string // what the candidate sees and an answers file names
}

// Block is a piece of guidance from the content pack: a title, a
// paragraph and a list, shown once per run of the session under its Key.
type Block struct {
	Key   string
	Title string
	Text  string
	Items []string
}

// Question is one step of a session.
type Question struct {
	// ID is stable and dotted ("timeline.0.company"): the key of the
	// answer in the progress file and in an --answers file.
	ID      string
	Kind    Kind
	Message string // the prompt, one line
	Help    string // shown on "?" in a terminal

	// Intro is shown before the question the first time its Key comes
	// up in this run (a resumed run shows it again, once).
	Intro *Block
	// Heading is shown when it differs from the last heading shown: glue
	// words such as "Role 2" or "Story 1 of 3: Payments · Result".
	Heading string
	// Guidance is shown, wrapped, each time the question is asked, and
	// Notes under it as a list.
	Guidance string
	Notes    []string // each one item; a line after the first goes under it

	Options []Option
	// Default gives the prefilled answer: the text in the answer's real
	// home now, so a re-asked question offers what is already saved. For
	// Confirm it returns Yes or No, for Select an option's Value. Only
	// called when the question is really asked.
	Default func() string
	// Save writes the answer to its real home; nil when the progress file
	// is its only home (a choice such as "add another role?").
	Save     func(answer string) error
	Validate func(answer string) error
	// InFile says that Save keeps the answer in a file of the
	// workspace (a story's section, the timeline), so that the progress
	// may record it with its next write instead of a write of its own;
	// see Ask. A Save that only checks the answer, or notes something
	// the session needs, leaves it false.
	InFile bool
}

// Session is one run of a guided session over a workspace. It is meant
// for one goroutine.
type Session struct {
	name string
	ws   *workspace.Workspace
	p    prompts.Prompter
	out  io.Writer

	prog    *workspace.Progress
	unlock  func()
	shown   map[string]bool
	heading string
	// unsaved: the progress holds answers (and Notes) not yet on disk,
	// each already in its real home; see Ask.
	unsaved bool
	asked   int
	width   int // the column text is wrapped at; see Width
}

// Open takes the session's lock for the whole session and reads where
// the session name stopped. The lock is released by Close. The session
// writes to ios's output, wrapped to its terminal (see Width); nil
// discards what it writes.
func Open(ws *workspace.Workspace, name string, p prompts.Prompter, ios *iostreams.IOStreams) (*Session, error) {
	unlock, err := ws.LockSession(lockName(name))
	if err != nil {
		return nil, err
	}
	prog, err := ws.Progress(name)
	if err != nil {
		unlock()
		return nil, err
	}
	s := &Session{name: name, ws: ws, p: p, prog: prog, unlock: unlock, shown: map[string]bool{}}
	s.writeTo(ios)
	return s, nil
}

// lockName is the lock a session takes: its name up to the first "-", so
// that the sessions of one command exclude one another: the rounds of prep
// drill (drill, drill-scale, …), the scenarios of prep technical
// (technical-<id>).
func lockName(name string) string {
	n, _, _ := strings.Cut(name, "-")
	return n
}

// maxAnswer is the longest answer prep keeps, in bytes: about 2,500
// words, more than any panel has time to hear, and small enough that a
// session's answers, each in its file and in the progress, stay well
// within what prep reads back (workspace.MaxFile). The workspace refuses
// to write past that in any case; this says so at the prompt, before
// anything is written, where the candidate can still shorten the answer.
const maxAnswer = 16 << 10

// checkLength refuses an answer longer than maxAnswer.
func checkLength(ans string) error {
	if len(ans) > maxAnswer {
		return fmt.Errorf("this answer is %d KB, longer than prep keeps (%d KB, about 2,500 words, more than a panel has time to hear); shorten it", (len(ans)+1023)/1024, maxAnswer/1024)
	}
	return nil
}

// Close writes what the progress holds that is not on disk yet, and
// releases the session. Calling it again does nothing. (The answers it
// writes are in their real homes already: a failed write loses no text,
// only the record that they were answered.)
func (s *Session) Close() {
	if s.unsaved {
		s.unsaved = false
		_ = s.ws.SaveProgress(s.prog)
	}
	s.unlock()
}

// Stopped reports whether an earlier run stopped halfway, and at which
// question: a progress file with at least one answer.
func (s *Session) Stopped() (step string, ok bool) {
	return s.prog.Step, len(s.prog.Answers) > 0
}

// Resume asks (question id "resume") whether to resume a session that
// stopped at where, or start over. Starting over forgets the progress but
// keeps every file: the questions come again, with what the files hold now
// as their defaults. It reports whether the candidate chose to resume.
func (s *Session) Resume(where string) (bool, error) {
	msg := "You stopped at " + where + ". Resume there, or start over (your files are kept)?"
	i, err := s.p.Select(prompts.Question{ID: "resume", Message: text.Clean(msg)}, []string{"Resume", "Start over"}, 0)
	if err != nil {
		return false, err
	}
	if i == 0 {
		return true, nil
	}
	// What was half written is the candidate's, like the files: it stays
	// for when the question comes again.
	drafts := map[string]string{}
	for k, v := range s.prog.Answers {
		if strings.HasPrefix(k, draftPrefix) {
			drafts[k] = v
		}
	}
	if err := s.ws.RemoveProgress(s.name); err != nil {
		return false, err
	}
	prog, err := s.ws.Progress(s.name)
	if err != nil {
		return false, err
	}
	for k, v := range drafts {
		prog.Answers[k] = v
	}
	s.prog = prog
	if len(drafts) > 0 {
		if err := s.ws.SaveProgress(prog); err != nil {
			return false, err
		}
	}
	return false, nil
}

// draftPrefix marks, among the progress file's answers, the unfinished
// answer to a question: "draft.story.0.action". No question id starts
// with it.
const draftPrefix = "draft."

// Finish forgets the progress of a session that reached its end, so the
// next run starts afresh (with the files' text as defaults).
func (s *Session) Finish() error {
	s.unsaved = false
	return s.ws.RemoveProgress(s.name)
}

// Answered returns the recorded answer to a question (or a Note), if any.
func (s *Session) Answered(id string) (string, bool) {
	v, ok := s.prog.Answers[id]
	return v, ok
}

// Note records a value the session needs to resume, such as which file a
// question created. It reaches the disk with the next write of the
// progress (Commit writes it at once).
func (s *Session) Note(key, value string) { s.prog.Answers[key] = value }

// Commit saves the progress now, Notes included: for a step that must
// record what it is about to do before it does it.
func (s *Session) Commit() error { return s.save() }

// save writes the progress, with whatever it holds not on disk yet.
func (s *Session) save() error {
	if err := s.ws.SaveProgress(s.prog); err != nil {
		return err
	}
	s.unsaved = false
	return nil
}

// Asked counts the questions really asked in this run (not replayed), so
// a step can tell whether it did anything worth a summary.
func (s *Session) Asked() int { return s.asked }

// Ask asks q, or returns its recorded answer; see the package comment.
func (s *Session) Ask(q Question) (string, error) {
	if v, ok := s.prog.Answers[q.ID]; ok {
		return v, nil
	}
	def := ""
	if q.Default != nil {
		def = q.Default()
	}
	// Where the session is goes to disk before the prompt, so a stop at
	// this prompt can be described when it resumes; with it, the answers
	// recorded since the last write.
	if s.prog.Step != q.ID || s.unsaved {
		s.prog.Step = q.ID
		if err := s.save(); err != nil {
			return "", err
		}
	}
	s.show(q)
	s.asked++
	ans, err := s.prompt(q, def, s.prog.Answers[draftPrefix+q.ID])
	if err != nil {
		return "", s.keepDraft(q, def, err)
	}
	return ans, s.record(q, ans)
}

// keepDraft saves, as q's draft, what the candidate had written when it
// stopped at q, and returns err, the interruption; or the reason the
// draft could not be saved, since then not everything typed is.
func (s *Session) keepDraft(q Question, def string, err error) error {
	d := prompts.DraftOf(err)
	if d == "" || d == def || d == s.prog.Answers[draftPrefix+q.ID] {
		return err
	}
	if lerr := checkLength(d); lerr != nil {
		// Kept, it would make a progress file prep could not read back.
		return fmt.Errorf("stopped, but what you were writing was not kept: %v", lerr)
	}
	s.prog.Answers[draftPrefix+q.ID] = d
	if serr := s.save(); serr != nil {
		return fmt.Errorf("stopped, but what you were writing could not be kept: %w", serr)
	}
	return err
}

// Set records ans as the answer to q without asking, as when a flag gave
// it; it is saved exactly as an asked answer would be.
func (s *Session) Set(q Question, ans string) error {
	if _, ok := s.prog.Answers[q.ID]; ok {
		return nil
	}
	if err := checkLength(ans); err != nil {
		return err
	}
	return s.record(q, ans)
}

// record writes ans to its real home, then records it in the progress:
// on disk at once, unless the answer is kept in a file (InFile), when it
// goes with the next write of the progress (see Ask).
func (s *Session) record(q Question, ans string) error {
	if q.Save != nil {
		if err := q.Save(ans); err != nil {
			return err
		}
	}
	s.prog.Answers[q.ID] = ans
	delete(s.prog.Answers, draftPrefix+q.ID)
	if q.Save != nil && q.InFile {
		s.unsaved = true
		return nil
	}
	return s.save()
}

func (s *Session) prompt(q Question, def, draft string) (string, error) {
	pq := prompts.Question{ID: q.ID, Message: text.Clean(q.Message), Help: text.Clean(q.Help), Default: def, Draft: draft}
	pq.Validate = func(ans string) error {
		if err := checkLength(ans); err != nil {
			return err
		}
		if q.Validate != nil {
			return q.Validate(ans)
		}
		return nil
	}
	switch q.Kind {
	case Input:
		return s.p.Input(pq)
	case Text:
		return s.p.Text(pq)
	case Confirm:
		pq.Default = ""
		yes, err := s.p.Confirm(pq, def == Yes)
		if err != nil {
			return "", err
		}
		if yes {
			return Yes, nil
		}
		return No, nil
	case Select:
		if len(q.Options) == 0 {
			return "", fmt.Errorf("question %q has no options; this is a bug in prep, please report it", q.ID)
		}
		pq.Default = ""
		labels := make([]string, len(q.Options))
		for i, o := range q.Options {
			labels[i] = text.Clean(o.Label)
		}
		d := slices.IndexFunc(q.Options, func(o Option) bool { return o.Value == def })
		i, err := s.p.Select(pq, labels, max(d, 0))
		if err != nil {
			return "", err
		}
		if i < 0 || i >= len(q.Options) {
			return "", fmt.Errorf("question %q: choice %d is not one of its %d options; this is a bug in prep, please report it", q.ID, i+1, len(q.Options))
		}
		return q.Options[i].Value, nil
	}
	return "", errors.New("unknown kind of question; this is a bug in prep, please report it")
}

// show prints what comes before a question: its step's guidance once, a
// heading when it changes, the question's own guidance.
func (s *Session) show(q Question) {
	if q.Intro != nil {
		s.Show(q.Intro)
	}
	s.Heading(q.Heading)
	if strings.TrimSpace(q.Guidance) != "" {
		fmt.Fprintf(s.out, "%s\n", s.Wrap(q.Guidance, "  ", "  "))
	}
	for _, n := range q.Notes {
		// A note's first line is the item; each line after it goes
		// under it, on its own (a finding's hint under its message).
		for i, l := range strings.Split(n, "\n") {
			first := "  - "
			if i > 0 {
				first = "    "
			}
			fmt.Fprintf(s.out, "%s\n", s.Wrap(l, first, "    "))
		}
	}
}

// Heading prints h when it differs from the last heading printed.
func (s *Session) Heading(h string) {
	if h != "" && h != s.heading {
		s.heading = h
		fmt.Fprintf(s.out, "\n%s\n", s.Wrap(h, "", "  "))
	}
}

// Show prints a block of guidance, unless its Key was shown already in
// this run.
func (s *Session) Show(b *Block) {
	if b == nil {
		return
	}
	if b.Key != "" {
		if s.shown[b.Key] {
			return
		}
		s.shown[b.Key] = true
	}
	if b.Title != "" {
		fmt.Fprintf(s.out, "\n%s\n", s.Wrap(b.Title, "", "  "))
		s.heading = ""
	}
	if strings.TrimSpace(b.Text) != "" {
		fmt.Fprintf(s.out, "%s\n", s.Wrap(b.Text, "  ", "  "))
	}
	if len(b.Items) > 0 {
		fmt.Fprintln(s.out)
		for _, it := range b.Items {
			fmt.Fprintf(s.out, "%s\n", s.Wrap(it, "  - ", "    "))
		}
	}
}

// Printf writes glue output of the session.
func (s *Session) Printf(format string, args ...any) {
	fmt.Fprintf(s.out, format, args...)
}

// Name is the session's name, which names its progress file.
func (s *Session) Name() string { return s.name }

// LockName is the lock a session of this name takes (see Open), for a
// command that must hold it before it knows which session it runs.
func LockName(name string) string { return lockName(name) }

// Once reports whether key comes up for the first time in this run, and
// marks it: for guidance a step shows once, as Show does with a Block's
// Key.
func (s *Session) Once(key string) bool {
	if s.shown[key] {
		return false
	}
	s.shown[key] = true
	return true
}

// ClearHeading makes the next heading show even if it is the last shown:
// after text that stood between them.
func (s *Session) ClearHeading() { s.heading = "" }

// Forget drops the progress, drafts included, so the session's questions
// come again: a round started over by the command rather than by the
// candidate at the resume question.
func (s *Session) Forget() error {
	if err := s.ws.RemoveProgress(s.name); err != nil {
		return err
	}
	prog, err := s.ws.Progress(s.name)
	if err != nil {
		return err
	}
	s.prog, s.unsaved = prog, false
	return nil
}

// Printer is a session that only prints, with no lock and progress only
// in memory: for what comes before a session is chosen, so that it looks
// like the session that follows and keeps nothing. It must not Ask.
func Printer(ios *iostreams.IOStreams) *Session {
	s := &Session{shown: map[string]bool{}, prog: &workspace.Progress{Answers: map[string]string{}}}
	s.writeTo(ios)
	return s
}
