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
	r := NewReading(sentence)
	return r.Facts()
}

// A Reading is Read a fact at a time: the sentence is tokenized once,
// when a fact first needs it, and each detector runs when its fact is
// first asked for. The model's explanation of a whole section asks for
// a fact only when its mark could be among the words it lists.
type Reading struct {
	sentence  string
	toks      []token
	tokenized bool
	done      uint8 // the facts below read so far
	f         Facts
}

const (
	readQuantity uint8 = 1 << iota
	readAlternative
	readClearMistake
	readVoice
	readIntent
)

// NewReading starts reading sentence.
func NewReading(sentence string) Reading { return Reading{sentence: sentence} }

// Reset starts reading another sentence, in the memory of the tokens of
// the last: a caller reading sentence after sentence makes them once.
func (r *Reading) Reset(sentence string) { *r = Reading{sentence: sentence, toks: r.toks[:0]} }

func (r *Reading) tokens() []token {
	if !r.tokenized {
		if r.toks == nil {
			r.toks = tokenize(r.sentence)
		} else {
			r.toks = appendTokens(r.toks[:0], r.sentence)
		}
		r.tokenized = true
	}
	return r.toks
}

// Facts reads every fact.
func (r *Reading) Facts() Facts {
	s, toks := r.sentence, r.tokens()
	f := Facts{Quantity: r.Quantity(), Alternative: r.Alternative(), ClearMistake: r.ClearMistake(), Intent: r.Intent(), Question: r.Question()}
	f.Own, f.Group = r.Voice()
	f.Weighing = f.Alternative
	if !f.Weighing.Found() {
		// weighingToks, without the alternative already looked for.
		f.Weighing = weighedToks(s, toks)
	}
	f.Mistake = mistakeToks(s, toks, true)
	f.Lesson = lessonToks(s, toks)
	f.Reflection = f.Lesson
	if !f.Reflection.Found() {
		f.Reflection = f.ClearMistake
	}
	return f
}

// Quantity is Facts().Quantity.
func (r *Reading) Quantity() Match {
	if r.done&readQuantity == 0 {
		r.f.Quantity, r.done = quantityToks(r.sentence, r.tokens()), r.done|readQuantity
	}
	return r.f.Quantity
}

// Alternative is Facts().Alternative.
func (r *Reading) Alternative() Match {
	if r.done&readAlternative == 0 {
		r.f.Alternative, r.done = alternativeToks(r.sentence, r.tokens()), r.done|readAlternative
	}
	return r.f.Alternative
}

// ClearMistake is Facts().ClearMistake.
func (r *Reading) ClearMistake() Match {
	if r.done&readClearMistake == 0 {
		r.f.ClearMistake, r.done = mistakeToks(r.sentence, r.tokens(), false), r.done|readClearMistake
	}
	return r.f.ClearMistake
}

// Voice is Facts().Own and Facts().Group.
func (r *Reading) Voice() (own, group int) {
	if r.done&readVoice == 0 {
		var v Voice
		v.add(r.sentence, r.tokens(), nil)
		r.f.Own, r.f.Group, r.done = v.Own, v.Group, r.done|readVoice
	}
	return r.f.Own, r.f.Group
}

// Intent is Facts().Intent.
func (r *Reading) Intent() bool {
	if r.done&readIntent == 0 {
		r.f.Intent, r.done = intentToks(r.tokens()), r.done|readIntent
	}
	return r.f.Intent
}

// Question is Facts().Question: a question mark anywhere, which needs no
// tokens.
func (r *Reading) Question() bool {
	for i := 0; i < len(r.sentence); i++ {
		if r.sentence[i] == '?' {
			return true
		}
	}
	return false
}
