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
	c := newTextCollector(cat, in, nil)
	for pi, p := range people {
		c.add(pi, p)
	}
	utts, ids := transcriptTexts(in)
	return c.finish(utts, ids, info)
}

// A textCollector gathers the respondents' texts as they are read
// (readRespondents), handing each to the pain points' TextStream, if any,
// so the texts are analysed while the rest of the study is still read.
type textCollector struct {
	cat    *catalog
	in     Input
	stream *analysis.TextStream
	// The texts and their refs a block at a time: their number is known
	// at the end only, and a slice of 100,000 texts (112 bytes each) grown
	// by append is copied many times over; finish makes each one slice of
	// its size.
	texts blocks[analysis.Text]
	refs  blocks[textRef]
	start []int32
	// Texts with the same segments share one map (the analysis only reads
	// them): a big survey has a handful of combinations, not a map per answer.
	shared map[segKey]map[string]string
	// Satisfaction scores are shared too: respondents' overall scores take
	// few distinct values.
	scores map[float64]*float64
	textQs []int // catalog positions of the open questions
	satQs  []satQ
}

type segKey struct {
	survey         uint16
	question, link string
}

func newTextCollector(cat *catalog, in Input, stream *analysis.TextStream) *textCollector {
	c := &textCollector{cat: cat, in: in, stream: stream,
		shared: map[segKey]map[string]string{}, scores: map[float64]*float64{}, satQs: cat.satisfactionQs()}
	for i, id := range cat.order {
		if isText(cat.byID[id]) {
			c.textQs = append(c.textQs, i)
		}
	}
	return c
}

// add adds the texts of respondent p, at position pi in people (the
// respondents are added in order).
func (c *textCollector) add(pi int, p *respondent) {
	cat := c.cat
	c.start = append(c.start, int32(c.texts.n))
	var sat float64
	hasSat := false
	for _, qi := range c.textQs {
		v := p.answerAt(cat, qi)
		if v == nil || v.Text == "" {
			continue
		}
		if c.texts.n == int(c.start[pi]) { // the respondent's first text
			sat, hasSat = p.satisfactionOf(cat, c.satQs)
		}
		id := cat.order[qi]
		sk := segKey{p.survey, id, p.tp}
		seg := c.shared[sk]
		if seg == nil {
			q, slug := cat.byID[id], c.in.Surveys[p.survey].Slug
			seg = map[string]string{"source": "survey", "survey": slug, "question": id}
			if q.Stage != "" {
				seg["stage"] = string(q.Stage)
			}
			if p.tp != "" {
				seg["link"] = p.tp
			}
			c.shared[sk] = seg
		}
		t := analysis.Text{ID: strconv.Itoa(c.texts.n), Person: p.id, Text: v.Text, Segments: seg,
			Lang: c.in.Surveys[p.survey].Definition.Language}
		if hasSat {
			sc := c.scores[sat]
			if sc == nil {
				sc = analysis.Score(sat)
				c.scores[sat] = sc
			}
			t.Satisfaction = sc
		}
		c.texts.add(t)
		c.refs.add(textRef{who: int32(pi), at: int32(qi)})
		if c.stream != nil {
			c.stream.Add(t.Text)
		}
	}
}

// transcriptTexts are the customer utterances of the study's transcripts
// as pain-point texts (without their ids, which are their positions among
// all the texts) and the utterances' full ids.
func transcriptTexts(in Input) ([]analysis.Text, []utterance) {
	var texts []analysis.Text
	var utts []utterance
	for _, tr := range in.Transcripts {
		for _, u := range tr.Utterances {
			if !u.Customer || u.Text == "" {
				continue
			}
			person := participantKey(tr, u.Speaker)
			t := analysis.Text{
				Person: person, Text: u.Text,
				Segments: map[string]string{"source": string(tr.Kind), "transcript": tr.Title},
				Thread:   "t:" + strconv.FormatInt(int64(tr.ID), 10),
			}
			if tr.Stage != "" {
				t.Segments["stage"] = string(tr.Stage)
			}
			texts = append(texts, t)
			utts = append(utts, utterance{id: fmt.Sprintf("t:%d:%d", tr.ID, u.Order), person: person})
		}
	}
	return texts, utts
}

// finish makes the study's texts: the respondents' added, then the
// utterances (transcriptTexts). It counts the transcripts in info.
func (c *textCollector) finish(utts []analysis.Text, ids []utterance, info *Info) *studyTexts {
	for _, tr := range c.in.Transcripts {
		if tr.Kind == survey.KindInterview {
			info.Interviews++
		} else {
			info.Transcripts++
		}
	}
	info.Utterances += len(utts)
	n := c.texts.n
	st := &studyTexts{texts: c.texts.all(len(utts)), refs: c.refs.all(len(utts)), utts: ids,
		start: append(c.start, int32(n))}
	c.texts, c.refs = blocks[analysis.Text]{}, blocks[textRef]{}
	for i, t := range utts {
		t.ID = strconv.Itoa(n + i)
		st.texts = append(st.texts, t)
		st.refs = append(st.refs, textRef{who: -1, at: int32(i)})
		if c.stream != nil {
			c.stream.Add(t.Text)
		}
	}
	return st
}

// blocks collects values a block at a time.
type blocks[T any] struct {
	full [][]T
	last []T
	n    int
}

func (b *blocks[T]) add(v T) {
	if len(b.last) == cap(b.last) {
		if b.last != nil {
			b.full = append(b.full, b.last)
		}
		b.last = make([]T, 0, 4096)
	}
	b.last = append(b.last, v)
	b.n++
}

// all is the values in one slice, with room for extra more.
func (b *blocks[T]) all(extra int) []T {
	out := make([]T, 0, b.n+extra)
	for _, f := range b.full {
		out = append(out, f...)
	}
	return append(out, b.last...)
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
	// pain holds, per pain point key, the words each voicing respondent
	// voices it with (their first text among its members), by respondent.
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
		for _, other := range found.PainPoints[pi:] { // every pain point of this key, in order
			if other.Key != pp.Key {
				continue
			}
			for _, m := range other.Members {
				i := st.index(m)
				if i < 0 {
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
