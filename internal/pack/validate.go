package pack

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/text"
)

// validate checks the merged pack: what each entry must hold, and that
// what it names exists.
//
// In a partial load only the loaded types are checked, and a reference
// only when its targets were loaded: the rubrics, for a panel's rubric, an
// exercise's kind and a follow-up's sections.
func (l *loader) validate(p *Pack) {
	if l.parts&PartMeta != 0 {
		l.validateMeta()
	}
	rubrics := map[string]*Rubric{}
	sections := map[string]bool{} // every section id of every rubric
	for i := range p.Rubrics {
		r := &p.Rubrics[i]
		rubrics[r.ID] = r
		for _, s := range r.Sections {
			sections[s.ID] = true
		}
	}
	kinds := strings.Join(p.RubricIDs(), ", ")
	refs := !l.broken && l.parts&PartRubrics != 0

	for i := range p.Panels {
		e := &p.Panels[i]
		c := l.entry("panel", e.ID, e.Src, l.panels.nodes[i])
		c.id(e.ID)
		c.required(e.Title, "title")
		c.required(e.Summary, "summary")
		c.required(e.Overview, "overview")
		if refs && e.Rubric != "" && rubrics[e.Rubric] == nil {
			c.at(c.line("rubric"), "uses rubric "+quote(e.Rubric)+", which the pack does not define; use one of: "+kinds+", or add that rubric")
		}
		for _, list := range []struct {
			key    string
			points []Point
		}{{"looks_for", e.LooksFor}, {"prepare", e.Prepare}, {"during", e.During}} {
			for j, pt := range list.points {
				pc := c.sub("point "+strconv.Itoa(j+1)+" of "+list.key, list.key, j)
				pc.required(pt.Title, "title")
				pc.required(pt.Text, "text")
				if len(pt.Evidence) > 0 {
					l.validateEvidence(pc, list.key, e, rubrics[e.Rubric], refs, pt.Evidence)
				}
			}
		}
		guides := map[string]int{}
		for j, g := range e.Guides {
			gc := c.named("guide", g.ID, j+1, "guides", j)
			gc.id(g.ID)
			if first, ok := guides[g.ID]; ok && g.ID != "" {
				gc.at(gc.line(), "repeats guide id "+quote(g.ID)+" (first at line "+strconv.Itoa(first)+"); guide ids must be unique within a panel")
			} else {
				guides[g.ID] = gc.line()
			}
			gc.required(g.Title, "title")
			gc.required(g.Text, "text")
			kps := map[string]bool{}
			for k, kp := range g.KeyPoints {
				kc := gc.named("key point", kp.ID, k+1, "key_points", k)
				if kc.id(kp.ID) && kps[kp.ID] {
					kc.at(kc.line("id"), "repeats key point id "+quote(kp.ID)+"; key point ids must be unique within a guide")
				}
				kps[kp.ID] = true
				kc.required(kp.Point, "point")
				kc.words(kp.Words)
				kc.required(kp.Why, "why")
			}
		}
	}

	for i := range p.Rubrics {
		l.validateRubric(&p.Rubrics[i], l.rubrics.nodes[i])
	}

	for i := range p.Exercises {
		e := &p.Exercises[i]
		c := l.entry("exercise", e.ID, e.Src, l.exercises.nodes[i])
		c.id(e.ID)
		c.required(e.Title, "title")
		if c.required(e.Kind, "kind") && refs && rubrics[e.Kind] == nil {
			c.at(c.line("kind"), "has kind "+quote(e.Kind)+", which is not a rubric of the pack; use one of: "+kinds+", or add that rubric")
		}
		c.required(e.Prompt, "prompt")
		l.validateExerciseParts(c, e, rubrics[e.Kind], refs)
	}

	for i := range p.Components {
		e := &p.Components[i]
		c := l.entry("component", e.ID, e.Src, l.components.nodes[i])
		c.id(e.ID)
		c.required(e.Name, "name")
		c.words(e.Words)
		c.required(e.Limits, "limits")
		if nonEmpty(e.FailureModes) == 0 && !c.failed("failure_modes") {
			c.at(c.line("failure_modes"), `has no failure modes; list how it breaks under "failure_modes:"`)
		}
		c.required(e.Question, "question")
	}

	for i := range p.Examples {
		e := &p.Examples[i]
		c := l.entry("example", e.ID, e.Src, l.examples.nodes[i])
		c.id(e.ID)
		if c.required(e.Kind, "kind") && refs && rubrics[e.Kind] == nil {
			c.at(c.line("kind"), "has kind "+quote(e.Kind)+", which is not a rubric of the pack; use one of: "+kinds)
		}
		if c.required(e.Strength, "strength") && e.Strength != Strong && e.Strength != Weak {
			c.at(c.line("strength"), "has strength "+quote(e.Strength)+`; use "strong" or "weak"`)
		}
		c.required(e.Title, "title")
		c.required(e.Text, "text")
		text := squash(e.Text)
		for j, n := range e.Notes {
			nc := c.sub("note "+strconv.Itoa(j+1), "notes", j)
			if nc.required(n.Quote, "quote") && text != "" && !strings.Contains(text, squash(n.Quote)) {
				nc.at(nc.line("quote"), "quotes "+quote(n.Quote)+", which is not in the example's text; copy the words exactly as the text has them")
			}
			nc.required(n.Hears, "hears")
		}
	}

	for i := range p.References {
		e := &p.References[i]
		c := l.entry("reference", e.ID, e.Src, l.references.nodes[i])
		c.id(e.ID)
		c.required(e.Title, "title")
		c.required(e.Summary, "summary")
		c.required(e.Text, "text")
	}

	for i := range p.Tradeoffs {
		e := &p.Tradeoffs[i]
		c := l.entry("trade-off", e.ID, e.Src, l.tradeoffs.nodes[i])
		c.id(e.ID)
		c.required(e.Title, "title")
		if nonEmpty(e.Options) < 2 && !c.failed("options") {
			c.at(c.line("options"), `needs at least two options to choose between; list them under "options:"`)
		}
	}

	for i := range p.Followups {
		e := &p.Followups[i]
		c := l.entry("follow-up", e.ID, e.Src, l.followups.nodes[i])
		c.id(e.ID)
		c.required(e.Question, "question")
		if !refs {
			continue
		}
		for j, s := range e.Sections {
			if s != "" && !sections[s] {
				c.at(c.line("sections", j), "probes section "+quote(s)+", which no rubric has; use a section id from a rubric, like "+example(sections))
			}
		}
	}
}

