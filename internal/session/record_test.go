package session

import (
	"testing"

	"github.com/prepcli/prep/prompts/prompttest"
)

// An answer kept whole in a file (InFile) is in that file when Ask
// returns, and in the progress with the next write of it: before the next
// prompt, or when the session closes. An answer whose only home is the
// progress is there when Ask returns.
func TestAnswerRecordedBeforeTheNextQuestion(t *testing.T) {
	f := newFixture(t)
	home := map[string]string{} // stands for the story file
	inFile := func(id string) Question {
		return Question{ID: id, Kind: Input, Message: id, InFile: true, Save: func(ans string) error { home[id] = ans; return nil }}
	}
	recorded := func(id string) bool {
		t.Helper()
		prog, err := f.ws().Progress("background")
		if err != nil {
			t.Fatal(err)
		}
		_, ok := prog.Answers[id]
		return ok
	}
	p := prompttest.New(t)
	p.ExpectInput("a", "one")
	p.ExpectInput("b", "two")
	p.ExpectInput("c", "three")
	s, err := Open(f.ws(), "background", p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ask(inFile("a")); err != nil {
		t.Fatal(err)
	}
	if home["a"] != "one" {
		t.Fatalf("a is not in its file when Ask returns: %q", home)
	}
	if _, err := s.Ask(Question{ID: "b", Kind: Input, Message: "b"}); err != nil {
		t.Fatal(err)
	}
	if !recorded("a") || !recorded("b") {
		t.Errorf("after the next question, the progress has a: %v, b: %v; want both", recorded("a"), recorded("b"))
	}
	if _, err := s.Ask(inFile("c")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if !recorded("c") {
		t.Error("the last answer is not in the progress after Close")
	}
}
