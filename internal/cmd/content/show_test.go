package content

import (
	"testing"

	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/session/sessiontest"
)

// What `prep content show` prints is wrapped to the terminal: a panel's
// paragraphs and lists, an exercise's hints, a worked example's and a
// reference's Markdown (they were 78 columns wide in any terminal).
func TestShowWrapsToTheTerminal(t *testing.T) {
	p, err := pack.Load(builtIn)
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{"panel/technical", "rubric/star", "exercise/authz-hot-object", "example/star-strong", "reference/fundamentals", "component/postgres", "tradeoff/batch-vs-stream"} {
		t.Run(ref, func(t *testing.T) {
			sessiontest.EachWidth(t, func(t *testing.T, terminal int) string {
				ios, _, out, _ := iostreams.Test()
				ios.SetTerminalWidth(terminal)
				opts := &ShowOptions{IO: ios, Pack: func() (*pack.Pack, error) { return p, nil }, Ref: ref, Format: "text", Reveal: true}
				if err := RunShow(opts); err != nil {
					t.Fatal(err)
				}
				return out.String()
			})
		})
	}
}
