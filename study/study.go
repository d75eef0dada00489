// Package study runs the whole analysis of a study (one survey or a
// project): pain points from open answers and customer utterances,
// personas from the answers, metrics with confidence intervals, the
// touchpoint x persona x stage matrix and a journey map per persona. It
// takes plain domain values and returns one JSON-ready Result, used by
// `safar analyze`, the web pages and the Excel report.
package study

import (
	"context"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/survey"
)

// Input is everything a study holds.
type Input struct {
	Name     string // the survey slug or project name
	Title    string
	Language string // "fa" or "en": labels, names; default: the first survey's
	Surveys  []SurveyData
	// Transcripts with their utterances and speakers; only customer
	// utterances (not the moderator's) are analysed.
	Transcripts  []*survey.Transcript
	Participants []*survey.Participant
	// Coded are the project's coded passages (codebook codings), for the
	// journeys of interview and focus-group participants and the coding
	// summary (codes.go).
	Coded []survey.CodedPassage
	// Stages are the project's journey stages as researchers named them,
	// for presentation (the Excel report); nil: the default names.
	Stages []survey.ProjectStage
	// Codes is the researchers' codebook (codes.go); codings of passages
	// outside the study are ignored there.
	Codes []*survey.Code
}

// SurveyData is one survey with its responses (complete and partial):
// either held in Responses or, for a study too big to hold, read by Each
// from a cursor (a store's EachResponse). Analyze reads them once either
// way and keeps only compact per-respondent data (answers.go).
type SurveyData struct {
	Slug       string
	Definition *survey.Definition
	Responses  []*survey.Response
	// Each, when set, calls fn with every response in turn and is used
	// instead of Responses. The response passed may be reused after fn
	// returns: Analyze keeps nothing of it but copies.
	Each func(ctx context.Context, fn func(*survey.Response) error) error
}

