package workspace

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestTimelineRoundTrip(t *testing.T) {
	w, _ := newWS(t)
	empty, err := w.Timeline()
	if err != nil {
		t.Fatal(err)
	}
	if len(empty.Roles) != 0 {
		t.Errorf("a new workspace has roles: %v", empty.Roles)
	}
	tl := &Timeline{Roles: []Role{
		{Company: "Acme", Title: "Staff Engineer", Start: "2023-04", End: "present",
			Owned: "The payments platform.\nIts on-call.", Impact: "Checkout errors down 80%."},
		{Company: "Initech", Title: "Engineer", Start: "2019", End: "2023-03"},
	}}
	if err := w.SaveTimeline(tl); err != nil {
		t.Fatal(err)
	}
	want := `# Your résumé timeline for prep, most recent role first.
roles:
  - company: Acme
    title: Staff Engineer
    start: 2023-04
    end: present
    owned: |-
      The payments platform.
      Its on-call.
    impact: Checkout errors down 80%.
  - company: Initech
    title: Engineer
    start: "2019"
    end: 2023-03
`
	if diff := cmp.Diff(want, get(t, w.path(TimelineFile))); diff != "" {
		t.Errorf("timeline.yaml (-want +got):\n%s", diff)
	}
	back, err := w.Timeline()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(tl, back, cmpopts.IgnoreUnexported(Timeline{})); diff != "" {
		t.Errorf("read back (-saved +read):\n%s", diff)
	}
	// A file of comments only is an empty timeline, not an error.
	put(t, w, TimelineFile, "# roles: none yet\n")
	if tl, err := w.Timeline(); err != nil || len(tl.Roles) != 0 {
		t.Errorf("a timeline of comments = %v, %v; want no roles, no error", tl, err)
	}
	// Hand-written dates YAML reads as numbers or dates stay as typed.
	put(t, w, TimelineFile, "roles:\n  - company: A\n    start: 2019\n    end: 2021-06-30\n")
	typed, err := w.Timeline()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Role{{Company: "A", Start: "2019", End: "2021-06-30"}}, typed.Roles); diff != "" {
		t.Errorf("typed dates (-want +got):\n%s", diff)
	}
}

// A timeline or progress file that does not parse is an error with its
// line, and nothing is saved over it.
func TestStrictFilesAreReportedAndNeverOverwritten(t *testing.T) {
	tests := []struct {
		name, rel, content, want string
	}{
		{"unknown key in a role", TimelineFile, "roles:\n  - company: Acme\n    compnay: Acme\n",
			`:3: unknown key "compnay"; correct its spelling or remove it (known keys: roles; in each role company, title, start, end, owned, impact)`},
		{"unknown top-level key", TimelineFile, "role:\n  - company: Acme\n",
			`:1: unknown key "role"; correct its spelling or remove it (known keys: roles; in each role company, title, start, end, owned, impact)`},
		{"bad YAML", TimelineFile, "roles:\n  - company: 'Acme\n",
			`:2: not valid YAML: found unexpected end of stream; fix it in your editor`},
		{"wrong shape", TimelineFile, "roles: Acme\n",
			`:1: expected a list here, found "Acme"; fix it in your editor`},
		{"text where a role goes", TimelineFile, "roles:\n  - Acme\n",
			`:2: expected key: value lines here, found "Acme"; fix it in your editor`},
		{"a second document", TimelineFile, "roles: []\n---\nroles: []\n",
			`:2: a second YAML document (after ---); keep one document, fix it in your editor`},
		{"duplicate key", "sessions/background.yaml", "step: roles\nstep: stories\n",
			`:2: key "step" appears twice (first on line 1); keep one`},
		{"bad date", "sessions/background.yaml", "step: roles\nstarted: yesterday\n",
			`:2: "yesterday" is not a date; write it like 2026-01-02T15:04:05Z; fix it in your editor`},
		{"answers not a map", "sessions/background.yaml", "answers:\n  - a\n",
			`:2: expected key: value lines here, found a list; fix it in your editor`},
		{"an answer that is a list", "sessions/background.yaml", "answers:\n  q1: [a, b]\n",
			`:2: expected text here, found a list; fix it in your editor`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, _ := newWS(t)
			path := put(t, w, tt.rel, tt.content)
			var readErr, saveErr error
			if tt.rel == TimelineFile {
				_, readErr = w.Timeline()
				saveErr = w.SaveTimeline(&Timeline{Roles: []Role{{Company: "New"}}})
			} else {
				_, readErr = w.Progress("background")
				saveErr = w.SaveProgress(&Progress{Name: "background", Step: "x"})
			}
			if diff := cmp.Diff(path+tt.want, fmt.Sprint(readErr)); diff != "" {
				t.Errorf("read error (-want +got):\n%s", diff)
			}
			var pe *ParseError
			if !errors.As(saveErr, &pe) || !pe.Refused || pe.Path != path {
				t.Errorf("save over the broken file = %v, want a refused ParseError", saveErr)
			}
			if got := get(t, path); got != tt.content {
				t.Errorf("the broken file changed to %q", got)
			}
		})
	}
}

