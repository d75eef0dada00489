package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/analysis/cluster"
	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

type personaSection struct {
	Note      string        // why there are no personas
	TooFew    *study.TooFew // the same, worded by the catalog (nil for older results)
	K         int
	Method    string
	MethodLCA bool // Method is personas.Method, worded by the catalog
	KSel      string
	Rule      *kRule // KSel as numbers, worded by the catalog; nil for older results
	Verdict   string // catalog key: an_verdict.stable, .moderate, .unstable, .unmeasured
	VerdictCl string // its CSS class
	Fixed     bool   // k was set by the researcher
	Entropy   float64
	N         int
	Stability *cluster.StabilityResult
	Cards     []personaCard
	KOptions  []kOption
	Questions []questionPick
	// Candidates are the k automatic selection compared, each with a
	// one-click re-run at that k.
	Candidates []candidateView
}

// kRule is how k was chosen automatically, for the catalog's an_krule_*.
type kRule struct {
	cluster.Rule
	Rose       bool // the search stopped below KMax, where BIC rose at RoseFrom and KLast
	RoseFrom   int
	VerdictKey string // an_krule_v.*: the verdict on Chosen when an unstable k was passed over
}

type candidateView struct {
	K               int
	Share, ARI, BIC float64
	Verdict         string // catalog key as for the verdict; "" when not measured
	VerdictCl       string
	Small           bool // a persona under the minimum share
	Chosen          bool
}

type kOption struct {
	Value    string
	K        int // 0: automatic
	Selected bool
}

type questionPick struct {
	ID, Text, Survey string
	Checked          bool
	Scaled           bool // its answers are a scale's points (likert, rating, NPS, matrix)
}

type personaCard struct {
	ID           int
	Name         string
	Size         int
	All          int // the people segmented: the base of the overall shares
	Share, Bar   float64
	Traits       []traitView
	Demographics []traitView
	Goals        []traitView
	Stages       []stageTouch
	Profile      []traitView
	Trust        string // as stored, for a result without TrustKey
	// TrustKey (an_trust.solid, .indicative, .weak) and the rest word the
	// trust line in the page's language: mean membership Sure, TrustFew
	// under 30 people, StabKey (an_trust_stab.*, "" when not measured)
	// with the segmentation's mean ARI.
	TrustKey string
	Sure     float64
	TrustFew bool
	StabKey  string
	ARI      float64
	Pains    []traitView
	Quotes   []quoteView
	NPS      *study.NPS
	CSAT     *study.Estimate
	NPSDiff  bool
	CSATDiff bool
}

type traitView struct {
	Label, Value         string
	Share, Overall, Lift float64
	Significant          bool
	Quote                string // pain points: one member's words
	// Band: Value is a range the analysis cut from numbers ("46–108");
	// IsPoint: the answer is a scale's Point, Value its label. Both are
	// shown in the reader's digits.
	Band    bool
	IsPoint bool
	Point   int
}

// trait is a persona trait as the card shows it; scaled holds the ids of
// the questions whose answers are a scale's points, which the analysis
// writes as the point and its label ("1 Strongly disagree"; a matrix
// statement's trait is named "question.statement").
func trait(t personas.Trait, scaled map[string]bool) traitView {
	v := traitView{Label: firstNonEmpty(t.Label, t.Column), Value: t.Value, Share: t.Share, Overall: t.Overall, Lift: t.Lift,
		Significant: t.Significant, Band: t.Band}
	if q, _, _ := strings.Cut(t.Column, "."); scaled[q] {
		point, label, _ := strings.Cut(t.Value, " ")
		if n, err := strconv.Atoi(point); err == nil {
			v.Point, v.IsPoint, v.Value = n, true, label
		}
	}
	return v
}

type stageTouch struct {
	Stage string
	Items []touchView
}

type touchView struct {
	Label    string
	Share    float64
	HasSat   bool
	Sat      float64
	SatN     int
	SatClass string
}

// showPersonasPage shows the persona cards and the segmentation controls.
func (s *Server) showPersonasPage(c *gin.Context) {
	s.analysisHandler("personas", "an_personas_title", s.buildPersonas)(c)
}

