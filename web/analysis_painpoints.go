package web

import (
	"maps"
	"math"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
)

type ppSection struct {
	Rows    []ppRow
	Options []ppOption // merge targets
	Hidden  []ppOption // hidden keys, with their label when renamed
	Merged  []ppMerge
	People  int // distinct people whose text was analysed: the base of the shares here
	Texts   int
	Other   int             // texts in no pain point
	Nothing int             // of them, whole answers saying there is nothing to say
	Coded   []codedPainView // the researchers' pain-point codes (analysis_coded.go)

	// Respondents are the study's complete survey responses: the base of
	// the journey map's and the personas' shares, said beside this one.
	Respondents int
}

type ppRow struct {
	Rank                      int
	Key, Label                string
	OtherLabels               []string // its labels in the other languages it was voiced in
	Terms                     []string
	People, Texts             int
	LabelTexts                int // texts that say the label's own phrase; 0 when renamed
	Share, Severity, Priority float64
	Bar                       float64 // reach bar width, 0..100 of the widest
	SevClass                  string
	Stage, StageHow           string
	Personas, Links, Sources  []segCount
	Quotes                    []quoteView
	Renamed                   bool
	Sat                       *ppSat // nil without satisfaction scores
}

// ppSat is how a pain point's voices rate satisfaction against everyone
// else who gave a rating, on 0..100: Dir is "lower" or "higher" when the
// gap's 95% interval (Lo to Hi, its size) leaves out 0, "same" otherwise.
type ppSat struct {
	Mean, Others, Gap, Lo, Hi, N int
	Dir                          string
}

// satView is pp's ppSat, nil when it has none.
func satView(pp analysis.PainPoint) *ppSat {
	if pp.Satisfaction == nil || pp.SatisfactionGap == nil || len(pp.SatisfactionGapCI) != 2 {
		return nil
	}
	pts := func(f float64) int { return int(math.Round(100 * f)) }
	gap, lo, hi := *pp.SatisfactionGap, pp.SatisfactionGapCI[0], pp.SatisfactionGapCI[1]
	v := &ppSat{Mean: pts(*pp.Satisfaction), Others: pts(*pp.Satisfaction - gap), N: pp.SatisfactionN, Dir: "same"}
	switch {
	case hi < 0:
		v.Dir, v.Gap, v.Lo, v.Hi = "lower", pts(-gap), pts(-hi), pts(-lo)
	case lo > 0:
		v.Dir, v.Gap, v.Lo, v.Hi = "higher", pts(gap), pts(lo), pts(hi)
	}
	return v
}

type segCount struct {
	Label string
	N     int
}

type quoteView struct {
	Text, URL, Where string
	Line             int // of the transcript named by Where, shown in the reader's digits
}

type ppOption struct{ Key, Label string }

// ppMerge is a merge correction: Key is merged into another pain point;
// From and Into name the two.
type ppMerge struct{ Key, From, Into string }

// showPainPointsPage is the ranked pain point table with corrections.
func (s *Server) showPainPointsPage(c *gin.Context) {
	s.analysisHandler("painpoints", "an_painpoints_title", s.buildPainPoints)(c)
}

