package studyrun

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// Stored is what a done run keeps: the study result plus where its quotes
// come from, so the pages can link a quote to its response.
type Stored struct {
	*study.Result
	// Examples maps a pain point key to the source of each of its
	// Examples, in the same order (ID "" when not found).
	Examples map[string][]Origin `json:"example_sources,omitempty"`
	// Respondents maps the response ids quoted on persona cards to their
	// survey's slug.
	Respondents map[string]string `json:"respondent_surveys,omitempty"`
}

// Origin is where a quoted text comes from.
type Origin struct {
	ID         string `json:"id"`                   // the analysis text id
	Survey     string `json:"survey,omitempty"`     // slug, for a survey answer
	Response   string `json:"response,omitempty"`   // response id
	Question   string `json:"question,omitempty"`   // question id
	Transcript int64  `json:"transcript,omitempty"` // transcript id
	Title      string `json:"title,omitempty"`      // transcript title
	Line       int    `json:"line,omitempty"`       // utterance order in the transcript
	Utterance  int64  `json:"utterance,omitempty"`  // utterance id
}

// Decode reads a stored result.
func Decode(s string) (*Stored, error) {
	st := &Stored{}
	if err := json.Unmarshal([]byte(s), st); err != nil {
		return nil, err
	}
	if st.Result == nil {
		st.Result = &study.Result{}
	}
	return st, nil
}

// newStored links the result's quotes back to the input texts: an example
// is the trimmed text itself or, for a long text, one of its clauses
// (cut to 240 characters ending in "…").
//
// Only the responses the result names are looked up: a second pass over
// a big study's responses (from the store's cursor) that keeps just those.
func newStored(ctx context.Context, res *study.Result, in study.Input) (*Stored, error) {
	st := &Stored{Result: res, Examples: map[string][]Origin{}, Respondents: map[string]string{}}
	type answerKey struct{ response, question string }
	named := map[string]bool{}
	for _, pp := range res.PainPoints.PainPoints {
		for _, m := range pp.Members {
			if parts := strings.SplitN(m, ":", 3); len(parts) == 3 && parts[0] == "r" {
				named[parts[1]] = true
			}
		}
	}
	if res.Personas != nil {
		for _, p := range res.Personas.Personas {
			for _, q := range p.Quotes {
				named[q.ID] = true
			}
		}
	}
	slugOf := map[string]string{}
	texts := map[answerKey]string{}
	for _, sd := range in.Surveys {
		err := sd.ForEach(ctx, func(r *survey.Response) error {
			if !named[r.ID] {
				return nil
			}
			slugOf[r.ID] = sd.Slug
			for q, a := range r.Answers {
				if a.Text != "" {
					texts[answerKey{r.ID, q}] = a.Text
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	type lineKey struct {
		tr  int64
		ord int
	}
	lines := map[lineKey]string{}
	uids := map[lineKey]int64{}
	titles := map[int64]string{}
	for _, tr := range in.Transcripts {
		titles[tr.ID] = tr.Title
		for _, u := range tr.Utterances {
			lines[lineKey{tr.ID, u.Order}] = u.Text
			uids[lineKey{tr.ID, u.Order}] = u.ID
		}
	}
	source := func(id string) (Origin, string) {
		parts := strings.SplitN(id, ":", 3)
		if len(parts) != 3 {
			return Origin{ID: id}, ""
		}
		switch parts[0] {
		case "r":
			return Origin{ID: id, Survey: slugOf[parts[1]], Response: parts[1], Question: parts[2]}, texts[answerKey{parts[1], parts[2]}]
		case "t":
			tr, _ := strconv.ParseInt(parts[1], 10, 64)
			ord, _ := strconv.Atoi(parts[2])
			return Origin{ID: id, Transcript: tr, Title: titles[tr], Line: ord, Utterance: uids[lineKey{tr, ord}]}, lines[lineKey{tr, ord}]
		}
		return Origin{ID: id}, ""
	}
	for _, pp := range res.PainPoints.PainPoints {
		srcs := make([]Origin, len(pp.Examples))
		for i, ex := range pp.Examples {
			cut := strings.TrimSuffix(ex, "…")
			for _, m := range pp.Members {
				src, text := source(m)
				text = strings.TrimSpace(text)
				if text == ex || (cut != "" && strings.Contains(text, cut)) {
					srcs[i] = src
					break
				}
			}
		}
		st.Examples[pp.Key] = srcs
	}
	if res.Personas != nil {
		for _, p := range res.Personas.Personas {
			for _, q := range p.Quotes {
				if slug, ok := slugOf[q.ID]; ok {
					st.Respondents[q.ID] = slug
				}
			}
		}
	}
	return st, nil
}
