// Package studyreport fills the Excel report's view model from a study
// analysis, so the CLI and the web download build the same workbook.
package studyreport

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/analysis/cluster"
	"github.com/safarhq/safar/internal/jalali"
	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/report"
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// ResponseSource streams one survey's responses (a store's EachResponse
// bound to the survey).
type ResponseSource struct {
	Definition *survey.Definition
	Each       func(fn func(*survey.Response) error) error
}

// Write builds the workbook of res, streaming the responses of the given
// sources into the Responses sheet.
func Write(w io.Writer, res *study.Result, in study.Input, sources []ResponseSource, now time.Time) error {
	return report.Write(w, Data(res, in, sources, now))
}

// Data maps a study analysis onto the report's view model. The workbook is
// in res.Study.Language ("fa" or English): its labels, stage names, yes/no
// and the Responses sheet's fixed columns; to write another language, pass
// a copy of res with Study.Language set (respondents' words, persona names
// and pain-point labels stay as the analysis wrote them).
func Data(res *study.Result, in study.Input, sources []ResponseSource, now time.Time) *report.Data {
	d := &report.Data{
		Study: report.Study{
			Title: res.Study.Title, Project: res.Study.Name, Language: res.Study.Language, Generated: now,
			Responses: res.Study.Responses, Partial: res.Study.Partial, Interviews: res.Study.Interviews, Transcripts: res.Study.Transcripts,
		},
		Metrics:         report.Metrics{NPS: metric(npsEstimate(res.Metrics.NPS)), CSAT: metric(res.Metrics.CSAT), Effort: metric(res.Metrics.Effort)},
		PainPointPeople: res.PainPoints.People,
	}
	// Stages are shown as the project names them, in the study's language.
	stage := func(key string) string { return survey.StageName(in.Stages, res.Study.Language, key) }
	d.Study.From, _ = time.Parse(time.RFC3339, res.Study.FirstAnswer)
	d.Study.To, _ = time.Parse(time.RFC3339, res.Study.LastAnswer)

	stageOf := map[string]string{}
	for _, s := range res.Stages {
		stageOf[s.Key] = s.Stage
	}
	personaName := map[string]string{}
	if res.Personas != nil {
		lang, scaled := res.Study.Language, scaledItems(in)
		for _, p := range res.Personas.Personas {
			personaName[strconv.Itoa(p.ID)] = p.Name
			rp := report.Persona{ID: p.ID, Name: p.Name, Size: p.Size, Share: p.Share}
			for _, t := range p.Traits {
				rp.Traits = append(rp.Traits, report.Trait{Column: firstNonEmpty(t.Label, t.Column), Value: traitValue(lang, scaled, t),
					Share: t.Share, RestShare: t.RestShare, Lift: t.Lift, Significant: t.Significant})
			}
			for _, g := range p.Goals {
				pct := fmt.Sprintf("%.0f%%", 100*g.Share)
				if lang == "fa" {
					pct = jalali.PersianDigits(strings.TrimSuffix(pct, "%")) + "٪"
				}
				rp.Goals = append(rp.Goals, fmt.Sprintf("%s: %s (%s)", firstNonEmpty(g.Label, g.Column), traitValue(lang, scaled, g), pct))
			}
			byStage := map[string][]string{}
			var stages []string
			for _, tu := range p.Touchpoints {
				if _, ok := byStage[tu.Stage]; !ok {
					stages = append(stages, tu.Stage)
				}
				byStage[tu.Stage] = append(byStage[tu.Stage], tu.Touchpoint)
			}
			for _, st := range stages {
				rp.Touchpoints = append(rp.Touchpoints, report.StageTouchpoints{Stage: stage(st), Touchpoints: byStage[st]})
			}
			for _, pp := range p.PainPoints {
				rp.PainPoints = append(rp.PainPoints, labelOf(res, pp.Value))
			}
			for _, q := range p.Quotes {
				rp.Quotes = append(rp.Quotes, q.Text)
			}
			d.Personas = append(d.Personas, rp)
		}
		d.PersonaModel = personaModel(res.Personas)
	}
	tpOf := map[string][]string{} // pain point key -> touchpoint labels where its voices are
	for _, c := range res.Touchpoints {
		if c.Persona != 0 {
			continue
		}
		for _, k := range c.PainPoints {
			if !slices.Contains(tpOf[k], c.Label) {
				tpOf[k] = append(tpOf[k], c.Label)
			}
		}
	}
	for _, pp := range res.PainPoints.PainPoints {
		rp := report.PainPoint{Rank: pp.Rank, Label: pp.Label, Documents: pp.Documents, Share: pp.Share, LabelTexts: pp.LabelTexts,
			Severity: pp.Severity, Priority: pp.Priority, Examples: pp.Examples, Touchpoints: tpOf[pp.Key], SatisfactionGap: satisfactionGap(pp)}
		rp.Personas = personasByCount(res.Study.Language, pp.Breakdown["persona"], personaName)
		if st := stageOf[pp.Key]; st != "" {
			rp.Stages = []string{stage(st)}
		}
		rp.Sources = len(pp.Breakdown["source"])
		d.PainPoints = append(d.PainPoints, rp)
	}
	d.Touchpoints = touchpoints(res, stage)
	for _, j := range res.Journeys {
		rj := report.Journey{Persona: j.Persona}
		for _, s := range j.Stages {
			rs := report.JourneyStage{Stage: stage(s.Stage), Touchpoints: s.Touchpoints, Emotion: s.Emotion, EmotionN: s.EmotionN, Opportunities: s.Opportunities}
			for _, g := range s.Goals {
				rs.Goals = append(rs.Goals, g.Answer)
			}
			if s.Stage == string(survey.Stages[0]) { // goals without a stage open the map
				for _, g := range j.Goals {
					rs.Goals = append(rs.Goals, g.Answer)
				}
			}
			for _, p := range s.PainPoints {
				rs.PainPoints = append(rs.PainPoints, labelCount(res.Study.Language, p))
			}
			rj.Stages = append(rj.Stages, rs)
		}
		for _, p := range j.Unplaced {
			rj.Unplaced = append(rj.Unplaced, labelCount(res.Study.Language, p))
		}
		d.Journeys = append(d.Journeys, rj)
	}
	var coded []report.PainPoint
	d.Codebook, d.Passages, coded = coding(res, in, stage, personaName, len(d.PainPoints)+1)
	d.PainPoints = append(d.PainPoints, coded...)
	if len(sources) > 0 {
		d.Responses = responses(res, sources)
	}
	return d
}