// validateExerciseParts checks an exercise's facts, evidence, change and
// key points: what each must hold, ids unique within their list, and that
// the change comes after a step the exercise's rubric has.
func (l *loader) validateExerciseParts(c check, e *Exercise, r *Rubric, refs bool) {
	ids := map[string]int{}
	unique := func(pc check, typ, id string) {
		if !pc.id(id) {
			return
		}
		if first, ok := ids[typ+"/"+id]; ok {
			pc.at(pc.line("id"), "repeats "+typ+" id "+quote(id)+" (first at line "+strconv.Itoa(first)+"); "+typ+" ids must be unique within an exercise")
			return
		}
		ids[typ+"/"+id] = pc.line("id")
	}
	for j, f := range e.Facts {
		fc := c.named("fact", f.ID, j+1, "facts", j)
		unique(fc, "fact", f.ID)
		fc.required(f.Topic, "topic")
		fc.words(f.Words)
		fc.required(f.Answer, "answer")
		fc.required(f.Why, "why")
	}
	for j, v := range e.Evidence {
		vc := c.named("evidence item", v.ID, j+1, "evidence", j)
		unique(vc, "evidence", v.ID)
		vc.required(v.Check, "check")
		vc.words(v.Words)
		vc.required(v.Shows, "shows")
	}
	for j, k := range e.KeyPoints {
		kc := c.named("key point", k.ID, j+1, "key_points", j)
		unique(kc, "key point", k.ID)
		kc.required(k.Point, "point")
		kc.words(k.Words)
		kc.required(k.Why, "why")
	}
	if e.Change != nil {
		cc := c.sub("change", "change", -1)
		_, node := lookup(c.node, "change")
		cc.node, cc.here = node, c.line("change")
		if cc.required(e.Change.After, "after") && refs && r != nil {
			var names []string
			found := false
			for _, s := range r.Sections {
				names = append(names, s.ID)
				found = found || s.ID == e.Change.After
			}
			if !found {
				cc.at(cc.line("after"), "comes after "+quote(e.Change.After)+", which is not a section of rubric "+quote(r.ID)+"; use one of: "+strings.Join(names, ", "))
			}
		}
		cc.required(e.Change.Say, "say")
	}
}

