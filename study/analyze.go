package study

import (
	"context"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/analysis/cluster"
	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/survey"
)

// MinPersonaRespondents is the fewest complete responses personas are
// fitted on; below it a segmentation says more about noise than people.
const MinPersonaRespondents = 30

// respondent is one complete response, or one transcript participant.
// A big study keeps a million of these, so they hold little: the answers
// are kept by the catalog (answers.go), and what is derived from them is
// computed when a step needs it.
type respondent struct {
	id      string // response id
	tp      string // the link the respondent came through (shared)
	idx     int32  // position in the respondents slice
	persona int32
	survey  uint16 // position of the survey in Input.Surveys
}

// stageScore is one respondent's satisfaction per stage (in survey.Stages
// order): the sum and count of satisfaction answers on 0..1. The journeys
// read them many times; they are computed once the texts and the persona
// model's table are gone, rather than kept from the start.
type stageScore struct {
	sum [6]float64
	n   [6]uint16
}

// mean is the respondent's mean satisfaction at stage i.
func (s *stageScore) mean(i int) (float64, bool) {
	if s.n[i] == 0 {
		return 0, false
	}
	return s.sum[i] / float64(s.n[i]), true
}

// stageScores computes every respondent's satisfaction per stage, by
// position.
func stageScores(cat *catalog, people []*respondent) []stageScore {
	type stageQ struct {
		id    string
		q     *survey.Question
		stage int
	}
	var qs []stageQ
	for _, id := range cat.order {
		q := cat.byID[id]
		if q.Role != survey.RoleSatisfaction || q.Stage == "" || !isScaled(q) {
			continue
		}
		if i := stageIndex(string(q.Stage)); i < len(stageScore{}.sum) {
			qs = append(qs, stageQ{id, q, i})
		}
	}
	out := make([]stageScore, len(people))
	for pi, p := range people {
		s := &out[pi]
		for _, sq := range qs {
			v, ok := p.answer(cat, sq.id)
			if !ok || v.Number == nil {
				continue
			}
			if f, ok := normalized(sq.q, *v.Number); ok {
				s.sum[sq.stage] += f
				s.n[sq.stage]++
			}
		}
	}
	return out
}