// verdicts maps the persona engine's stability readings onto the report's.
var verdicts = map[personas.Reading]report.Verdict{
	personas.Stable: report.Stable, personas.ModeratelyStable: report.ModeratelyStable, personas.Unstable: report.Unstable,
}

// personaModel says how far the personas can be trusted: k and how it was
// chosen, bootstrap stability, entropy, and the respondents behind the fit.
func personaModel(pr *personas.Result) *report.PersonaModel {
	q := pr.Quality
	m := &report.PersonaModel{K: pr.K, Entropy: q.Entropy, Respondents: q.N}
	if n := len(q.Candidates); n > 0 {
		m.KMin, m.KMax = q.Candidates[0].K, q.Candidates[n-1].K
		m.KFallback = !slices.ContainsFunc(q.Candidates, func(c cluster.Candidate) bool { return c.OK })
		if rows := q.CandidateRows(); rows < q.N {
			m.Subsample = rows
		}
	}
	if s := q.Stability; s != nil && len(s.ARIs) > 0 {
		m.Stability = &report.Stability{Verdict: verdicts[q.Reading()], Resamples: s.Resamples,
			MeanARI: s.MeanARI, MinARI: s.MinARI, MaxARI: slices.Max(s.ARIs)}
	}
	return m
}

func touchpoints(res *study.Result, stage func(string) string) report.TouchpointMatrix {
	var m report.TouchpointMatrix
	for _, st := range res.Study.StageNames {
		m.Stages = append(m.Stages, stage(st))
	}
	// Each view's respondents: everyone analysed, or the persona's size
	// (the denominators of the cells' shares).
	size := map[int]int{0: res.Study.Responses}
	if res.Personas != nil {
		for _, p := range res.Personas.Personas {
			size[p.ID] = p.Size
		}
	}
	views := map[int]*report.TouchpointView{}
	var order []int
	for _, c := range res.Touchpoints {
		if !slices.Contains(m.Touchpoints, c.Label) {
			m.Touchpoints = append(m.Touchpoints, c.Label)
		}
		v, ok := views[c.Persona]
		if !ok {
			v = &report.TouchpointView{Persona: c.Persona, Respondents: size[c.Persona]}
			views[c.Persona] = v
			order = append(order, c.Persona)
		}
		v.Cells = append(v.Cells, report.TouchpointCell{Stage: stage(c.Stage), Touchpoint: c.Label, Usage: c.Users,
			Share: c.Share, Satisfaction: c.Satisfaction})
	}
	slices.Sort(order)
	for _, p := range order {
		m.Views = append(m.Views, *views[p])
	}
	return m
}

