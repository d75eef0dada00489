package studyreport

import (
	"context"
	"io"
	"maps"
	"slices"
	"time"

	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/report"
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// Recorder records the Responses sheet's rows while the analysis reads the
// responses, so the workbook is written without reading them again: Record
// wraps each survey's SurveyData.Each, and every response the analysis is
// handed is also made into its row (the persona is filled in when the
// workbook is written, report.RowRecorder).
type Recorder struct {
	rec  *report.RowRecorder
	l    *layout
	read []int // how often each survey was read through
	prep *prepared
}

// Record starts recording the responses of in's surveys, in the language
// study.Analyze gives the study (in.Language, else the first survey's,
// else English). Close the recorder when the workbook is written.
func Record(in *study.Input) (*Recorder, error) {
	rec, err := report.NewRowRecorder(personaColumn)
	if err != nil {
		return nil, err
	}
	lang := in.Language
	if lang == "" {
		lang = "en"
		if len(in.Surveys) > 0 {
			lang = in.Surveys[0].Definition.Language
		}
	}
	defs := make([]*survey.Definition, len(in.Surveys))
	for i, s := range in.Surveys {
		defs[i] = s.Definition
	}
	r := &Recorder{rec: rec, l: newLayout(defs, lang), read: make([]int, len(in.Surveys))}
	for i := range in.Surveys {
		orig := in.Surveys[i] // its own Each or Responses
		rows := r.l.rowsOf(orig.Definition)
		var row []any // reused: Add does not keep it
		in.Surveys[i].Each = func(ctx context.Context, fn func(*survey.Response) error) error {
			err := orig.ForEach(ctx, func(resp *survey.Response) error {
				row = rows.appendRow(row, resp, "")
				if err := rec.Add(resp.ID, row); err != nil {
					return err
				}
				return fn(resp)
			})
			if err == nil {
				r.read[i]++
			}
			return err
		}
	}
	return r, nil
}

// Close removes the recording and the rows prepared from it, if any.
func (r *Recorder) Close() error {
	if r.prep != nil {
		r.prep.rows.Close()
	}
	return r.rec.Close()
}

// readThrough tells whether the analysis read every survey through once.
func (r *Recorder) readThrough() bool {
	for _, n := range r.read {
		if n != 1 {
			return false
		}
	}
	return true
}

// complete tells whether the recording is the Responses sheet of res: every
// survey read through once, in the language of the workbook.
func (r *Recorder) complete(res *study.Result) bool {
	return r.readThrough() && r.l.lang == res.Study.Language
}

// prepared is the Responses sheet made from the recording with the
// personas it names, ahead of the workbook.
type prepared struct {
	rows   *report.PreparedRows
	names  map[int]string
	assign []personas.Assignment
}

// Prepare starts making the recorded rows into the Responses sheet with
// the personas of pr (nil: none), while the analysis goes on; row, when
// set, is called as each row is made. The workbook takes them when it is
// written with the same personas (WriteRecorded); the analysis must have
// read every survey through.
func (r *Recorder) Prepare(pr *personas.Result, row func()) {
	if r.prep != nil || !r.readThrough() {
		return
	}
	names := personaNames(pr)
	var assign []personas.Assignment
	if pr != nil {
		assign = pr.Assignments
	}
	persona := personaOfAssigned(assign, names)
	r.prep = &prepared{names: names, assign: assign, rows: r.rec.Prepare(r.l.lang, func(id string) any {
		if row != nil {
			row()
		}
		return persona(id)
	})}
}

// takePrepared hands over the prepared rows when they are the Responses
// sheet of res: the recording is, and res names the same personas;
// otherwise it drops them.
func (r *Recorder) takePrepared(res *study.Result) *report.PreparedRows {
	p := r.prep
	if p == nil {
		return nil
	}
	r.prep = nil
	var assign []personas.Assignment
	if res.Personas != nil {
		assign = res.Personas.Assignments
	}
	if r.complete(res) && maps.Equal(p.names, personaNames(res.Personas)) && slices.Equal(p.assign, assign) {
		return p.rows
	}
	p.rows.Close()
	return nil
}

// WriteRecorded is Write with the Responses sheet from rec, when rec
// recorded the analysis of res through; otherwise the responses are read
// from sources as Write does. row, when set, is called as each row is
// written. Rows rec prepared with the personas of res are taken over.
func WriteRecorded(w io.Writer, res *study.Result, in study.Input, rec *Recorder, sources []ResponseSource, now time.Time, row func()) error {
	return writeRecorded(w, res, in, rec, sources, now, row, false)
}

// writeRecorded is WriteRecorded; oneSurvey tells that the study is one
// survey's (in.Name its slug) rather than a project's.
func writeRecorded(w io.Writer, res *study.Result, in study.Input, rec *Recorder, sources []ResponseSource, now time.Time, row func(), oneSurvey bool) error {
	data := func(sources []ResponseSource) *report.Data {
		d := Data(res, in, sources, now)
		d.Study.Survey = oneSurvey
		return d
	}
	if rec == nil {
		return report.Write(w, data(sources))
	}
	if p := rec.takePrepared(res); p != nil {
		defer p.Close()
		d := data(nil)
		d.Responses = &report.Responses{Header: rec.l.header, Prepared: p}
		return report.Write(w, d)
	}
	if !rec.complete(res) {
		return report.Write(w, data(sources))
	}
	d := data(nil)
	persona := personaOf(res)
	d.Responses = &report.Responses{Header: rec.l.header, Recorded: rec.rec, Late: func(id string) any {
		if row != nil {
			row()
		}
		return persona(id)
	}}
	return report.Write(w, d)
}