// Analyze runs the whole analysis; see the package comment.
func Analyze(ctx context.Context, in Input, opt Options) (*Result, error) {
	cat := newCatalog(in.Surveys)
	res := &Result{Study: Info{Name: in.Name, Title: in.Title, Language: in.Language}}
	if res.Study.Language == "" {
		res.Study.Language = "en"
		if len(in.Surveys) > 0 {
			res.Study.Language = in.Surveys[0].Definition.Language
		}
	}
	for _, st := range survey.Stages {
		res.Study.StageNames = append(res.Study.StageNames, string(st))
	}
	lang := res.Study.Language
	cat.lang = lang
	res.Glossary = glossary(in.Surveys)

	// 1. Respondents: complete responses are analysed; partial ones count
	// towards completion and drop-off only.
	people, codedResponses, err := readRespondents(ctx, cat, in, opt, res)
	if err != nil {
		return nil, err
	}
	for _, q := range cat.questions() {
		if isText(q) {
			res.Study.OpenQuestion = append(res.Study.OpenQuestion, q.ID)
		}
	}

	// 2. Texts and a first pass of pain points, joined across languages, to
	// tell personas who voices what. The answers are coded for the persona
	// model and the model is fitted meanwhile: the fit does not depend on
	// the pain points (only the cards, written in step 3, do), and the two
	// are mostly serial work (the fit's EM passes use every core).
	opt.progress(0.05, "painpoints")
	var (
		st     *studyTexts
		first1 analysis.PainPointResult
		voiced voiceSets
	)
	analysed := make(chan struct{})
	go func() {
		defer close(analysed)
		st = collectTexts(cat, people, in, &res.Study)
		ppOpt := opt.PainPoints
		ppOpt.SegmentKey = "persona"
		ppOpt.LabelLang = lang
		ppOpt.Ignore = append(slices.Clip(ppOpt.Ignore), in.Name) // the study's own name is never a pain point
		// translated holds the pain points' labels in the project's other
		// languages: key -> language -> label.
		var translated map[string]LabelSet
		var err error
		if first1, err = analysis.FindPainPointsContext(ctx, st.texts, ppOpt); err != nil {
			first1 = analysis.PainPointResult{PainPoints: []analysis.PainPoint{}} // ctx ended: checked below
		} else {
			translated = labelsIn(ctx, st.texts, ppOpt, otherLanguages(in, lang))
		}
		first1.PainPoints, res.PainPointLabels = LinkLanguages(first1.PainPoints, func() Voices { return voicesOf(cat, people, in, st) }, first1.People, NewParallelWords(in.Surveys))
		addLabels(res.PainPointLabels, translated)
		voiced = voicedBy(first1, st, len(people))
		scoreVoices(first1.PainPoints, voiced, cat, people)
	}()
	var (
		pin    personas.Input
		fitted *personas.Fitted
		fitErr error
	)
	if len(people) >= MinPersonaRespondents {
		if pin, fitErr = personaInput(cat, people, lang); fitErr == nil {
			fitted, fitErr = fitPersonas(ctx, pin, opt)
		}
	}
	<-analysed
	// Every respondent's persona and the personas' names are known once the
	// fit is: the hook has them before the cards are written.
	handed := false
	if fitErr == nil && fitted != nil && opt.Personas != nil {
		var named *personas.Result
		if named, fitErr = fitted.Named(pin); fitErr == nil {
			opt.Personas(named)
			handed = true
		}
	}
	if fitErr != nil {
		return nil, fitErr
	}

	// 3. Personas from the complete responses; transcript participants placed.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	opt.progress(0.2, "personas")
	pr, tooFew, err := describePersonas(fitted, pin, people, first1, voiced, st)
	if err != nil {
		return nil, err
	}
	// The coded answers are read no more (the names in other languages
	// need the items only).
	pin.Table, pin.Respondents = nil, nil
	personaOf := map[string]int{} // interview and focus-group participants
	if pr == nil && len(people) == 0 && (len(in.Participants) > 0 || len(in.Transcripts) > 0) {
		// A project of interviews and focus groups only.
		if pr, tooFew, err = qualitativePersonas(ctx, cat, in, first1, voiced, st, opt, lang); err != nil {
			return nil, err
		}
		if pr != nil {
			for _, a := range pr.Assignments {
				personaOf[a.ID] = a.Persona
			}
		}
	}
	res.Personas, res.PersonaTooFew = pr, tooFew
	if tooFew != nil {
		res.PersonaNote = tooFew.Note(lang)
	}
	if pr != nil && len(people) > 0 {
		res.PersonaNames = personaNamesIn(cat, in, pin, pr, lang)
		// The assignments are in the order of the respondents.
		for i, a := range pr.Assignments {
			if i < len(people) && people[i].id == a.ID {
				people[i].persona = int32(a.Persona)
			}
		}
		personaOf = placeParticipants(cat, pr, in, st)
	}
	if opt.Personas != nil && !handed {
		opt.Personas(res.Personas)
	}

	// The headline metrics read the respondents and their personas only:
	// they are counted on a core of their own while steps 4-6 run.
	metrics := make(chan Metrics, 1)
	go func() { metrics <- headline(cat, people, pr, res.Metrics.Funnels) }()

	// 4. The pain points broken down by persona: counted from their
	// members, rather than extracting everything a second time.
	opt.progress(0.8, "painpoints")
	res.PainPoints = first1
	byPersona(&res.PainPoints, st, people)
	// The texts are read no more: the members get their full ids and the
	// texts go before the journeys' pass over every respondent.
	st.nameMembers(cat, people, res.PainPoints.PainPoints)
	st = nil

	// 5. Where each pain point sits in the journey.
	scores := stageScores(cat, people)
	res.Stages = placePainPoints(res.PainPoints, voiced, scores, people, languageParts(in))

	// 6. Metrics, the touchpoint matrix and the journeys.
	opt.progress(0.9, "journeys")
	res.Touchpoints = touchpointMatrix(cat, people, in, res.Stages, voiced, lang)
	res.Journeys = journeys(cat, people, scores, pr, res, voiced, lang)
	codedStages(res, in, personaOf, lang)
	res.Codes = codeSummary(cat, in, codedResponses, people)
	res.Metrics = <-metrics
	return res, nil
}

