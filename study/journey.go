package study

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/safarhq/safar/internal/jalali"
	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/survey"
)

// touchpointMatrix counts who uses which touchpoint at which stage, per
// persona and overall, with the satisfaction there. Use comes from
// touchpoint questions that name a stage (each chosen option), from
// satisfaction ratings about a touchpoint at a stage (answering one means
// having used it when the survey asks it of its users: on a condition, or
// leaving it is allowed; a rating everyone must answer gives satisfaction
// only), and from interview and focus-group sessions held about a
// stage and touchpoints (counted apart from the respondents, whom the
// shares are of). voiced are the pain points' voices, respondents
// by position and transcript participants by key.
//
// The pass over the respondents works on numbers: each stage and
// touchpoint pair (a cell of the matrix) is numbered the first time it is
// met, the questions it reads are picked once, and a cell's views
// (everyone, each persona) are a slice by persona.
func touchpointMatrix(cat *catalog, people []*respondent, in Input, stages []PainStage, voiced voiceSets, lang string) []TouchpointCell {
	type use struct {
		users        int
		participants map[string]bool // transcript speakers, who may recur across sessions
		from         []string        // the sources: question ids, "transcripts"
		satSum       float64
		satN         int
		pains        []bool // per entry of stages: voiced by one of its users
	}
	type pair struct {
		stage, tp string
		placed    []bits // the voices of the pain points placed at the stage, by position in stages
		at        []int  // those positions
		views     []*use // by persona, 0 for everyone
	}
	var pairs []*pair
	pairOf := map[[2]string]int{}
	// The pain points placed at each stage, by position in stages.
	placed := map[string][]int{}
	for si, s := range stages {
		if s.Stage != "" {
			placed[s.Stage] = append(placed[s.Stage], si)
		}
	}
	number := func(stage, tp string) int {
		k := [2]string{stage, tp}
		if i, ok := pairOf[k]; ok {
			return i
		}
		p := &pair{stage: stage, tp: tp, at: placed[stage]}
		for _, si := range p.at {
			p.placed = append(p.placed, voiced.respondents[stages[si].Key])
		}
		pairOf[k] = len(pairs)
		pairs = append(pairs, p)
		return len(pairs) - 1
	}
	cellOf := func(pi, persona int) *use {
		p := pairs[pi]
		if persona >= len(p.views) {
			p.views = append(p.views, make([]*use, persona+1-len(p.views))...)
		}
		c := p.views[persona]
		if c == nil {
			c = &use{pains: make([]bool, len(stages))}
			p.views[persona] = c
		}
		return c
	}
	labels := map[string]string{}
	// Touchpoint questions that name a stage, with the cell of each option
	// chosen so far; satisfaction ratings about a touchpoint at a stage.
	type tpQuestion struct {
		id, stage string
		cells     map[string]int // option value -> pair
	}
	type satQuestion struct {
		id   string
		q    *survey.Question
		cell int
		use  bool // answering it means having used the touchpoint there
	}
	var tpQs []tpQuestion
	var satQs []satQuestion
	for _, id := range cat.order {
		q := cat.byID[id]
		switch {
		case q.Stage == "":
		case q.Role == survey.RoleTouchpoint:
			tpQs = append(tpQs, tpQuestion{id: id, stage: string(q.Stage), cells: map[string]int{}})
		case q.Role == survey.RoleSatisfaction && q.Touchpoint != "" && isScaled(q):
			satQs = append(satQs, satQuestion{id: id, q: q, cell: -1, use: q.ShowIf != nil || !q.Required})
		}
	}
	// A touchpoint is named by the first touchpoint question, in the
	// survey's order, that offers it, not by whichever a respondent happened
	// to choose first: the purchase question's "Instagram direct messages"
	// had named the Instagram that 41% heard of the store through.
	for _, tq := range tpQs {
		for _, o := range cat.byID[tq.id].Options {
			if _, seen := labels[o.Value]; !seen {
				labels[o.Value] = cat.label(tq.id, o.Value)
			}
		}
	}
	var (
		marked []int    // the cells one respondent uses
		rated  []int    // and the cells they only rated (asked of everyone)
		named  []string // the stages where they said which touchpoints they used
		views  []int    // the views they count in: everyone, and their persona
	)
	for _, p := range people {
		marked, rated, named = marked[:0], rated[:0], named[:0]
		views = append(views[:0], 0)
		if p.persona > 0 {
			views = append(views, int(p.persona))
		}
		cite := func(pi int, source string) {
			for _, per := range views {
				c := cellOf(pi, per)
				if !slices.Contains(c.from, source) {
					c.from = append(c.from, source)
				}
			}
		}
		mark := func(pi int, source string) {
			cite(pi, source)
			if !slices.Contains(marked, pi) {
				marked = append(marked, pi)
			}
		}
		// Touchpoint questions first: what a respondent says they used at a
		// stage decides what their ratings at that stage are about.
		for i := range tpQs {
			tq := &tpQs[i]
			v, ok := p.answer(cat, tq.id)
			if !ok {
				continue
			}
			choose := func(c string) {
				if c == "" {
					return
				}
				if !slices.Contains(named, tq.stage) {
					named = append(named, tq.stage)
				}
				if c == survey.OtherValue {
					return
				}
				pi, ok := tq.cells[c]
				if !ok {
					if _, seen := labels[c]; !seen {
						labels[c] = cat.label(tq.id, c)
					}
					pi = number(tq.stage, c)
					tq.cells[c] = pi
				}
				mark(pi, tq.id)
			}
			for _, c := range v.Choices {
				choose(c)
			}
			choose(v.Choice)
		}
		// A rating about a touchpoint at a stage means having used it there
		// when the survey asks it of its users: shown because of an earlier
		// answer, or one the respondent could leave. A rating everyone must
		// answer says how they rate it, not that they used it (the demo's
		// delivery rating, asked of all, made 100% of the persona that buys
		// in store courier users). Either way, a respondent who named other
		// touchpoints for that stage rated those: a "checkout" rating tagged
		// website is then about the store they said they bought in, and
		// counts neither as website use nor as website satisfaction. (It
		// made 100% of every persona website users at purchase while 21%
		// bought in store.)
		for i := range satQs {
			sq := &satQs[i]
			v, ok := p.answer(cat, sq.id)
			if !ok || v.Number == nil {
				continue
			}
			st := string(sq.q.Stage)
			if sq.cell < 0 {
				sq.cell = number(st, sq.q.Touchpoint)
			}
			if slices.Contains(named, st) && !slices.Contains(marked, sq.cell) {
				continue
			}
			f, ok := normalized(sq.q, *v.Number)
			if !ok {
				continue
			}
			if sq.use {
				mark(sq.cell, sq.id)
			} else {
				cite(sq.cell, sq.id)
				rated = append(rated, sq.cell)
			}
			for _, per := range views {
				c := cellOf(sq.cell, per)
				c.satSum += f
				c.satN++
			}
		}
		// A pain point is at a touchpoint when one of its voices used it
		// or rated it there (the delivery rating asked of everyone still
		// ties late deliveries to the courier).
		for i, pi := range append(marked, rated...) {
			pr := pairs[pi]
			for _, per := range views {
				c := cellOf(pi, per)
				if i < len(marked) {
					c.users++
				}
				for j, si := range pr.at {
					if !c.pains[si] && pr.placed[j].has(int(p.idx)) {
						c.pains[si] = true
					}
				}
			}
		}
	}
	for _, tr := range in.Transcripts {
		if tr.Stage == "" {
			continue
		}
		st := string(tr.Stage)
		for _, u := range tr.Utterances {
			if !u.Customer {
				continue
			}
			who := participantKey(tr, u.Speaker)
			for _, tp := range tr.Touchpoints {
				c := cellOf(number(st, tp), 0)
				if !slices.Contains(c.from, "transcripts") {
					c.from = append(c.from, "transcripts")
				}
				if c.participants == nil {
					c.participants = map[string]bool{}
				}
				c.participants[who] = true
				for _, si := range placed[st] {
					if voiced.participant(stages[si].Key, who) {
						c.pains[si] = true
					}
				}
			}
		}
	}
	size := map[int]int{0: len(people)}
	for _, p := range people {
		if p.persona > 0 {
			size[int(p.persona)]++
		}
	}
	var out []TouchpointCell
	for _, pr := range pairs {
		for persona, u := range pr.views {
			if u == nil {
				continue
			}
			// The share is of the respondents: the participants, who are
			// none of them, are counted apart (QA D4: an interview at the
			// use stage made the courier used by 659 of 658 respondents).
			c := TouchpointCell{Persona: persona, Stage: pr.stage, Touchpoint: pr.tp, Label: touchpointLabel(lang, pr.tp, labels),
				Users: u.users, Participants: len(u.participants)}
			if n := size[persona]; n > 0 {
				c.Share = round3(float64(u.users) / float64(n))
			}
			if u.satN > 0 {
				s := math.Round(1000*u.satSum/float64(u.satN)) / 10
				c.Satisfaction, c.SatisfactionN = &s, u.satN
			}
			c.From = slices.Sorted(slices.Values(u.from))
			for si, ok := range u.pains {
				if ok {
					c.PainPoints = append(c.PainPoints, stages[si].Key)
				}
			}
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Persona != b.Persona {
			return a.Persona < b.Persona
		}
		if stageIndex(a.Stage) != stageIndex(b.Stage) {
			return stageIndex(a.Stage) < stageIndex(b.Stage)
		}
		if a.Users != b.Users {
			return a.Users > b.Users
		}
		if a.Participants != b.Participants {
			return a.Participants > b.Participants
		}
		return a.Touchpoint < b.Touchpoint
	})
	return out
}

