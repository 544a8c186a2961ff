package pack

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/progname"
)

// validateLabels reports a label that two sections of one rubric claim: an
// id, title or alias of one section that, read as prep check reads labels,
// is a label of an earlier section too, or a letter two sections share.
// prep check would file such a label under the first section only, so the
// second never sees it.
func (l *loader) validateLabels(c check, r *Rubric) {
	type claim struct {
		section string
		label   string
		line    int
	}
	labels := map[string]claim{}
	letters := map[string]claim{}
	for j, s := range r.Sections {
		if s.ID == "" {
			continue
		}
		sc := c.named("section", s.ID, j+1, "sections", j)
		own := map[string]bool{}
		try := func(set map[string]claim, key, label string, line int, what string) {
			if key == "" || own[what+key] {
				return
			}
			own[what+key] = true
			if first, ok := set[key]; ok && first.section != s.ID {
				sc.at(line, "has "+what+" "+quote(label)+", which section "+quote(first.section)+" already claims (as "+quote(first.label)+
					" at line "+strconv.Itoa(first.line)+"); "+progname.Name()+" check files a label under one section only, so remove it from one of them")
				return
			}
			if _, ok := set[key]; !ok {
				set[key] = claim{s.ID, label, line}
			}
		}
		try(labels, labelKey(s.ID), s.ID, sc.line("id"), "id")
		try(labels, labelKey(s.Title), s.Title, sc.line("title"), "title")
		for k, a := range s.Aliases {
			try(labels, labelKey(a), a, sc.line("aliases", k), "alias")
		}
		for k, a := range s.Letters {
			try(letters, strings.ToUpper(strings.TrimSpace(a)), a, sc.line("letters", k), "letter")
		}
	}
}

// labelFillers are words that may lead a label without changing it.
var labelFillers = lazy.Value[map[string]bool]{F: func() map[string]bool {
	return map[string]bool{
		"the": true, "a": true, "an": true, "my": true, "our": true, "your": true,
		"their": true, "his": true, "her": true,
	}
}}

// labelKey reduces a label as prep check compares labels: lowercase
// letters and digits, a trailing "(…)" aside, leading filler words and
// plural s dropped, the words joined: "The Trade-offs (why)" → "tradeoff".
func labelKey(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndexByte(s, '('); i > 0 && strings.ContainsFunc(s[:i], unicode.IsLetter) {
			s = s[:i]
		}
	}
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for len(words) > 0 && labelFillers.Get()[words[0]] {
		words = words[1:]
	}
	for i, w := range words {
		if len(w) > 3 && w[len(w)-1] == 's' {
			switch w[len(w)-2] {
			case 's', 'u', 'i':
			default:
				words[i] = w[:len(w)-1]
			}
		}
	}
	return strings.Join(words, "")
}
