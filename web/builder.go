package web

import (
	"encoding/json"
	"errors"
	"fmt"
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
	TextF, HelpF, ShortF            textField // translatable texts, a cell per language
	OptionsF, StatementsF, ScaleF   textField
	LowF, HighF                     textField // scale end labels
	Pinned                          string
	ScalePoints                     int
	Min, Max                        string
	ShowQ, ShowOp, ShowValues       string
	Earlier                         []earlierQuestion // what a show_if may refer to
	ShowChoices                     []showChoice      // the chosen earlier question's options
	Last                            bool              // the last question of its page
	Add                             addControl        // adds a question right after this one
}

// addControl is an "add a question here" control: a type picker (showing
// the type last added) and a button posting op.
type addControl struct {
	Arg, Op, Focus string
	NewType        survey.QuestionType
	Types          []survey.QuestionType
}

// earlierQuestion is one entry of the show_if picker: people know their
// questions by text, so the text leads and the id follows.
type earlierQuestion struct {
	ID, Label string
}

// showChoice is one option of the question a show_if refers to, offered
// as a value to tick.
type showChoice struct {
	Value, Label string
	Picked       bool
}

type builderPageView struct {
	PI        int
	P         survey.Page
	Questions []builderQuestion
	Add       addControl // adds a question at the end of the page
	TitleF    textField
}

type builderPage struct {
	Project      *survey.Project
	Survey       *survey.Survey // nil while the survey is new
	Def          *survey.Definition
	Pages        []builderPageView
	NPages       int
	Problems     []survey.FieldError
	Broken       []string // conditions a refused move would have broken, as sentences
	JSON         string   // the draft, for copying out
	Import       string   // what was pasted to import, on error
	Types        []survey.QuestionType
	Roles        []survey.Role
	HasResponses bool
	Action       string
	NewType      survey.QuestionType // kept from one add to the next
	Focus        string              // name or op value of the element to focus
	PreviewPage  int
	PreviewSrc   string // the saved survey's preview, when the form shows it unchanged

	// Languages: the draft's (default first), the ones that can be added,
	// the choices of the default-language select, and what is missing.
	Multi                    bool
	PreviewLang              string
	Langs, AddLangs, DefLang []langCol
	Missing                  []missingCount
	MissingTotal             int
	TitleF, DescF, ThanksF   textField
	// QuotasJSON carries the quotas through the form unchanged: the
	// builder does not edit them yet, and must not drop them on save.
	QuotasJSON string
}

// questionLabel is how the builder names a question in pickers and
// messages: its text (shortened), then its id.
func questionLabel(q *survey.Question) string {
	t := strings.Join(strings.Fields(q.Text.String()), " ")
	if r := []rune(t); len(r) > 60 {
		t = string(r[:59]) + "…"
	}
	if t == "" {
		return q.ID
	}
	return t + " · " + q.ID
}