// words checks a list of phrases to match: at least one, each lowercase
// and not blank, since matching compares lowercase stems.
func (c check) words(ws []string) {
	if nonEmpty(ws) == 0 {
		if !c.failed("words") {
			c.at(c.line("words"), `has no words; list the phrases that name it under "words:", like [replica lag, replication lag]`)
		}
		return
	}
	for k, w := range ws {
		switch {
		case strings.TrimSpace(w) == "":
			c.at(c.line("words", k), `has an empty phrase in words; remove it`)
		case strings.ToLower(w) != w:
			c.at(c.line("words", k), "has "+quote(w)+" in words; write it in lowercase: "+quote(strings.ToLower(w)))
		}
	}
}

// squash lowercases text and collapses its white space, so a note's quote
// is found in folded or wrapped text.
func squash(s string) string {
	return text.OneLine(strings.ToLower(s))
}

// validateEvidence checks that a point's evidence names sections or
// signals of its panel's rubric, the only place prep status looks them up.
func (l *loader) validateEvidence(c check, key string, p *Panel, r *Rubric, refs bool, evidence []string) {
	switch {
	case key != "looks_for":
		c.at(c.line("evidence"), `has evidence, which prep reads only under "looks_for"; move the point there or remove its evidence`)
		return
	case p.Rubric == "":
		c.at(c.line("evidence"), `has evidence, but panel `+quote(p.ID)+` names no rubric to find it in; add "rubric: ..." to the panel or remove the evidence`)
		return
	case !refs || r == nil:
		return // the panel's rubric is reported, or was not loaded
	}
	known := map[string]bool{}
	var names []string
	for _, s := range r.Sections {
		known[s.ID] = true
		names = append(names, s.ID)
	}
	for _, s := range r.Signals {
		known[s.ID] = true
		names = append(names, s.ID)
	}
	for j, id := range evidence {
		if !known[id] {
			c.at(c.line("evidence", j), "has evidence "+quote(id)+", which is neither a section nor a signal of rubric "+quote(r.ID)+"; use one of: "+strings.Join(names, ", "))
		}
	}
}

func (l *loader) validateMeta() {
	if l.meta == nil {
		if l.metaBad {
			return
		}
		root := l.root
		if root == "" {
			root = "."
		}
		l.add(root, 0, `no "pack:" block in any file; add one with name, version and welcome`)
		return
	}
	m := l.meta
	for _, f := range []struct{ key, v string }{{"name", m.Name}, {"version", m.Version}, {"welcome", m.Welcome}} {
		if strings.TrimSpace(f.v) == "" {
			l.add(m.Src.File, m.Src.Line, `the pack has no `+f.key+`; add "`+f.key+`: ..." under "pack:"`)
		}
	}
	if r := m.Rehearse; (r.PaceLow != 0 || r.PaceHigh != 0) && (r.PaceLow <= 0 || r.PaceHigh <= r.PaceLow || r.PaceHigh > 400) {
		l.add(m.Src.File, m.Src.Line, `the pack's rehearse block has pace_low `+strconv.Itoa(r.PaceLow)+` and pace_high `+strconv.Itoa(r.PaceHigh)+
			`; give both, in words a minute, pace_low below pace_high and neither above 400 (such as 130 and 160)`)
	}
	for _, f := range []struct {
		key   string
		words []string
	}{{"pitch_titles", m.Sheet.PitchTitles}, {"choice_words", m.Sheet.ChoiceWords}, {"learn_words", m.Sheet.LearnWords}} {
		for i, w := range f.words {
			if strings.TrimSpace(w) == "" {
				l.add(m.Src.File, m.Src.Line, `the pack's sheet block has an empty entry (number `+strconv.Itoa(i+1)+`) in `+f.key+`; remove it or write the words`)
			}
		}
	}
}