// readRespondents reads every response of the study once (from a cursor
// for a big study, SurveyData.Each) and keeps compact data of each
// complete one: its answers as shared values (answers.go), satisfaction
// and scores. It fills res's counts, dates and funnels, and returns the
// survey slug of each response the coded passages name ("" when outside
// the study).
func readRespondents(ctx context.Context, cat *catalog, in Input, opt Options, res *Result) ([]*respondent, map[string]string, error) {
	var people []*respondent
	var first, last time.Time
	table := newAnswerTable(cat)
	// The coded answers name their responses: the study's own are found on
	// the way (codeSummary keeps only passages of this study).
	codedResponses := map[string]string{} // response id -> survey slug
	if len(in.Codes) > 0 {
		for _, k := range in.Coded {
			if k.Source == survey.SourceAnswer {
				codedResponses[k.ResponseID] = ""
			}
		}
	}
	// Respondents are allocated a block at a time: one object per block
	// rather than per respondent.
	var block []respondent
	for si, s := range in.Surveys {
		res.Study.Surveys = append(res.Study.Surveys, s.Slug)
		var partialPages []int
		completed := 0
		err := s.ForEach(ctx, func(r *survey.Response) error {
			if _, ok := codedResponses[r.ID]; ok {
				codedResponses[r.ID] = s.Slug
			}
			if r.Status != survey.Complete {
				res.Study.Partial++
				partialPages = append(partialPages, r.Page)
				return nil
			}
			completed++
			if len(block) == 0 {
				block = make([]respondent, 1024)
			}
			p := &block[0]
			block = block[1:]
			*p = respondent{idx: int32(len(people)), id: strings.Clone(r.ID), survey: uint16(si), tp: table.str(r.Touchpoint)}
			table.compact(p.idx, r.Answers)
			people = append(people, p)
			if first.IsZero() || r.StartedAt.Before(first) {
				first = r.StartedAt
			}
			if r.StartedAt.After(last) {
				last = r.StartedAt
			}
			opt.progressRows(len(people) + res.Study.Partial)
			return ctx.Err()
		})
		if err != nil {
			return nil, nil, fmt.Errorf("responses of %s: %w", s.Slug, err)
		}
		if opt.Read != nil {
			opt.Read(len(people) + res.Study.Partial)
		}
		res.Metrics.Funnels = append(res.Metrics.Funnels, funnel(s.Slug, s.Definition, partialPages, completed))
	}
	res.Study.Responses = len(people)
	if !first.IsZero() {
		res.Study.FirstAnswer, res.Study.LastAnswer = first.UTC().Format(time.RFC3339), last.UTC().Format(time.RFC3339)
	}
	return people, codedResponses, nil
}

// participantKey names the person behind a speaker: the mapped participant
// when there is one (the same person across sessions), else the speaker
// within this session.
func participantKey(tr *survey.Transcript, speaker string) string {
	for _, sp := range tr.Speakers {
		if sp.Name == speaker && sp.ParticipantID != nil {
			return "p:" + strconv.FormatInt(*sp.ParticipantID, 10)
		}
	}
	return fmt.Sprintf("t:%d:%s", tr.ID, speaker)
}

// labelsOf is cat.label for question id, each value's label worked out
// once (the persona input labels every respondent's answer); for one
// goroutine.
func labelsOf(cat *catalog, id string) func(v string) string {
	labels := map[string]string{}
	return func(v string) string {
		l, ok := labels[v]
		if !ok {
			l = cat.label(id, v)
			labels[v] = l
		}
		return l
	}
}

