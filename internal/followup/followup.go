// Package followup is prep's one idea of a follow-up question kept in a
// story: which of a bank's follow-ups fit a story (Choose), how a
// rehearsed answer is written into the story's follow-ups section (Set)
// and read back (Answer), and how the follow-ups a candidate wrote in any
// common form are read for the prep sheet (Parse). Every command that
// chooses, keeps or reads follow-ups goes through here, so the item one
// writes is the item the others read.
package followup

import (
	"slices"
	"strings"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/text"
)

// Section is the id of the rubric section that keeps a story's rehearsed
// follow-ups, one item per question.
const Section = "followups"

// Choose picks up to n follow-ups from bank for a story whose
// text is story and whose check found the sections in weak wanting.
//
// A follow-up scores two points for each of its topic words the story
// uses and one for each section it probes that is weak. One whose topics
// the story never mentions is about something else (Kafka, for a story
// with no queue) and comes only when nothing else is left; one with no
// topics fits any story. Highest score first, ties in bank order, so the
// same story always gets the same questions.
func Choose(bank []pack.Followup, story string, weak map[string]bool, n int) []pack.Followup {
	hay := " " + strings.Join(text.Words(story), " ") + " "
	type scored struct {
		i, score int
		offTopic bool
	}
	all := make([]scored, len(bank))
	for i, f := range bank {
		sc := scored{i: i}
		hits := 0
		for _, t := range f.Topics {
			if w := text.Words(t); len(w) > 0 && strings.Contains(hay, " "+strings.Join(w, " ")+" ") {
				hits++
			}
		}
		sc.offTopic = len(f.Topics) > 0 && hits == 0
		sc.score = 2 * hits
		for _, s := range f.Sections {
			if weak[s] {
				sc.score++
			}
		}
		all[i] = sc
	}
	slices.SortStableFunc(all, func(a, b scored) int {
		if a.offTopic != b.offTopic {
			if a.offTopic {
				return 1
			}
			return -1
		}
		return b.score - a.score
	})
	out := make([]pack.Followup, 0, min(n, len(bank)))
	for _, sc := range all[:min(n, len(all))] {
		out = append(out, bank[sc.i])
	}
	return out
}

// A rehearsed follow-up is kept in the story as a list item: the question
// in bold, the prepared answer under it. The answer is indented four
// spaces, so no line of it can become a heading or a code fence that
// would cut the story's sections apart.
const answerIndent = "    "

func itemLine(question string) string { return "- **" + question + "**" }

// Set returns section with the item for question holding answer:
// the item replaced where it is, or added at the end. Whatever else the
// candidate wrote there stays as it was.
func Set(section, question, answer string) string {
	lines := splitLines(section)
	item := []string{itemLine(question)}
	for _, l := range splitLines(strings.Trim(answer, "\n")) {
		if strings.TrimSpace(l) == "" {
			item = append(item, "")
			continue
		}
		item = append(item, answerIndent+l)
	}
	start, end, ok := findItem(lines, question)
	if !ok {
		for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
			lines = lines[:len(lines)-1]
		}
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		return strings.Join(append(lines, item...), "\n")
	}
	out := slices.Concat(lines[:start], item, lines[end:])
	return strings.Join(out, "\n")
}

// Answer reads back the answer Set kept for question.
func Answer(section, question string) (string, bool) {
	lines := splitLines(section)
	start, end, ok := findItem(lines, question)
	if !ok {
		return "", false
	}
	var out []string
	for _, l := range lines[start+1 : end] {
		switch {
		case strings.HasPrefix(l, answerIndent):
			l = l[len(answerIndent):]
		case strings.HasPrefix(l, "\t"):
			l = l[1:]
		default:
			l = strings.TrimLeft(l, " ")
		}
		out = append(out, l)
	}
	return strings.Trim(strings.Join(out, "\n"), "\n"), true
}

// findItem finds question's item: its line, and the end of what is
// indented under it (trailing blank lines left out, as they separate it
// from what follows).
func findItem(lines []string, question string) (start, end int, ok bool) {
	want := itemLine(question)
	start = slices.IndexFunc(lines, func(l string) bool { return strings.TrimRight(l, " \t") == want })
	if start < 0 {
		return 0, 0, false
	}
	end = start + 1
	for end < len(lines) && (strings.TrimSpace(lines[end]) == "" || lines[end][0] == ' ' || lines[end][0] == '\t') {
		end++
	}
	for end > start+1 && strings.TrimSpace(lines[end-1]) == "" {
		end--
	}
	return start, end, true
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
}