// suggestedCoding codes transcript passages with the pain points they voice:
// the machine's suggestion until researchers code by hand.
func suggestedCoding(res *study.Result, in study.Input) ([]report.Code, []report.Passage) {
	byID := map[string]struct{ source, speaker, text string }{}
	for _, t := range in.Transcripts {
		for _, u := range t.Utterances {
			byID[fmt.Sprintf("t:%d:%d", t.ID, u.Order)] = struct{ source, speaker, text string }{t.Title, u.Speaker, u.Text}
		}
	}
	if len(byID) == 0 {
		return nil, nil
	}
	codes := map[string][]string{}
	var order []string
	var book []report.Code
	for _, pp := range res.PainPoints.PainPoints {
		n := 0
		for _, m := range pp.Members {
			if _, ok := byID[m]; ok {
				if _, seen := codes[m]; !seen {
					order = append(order, m)
				}
				codes[m] = append(codes[m], pp.Label)
				n++
			}
		}
		if n > 0 {
			book = append(book, report.Code{Name: pp.Label, Parent: "pain point", Passages: n})
		}
	}
	var passages []report.Passage
	for _, id := range order {
		u := byID[id]
		passages = append(passages, report.Passage{Source: u.source, Speaker: u.speaker, Codes: codes[id], Text: u.text})
	}
	return book, passages
}

var errStop = errors.New("stop")

// responses streams every response of every source, one row each, with
// question texts as headers and the respondent's persona.
func responses(res *study.Result, sources []ResponseSource) *report.Responses {
	defs := make([]*survey.Definition, len(sources))
	for i, s := range sources {
		defs[i] = s.Definition
	}
	l := newLayout(defs, res.Study.Language)
	persona := personaOf(res)
	return &report.Responses{Header: l.header, Rows: func(yield func([]any, error) bool) {
		for _, s := range sources {
			rows := l.rowsOf(s.Definition)
			err := s.Each(func(r *survey.Response) error {
				if !yield(rows.row(r, persona(r.ID)), nil) {
					return errStop
				}
				return nil
			})
			if err != nil && !errors.Is(err, errStop) {
				yield(nil, err)
				return
			}
			if errors.Is(err, errStop) {
				return
			}
		}
	}}
}

// personaOf names the persona of a response by its id ("" when it has
// none: a partial response, or no personas).
func personaOf(res *study.Result) func(id string) string {
	if res.Personas == nil {
		return personaOfAssigned(nil, nil)
	}
	return personaOfAssigned(res.Personas.Assignments, personaNames(res.Personas))
}

// personaOfAssigned names the persona of a response by its id from the
// assignments and the personas' names.
func personaOfAssigned(assign []personas.Assignment, names map[int]string) func(id string) string {
	persona := make(map[string]int, len(assign))
	for _, a := range assign {
		persona[a.ID] = a.Persona
	}
	return func(id string) string { return names[persona[id]] }
}

// personaNames are the personas' names by number.
func personaNames(pr *personas.Result) map[int]string {
	names := map[int]string{}
	if pr != nil {
		for _, p := range pr.Personas {
			names[p.ID] = p.Name
		}
	}
	return names
}

// layout is the Responses sheet's columns for some surveys: the fixed
// ones, a language column when any survey has several languages, then
// every tabular column of every survey once, in the order first seen.
type layout struct {
	header       []string
	ids          []string
	fixed        columns
	multilingual bool
	lang         string
}

// touchpoint names the touchpoint of a response's distribution link
// (study.TouchpointName): the sheet showed the key, "store_qr".
func (l *layout) touchpoint(tp string) string {
	if tp == "" {
		return ""
	}
	return study.TouchpointName(l.lang, tp)
}

// personaColumn is where the fixed columns put the persona (0 is A).
const personaColumn = 6