// personaInput codes the complete responses as persona items: one row of
// the table per respondent (personas.Table: a small code per answer, not
// a Value), aligned with the items. Pain points and quotes are added by
// fitPersonas.
func personaInput(cat *catalog, people []*respondent, lang string) (personas.Input, error) {
	in := personas.Input{Language: lang}
	// Each question adds its items, and a function that gives their values
	// (set(item offset, value)) for one respondent.
	type filler struct {
		at   int
		fill func(p *respondent, row *rowSetter)
	}
	var fills []filler
	add := func(fill func(*respondent, *rowSetter), items ...personas.Item) {
		fills = append(fills, filler{len(in.Items), fill})
		in.Items = append(in.Items, items...)
	}
	for _, id := range cat.order {
		q := cat.byID[id]
		base := personas.Item{Name: q.ID, Label: q.Text.In(cat.lang), Short: q.Short.In(cat.lang), Role: personas.Role(q.Role), Stage: string(q.Stage), Touchpoint: q.Touchpoint}
		if base.Role == "" {
			base.Role = personas.Behaviour
		}
		switch q.Type {
		case survey.Single, survey.Dropdown:
			base.Kind = personas.Categorical
			for _, o := range q.Options {
				base.Levels = append(base.Levels, o.TextIn(cat.lang))
			}
			label := labelsOf(cat, id)
			add(func(p *respondent, row *rowSetter) {
				if v, ok := p.answer(cat, id); ok && v.Choice != "" {
					row.set(0, personas.Text(label(v.Choice)))
				}
			}, base)
		case survey.Multiple:
			var opts []string
			for _, o := range q.Options {
				opts = append(opts, o.TextIn(cat.lang))
			}
			items, _ := personas.ExpandMultiSelect(base, opts, nil)
			// As ExpandMultiSelect codes them: yes or no per option for
			// everyone who answered, by the labels of the chosen options.
			label := labelsOf(cat, id)
			var chosen []string
			add(func(p *respondent, row *rowSetter) {
				v, ok := p.answer(cat, id)
				if !ok {
					return
				}
				chosen = chosen[:0]
				for _, c := range v.Choices {
					if c != survey.OtherValue {
						chosen = append(chosen, label(c))
					}
				}
				for o, opt := range opts {
					val := personas.No
					if slices.Contains(chosen, opt) {
						val = personas.Yes
					}
					row.set(o, val)
				}
			}, items...)
		case survey.Likert, survey.Rating, survey.NPS:
			base.Kind, base.Levels = personas.Ordinal, levels(q, cat.lang)
			lo, _ := q.ScalePoints()
			add(func(p *respondent, row *rowSetter) {
				if v, ok := p.answer(cat, id); ok && v.Number != nil {
					row.set(0, personas.Text(level(base.Levels, lo, int(*v.Number))))
				}
			}, base)
		case survey.Number:
			base.Kind = personas.Numeric
			add(func(p *respondent, row *rowSetter) {
				if v, ok := p.answer(cat, id); ok && v.Number != nil {
					row.set(0, personas.Number(*v.Number))
				}
			}, base)
		case survey.Matrix:
			var items []personas.Item
			lv := levels(q, cat.lang)
			lo, _ := q.ScalePoints()
			for _, st := range q.Statements {
				it := base
				it.Name, it.Label, it.Kind, it.Levels = q.ID+"."+st.Value, q.Text.In(cat.lang)+": "+st.TextIn(cat.lang), personas.Ordinal, lv
				it.Short = st.TextIn(cat.lang) // the statement names its row
				items = append(items, it)
			}
			add(func(p *respondent, row *rowSetter) {
				v, ok := p.answer(cat, id)
				if !ok {
					return
				}
				for s, st := range q.Statements {
					if pt, ok := v.Matrix[st.Value]; ok {
						row.set(s, personas.Text(level(lv, lo, pt)))
					}
				}
			}, items...)
		}
	}
	in.Table = personas.NewTable(in.Items, len(people))
	in.Respondents = make([]personas.Respondent, len(people))
	row := &rowSetter{t: in.Table}
	for i, p := range people {
		row.i = i
		for _, f := range fills {
			row.at = f.at
			f.fill(p, row)
		}
		in.Respondents[i] = personas.Respondent{ID: p.id}
	}
	return in, row.err
}

