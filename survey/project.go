package survey

import (
	"context"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ProjectStage is one journey stage as a project names it. Name empty
// means the default (translated) name of Stage.
type ProjectStage struct {
	Stage Stage  `json:"stage"`
	Name  string `json:"name,omitempty"`
}

// stageNames are the default names of the stages, by language.
var stageNames = map[string]map[Stage]string{
	"en": {"awareness": "Awareness", "consideration": "Consideration", "decision": "Decision",
		"purchase": "Purchase", "use": "Use and retention", "loyalty": "Loyalty"},
	"fa": {"awareness": "آگاهی", "consideration": "بررسی", "decision": "تصمیم",
		"purchase": "خرید", "use": "استفاده و ماندگاری", "loyalty": "وفاداری"},
}

// StageName is what a journey stage is called: the project's name for it
// when researchers renamed it (stages may be nil), else its default name in
// lang ("fa", anything else English), else st itself.
func StageName(stages []ProjectStage, lang, st string) string {
	for _, ps := range stages {
		if string(ps.Stage) == st && ps.Name != "" {
			return ps.Name
		}
	}
	if lang != "fa" {
		lang = "en"
	}
	if name, ok := stageNames[lang][Stage(st)]; ok {
		return name
	}
	return st
}

// DefaultStages are the six default stages, unrenamed.
func DefaultStages() []ProjectStage {
	out := make([]ProjectStage, len(Stages))
	for i, st := range Stages {
		out[i] = ProjectStage{Stage: st}
	}
	return out
}

// Project limits.
const (
	MaxTouchpoints      = 50
	MaxTouchpointLength = 100
)

var projectNameRE = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,99}$`)

// CleanTouchpoint keeps letters, digits, space, ZWNJ and -_. of a
// touchpoint name, trimmed and cut to MaxTouchpointLength runes; the same
// rule the respondent pages apply to ?tp=.
func CleanTouchpoint(tp string) string {
	tp = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' || r == ' ' || r == '\u200c' {
			return r
		}
		return -1
	}, strings.TrimSpace(tp))
	if r := []rune(tp); len(r) > MaxTouchpointLength {
		tp = string(r[:MaxTouchpointLength])
	}
	return strings.TrimSpace(tp)
}

// Validate checks a project before it is stored, cleaning its touchpoints
// (duplicates dropped) and filling default stages.
func (p *Project) Validate() error {
	var pr problems
	p.Name = strings.TrimSpace(p.Name)
	p.Title = strings.TrimSpace(p.Title)
	if !projectNameRE.MatchString(p.Name) {
		pr.add("name", "use 1-100 letters, digits, - _ or . (no spaces)")
	}
	if p.Title == "" {
		p.Title = p.Name
	}
	if utf8.RuneCountInString(p.Title) > 500 {
		pr.add("title", "too long (limit 500 characters)")
	}
	if utf8.RuneCountInString(p.Description) > 5000 {
		pr.add("description", "too long (limit 5000 characters)")
	}
	seen := map[string]bool{}
	var tps []string
	for _, tp := range p.Touchpoints {
		tp = CleanTouchpoint(tp)
		if tp == "" || seen[tp] {
			continue
		}
		seen[tp] = true
		tps = append(tps, tp)
	}
	if len(tps) > MaxTouchpoints {
		pr.add("touchpoints", "at most %d touchpoints", MaxTouchpoints)
	}
	p.Touchpoints = tps
	if len(p.Stages) == 0 {
		p.Stages = DefaultStages()
	}
	for i := range p.Stages {
		p.Stages[i].Name = strings.TrimSpace(p.Stages[i].Name)
		if utf8.RuneCountInString(p.Stages[i].Name) > 100 {
			pr.add("stages", "stage names are limited to 100 characters")
		}
	}
	return pr.err()
}

// TouchpointCount is how many responses came through one touchpoint.
type TouchpointCount struct {
	Touchpoint string // "" for responses without one
	Responses  int
	Complete   int
}

// WorkspaceStore is what the researcher workspace needs beyond Store:
// projects, survey settings and the management of responses.
type WorkspaceStore interface {
	// Projects lists projects by title; archived ones only when asked.
	Projects(ctx context.Context, withArchived bool) ([]*Project, error)
	ProjectByID(ctx context.Context, id int64) (*Project, error)
	// CreateProject stores a validated project; ErrConflict if the name
	// is taken.
	CreateProject(ctx context.Context, p *Project) error
	// UpdateProject saves title, description, touchpoints and stages (the
	// name, used on the command line, does not change).
	UpdateProject(ctx context.Context, p *Project) error
	SetProjectArchived(ctx context.Context, id int64, archived bool) error

	// SetSurveySchedule sets a survey's optional closing time and
	// response limit (0: none).
	SetSurveySchedule(ctx context.Context, surveyID int64, closesAt *time.Time, limit int) error
	// TouchpointCounts counts a survey's responses per touchpoint.
	TouchpointCounts(ctx context.Context, surveyID int64) ([]TouchpointCount, error)
	// ListResponses returns responses matching f, newest first.
	ListResponses(ctx context.Context, f ResponseFilter, offset, limit int) ([]*Response, error)
	// DeleteResponse removes one respondent's response and all its answers.
	DeleteResponse(ctx context.Context, id string) error
}

// Workspace is everything the researcher pages use.
type Workspace interface {
	Store
	UserStore
	WorkspaceStore
}