// TouchpointName names a touchpoint key in lang as the journey does where no
// touchpoint question labels it: a known name ("store_qr" is "In-store QR
// code"), else the key with spaces for underscores.
func TouchpointName(lang, tp string) string { return touchpointLabel(lang, tp, nil) }

// touchpointLabel names a touchpoint: an option label when a touchpoint
// question has it, else a known name in the study's language.
func touchpointLabel(lang, tp string, labels map[string]string) string {
	if l, ok := labels[tp]; ok && l != "" {
		return l
	}
	if l, ok := knownTouchpoints[lang][tp]; ok {
		return l
	}
	return strings.ReplaceAll(tp, "_", " ")
}

var knownTouchpoints = map[string]map[string]string{
	"en": {"website": "Website", "app": "Mobile app", "instagram": "Instagram", "courier": "Courier", "call_centre": "Call centre",
		"store": "Store", "email": "E-mail", "sms": "SMS", "phone": "Phone", "search": "Web search", "ads": "Ads", "chat": "Chat",
		"friend": "Word of mouth", "store_qr": "In-store QR code"},
	"fa": {"website": "وب‌سایت", "app": "اپلیکیشن", "instagram": "اینستاگرام", "courier": "پیک", "call_centre": "مرکز تماس",
		"store": "فروشگاه", "email": "ایمیل", "sms": "پیامک", "phone": "تلفن", "search": "جست‌وجو", "ads": "تبلیغات", "chat": "گفتگو",
		"friend": "توصیهٔ دیگران", "store_qr": "کد QR فروشگاه"},
}

