package check

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// encoderJSON is how WriteJSON wrote the array before it was written a
// report at a time: the layout the output keeps byte for byte.
func encoderJSON(t *testing.T, reports []Report) string {
	t.Helper()
	out := make([]Report, len(reports))
	for i, r := range reports {
		if r.Sections == nil {
			r.Sections = []SectionStatus{}
		}
		if r.Findings == nil {
			r.Findings = []Finding{}
		}
		out[i] = r
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestWriteJSONIsEncodingJSONIndented(t *testing.T) {
	tricky := Report{File: `a "quoted" \ name {with} [brackets], colons: and <tags>`, Kind: "star",
		Findings: []Finding{{Rule: "r", Message: "line\none\ttab \u2028 é \"}\" ,:"}}, Reasons: []string{}}
	for _, reports := range [][]Report{nil, {}, {{File: "a.md"}}, {tricky}, {tricky, {File: "b.md", Error: "cannot read"}}} {
		var buf bytes.Buffer
		if err := WriteJSON(&buf, reports); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(encoderJSON(t, reports), buf.String()); diff != "" {
			t.Errorf("%d reports (-encoding/json +WriteJSON):\n%s", len(reports), diff)
		}
	}
}

func TestAppendIndentedIsJSONIndent(t *testing.T) {
	for _, src := range []string{
		`{}`, `[]`, `{"a":[]}`, `{"a":{},"b":[1,2,{"c":"d\"}]"}]}`, `"x"`, `[true,false,null,-1.5e3]`,
		`{"k":"\\","l":"\\\""}`, `[[[]]]`,
	} {
		var want bytes.Buffer
		if err := json.Indent(&want, []byte(src), "  ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented(nil, []byte(src), "  ", "  "); string(got) != want.String() {
			t.Errorf("%s:\ngot  %q\nwant %q", src, got, want.String())
		}
	}
}
