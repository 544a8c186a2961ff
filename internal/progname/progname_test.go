package progname

import "testing"

func TestFromArg(t *testing.T) {
	for arg0, want := range map[string]string{
		"prep":                         "prep",
		"/usr/local/bin/prep-acme":     "prep-acme",
		"./prep-acme":                  "prep-acme",
		`C:\Users\me\prep-acme.exe`:    "prep-acme",
		"PREP-ACME.EXE":                "PREP-ACME",
		"prep_1.2.0":                   "prep_1.2.0",
		"":                             Default,
		"/":                            Default,
		"my prep":                      Default, // a shell would need it quoted
		"prep\x1b]0;title\x07":         Default, // nor may it reach the terminal
		"50%off":                       Default, // nor be read as a format
		"-prep":                        Default, // nor be taken for a flag
		"/tmp/go-build1/b001/exe/prep": "prep",  // go run
	} {
		if got := FromArg(arg0); got != want {
			t.Errorf("FromArg(%q) = %q, want %q", arg0, got, want)
		}
	}
}

func TestText(t *testing.T) {
	t.Cleanup(func() { Set(Default) })
	in := "run prep story list, then prep --dir DIR\nexport; prep check\nstory.md; your prep sheet (prep-sheet.md, _prep) stays; prep's commands; prep-acme content list"
	if got := Text(in); got != in {
		t.Errorf("Text as prep changed the text:\n%s", got)
	}
	Set("/opt/prep-acme")
	if Name() != "prep-acme" {
		t.Fatalf("Name = %q after Set", Name())
	}
	want := "run prep-acme story list, then prep-acme --dir DIR\nexport; prep-acme check\nstory.md; your prep sheet (prep-sheet.md, _prep) stays; prep's commands; prep-acme content list"
	if got := Text(in); got != want {
		t.Errorf("Text =\n%s\nwant\n%s", got, want)
	}
	if got := Text(want); got != want {
		t.Errorf("Text is not idempotent:\n%s", got)
	}
}