func (s *Server) buildPainPoints(c *gin.Context, p *analysisPage, lang string) error {
	sec := &ppSection{}
	p.PP = sec
	st := p.Run.Result
	name := func(k string) string { return firstNonEmpty(p.Settings.Rename[k], p.Settings.Labels[k], k) }
	into := func(k string) string {
		k = analysis.ResolveMerge(k, p.Settings.Merge)
		if st != nil {
			for _, pp := range st.PainPoints.PainPoints {
				if pp.Key == k {
					return pp.Label
				}
			}
		}
		return name(k)
	}
	for _, k := range p.Settings.Hide {
		sec.Hidden = append(sec.Hidden, ppOption{Key: k, Label: name(k)})
	}
	for _, from := range slices.Sorted(maps.Keys(p.Settings.Merge)) {
		sec.Merged = append(sec.Merged, ppMerge{Key: from, From: name(from), Into: into(from)})
	}
	if st == nil {
		return nil
	}
	sec.People, sec.Texts, sec.Other = st.PainPoints.People, st.PainPoints.Documents, st.PainPoints.Other
	sec.Nothing = st.PainPoints.NothingToSay
	sec.Respondents = st.Study.Responses
	stage := map[string][2]string{}
	for _, ps := range st.Stages {
		stage[ps.Key] = [2]string{ps.Stage, ps.How}
	}
	personaName := map[string]string{}
	if st.Personas != nil {
		for _, per := range st.Personas.Personas {
			personaName[strconv.Itoa(per.ID)] = per.Name
		}
	}
	maxShare := 0.0
	for _, pp := range st.PainPoints.PainPoints {
		maxShare = max(maxShare, pp.Share)
	}
	for _, pp := range st.PainPoints.PainPoints {
		r := ppRow{Rank: pp.Rank, Key: pp.Key, Label: pp.Label, Terms: pp.Terms, People: pp.Documents, Texts: pp.Texts,
			Share: pp.Share, Severity: pp.Severity, Priority: pp.Priority, Renamed: p.Settings.Rename[pp.Key] != "", Sat: satView(pp)}
		if !r.Renamed {
			r.LabelTexts = pp.LabelTexts
		}
		for _, l := range slices.Sorted(maps.Keys(st.PainPointLabels[pp.Key])) {
			if other := st.PainPointLabels[pp.Key][l]; l != lang && other != r.Label && !r.Renamed {
				r.OtherLabels = append(r.OtherLabels, other)
			}
		}
		if maxShare > 0 {
			r.Bar = round1(100 * pp.Share / maxShare)
		}
		switch {
		case pp.Severity >= 0.66:
			r.SevClass = "sev-hi"
		case pp.Severity >= 0.4:
			r.SevClass = "sev-mid"
		default:
			r.SevClass = "sev-lo"
		}
		if sh := stage[pp.Key]; sh[0] != "" {
			r.Stage, r.StageHow = stageName(lang, p.A.Project, sh[0]), sh[1]
		}
		r.Personas = segments(pp.Breakdown["persona"], func(v string) string { return firstNonEmpty(personaName[v], v) })
		r.Links = segments(pp.Breakdown["link"], nil)
		r.Sources = segments(pp.Breakdown["source"], func(v string) string { return appText(lang, "an_source."+v) })
		origins := st.Examples[pp.Key]
		for i, ex := range pp.Examples {
			q := quoteView{Text: ex}
			if i < len(origins) {
				q.URL, q.Where, q.Line = quoteLink(p.A.Project, origins[i])
			}
			r.Quotes = append(r.Quotes, q)
		}
		sec.Rows = append(sec.Rows, r)
		sec.Options = append(sec.Options, ppOption{Key: pp.Key, Label: pp.Label})
	}
	sort.SliceStable(sec.Options, func(i, j int) bool { return sec.Options[i].Label < sec.Options[j].Label })
	sec.Coded = codedPains(st.Result, lang, p.A.Project)
	return nil
}

// quoteLink links a quote to its response or transcript line, naming
// the transcript and line beside the link.
func quoteLink(p *survey.Project, o studyrun.Origin) (url, where string, line int) {
	switch {
	case o.Survey != "" && o.Response != "":
		return "/app/surveys/" + o.Survey + "/responses/" + o.Response, "", 0
	case o.Transcript != 0 && p != nil:
		url = "/app/projects/" + strconv.FormatInt(p.ID, 10) + "/transcripts/" + strconv.FormatInt(o.Transcript, 10)
		if o.Utterance != 0 {
			u := strconv.FormatInt(o.Utterance, 10)
			url += "?u=" + u + "#u" + u // ?u= opens the page of a long transcript that holds it
		}
		return url, o.Title, o.Line
	}
	return "", "", 0
}