// rowSetter stores one respondent's answers to one question's items in
// the persona table, keeping the first error.
type rowSetter struct {
	t     *personas.Table
	i, at int
	err   error
}

func (r *rowSetter) set(j int, v personas.Value) {
	if err := r.t.Set(r.i, r.at+j, v); err != nil && r.err == nil {
		r.err = err
	}
}

// fitPersonas segments the complete responses (coded by personaInput, in
// the order of the respondents).
func fitPersonas(ctx context.Context, in personas.Input, opt Options) (*personas.Fitted, error) {
	f, err := personas.Fit(ctx, in, personas.Options{K: opt.K, Compare: opt.CompareK, Seed: opt.Seed, Bootstrap: opt.Bootstrap,
		Exclude: excludedItems(in.Items, opt.ExcludeQuestions), Cluster: cluster.Options{ChoiceStabilityOnly: opt.ChoiceStabilityOnly}})
	if err != nil {
		return nil, fmt.Errorf("personas: %w", err)
	}
	return f, nil
}

// describePersonas writes the cards of the segmentation fitPersonas made
// of in (nil: too few complete responses), describing each persona with
// the pain points its members voice and their words; a nil result comes
// with a note saying why.
func describePersonas(f *personas.Fitted, in personas.Input, people []*respondent, found analysis.PainPointResult,
	voiced voiceSets, st *studyTexts) (*personas.Result, *TooFew, error) {
	if f == nil {
		return nil, &TooFew{People: len(people), Need: MinPersonaRespondents}, nil
	}
	// The cards quote each person's words and the words they voice each
	// pain point with, read from the texts.
	in.PainLabels = map[string]string{}
	for _, pp := range found.PainPoints {
		in.PainLabels[pp.Key] = pp.Label
	}
	in.Words = newRespondentWords(found, st, len(people))
	// Respondents voicing the same pain points share one list of them: a
	// big study has a few hundred combinations among a million people.
	keys := slices.Sorted(maps.Keys(voiced.respondents))
	sets := make([]bits, len(keys)) // voiced.respondents by position in keys, looked up once
	for ki, k := range keys {
		sets[ki] = voiced.respondents[k]
	}
	lists := map[string][]string{}
	var mine []string
	var sig []byte // the positions in keys of mine
	for i := range people {
		mine, sig = mine[:0], sig[:0]
		for ki, k := range keys {
			if sets[ki].has(i) {
				mine = append(mine, k)
				sig = binary.AppendUvarint(sig, uint64(ki))
			}
		}
		if len(mine) == 0 {
			continue
		}
		list, ok := lists[string(sig)]
		if !ok {
			list = slices.Clone(mine)
			lists[string(sig)] = list
		}
		in.Respondents[i].PainPoints = list
	}
	pr, err := f.Describe(in)
	if err != nil {
		return nil, nil, fmt.Errorf("personas: %w", err)
	}
	return pr, nil, nil
}

// TooFew is why a study has no personas, as numbers: People complete
// survey responses where personas need Need; or, for a project of
// interviews and focus groups only (Participants), People participants
// with attributes where they need Need (or NeedResponses survey responses).
type TooFew struct {
	People        int  `json:"people"`
	Need          int  `json:"need"`
	Participants  bool `json:"participants,omitempty"`
	NeedResponses int  `json:"need_responses,omitempty"`
}

