package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

type builderQuestion struct {
	PI, QI                          int
	Q                               survey.Question
	Options, Statements, ScaleLabel string
	ScalePoints                     int
	Min, Max                        string
	ShowQ, ShowOp, ShowValues       string
	Earlier                         []string // ids a show_if may refer to
}

type builderPageView struct {
	PI        int
	P         survey.Page
	Questions []builderQuestion
}

type builderPage struct {
	Project      *survey.Project
	Survey       *survey.Survey // nil while the survey is new
	Def          *survey.Definition
	Pages        []builderPageView
	NPages       int
	Problems     []survey.FieldError
	JSON         string // the draft, for copying out
	Import       string // what was pasted to import, on error
	Types        []survey.QuestionType
	Roles        []survey.Role
	HasResponses bool
	Action       string
	// QuotasJSON carries the quotas through the form unchanged: the
	// builder does not edit them yet, and must not drop them on save.
	QuotasJSON string
}

func (s *Server) builderView(p *survey.Project, sv *survey.Survey, d *survey.Definition, hasResponses bool) builderPage {
	bp := builderPage{Project: p, Survey: sv, Def: d, NPages: len(d.Pages), Types: survey.QuestionTypes, Roles: survey.Roles, HasResponses: hasResponses}
	if len(d.Quotas) > 0 {
		if b, err := json.Marshal(d.Quotas); err == nil {
			bp.QuotasJSON = string(b)
		}
	}
	if sv == nil {
		bp.Action = "/app/projects/" + itoa(int(p.ID)) + "/builder"
	} else {
		bp.Action = "/app/surveys/" + sv.Slug + "/builder"
	}
	var earlier []string
	for pi, pg := range d.Pages {
		pv := builderPageView{PI: pi, P: pg}
		for qi, q := range pg.Questions {
			bq := builderQuestion{PI: pi, QI: qi, Q: q, Options: optionLines(q.Options), Statements: optionLines(q.Statements),
				Min: formatOptFloat(q.Min), Max: formatOptFloat(q.Max), Earlier: append([]string(nil), earlier...)}
			if q.Scale != nil {
				bq.ScalePoints, bq.ScaleLabel = q.Scale.Points, joinTexts(q.Scale.Labels, "\n")
			}
			if c := q.ShowIf; c != nil {
				bq.ShowQ = c.Question
				switch {
				case c.NotAnswered:
					bq.ShowOp = "not_answered"
				case len(c.OneOf) > 0:
					bq.ShowOp, bq.ShowValues = "one_of", strings.Join(c.OneOf, ", ")
				case c.Equals != nil:
					bq.ShowOp, bq.ShowValues = "equals", *c.Equals
				}
			}
			if bq.ShowQ != "" && !slices.Contains(bq.Earlier, bq.ShowQ) {
				// Keep a condition that now points forward (after a move)
				// selectable, so saving reports it instead of dropping it.
				bq.Earlier = append(bq.Earlier, bq.ShowQ)
			}
			pv.Questions = append(pv.Questions, bq)
			if q.ID != "" {
				earlier = append(earlier, q.ID)
			}
		}
		bp.Pages = append(bp.Pages, pv)
	}
	b, _ := json.MarshalIndent(d, "", "  ")
	bp.JSON = string(b)
	return bp
}

func (s *Server) renderBuilder(c *gin.Context, status int, bp builderPage) {
	s.renderApp(c, status, nil, "builder", "builder_title", bp)
}

// showNewSurveyBuilder starts a new survey in a project.
func (s *Server) showNewSurveyBuilder(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	d := &survey.Definition{Language: currentUser(c).Lang, Pages: []survey.Page{{ID: "p1"}}}
	d.Pages[0].Questions = []survey.Question{newQuestion(d, survey.Single)}
	s.renderBuilder(c, http.StatusOK, s.builderView(p, nil, d, false))
}

// showSurveyBuilder edits an existing survey's definition.
func (s *Server) showSurveyBuilder(c *gin.Context) {
	sv, p, ok := s.surveyParam(c)
	if !ok {
		return
	}
	n, err := s.store.CountResponses(c.Request.Context(), survey.ResponseFilter{SurveyID: sv.ID})
	if err != nil {
		s.appError(c, err)
		return
	}
	s.renderBuilder(c, http.StatusOK, s.builderView(p, sv, sv.Definition, n > 0))
}

// newSurveyBuilderAction applies a builder button to a new survey.
func (s *Server) newSurveyBuilderAction(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	s.builderAction(c, p, nil)
}

