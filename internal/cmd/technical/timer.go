package technical

import (
	"fmt"
	"strconv"
	"time"
)

// answerTimer is the clock of a timed answer. The time used is carried over
// from earlier runs of the session (the progress keeps it with each
// answer), so a break between two runs does not count against the
// candidate; the split comes from the rubric's minutes.
type answerTimer struct {
	budget time.Duration
	now    func() time.Time
	start  time.Time     // when this run started
	before time.Duration // used in earlier runs
	// marks[i] is when step i should be done, from the start.
	marks []time.Duration
}

// startTimer starts the timer of this run: budget, or the one the session
// was started with when budget is 0; nil when there is neither.
func (t *technical) startTimer(budget time.Duration) *answerTimer {
	if budget <= 0 {
		if v, ok := t.s.Answered("timer"); ok {
			budget, _ = time.ParseDuration(v)
		}
	}
	if budget <= 0 {
		return nil
	}
	t.s.Note("timer", budget.String())
	c := &answerTimer{budget: budget, now: t.now, start: t.now()}
	if v, ok := t.s.Answered("timer.used"); ok {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			c.before = time.Duration(n) * time.Second
		}
	}
	weights := make([]int, len(t.rubric.Sections))
	total := 0
	for i, sec := range t.rubric.Sections {
		weights[i] = max(sec.Minutes, 0)
		total += weights[i]
	}
	if total == 0 {
		for i := range weights {
			weights[i] = 1
		}
		total = len(weights)
	}
	// Whole minutes when the time allows, so the split reads simply; the
	// marks are rounded rather than the shares, so they add up exactly.
	unit := time.Second
	if budget%time.Minute == 0 && budget >= time.Duration(len(weights))*time.Minute {
		unit = time.Minute
	}
	cum := 0
	for _, w := range weights {
		cum += w
		exact := float64(budget) * float64(cum) / float64(total)
		c.marks = append(c.marks, time.Duration(exact/float64(unit)+0.5)*unit)
	}
	return c
}

func (c *answerTimer) used() time.Duration { return c.before + c.now().Sub(c.start) }

func (c *answerTimer) left() time.Duration { return c.budget - c.used() }

// mark is when step i should be done, from the start.
func (c *answerTimer) mark(i int) time.Duration { return c.marks[i] }

// share is the time the split gives step i.
func (c *answerTimer) share(i int) time.Duration {
	if i == 0 {
		return c.marks[0]
	}
	return c.marks[i] - c.marks[i-1]
}

// status is the line shown before step i: the time left and the step's
// share, or how far over time the answer is.
func (c *answerTimer) status(i int, title string) string {
	left := c.left()
	if left <= 0 {
		return fmt.Sprintf("Time is up: %s over your %s.", sayRoughly(-left), sayMinutes(c.budget))
	}
	s := fmt.Sprintf("%s left of %s; the split gives %s about %s", sayRoughly(left), sayMinutes(c.budget), title, sayMinutes(c.share(i)))
	start := c.budget - c.marks[i] + c.share(i) // time left when the step should start
	if behind := start - left; behind >= time.Minute {
		s += fmt.Sprintf(" (you are %s behind it)", sayRoughly(behind))
	}
	return s + "."
}

// sayMinutes says a duration as a person reads a timer: "45 min",
// "4 min 30 s", "40 s".
func sayMinutes(d time.Duration) string {
	d = d.Round(time.Second)
	if d < time.Minute {
		return fmt.Sprintf("%d s", int(d/time.Second))
	}
	m, s := int(d/time.Minute), int(d%time.Minute/time.Second)
	if s == 0 {
		return fmt.Sprintf("%d min", m)
	}
	return fmt.Sprintf("%d min %d s", m, s)
}

// sayRoughly is sayMinutes to the minute from two minutes on: a countdown in
// seconds would only distract.
func sayRoughly(d time.Duration) string {
	if d >= 2*time.Minute {
		d = d.Round(time.Minute)
	}
	return sayMinutes(d)
}

// shortDuration is a duration as --timer takes it: "45m", "1h30m", "90s".
func shortDuration(d time.Duration) string {
	s := d.Round(time.Second).String()
	if len(s) > 2 && s[len(s)-2:] == "0s" && s != "0s" && (s[len(s)-3] == 'm' || s[len(s)-3] == 'h') {
		s = s[:len(s)-2]
	}
	if len(s) > 2 && s[len(s)-2:] == "0m" && s[len(s)-3] == 'h' {
		s = s[:len(s)-2]
	}
	return s
}
