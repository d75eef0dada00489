package study

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/survey"
)

type cellKey struct {
	persona   int
	stage, tp string
}

// touchpointMatrix counts who uses which touchpoint at which stage, per
// persona and overall, with the satisfaction there. Use comes from
// touchpoint questions that name a stage (each chosen option), from
// satisfaction ratings about a touchpoint at a stage (rating it means
// having used it), and from interview and focus-group sessions held about a
// stage and touchpoints. voiced are the pain points' voices, respondents
// by position and transcript participants by key.
func touchpointMatrix(cat *catalog, people []*respondent, in Input, stages []PainStage, voiced voiceSets, lang string) []TouchpointCell {
	type use struct {
		users        int
		participants map[string]bool // transcript speakers, who may recur across sessions
		from         map[string]bool
		satSum       float64
		satN         int
		pains        []bool // per entry of stages: voiced by one of its users
	}
	cells := map[cellKey]*use{}
	cellOf := func(k cellKey) *use {
		c := cells[k]
		if c == nil {
			c = &use{from: map[string]bool{}, pains: make([]bool, len(stages))}
			cells[k] = c
		}
		return c
	}
	labels := map[string]string{}
	// targets are the views a respondent counts in: everyone, and their persona.
	targets := func(persona int) []int {
		if persona > 0 {
			return []int{0, persona}
		}
		return []int{0}
	}
	// The pain points placed at each stage, by position in stages.
	placed := map[string][]int{}
	for si, s := range stages {
		if s.Stage != "" {
			placed[s.Stage] = append(placed[s.Stage], si)
		}
	}
	var marked []cellKey // the cells (persona 0) one respondent uses
	for _, p := range people {
		marked = marked[:0]
		views := targets(int(p.persona))
		mark := func(stage, tp, source string) *use {
			var c *use
			for _, per := range views {
				c = cellOf(cellKey{per, stage, tp})
				if !c.from[source] {
					c.from[source] = true
				}
			}
			if k := (cellKey{0, stage, tp}); !slices.Contains(marked, k) {
				marked = append(marked, k)
			}
			return c
		}
		// Touchpoint questions first: what a respondent says they used at a
		// stage decides what their ratings at that stage are about.
		named := map[string]bool{} // stages where they said which touchpoints they used
		for _, id := range cat.order {
			q := cat.byID[id]
			v, ok := p.answer(cat, id)
			if !ok || q.Stage == "" || q.Role != survey.RoleTouchpoint {
				continue
			}
			st := string(q.Stage)
			for _, c := range append(slices.Clone(v.Choices), v.Choice) {
				if c == "" {
					continue
				}
				named[st] = true
				if c != survey.OtherValue {
					if _, seen := labels[c]; !seen {
						labels[c] = cat.label(id, c)
					}
					mark(st, c, id)
				}
			}
		}
		// A rating about a touchpoint at a stage means having used it there,
		// unless the respondent named other touchpoints for that stage: a
		// "checkout" rating tagged website, which every respondent answers,
		// is then about the store they said they bought in, and counts
		// neither as website use nor as website satisfaction. (It made 100%
		// of every persona website users at purchase while 21% bought in
		// store.)
		for _, id := range cat.order {
			q := cat.byID[id]
			v, ok := p.answer(cat, id)
			if !ok || q.Stage == "" || q.Role != survey.RoleSatisfaction || q.Touchpoint == "" || !isScaled(q) || v.Number == nil {
				continue
			}
			st := string(q.Stage)
			if named[st] && !slices.Contains(marked, cellKey{0, st, q.Touchpoint}) {
				continue
			}
			f, ok := normalized(q, *v.Number)
			if !ok {
				continue
			}
			mark(st, q.Touchpoint, id)
			for _, per := range views {
				c := cells[cellKey{per, st, q.Touchpoint}]
				c.satSum += f
				c.satN++
			}
		}
		for _, k := range marked {
			for _, per := range views {
				c := cells[cellKey{per, k.stage, k.tp}]
				c.users++
				for _, si := range placed[k.stage] {
					if !c.pains[si] && voiced.respondents[stages[si].Key].has(int(p.idx)) {
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
				c := cellOf(cellKey{0, st, tp})
				c.from["transcripts"] = true
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
	for k, u := range cells {
		users := u.users + len(u.participants)
		c := TouchpointCell{Persona: k.persona, Stage: k.stage, Touchpoint: k.tp, Label: touchpointLabel(lang, k.tp, labels), Users: users}
		if n := size[k.persona]; n > 0 {
			c.Share = round3(float64(users) / float64(n))
		}
		if u.satN > 0 {
			s := math.Round(1000*u.satSum/float64(u.satN)) / 10
			c.Satisfaction, c.SatisfactionN = &s, u.satN
		}
		c.From = slices.Sorted(maps.Keys(u.from))
		for si, ok := range u.pains {
			if ok {
				c.PainPoints = append(c.PainPoints, stages[si].Key)
			}
		}
		out = append(out, c)
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
		return a.Touchpoint < b.Touchpoint
	})
	return out
}

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
				if c.Persona == w.id && c.Stage == string(st) && len(js.Touchpoints) < 5 {
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
			for _, jp := range js.PainPoints {
				if jp.Share >= 0.05 && jp.Severity >= 0.4 && len(js.Opportunities) < 3 {
					js.Opportunities = append(js.Opportunities, opportunity(lang, jp, len(members)))
				}
				if len(js.Quotes) < 2 {
					if ex := res.PainPoints.PainPoints[pains[jp.Key]].Examples; len(ex) > 0 {
						js.Quotes = append(js.Quotes, ex[0])
					}
				}
			}
			j.Stages = append(j.Stages, js)
		}
		out = append(out, j)
	}
	return out
}

// opportunity words a stage x pain point cell with high reach and severity.
func opportunity(lang string, jp JourneyPain, size int) string {
	if lang == "fa" {
		return fmt.Sprintf("رفع «%s»: %d نفر از %d (%.0f٪)، شدت %.2f", jp.Label, jp.People, size, 100*jp.Share, jp.Severity)
	}
	return fmt.Sprintf("Fix %q: %d of %d (%.0f%%), severity %.2f", jp.Label, jp.People, size, 100*jp.Share, jp.Severity)
}