// segments orders a breakdown by count; label names a value (nil: as is).
func segments(m map[string]int, label func(string) string) []segCount {
	var out []segCount
	for _, v := range study.KeysByCount(m) {
		l := v
		if label != nil {
			l = label(v)
		}
		out = append(out, segCount{Label: l, N: m[v]})
	}
	return out
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// painKey reads a pain point key field; keys are short machine strings.
func painKey(c *gin.Context, field string) (string, bool) {
	k := strings.TrimSpace(c.PostForm(field))
	return k, k != "" && len(k) <= 200 && !strings.ContainsAny(k, "\r\n")
}

// correctPainPoints saves one researcher correction (rename, merge,
// unmerge, hide, show) and queues a re-run that applies every correction.
func (s *Server) correctPainPoints(c *gin.Context) {
	a, ok := s.analysisScope(c)
	if !ok {
		return
	}
	set, err := s.store.AnalysisSettings(c.Request.Context(), a.Key)
	if err != nil {
		s.appError(c, err)
		return
	}
	key, ok := painKey(c, "key")
	if !ok {
		s.appError(c, survey.ErrInvalid)
		return
	}
	action := c.PostForm("action")
	if action == "merge" || action == "hide" {
		if err := s.keepPainLabels(c, a, set, key, c.PostForm("into")); err != nil {
			s.appError(c, err)
			return
		}
	}
	switch action {
	case "rename":
		label := strings.Join(strings.Fields(c.PostForm("label")), " ")
		if utf8.RuneCountInString(label) > 200 {
			s.appError(c, survey.ErrInvalid)
			return
		}
		if set.Rename == nil {
			set.Rename = map[string]string{}
		}
		if label == "" {
			delete(set.Rename, key)
		} else {
			set.Rename[key] = label
		}
	case "merge":
		into, ok := painKey(c, "into")
		if !ok || into == key || analysis.ResolveMerge(into, set.Merge) == key {
			s.appError(c, survey.ErrInvalid)
			return
		}
		if set.Merge == nil {
			set.Merge = map[string]string{}
		}
		set.Merge[key] = into
	case "unmerge":
		delete(set.Merge, key)
	case "hide":
		if !slices.Contains(set.Hide, key) {
			set.Hide = append(set.Hide, key)
		}
	case "show":
		set.Hide = slices.DeleteFunc(set.Hide, func(k string) bool { return k == key })
	default:
		s.appError(c, survey.ErrInvalid)
		return
	}
	for k := range set.Labels {
		if set.Merge[k] == "" && !slices.Contains(set.Hide, k) && !slices.Contains(slices.Collect(maps.Values(set.Merge)), k) {
			delete(set.Labels, k)
		}
	}
	set.Scope = a.Key
	if err := s.store.SaveAnalysisSettings(c.Request.Context(), set); err != nil {
		s.appError(c, err)
		return
	}
	if err := s.enqueueAnalysis(c, a); err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, a.Base+"/painpoints")
}

// keepPainLabels records the labels of the pain points a merge or hide
// names, as the researcher sees them now, so the list of corrections can
// name them after the re-run takes them out of the results.
func (s *Server) keepPainLabels(c *gin.Context, a *analysisCtx, set *survey.AnalysisSettings, keys ...string) error {
	v, err := s.loadRunView(c, a, true)
	if err != nil || v.Result == nil {
		return err
	}
	lang := "en"
	if u := currentUser(c); u != nil && u.Lang == "fa" {
		lang = "fa"
	}
	for _, pp := range applyDisplayCorrections(v.Result, set, lang).Result.PainPoints.PainPoints {
		if slices.Contains(keys, pp.Key) {
			if set.Labels == nil {
				set.Labels = map[string]string{}
			}
			set.Labels[pp.Key] = pp.Label
		}
	}
	return nil
}