// Note words why there are no personas in lang (Result.PersonaNote).
func (t *TooFew) Note(lang string) string {
	switch {
	case t.Participants && lang == "fa":
		return fmt.Sprintf("%d مصاحبه‌شونده یا شرکت‌کنندهٔ گروه کانونی با ویژگی و بی پاسخ پرسشنامه: پرسوناها دست‌کم %d شرکت‌کننده با ویژگی یا %d پاسخ پرسشنامه می‌خواهند",
			t.People, t.Need, t.NeedResponses)
	case t.Participants:
		return fmt.Sprintf("%d interviewees or focus-group participants with attributes and no survey responses: personas need at least %d participants with attributes or %d survey responses",
			t.People, t.Need, t.NeedResponses)
	case lang == "fa":
		return fmt.Sprintf("%d پاسخ کامل: پرسوناها دست‌کم %d پاسخ می‌خواهند", t.People, t.Need)
	}
	return fmt.Sprintf("%d complete responses: personas need at least %d", t.People, t.Need)
}

// placeParticipants puts interview and focus-group participants with
// attributes into their nearest persona, adding their words as quotes,
// and returns the confident placements (participant key -> persona).
func placeParticipants(cat *catalog, pr *personas.Result, in Input, st *studyTexts) map[string]int {
	placed := map[string]int{}
	words := map[string][]string{}
	for i, t := range st.texts {
		if st.respondent(i) < 0 {
			words[st.person(i)] = append(words[st.person(i)], t.Text)
		}
	}
	for _, part := range in.Participants {
		key := "p:" + strconv.FormatInt(part.ID, 10)
		if len(part.Attributes) == 0 || len(words[key]) == 0 {
			continue
		}
		attrs := map[string]personas.Value{}
		for name, v := range part.Attributes {
			attrs[name] = personas.Text(cat.label(name, v))
		}
		if pl, err := pr.AddInterviewQuotes(key, attrs, words[key]); err == nil && pl.Probability >= 0.5 {
			placed[key] = pl.Persona
		}
	}
	return placed
}

// byPersona sets each pain point's persona breakdown: distinct people of
// each persona among its voices.
func byPersona(r *analysis.PainPointResult, st *studyTexts, people []*respondent) {
	seen := newBits(len(people))
	for i := range r.PainPoints {
		pp := &r.PainPoints[i]
		counts := map[string]int{}
		for _, m := range pp.Members {
			ti := st.index(m)
			if ti < 0 {
				continue
			}
			who := st.respondent(ti)
			if who < 0 || people[who].persona == 0 || seen.has(who) {
				continue
			}
			seen.set(who)
			counts[strconv.Itoa(int(people[who].persona))]++
		}
		clear(seen)
		if len(counts) == 0 {
			continue
		}
		if pp.Breakdown == nil {
			pp.Breakdown = map[string]map[string]int{}
		}
		pp.Breakdown["persona"] = counts
		pp.Segments = counts
	}
}

