// Package personas turns survey answers into data-backed personas: it
// selects and codes the questions that take part, segments respondents
// with latent class analysis (analysis/cluster), and describes each
// segment as a persona card (size, a generated name, distinguishing traits
// with a significance test, demographics, goals, touchpoints per journey
// stage with satisfaction, pain points and representative quotes).
//
// Everything is plain values in, plain values out: the survey layer maps
// its questions to Items and its responses to Respondents; the CLI builds
// them from a CSV with InferCSV.
package personas

import (
	"math"

	"github.com/safarhq/safar/analysis/cluster"
)

// Kind is how an item's answers are measured.
type Kind string

const (
	Categorical Kind = "categorical" // single choice, dropdown
	Ordinal     Kind = "ordinal"     // Likert, rating, NPS: Levels in order, low to high
	Numeric     Kind = "numeric"     // a number (age, spend)
	Binary      Kind = "binary"      // one option of a multiple-choice question: "yes"/"no" (see ExpandMultiSelect)
)

// Role is what an item tells about a respondent.
type Role string

const (
	Demographic  Role = "demographic"
	Behaviour    Role = "behaviour"
	Goal         Role = "goal"
	Pain         Role = "pain"
	Satisfaction Role = "satisfaction"
	Touchpoint   Role = "touchpoint"
	Open         Role = "open" // free text: never clustered; used for quotes
)

// DefaultRoles take part in segmentation unless the caller says otherwise.
// Items with an empty Role (e.g. inferred from a CSV) also take part.
// Open answers enter through Respondent.PainPoints, not directly.
var DefaultRoles = []Role{Demographic, Behaviour, Goal, Pain, Satisfaction, Touchpoint}

// Journey stages.
const (
	Awareness     = "awareness"
	Consideration = "consideration"
	Decision      = "decision"
	Purchase      = "purchase"
	Use           = "use"
	Loyalty       = "loyalty"
)

// Item is one question (or one option of a multiple-choice question).
type Item struct {
	Name  string // unique key, e.g. the CSV column or question slug
	Label string // question text shown on cards; Name when empty
	// Short is a few words that name the question in persona names
	// ("Age" for "How old are you?"); see Item.short when empty.
	Short string
	Kind  Kind
	// Levels: the answer options. Required order for Ordinal (low to high);
	// optional for Categorical (then taken from the data, most frequent
	// first). Answers outside Levels are added as extra levels.
	Levels     []string
	Role       Role
	Stage      string // journey stage, for touchpoint and satisfaction items
	Touchpoint string // the touchpoint a touchpoint/satisfaction item is about
}

func (it Item) label() string {
	if it.Label != "" {
		return it.Label
	}
	return it.Name
}

// Value is one answer; the zero Value is a missing answer.
type Value struct {
	Text string  // Categorical, Ordinal, Binary ("yes"/"no")
	Num  float64 // Numeric
	OK   bool    // false: no answer
}

// Text returns a text answer (missing when s is empty).
func Text(s string) Value { return Value{Text: s, OK: s != ""} }

// Number returns a numeric answer (missing when x is NaN).
func Number(x float64) Value { return Value{Num: x, OK: !math.IsNaN(x)} }

// Yes and No are Binary answers.
var (
	Yes = Value{Text: "yes", OK: true}
	No  = Value{Text: "no", OK: true}
)

// Respondent is one participant's answers, aligned with Input.Items.
type Respondent struct {
	ID     string
	Values []Value
	// PainPoints are keys (labels) of the pain points this respondent
	// voices, e.g. from analysis of their open answers. Optional.
	PainPoints []string
	// Quotes are this respondent's own words (open answers). Optional.
	Quotes []string
	// PainQuotes are, per pain point key, the respondent's words voicing
	// it: the quote a card shows beside the pain point. Optional.
	PainQuotes map[string]string
}

// Input is everything Build needs.
type Input struct {
	Items       []Item
	Respondents []Respondent
	Language    string // "en" (default) or "fa": the language of generated names
	// PainLabels names the pain point keys of Respondent.PainPoints for
	// the cards (the key itself when absent).
	PainLabels map[string]string
	// Source is where the respondents' words come from, for their quotes:
	// "survey" (default) or "interview" (interview and focus-group
	// participants as respondents).
	Source string
	// Table, when set, holds the answers (one row per respondent, in
	// order) instead of Respondent.Values, which are then left nil.
	Table *Table
	// Words, when set, gives the respondents' words instead of
	// Respondent.Quotes and PainQuotes, which are then left nil: a big
	// study keeps its texts once rather than a copy per respondent.
	Words Words

	levels [][]string // per item, computed once by Build (see itemLevels)
}