// Bounds on a rubric's cues. prep check looks for every cue in every
// sentence of an answer that marks no sections, so their number sets how
// long it takes: 20,000 cues made a 250 KB answer take half a minute. The
// built-in rubrics have at most 18 cues to a section, 107 to a rubric,
// none over 20 characters.
const (
	MaxCues       = 50  // in one section
	MaxRubricCues = 300 // in all the sections of a rubric
	MaxCueLength  = 80  // characters in one cue
)

func (l *loader) validateRubric(r *Rubric, n *yaml.Node) {
	c := l.entry("rubric", r.ID, r.Src, n)
	c.id(r.ID)
	c.required(r.Title, "title")
	c.required(r.Summary, "summary")
	if len(r.Sections) == 0 && !c.failed("sections") {
		c.at(c.line("sections"), `has no sections; list at least one under "sections:"`)
	}
	ids := map[string]int{}
	var names []string
	cues := 0
	for j, s := range r.Sections {
		sc := c.named("section", s.ID, j+1, "sections", j)
		if sc.id(s.ID) {
			if first, ok := ids[s.ID]; ok {
				sc.at(sc.line(), "repeats section id "+quote(s.ID)+" (first at line "+strconv.Itoa(first)+"); section ids must be unique within a rubric")
			} else {
				ids[s.ID] = sc.line()
				names = append(names, s.ID)
			}
		}
		sc.required(s.Title, "title")
		sc.required(s.Question, "question")
		sc.required(s.Guidance, "guidance")
		sc.required(s.Missing, "missing")
		if s.MinWords < 0 {
			sc.at(sc.line("min_words"), "has min_words "+strconv.Itoa(s.MinWords)+"; use 0 for no floor or a positive number of words")
		}
		if s.Minutes < 0 {
			sc.at(sc.line("minutes"), "has minutes "+strconv.Itoa(s.Minutes)+"; use 0 to give it no time of its own or a positive share, like 5")
		}
		if sc.required(s.Level, "level") && s.Level != Required && s.Level != Recommended {
			sc.at(sc.line("level"), "has level "+quote(s.Level)+`; use "required" or "recommended"`)
		}
		cues += len(s.Cues)
		if len(s.Cues) > MaxCues {
			sc.at(sc.line("cues", MaxCues), "has "+strconv.Itoa(len(s.Cues))+" cues; keep at most "+strconv.Itoa(MaxCues)+", the words that tell this part from the others (every cue is looked for in every sentence "+progname.Name()+" check reads)")
		}
		for k, cue := range s.Cues {
			if n := utf8.RuneCountInString(cue); n > MaxCueLength {
				sc.at(sc.line("cues", k), "has a cue of "+strconv.Itoa(n)+" characters; keep each cue to a word or a short phrase of at most "+strconv.Itoa(MaxCueLength)+" characters")
			}
		}
	}
	if cues > MaxRubricCues {
		c.at(c.line("sections"), "has "+strconv.Itoa(cues)+" cues across its sections; keep at most "+strconv.Itoa(MaxRubricCues)+" (every cue is looked for in every sentence "+progname.Name()+" check reads)")
	}
	l.validateLabels(c, r)
	known := strings.Join(names, ", ")
	signals := map[string]int{}
	for j, s := range r.Signals {
		gc := c.named("signal", s.ID, j+1, "signals", j)
		if gc.id(s.ID) {
			if first, ok := signals[s.ID]; ok {
				gc.at(gc.line(), "repeats signal id "+quote(s.ID)+" (first at line "+strconv.Itoa(first)+"); signal ids must be unique within a rubric")
			} else {
				signals[s.ID] = gc.line()
			}
		}
		if gc.required(s.Level, "level") && s.Level != SeverityError && s.Level != SeverityWarning {
			gc.at(gc.line("level"), "has level "+quote(s.Level)+`; use "error" or "warning"`)
		}
		gc.required(s.Message, "message")
		gc.required(s.Hint, "hint")
		if s.Section != "" {
			if _, ok := ids[s.Section]; !ok {
				gc.at(gc.line("section"), "inspects section "+quote(s.Section)+", which "+c.what+" does not have; use one of: "+known)
			}
		}
		if !gc.required(s.Type, "type") {
			continue
		}
		switch s.Type {
		case SignalNeedsNumber:
			gc.required(s.Section, "section")
		case SignalNeedsPhrase:
			gc.required(s.Section, "section")
			if nonEmpty(s.Phrases) == 0 && !gc.failed("phrases") {
				gc.at(gc.line("phrases"), `is a needs_phrase signal with no phrases; list the words that satisfy it under "phrases:"`)
			}
		case SignalNeedsAlternative, SignalNeedsMistake:
			gc.required(s.Section, "section")
		case SignalVoice:
			if !(s.MinShare > 0 && s.MinShare <= 1) && !gc.failed("min_share") {
				gc.at(gc.line("min_share"), "has min_share "+formatFloat(s.MinShare)+"; give the smallest share of I-words as a number above 0 and at most 1, like 0.3")
			}
			if s.MinCount < 0 {
				gc.at(gc.line("min_count"), "has min_count "+strconv.Itoa(s.MinCount)+"; use 0 or a positive count of we-words")
			}
		case SignalSpeakingTime:
			if s.WordsPerMinute <= 0 && !gc.failed("words_per_minute") {
				gc.at(gc.line("words_per_minute"), "has words_per_minute "+strconv.Itoa(s.WordsPerMinute)+"; give a speaking pace above 0, like 140")
			}
			if !(s.MaxMinutes > 0) && !gc.failed("max_minutes") {
				gc.at(gc.line("max_minutes"), "has max_minutes "+formatFloat(s.MaxMinutes)+"; give the longest an answer should take, above 0, like 3")
			}
		case SignalThin:
		default:
			gc.at(gc.line("type"), "has unknown type "+quote(s.Type)+"; use one of: needs_number, needs_phrase, needs_alternative, needs_mistake, voice, thin, speaking_time")
		}
	}
}

