package survey

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Qualitative coding: one codebook per project serves transcripts,
// interview notes and open survey answers alike.

// CodeGroup sorts the codes of a codebook.
type CodeGroup string

const (
	GroupPainPoint  CodeGroup = "pain_point"
	GroupGoal       CodeGroup = "goal"
	GroupTouchpoint CodeGroup = "touchpoint"
	GroupEmotion    CodeGroup = "emotion"
	GroupOther      CodeGroup = "other"
)

// CodeGroups lists the groups in display order.
var CodeGroups = []CodeGroup{GroupPainPoint, GroupGoal, GroupTouchpoint, GroupEmotion, GroupOther}

// Valid reports whether g is a known group.
func (g CodeGroup) Valid() bool {
	for _, k := range CodeGroups {
		if g == k {
			return true
		}
	}
	return false
}

// Code is one entry of a project's codebook.
type Code struct {
	ID          int64
	ProjectID   int64
	Name        string
	Description string
	Group       CodeGroup
	Uses        int // number of coded passages, when listed
	CreatedAt   time.Time
}

// Validate trims the code and checks its name and group.
func (c *Code) Validate() error {
	c.Name = strings.Join(strings.Fields(c.Name), " ")
	c.Description = strings.TrimSpace(c.Description)
	if c.Group == "" {
		c.Group = GroupOther
	}
	var ve problems
	switch n := utf8.RuneCountInString(c.Name); {
	case n == 0:
		ve.add("name", "required")
	case n > 100:
		ve.add("name", "too_long")
	}
	if !c.Group.Valid() {
		ve.add("group", "invalid")
	}
	if utf8.RuneCountInString(c.Description) > 2000 {
		ve.add("description", "too_long")
	}
	return ve.err()
}

// Passage sources.
const (
	SourceUtterance = "utterance" // a transcript turn or a line of interview notes
	SourceAnswer    = "answer"    // an open survey answer
)

// Coding applies one code to one passage: a whole utterance or answer, or
// a span of it (rune offsets, End > Start).
type Coding struct {
	ID          int64
	ProjectID   int64
	CodeID      int64
	Source      string // SourceUtterance or SourceAnswer
	UtteranceID int64  // SourceUtterance
	ResponseID  string // SourceAnswer
	QuestionID  string // SourceAnswer
	SpanStart   int
	SpanEnd     int     // 0: the whole passage
	CreatedBy   int64   // the coder: two coders may apply the same code to the same passage
	Origin      string  // OriginManual (""), OriginSuggested or OriginImported
	Confidence  float64 // the model's confidence when Origin is OriginSuggested
	CreatedAt   time.Time
}

// Where a coding came from.
const (
	OriginManual    = "manual"
	OriginSuggested = "suggested" // a suggestion of the assisted coding, accepted by CreatedBy
	OriginImported  = "imported"  // read from a REFI-QDA project
)

// Validate checks the coding refers to one passage.
func (k *Coding) Validate() error {
	var ve problems
	switch k.Source {
	case SourceUtterance:
		if k.UtteranceID <= 0 {
			ve.add("utterance", "required")
		}
	case SourceAnswer:
		if k.ResponseID == "" || k.QuestionID == "" {
			ve.add("answer", "required")
		}
	default:
		ve.add("source", "invalid")
	}
	if k.CodeID <= 0 {
		ve.add("code", "required")
	}
	if k.SpanStart < 0 || k.SpanEnd < 0 || (k.SpanEnd > 0 && k.SpanEnd <= k.SpanStart) {
		ve.add("span", "invalid")
	}
	switch k.Origin {
	case "":
		k.Origin = OriginManual
	case OriginManual, OriginSuggested, OriginImported:
	default:
		ve.add("origin", "invalid")
	}
	if k.Confidence < 0 || k.Confidence > 1 {
		ve.add("confidence", "invalid")
	}
	return ve.err()
}

// Quote returns the coded part of text: the span when there is one.
func (k *Coding) Quote(text string) string {
	if k.SpanEnd <= 0 {
		return text
	}
	r := []rune(text)
	start, end := min(k.SpanStart, len(r)), min(k.SpanEnd, len(r))
	return string(r[start:end])
}

// Passage is a piece of text that can be coded or found by search, with
// where it comes from.
type Passage struct {
	Source string // SourceUtterance or SourceAnswer

	// Utterances.
	UtteranceID     int64
	TranscriptID    int64
	TranscriptTitle string
	Kind            SourceKind
	Speaker         string
	Participant     string // the speaker's participant pseudonym, if mapped
	Moderator       bool
	Start           *time.Duration

	// Open answers.
	SurveySlug string
	ResponseID string
	QuestionID string

	Text string
}

