package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/prepcli/prep/internal/fserr"
	"github.com/prepcli/prep/internal/progname"
)

// trashStamp starts the name of a removed story in .trash: when it was
// removed, in UTC so names sort by time wherever the candidate travels.
const trashStamp = "20060102-150405"

// Trashed is a removed story kept in .trash.
type Trashed struct {
	Path    string    // the file in .trash
	Name    string    // the story's file name before it was removed
	Removed time.Time // zero when the file was put there by hand
}

// Remove moves the story ref to .trash/<time>-<name>, from where Restore
// (or the candidate, by hand) can bring it back. A story whose file does
// not parse can be removed too, by name: nothing is lost. It returns the
// path in the trash.
func (w *Workspace) Remove(ref string) (string, error) {
	unlock, err := w.Lock()
	if err != nil {
		return "", err
	}
	defer unlock()
	stories, bad, err := w.list()
	if err != nil {
		return "", err
	}
	i, b, err := w.resolve(ref, stories, bad)
	if err != nil {
		return "", err
	}
	path := ""
	if b != nil {
		path = b.path
	} else {
		path = stories[i].Path
	}
	if err := w.ensureDir(TrashDir); err != nil {
		return "", err
	}
	trash := w.path(TrashDir)
	stamp := w.now().UTC().Format(trashStamp)
	dst := ""
	for n := 1; ; n++ {
		name := stamp + "-" + filepath.Base(path)
		if n > 1 {
			name = fmt.Sprintf("%s.%d-%s", stamp, n, filepath.Base(path))
		}
		dst = filepath.Join(trash, name)
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			break
		}
	}
	if err := os.Rename(path, dst); err != nil {
		return "", fmt.Errorf("%s: cannot move it to %s: %v; check the permissions of %s", path, trash, fserr.Cause(err), w.dir)
	}
	syncDir(trash)
	syncDir(filepath.Dir(path))
	return dst, nil
}

// Trash lists the removed stories, the most recently removed first.
func (w *Workspace) Trash() ([]Trashed, error) {
	dir := w.path(TrashDir)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, readError(dir, err)
	}
	var out []Trashed
	for _, e := range entries {
		if e.IsDir() || isTemp(e.Name()) {
			continue
		}
		t := Trashed{Path: filepath.Join(dir, e.Name()), Name: e.Name()}
		if when, name, ok := parseTrashName(e.Name()); ok {
			t.Removed, t.Name = when, name
		}
		out = append(out, t)
	}
	slices.SortStableFunc(out, func(a, b Trashed) int {
		if c := b.Removed.Compare(a.Removed); c != 0 {
			return c
		}
		return strings.Compare(b.Path, a.Path)
	})
	return out, nil
}

// parseTrashName splits "20260102-150405-name.md" or, for a second
// removal in the same second, "20260102-150405.2-name.md".
func parseTrashName(s string) (time.Time, string, bool) {
	if len(s) <= len(trashStamp)+1 {
		return time.Time{}, "", false
	}
	when, err := time.Parse(trashStamp, s[:len(trashStamp)])
	if err != nil {
		return time.Time{}, "", false
	}
	rest := s[len(trashStamp):]
	if strings.HasPrefix(rest, ".") {
		num, after, ok := strings.Cut(rest[1:], "-")
		if _, err := strconv.Atoi(num); !ok || err != nil {
			return time.Time{}, "", false
		}
		rest = "-" + after
	}
	name, ok := strings.CutPrefix(rest, "-")
	if !ok || name == "" {
		return time.Time{}, "", false
	}
	return when, name, true
}

// Restore brings a removed story back into stories/, under its old name or
// a free one like it. ref is the name in the trash, or names the story as
// prep story rm took it: its old file name, slug, or the start of its
// slug (the latest removal of it). When its rank is now held by another
// story, it comes back unranked. It returns the story's new path.
func (w *Workspace) Restore(ref string) (string, error) {
	unlock, err := w.Lock()
	if err != nil {
		return "", err
	}
	defer unlock()
	items, err := w.Trash()
	if err != nil {
		return "", err
	}
	k, err := w.findTrashed(strings.TrimSpace(ref), items)
	if err != nil {
		return "", err
	}
	t := items[k]
	if err := w.ensureDir(StoriesDir); err != nil {
		return "", err
	}
	dir := w.path(StoriesDir)
	name, err := freeName(dir, strings.TrimSuffix(t.Name, filepath.Ext(t.Name)))
	if err != nil {
		return "", err
	}
	dst := filepath.Join(dir, name)
	if err := os.Rename(t.Path, dst); err != nil {
		return "", fmt.Errorf("%s: cannot move it back to %s: %v; move it by hand", t.Path, dir, fserr.Cause(err))
	}
	syncDir(dir)
	syncDir(filepath.Dir(t.Path))

	s, err := readStory(dst)
	if err != nil || s == nil || s.Meta.Rank == 0 {
		return dst, nil // restored as it was; Stories reports it if broken
	}
	stories, _, err := w.list()
	if err != nil {
		return dst, nil
	}
	for _, o := range stories {
		if o.Path != dst && o.Meta.Rank == s.Meta.Rank {
			s.Meta.Rank = 0
			return dst, w.saveAll([]pendingSave{{s: s}})
		}
	}
	return dst, nil
}

// findTrashed finds ref among the removed stories (the latest removal
// first): the name of a file in the trash, else the story's old name as
// resolve matches a story's, so whatever named a story for prep story rm
// names it for prep story restore.
func (w *Workspace) findTrashed(ref string, items []Trashed) (int, error) {
	if ref == "" {
		return -1, fmt.Errorf("no story named; give the name %[1]s story rm printed, or run %[1]s story restore to list the trash", progname.Name())
	}
	if k := slices.IndexFunc(items, func(t Trashed) bool { return filepath.Base(t.Path) == ref }); k >= 0 {
		return k, nil
	}
	for _, test := range nameTests(ref) {
		first := -1
		var names []string
		for k, t := range items {
			if !test(t.Name, strings.TrimSuffix(t.Name, filepath.Ext(t.Name))) {
				continue
			}
			if first < 0 {
				first = k
			}
			if !slices.Contains(names, t.Name) {
				names = append(names, t.Name)
			}
		}
		switch {
		case len(names) > 1:
			slices.Sort(names)
			return -1, fmt.Errorf("%q could be %s in the trash; give the whole name", ref, strings.Join(names, " or "))
		case first >= 0:
			return first, nil
		}
	}
	return -1, &notFoundError{fmt.Sprintf("no removed story %q in %s; run %s story restore to list them", ref, w.path(TrashDir), progname.Name())}
}
