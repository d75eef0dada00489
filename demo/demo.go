// Package demo seeds the demo project: a Persian and an English
// customer-journey survey for an online store, each with a few hundred
// synthetic responses drawn from four hidden customer types (so persona
// analysis has something true to find) and realistic free-text complaints.
package demo

import (
	"context"
	_ "embed"
	"errors"
	"fmt"

	"github.com/safarhq/safar/survey"
)

// The demo surveys' slugs, as printed by `safar serve --demo`.
const (
	SlugFA  = "demo-fa"
	SlugEN  = "demo-en"
	Project = "demo"
)

var (
	//go:embed demo-fa.json
	defFA []byte
	//go:embed demo-en.json
	defEN []byte
)

// ResponsesPerSurvey is how many synthetic responses each demo survey gets.
const ResponsesPerSurvey = 360

// Result says what Seed did.
type Result struct {
	Created   int // surveys created
	Responses int // responses stored
}

// Definitions returns the two demo survey definitions.
func Definitions() ([]*survey.Definition, error) {
	var defs []*survey.Definition
	for _, b := range [][]byte{defFA, defEN} {
		d, err := survey.ParseDefinition(b)
		if err != nil {
			return nil, err
		}
		defs = append(defs, d)
	}
	return defs, nil
}

// Seed creates the demo project, its two surveys (published) and their
// responses. It is idempotent: what already exists is left alone, so
// running it twice changes nothing.
func Seed(ctx context.Context, st survey.Store) (Result, error) {
	var res Result
	defs, err := Definitions()
	if err != nil {
		return res, err
	}
	p, err := st.EnsureProject(ctx, Project, "Demo: online store customer journey")
	if err != nil {
		return res, err
	}
	for i, d := range defs {
		sv, err := st.SurveyBySlug(ctx, d.Slug)
		switch {
		case errors.Is(err, survey.ErrNotFound):
			sv = &survey.Survey{ProjectID: p.ID, Definition: d, Status: survey.Published}
			if err := st.CreateSurvey(ctx, sv); err != nil {
				return res, err
			}
			res.Created++
		case err != nil:
			return res, err
		}
		n, err := st.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID})
		if err != nil {
			return res, err
		}
		if n > 0 {
			continue // seeded before
		}
		rs, err := Responses(d, ResponsesPerSurvey, uint64(101+i))
		if err != nil {
			return res, fmt.Errorf("generate %s responses: %w", d.Slug, err)
		}
		for _, r := range rs {
			r.SurveyID, r.SurveyVersion = sv.ID, sv.Version
		}
		if err := st.SaveResponses(ctx, rs); err != nil {
			return res, err
		}
		res.Responses += len(rs)
	}
	return res, nil
}