// Words are the respondents' words, by position in Input.Respondents,
// read when the cards pick their quotes.
type Words interface {
	// Quotes appends respondent i's own words (as Respondent.Quotes) to
	// buf and returns it.
	Quotes(i int, buf []string) []string
	// PainQuotes calls fn with every respondent voicing pain point key and
	// their words voicing it (as Respondent.PainQuotes[key]), in
	// respondent order.
	PainQuotes(key string, fn func(i int, text string))
}

// Options control Build.
type Options struct {
	K       int    // number of personas; 0 chooses automatically in KMin..KMax
	KMin    int    // default 2
	KMax    int    // default 8
	Roles   []Role // roles that take part (default DefaultRoles)
	Include []string
	// Exclude: item names left out of the segmentation (wins over Include
	// and roles). Every item that does not take part still describes the
	// cards (Persona.Profile).
	Exclude []string
	Seed    uint64
	// Compare: with a fixed K, also fit every k in KMin..KMax (without
	// resampling them) so Quality.Candidates compares K with the others,
	// as the web page's one-click k choice needs. It costs the candidate
	// fits of automatic k.
	Compare bool
	// Bootstrap is the number of resamples for the stability score
	// (default 10; negative disables it).
	Bootstrap int
	// Cluster passes further settings to the clustering (starts, sample
	// size, minimum share); its Seed and K range are set from the above.
	Cluster cluster.Options
}

// Method is Result.Method: how the personas are found, in English.
const Method = "latent class analysis (EM; categorical and ordinal items multinomial, numbers Gaussian, missing answers skipped)"

// Result is a segmentation with its persona cards. Its JSON is what
// `safar personas --format json` prints, a shape integrations rely on.
type Result struct {
	K           int          `json:"k"`
	Method      string       `json:"method"`
	Language    string       `json:"language"`
	Quality     Quality      `json:"quality"`
	Personas    []Persona    `json:"personas"`
	Assignments []Assignment `json:"assignments"`

	fit     *cluster.Result
	items   []Item // all input items
	codec   []codec
	profile []bool // per item: describes the cards without taking part
	order   []int  // persona id-1 -> cluster class
	rank    []int  // cluster class -> persona id-1
	member  []int  // persona id-1 per respondent, from named until painCards
	tests   int    // the answers tested per persona, for significance
}

// Quality says how much to trust the segmentation.
type Quality struct {
	N         int      `json:"n"`
	Items     []string `json:"items"` // items that took part
	LogLik    float64  `json:"loglik"`
	BIC       float64  `json:"bic"`
	AIC       float64  `json:"aic"`
	Entropy   float64  `json:"entropy_r2"` // 1 = every respondent clearly in one persona
	Params    int      `json:"params"`
	KSelected string   `json:"k_selection"`
	// KRule is KSelected as numbers when k was chosen automatically, for
	// a reader who words it in another language.
	KRule *cluster.Rule `json:"k_rule,omitempty"`
	// Candidates are the automatic-k fits compared (empty for a fixed k
	// unless Options.Compare).
	Candidates []cluster.Candidate      `json:"candidates,omitempty"`
	Stability  *cluster.StabilityResult `json:"stability,omitempty"`
	// Verdict is a one-line reading of Stability and Entropy for researchers.
	Verdict string `json:"verdict"`
}

// Reading is the verdict on Stability in one word, for callers that phrase
// it in their own language (Verdict is the English line).
type Reading string

const (
	Unmeasured       Reading = ""                  // no stability resamples
	Stable           Reading = "stable"            // mean ARI >= 0.8
	ModeratelyStable Reading = "moderately stable" // mean ARI 0.5 to 0.8
	Unstable         Reading = "unstable"          // mean ARI < 0.5: the data do not support k distinct personas
)

// Reading classifies Stability as Verdict does.
func (q Quality) Reading() Reading {
	if q.Stability == nil {
		return Unmeasured
	}
	return Reading(cluster.Verdict(q.Stability.MeanARI))
}

// CandidateRows is how many respondents automatic k compared its
// candidates on: a seeded random subsample when there are more respondents
// than the clustering's sample size (Options.Cluster.SampleSize, default
// 5,000), else all N. The chosen k is then fitted on all N respondents.
// It is 0 for a fixed k (no candidates).
func (q Quality) CandidateRows() int {
	if len(q.Candidates) == 0 {
		return 0
	}
	return q.Candidates[0].N // every candidate is fitted on the same rows
}

