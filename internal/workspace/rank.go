package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/prepcli/prep/internal/progname"
)

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
// B, C, A; a new story ranked 1 gives it, A, B, and C is unranked.
//
// Stories that share a rank (edited by hand) are a question only the
// candidate can answer: which one comes first. Ranking one of them answers
// it, and the others that shared its rank move to the next free places;
// ranking any other story meanwhile is refused, saying so. Only ranks
// change: Updated does not move, and files that do not parse are not
// touched. Every file is saved or none is: a failed save leaves the ranks
// as they were. The changes come back with the story ref first.
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
	if err := w.clashAside(stories, xi); err != nil {
		return nil, err
	}
	cur := ranksOf(stories)
	next := placeRanks(cur, xi, n)
	var group []pendingSave
	var changes []RankChange
	// The story ranked first: were the others to be saved and not it, its
	// new place would stand empty.
	order := []int{xi}
	for i := range stories {
		if i != xi {
			order = append(order, i)
		}
	}
	for _, i := range order {
		if next[i] == cur[i] {
			continue
		}
		s := &stories[i]
		s.Meta.Rank = next[i]
		group = append(group, pendingSave{s: s})
		changes = append(changes, RankChange{Path: s.Path, Title: s.Meta.Title, From: cur[i], To: next[i]})
	}
	if err := w.saveAll(group); err != nil {
		return nil, err
	}
	return changes, nil
}

func ranksOf(stories []Story) []int {
	cur := make([]int, len(stories))
	for i, s := range stories {
		cur[i] = s.Meta.Rank
	}
	return cur
}

// Clash is a rank that more than one story holds: files edited by hand.
type Clash struct {
	Rank  int
	Paths []string // in list order: file name
}

func (c Clash) Error() string {
	names := make([]string, len(c.Paths))
	for i, p := range c.Paths {
		names[i] = filepath.Base(p)
	}
	list := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	first := strings.TrimSuffix(names[0], filepath.Ext(names[0]))
	return fmt.Sprintf("%s share rank %d; say which comes first, such as %s story rank %s %d, and the others move down a place",
		list, c.Rank, progname.Name(), quoteArg(first), c.Rank)
}

// Clashes lists the ranks that more than one of stories holds, each with
// what to do. stories are as Stories returns them.
func Clashes(stories []Story) []Clash {
	var out []Clash
	for r := 1; r <= MaxRank; r++ {
		var paths []string
		for _, s := range stories {
			if s.Meta.Rank == r {
				paths = append(paths, s.Path)
			}
		}
		if len(paths) > 1 {
			out = append(out, Clash{Rank: r, Paths: paths})
		}
	}
	return out
}

// quoteArg quotes a name for a command line the candidate will copy.
func quoteArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// clashAside refuses to rank stories[xi] while other stories share a rank
// and it is not one of them: prep would have to guess which of them the
// candidate put first.
func (w *Workspace) clashAside(stories []Story, xi int) error {
	clashes := Clashes(stories)
	for _, c := range clashes {
		if stories[xi].Meta.Rank == c.Rank {
			return nil
		}
	}
	if len(clashes) == 0 {
		return nil
	}
	return fmt.Errorf("%s: %v; then rank %s", w.path(StoriesDir), clashes[0], stories[xi].Name())
}