func newLayout(defs []*survey.Definition, lang string) *layout {
	l := &layout{fixed: fixedColumns[lang == "fa"], lang: lang}
	texts := map[string]string{}
	for _, d := range defs {
		for _, h := range d.TableHeader()[d.TableMetaCount():] {
			if _, ok := texts[h]; !ok {
				l.ids = append(l.ids, h)
				texts[h] = headerText(d, h, lang)
			}
		}
		l.multilingual = l.multilingual || d.Multilingual()
	}
	l.header = append([]string(nil), l.fixed.header...)
	if l.multilingual {
		l.header = append(l.header, l.fixed.language)
	}
	for _, id := range l.ids {
		l.header = append(l.header, texts[id])
	}
	return l
}

// surveyRows makes the rows of one survey's responses: each column of the
// layout is read from the response as its cell of the tabular form
// (survey.Definition.TableRow) would be, then shown by its options' labels
// or as a number (numberOrText), without building that form: choices,
// numbers and matrix answers go to the sheet directly.
type surveyRows struct {
	l    *layout
	def  *survey.Definition
	cols []column // by layout column; absent where the survey has none
	meta bool     // some column is a meta column of the tabular form
}

// column is where one column of the sheet comes from in a survey's
// responses: the cell at index cell of its tabular form, which is of kind
// and read from question q (statement st, order key key).
type column struct {
	kind   cellSource
	cell   int
	q      string
	st     string
	key    string
	labels choiceLabels // the options' labels, when the column has them
}

// cellSource is what a cell of the tabular form holds.
type cellSource uint8

const (
	absent    cellSource = iota // the survey has no such column
	metaCell                    // response id, status, dates...: read from TableRow
	choiceOf                    // a single choice: the value
	choicesOf                   // a multiple choice: the values joined
	statement                   // a matrix statement: its point
	valueOf                     // any other question: the number, else the text
	otherOf                     // the "other" text
	orderOf                     // the order a randomised page or question was shown in
)

func (l *layout) rowsOf(d *survey.Definition) *surveyRows {
	// The tabular form's columns, in its order (TableHeader), with where
	// each comes from; a column id met twice reads its last cell, as a
	// lookup by id in the header would.
	at := map[string]column{}
	header := d.TableHeader()
	meta := d.TableMetaCount()
	for i, h := range header[:meta] {
		at[h] = column{kind: metaCell, cell: i}
	}
	i := meta
	add := func(c column) {
		c.cell = i
		at[header[i]] = c
		i++
	}
	for _, q := range d.Questions() {
		switch q.Type {
		case survey.Matrix:
			for _, st := range q.Statements {
				add(column{kind: statement, q: q.ID, st: st.Value})
			}
			continue
		case survey.Multiple:
			add(column{kind: choicesOf, q: q.ID})
		case survey.Single, survey.Dropdown:
			add(column{kind: choiceOf, q: q.ID})
		default:
			add(column{kind: valueOf, q: q.ID})
		}
		if q.Other {
			add(column{kind: otherOf, q: q.ID})
		}
	}
	for _, k := range d.OrderKeys() {
		add(column{kind: orderOf, key: k})
	}
	labels := optionLabels(d, l.lang)
	s := &surveyRows{l: l, def: d, cols: make([]column, len(l.ids))}
	for j, id := range l.ids {
		c, ok := at[id]
		if !ok {
			continue
		}
		c.labels = labels[id]
		s.meta = s.meta || c.kind == metaCell
		s.cols[j] = c
	}
	return s
}

// row is r's row of the sheet with persona in its column.
func (s *surveyRows) row(r *survey.Response, persona string) []any {
	return s.appendRow(make([]any, 0, len(s.l.header)), r, persona)
}

// appendRow appends r's row of the sheet with persona in its column to
// dst[:0], for a caller that reuses the row.
func (s *surveyRows) appendRow(dst []any, r *survey.Response, persona string) []any {
	l := s.l
	var table []string
	if s.meta {
		table = s.def.TableRow(r)
	}
	row := append(dst[:0], r.ID, s.def.Slug, l.fixed.status(r.Status), l.touchpoint(r.Touchpoint), r.StartedAt, r.CompletedAt, persona)
	if l.multilingual {
		row = append(row, s.def.ResponseLanguage(r))
	}
	// A question's columns are next to each other (a matrix's
	// statements, a choice and its "other"): its answer is looked up once.
	var q string
	var v survey.Value
	looked := false
	for i := range s.cols {
		c := &s.cols[i]
		switch c.kind {
		case absent:
			row = append(row, nil)
			continue
		case metaCell:
			row = append(row, c.shown(table[c.cell]))
			continue
		case orderOf:
			row = append(row, c.shown(r.OrderCell(c.key)))
			continue
		}
		if !looked || c.q != q {
			q, v, looked = c.q, r.Answers[c.q], true
		}
		row = append(row, c.value(&v))
	}
	return row
}

