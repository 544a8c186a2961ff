// Package pack loads, lays over and validates prep content packs: the YAML
// that holds the panels, the rubrics the checker applies and the banks the
// drills draw from.
package pack

// File is the shape of one YAML file in a pack. Every top-level key is
// optional, so an author can keep a whole pack in one file or split it by
// panel, by rubric or by bank; the loader merges all *.yaml files of a pack.
type File struct {
	Pack      *Meta      `yaml:"pack"`
	Panels    []Panel    `yaml:"panels"`
	Rubrics   []Rubric   `yaml:"rubrics"`
	Exercises []Exercise `yaml:"exercises"`
	Tradeoffs []Tradeoff `yaml:"tradeoffs"`
	Followups []Followup `yaml:"followups"`
	// Components are the probe bank: technologies a candidate may name,
	// with what an interviewer asks about each.
	Components []Component `yaml:"components"`
	// Examples are worked answers, strong and weak, with annotations.
	Examples []Example `yaml:"examples"`
	// References are long texts to read before the day.
	References []Reference `yaml:"references"`
}

// Pos is where an entry was declared, so every problem can name a file and line.
type Pos struct {
	File string
	Line int
}

// Meta names the pack. Only one file of a pack may carry it; an overlay's
// non-empty fields replace the base pack's.
type Meta struct {
	Name    string `yaml:"name"`    // required, short: "default", "acme-2026"
	Company string `yaml:"company"` // who the interviews are with; may be empty
	Version string `yaml:"version"` // required, the author's own version string
	Welcome string `yaml:"welcome"` // required, shown where the candidate starts
	// Rehearse is the coaching prep rehearse gives on how an answer was
	// said; Sheet is what the prep sheet looks for in a story's words.
	// Both optional: an overlay without them keeps the built-in pack's.
	Rehearse Rehearse `yaml:"rehearse"`
	Sheet    Sheet    `yaml:"sheet"`
	// Drill and Culture are the questions and coaching of prep drill's
	// cards and prep culture's notes and written update. Optional too.
	Drill   Drill   `yaml:"drill"`
	Culture Culture `yaml:"culture"`

	Src Pos `yaml:"-"`
}

// Rehearse is what prep rehearse tells a candidate about the delivery of
// an answer said out loud, beside what the rubric finds in its words. A
// hint left empty is not given.
type Rehearse struct {
	// PaceLow and PaceHigh bound, in words a minute, the pace an answer
	// is easiest to follow at: slower drags, faster loses the listener.
	// Both or neither; 0 judges no pace.
	PaceLow  int `yaml:"pace_low"`
	PaceHigh int `yaml:"pace_high"`
	// The hints for an answer that ran over its time, that was said
	// well below or well above the pace band, and that had many filler
	// words ("um", "you know").
	OverTime string `yaml:"over_time"`
	SlowPace string `yaml:"slow_pace"`
	FastPace string `yaml:"fast_pace"`
	Fillers  string `yaml:"fillers"`
}

// Sheet is the wording the prep sheet reads a story by, beyond the
// rubric's sections: each list matched ignoring case, as whole words.
type Sheet struct {
	// PitchTitles are the headings a candidate may give a story's
	// one-line pitch: "pitch", "elevator pitch", "tl;dr".
	PitchTitles []string `yaml:"pitch_titles"`
	// ChoiceWords mark the sentence that tells the choice made ("we
	// went with", "picked"); LearnWords the one that tells the lesson
	// drawn ("next time", "taught me").
	ChoiceWords []string `yaml:"choice_words"`
	LearnWords  []string `yaml:"learn_words"`
}

// Drill is what prep drill asks on a trade-off card and how it explains
// the grades. A field left empty keeps the layer below's.
type Drill struct {
	// GradeHelp says what each grade means (shown on "?" at the grade).
	GradeHelp string `yaml:"grade_help"`
	// Tradeoff asks about a bank card's options; OwnChoice about a choice
	// taken from the candidate's story; Weighed about a story sentence
	// that names options weighed.
	Tradeoff  string `yaml:"tradeoff"`
	OwnChoice string `yaml:"own_choice"`
	Weighed   string `yaml:"weighed"`
}

