// Package survey is the domain of Safar: surveys, their definitions,
// responses and answers, and the Store interface that adapters implement.
// It imports the standard library only.
package survey

import (
	"context"
	"time"
)

// Status is where a survey is in its life.
type Status string

const (
	Draft     Status = "draft"
	Published Status = "published"
	Closed    Status = "closed"
)

// Project is one research study; it holds surveys, interviews and
// transcripts.
type Project struct {
	ID          int64
	Name        string // unique, used on the command line: --project NAME
	Title       string
	Description string
	Archived    bool
	// Touchpoints are the channels this study covers (website, Instagram,
	// store...): they feed the distribution links and touchpoint questions.
	Touchpoints []string
	// Stages are the journey stages the study uses, in order: the six
	// defaults, each of which may be renamed.
	Stages    []ProjectStage
	CreatedAt time.Time
}

// Survey is a stored survey with its current definition.
type Survey struct {
	ID            int64
	ProjectID     int64
	Slug          string
	Status        Status
	Version       int // increases on every definition change
	Definition    *Definition
	ClosesAt      *time.Time
	ResponseLimit int // 0: no limit
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Open reports whether the survey accepts responses at t, given how many
// complete responses it already has.
func (s *Survey) Open(t time.Time, completed int) bool {
	if s.Status != Published {
		return false
	}
	if s.ClosesAt != nil && !t.Before(*s.ClosesAt) {
		return false
	}
	return s.ResponseLimit == 0 || completed < s.ResponseLimit
}

// ResponseStatus says whether a respondent finished.
type ResponseStatus string

const (
	Partial  ResponseStatus = "partial"
	Complete ResponseStatus = "complete"
	// OverQuota (survey/quota.go): turned away by a full quota.
)

// Response is one respondent's answers to one survey.
type Response struct {
	ID            string // a UUID, given to API clients
	SurveyID      int64
	SurveyVersion int
	// ClientID makes submission idempotent: the same client id for the
	// same survey always means the same response.
	ClientID   string
	Touchpoint string // the channel the respondent came from (?tp=...)
	Status     ResponseStatus
	Page       int    // the page the respondent is on, for resume
	IP         string // only when the survey opts in
	Source     string // "web", "api" or "import"
	// Language is the survey language the respondent answered in (the
	// one of their last saved page). "" means the survey's default.
	Language    string
	StartedAt   time.Time
	UpdatedAt   time.Time
	CompletedAt *time.Time
	Answers     Answers
	// Order is what the respondent was shown in a random order
	// (randomize.go); nil when the survey randomises nothing or the
	// response did not come through the survey pages.
	Order ItemOrder
	// Quota is the id of the full quota that turned an OverQuota response
	// away.
	Quota string
	// Quotas are the quotas a save with status Complete counts toward
	// (Definition.QuotasOf), set by the caller and not stored. The store
	// counts the completion against each, atomically: when one is full the
	// response is stored with status OverQuota and Quota naming it instead.
	Quotas []QuotaLimit
}

// Where a response came from (Response.Source), besides "api" and "import".
const (
	// SourceWeb is the respondent pages, one page at a time.
	SourceWeb = "web"
	// SourceOffline is a phone's offline queue sending a finished response
	// through the submit API; it may complete the same client id's
	// SourceWeb partial response (docs/offline.md).
	SourceOffline = "offline"
)

// ResponseFilter selects responses to list or export.
type ResponseFilter struct {
	SurveyID int64
	// Status selects one status; "" selects the respondents' data,
	// complete and partial: responses turned away by a quota (OverQuota)
	// are only listed when asked for by name, so no analysis or export
	// counts them by accident.
	Status ResponseStatus
	// The researcher's filters; zero values select everything.
	Touchpoint string    // exact touchpoint
	Direct     bool      // only responses through the survey's own link, no touchpoint's (Touchpoint is then ignored)
	From, To   time.Time // started at From or later, before To
	Search     string    // case-insensitive substring of any text answer or chosen option
}

// Store keeps projects, surveys and responses. Implementations are safe for
// concurrent use.
type Store interface {
	Ping(ctx context.Context) error
	Close() error

	// EnsureProject returns the project with this name, creating it.
	EnsureProject(ctx context.Context, name, title string) (*Project, error)
	ProjectByName(ctx context.Context, name string) (*Project, error)

	// CreateSurvey stores a new survey; ErrConflict if the slug is taken.
	CreateSurvey(ctx context.Context, s *Survey) error
	// UpdateDefinition replaces a survey's definition, bumping its version
	// and keeping the old one so old responses stay readable.
	UpdateDefinition(ctx context.Context, surveyID int64, d *Definition) (version int, err error)
	SetSurveyStatus(ctx context.Context, surveyID int64, st Status) error
	SurveyBySlug(ctx context.Context, slug string) (*Survey, error)
	Surveys(ctx context.Context, projectID int64) ([]*Survey, error)
	// DefinitionVersion returns the definition a survey had at a version.
	DefinitionVersion(ctx context.Context, surveyID int64, version int) (*Definition, error)

	// SaveResponse creates or updates a response identified by
	// (SurveyID, ClientID). If a complete response with that client id
	// exists it is left alone and returned with created=false: retries and
	// double taps never make a second response nor overwrite a finished one.
	// A partial response is only updated by a save with the same Source;
	// another source gets ErrConflict and the partial stays as it was.
	SaveResponse(ctx context.Context, r *Response) (stored *Response, created bool, err error)
	// SaveResponses stores many new responses in one transaction (import).
	SaveResponses(ctx context.Context, rs []*Response) error
	ResponseByClientID(ctx context.Context, surveyID int64, clientID string) (*Response, error)
	ResponseByID(ctx context.Context, id string) (*Response, error)
	// EachResponse streams responses in start order without loading them
	// all into memory.
	EachResponse(ctx context.Context, f ResponseFilter, fn func(*Response) error) error
	CountResponses(ctx context.Context, f ResponseFilter) (int, error)
	// QuotaCounts returns how many complete responses each quota of a
	// survey holds, by quota id (a quota with none is absent).
	QuotaCounts(ctx context.Context, surveyID int64) (map[string]int, error)
}
