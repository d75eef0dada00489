package study

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/safarhq/safar/survey"
)

// The researchers' own coding in the result: the codebook with how often
// each code is used (passages, distinct people, per persona, per stage,
// per source), every coded passage with where it comes from, and the
// codes of the pain-point group as pain points beside the automatic ones,
// marked researcher-coded.

// Codes is the coding part of a Result.
type Codes struct {
	Codebook   []CodeUse        `json:"codebook"`
	Passages   []CodedQuote     `json:"passages"`
	PainPoints []CodedPainPoint `json:"pain_points"`
}

// CodeUse is one code of the codebook and its use in the study.
type CodeUse struct {
	Name        string         `json:"name"`
	Group       string         `json:"group"`
	Description string         `json:"description,omitempty"`
	Passages    int            `json:"passages"` // distinct passages (two coders on one passage count once)
	People      int            `json:"people"`   // distinct respondents and participants
	ByPersona   map[string]int `json:"by_persona,omitempty"`
	ByStage     map[string]int `json:"by_stage,omitempty"` // passages per journey stage
	BySource    map[string]int `json:"by_source"`          // passages per source kind: answer, transcript, interview
}

// CodedQuote is one coded passage.
type CodedQuote struct {
	Code    string `json:"code"`
	Group   string `json:"group"`
	Source  string `json:"source"` // answer, transcript or interview
	Title   string `json:"title"`  // the survey slug or the transcript title
	Ref     string `json:"ref"`    // question id, or the line number in the transcript
	Speaker string `json:"speaker,omitempty"`
	Person  string `json:"person"`
	Persona int    `json:"persona,omitempty"`
	Stage   string `json:"stage,omitempty"`
	Quote   string `json:"quote"`
	Origin  string `json:"origin"` // manual, suggested or imported
}

// CodedPainPoint is a code of the pain-point group counted like an
// automatic pain point: reach by distinct person and quotes.
type CodedPainPoint struct {
	Key             string         `json:"key"` // "code:" + name
	Label           string         `json:"label"`
	People          int            `json:"people"`
	Share           float64        `json:"share"` // of everyone analysed
	Passages        int            `json:"passages"`
	Personas        map[string]int `json:"personas,omitempty"`
	Stages          []string       `json:"stages,omitempty"` // where its passages were said, most first
	Quotes          []string       `json:"quotes"`
	ResearcherCoded bool           `json:"researcher_coded"`
}

// maxCodedQuotes is the number of quotes kept per coded pain point.
const maxCodedQuotes = 3

// passageOrigin is where a coded passage sits in the study.
type passageOrigin struct {
	source, title, ref, speaker, person, stage string
	persona                                    int
}