// Culture is what prep culture asks for its notes (why this team, what
// was read of theirs, open source, questions to ask) and for the written
// update. A field left empty keeps the layer below's.
type Culture struct {
	WhyTeam    Prompt `yaml:"why_team"`
	Read       Prompt `yaml:"read"`
	OpenSource Prompt `yaml:"open_source"`
	Questions  Prompt `yaml:"questions"`
	Update     Prompt `yaml:"update"`
}

// Prompt is one question asked and the coaching shown under it.
type Prompt struct {
	Ask  string `yaml:"ask"`
	Hint string `yaml:"hint"`
}

// Panel is one interview panel: what it is, what its interviewers listen
// for, how to prepare and how to behave in the room.
type Panel struct {
	ID       string  `yaml:"id"`       // required: background, technical, culture, …
	Title    string  `yaml:"title"`    // required: "Background Panel"
	Summary  string  `yaml:"summary"`  // required: one line, shown in menus and lists
	Overview string  `yaml:"overview"` // required: what the panel is, its format and length
	Rubric   string  `yaml:"rubric"`   // optional: id of the rubric its answers are checked with
	LooksFor []Point `yaml:"looks_for"`
	Prepare  []Point `yaml:"prepare"`
	During   []Point `yaml:"during"`
	// Guides are the texts a guided session shows at each of its steps,
	// looked up by id (for example "resume_walk", "choosing_projects").
	Guides []Guide `yaml:"guides"`

	Src Pos `yaml:"-"`
}

// Point is one piece of advice: a short title and a paragraph.
type Point struct {
	Title string `yaml:"title"` // required
	Text  string `yaml:"text"`  // required
	// Evidence, under looks_for only, names the sections and signals of
	// the panel's rubric that show this point in a story: prep status
	// counts the point covered by a featured story whose check finds each
	// of those sections present and not thin, and none of those signals.
	Evidence []string `yaml:"evidence"`
}

// Guide is the text for one step of a guided session.
type Guide struct {
	ID        string   `yaml:"id"`    // required, unique within the panel
	Title     string   `yaml:"title"` // required
	Text      string   `yaml:"text"`  // required
	Questions []string `yaml:"questions"`
	// KeyPoints, on a culture value's guide, are what a story must show
	// for prep status to count the value covered: each point met by a
	// sentence of the story that uses one of its words.
	KeyPoints []KeyPoint `yaml:"key_points"`
}

// Section levels.
const (
	Required    = "required"
	Recommended = "recommended"
)

// Finding severities, shared by rubric signals and the checker's output.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// Rubric is one kind of answer (star, scale, design, debug, tradeoff, culture): the
// sections it must have and the signals that flag a weak one.
type Rubric struct {
	ID       string    `yaml:"id"`      // required: the kind, as --kind and front matter name it
	Title    string    `yaml:"title"`   // required
	Summary  string    `yaml:"summary"` // required: one line
	Sections []Section `yaml:"sections"`
	Signals  []Signal  `yaml:"signals"`

	Src Pos `yaml:"-"`
}

// Section is one part of an answer.
type Section struct {
	ID    string `yaml:"id"`    // required, stable: used in JSON output
	Title string `yaml:"title"` // required, the canonical label: "Result"
	// Aliases are the other labels people write for this part
	// ("Outcome", "Impact"). Matching ignores case, punctuation, numbering
	// and decoration; the title always matches too.
	Aliases []string `yaml:"aliases"`
	// Letters are one-letter markers for it ("R" in "R: ..." or "R- ...").
	Letters []string `yaml:"letters"`
	// Cues are words and phrases that suggest an unlabelled paragraph
	// belongs to this section; used only when a write-up marks no sections.
	Cues     []string `yaml:"cues"`
	Question string   `yaml:"question"` // required: the question that draws this part out
	Guidance string   `yaml:"guidance"` // required: what a strong answer to it holds
	// Missing completes "No <Title>: ..." when the section is absent.
	Missing  string `yaml:"missing"`   // required
	MinWords int    `yaml:"min_words"` // below this the section is thin; 0 means no floor
	Level    string `yaml:"level"`     // required: required | recommended
	// Minutes is this part's share of a timed answer, in minutes of an
	// answer as long as the rubric's sections add up to; a timer of
	// another length scales every share alike. 0 gives it no time of its
	// own; a rubric with none shares the time equally.
	Minutes int `yaml:"minutes"`
	// Reserve marks a part the candidate keeps for when it is asked
	// (follow-up answers, architecture notes): a speaking_time signal does
	// not count it.
	Reserve bool `yaml:"reserve"`
}