// CodedPassage is a coding with its code and passage.
type CodedPassage struct {
	Coding
	Code    *Code
	Passage Passage
	Quote   string
}

// NoteDraft is an interview-notes form as last typed, kept so nothing is
// lost on a dropped connection. Data is the form as JSON.
type NoteDraft struct {
	ProjectID int64
	UserID    int64
	Key       string
	Data      string
	UpdatedAt time.Time
}

// Suggestion statuses; a pending suggestion is not stored.
const (
	SuggestionAccepted = "accepted"
	SuggestionRejected = "rejected"
)

// SuggestionDecision records a researcher's answer to a suggested code
// (a pain point found by the analysis) on an utterance.
type SuggestionDecision struct {
	ProjectID   int64
	UtteranceID int64
	Key         string // analysis.PainPoint.Key
	Label       string
	Status      string
	DecidedAt   time.Time
}

// CodingStore keeps codebooks, codings, note drafts and decisions on
// suggested codes.
type CodingStore interface {
	// CreateCode validates and stores a code; ErrConflict if the project
	// has a code of that name.
	CreateCode(ctx context.Context, c *Code) error
	// UpdateCode renames, describes or regroups a code.
	UpdateCode(ctx context.Context, c *Code) error
	CodeByID(ctx context.Context, projectID, id int64) (*Code, error)
	// Codes lists a project's codebook by group and name, with use counts.
	Codes(ctx context.Context, projectID int64) ([]*Code, error)
	// MergeCodes moves every coding of code from onto code into (dropping
	// duplicates) and deletes from, in one transaction.
	MergeCodes(ctx context.Context, projectID, from, into int64) error

	// ApplyCode stores a coding; the same coder applying the same code to
	// the same passage and span twice is a no-op.
	ApplyCode(ctx context.Context, k *Coding) error
	// ImportCoding stores a REFI-QDA import: codes, sources and codings,
	// all or nothing.
	ImportCoding(ctx context.Context, imp *CodingImport) error
	// ApplyCodes stores several codings (a bulk accept of suggestions) in
	// one transaction, each like ApplyCode.
	ApplyCodes(ctx context.Context, ks []*Coding) error
	// RejectSuggestion records that the assisted coding's suggestion of
	// k.CodeID for k's passage is wrong, so it is not suggested again.
	RejectSuggestion(ctx context.Context, k *Coding) error
	// RejectedSuggestions lists a project's rejected suggestions (code and
	// passage; spans are not used).
	RejectedSuggestions(ctx context.Context, projectID int64) ([]Coding, error)
	RemoveCoding(ctx context.Context, projectID, id int64) error
	// TranscriptCodings returns the codings of a transcript's utterances.
	TranscriptCodings(ctx context.Context, transcriptID int64) ([]Coding, error)
	// CodedPassages lists the codings of a project (one code when codeID
	// is not 0) with their passages, by code then source.
	CodedPassages(ctx context.Context, projectID, codeID int64) ([]CodedPassage, error)

	// EachPassage streams every utterance and non-empty text answer of a
	// project, for search and for the pain-point analysis.
	EachPassage(ctx context.Context, projectID int64, fn func(Passage) error) error

	// CreateInterview stores interview notes (Kind interview) with their
	// speaker mapped to participantID (if not 0) and every line's codes,
	// creating codes by name when missing: all of it or nothing.
	CreateInterview(ctx context.Context, t *Transcript, participantID, userID int64) error

	SaveDraft(ctx context.Context, d *NoteDraft) error
	Draft(ctx context.Context, projectID, userID int64, key string) (*NoteDraft, error)
	Drafts(ctx context.Context, projectID, userID int64) ([]*NoteDraft, error)
	DeleteDraft(ctx context.Context, projectID, userID int64, key string) error

	// DecideSuggestion records an accept/reject; accepting also applies
	// the code (created in group pain point when missing).
	DecideSuggestion(ctx context.Context, d *SuggestionDecision, userID int64) error
	SuggestionDecisions(ctx context.Context, projectID int64) ([]SuggestionDecision, error)
}

// PassageRef names a passage in CSV exports and links.
func (p Passage) PassageRef() string {
	if p.Source == SourceAnswer {
		return fmt.Sprintf("%s/%s#%s", p.SurveySlug, p.ResponseID, p.QuestionID)
	}
	return fmt.Sprintf("transcript %d #%d", p.TranscriptID, p.UtteranceID)
}
