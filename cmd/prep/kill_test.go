//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// seedEnv replays a run of the kill test: its log names the seed.
const seedEnv = "PREP_E2E_SEED"

// prep background killed with SIGKILL at random points, many times: at a
// prompt, or a few milliseconds after an Enter, while prep saves the
// answer, runs the editor or draws the next question. After each kill
// the workspace loads and holds every answer the terminal acknowledged
// (the next question came up after its Enter); the next run resumes, and
// is killed in turn, until a run is let finish. The files it ends with
// are those of an uninterrupted run of the same answers.
func TestKillNeverLosesAnAnswer(t *testing.T) {
	// The longest test here, and mostly waiting on prep: the others run
	// meanwhile. Each candidate has a home and workspace of its own.
	t.Parallel()
	kills := 60
	if testing.Short() {
		kills = 5
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv(seedEnv); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("%s=%q is not a number", seedEnv, s)
		}
		seed = n
	}
	// The seed fixes where the kills are aimed; where in time each lands
	// is up to the machine.
	t.Logf("seed %d (%s=%d go test -run %s aims the kills the same way)", seed, seedEnv, seed, t.Name())
	rng := rand.New(rand.NewPCG(seed, seed))
	want := referenceRun(t)

	// How many questions a run answers before its kill: spread so that
	// the kills cover a whole session whatever their number.
	maxAnswered := max(2, 2*len(askedOnce)/kills)

	var (
		cd       = newCandidate(t)
		book     ledger
		resuming bool
		// What the kills hit, for the log.
		atPrompt, afterEnter, midWrite, kept, again, rounds int
		hit                                                 = map[string]bool{} // the questions killed at
	)
	for killed, runs := 0, 0; ; runs++ {
		if runs > 4*kills {
			t.Fatalf("%d runs of prep for %d kills: the session is not getting anywhere", runs, kills)
		}
		r := cd.start(t, "background")
		killAt := -1 // the last run is let finish
		if killed < kills {
			killAt = rng.IntN(maxAnswered + 1)
		}
		what := "let finish"
		prev := ""
		for n, answered := 0, 0; ; n++ {
			id := r.next(prev, resuming && n == 0)
			if id == "" {
				break
			}
			book.ack()
			if book.seen[id] {
				t.Errorf("run %d asked %s again, though its answer was acknowledged before a kill", runs, id)
			}
			// The resume question comes first in most runs: it is a kill
			// point now and then, not every time killAt is 0.
			target := id != "resume" && answered >= killAt || id == "resume" && rng.IntN(8) == 0
			if killAt < 0 || !target {
				r.answer(id)
				book.sent(id)
				prev = id
				if id != "resume" {
					answered++
				}
				continue
			}
			hit[id] = true
			// Kill at this prompt, or just after answering it: anywhere
			// in saving the answer, running the editor or drawing the
			// next question.
			if rng.IntN(3) > 0 {
				r.answer(id)
				book.sent(id)
				delay := killDelay(rng)
				time.Sleep(delay)
				what = fmt.Sprintf("killed %v after answering %s", delay, id)
				afterEnter++
			} else {
				what = "killed at the prompt of " + id
				atPrompt++
			}
			r.kill()
			killed++
			break
		}
		r.cleanup()
		t.Logf("run %d: %s (%s); %d answers acknowledged", runs, what, describeStatus(r.status), len(book.acked))

		// The session reached its end, perhaps just before a kill, or
		// was killed once it had forgotten its progress, on its way out.
		_, err := os.Stat(filepath.Join(cd.ws, "sessions", "background.yaml"))
		ended := book.inFlight == askedOnce[len(askedOnce)-1] && errors.Is(err, fs.ErrNotExist)
		if r.status.Exited() && r.status.ExitStatus() == 0 || ended {
			book.ack()
			book.checkSaved(t, cd.ws, true)
			if diff := cmp.Diff(want, snap(t, cd.ws)); diff != "" {
				t.Fatalf("after %d kills the workspace differs from an uninterrupted run's (-want +got):\n%s", killed, diff)
			}
			rounds++
			if killed >= kills {
				break
			}
			cd, book, resuming = newCandidate(t), ledger{}, false
			continue
		}
		if !r.status.Signaled() || r.status.Signal() != syscall.SIGKILL {
			r.fatalf("prep %s, want it killed or at the end of the session", describeStatus(r.status))
		}
		if leftTempFiles(t, cd.ws) {
			midWrite++
		}
		book.checkSaved(t, cd.ws, false)
		if t.Failed() {
			t.Fatalf("run %d, %s: see above", runs, what)
		}
		p, err := readProgress(cd.ws)
		if err != nil {
			t.Fatalf("after run %d: %v", runs, err)
		}
		// An answer the session recorded before the kill is never asked
		// again, so from now on it must stay; one it did not record is
		// asked again, and answered again.
		if _, ok := p.Answers[book.inFlight]; ok {
			id := book.inFlight
			book.ack()
			kept++
			book.checkSaved(t, cd.ws, false)
			if t.Failed() {
				t.Fatalf("run %d, %s: the session recorded %s as answered, and its answer is not in the files", runs, what, id)
			}
		} else if book.inFlight != "" {
			again++
		}
		book.inFlight = ""
		resuming = len(p.Answers) > 0
	}
	t.Logf("%d kills at %d different questions: %d at a prompt, %d up to 30ms after an Enter (%d of these answers recorded, %d asked again), %d in the middle of writing a file; %d sessions finished and compared",
		atPrompt+afterEnter, len(hit), atPrompt, afterEnter, kept, again, midWrite, rounds)
}

// killDelay is how long after an Enter a kill comes: none at all a
// quarter of the time, else from 50µs to 30ms, evenly on a log scale, so
// the short steps after the key (saving the answer, a few hundred
// microseconds) are hit about as often as the long ones (running the
// editor, drawing the next question).
func killDelay(rng *rand.Rand) time.Duration {
	if rng.IntN(4) == 0 {
		return 0
	}
	return time.Duration(float64(50*time.Microsecond) * math.Pow(600, rng.Float64()))
}

// leftTempFiles reports whether a killed prep left one of its temporary
// files in the workspace: it was killed writing a file, before the rename
// that puts it in place. The next prep removes it.
func leftTempFiles(t *testing.T, ws string) bool {
	t.Helper()
	for _, dir := range []string{"", "stories", "sessions"} {
		entries, err := os.ReadDir(filepath.Join(ws, dir))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") && strings.Contains(e.Name(), ".tmp-") {
				return true
			}
		}
	}
	return false
}
