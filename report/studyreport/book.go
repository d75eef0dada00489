package studyreport

import (
	"context"
	"io"
	"time"

	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
)

// A Book is a study of a store ready to be written as a workbook, so that
// the CLI and the web download read the responses once: analysed afresh
// (Analyze), the Responses sheet's rows were recorded while the analysis
// read them; for a stored result (Stored), the sheet reads them once.
type Book struct {
	Study  *studyrun.Study
	Result *study.Result // set Result.Study.Language to write another language
	rec    *Recorder
	srcs   []ResponseSource
	row    func()
	survey bool // the scope is one survey: the summary heads its slug "Survey"
}

// Analyze analyses scope with settings set as studyrun.Analyze does (q's
// Input and Personas hooks are the recording's), recording the Responses
// sheet's rows as the analysis reads the responses and making them into
// the sheet once the personas are known. row, when set, is called for
// each response row written. Close the book when it is written.
func Analyze(ctx context.Context, src studyrun.Source, scope survey.AnalysisScope, set *survey.AnalysisSettings, q studyrun.Request, row func()) (*Book, error) {
	b := &Book{row: row, survey: scope.Survey != ""}
	q.Input = func(in *study.Input) (err error) {
		b.rec, err = Record(in)
		return err
	}
	// The Responses sheet is made as soon as the personas are known, beside
	// the rest of the analysis (the journeys), and taken by Write.
	q.Personas = func(pr *personas.Result) { b.rec.Prepare(pr, row) }
	// The workbook shows the kept number of personas' stability alone.
	q.ChoiceStabilityOnly = true
	st, res, err := studyrun.Analyze(ctx, src, scope, set, q)
	if err != nil {
		b.Close()
		return nil, err
	}
	b.Study, b.Result = st, res
	// Should the recording not be the analysis' whole read, the Responses
	// sheet reads the responses again from the store.
	b.srcs = storeSources(ctx, src, st, row)
	return b, nil
}

// Stored is the book of res, a stored result of scope: the study is
// loaded without its responses, which the Responses sheet reads once.
func Stored(ctx context.Context, src studyrun.Source, scope survey.AnalysisScope, res *study.Result, row func()) (*Book, error) {
	st, err := studyrun.Load(ctx, src, scope, false)
	if err != nil {
		return nil, err
	}
	return &Book{Study: st, Result: res, srcs: storeSources(ctx, src, st, row), row: row, survey: scope.Survey != ""}, nil
}

// Write writes the workbook.
func (b *Book) Write(w io.Writer, now time.Time) error {
	return writeRecorded(w, b.Result, b.Study.Input, b.rec, b.srcs, now, b.row, b.survey)
}

// Close removes the recording, if any.
func (b *Book) Close() error {
	if b.rec == nil {
		return nil
	}
	return b.rec.Close()
}

// storeSources reads the responses of st's surveys from src, calling row
// for each.
func storeSources(ctx context.Context, src studyrun.Source, st *studyrun.Study, row func()) []ResponseSource {
	srcs := make([]ResponseSource, len(st.Surveys))
	for i, sv := range st.Surveys {
		id := sv.ID
		srcs[i] = ResponseSource{Definition: sv.Definition, Each: func(fn func(*survey.Response) error) error {
			return src.EachResponse(ctx, survey.ResponseFilter{SurveyID: id}, func(r *survey.Response) error {
				if row != nil {
					row()
				}
				return fn(r)
			})
		}}
	}
	return srcs
}
