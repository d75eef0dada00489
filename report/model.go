// Package report writes the consultant's Excel workbook (issue 8).
//
// It is the only package in Safar that imports excelize. It takes its own
// plain view-model types (this file) rather than the analysis or store types,
// so the analysis engines can change shape without touching the writer: the
// caller maps its results into a *Data and calls Write.
//
// Every string in the view model is treated as untrusted respondent text: it is
// written as a string cell, never as a formula or hyperlink.
package report

import (
	"iter"
	"time"
)

// Data is everything one workbook shows. Any part may be empty; the matching
// sheet then says "no data yet" instead of being left blank or broken.
type Data struct {
	Study        Study         `json:"study"`
	Metrics      Metrics       `json:"metrics"`
	Personas     []Persona     `json:"personas,omitempty"`
	PersonaModel *PersonaModel `json:"persona_model,omitempty"` // how far to trust Personas; nil leaves that block out
	PainPoints   []PainPoint   `json:"pain_points,omitempty"`   // in rank order
	// PainPointPeople is the people the pain points' shares are of: those
	// whose texts were read (0: not told).
	PainPointPeople int              `json:"pain_point_people,omitempty"`
	Touchpoints     TouchpointMatrix `json:"touchpoints"`
	Journeys        []Journey        `json:"journeys,omitempty"` // one per persona, optionally one with Persona 0 (everyone)
	Codebook        []Code           `json:"codebook,omitempty"`
	Passages        []Passage        `json:"passages,omitempty"`
	Responses       *Responses       `json:"-"` // nil: no responses sheet content
}

// Study describes what the workbook is about.
type Study struct {
	Title       string    `json:"title"`
	Project     string    `json:"project"`          // the project's name, or the survey's slug when Survey
	Survey      bool      `json:"survey,omitempty"` // the workbook is one survey's, not a project's
	Language    string    `json:"language"`         // "fa" gives a right-to-left Persian workbook; anything else English
	Generated   time.Time `json:"generated"`
	From        time.Time `json:"from"`      // first response/interview; zero if unknown
	To          time.Time `json:"to"`        // last response/interview; zero if unknown
	Responses   int       `json:"responses"` // complete, analysed
	Partial     int       `json:"partial"`   // not analysed; in the Responses sheet with their status
	Interviews  int       `json:"interviews"`
	Transcripts int       `json:"transcripts"`
}

// Metrics are the headline numbers; a nil metric was not measured.
type Metrics struct {
	NPS    *Metric `json:"nps,omitempty"`    // -100..100, shown as a whole number
	CSAT   *Metric `json:"csat,omitempty"`   // share satisfied 0..1, shown as a percentage
	Effort *Metric `json:"effort,omitempty"` // customer effort score on the survey's scale, one decimal
}

