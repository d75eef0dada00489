package study

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/survey"
)

// The pain-point texts of a study are named by number while it is
// analysed: a text's ID is its position among the texts in decimal ("0",
// "1", ...), and who wrote it is a position too (textRef). A big study has
// a million texts: an id such as "r:RESPONSE:QUESTION" per text and a map
// from it to its author's id cost about 150 bytes a text, the numbers a
// few. The result's members get their full ids back at the end
// (studyTexts.nameMembers), so what the analysis says is unchanged.

// textRef is who wrote one text and what it answers.
type textRef struct {
	who int32 // position of the respondent in people; -1 for an utterance
	at  int32 // a survey text: catalog position of its question; an utterance: index in studyTexts.utts
}

// utterance is a transcript text's full id and its speaker's participant key.
type utterance struct{ id, person string }

// studyTexts are the study's pain-point texts and their authors.
type studyTexts struct {
	texts []analysis.Text
	refs  []textRef   // by text position
	utts  []utterance // the transcript texts'
	// start: respondent i's texts are texts[start[i]:start[i+1]] (a
	// respondent's texts are consecutive).
	start []int32
}

// collectTexts gathers open answers and customer utterances as pain-point
// texts, each named by its position.
func collectTexts(cat *catalog, people []*respondent, in Input, info *Info) *studyTexts {
	st := &studyTexts{start: make([]int32, len(people)+1)}
	// Texts with the same segments share one map (the analysis only reads
	// them): a big survey has a handful of combinations, not a map per answer.
	type segKey struct {
		survey         uint16
		question, link string
	}
	shared := map[segKey]map[string]string{}
	// Satisfaction scores are shared too: respondents' overall scores take
	// few distinct values.
	scores := map[float64]*float64{}
	var textQs []int // catalog positions of the open questions
	for i, id := range cat.order {
		if isText(cat.byID[id]) {
			textQs = append(textQs, i)
		}
	}
	// Counted first, so the texts (112 bytes each) are not copied as the
	// slices grow.
	n := 0
	for _, p := range people {
		for _, qi := range textQs {
			if v := p.answerAt(cat, qi); v != nil && v.Text != "" {
				n++
			}
		}
	}
	for _, tr := range in.Transcripts {
		n += len(tr.Utterances)
	}
	st.texts = make([]analysis.Text, 0, n)
	st.refs = make([]textRef, 0, n)
	satQs := cat.satisfactionQs()
	// A text's language is its survey's, or, for a survey asked in several
	// languages, the text's own (the analysis reads it from the text): a
	// bilingual survey's English answers were "fa", its default, and no
	// pain point of theirs could join its Persian twin.
	langOf := make([]string, len(in.Surveys))
	for i, s := range in.Surveys {
		if s.Definition != nil && !s.Definition.Multilingual() {
			langOf[i] = s.Definition.Language
		}
	}
	for pi, p := range people {
		st.start[pi] = int32(len(st.texts))
		sat, hasSat := p.satisfactionOf(cat, satQs)
		for _, qi := range textQs {
			v := p.answerAt(cat, qi)
			if v == nil || v.Text == "" {
				continue
			}
			id := cat.order[qi]
			sk := segKey{p.survey, id, p.tp}
			seg := shared[sk]
			if seg == nil {
				q, slug := cat.byID[id], in.Surveys[p.survey].Slug
				seg = map[string]string{"source": "survey", "survey": slug, "question": id}
				if q.Stage != "" {
					seg["stage"] = string(q.Stage)
				}
				if p.tp != "" {
					seg["link"] = p.tp
				}
				shared[sk] = seg
			}
			t := analysis.Text{ID: strconv.Itoa(len(st.texts)), Person: p.id, Text: v.Text, Segments: seg,
				Lang: langOf[p.survey], Prompted: cat.byID[id].Role == survey.RolePain}
			if hasSat {
				sc := scores[sat]
				if sc == nil {
					sc = analysis.Score(sat)
					scores[sat] = sc
				}
				t.Satisfaction = sc
			}
			st.texts = append(st.texts, t)
			st.refs = append(st.refs, textRef{who: int32(pi), at: int32(qi)})
		}
	}
	st.start[len(people)] = int32(len(st.texts))
	for _, tr := range in.Transcripts {
		if tr.Kind == survey.KindInterview {
			info.Interviews++
		} else {
			info.Transcripts++
		}
		for _, u := range tr.Utterances {
			if !u.Customer || u.Text == "" {
				continue
			}
			info.Utterances++
			person := participantKey(tr, u.Speaker)
			t := analysis.Text{
				ID: strconv.Itoa(len(st.texts)), Person: person, Text: u.Text,
				Segments: map[string]string{"source": string(tr.Kind), "transcript": tr.Title},
				Thread:   "t:" + strconv.FormatInt(int64(tr.ID), 10),
			}
			if tr.Stage != "" {
				t.Segments["stage"] = string(tr.Stage)
			}
			st.texts = append(st.texts, t)
			st.refs = append(st.refs, textRef{who: -1, at: int32(len(st.utts))})
			st.utts = append(st.utts, utterance{id: fmt.Sprintf("t:%d:%d", tr.ID, u.Order), person: person})
		}
	}
	st.texts = slices.Clip(st.texts)
	return st
}

