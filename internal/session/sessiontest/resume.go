package sessiontest

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

// Resume is a guided session to stop at every prompt of Script; see
// ResumeAtEveryPrompt.
type Resume struct {
	Script []Step
	// Run runs the session once on f's workspace, as a new prep process
	// would, with p asking; out is what it printed.
	Run func(f *Fixture, p prompts.Prompter) (out string, err error)
	// Fixture makes an empty workspace for one session; nil is
	// NewFixture.
	Fixture func(t *testing.T) *Fixture
	// Offered says whether a session stopped at step k of Script offers
	// to resume; when not, the next run asks the whole script again. Nil
	// offers it after any answer (k > 0).
	Offered func(k int) bool
	// Every is the spread of stops that -short keeps: every Every-th and
	// the last. 0 keeps them all.
	Every int
	// Check, when set, checks what the resumed run printed, out, after a
	// stop at stop.
	Check func(t *testing.T, stop Step, out string)
}

// ResumeAtEveryPrompt stops the session at each prompt of the script in
// turn (Ctrl-C), then runs it again: it must offer to resume, ask the
// rest of the script, and leave the workspace's files byte for byte as a
// session never stopped left them.
func ResumeAtEveryPrompt(t *testing.T, r Resume) {
	t.Helper()
	fixture := r.Fixture
	if fixture == nil {
		fixture = NewFixture
	}
	offered := r.Offered
	if offered == nil {
		offered = func(k int) bool { return k > 0 }
	}
	ref := fixture(t)
	if _, err := r.Run(ref, Stub(t, r.Script...)); err != nil {
		t.Fatalf("uninterrupted run: %v", err)
	}
	want := ref.Snapshot()
	last := len(r.Script) - 1
	for k, stop := range r.Script {
		if testing.Short() && r.Every > 0 && k%r.Every != 0 && k != last {
			continue // a spread of prompts is enough for a quick run
		}
		t.Run(stop.ID, func(t *testing.T) {
			t.Parallel()
			f := fixture(t)
			p := Stub(t, r.Script[:k]...)
			p.ExpectInterrupt(stop.ID)
			if _, err := r.Run(f, p); !errors.Is(err, prompts.ErrInterrupted) {
				t.Fatalf("first run: err = %v, want ErrInterrupted", err)
			}
			p = prompttest.New(t)
			rest := r.Script
			if offered(k) {
				p.ExpectSelect("resume", "Resume")
				rest = r.Script[k:]
			}
			for _, s := range rest {
				s.Expect(p)
			}
			out, err := r.Run(f, p)
			if err != nil {
				t.Fatalf("second run: %v", err)
			}
			if diff := cmp.Diff(want, f.Snapshot()); diff != "" {
				t.Errorf("files after resuming (-uninterrupted +resumed):\n%s", diff)
			}
			if r.Check != nil {
				r.Check(t, stop, out)
			}
		})
	}
}
