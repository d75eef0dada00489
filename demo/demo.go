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
	Created     int // surveys created
	Responses   int // responses stored
	Transcripts int // transcripts and interview notes stored
	Codings     int // open answers coded
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
// responses, its touchpoints, and its qualitative data: participants, a
// focus group and interview transcripts, interview notes and a codebook
// with coded passages. It is idempotent: what already exists is left
// alone, so running it twice changes nothing, and a demo seeded by an
// older version gets only the parts it lacks.
func Seed(ctx context.Context, st survey.Store) (Result, error) {
	return SeedN(ctx, st, ResponsesPerSurvey)
}

// SeedN is Seed with n responses per survey (load and scale tests).
func SeedN(ctx context.Context, st survey.Store, n int) (Result, error) {
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
		stored, err := st.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID})
		if err != nil {
			return res, err
		}
		if stored > 0 {
			continue // seeded before
		}
		rs, err := Responses(d, n, uint64(101+i))
		if err != nil {
			return res, fmt.Errorf("generate %s responses: %w", d.Slug, err)
		}
		for _, r := range rs {
			r.SurveyID, r.SurveyVersion = sv.ID, sv.Version
		}
		// In chunks, so a large seed does not build one huge transaction.
		for len(rs) > 0 {
			chunk := rs[:min(len(rs), 5000)]
			if err := st.SaveResponses(ctx, chunk); err != nil {
				return res, err
			}
			res.Responses += len(chunk)
			rs = rs[len(chunk):]
		}
	}
	return res, seedQualitative(ctx, st, p, &res)
}