// Signal types: each is one kind of weak-answer check.
const (
	// SignalNeedsNumber fires when Section states no real quantity: a
	// version, a year, a quarter or a name with a digit in it is none.
	SignalNeedsNumber = "needs_number"
	// SignalNeedsPhrase fires when Section contains none of Phrases.
	SignalNeedsPhrase = "needs_phrase"
	// SignalNeedsAlternative fires when Section names no option that was
	// turned down ("other options" or "speed vs. quality" name none).
	SignalNeedsAlternative = "needs_alternative"
	// SignalNeedsMistake fires when Section tells of nothing that went
	// wrong or was misjudged; a platitude is not a mistake.
	SignalNeedsMistake = "needs_mistake"
	// SignalVoice fires when the answer says we-words at least MinCount
	// times while the candidate acts ("I profiled", "my patch") less than
	// MinShare of the time and never in the action section. "I think",
	// "I/O" and "my team did" are not the candidate acting.
	SignalVoice = "voice"
	// SignalThin fires for each present section under its MinWords.
	SignalThin = "thin"
	// SignalSpeakingTime fires when the answer would take longer than
	// MaxMinutes to say at WordsPerMinute, counting only the sections
	// that are told (not those the rubric marks Reserve).
	SignalSpeakingTime = "speaking_time"
)

// Signal is a weak-answer check declared in the pack. Message and Hint may
// use the placeholders {section} (the section's title), {question} (the
// question that draws the section out), {words}, {min},
// {minutes} and {max_minutes}.
type Signal struct {
	ID      string `yaml:"id"`      // required, used as the finding's rule
	Type    string `yaml:"type"`    // required: one of the Signal* constants
	Section string `yaml:"section"` // the section it inspects; required for needs_number and needs_phrase
	Level   string `yaml:"level"`   // required: error | warning
	Message string `yaml:"message"` // required
	Hint    string `yaml:"hint"`    // required: what to do about it
	// Reason is the few words a story list gives for the verdict this
	// signal causes: "no figure in {section}". Without one, the rule id
	// is shown.
	Reason string `yaml:"reason"`

	Phrases []string `yaml:"phrases"` // needs_phrase: any one of these satisfies it
	// We and I add words to the voice signal's own lists (we, our, us,
	// the team; I as the subject of a verb of doing, my patch, myself).
	We             []string `yaml:"we"`
	I              []string `yaml:"i"`
	MinShare       float64  `yaml:"min_share"`        // voice: 0..1
	MinCount       int      `yaml:"min_count"`        // voice
	WordsPerMinute int      `yaml:"words_per_minute"` // speaking_time
	MaxMinutes     float64  `yaml:"max_minutes"`      // speaking_time
}

// Exercise is a practice prompt: a "scale it 100x" system or a Technical
// Skills scenario. Later drills fill and extend this bank.
type Exercise struct {
	ID     string `yaml:"id"`     // required
	Title  string `yaml:"title"`  // required
	Kind   string `yaml:"kind"`   // required: the rubric its answers use (scale, design, debug)
	Track  string `yaml:"track"`  // design: distributed, frontend, debugging
	Prompt string `yaml:"prompt"` // required: the problem as an interviewer states it
	// Numbers are today's figures a candidate would ask for
	// ("peak requests per second": "2,000"). Older packs use them; a
	// session treats each as a fact (see Exercise.AllFacts).
	Numbers      []Figure `yaml:"numbers"`
	Architecture string   `yaml:"architecture"`
	// Facts are revealed only when the candidate asks for them.
	Facts []Fact `yaml:"facts"`
	// Evidence is what a check the candidate names would show.
	Evidence []Evidence `yaml:"evidence"`
	// Change is the requirement the interviewer changes mid-session.
	Change *Change `yaml:"change"`
	// KeyPoints are the reference answer as points an answer is held to.
	KeyPoints []KeyPoint `yaml:"key_points"`
	Hints     []string   `yaml:"hints"` // revealed one at a time
	Notes     string     `yaml:"notes"` // reference notes for self-comparison

	Src Pos `yaml:"-"`
}

