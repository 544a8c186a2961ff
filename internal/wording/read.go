package wording

// Facts are what the detectors find in one sentence, read once: the
// checker places sentences by them and the model weighs them, so a
// sentence is tokenized one time, not once per detector.
type Facts struct {
	Quantity     Match
	Alternative  Match
	Weighing     Match
	Mistake      Match // with the weak cues, as in a lessons section
	ClearMistake Match // without them
	Reflection   Match // a lesson drawn, or a clear mistake
	Lesson       Match // a lesson drawn or a look back, without a mistake
	Intent       bool
	Own, Group   int
	Question     bool
}

// Read reads one sentence (as Sentences gives it).
func Read(sentence string) Facts {
	toks := tokenize(sentence)
	var f Facts
	f.Quantity = quantityToks(sentence, toks)
	f.Alternative = alternativeToks(sentence, toks)
	f.Weighing = f.Alternative
	if !f.Weighing.Found() {
		f.Weighing = weighingToks(sentence, toks)
	}
	f.Mistake = mistakeToks(sentence, toks, true)
	f.ClearMistake = mistakeToks(sentence, toks, false)
	f.Lesson = lessonToks(sentence, toks)
	f.Reflection = f.Lesson
	if !f.Reflection.Found() {
		f.Reflection = f.ClearMistake
	}
	f.Intent = intentToks(toks)
	var v Voice
	v.add(sentence, toks, nil)
	f.Own, f.Group = v.Own, v.Group
	for i := 0; i < len(sentence); i++ {
		if sentence[i] == '?' {
			f.Question = true
			break
		}
	}
	return f
}