// surveyBuilderAction applies a builder button to an existing survey.
func (s *Server) surveyBuilderAction(c *gin.Context) {
	sv, p, ok := s.surveyParam(c)
	if !ok {
		return
	}
	s.builderAction(c, p, sv)
}

// builderAction reads the draft, applies the pressed button and shows the
// builder again, or saves: a new survey is created as a draft; an
// existing one gets a new version, refusing edits that would orphan
// stored answers (survey.CheckEvolution).
func (s *Server) builderAction(c *gin.Context, p *survey.Project, sv *survey.Survey) {
	if err := c.Request.ParseMultipartForm(4 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		s.appError(c, err)
		return
	}
	d := parseBuilderForm(c.Request.PostForm)
	hasResponses := false
	if sv != nil {
		d.Slug = sv.Slug // links are out: the slug never changes
		n, err := s.store.CountResponses(c.Request.Context(), survey.ResponseFilter{SurveyID: sv.ID})
		if err != nil {
			s.appError(c, err)
			return
		}
		hasResponses = n > 0
	}
	op := c.PostForm("op")
	var problems []survey.FieldError
	switch op {
	case "import_json":
		data, err := readDefinitionUpload(c)
		if err != nil {
			s.appError(c, err)
			return
		}
		imported, err := survey.ParseDefinition(data)
		if err != nil {
			var ve *survey.ValidationError
			if !errors.As(err, &ve) {
				s.appError(c, err)
				return
			}
			bp := s.builderView(p, sv, d, hasResponses)
			bp.Problems, bp.Import = ve.Problems, string(data)
			s.renderBuilder(c, http.StatusUnprocessableEntity, bp)
			return
		}
		if sv != nil {
			imported.Slug = sv.Slug
		}
		d = imported
	case "save":
		err := d.Validate()
		if err == nil && sv != nil && hasResponses {
			err = survey.CheckEvolution(sv.Definition, d)
		}
		if err == nil {
			if sv == nil {
				nsv := &survey.Survey{ProjectID: p.ID, Definition: d, Status: survey.Draft}
				if err = s.store.CreateSurvey(c.Request.Context(), nsv); err == nil {
					c.Redirect(http.StatusSeeOther, "/app/surveys/"+nsv.Slug+"?saved=1")
					return
				}
				if errors.Is(err, survey.ErrConflict) {
					err = &survey.ValidationError{Problems: []survey.FieldError{{Field: "slug", Message: "another survey already uses this slug"}}}
				}
			} else if _, err = s.store.UpdateDefinition(c.Request.Context(), sv.ID, d); err == nil {
				s.surveys.forget(sv.Slug)
				c.Redirect(http.StatusSeeOther, "/app/surveys/"+sv.Slug+"?saved=1")
				return
			}
		}
		var ve *survey.ValidationError
		if !errors.As(err, &ve) {
			s.appError(c, err)
			return
		}
		problems = ve.Problems
	default:
		if arg, ok := strings.CutPrefix(op, "tp_options:"); ok {
			touchpointOptions(d, arg, p.Touchpoints)
			break
		}
		applyBuilderOp(d, op, survey.QuestionType(c.PostForm("new_type")))
	}
	bp := s.builderView(p, sv, d, hasResponses)
	bp.Problems = problems
	status := http.StatusOK
	if len(problems) > 0 {
		status = http.StatusUnprocessableEntity
	}
	s.renderBuilder(c, status, bp)
}

// touchpointOptions makes the project's touchpoints the options of the
// choice question at "I.J": the touchpoint list feeds both the links and
// the questions, so answers and links use the same names.
func touchpointOptions(d *survey.Definition, at string, tps []string) {
	pi, qi, _ := strings.Cut(at, ".")
	i, err1 := strconv.Atoi(pi)
	j, err2 := strconv.Atoi(qi)
	if err1 != nil || err2 != nil || i < 0 || i >= len(d.Pages) || j < 0 || j >= len(d.Pages[i].Questions) {
		return
	}
	q := &d.Pages[i].Questions[j]
	if q.Type != survey.Single && q.Type != survey.Multiple && q.Type != survey.Dropdown {
		return
	}
	q.Options = q.Options[:0]
	for _, tp := range tps {
		q.Options = append(q.Options, survey.Option{Value: tp, Label: survey.Text(tp)})
	}
	if q.Role == "" {
		q.Role = survey.RoleTouchpoint
	}
}

// joinTexts joins texts in their default language.
func joinTexts(ts []survey.Localized, sep string) string {
	ss := make([]string, len(ts))
	for i, t := range ts {
		ss[i] = t.String()
	}
	return strings.Join(ss, sep)
}