// value is the column's cell of v, the answer to its question: shown by
// its label when it is an option that has one, otherwise as numberOrText
// shows the cell's text (the tabular form's). Choices, numbers and matrix
// points go there directly, to the same values. Meta, order and absent
// columns are appendRow's.
func (c *column) value(v *survey.Value) any {
	switch c.kind {
	case choiceOf:
		return c.shown(v.Choice)
	case choicesOf:
		if c.labels == nil || len(v.Choices) < 2 || slices.ContainsFunc(v.Choices, func(x string) bool { return strings.Contains(x, survey.ListSeparator) }) {
			return c.shown(strings.Join(v.Choices, survey.ListSeparator))
		}
		// Joined, then split again by choiceLabels.of, they are these.
		shown := make([]string, len(v.Choices))
		for i, x := range v.Choices {
			shown[i] = x
			if t, ok := c.labels[x]; ok {
				shown[i] = t
			}
		}
		return strings.Join(shown, survey.ListSeparator)
	case statement:
		p, ok := v.Matrix[c.st]
		switch {
		case !ok:
			return c.shown("")
		case c.labels != nil:
			return c.shown(strconv.Itoa(p))
		}
		return float64(p) // numberOrText of its decimal digits
	case valueOf:
		switch {
		case v.Number == nil:
			return c.shown(v.Text)
		case c.labels == nil && !math.IsNaN(*v.Number) && !math.IsInf(*v.Number, 0):
			return *v.Number // numberOrText of its shortest decimal form
		}
		return c.shown(strconv.FormatFloat(*v.Number, 'f', -1, 64))
	}
	return c.shown(v.Other) // otherOf
}

// shown is how the sheet shows cell, a cell of the tabular form of the
// column.
func (c *column) shown(cell string) any {
	if c.labels != nil && cell != "" {
		return c.labels.of(cell)
	}
	return numberOrText(cell)
}

// columns are the Responses sheet's fixed columns in one language.
type columns struct {
	header            []string
	complete, partial string
	language          string // the header of the language column (multilingual surveys)
}

// fixedColumns by "is the workbook Persian".
var fixedColumns = map[bool]columns{
	false: {[]string{"Response ID", "Survey", "Status", "Link touchpoint", "Started", "Completed", "Persona"}, "complete", "partial", "Language"},
	true:  {[]string{"شناسه پاسخ", "پرسش‌نامه", "وضعیت", "نقطه تماس پیوند", "شروع", "پایان", "پرسونا"}, "کامل", "ناتمام", "زبان"},
}

func (c columns) status(s survey.ResponseStatus) string {
	if s == survey.Complete {
		return c.complete
	}
	return c.partial
}

// choiceLabels maps a choice question's option values to what respondents
// saw, so the Responses sheet reads like the survey (the CSV export keeps
// the values, which import back).
type choiceLabels map[string]string

// optionLabels returns the labels of every choice question, by column id.
func optionLabels(d *survey.Definition, lang string) map[string]choiceLabels {
	out := map[string]choiceLabels{}
	if !d.HasLanguage(lang) {
		lang = d.Language
	}
	for _, q := range d.Questions() {
		switch q.Type {
		case survey.Single, survey.Dropdown, survey.Multiple:
			l := choiceLabels{survey.OtherValue: survey.OtherLabel(lang)}
			for _, o := range q.Options {
				l[o.Value] = o.TextIn(lang)
			}
			out[q.ID] = l
		}
	}
	return out
}

// of shows a cell of option values (several for a multiple choice) by
// their labels; a value without one stays as it is.
func (l choiceLabels) of(cell string) string {
	if !strings.Contains(cell, survey.ListSeparator) {
		if t, ok := l[cell]; ok {
			return t
		}
		return cell
	}
	vals := strings.Split(cell, survey.ListSeparator)
	for i, v := range vals {
		if t, ok := l[v]; ok {
			vals[i] = t
		}
	}
	return strings.Join(vals, survey.ListSeparator)
}

