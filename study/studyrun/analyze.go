package studyrun

import (
	"context"
	"encoding/json"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// Request is what one analysis asks for on top of the scope's stored
// settings. `safar analyze`, `safar report`, the web download and the
// background runner all analyse through Analyze with one, so a stored
// correction (merge, rename, hide, questions left out of the personas)
// counts the same everywhere.
type Request struct {
	// K is the number of personas; 0 takes the stored setting (itself 0:
	// automatic).
	K int
	// Seed makes the persona fit reproducible; 0 means 1.
	Seed uint64
	// Bootstrap resamples for persona stability (0: default, <0: none).
	Bootstrap int
	// Progress, when set, is told how far the analysis is.
	Progress func(done float64, step string)
	// Read, when set, is told how many responses have been read so far.
	Read func(responses int)
	// ChoiceStabilityOnly: study.Options.ChoiceStabilityOnly (the workbook).
	ChoiceStabilityOnly bool
	// CompareK: with a fixed K, also fit the other k for the comparison
	// the web page offers (study.Options.CompareK).
	CompareK bool
	// Exclude: question ids left out of the persona segmentation (they
	// still describe the personas); nil takes the stored setting.
	Exclude []string
	// Language, when set ("en" or "fa"), names personas, stages and known
	// pain points in it instead of the study's own (safar report --lang).
	Language string
	// Input, when set, is handed the loaded input before the analysis:
	// safar report wraps the surveys' Each to write the Responses sheet
	// from the analysis' own read of the responses (studyreport.Record).
	Input func(*study.Input) error
	// Personas, when set, is handed the personas before the journeys
	// (study.Options.Personas): safar report starts the Responses sheet.
	Personas func(*personas.Result)
}

// Options are the study options of a request with a scope's settings.
func (q Request) Options(s *survey.AnalysisSettings) study.Options {
	o := study.Options{K: q.K, CompareK: q.CompareK, Seed: q.Seed, Bootstrap: q.Bootstrap, ChoiceStabilityOnly: q.ChoiceStabilityOnly,
		Progress: q.Progress, Read: q.Read, Personas: q.Personas}
	if o.K == 0 {
		o.K = s.K
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	o.PainPoints = analysis.PainPointOptions{Merge: s.Merge, Rename: s.Rename, Hide: s.Hide}
	o.ExcludeQuestions = s.Exclude
	if q.Exclude != nil {
		o.ExcludeQuestions = q.Exclude
	}
	return o
}

// Analyze loads the study of scope (with its responses) and analyses it
// with settings s, the scope's stored ones (AnalysisSettings).
func Analyze(ctx context.Context, src Source, scope survey.AnalysisScope, s *survey.AnalysisSettings, q Request) (*Study, *study.Result, error) {
	st, err := Load(ctx, src, scope, true)
	if err != nil {
		return nil, nil, err
	}
	if q.Language != "" {
		st.Input.Language = q.Language
	}
	if q.Input != nil {
		if err := q.Input(&st.Input); err != nil {
			return nil, nil, err
		}
	}
	res, err := study.Analyze(ctx, st.Input, q.Options(s))
	if err != nil {
		return nil, nil, err
	}
	return st, res, nil
}

// SameSettings tells whether a run applied exactly settings s: only then
// does its stored result say what Analyze would say of the same data.
func SameSettings(run *survey.AnalysisRun, s *survey.AnalysisSettings) bool {
	b, err := json.Marshal(s)
	return err == nil && run.Options == string(b)
}