// Metric is a point estimate with a confidence interval (95% unless the
// caller's statistics say otherwise) and the number of answers behind it.
type Metric struct {
	Value float64 `json:"value"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
	N     int     `json:"n"`
}

// Persona is one persona card.
type Persona struct {
	ID          int                `json:"id"` // 1-based; referenced by Journey.Persona and TouchpointView.Persona
	Name        string             `json:"name"`
	Size        int                `json:"size"`
	Share       float64            `json:"share"` // 0..1
	Traits      []Trait            `json:"traits,omitempty"`
	Goals       []string           `json:"goals,omitempty"`
	Touchpoints []StageTouchpoints `json:"touchpoints,omitempty"`
	PainPoints  []string           `json:"pain_points,omitempty"` // top pain point labels
	Quotes      []string           `json:"quotes,omitempty"`
}

// PersonaModel says how far the personas can be trusted: it heads the
// Personas sheet and gives the Summary one line.
type PersonaModel struct {
	K int `json:"k"`
	// KMin..KMax is the range automatic k compared by BIC; both 0 when the
	// user set k. KFallback: no k in the range gave every persona the
	// minimum share, so the smallest was kept.
	KMin      int        `json:"k_min,omitempty"`
	KMax      int        `json:"k_max,omitempty"`
	KFallback bool       `json:"k_fallback,omitempty"`
	Stability *Stability `json:"stability,omitempty"` // nil: not measured
	Entropy   float64    `json:"entropy_r2"`          // 1 = every respondent clearly in one persona
	// Respondents the model was fitted on. Subsample: automatic k compared
	// its candidates on a seeded random subsample of this many of them
	// before fitting the chosen k on all; 0 when it used them all.
	Respondents int `json:"respondents"`
	Subsample   int `json:"subsample,omitempty"`
}

// Stability is how well the personas survive bootstrap resampling: each
// resample is refitted and compared with them by the adjusted Rand index.
type Stability struct {
	Verdict   Verdict `json:"verdict"`
	Resamples int     `json:"resamples"`
	MeanARI   float64 `json:"mean_ari"`
	MinARI    float64 `json:"min_ari"`
	MaxARI    float64 `json:"max_ari"`
}

// Verdict is the persona engine's reading of the stability.
type Verdict string

const (
	Stable           Verdict = "stable"            // mean ARI >= 0.8
	ModeratelyStable Verdict = "moderately stable" // 0.5 to 0.8
	Unstable         Verdict = "unstable"          // below 0.5
)

// Trait is a distinctive answer of a persona: Share of the persona gives
// Value in Column, against RestShare of everyone else; Lift = Share/RestShare.
type Trait struct {
	Column      string  `json:"column"`
	Value       string  `json:"value"`
	Share       float64 `json:"share"`
	RestShare   float64 `json:"rest_share"`
	Lift        float64 `json:"lift"`
	Significant bool    `json:"significant"`
}

// StageTouchpoints lists the touchpoints used at one journey stage.
type StageTouchpoints struct {
	Stage       string   `json:"stage"`
	Touchpoints []string `json:"touchpoints"`
}

// PainPoint is one row of the ranked pain-point table.
type PainPoint struct {
	Rank      int     `json:"rank"`
	Label     string  `json:"label"`
	Documents int     `json:"documents"` // reach: responses/passages voicing it
	Share     float64 `json:"share"`     // Documents / all documents, 0..1
	// LabelTexts is how many of the pain point's texts say its label's own
	// phrase (analysis.PainPoint.LabelTexts); 0 when unknown or renamed.
	LabelTexts int     `json:"label_texts,omitempty"`
	Severity   float64 `json:"severity"`
	Priority   float64 `json:"priority"`
	// SatisfactionGap is how many points (0..100) the satisfaction of the
	// people voicing it lies below (negative) or above everyone else's who
	// rated it; nil without ratings or when its 95% interval holds 0.
	SatisfactionGap *float64 `json:"satisfaction_gap,omitempty"`
	Personas        []string `json:"personas,omitempty"`
	Stages          []string `json:"stages,omitempty"`
	Touchpoints     []string `json:"touchpoints,omitempty"`
	Examples        []string `json:"examples,omitempty"` // example quotes
	Sources         int      `json:"sources"`            // distinct sources (surveys, interviews, transcripts)
	// Coded marks a researcher's code counted as a pain point: its reach
	// and share are counted, its severity, priority and sources are not.
	Coded bool `json:"researcher_coded,omitempty"`
}

// TouchpointMatrix is usage and satisfaction per stage x touchpoint, for all
// respondents and per persona. Stages and Touchpoints fix the row and column
// order; cells naming other stages or touchpoints are appended in order seen.
type TouchpointMatrix struct {
	Stages      []string         `json:"stages"`
	Touchpoints []string         `json:"touchpoints"`
	Views       []TouchpointView `json:"views"`
}

// TouchpointView is one matrix: Persona 0 means all respondents.
// Respondents is how many people the view covers (the persona's size): the
// denominator of every cell's Share.
type TouchpointView struct {
	Persona     int              `json:"persona"`
	Respondents int              `json:"respondents"`
	Cells       []TouchpointCell `json:"cells"` // sparse; missing cells are blank
}

// TouchpointCell is one stage x touchpoint cell: Usage of the view's
// respondents used the touchpoint at that stage, Share = Usage/Respondents.
type TouchpointCell struct {
	Stage        string   `json:"stage"`
	Touchpoint   string   `json:"touchpoint"`
	Usage        int      `json:"usage"`
	Share        float64  `json:"share"`                  // 0..1
	Satisfaction *float64 `json:"satisfaction,omitempty"` // mean on 0..100; nil when nobody rated it
}

// Journey is one persona's journey map: Persona 0 means all respondents.
type Journey struct {
	Persona int            `json:"persona"`
	Stages  []JourneyStage `json:"stages"` // in journey order; they become columns
	// Unplaced are the pain points no stage stands out for, a row of
	// their own under the map.
	Unplaced []string `json:"unplaced,omitempty"`
}

// JourneyStage is one column of a journey map.
type JourneyStage struct {
	Stage         string   `json:"stage"`
	Touchpoints   []string `json:"touchpoints,omitempty"`
	Goals         []string `json:"goals,omitempty"`
	Emotion       *float64 `json:"emotion,omitempty"` // mean emotion score on 0..100; nil if unknown
	EmotionN      int      `json:"emotion_n"`
	PainPoints    []string `json:"pain_points,omitempty"`
	Opportunities []string `json:"opportunities,omitempty"`
}

// Code is one codebook entry.
type Code struct {
	Name        string `json:"name"`
	Parent      string `json:"parent,omitempty"`
	Description string `json:"description,omitempty"`
	Passages    int    `json:"passages"`
	People      int    `json:"people,omitempty"` // distinct people whose passages carry it
}

// Passage is one coded stretch of an open answer, interview, focus group
// or transcript.
type Passage struct {
	Source  string   `json:"source"`
	Speaker string   `json:"speaker"`
	Codes   []string `json:"codes"`
	Text    string   `json:"text"`
	Stage   string   `json:"stage,omitempty"`
	Persona string   `json:"persona,omitempty"`
}

// Responses is the raw response table. Rows is pulled exactly once, row by
// row, so it can wrap a database cursor: yield a non-nil error to abort the
// workbook. It is pulled on a goroutine of its own (reading overlaps the
// writing of earlier rows), and Write returns only after it has stopped;
// a row slice may be reused by the next yield. Row values may be string, []byte, any integer or float type, bool,
// time.Time, nil or *those; anything else is written as its fmt.Sprint text.
// Strings are always written as text, never as formulas.
type Responses struct {
	Header []string                `json:"header"` // question texts and fixed columns (touchpoint, started, completed, persona...)
	Rows   iter.Seq2[[]any, error] `json:"-"`
	// Recorded, when set, holds the rows already read (instead of Rows),
	// and Late gives the value of its open column by a row's key.
	Recorded *RowRecorder         `json:"-"`
	Late     func(key string) any `json:"-"`
	// Prepared, when set, holds the rows already made into the sheet
	// (RowRecorder.Prepare), instead of Rows and Recorded; the workbook
	// takes them over.
	Prepared *PreparedRows `json:"-"`
}