// headerText is the question text behind a tabular column id.
func headerText(d *survey.Definition, col, lang string) string {
	id, sub, _ := strings.Cut(col, ".")
	q, ok := d.Question(id)
	if !ok {
		return col
	}
	switch {
	case sub == "other":
		return q.Text.In(lang) + " (other)"
	case sub != "":
		for _, st := range q.Statements {
			if st.Value == sub {
				return q.Text.In(lang) + ": " + st.TextIn(lang)
			}
		}
	}
	return q.Text.In(lang)
}

// numberOrText keeps numbers numeric in the sheet; everything else is a
// string cell (the writer never makes formulas of strings). Only text that
// starts like a decimal number is parsed: a failed parse copies the whole
// text into its error (garbage for every open answer of a big sheet), and an
// answer such as "nan" or "Inf" stays the respondent's text rather than
// becoming a blank cell.
func numberOrText(s string) any {
	if s == "" {
		return nil
	}
	if c := s[0]; (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' {
		if f, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "eExXnN") {
			return f
		}
	}
	return s
}

func npsEstimate(n *study.NPS) *study.Estimate {
	if n == nil {
		return nil
	}
	return &n.Estimate
}

// metric maps an estimate; without an interval the bounds equal the value
// and N (1) tells the reader why.
func metric(e *study.Estimate) *report.Metric {
	if e == nil || e.N == 0 {
		return nil
	}
	m := &report.Metric{Value: e.Value, Low: e.Value, High: e.Value, N: e.N}
	if e.Low != nil && e.High != nil {
		m.Low, m.High = *e.Low, *e.High
	}
	return m
}

// personasByCount names the personas of count (persona id -> how many of
// its respondents voice a pain point), most first, each with its number:
// "Dresses (1,234)", as the web's "by persona" lists them.
func personasByCount(lang string, count map[string]int, personaName map[string]string) []string {
	var out []string
	for _, id := range study.KeysByCount(count) {
		out = append(out, fmt.Sprintf("%s (%s)", firstNonEmpty(personaName[id], id), report.Count(lang, count[id])))
	}
	return out
}

func labelOf(res *study.Result, key string) string {
	for _, pp := range res.PainPoints.PainPoints {
		if pp.Key == key {
			return pp.Label
		}
	}
	return key
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// labelCount is a journey's pain point with its people, the count as the
// workbook writes counts (report.Count: "(4,561)", "(۴٬۵۶۱)").
func labelCount(lang string, p study.JourneyPain) string {
	return p.Label + " (" + report.Count(lang, p.People) + ")"
}

// satisfactionGap is the points (0..100) the satisfaction of a pain
// point's voices lies below or above the others', when its 95% interval
// leaves out 0 (a gap the data do not show is left blank).
func satisfactionGap(pp analysis.PainPoint) *float64 {
	if pp.SatisfactionGap == nil || len(pp.SatisfactionGapCI) != 2 || pp.SatisfactionGapCI[0] <= 0 && pp.SatisfactionGapCI[1] >= 0 {
		return nil
	}
	gap := math.Round(100 * *pp.SatisfactionGap)
	return &gap
}

// scaledItems are the persona items whose values are a scale's points
// (study codes a likert, rating or NPS question as its id, a matrix
// statement as id.statement).
func scaledItems(in study.Input) map[string]bool {
	out := map[string]bool{}
	for _, sd := range in.Surveys {
		for _, q := range sd.Definition.Questions() {
			switch q.Type {
			case survey.Likert, survey.Rating, survey.NPS:
				out[q.ID] = true
			case survey.Matrix:
				for _, st := range q.Statements {
					out[q.ID+"."+st.Value] = true
				}
			}
		}
	}
	return out
}

// traitValue is a persona's answer as the workbook shows it: the digits
// the analysis wrote (a numeric item's range, a scale's point before its
// label: "1 Strongly disagree") in the workbook's digits; what respondents
// and the survey wrote as they wrote it.
func traitValue(lang string, scaled map[string]bool, t personas.Trait) string {
	if lang != "fa" {
		return t.Value
	}
	if t.Band {
		return jalali.PersianDigits(t.Value)
	}
	if point, label, _ := strings.Cut(t.Value, " "); scaled[t.Column] {
		if _, err := strconv.Atoi(point); err == nil {
			return strings.TrimSuffix(jalali.PersianDigits(point)+" "+label, " ")
		}
	}
	return t.Value
}
