// Package studyrun loads a study (a survey or a project) from a store and
// runs its analysis in the background: queued runs are claimed once, even
// with several server processes on one database, run with progress
// reports, and their results kept with the data version they saw so a
// page can tell when they are stale.
package studyrun

import (
	"context"

	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// Source is what loading a study reads.
type Source interface {
	survey.Store
	survey.QualitativeStore
	ProjectByID(ctx context.Context, id int64) (*survey.Project, error)
}

// codedSource is a Source that also lists coded passages (the journeys of
// interview and focus-group participants read them).
type codedSource interface {
	CodedPassages(ctx context.Context, projectID, codeID int64) ([]survey.CodedPassage, error)
}

// Study is a loaded study: the analysis input and the surveys it covers.
type Study struct {
	Input   study.Input
	Surveys []*survey.Survey
	Project *survey.Project // set for a project scope, and for a survey's own project when found
}

// Load reads the study of scope. With responses the surveys' responses
// are read from src when the analysis asks (SurveyData.Each); without,
// they are left out (the report streams them itself).
func Load(ctx context.Context, src Source, scope survey.AnalysisScope, responses bool) (*Study, error) {
	st := &Study{}
	in := &st.Input
	if scope.Survey != "" {
		sv, err := src.SurveyBySlug(ctx, scope.Survey)
		if err != nil {
			return nil, err
		}
		st.Surveys = []*survey.Survey{sv}
		in.Name, in.Title = sv.Slug, sv.Definition.Title.String()
		if p, err := src.ProjectByID(ctx, sv.ProjectID); err == nil {
			st.Project = p
		}
	} else {
		p, err := src.ProjectByID(ctx, scope.ProjectID)
		if err != nil {
			return nil, err
		}
		st.Project = p
		if st.Surveys, err = src.Surveys(ctx, p.ID); err != nil {
			return nil, err
		}
		in.Name, in.Title = p.Name, p.Title
		ts, err := src.Transcripts(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		for _, t := range ts {
			full, err := src.Transcript(ctx, t.ID)
			if err != nil {
				return nil, err
			}
			in.Transcripts = append(in.Transcripts, full)
		}
		if in.Participants, err = src.Participants(ctx, p.ID); err != nil {
			return nil, err
		}
		if cs, ok := src.(codedSource); ok {
			if in.Coded, err = cs.CodedPassages(ctx, p.ID, 0); err != nil {
				return nil, err
			}
		}
	}
	if st.Project != nil {
		in.Stages = st.Project.Stages
		// The researchers' codebook, when the store keeps one; the analysis
		// keeps the codings of passages in this study.
		if cs, ok := src.(survey.CodingStore); ok {
			var err error
			if in.Codes, err = cs.Codes(ctx, st.Project.ID); err != nil {
				return nil, err
			}
			if in.Coded == nil { // a survey's study: the codings of its answers
				if in.Coded, err = cs.CodedPassages(ctx, st.Project.ID, 0); err != nil {
					return nil, err
				}
			}
		}
	}
	// With responses, each survey's are read by the analysis from the
	// store's cursor (page by page) rather than held here: the analysis
	// keeps compact data of each, so memory stays flat as responses grow.
	in.Surveys = make([]study.SurveyData, len(st.Surveys))
	for i, sv := range st.Surveys {
		in.Surveys[i] = study.SurveyData{Slug: sv.Slug, Definition: sv.Definition}
		if responses {
			in.Surveys[i].Each = func(ctx context.Context, fn func(*survey.Response) error) error {
				return readAhead(ctx, src, survey.ResponseFilter{SurveyID: sv.ID}, fn)
			}
		}
	}
	return st, nil
}

// readAhead calls fn with every response matching f, read and decoded by
// the store on a goroutine of its own a few batches ahead, so reading the
// database and analysing the responses use both cores. At most a few
// batches are held at once.
func readAhead(ctx context.Context, src Source, f survey.ResponseFilter, fn func(*survey.Response) error) error {
	const batch = 512
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []*survey.Response, 4)
	var readErr error
	go func() {
		defer close(batches)
		cur := make([]*survey.Response, 0, batch)
		readErr = src.EachResponse(ctx, f, func(r *survey.Response) error {
			if cur = append(cur, r); len(cur) == batch {
				select {
				case batches <- cur:
				case <-ctx.Done():
					return ctx.Err()
				}
				cur = make([]*survey.Response, 0, batch)
			}
			return nil
		})
		if readErr == nil && len(cur) > 0 {
			select {
			case batches <- cur:
			case <-ctx.Done():
			}
		}
	}()
	var err error
	for b := range batches {
		if err != nil {
			continue // drain, so the reader ends
		}
		for _, r := range b {
			if err = fn(r); err != nil {
				cancel()
				break
			}
		}
	}
	if err != nil {
		return err
	}
	return readErr
}