// check places problems about one entry or a part of one.
type check struct {
	l    *loader
	file string
	here int        // the entry's or part's own line
	node *yaml.Node // its mapping, nil when unknown
	what string     // `panel "background"`, `section "result" of rubric "star"`
}

func (l *loader) entry(typ, id string, src Pos, n *yaml.Node) check {
	what := "this " + typ
	if id != "" {
		what = typ + " " + quote(id)
	}
	return check{l: l, file: src.File, here: src.Line, node: n, what: what}
}

// sub is a part of the entry found under key at index i.
func (c check) sub(what, key string, i int) check {
	n := child(c.node, key, i)
	line := c.here
	if n != nil {
		line = n.Line
	}
	return check{l: c.l, file: c.file, here: line, node: deref(n), what: what + " of " + c.what}
}

// named is a part with an id of its own, shown by id when it has one.
func (c check) named(typ, id string, nth int, key string, i int) check {
	what := typ + " " + strconv.Itoa(nth)
	if id != "" {
		what = typ + " " + quote(id)
	}
	return c.sub(what, key, i)
}

func (c check) at(line int, msg string) {
	c.l.add(c.file, line, c.what+" "+msg)
}

// line is the line of the value at path under the part, or the deepest
// part of the path that exists.
func (c check) line(path ...any) int {
	line := c.here
	n := c.node
	for _, step := range path {
		var next *yaml.Node
		switch s := step.(type) {
		case string:
			_, next = lookup(n, s)
		case int:
			next = child(n, "", s)
		}
		if next == nil {
			break
		}
		line, n = next.Line, deref(next)
	}
	return line
}

