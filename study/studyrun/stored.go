package studyrun

import (
	"context"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/safarhq/safar/analysis"
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

// ExamplesAs is Examples for res, the stored result as a reader sees it
// (study.Result.In puts the quotes in the reader's language first): each
// pain point's sources in the order of res's examples, found by their text.
func (s *Stored) ExamplesAs(res *study.Result) map[string][]Origin {
	if len(s.Examples) == 0 {
		return s.Examples
	}
	was := make(map[string][]string, len(s.Result.PainPoints.PainPoints))
	for _, pp := range s.Result.PainPoints.PainPoints {
		was[pp.Key] = pp.Examples
	}
	out := maps.Clone(s.Examples)
	for _, pp := range res.PainPoints.PainPoints {
		origins, old := s.Examples[pp.Key], was[pp.Key]
		if len(origins) != len(old) || slices.Equal(old, pp.Examples) {
			continue
		}
		used := make([]bool, len(old))
		moved := make([]Origin, len(pp.Examples))
		for i, ex := range pp.Examples {
			for j, o := range old {
				if !used[j] && o == ex {
					used[j], moved[i] = true, origins[j]
					break
				}
			}
		}
		out[pp.Key] = moved
	}
	return out
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
// (cut to 240 characters ending in "…"), and its source is the first of
// the pain point's members, in their order, whose text it is.
//
// The survey answers are looked up in a second pass over the responses
// (from the store's cursor), each checked against the examples of the
// pain points it is a member of as it goes by: what is kept is a list of
// the members by response (12 bytes a member, the response ids shared
// with the members' own), not the texts, which for a big study are
// hundreds of megabytes.
func newStored(ctx context.Context, res *study.Result, in study.Input) (*Stored, error) {
	st := &Stored{Result: res, Examples: map[string][]Origin{}, Respondents: map[string]string{}}
	pps := res.PainPoints.PainPoints
	// found[p][i] is the member of pain point p whose text example i was
	// found in, lowest first (-1: none yet), and slugs[p][i] its survey.
	found := make([][]int, len(pps))
	slugs := make([][]string, len(pps))
	for p, pp := range pps {
		found[p] = make([]int, len(pp.Examples))
		for i := range found[p] {
			found[p][i] = -1
		}
		slugs[p] = make([]string, len(pp.Examples))
	}
	try := func(p, j int, text, slug string) {
		text = strings.TrimSpace(text)
		quoted := "" // the text as the analysis quotes it, read only when needed
		for i, ex := range pps[p].Examples {
			if f := found[p][i]; f >= 0 && f < j {
				continue
			}
			cut := strings.TrimSuffix(ex, "…")
			in := func(text string) bool { return text == ex || (cut != "" && strings.Contains(text, cut)) }
			if !in(text) {
				if quoted == "" && text != "" {
					quoted = analysis.QuoteForm(text)
				}
				if quoted == "" || quoted == text || !in(quoted) {
					continue
				}
			}
			found[p][i], slugs[p][i] = j, slug
		}
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
	// An utterance's text is at hand; an answer's waits for its response:
	// members[first[id]] is the first member of response id, chained by next.
	type member struct{ p, j, next int32 }
	var members []member
	first := map[string]int32{}
	for p, pp := range pps {
		for j, m := range pp.Members {
			kind, id, q, ok := splitID(m)
			switch {
			case ok && kind == "r":
				next, had := first[id]
				if !had {
					next = -1
				}
				first[id] = int32(len(members))
				members = append(members, member{int32(p), int32(j), next})
			case ok && kind == "t":
				try(p, j, lines[utterance(id, q)], "")
			default:
				try(p, j, "", "")
			}
		}
	}
	quoted := map[string]bool{}
	if res.Personas != nil {
		for _, p := range res.Personas.Personas {
			for _, q := range p.Quotes {
				quoted[q.ID] = true
			}
		}
	}
	answers := func(id string, a survey.Answers, slug string) {
		for k, ok := first[id]; ok && k >= 0; k = members[k].next {
			m := members[k]
			_, _, q, _ := splitID(pps[m.p].Members[m.j])
			try(int(m.p), int(m.j), a[q].Text, slug)
		}
		delete(first, id)
	}
	for _, sd := range in.Surveys {
		err := sd.ForEach(ctx, func(r *survey.Response) error {
			if quoted[r.ID] {
				st.Respondents[r.ID] = sd.Slug
			}
			answers(r.ID, r.Answers, sd.Slug)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for id := range first { // responses not found: no text
		answers(id, nil, "")
	}
	for p, pp := range pps {
		srcs := make([]Origin, len(pp.Examples))
		for i, j := range found[p] {
			if j < 0 {
				continue
			}
			m := pp.Members[j]
			srcs[i] = Origin{ID: m}
			switch kind, a, b, ok := splitID(m); {
			case ok && kind == "r":
				srcs[i] = Origin{ID: m, Survey: slugs[p][i], Response: a, Question: b}
			case ok && kind == "t":
				u := utterance(a, b)
				srcs[i] = Origin{ID: m, Transcript: u.tr, Title: titles[u.tr], Line: u.ord, Utterance: uids[u]}
			}
		}
		st.Examples[pp.Key] = srcs
	}
	return st, nil
}

// splitID splits an analysis text id, "r:RESPONSE:QUESTION" or
// "t:TRANSCRIPT:ORDER", into its kind and two parts; false for any other
// form.
func splitID(id string) (kind, a, b string, ok bool) {
	kind, rest, ok := strings.Cut(id, ":")
	if !ok {
		return "", "", "", false
	}
	a, b, ok = strings.Cut(rest, ":")
	return kind, a, b, ok
}

// lineKey names an utterance: its transcript and its order there.
type lineKey struct {
	tr  int64
	ord int
}

// utterance is the key of a "t:TRANSCRIPT:ORDER" id's parts (0 when
// they are not numbers).
func utterance(tr, ord string) lineKey {
	t, _ := strconv.ParseInt(tr, 10, 64)
	o, _ := strconv.Atoi(ord)
	return lineKey{t, o}
}