// Fact is one thing the interviewer knows and says only when asked.
type Fact struct {
	ID    string `yaml:"id"`    // required, unique within the exercise
	Topic string `yaml:"topic"` // required: short noun phrase, "daily users"
	// Words are the phrasings a question may use for it, lowercase; a
	// multiword phrase matches its words in order, on word stems.
	Words  []string `yaml:"words"`
	Answer string   `yaml:"answer"` // required: what the interviewer says
	Why    string   `yaml:"why"`    // required: why it should have been asked
}

// Evidence is what one check (a metric, a log, a trace, a query) shows.
type Evidence struct {
	ID    string   `yaml:"id"`    // required, unique within the exercise
	Check string   `yaml:"check"` // required: what the candidate would look at
	Words []string `yaml:"words"` // required: how a candidate may name the check
	Shows string   `yaml:"shows"` // required: what it shows
}

// Change is a requirement change the interviewer announces mid-session.
type Change struct {
	After string `yaml:"after"` // required: the rubric section after which it is said
	Say   string `yaml:"say"`   // required: what the interviewer says
}

// KeyPoint is one point of the reference answer.
type KeyPoint struct {
	ID    string   `yaml:"id"`    // required, unique within the exercise
	Point string   `yaml:"point"` // required: the point, in a sentence
	Words []string `yaml:"words"` // required: any one phrase counts
	Why   string   `yaml:"why"`   // required: why an interviewer looks for it
}

// Component is one technology of the probe bank.
type Component struct {
	ID           string   `yaml:"id"`            // required
	Name         string   `yaml:"name"`          // required: "PostgreSQL"
	Words        []string `yaml:"words"`         // required: names an answer may use, lowercase
	Limits       string   `yaml:"limits"`        // required: where it stops scaling
	FailureModes []string `yaml:"failure_modes"` // required: how it breaks
	Question     string   `yaml:"question"`      // required: what an interviewer asks about it

	Src Pos `yaml:"-"`
}

// Example strengths.
const (
	Strong = "strong"
	Weak   = "weak"
)

// Example is a worked answer, annotated with what an interviewer hears.
type Example struct {
	ID       string `yaml:"id"`       // required
	Kind     string `yaml:"kind"`     // required: a rubric id
	Strength string `yaml:"strength"` // required: strong | weak
	Title    string `yaml:"title"`    // required
	Text     string `yaml:"text"`     // required: the answer, Markdown
	Notes    []Note `yaml:"notes"`

	Src Pos `yaml:"-"`
}

// Note is one annotation of an example: words of it and what they tell.
type Note struct {
	Quote string `yaml:"quote"` // required: words found in the example's text
	Hears string `yaml:"hears"` // required
}

// Reference is a long text to read: a primer, a fundamentals sheet.
type Reference struct {
	ID      string `yaml:"id"`      // required
	Title   string `yaml:"title"`   // required
	Summary string `yaml:"summary"` // required: one line
	Text    string `yaml:"text"`    // required: Markdown

	Src Pos `yaml:"-"`
}

// Figure is one named number of an exercise.
type Figure struct {
	Name  string `yaml:"name"`
	Value string `yaml:"value"`
}

// Tradeoff is one classic engineering decision for recall drills.
type Tradeoff struct {
	ID         string   `yaml:"id"`      // required
	Title      string   `yaml:"title"`   // required: "Queue or direct call"
	Options    []string `yaml:"options"` // required, at least two
	Dimensions []string `yaml:"dimensions"`
	Notes      string   `yaml:"notes"`

	Src Pos `yaml:"-"`
}

// Followup is a question an interviewer asks at the edge of a decision.
type Followup struct {
	ID       string   `yaml:"id"`       // required
	Question string   `yaml:"question"` // required
	Sections []string `yaml:"sections"` // section ids it probes (architecture, tradeoffs, …)
	Topics   []string `yaml:"topics"`   // words in a story that make it relevant
	Why      string   `yaml:"why"`      // what the interviewer is testing

	Src Pos `yaml:"-"`
}