// placeRanks returns the ranks after the story at index x goes to rank n,
// as Rank documents. cur is in list's order, which decides who keeps a
// shared rank: the first; the others take the next free places.
func placeRanks(cur []int, x, n int) []int {
	next := make([]int, len(cur))
	copy(next, cur)
	var slot [MaxRank + 1]int // slot[r] is the index holding rank r, or -1
	for r := range slot {
		slot[r] = -1
	}
	var shared []int
	for i, r := range cur {
		if r < 1 || r > MaxRank || i == x {
			continue
		}
		if slot[r] < 0 {
			slot[r] = i
		} else {
			shared = append(shared, i)
		}
	}
	// Those that shared a rank stay featured: the next free place after
	// it, else the nearest one before it, else (all three taken) none.
	for _, i := range shared {
		next[i] = 0
		for r := cur[i] + 1; r <= MaxRank && next[i] == 0; r++ {
			if slot[r] < 0 {
				slot[r], next[i] = i, r
			}
		}
		for r := cur[i] - 1; r >= 1 && next[i] == 0; r-- {
			if slot[r] < 0 {
				slot[r], next[i] = i, r
			}
		}
	}
	from := 0
	if r := cur[x]; r >= 1 && r <= MaxRank && slot[r] < 0 {
		from = r
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

// pendingSave is one story of a group saved together.
type pendingSave struct {
	s     *Story
	touch bool // an edit: Updated moves
	// checked: the save has checked the file already, and old and
	// existed hold it.
	checked bool

	before  Story  // the story as the caller had it, put back on failure
	old     []byte // the file before, to put back
	existed bool
	out     []byte
}

// saveHook, when set by a test, runs before each file of a group is
// written; an error stands for the write failing.
var saveHook func(path string) error

// saveAll saves a group of stories whose ranks move together, all or
// none: every file is checked (it parses, nobody changed it since it was
// read) and encoded before the first is written, and when a write fails
// the files already written get their old content back. So a full disk
// or a file prep may not replace never leaves a rank empty or held twice.
// The lock must be held.
func (w *Workspace) saveAll(group []pendingSave) error {
	if len(group) == 0 {
		return nil
	}
	putBack := func() {
		for i := range group {
			*group[i].s = group[i].before
		}
	}
	for i := range group {
		p := &group[i]
		p.before = *p.s
		if err := w.prepareSave(p); err != nil {
			putBack()
			return err
		}
	}
	for i := range group {
		p := &group[i]
		err := error(nil)
		if saveHook != nil {
			err = saveHook(p.s.Path)
		}
		if err == nil {
			err = writeAtomic(p.s.Path, p.out)
		}
		if err != nil {
			stuck := undoSaves(group[:i])
			putBack()
			if len(stuck) > 0 {
				return fmt.Errorf("%v; and prep could not put back %s as it was: run %s story list and rank them again", err, strings.Join(stuck, ", "), progname.Name())
			}
			return err
		}
	}
	for i := range group {
		group[i].s.disk = stampOf(group[i].out, true)
		group[i].s.diskRank = group[i].s.Meta.Rank
	}
	return nil
}

// prepareSave does every check of a save and encodes the file, writing
// nothing.
func (w *Workspace) prepareSave(p *pendingSave) error {
	if err := w.ensureDir(StoriesDir); err != nil {
		return err
	}
	s := p.s
	if s.Path == "" {
		name, err := freeName(w.path(StoriesDir), Slug(s.Meta.Title))
		if err != nil {
			return err
		}
		s.Path = w.path(StoriesDir + "/" + name)
		s.disk = stamp{read: true}
		if s.Meta.Kind == "" {
			s.Meta.Kind = KindStar
		}
	}
	if !p.checked {
		_, data, exists, err := w.checkSave(s, nil)
		if err != nil {
			return err
		}
		p.old, p.existed = data, exists
	}
	if p.touch {
		now := w.now().Round(0).Truncate(time.Second)
		if s.Meta.Created.IsZero() {
			s.Meta.Created = now
		}
		s.Meta.Updated = now
	}
	p.out = s.encode()
	return nil
}

// undoSaves puts back the files of a group already written, the last
// first; it returns the ones it could not.
func undoSaves(done []pendingSave) []string {
	var stuck []string
	for i := len(done) - 1; i >= 0; i-- {
		p := done[i]
		var err error
		if p.existed {
			err = writeAtomic(p.s.Path, p.old)
		} else {
			err = os.Remove(p.s.Path)
		}
		if err != nil {
			stuck = append(stuck, filepath.Base(p.s.Path))
		}
	}
	return stuck
}