func (s *Server) builderView(p *survey.Project, sv *survey.Survey, d *survey.Definition, hasResponses bool) builderPage {
	bp := builderPage{Project: p, Survey: sv, Def: d, NPages: len(d.Pages), Types: survey.QuestionTypes, Roles: survey.Roles,
		HasResponses: hasResponses, NewType: survey.Single}
	bt := newBuilderTexts(d)
	bp.Multi, bp.Langs = bt.multi(), bt.cols
	bp.DefLang = bt.cols
	if !bp.Multi {
		bp.DefLang = langCols(knownLangCodes())
	}
	for _, l := range knownLangCodes() {
		if !d.HasLanguage(l) {
			bp.AddLangs = append(bp.AddLangs, langCols([]string{l})...)
		}
	}
	bp.Missing, bp.MissingTotal = missingTranslations(d)
	bp.TitleF = bt.one("title", "field_title", d.Title, false, 0)
	bp.DescF = bt.one("description", "field_description", d.Description, true, 2)
	bp.ThanksF = bt.one("thank_you", "field_thank_you", d.Settings.ThankYou, false, 0)
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
	var earlier []earlierQuestion
	for pi, pg := range d.Pages {
		pv := builderPageView{PI: pi, P: pg, TitleF: bt.one(fmt.Sprintf("p.%d.title", pi), "field_title", pg.Title, false, 0)}
		for qi, q := range pg.Questions {
			bq := builderQuestion{PI: pi, QI: qi, Q: q, Options: optionLines(q.Options), Statements: optionLines(q.Statements),
				Min: formatOptFloat(q.Min), Max: formatOptFloat(q.Max), Earlier: append([]earlierQuestion(nil), earlier...),
				Last: qi == len(pg.Questions)-1}
			qn := func(f string) string { return fmt.Sprintf("q.%d.%d.%s", pi, qi, f) }
			bq.TextF = bt.one(qn("text"), "field_question_text", q.Text, true, 2)
			bq.HelpF = bt.one(qn("help"), "field_help", q.Help, false, 0)
			bq.ShortF = bt.one(qn("short"), "field_short", q.Short, false, 0)
			bq.OptionsF = bt.labelLines(qn("options"), "field_options", bq.Options, optionLabels(q.Options), 4)
			bq.StatementsF = bt.labelLines(qn("statements"), "field_statements", bq.Statements, optionLabels(q.Statements), 3)
			if q.Scale != nil {
				bq.ScalePoints, bq.ScaleLabel = q.Scale.Points, joinTexts(q.Scale.Labels, "\n")
				bq.ScaleF = bt.labelLines(qn("scale_labels"), "field_scale_labels", bq.ScaleLabel, q.Scale.Labels, 3)
			} else {
				bq.ScaleF = bt.labelLines(qn("scale_labels"), "field_scale_labels", "", nil, 3)
			}
			bq.LowF = bt.one(qn("scale_low"), "field_scale_low", scaleEnd(q.Scale, false), false, 0)
			bq.HighF = bt.one(qn("scale_high"), "field_scale_high", scaleEnd(q.Scale, true), false, 0)
			bq.Pinned = pinnedValues(q.Options)
			if q.Type == survey.Matrix {
				bq.Pinned = pinnedValues(q.Statements)
			}
			var picked []string
			if c := q.ShowIf; c != nil {
				bq.ShowQ = c.Question
				switch {
				case c.NotAnswered:
					bq.ShowOp = "not_answered"
				case len(c.OneOf) > 0:
					bq.ShowOp, bq.ShowValues, picked = "one_of", strings.Join(c.OneOf, ", "), c.OneOf
				case c.Equals != nil:
					bq.ShowOp, bq.ShowValues, picked = "equals", *c.Equals, []string{*c.Equals}
				}
			}
			if bq.ShowQ != "" && !slices.ContainsFunc(bq.Earlier, func(e earlierQuestion) bool { return e.ID == bq.ShowQ }) {
				// Keep a condition that now points forward (or nowhere)
				// selectable, so saving reports it instead of dropping it.
				label := bq.ShowQ
				if ref, ok := d.Question(bq.ShowQ); ok {
					label = questionLabel(ref)
				}
				bq.Earlier = append(bq.Earlier, earlierQuestion{ID: bq.ShowQ, Label: label})
			}
			if ref, ok := d.Question(bq.ShowQ); ok && len(ref.Options) > 0 {
				for _, o := range ref.Options {
					bq.ShowChoices = append(bq.ShowChoices, showChoice{Value: o.Value, Label: o.Text(), Picked: slices.Contains(picked, o.Value)})
				}
				for _, v := range picked { // a value the options no longer have stays visible
					if !ref.HasOption(v) {
						bq.ShowChoices = append(bq.ShowChoices, showChoice{Value: v, Label: v, Picked: true})
					}
				}
				if ref.Other {
					bq.ShowChoices = append(bq.ShowChoices, showChoice{Value: survey.OtherValue, Label: "", Picked: slices.Contains(picked, survey.OtherValue)})
				}
			}
			pv.Questions = append(pv.Questions, bq)
			if q.ID != "" {
				earlier = append(earlier, earlierQuestion{ID: q.ID, Label: questionLabel(&pg.Questions[qi])})
			}
		}
		bp.Pages = append(bp.Pages, pv)
	}
	b, _ := json.MarshalIndent(d, "", "  ")
	bp.JSON = string(b)
	return bp
}

