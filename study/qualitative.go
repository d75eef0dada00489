package study

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/survey"
)

// MinQualitativeParticipants is the fewest interviewees and focus-group
// participants with attributes that personas are formed from when a
// project has no survey personas. Fewer say more about who happened to
// be interviewed than about kinds of customers.
const MinQualitativeParticipants = 6

// voices gathers, per person, their words (quotes) and the words they
// say each pain point with (their first member text that says it), and
// the pain point labels: for interview
// and focus-group participants (a survey's respondents read theirs from
// the texts, respondentWords).
func voices(found analysis.PainPointResult, st *studyTexts) (labels map[string]string, words map[string]map[string]string, quotes map[string][]string) {
	quotes = map[string][]string{}
	for i, t := range st.texts {
		if who := st.person(i); who != "" {
			quotes[who] = append(quotes[who], t.Text)
		}
	}
	labels, words = map[string]string{}, map[string]map[string]string{}
	for pi := range found.PainPoints {
		pp := &found.PainPoints[pi]
		labels[pp.Key] = pp.Label
		for j, m := range pp.Members {
			i := st.index(m)
			if i < 0 || !pp.Says(j) { // a member by another of its words is no quote for it
				continue
			}
			who := st.person(i)
			if words[who] == nil {
				words[who] = map[string]string{}
			}
			if _, ok := words[who][pp.Key]; !ok {
				words[who][pp.Key] = st.texts[i].Text
			}
		}
	}
	return labels, words, quotes
}

// qualitativePersonas forms personas from the attributes of interviewees
// and focus-group participants (speaker mapping, interview forms), for a
// project without survey personas. A nil result comes with a note saying
// why.
func qualitativePersonas(ctx context.Context, cat *catalog, in Input, found analysis.PainPointResult,
	voiced voiceSets, st *studyTexts, opt Options, lang string) (*personas.Result, *TooFew, error) {
	var parts []*survey.Participant
	names := map[string]bool{}
	for _, p := range in.Participants {
		if len(p.Attributes) > 0 {
			parts = append(parts, p)
			for n := range p.Attributes {
				names[n] = true
			}
		}
	}
	if len(parts) < MinQualitativeParticipants {
		return nil, &TooFew{People: len(parts), Need: MinQualitativeParticipants, Participants: true, NeedResponses: MinPersonaRespondents}, nil
	}
	pin := personas.Input{Language: lang, Source: "interview"}
	attrs := slices.Sorted(maps.Keys(names))
	for _, n := range attrs {
		it := personas.Item{Name: n, Label: n, Kind: personas.Categorical, Role: personas.Demographic}
		if q, ok := cat.byID[n]; ok {
			it.Label = q.Text.In(cat.lang)
		}
		pin.Items = append(pin.Items, it)
	}
	labels, words, quotes := voices(found, st)
	pin.PainLabels = labels
	keys := slices.Sorted(maps.Keys(voiced.participants))
	for _, p := range parts {
		who := "p:" + strconv.FormatInt(p.ID, 10)
		r := personas.Respondent{ID: who, Quotes: quotes[who], PainQuotes: words[who]}
		for _, n := range attrs {
			r.Values = append(r.Values, personas.Text(cat.label(n, p.Attributes[n])))
		}
		for _, k := range keys {
			if voiced.participant(k, who) {
				r.PainPoints = append(r.PainPoints, k)
			}
		}
		pin.Respondents = append(pin.Respondents, r)
	}
	// A handful of people supports a handful of personas at most: about
	// three participants per persona.
	pr, err := personas.Build(ctx, pin, personas.Options{K: opt.K, Compare: opt.CompareK, KMax: max(2, min(4, len(parts)/3)),
		Seed: opt.Seed, Bootstrap: opt.Bootstrap, Exclude: excludedItems(pin.Items, opt.ExcludeQuestions)})
	if err != nil {
		return nil, nil, fmt.Errorf("personas from participants: %w", err)
	}
	return pr, nil, nil
}

// MinJourneyPassages is the fewest coded passages a journey is read from
// without a warning.
const MinJourneyPassages = 10

// codedStages adds to every journey the stages its people's coded
// interview and focus-group passages come from (the session's stage),
// with the codes they carry and how often, and a plain note when there
// are too few to read a journey from. personaOf maps a participant key
// ("p:ID") to their persona (0 or absent: none).
func codedStages(res *Result, in Input, personaOf map[string]int, lang string) {
	byID := map[int64]*survey.Transcript{}
	for _, tr := range in.Transcripts {
		byID[tr.ID] = tr
	}
	for ji := range res.Journeys {
		j := &res.Journeys[ji]
		people := map[string]bool{}
		total := 0
		perStage := map[string]map[string]int{} // stage -> code -> passages
		passages := map[string]map[int64]bool{} // stage -> utterances
		for _, cp := range in.Coded {
			tr := byID[cp.Passage.TranscriptID]
			if cp.Source != survey.SourceUtterance || tr == nil || cp.Passage.Moderator || cp.Code == nil {
				continue
			}
			who := participantKey(tr, cp.Passage.Speaker)
			if j.Persona != 0 && personaOf[who] != j.Persona {
				continue
			}
			st := string(tr.Stage)
			if perStage[st] == nil {
				perStage[st], passages[st] = map[string]int{}, map[int64]bool{}
			}
			perStage[st][cp.Code.Name]++
			if !passages[st][cp.UtteranceID] {
				passages[st][cp.UtteranceID] = true
				total++
			}
			people[who] = true
		}
		for si := range j.Stages {
			js := &j.Stages[si]
			js.Passages = len(passages[js.Stage])
			for _, c := range KeysByCount(perStage[js.Stage]) {
				js.Codes = append(js.Codes, CodeCount{Code: c, Passages: perStage[js.Stage][c]})
			}
		}
		j.Passages, j.Unstaged = total, len(passages[""])
		if j.Size == 0 { // no survey respondents: the participants are the people
			for _, p := range personaOf {
				if j.Persona == 0 || p == j.Persona {
					j.Size++
				}
			}
		}
		if len(in.Transcripts) > 0 && total < MinJourneyPassages {
			j.FewPassages, j.PassagePeople = true, len(people)
			j.Note = fewPassagesNote(lang, total, len(people))
		}
	}
}

// fewPassagesNote says in lang that a journey's coded passages, from people
// people, are too few to read it from.
func fewPassagesNote(lang string, passages, people int) string {
	if lang == "fa" {
		return fmt.Sprintf("فقط %d بخش کدگذاری‌شده از %d نفر: برای خواندن سفر مشتری کافی نیست. بخش‌های بیشتری را کدگذاری کنید یا پرسشنامه‌ای اضافه کنید.", passages, people)
	}
	return fmt.Sprintf("Only %d coded passages from %d people: too few to read a journey from. Code more passages or add a survey.", passages, people)
}