// ForEach calls fn with every response of the survey: from Each when set,
// else from Responses.
func (s SurveyData) ForEach(ctx context.Context, fn func(*survey.Response) error) error {
	if s.Each != nil {
		return s.Each(ctx, fn)
	}
	for _, r := range s.Responses {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// Options tune Analyze.
type Options struct {
	K int // personas: 0 = automatic
	// CompareK: with a fixed K, also fit the other k so the personas'
	// candidates compare them (the web page's one-click choice of k).
	CompareK bool
	Seed     uint64 // personas: reproducible fits
	// Bootstrap resamples for persona stability (0 = default, <0 = off).
	Bootstrap int
	// ChoiceStabilityOnly measures the stability of the kept number of
	// personas alone (and of the smaller ones automatic k may fall back
	// to): the same personas and stability, without the other candidates'
	// (cluster.Options.ChoiceStabilityOnly). For the workbook, which shows
	// the kept k's.
	ChoiceStabilityOnly bool
	// PainPoints carries researcher corrections (merge, rename, hide).
	PainPoints analysis.PainPointOptions
	// ExcludeQuestions are question ids left out of the persona
	// segmentation (every item made from them; unknown ids are ignored).
	ExcludeQuestions []string
	// Progress, when set, is told how far the analysis is (0..1) and
	// which step it starts ("painpoints", "personas", "journeys"). The
	// first "painpoints" step also codes the answers for the persona model,
	// alongside the text analysis.
	Progress func(done float64, step string)
	// Read, when set, is told how many responses have been read so far
	// (every 1,000 and at the end of each survey), for a progress line
	// while a big study loads.
	Read func(responses int)
	// Personas, when set, is handed the personas (nil when there are
	// none) as soon as every respondent has one and the personas their
	// names: for a survey's respondents that is before the cards are
	// written (personas.Fitted.Named), so only the personas' ids, names
	// and the assignments may be read then; the cards are completed
	// afterwards in the same Result. The workbook's Responses sheet, which
	// needs each respondent's persona only, is then written beside the
	// rest of the analysis. (Handed as soon as the fit is done, before the
	// pain points are, the sheet's buffers would be live beside the pain
	// points' data: 100,000 responses peaked at 279-309 MiB, docs/report.md.)
	// It must not change the result, which the analysis goes on reading.
	Personas func(*personas.Result)
}

func (o Options) progress(done float64, step string) {
	if o.Progress != nil {
		o.Progress(done, step)
	}
}

func (o Options) progressRows(n int) {
	if o.Read != nil && n%1000 == 0 {
		o.Read(n)
	}
}

// Result is the whole analysis.
type Result struct {
	Study      Info                     `json:"study"`
	Metrics    Metrics                  `json:"metrics"`
	PainPoints analysis.PainPointResult `json:"pain_points"`
	// PainPointLabels are each pain point's labels by language, where it
	// was voiced in one or, linked across languages, in several.
	PainPointLabels map[string]LabelSet `json:"pain_point_labels,omitempty"`
	Stages          []PainStage         `json:"pain_point_stages"`
	Personas        *personas.Result    `json:"personas,omitempty"`
	PersonaNote     string              `json:"persona_note,omitempty"`    // why there are no personas, in the result's language
	PersonaTooFew   *TooFew             `json:"persona_too_few,omitempty"` // the same as numbers
	// PersonaNames are the personas' names in the other languages of the
	// project's surveys, in persona order, by language.
	PersonaNames map[string][]string `json:"persona_names,omitempty"`
	// Glossary maps the questions' and options' texts to the same texts in
	// each other language of the project's surveys: by language, then text.
	Glossary    map[string]map[string]string `json:"glossary,omitempty"`
	Touchpoints []TouchpointCell             `json:"touchpoints"`
	Journeys    []Journey                    `json:"journeys"`
	Codes       *Codes                       `json:"codes,omitempty"` // the researchers' coding (codes.go)
}

// Info describes what was analysed.
type Info struct {
	Name         string   `json:"name"`
	Title        string   `json:"title"`
	Language     string   `json:"language"`
	Surveys      []string `json:"surveys"`
	Responses    int      `json:"responses"` // complete
	Partial      int      `json:"partial"`
	Transcripts  int      `json:"transcripts"`
	Interviews   int      `json:"interviews"`
	Utterances   int      `json:"customer_utterances"`
	FirstAnswer  string   `json:"first_answer,omitempty"` // RFC 3339
	LastAnswer   string   `json:"last_answer,omitempty"`
	StageNames   []string `json:"stages"`
	OpenQuestion []string `json:"open_questions"` // the questions whose text was analysed
}

// Metrics are the headline numbers, overall and per persona.
type Metrics struct {
	NPS     *NPS           `json:"nps,omitempty"`
	CSAT    *Estimate      `json:"csat,omitempty"`   // share of satisfaction ratings at 4-5 of 5
	Effort  *Estimate      `json:"effort,omitempty"` // mean agreement with the ease statement, 1..points
	Funnels []SurveyFunnel `json:"funnels"`
	// ByPersona holds the same metrics per persona, with Different set when
	// the persona's interval does not overlap the rest's.
	ByPersona []PersonaMetrics `json:"by_persona,omitempty"`
}

// Estimate is a value with its 95% confidence interval (Low and High are
// absent when the sample is too small for one) and the answers behind it.
type Estimate struct {
	Value float64  `json:"value"`
	Low   *float64 `json:"low,omitempty"`
	High  *float64 `json:"high,omitempty"`
	N     int      `json:"n"`
}

// NPS is a Net Promoter Score (-100..100) with its parts.
type NPS struct {
	Estimate
	Promoters  int `json:"promoters"`
	Passives   int `json:"passives"`
	Detractors int `json:"detractors"`
}

// SurveyFunnel is completion and drop-off of one survey.
type SurveyFunnel struct {
	Survey    string     `json:"survey"`
	Started   int        `json:"started"`
	Completed int        `json:"completed"`
	Rate      *Estimate  `json:"completion_rate,omitempty"`
	Pages     []PageStep `json:"pages"`
}

// PageStep is how many respondents reached a page and the share of those
// on the previous page who did not.
type PageStep struct {
	Page    int     `json:"page"` // 0-based
	Reached int     `json:"reached"`
	DropOff float64 `json:"drop_off"`
}

// PersonaMetrics are one persona's metrics.
type PersonaMetrics struct {
	Persona       int       `json:"persona"`
	NPS           *NPS      `json:"nps,omitempty"`
	CSAT          *Estimate `json:"csat,omitempty"`
	NPSDifferent  bool      `json:"nps_differs_from_rest"`
	CSATDifferent bool      `json:"csat_differs_from_rest"`
}

// PainStage places a pain point in the journey.
type PainStage struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Stage string `json:"stage,omitempty"` // "" when it cannot be placed
	// How: "asked" (the text answered a question about that stage or came
	// from a session at that stage) or "satisfaction" (the people voicing
	// it are clearly less satisfied at that stage than the others who
	// answered in their language).
	How string `json:"how,omitempty"`
	// Gap is, for "satisfaction", how much lower (0..1 scale) their
	// satisfaction there is than the others' who answered in their
	// language (voiced in several languages: each language's gap, averaged
	// by its voices).
	Gap float64 `json:"gap,omitempty"`
}

// TouchpointCell is one (persona, stage, touchpoint) of the matrix.
// Persona 0 means everyone.
type TouchpointCell struct {
	Persona    int    `json:"persona"`
	Stage      string `json:"stage"`
	Touchpoint string `json:"touchpoint"`
	Label      string `json:"label"`
	// Users is how many of the persona's survey respondents use it there;
	// Share is Users over the persona's size (its respondents), so it is
	// at most 1. Participants counts, apart, the interview and focus-group
	// participants whose session about that stage was about it (the view
	// of everyone only): they are none of the respondents the share is of.
	Users        int     `json:"users"`
	Share        float64 `json:"share"`
	Participants int     `json:"participants,omitempty"`
	// Satisfaction is the mean rating there on a 0..100 scale, with the
	// number of answers behind it and the questions it comes from.
	Satisfaction  *float64 `json:"satisfaction,omitempty"`
	SatisfactionN int      `json:"satisfaction_n"`
	From          []string `json:"from"`                  // question ids (and "transcripts")
	PainPoints    []string `json:"pain_points,omitempty"` // keys of pain points voiced by its users and placed at this stage
}

// Journey is the journey map of one persona (0 = everyone).
type Journey struct {
	Persona int            `json:"persona"`
	Name    string         `json:"name"`
	Size    int            `json:"size"`
	Goals   []Goal         `json:"goals,omitempty"` // goals without a stage
	Stages  []JourneyStage `json:"stages"`
	// Passages are the coded interview and focus-group passages of this
	// journey's people, Unstaged those from sessions without a stage;
	// Note says plainly, in the result's language, when they are too few
	// to read a journey from: FewPassages is then set and PassagePeople is
	// how many people they come from, for a reader in another language.
	Passages int `json:"coded_passages,omitempty"`
	Unstaged int `json:"unstaged_passages,omitempty"`
	// Unplaced are this journey's people's pain points that no stage
	// stands out for (placePainPoints): shown beside the map, not left
	// off it. Most people first.
	Unplaced      []JourneyPain `json:"unplaced_pain_points,omitempty"`
	Note          string        `json:"note,omitempty"`
	FewPassages   bool          `json:"few_passages,omitempty"`
	PassagePeople int           `json:"coded_passage_people,omitempty"`
}

// CodeCount is how many coded passages at a stage carry a code.
type CodeCount struct {
	Code     string `json:"code"`
	Passages int    `json:"passages"`
}

// Goal is what a persona most wants, from goal questions.
type Goal struct {
	Question string  `json:"question"`
	Answer   string  `json:"answer"`
	Share    float64 `json:"share"`
}

// JourneyStage is one column of a journey map.
type JourneyStage struct {
	Stage       string   `json:"stage"`
	Touchpoints []string `json:"touchpoints"` // labels, most used first
	Goals       []Goal   `json:"goals,omitempty"`
	// Emotion is the mean satisfaction at this stage on 0..100, with the
	// number of answers and the questions behind it.
	Emotion     *float64      `json:"emotion,omitempty"`
	EmotionN    int           `json:"emotion_n"`
	EmotionFrom []string      `json:"emotion_from,omitempty"`
	PainPoints  []JourneyPain `json:"pain_points,omitempty"`
	// Opportunities word the stage's Opportunities(PainPoints) in the
	// result's language.
	Opportunities []string `json:"opportunities,omitempty"`
	Quotes        []string `json:"quotes,omitempty"`
	// Passages are the coded passages from sessions at this stage, Codes
	// the codes they carry, most frequent first.
	Passages int         `json:"coded_passages,omitempty"`
	Codes    []CodeCount `json:"codes,omitempty"`
}

// JourneyPain is a pain point at a stage, for one persona.
type JourneyPain struct {
	Key      string  `json:"key"`
	Label    string  `json:"label"`
	People   int     `json:"people"`   // of this persona
	Share    float64 `json:"share"`    // of this persona
	Severity float64 `json:"severity"` // overall
	Priority float64 `json:"priority"` // overall
}
