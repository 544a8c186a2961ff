package drill

import "fmt"

// InterviewPhrase says how far off the interview is, n days from today.
func InterviewPhrase(n int) string {
	switch {
	case n == 0:
		return "your interview is today"
	case n == 1:
		return "1 day to your interview"
	case n > 1:
		return fmt.Sprintf("%d days to your interview", n)
	case n == -1:
		return "your interview was yesterday"
	}
	return fmt.Sprintf("your interview was %d days ago", -n)
}

// DayPhrase names a day relative to today: "today", "tomorrow", "in 3
// days", with its date.
func DayPhrase(d, today Day) string {
	n := d.Sub(today)
	date := d.Format("Mon 2 Jan")
	switch {
	case n <= 0:
		return "today"
	case n == 1:
		return "tomorrow (" + date + ")"
	}
	return fmt.Sprintf("in %d days (%s)", n, date)
}