// placePainPoints puts each pain point at a journey stage: the stage the
// texts were about (the stage of their question or transcript, the most
// voices') when at least half its voices were asked at a stage; otherwise
// the stage where the people voicing it fall furthest below everyone
// else's satisfaction, over and above how much lower they rate everything
// (people who complain rate every stage a little lower; the stage their
// problem lives in stands out), and the stage asked of the few when their
// satisfaction singles out none. An interview about the use whose words
// join a pain point of 40 respondents does not place the 40.
//
// The people are compared within the language of the survey they answered
// (part, by survey position): surveys in different languages may ask the
// stages by different questions and their people rate differently, and a
// pain point joined across languages (LinkLanguages) has a half in each.
// Each half singles out the stage of its greatest excess gap, named only
// when the gap is at least 0.1 on the 0..1 scale, exceeds their average
// gap by 0.05 and rests on at least 3 of them. A stage one half singles
// out is kept when all the voices, each half against its own language,
// still stand out there by 0.05 (their excess gaps averaged by voices): a
// half that does not single it out does not contradict it. When halves
// single out different stages, the one all the voices stand out at most
// wins (a tie, here as within a half, goes to the later stage). In a study
// of one language this is the rule for all the voices at once.
func placePainPoints(r analysis.PainPointResult, voiced voiceSets, scores []stageScore, people []*respondent, part []int) []PainStage {
	parts := 0
	for _, p := range part {
		parts = max(parts, p+1)
	}
	// One half's sums and counts by stage, of its voices and of the rest
	// of its language.
	type half struct {
		inSum, outSum [len(stageScore{}.sum)]float64
		inN, outN     [len(stageScore{}.sum)]int
	}
	halves := make([]half, parts)
	var out []PainStage
	for _, pp := range r.PainPoints {
		ps := PainStage{Key: pp.Key, Label: pp.Label}
		asked, askedN, tagged := "", 0, 0
		byStage := pp.Breakdown["stage"]
		for _, st := range slices.Sorted(maps.Keys(byStage)) {
			tagged += byStage[st]
			if byStage[st] > askedN {
				asked, askedN = st, byStage[st]
			}
		}
		if asked != "" && 2*tagged >= pp.Documents {
			ps.Stage, ps.How = asked, "asked"
			out = append(out, ps)
			continue
		}
		clear(halves)
		flags := voiced.respondents[pp.Key]
		for i := range scores {
			h, voices := &halves[part[people[i].survey]], flags.has(i)
			for si := range survey.Stages {
				if f, ok := scores[i].mean(si); ok {
					if voices {
						h.inSum[si] += f
						h.inN[si]++
					} else {
						h.outSum[si] += f
						h.outN[si]++
					}
				}
			}
		}
		// Each half's gaps, excess gaps and the stage it singles out.
		var (
			gap, excess, weight [len(stageScore{}.sum)]float64 // summed over the halves, by voices
			singled             [len(stageScore{}.sum)]bool    // by a half
		)
		for _, h := range halves {
			var gaps [len(stageScore{}.sum)]float64
			var measured [len(stageScore{}.sum)]bool
			var sum float64
			n := 0
			for si := range survey.Stages {
				if h.inN[si] >= 3 && h.outN[si] >= 3 {
					gaps[si] = h.outSum[si]/float64(h.outN[si]) - h.inSum[si]/float64(h.inN[si])
					measured[si] = true
					sum += gaps[si]
					n++
				}
			}
			if n == 0 {
				continue
			}
			avg := sum / float64(n)
			best, bestExcess := -1, 0.05
			for si := range survey.Stages {
				if !measured[si] {
					continue
				}
				gap[si] += float64(h.inN[si]) * gaps[si]
				excess[si] += float64(h.inN[si]) * (gaps[si] - avg)
				weight[si] += float64(h.inN[si])
				if g := gaps[si]; g >= 0.1 && g-avg >= bestExcess {
					best, bestExcess = si, g-avg
				}
			}
			if best >= 0 {
				singled[best] = true
			}
		}
		bestExcess := 0.05
		for si, st := range survey.Stages {
			if singled[si] && excess[si]/weight[si] >= bestExcess {
				bestExcess, ps.Stage, ps.How, ps.Gap = excess[si]/weight[si], string(st), "satisfaction", round3(gap[si]/weight[si])
			}
		}
		if ps.Stage == "" && asked != "" {
			ps.Stage, ps.How = asked, "asked"
		}
		out = append(out, ps)
	}
	return out
}

// languageParts numbers the languages of the surveys, by survey position:
// placePainPoints compares people within their survey's language.
func languageParts(in Input) []int {
	var langs []string
	out := make([]int, len(in.Surveys))
	for i, s := range in.Surveys {
		lang := s.Definition.Language
		j := slices.Index(langs, lang)
		if j < 0 {
			j = len(langs)
			langs = append(langs, lang)
		}
		out[i] = j
	}
	return out
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// KeysByCount returns a count map's keys by descending count, then name.
func KeysByCount(m map[string]int) []string {
	keys := slices.Collect(maps.Keys(m))
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// excludedItems names the persona items made from the given questions: the
// question itself, its options ("q: option") and statements ("q.s").
func excludedItems(items []personas.Item, questions []string) []string {
	if len(questions) == 0 {
		return nil
	}
	var out []string
	for _, it := range items {
		for _, q := range questions {
			if it.Name == q || strings.HasPrefix(it.Name, q+": ") || strings.HasPrefix(it.Name, q+".") {
				out = append(out, it.Name)
				break
			}
		}
	}
	return out
}
