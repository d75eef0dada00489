// Package studyrun loads a study (a survey or a project) from a store and
// runs its analysis in the background: queued runs are claimed once, even
// with several server processes on one database, run with progress
// reports, and their results kept with the data version they saw so a
// page can tell when they are stale.
package studyrun

import (
	"context"
	"errors"
	"sync"

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

// Load reads the study of scope. With responses false the surveys'
// responses are left out (the report streams them itself).
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
	// Surveys load concurrently: reading and decoding the responses is most
	// of the cost, and SQLite (WAL) and PostgreSQL serve readers in parallel.
	in.Surveys = make([]study.SurveyData, len(st.Surveys))
	errs := make([]error, len(st.Surveys))
	var wg sync.WaitGroup
	for i, sv := range st.Surveys {
		in.Surveys[i] = study.SurveyData{Slug: sv.Slug, Definition: sv.Definition}
		if !responses {
			continue
		}
		wg.Go(func() {
			sd := &in.Surveys[i]
			errs[i] = src.EachResponse(ctx, survey.ResponseFilter{SurveyID: sv.ID}, func(r *survey.Response) error {
				sd.Responses = append(sd.Responses, r)
				return nil
			})
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return st, nil
}
