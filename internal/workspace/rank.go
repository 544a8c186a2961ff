package workspace

import "fmt"

// RankChange is one story whose rank a Rank call changed.
type RankChange struct {
	Path     string
	Title    string
	From, To int
}

// Rank gives the story ref rank n (1..3), or unranks it (0), keeping each
// rank held by one story at most. Ranks work as a list of three places:
//
//   - a story moved up to N pushes the stories from N down one place, until
//     a free place (the one it left, or an empty one) takes the last;
//   - a story moved down to N pulls the stories between its old place and
//     N up one place;
//   - a story pushed past 3 becomes unranked.
//
// So with A, B, C ranked 1, 2, 3: rank C 1 gives C, A, B; rank A 3 gives
// B, C, A; a new story ranked 1 gives it, A, B, and C is unranked. Stories
// that shared a rank (edited by hand) keep it in file-name order, the
// others being unranked. Only ranks change: Updated does not move, and
// files that do not parse are not touched. The changes come back with the
// story ref first.
func (w *Workspace) Rank(ref string, n int) ([]RankChange, error) {
	if n < 0 || n > MaxRank {
		return nil, fmt.Errorf("rank %d: use 1, 2 or 3 to feature a story, or 0 to unrank it", n)
	}
	unlock, err := w.Lock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	stories, bad, err := w.list()
	if err != nil {
		return nil, err
	}
	xi, b, err := w.resolve(ref, stories, bad)
	if err != nil {
		return nil, err
	}
	if b != nil {
		return nil, refused(b.err)
	}
	changes, err := w.applyRanks(stories, xi, n, false)
	if err != nil {
		return changes, err
	}
	x := &stories[xi]
	if x.Meta.Rank != n {
		from := x.Meta.Rank
		x.Meta.Rank = n
		if err := w.saveStory(x, false); err != nil {
			return changes, err
		}
		changes = append([]RankChange{{Path: x.Path, Title: x.Meta.Title, From: from, To: n}}, changes...)
	}
	return changes, nil
}

// applyRanks works out the ranks after stories[xi] goes to n and saves the
// other stories whose rank changes; stories[xi] itself is the caller's to
// save. stories must be in list's order. The lock must be held.
func (w *Workspace) applyRanks(stories []Story, xi, n int, touch bool) ([]RankChange, error) {
	cur := make([]int, len(stories))
	for i, s := range stories {
		cur[i] = s.Meta.Rank
	}
	next := placeRanks(cur, xi, n)
	var changes []RankChange
	for i := range stories {
		if i == xi || next[i] == cur[i] {
			continue
		}
		s := &stories[i]
		s.Meta.Rank = next[i]
		if err := w.saveStory(s, touch); err != nil {
			return changes, err
		}
		changes = append(changes, RankChange{Path: s.Path, Title: s.Meta.Title, From: cur[i], To: next[i]})
	}
	return changes, nil
}

// placeRanks returns the ranks after the story at index x goes to rank n,
// as Rank documents. cur is in list's order, which decides who keeps a
// shared rank.
func placeRanks(cur []int, x, n int) []int {
	next := make([]int, len(cur))
	copy(next, cur)
	var slot [MaxRank + 1]int // slot[r] is the index holding rank r, or -1
	for r := range slot {
		slot[r] = -1
	}
	for i, r := range cur {
		if r < 1 || r > MaxRank {
			continue
		}
		if slot[r] < 0 {
			slot[r] = i
		} else {
			next[i] = 0
		}
	}
	from := 0
	if r := cur[x]; r >= 1 && r <= MaxRank && slot[r] == x {
		from = r
		slot[r] = -1
	}
	next[x] = 0
	switch {
	case n == 0:
	case from != 0 && from < n:
		copy(slot[from:n], slot[from+1:n+1])
		slot[n] = x
	default:
		carry := x
		for r := n; r <= MaxRank && carry >= 0; r++ {
			carry, slot[r] = slot[r], carry
		}
		if carry >= 0 {
			next[carry] = 0
		}
	}
	for r := 1; r <= MaxRank; r++ {
		if slot[r] >= 0 {
			next[slot[r]] = r
		}
	}
	return next
}