// failed reports whether the value under key was already reported as
// the wrong type.
func (c check) failed(key string) bool {
	_, v := lookup(c.node, key)
	return v != nil && c.l.failed[v]
}

// required reports an empty required field and says whether it was set.
func (c check) required(v, key string) bool {
	if strings.TrimSpace(v) != "" {
		return true
	}
	if !c.failed(key) {
		c.at(c.line(key), "has no "+key+`; add "`+key+`: ..."`)
	}
	return false
}

// id checks an id's presence and spelling and says whether it is usable.
func (c check) id(id string) bool {
	if !c.required(id, "id") {
		return false
	}
	if !wellFormed(id) {
		c.l.add(c.file, c.line("id"), "id "+quote(id)+` is not allowed; use only lowercase letters, digits, "-" and "_", like "`+suggestID(id)+`"`)
		return false
	}
	return true
}

func wellFormed(id string) bool {
	if id == "" {
		return false
	}
	for i := 0; i < len(id); i++ {
		b := id[i]
		if !('a' <= b && b <= 'z' || '0' <= b && b <= '9' || b == '-' || b == '_') {
			return false
		}
	}
	return true
}

func suggestID(id string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(id) {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '_':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "my-id"
	}
	return b.String()
}

func nonEmpty(ss []string) int {
	n := 0
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			n++
		}
	}
	return n
}

func example(set map[string]bool) string {
	if set["architecture"] {
		return `"architecture"`
	}
	ids := make([]string, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return `"result" (and add that rubric section)`
	}
	sort.Strings(ids)
	return quote(ids[0])
}

func formatFloat(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return quote(strconv.FormatFloat(f, 'g', -1, 64))
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

func quote(s string) string { return strconv.Quote(s) }

func posString(p Pos) string {
	if p.Line > 0 {
		return p.File + ":" + strconv.Itoa(p.Line)
	}
	return p.File
}

// Node helpers. Entries may come through aliases and "<<" merges, so
// lookups follow both, to a bounded depth in case of a cycle.

func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}

func lineOf(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	return n.Line
}

// lookup finds key in mapping n: its key node and its value (aliases
// followed).
func lookup(n *yaml.Node, key string) (k, v *yaml.Node) {
	return lookupDepth(deref(n), key, 0)
}

func lookupDepth(n *yaml.Node, key string, depth int) (k, v *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode || depth > 8 {
		return nil, nil
	}
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn := n.Content[i]
		if isMergeKey(kn) {
			merges = append(merges, deref(n.Content[i+1]))
			continue
		}
		if d := deref(kn); d != nil && d.Kind == yaml.ScalarNode && d.Value == key {
			return kn, deref(n.Content[i+1])
		}
	}
	for _, m := range merges {
		if m == nil {
			continue
		}
		if m.Kind == yaml.SequenceNode {
			for _, c := range m.Content {
				if k, v := lookupDepth(deref(c), key, depth+1); k != nil {
					return k, v
				}
			}
			continue
		}
		if k, v := lookupDepth(m, key, depth+1); k != nil {
			return k, v
		}
	}
	return nil, nil
}

// child is item i of the list under key in n (or of n itself when key is
// ""), not dereferenced, so its line is where it is written.
func child(n *yaml.Node, key string, i int) *yaml.Node {
	seq := deref(n)
	if key != "" {
		_, seq = lookup(n, key)
	}
	if seq == nil || seq.Kind != yaml.SequenceNode || i < 0 || i >= len(seq.Content) {
		return nil
	}
	return seq.Content[i]
}