// Persona is one card.
type Persona struct {
	ID     int     `json:"id"` // 1-based, largest persona first
	Name   string  `json:"name"`
	Size   int     `json:"size"` // respondents whose most likely persona this is
	Share  float64 `json:"share"`
	Traits []Trait `json:"traits"` // what sets it apart, most distinctive first
	// Profile describes the persona by the items that did not take part in
	// the segmentation (demographics or outcomes read off the result, e.g.
	// `--exclude vote`): per item, its most over-represented answer.
	Profile []Trait `json:"profile,omitempty"`
	// Trust says in one line how far to trust this persona: its size, how
	// surely its members belong, and the stability of the segmentation.
	Trust string `json:"trust"`
	// TrustLevel is the verdict Trust begins with (TrustSolid,
	// TrustIndicative or TrustWeak) and Membership the members' mean
	// probability of belonging to the persona, for a reader who words
	// Trust in another language (TrustLine).
	TrustLevel string  `json:"trust_level,omitempty"`
	Membership float64 `json:"membership,omitempty"`
	// Demographics and Goals give, per item of that role, the persona's most
	// common answer.
	Demographics []Trait         `json:"demographics,omitempty"`
	Goals        []Trait         `json:"goals,omitempty"`
	Touchpoints  []TouchpointUse `json:"touchpoints,omitempty"`
	Satisfaction []Score         `json:"satisfaction,omitempty"`
	PainPoints   []Trait         `json:"pain_points,omitempty"` // Column "pain_point", Value the key
	Quotes       []Quote         `json:"quotes,omitempty"`
}

// Trait compares one answer's share inside the persona with the rest.
type Trait struct {
	Column    string  `json:"column"`
	Label     string  `json:"label,omitempty"`
	Value     string  `json:"value"`
	Share     float64 `json:"share"`         // among persona members who answered
	RestShare float64 `json:"rest_share"`    // among everyone else who answered
	Overall   float64 `json:"overall_share"` // among all who answered
	// Profile marks an item that did not take part in the segmentation.
	Profile bool `json:"profile,omitempty"`
	// Band marks a Value the engine wrote, not an answer: the range of a
	// numeric item's tercile ("18–30"), in ASCII digits.
	Band bool `json:"band,omitempty"`
	// Lift is Share divided by the share among all respondents (an index:
	// 1.5 means 50% more common in this persona than overall).
	Lift float64 `json:"lift"`
	// PValue is the two-sided two-proportion z-test of Share vs RestShare;
	// Significant applies a Bonferroni correction over every answer tested,
	// so a trait marked significant is more than noise.
	PValue      float64 `json:"p_value"`
	Significant bool    `json:"significant"`
	// Quote: for a pain point, the words of the member most surely in the
	// persona who voices it.
	Quote *Quote `json:"quote,omitempty"`
}

// TouchpointUse is how much a persona uses a touchpoint at a stage.
type TouchpointUse struct {
	Stage        string   `json:"stage,omitempty"`
	Touchpoint   string   `json:"touchpoint"`
	Column       string   `json:"column"`
	Share        float64  `json:"share"`
	Lift         float64  `json:"lift"`
	Satisfaction *float64 `json:"satisfaction,omitempty"` // mean of the matching satisfaction item(s)
}

// Score is a mean satisfaction in the persona and in the rest. Ordinal
// answers score as their position, 1 to the number of levels.
type Score struct {
	Column     string  `json:"column"`
	Label      string  `json:"label,omitempty"`
	Stage      string  `json:"stage,omitempty"`
	Touchpoint string  `json:"touchpoint,omitempty"`
	Mean       float64 `json:"mean"`
	RestMean   float64 `json:"rest_mean"`
	Max        float64 `json:"max,omitempty"` // top of the scale for ordinal items
}

// Quote is a representative quote.
type Quote struct {
	ID          string  `json:"id"`
	Text        string  `json:"text"`
	Probability float64 `json:"probability"` // how surely the speaker belongs to the persona
	Source      string  `json:"source"`      // "survey" or "interview"
}

// Assignment is one respondent's persona.
type Assignment struct {
	ID          string  `json:"id"`
	Persona     int     `json:"persona"`
	Probability float64 `json:"probability"`
}