// codeSummary builds Codes from in.Codes and in.Coded, keeping only
// passages of this study; people are the complete respondents.
// responses maps the response ids the coded answers name to their survey
// slugs ("" for a response outside the study).
func codeSummary(cat *catalog, in Input, responses map[string]string, people []*respondent) *Codes {
	if len(in.Codes) == 0 {
		return nil
	}
	// The persona of each coded response of the study.
	personaOf := map[string]int{}
	for _, p := range people {
		if _, ok := responses[p.id]; ok {
			personaOf[p.id] = int(p.persona)
		}
	}
	type uttRef struct {
		tr *survey.Transcript
		u  survey.Utterance
	}
	utts := map[int64]uttRef{}
	participants := map[string]bool{}
	for _, tr := range in.Transcripts {
		for _, u := range tr.Utterances {
			utts[u.ID] = uttRef{tr, u}
			if u.Customer {
				participants[participantKey(tr, u.Speaker)] = true
			}
		}
	}
	where := func(k survey.CodedPassage) (passageOrigin, bool) {
		if k.Source == survey.SourceAnswer {
			slug := responses[k.ResponseID]
			if slug == "" {
				return passageOrigin{}, false
			}
			o := passageOrigin{source: survey.SourceAnswer, title: slug, ref: k.QuestionID, person: k.ResponseID}
			if q := cat.byID[k.QuestionID]; q != nil {
				o.stage = string(q.Stage)
			}
			o.persona = personaOf[k.ResponseID]
			return o, true
		}
		ref, ok := utts[k.UtteranceID]
		if !ok {
			return passageOrigin{}, false
		}
		return passageOrigin{source: string(ref.tr.Kind), title: ref.tr.Title, ref: strconv.Itoa(ref.u.Order), speaker: ref.u.Speaker,
			person: participantKey(ref.tr, ref.u.Speaker), stage: string(ref.tr.Stage)}, true
	}
	out := &Codes{}
	uses := map[int64]*CodeUse{}
	persons := map[int64]map[string]int{} // code -> person -> persona
	seen := map[string]bool{}
	for _, c := range in.Codes {
		u := &CodeUse{Name: c.Name, Group: string(c.Group), Description: c.Description, BySource: map[string]int{}}
		uses[c.ID], persons[c.ID] = u, map[string]int{}
	}
	for _, k := range in.Coded {
		u := uses[k.CodeID]
		o, ok := where(k)
		if u == nil || !ok {
			continue
		}
		key := fmt.Sprintf("%d|%s|%d|%s|%s|%d|%d", k.CodeID, k.Source, k.UtteranceID, k.ResponseID, k.QuestionID, k.SpanStart, k.SpanEnd)
		if seen[key] {
			continue // a second coder on the same passage
		}
		seen[key] = true
		u.Passages++
		u.BySource[o.source]++
		if o.stage != "" {
			if u.ByStage == nil {
				u.ByStage = map[string]int{}
			}
			u.ByStage[o.stage]++
		}
		persons[k.CodeID][o.person] = o.persona
		out.Passages = append(out.Passages, CodedQuote{Code: u.Name, Group: u.Group, Source: o.source, Title: o.title, Ref: o.ref,
			Speaker: o.speaker, Person: o.person, Persona: o.persona, Stage: o.stage, Quote: k.Quote, Origin: k.Origin})
	}
	everyone := len(people) + len(participants)
	for _, c := range in.Codes {
		u := uses[c.ID]
		u.People = len(persons[c.ID])
		for _, persona := range persons[c.ID] {
			if persona > 0 {
				if u.ByPersona == nil {
					u.ByPersona = map[string]int{}
				}
				u.ByPersona[strconv.Itoa(persona)]++
			}
		}
		out.Codebook = append(out.Codebook, *u)
		if c.Group == survey.GroupPainPoint && u.Passages > 0 {
			out.PainPoints = append(out.PainPoints, codedPainPoint(*u, out.Passages, everyone))
		}
	}
	slices.SortStableFunc(out.Codebook, func(a, b CodeUse) int {
		return cmp.Or(cmp.Compare(groupRank(a.Group), groupRank(b.Group)), cmp.Compare(a.Name, b.Name))
	})
	slices.SortStableFunc(out.PainPoints, func(a, b CodedPainPoint) int { return cmp.Or(b.People-a.People, cmp.Compare(a.Label, b.Label)) })
	return out
}

func groupRank(g string) int { return slices.Index(survey.CodeGroups, survey.CodeGroup(g)) }

func codedPainPoint(u CodeUse, passages []CodedQuote, everyone int) CodedPainPoint {
	pp := CodedPainPoint{Key: "code:" + u.Name, Label: u.Name, People: u.People, Passages: u.Passages, Personas: u.ByPersona, ResearcherCoded: true}
	if everyone > 0 {
		pp.Share = round3(float64(u.People) / float64(everyone))
	}
	pp.Stages = KeysByCount(u.ByStage)
	for _, q := range passages {
		if q.Code == u.Name && len(pp.Quotes) < maxCodedQuotes && !slices.Contains(pp.Quotes, q.Quote) {
			pp.Quotes = append(pp.Quotes, q.Quote)
		}
	}
	return pp
}