// index is the position of the text a member id names (-1 when none).
func (st *studyTexts) index(id string) int {
	i, err := strconv.Atoi(id)
	if err != nil || i < 0 || i >= len(st.refs) {
		return -1
	}
	return i
}

// respondent is the position in people of text i's author, -1 for an
// utterance.
func (st *studyTexts) respondent(i int) int { return int(st.refs[i].who) }

// person is the id of text i's author: the response id, or the
// participant key of an utterance's speaker.
func (st *studyTexts) person(i int) string { return st.texts[i].Person }

// fullID is text i's id in the result: "r:RESPONSE:QUESTION" for an open
// answer, "t:TRANSCRIPT:LINE" for an utterance.
func (st *studyTexts) fullID(cat *catalog, people []*respondent, i int) string {
	r := st.refs[i]
	if r.who < 0 {
		return st.utts[r.at].id
	}
	return "r:" + people[r.who].id + ":" + cat.order[r.at]
}

// nameMembers gives the pain points' members their full ids.
func (st *studyTexts) nameMembers(cat *catalog, people []*respondent, pps []analysis.PainPoint) {
	for pi := range pps {
		for mi, m := range pps[pi].Members {
			if i := st.index(m); i >= 0 {
				pps[pi].Members[mi] = st.fullID(cat, people, i)
			}
		}
	}
}

// bits is a set of respondent positions.
type bits []uint64

func newBits(n int) bits { return make(bits, (n+63)/64) }

func (b bits) set(i int) { b[i/64] |= 1 << (i % 64) }

func (b bits) has(i int) bool { return i/64 < len(b) && b[i/64]&(1<<(i%64)) != 0 }

// voiceSets are the people voicing each pain point: respondents by
// position, interview and focus-group participants by key.
type voiceSets struct {
	respondents  map[string]bits
	participants map[string]map[string]bool
}

// participant tells whether participant key who voices pain point key.
func (v voiceSets) participant(key, who string) bool { return v.participants[key][who] }

// voicedBy finds who voices each pain point.
func voicedBy(r analysis.PainPointResult, st *studyTexts, people int) voiceSets {
	out := voiceSets{respondents: map[string]bits{}, participants: map[string]map[string]bool{}}
	for _, pp := range r.PainPoints {
		flags := newBits(people)
		parts := map[string]bool{}
		for _, m := range pp.Members {
			i := st.index(m)
			if i < 0 {
				continue
			}
			if who := st.respondent(i); who >= 0 {
				flags.set(who)
			} else {
				parts[st.person(i)] = true
			}
		}
		out.respondents[pp.Key], out.participants[pp.Key] = flags, parts
	}
	return out
}

// respondentWords are the survey respondents' words for the persona cards
// (personas.Words), read from the texts rather than copied per respondent.
type respondentWords struct {
	st *studyTexts
	// pain holds, per pain point key, the words each respondent says it
	// with (their first text among its members that says it,
	// PainPoint.Says: a member by another of the group's words is no
	// quote for it), by respondent.
	pain map[string][]voice
}

// voice is a respondent's text, by positions.
type voice struct{ who, text int32 }

func newRespondentWords(found analysis.PainPointResult, st *studyTexts, people int) *respondentWords {
	w := &respondentWords{st: st, pain: make(map[string][]voice, len(found.PainPoints))}
	seen := newBits(people)
	for pi, pp := range found.PainPoints {
		if _, done := w.pain[pp.Key]; done {
			continue
		}
		var vs []voice
		for oi := pi; oi < len(found.PainPoints); oi++ { // every pain point of this key, in order
			other := &found.PainPoints[oi]
			if other.Key != pp.Key {
				continue
			}
			for j, m := range other.Members {
				i := st.index(m)
				if i < 0 || !other.Says(j) {
					continue
				}
				if who := st.respondent(i); who >= 0 && !seen.has(who) {
					seen.set(who)
					vs = append(vs, voice{int32(who), int32(i)})
				}
			}
		}
		for _, v := range vs {
			seen[v.who/64] = 0
		}
		slices.SortFunc(vs, func(a, b voice) int { return int(a.who - b.who) })
		w.pain[pp.Key] = slices.Clip(vs)
	}
	return w
}

func (w *respondentWords) Quotes(i int, buf []string) []string {
	for _, t := range w.st.texts[w.st.start[i]:w.st.start[i+1]] {
		buf = append(buf, t.Text)
	}
	return buf
}

func (w *respondentWords) PainQuotes(key string, fn func(i int, text string)) {
	for _, v := range w.pain[key] {
		fn(int(v.who), w.st.texts[v.text].Text)
	}
}