func (s *Server) renderBuilder(c *gin.Context, status int, bp builderPage) {
	add := func(arg string) addControl {
		return addControl{Arg: arg, Op: "add_q:" + arg, Focus: bp.Focus, NewType: bp.NewType, Types: bp.Types}
	}
	for i := range bp.Pages {
		pv := &bp.Pages[i]
		pv.Add = add(strconv.Itoa(pv.PI))
		pv.TitleF.Focus = pv.TitleF.Base == bp.Focus
		for j := range pv.Questions {
			bq := &pv.Questions[j]
			bq.Add = add(strconv.Itoa(pv.PI) + "." + strconv.Itoa(j))
			bq.TextF.Focus = bq.TextF.Base == bp.Focus
		}
	}
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
	bp := s.builderView(p, sv, sv.Definition, n > 0)
	bp.PreviewSrc = "/app/surveys/" + sv.Slug + "/builder/preview"
	s.renderBuilder(c, http.StatusOK, bp)
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
	if op == "preview" {
		s.previewDraft(c, inLanguage(d, c.PostForm("preview_lang")), c.PostForm("preview_page"))
		return
	}
	var problems []survey.FieldError
	var broken []string
	res := opResult{Focus: c.PostForm("focus")}
	newType := survey.QuestionType(c.PostForm("new_type"))
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
			bp.Problems, bp.Import = notSurveyProblems(c, data, ve), string(data)
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
					err = survey.SlugTaken(nsv.Slug)
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
		if op == "add_lang" {
			addLanguage(d, c.PostForm("new_lang"))
			res.Focus = "new_lang"
			break
		}
		if code, ok := strings.CutPrefix(op, "del_lang:"); ok {
			removeLanguage(d, code)
			res.Focus = "new_lang"
			break
		}
		if arg, ok := strings.CutPrefix(op, "tp_options:"); ok {
			touchpointOptions(d, arg, p.Touchpoints)
			break
		}
		field := "nt.page"
		if arg, ok := strings.CutPrefix(op, "add_q:"); ok {
			field = "nt." + arg
		}
		if t := survey.QuestionType(c.PostForm(field)); validType(t) && (op == "add_page" || field != "nt.page") {
			newType = t
		}
		before := forwardConditions(d)
		draft := cloneDefinition(d)
		res = applyBuilderOp(draft, op, newType)
		if bad := newlyBroken(before, forwardConditions(draft)); res.Moved && len(bad) > 0 {
			// Refuse the move: the respondent would meet the condition
			// before the answer it depends on. Nothing else is lost.
			lang := currentUser(c).Lang
			for _, b := range bad {
				broken = append(broken, appText(lang, "builder_move_breaks", questionLabel(&b.Question), questionLabel(&b.Ref)))
			}
			res = opResult{Focus: refusedFocus(op)}
		} else {
			d = draft
		}
	}
	bp := s.builderView(p, sv, d, hasResponses)
	bp.Problems, bp.Broken = problems, broken
	if validType(newType) {
		bp.NewType = newType
	}
	bp.Focus = res.Focus
	bp.PreviewLang = c.PostForm("preview_lang")
	if pp, err := strconv.Atoi(c.PostForm("preview_page")); err == nil && pp >= 0 && pp < len(d.Pages) {
		bp.PreviewPage = pp
	}
	status := http.StatusOK
	if len(problems) > 0 || len(broken) > 0 {
		status = http.StatusUnprocessableEntity
	}
	s.renderBuilder(c, status, bp)
}

// refusedFocus keeps the focus where a refused move started: on the
// button pressed, or on the dragged question or page.
func refusedFocus(op string) string {
	name, arg, _ := strings.Cut(op, ":")
	from, _, _ := strings.Cut(arg, ":")
	at, ok := parsePos(from)
	switch {
	case !ok:
		return ""
	case name == "move_q":
		return fmt.Sprintf("q.%d.%d.text", at.P, at.Q)
	case name == "move_page":
		return fmt.Sprintf("p.%d.title", at.P)
	}
	return op
}

// cloneDefinition copies a draft deeply enough for applyBuilderOp, which
// only rearranges pages and questions: a refused op leaves d as it was.
func cloneDefinition(d *survey.Definition) *survey.Definition {
	out := *d
	out.Pages = make([]survey.Page, len(d.Pages))
	for i, p := range d.Pages {
		p.Questions = slices.Clone(p.Questions)
		out.Pages[i] = p
	}
	return &out
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

// scaleEnd is a scale's low or high end label, empty without a scale.
func scaleEnd(s *survey.Scale, high bool) survey.Localized {
	switch {
	case s == nil:
		return survey.Localized{}
	case high:
		return s.High
	default:
		return s.Low
	}
}