func (s *Server) buildPersonas(c *gin.Context, p *analysisPage, lang string) error {
	sec := &personaSection{}
	p.Per = sec
	sec.KOptions = append(sec.KOptions, kOption{Value: "auto", K: 0, Selected: p.Settings.K == 0})
	for k := 2; k <= 8; k++ {
		sec.KOptions = append(sec.KOptions, kOption{Value: strconv.Itoa(k), K: k, Selected: p.Settings.K == k})
	}
	qs, err := s.personaQuestions(c, p.A)
	if err != nil {
		return err
	}
	for i := range qs {
		qs[i].Checked = !slices.Contains(p.Settings.Exclude, qs[i].ID)
	}
	sec.Questions = qs
	scaled := map[string]bool{}
	for _, q := range qs {
		scaled[q.ID] = q.Scaled
	}
	st := p.Run.Result
	if st == nil {
		return nil
	}
	pr := st.Personas
	if pr == nil {
		sec.Note, sec.TooFew = st.PersonaNote, st.PersonaTooFew
		return nil
	}
	q := pr.Quality
	sec.K, sec.Method, sec.KSel, sec.Entropy, sec.N, sec.Stability = pr.K, pr.Method, q.KSelected, q.Entropy, q.N, q.Stability
	sec.Fixed = strings.HasPrefix(q.KSelected, "fixed")
	sec.MethodLCA = pr.Method == personas.Method
	if r := q.KRule; r != nil && !sec.Fixed {
		sec.Rule = &kRule{Rule: *r, Rose: r.KLast < r.KMax, RoseFrom: r.KLast - 1, VerdictKey: "an_krule_v.moderate"}
		if r.ChosenVerdict == cluster.Stable {
			sec.Rule.VerdictKey = "an_krule_v.stable"
		}
	}
	stabKey := map[personas.Reading]string{personas.Stable: "an_trust_stab.stable",
		personas.ModeratelyStable: "an_trust_stab.moderate", personas.Unstable: "an_trust_stab.unstable"}[q.Reading()]
	// The same reading as personas' verdict, in the page's language. Two
	// personas are the fewest: an unstable pair is not helped by fewer.
	sec.Verdict, sec.VerdictCl = verdictKey(string(q.Reading()))
	if pr.K <= 2 && q.Reading() == personas.Unstable {
		sec.Verdict, stabKey = "an_verdict.unstable_min", "an_trust_stab.unstable_min"
	}
	for _, c := range q.Candidates {
		cv := candidateView{K: c.K, BIC: c.BIC, Share: c.MinShare, ARI: c.Stability, Small: !c.OK, Chosen: c.Chosen}
		if c.Verdict != "" {
			cv.Verdict, cv.VerdictCl = verdictKey(c.Verdict)
		}
		sec.Candidates = append(sec.Candidates, cv)
	}
	labels := painLabels(st)
	metrics := map[int]study.PersonaMetrics{}
	for _, m := range st.Metrics.ByPersona {
		metrics[m.Persona] = m
	}
	maxShare := 0.0
	for _, per := range pr.Personas {
		maxShare = max(maxShare, per.Share)
	}
	for _, per := range pr.Personas {
		card := personaCard{ID: per.ID, Name: per.Name, Size: per.Size, All: q.N, Share: per.Share}
		if maxShare > 0 {
			card.Bar = round1(100 * per.Share / maxShare)
		}
		for i, t := range per.Traits {
			if i == 6 {
				break
			}
			card.Traits = append(card.Traits, trait(t, scaled))
		}
		for _, t := range per.Profile {
			card.Profile = append(card.Profile, trait(t, scaled))
		}
		card.Trust = per.Trust
		if level, sure := pr.TrustOf(per.ID - 1); level != "" { // IDs are 1-based, in card order
			card.TrustKey, card.Sure, card.TrustFew, card.StabKey = "an_trust."+level, sure, per.Size < 30, stabKey
			if q.Stability != nil {
				card.ARI = q.Stability.MeanARI
			}
		}
		for _, t := range per.Demographics {
			card.Demographics = append(card.Demographics, trait(t, scaled))
		}
		for _, t := range per.Goals {
			card.Goals = append(card.Goals, trait(t, scaled))
		}
		byStage := map[string][]touchView{}
		for _, cell := range st.Touchpoints {
			if cell.Persona != per.ID || cell.Users == 0 || len(byStage[cell.Stage]) >= 3 {
				continue
			}
			tv := touchView{Label: cell.Label, Share: cell.Share, SatN: cell.SatisfactionN}
			if cell.Satisfaction != nil {
				tv.HasSat, tv.Sat, tv.SatClass = true, *cell.Satisfaction, satClass(*cell.Satisfaction)
			}
			byStage[cell.Stage] = append(byStage[cell.Stage], tv)
		}
		for _, stg := range survey.Stages {
			if items := byStage[string(stg)]; len(items) > 0 {
				card.Stages = append(card.Stages, stageTouch{Stage: stageName(lang, p.A.Project, string(stg)), Items: items})
			}
		}
		for _, pp := range per.PainPoints {
			if l, ok := labels[pp.Value]; ok && len(card.Pains) < 4 {
				pv := traitView{Label: l, Share: pp.Share, Overall: pp.Overall, Lift: pp.Lift}
				if pp.Quote != nil {
					pv.Quote = pp.Quote.Text
				}
				card.Pains = append(card.Pains, pv)
			}
		}
		for i, qt := range per.Quotes {
			if i == 3 {
				break
			}
			qv := quoteView{Text: qt.Text}
			if slug := st.Respondents[qt.ID]; slug != "" {
				qv.URL = "/app/surveys/" + slug + "/responses/" + qt.ID
			} else if qt.Source == "interview" {
				qv.Where = appText(lang, "an_source.interview")
			}
			card.Quotes = append(card.Quotes, qv)
		}
		if m, ok := metrics[per.ID]; ok {
			card.NPS, card.CSAT, card.NPSDiff, card.CSATDiff = m.NPS, m.CSAT, m.NPSDifferent, m.CSATDifferent
		}
		sec.Cards = append(sec.Cards, card)
	}
	return nil
}

