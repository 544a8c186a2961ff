package packdoc

import (
	"bytes"
	"strings"
	"testing"

	"github.com/prepcli/prep/internal/pack"
)

// A hint is shown one way everywhere ("Hint 1 of 2: …"), and a count of
// them is English: "(1 hints" and "  1. " were two more ways.
func TestExerciseHintsOneFormat(t *testing.T) {
	one := &pack.Exercise{Title: "A ledger API", Kind: "design", Prompt: "Design it.", Hints: []string{"What arrives twice?"}}
	var b bytes.Buffer
	if err := Exercise(&b, Width, one, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "(1 hint withheld; add --reveal to show them)") {
		t.Errorf("withheld hint not counted in words:\n%s", b.String())
	}
	two := *one
	two.Hints = append(two.Hints, "Which number decides the storage?")
	two.Notes = "MVP: one table."
	b.Reset()
	if err := Exercise(&b, Width, &two, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "(2 hints and the reference notes withheld;") {
		t.Errorf("withheld hints not counted in words:\n%s", b.String())
	}
	b.Reset()
	if err := Exercise(&b, Width, &two, true); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"  Hint 1 of 2: What arrives twice?\n", "  Hint 2 of 2: Which number decides the storage?\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("revealed hints lack %q:\n%s", want, b.String())
		}
	}
	if got := Hint(0, 5, "What arrives\ntwice?"); got != "Hint 1 of 5: What arrives twice?" {
		t.Errorf("Hint = %q", got)
	}
}
