package prompts

import (
	"strings"
	"testing"
)

// FuzzScripted feeds any file to the answers reader and asks every id it
// yields with every kind of question: nothing may panic, and every error
// is one line naming the file. Seeds are in testdata/fuzz/FuzzScripted.
func FuzzScripted(f *testing.F) {
	f.Add([]byte("timeline:\n  - company: Acme\n    title: Staff\nprojects: [1, Search]\nok: yes\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseScripted("answers.yaml", data)
		if err != nil {
			checkOneLine(t, err)
			return
		}
		options := []string{"Payments", "Search", "2"}
		ids := []string{"", "missing.id"}
		for id := range s.answers {
			ids = append(ids, id)
		}
		for _, id := range ids {
			q := Question{ID: id, Message: "What?\nReally?", Validate: func(a string) error { return nil }}
			_, err := s.Input(q)
			checkOneLine(t, err)
			_, err = s.Text(q)
			checkOneLine(t, err)
			i, err := s.Select(q, options, -1)
			checkOneLine(t, err)
			if err == nil && (i < 0 || i >= len(options)) {
				t.Errorf("Select(%q) = %d, out of range", id, i)
			}
			picked, err := s.MultiSelect(q, options, nil)
			checkOneLine(t, err)
			for _, i := range picked {
				if i < 0 || i >= len(options) {
					t.Errorf("MultiSelect(%q) = %v, out of range", id, picked)
				}
			}
			_, err = s.Confirm(q, true)
			checkOneLine(t, err)
			_, err = s.MultiSelect(q, nil, nil)
			checkOneLine(t, err)
		}
		if u := s.Unused(); len(u) != 0 {
			t.Errorf("Unused() = %q after asking every id", u)
		}
	})
}

func checkOneLine(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	if strings.ContainsAny(msg, "\n\r") {
		t.Errorf("error is not one line: %q", msg)
	}
	if !strings.HasPrefix(msg, "answers.yaml") && !strings.HasPrefix(msg, "question ") {
		t.Errorf("error does not name the file: %q", msg)
	}
}