// verdictKey maps a stability reading to its catalog key and CSS class.
func verdictKey(reading string) (string, string) {
	switch reading {
	case cluster.Stable:
		return "an_verdict.stable", "sat-hi"
	case cluster.ModeratelyStable:
		return "an_verdict.moderate", "sat-mid"
	case cluster.Unstable:
		return "an_verdict.unstable", "sat-lo"
	}
	return "an_verdict.unmeasured", "sat-mid"
}

// personaQuestions lists the closed questions of the scope's surveys: the
// ones a researcher may leave out of the segmentation.
func (s *Server) personaQuestions(c *gin.Context, a *analysisCtx) ([]questionPick, error) {
	svs := []*survey.Survey{a.Survey}
	if a.Survey == nil {
		var err error
		if svs, err = s.store.Surveys(c.Request.Context(), a.Project.ID); err != nil {
			return nil, err
		}
	}
	var out []questionPick
	seen := map[string]bool{}
	for _, sv := range svs {
		for _, q := range sv.Definition.Questions() {
			switch q.Type {
			case survey.Single, survey.Dropdown, survey.Multiple, survey.Likert, survey.Rating, survey.NPS, survey.Number, survey.Matrix:
			default:
				continue
			}
			if seen[q.ID] {
				continue
			}
			seen[q.ID] = true
			scaled := q.Type == survey.Likert || q.Type == survey.Rating || q.Type == survey.NPS || q.Type == survey.Matrix
			out = append(out, questionPick{ID: q.ID, Text: q.Text.In(viewerLang(c)), Survey: sv.Slug, Scaled: scaled})
		}
	}
	return out, nil
}

// savePersonaSettings stores k and the questions taking part, then queues
// a re-run with them.
func (s *Server) savePersonaSettings(c *gin.Context) {
	a, ok := s.analysisScope(c)
	if !ok {
		return
	}
	set, err := s.store.AnalysisSettings(c.Request.Context(), a.Key)
	if err != nil {
		s.appError(c, err)
		return
	}
	k := 0
	if v := c.PostForm("k"); v != "" && v != "auto" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 2 || n > 8 {
			s.appError(c, survey.ErrInvalid)
			return
		}
		k = n
	}
	qs, err := s.personaQuestions(c, a)
	if err != nil {
		s.appError(c, err)
		return
	}
	checked := c.PostFormArray("q")
	set.Exclude = nil
	for _, q := range qs {
		if !slices.Contains(checked, q.ID) {
			set.Exclude = append(set.Exclude, q.ID)
		}
	}
	if len(qs) > 0 && len(set.Exclude) == len(qs) { // nothing left to segment on
		s.renderAnalysis(c, http.StatusUnprocessableEntity, a, "personas", "an_personas_title", "an_per_keep_one", s.buildPersonas)
		return
	}
	set.K, set.Scope = k, a.Key
	if err := s.store.SaveAnalysisSettings(c.Request.Context(), set); err != nil {
		s.appError(c, err)
		return
	}
	if err := s.enqueueAnalysis(c, a); err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, a.Base+"/personas")
}