// everyone names the journey of all customers (persona 0).
var everyone = map[string]string{"en": "All customers", "fa": "همهٔ مشتریان"}

// journeys builds the journey map of everyone (persona 0) and of each persona.
func journeys(cat *catalog, people []*respondent, scores []stageScore, pr *personas.Result, res *Result, voiced voiceSets, lang string) []Journey {
	type who struct {
		id   int
		name string
	}
	list := []who{{0, everyone[lang]}}
	if pr != nil {
		for _, p := range pr.Personas {
			list = append(list, who{p.ID, p.Name})
		}
	}
	// The questions behind each stage's emotion score.
	var stageQuestions [6][]string
	for _, id := range cat.order {
		q := cat.byID[id]
		if q.Role == survey.RoleSatisfaction && q.Stage != "" && isScaled(q) {
			if i := stageIndex(string(q.Stage)); i < len(stageQuestions) {
				stageQuestions[i] = append(stageQuestions[i], id)
			}
		}
	}
	for i := range stageQuestions {
		slices.Sort(stageQuestions[i])
	}
	pains := map[string]int{} // key -> index in res.PainPoints
	for i, pp := range res.PainPoints.PainPoints {
		pains[pp.Key] = i
	}
	var out []Journey
	for _, w := range list {
		var members []*respondent
		for _, p := range people {
			if w.id == 0 || int(p.persona) == w.id {
				members = append(members, p)
			}
		}
		j := Journey{Persona: w.id, Name: w.name, Size: len(members)}
		stageGoals := map[string][]Goal{}
		for _, id := range cat.order {
			q := cat.byID[id]
			if q.Role != survey.RoleGoal || (q.Type != survey.Single && q.Type != survey.Dropdown && q.Type != survey.Multiple) {
				continue
			}
			counts, answered := map[string]int{}, 0
			for _, p := range members {
				v, ok := p.answer(cat, id)
				if !ok {
					continue
				}
				answered++
				for _, c := range append(slices.Clone(v.Choices), v.Choice) {
					if c != "" {
						counts[c]++
					}
				}
			}
			if answered == 0 {
				continue
			}
			top := KeysByCount(counts)[0]
			g := Goal{Question: q.Text.In(cat.lang), Answer: cat.label(id, top), Share: round3(float64(counts[top]) / float64(answered))}
			if q.Stage == "" {
				j.Goals = append(j.Goals, g)
			} else {
				stageGoals[string(q.Stage)] = append(stageGoals[string(q.Stage)], g)
			}
		}
		for _, st := range survey.Stages {
			js := JourneyStage{Stage: string(st), Goals: stageGoals[string(st)]}
			for _, c := range res.Touchpoints {
				if c.Persona == w.id && c.Stage == string(st) && c.Users+c.Participants > 0 && len(js.Touchpoints) < 5 {
					js.Touchpoints = append(js.Touchpoints, c.Label)
				}
			}
			si := stageIndex(string(st))
			var sum float64
			for _, p := range members {
				sum += scores[p.idx].sum[si]
				js.EmotionN += int(scores[p.idx].n[si])
			}
			if js.EmotionN > 0 {
				e := math.Round(1000*sum/float64(js.EmotionN)) / 10
				js.Emotion, js.EmotionFrom = &e, stageQuestions[si]
			}
			for _, ps := range res.Stages {
				if ps.Stage != string(st) {
					continue
				}
				pp := res.PainPoints.PainPoints[pains[ps.Key]]
				n := 0
				flags := voiced.respondents[ps.Key]
				for _, p := range members {
					if flags.has(int(p.idx)) {
						n++
					}
				}
				if n == 0 || len(members) == 0 {
					continue
				}
				js.PainPoints = append(js.PainPoints, JourneyPain{Key: pp.Key, Label: pp.Label, People: n,
					Share: round3(float64(n) / float64(len(members))), Severity: pp.Severity, Priority: pp.Priority})
			}
			sort.SliceStable(js.PainPoints, func(a, b int) bool { return js.PainPoints[a].People > js.PainPoints[b].People })
			js.Opportunities = opportunities(lang, js.PainPoints, len(members))
			js.Quotes = stageQuotes(js.PainPoints, func(key string) []string { return res.PainPoints.PainPoints[pains[key]].Examples })
			j.Stages = append(j.Stages, js)
		}
		placed := map[string]bool{}
		for _, ps := range res.Stages {
			placed[ps.Key] = ps.Stage != ""
		}
		for _, pp := range res.PainPoints.PainPoints {
			if placed[pp.Key] {
				continue
			}
			n := 0
			flags := voiced.respondents[pp.Key]
			for _, p := range members {
				if flags.has(int(p.idx)) {
					n++
				}
			}
			if n == 0 {
				continue
			}
			j.Unplaced = append(j.Unplaced, JourneyPain{Key: pp.Key, Label: pp.Label, People: n,
				Share: round3(float64(n) / float64(len(members))), Severity: pp.Severity, Priority: pp.Priority})
		}
		sort.SliceStable(j.Unplaced, func(a, b int) bool { return j.Unplaced[a].People > j.Unplaced[b].People })
		out = append(out, j)
	}
	return out
}

