package web

import (
	"context"
	"errors"

	"github.com/safarhq/safar/interop/surveyimport"
	"github.com/safarhq/safar/report"
	"github.com/safarhq/safar/survey"
)

// The changes to surveys that both the researcher pages and the API make,
// in one place so both refuse the same things.

// changeSurveyStatus publishes, closes or reopens (as a draft) sv.
func (s *Server) changeSurveyStatus(ctx context.Context, sv *survey.Survey, st survey.Status) error {
	if st != survey.Published && st != survey.Closed && st != survey.Draft {
		return &survey.ValidationError{Problems: []survey.FieldError{{Field: "status", Message: "must be draft, published or closed"}}}
	}
	if err := s.store.SetSurveyStatus(ctx, sv.ID, st); err != nil {
		return err
	}
	s.surveys.forget(sv.Slug)
	sv.Status = st
	return nil
}

// replaceDefinition stores data, a definition in Safar JSON, as sv's next
// version. It refuses a changed slug (links are already out) and, once
// there are responses, edits that would orphan stored answers.
func (s *Server) replaceDefinition(ctx context.Context, sv *survey.Survey, data []byte) (version int, err error) {
	d, err := survey.ParseDefinition(data)
	if err != nil {
		return 0, err
	}
	if d.Slug != sv.Slug {
		return 0, &survey.ValidationError{Problems: []survey.FieldError{{Field: "slug", Message: "cannot change: links to the survey are already out"}}}
	}
	n, err := s.store.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID})
	if err != nil {
		return 0, err
	}
	if n > 0 {
		if err := survey.CheckEvolution(sv.Definition, d); err != nil {
			return 0, err
		}
	}
	if version, err = s.store.UpdateDefinition(ctx, sv.ID, d); err != nil {
		return 0, err
	}
	s.surveys.forget(sv.Slug)
	sv.Definition, sv.Version = d, version
	return version, nil
}

// badSurveyFile is a file that is not a survey, or a broken one; its
// message names the file and the element. It is invalid input.
type badSurveyFile struct{ error }

func (badSurveyFile) Is(target error) bool { return target == survey.ErrInvalid }

// Unwrap gives the importer's problem, a survey.FieldError.
func (e badSurveyFile) Unwrap() error { return e.error }

// importInto converts data (a file called name: Safar JSON, or a Qualtrics,
// SurveyJS, LimeSurvey or XLSForm file, detected) and stores it as a draft
// survey of p. Nothing is stored unless the whole definition is valid; the
// report says how a foreign survey was mapped.
func (s *Server) importInto(ctx context.Context, p *survey.Project, name string, data []byte) (*survey.Survey, *surveyimport.Report, error) {
	d, rep, err := surveyimport.Import(name, data, report.Sheets)
	var ve *survey.ValidationError
	if err != nil && !errors.As(err, &ve) {
		return nil, rep, badSurveyFile{err}
	}
	if err != nil {
		return nil, rep, err
	}
	sv := &survey.Survey{ProjectID: p.ID, Definition: d, Status: survey.Draft}
	err = s.store.CreateSurvey(ctx, sv)
	if errors.Is(err, survey.ErrConflict) {
		return nil, rep, survey.SlugTaken(d.Slug)
	}
	if err != nil {
		return nil, rep, err
	}
	return sv, rep, nil
}
