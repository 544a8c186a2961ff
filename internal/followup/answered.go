package followup

import "strings"

// Answered counts the follow-ups of a story's follow-ups section that have
// an answer, read as Parse reads them (and so as the prep sheet shows
// them): prep status and the sheet agree on a section written by hand.
func Answered(text string) int {
	n := 0
	for _, f := range Parse(text) {
		if strings.TrimSpace(f.Answer) != "" {
			n++
		}
	}
	return n
}