// Opportunities are the pain points of a journey stage (most people first,
// as JourneyStage.PainPoints are) worth fixing first: those with high reach
// and severity, at most three. JourneyStage.Opportunities words them in the
// result's language; a reader in another language words them from these.
func Opportunities(pains []JourneyPain) []JourneyPain {
	var out []JourneyPain
	for _, jp := range pains {
		if jp.Share >= 0.05 && jp.Severity >= 0.4 && len(out) < 3 {
			out = append(out, jp)
		}
	}
	return out
}

// opportunities words the Opportunities among pains in lang, for a journey
// of size people.
func opportunities(lang string, pains []JourneyPain, size int) []string {
	var out []string
	for _, jp := range Opportunities(pains) {
		out = append(out, opportunity(lang, jp, size))
	}
	return out
}

// opportunity words a stage x pain point cell with high reach and severity.
func opportunity(lang string, jp JourneyPain, size int) string {
	if lang == "fa" {
		// Its numbers in Persian digits, as the Persian pages and workbook
		// show numbers (the label is the members' words, as written).
		fa := func(format string, v any) string {
			return strings.ReplaceAll(jalali.PersianDigits(fmt.Sprintf(format, v)), ".", "٫")
		}
		return fmt.Sprintf("رفع «%s»: %s نفر از %s (%s٪)، شدت %s", jp.Label, fa("%d", jp.People), fa("%d", size), fa("%.0f", 100*jp.Share), fa("%.2f", jp.Severity))
	}
	return fmt.Sprintf("Fix %q: %d of %d (%.0f%%), severity %.2f", jp.Label, jp.People, size, 100*jp.Share, jp.Severity)
}

// stageQuotes are a journey stage's quotes: the first example of each of
// its first two pain points that has one (examples gives a pain point's
// by key).
func stageQuotes(pains []JourneyPain, examples func(key string) []string) []string {
	var out []string
	for _, jp := range pains {
		if len(out) == 2 {
			break
		}
		if ex := examples(jp.Key); len(ex) > 0 {
			out = append(out, ex[0])
		}
	}
	return out
}
