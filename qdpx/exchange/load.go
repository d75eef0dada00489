package exchange

import (
	"context"
	"strings"

	"github.com/safarhq/safar/survey"
)

// Store is what Load reads.
type Store interface {
	survey.CodingStore
	survey.QualitativeStore
	Users(ctx context.Context) ([]*survey.User, error)
}

// Load reads a project's codebook, transcripts, open answers, codings and
// coders for Export.
func Load(ctx context.Context, st Store, p *survey.Project) (*Data, error) {
	d := &Data{Project: p, Coders: map[int64]string{}}
	var err error
	if d.Codes, err = st.Codes(ctx, p.ID); err != nil {
		return nil, err
	}
	list, err := st.Transcripts(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	for _, t := range list {
		full, err := st.Transcript(ctx, t.ID)
		if err != nil {
			return nil, err
		}
		d.Transcripts = append(d.Transcripts, full)
	}
	err = st.EachPassage(ctx, p.ID, func(ps survey.Passage) error {
		if ps.Source == survey.SourceAnswer {
			d.Answers = append(d.Answers, ps)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if d.Codings, err = st.CodedPassages(ctx, p.ID, 0); err != nil {
		return nil, err
	}
	users, err := st.Users(ctx)
	if err != nil {
		return nil, err
	}
	coded := map[int64]bool{}
	for _, k := range d.Codings {
		coded[k.CreatedBy] = true
	}
	for _, u := range users {
		if coded[u.ID] {
			d.Coders[u.ID] = u.Email
		}
	}
	return d, nil
}

// Accounts maps the accounts' lower-case e-mail addresses to their ids,
// for Import to recognise the coders of an exchanged file.
func Accounts(users []*survey.User) map[string]int64 {
	out := make(map[string]int64, len(users))
	for _, u := range users {
		out[strings.ToLower(u.Email)] = u.ID
	}
	return out
}
