package story

import (
	"strings"
	"testing"

	"github.com/prepcli/prep/internal/session/sessiontest"
	"github.com/prepcli/prep/prompts/prompttest"
)

// An answer longer than prep keeps is refused before anything is written,
// in one line; the story and the progress stay readable. (Three answers of
// 400 KB used to push the story over the 1 MiB prep reads.)
func TestLongAnswerIsRefusedBeforeWriting(t *testing.T) {
	f := newFixture(t)
	long := strings.Repeat("We moved the ledger writes to a queue. ", 400<<10/39)
	p := prompttest.New(t)
	p.ExpectInput("title", sessiontest.OrdersTitle)
	p.ExpectText("story.situation", long)
	_, _, err := f.runNew(p, StoryOptions{})
	if err == nil || !strings.Contains(err.Error(), "longer than prep keeps") || strings.Contains(err.Error(), "\n") {
		t.Errorf("err = %v, want the answer refused in one line", err)
	}
	stories := f.Stories() // fails the test if a story does not read
	if len(stories) != 1 || stories[0].Sections["Situation"] != "" {
		t.Errorf("%d stories, the first's Situation %d bytes long; want the one story, its Situation empty", len(stories), len(stories[0].Sections["Situation"]))
	}
	if _, err := f.WS().Progress(StoryNewName); err != nil {
		t.Errorf("the progress does not read: %v", err)
	}
}