func TestTimelineEditedMeanwhileIsNotOverwritten(t *testing.T) {
	w, _ := newWS(t)
	if err := w.SaveTimeline(&Timeline{Roles: []Role{{Company: "Acme"}}}); err != nil {
		t.Fatal(err)
	}
	tl, err := w.Timeline()
	if err != nil {
		t.Fatal(err)
	}
	put(t, w, TimelineFile, "roles:\n  - company: Edited by hand\n")
	tl.Roles = append(tl.Roles, Role{Company: "Initech"})
	if err := w.SaveTimeline(tl); !errors.Is(err, ErrChanged) {
		t.Errorf("SaveTimeline after an outside edit = %v, want ErrChanged", err)
	}
	if got := get(t, w.path(TimelineFile)); got != "roles:\n  - company: Edited by hand\n" {
		t.Errorf("the edited timeline was overwritten: %q", got)
	}
}

func TestProgressResumes(t *testing.T) {
	w, c := newWS(t)
	p, err := w.Progress("background")
	if err != nil {
		t.Fatal(err)
	}
	fresh := &Progress{Name: "background", Answers: map[string]string{}}
	if diff := cmp.Diff(fresh, p, cmpopts.IgnoreUnexported(Progress{})); diff != "" {
		t.Errorf("a session never run (-want +got):\n%s", diff)
	}
	p.Step = "roles"
	p.Answers["role.1.company"] = "Acme"
	if err := w.SaveProgress(p); err != nil {
		t.Fatal(err)
	}
	c.add(10 * time.Minute)
	p.Answers["role.1.owned"] = "The payments platform.\nIts on-call."
	p.Step = "projects"
	if err := w.SaveProgress(p); err != nil {
		t.Fatal(err)
	}
	want := `# Where a prep session stopped; prep resumes from here. Delete this file to start over.
step: projects
answers:
  role.1.company: Acme
  role.1.owned: |-
    The payments platform.
    Its on-call.
started: 2026-01-02T15:04:05Z
updated: 2026-01-02T15:14:05Z
`
	if diff := cmp.Diff(want, get(t, w.path("sessions/background.yaml"))); diff != "" {
		t.Errorf("sessions/background.yaml (-want +got):\n%s", diff)
	}
	back, err := w.Progress("background")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p, back, cmpopts.IgnoreUnexported(Progress{})); diff != "" {
		t.Errorf("resumed (-saved +read):\n%s", diff)
	}
	if err := w.RemoveProgress("background"); err != nil {
		t.Fatal(err)
	}
	again, err := w.Progress("background")
	if err != nil || again.Step != "" || len(again.Answers) != 0 {
		t.Errorf("after RemoveProgress: %+v, %v; want a fresh start", again, err)
	}
	if err := w.RemoveProgress("background"); err != nil {
		t.Errorf("removing progress twice: %v", err)
	}
	for _, bad := range []string{"", "../x", "Back", "a/b", "-x"} {
		if _, err := w.Progress(bad); err == nil {
			t.Errorf("Progress(%q) accepted a name that is not a plain word", bad)
		}
	}
}
