package demo

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/safarhq/safar/survey"
)

// demoStart is when the demo's fieldwork began; responses spread over the
// following ten weeks. Fixed, so the demo is the same on every machine.
var demoStart = time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)

// Responses draws n synthetic responses to a demo definition from the
// hidden customer types. The same definition, n and seed give the same
// responses (ids included).
func Responses(d *survey.Definition, n int, seed uint64) ([]*survey.Response, error) {
	data, err := spec(seed).Sample(n)
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for j, c := range data.Columns {
		col[c] = j
	}
	rng := rand.New(rand.NewPCG(seed, 0xde70))
	lang := d.Language
	out := make([]*survey.Response, n)
	for i, row := range data.Rows {
		typ := data.Class[i]
		get := func(name string) (string, bool) {
			v := row[col[name]]
			s, ok := v.(string)
			return s, ok && s != ""
		}
		a := survey.Answers{}
		for _, q := range d.Questions() {
			switch q.Type {
			case survey.Single, survey.Dropdown:
				if s, ok := get(q.ID); ok {
					a[q.ID] = survey.Value{Choice: s}
				}
			case survey.Rating, survey.Likert, survey.NPS:
				if s, ok := get(q.ID); ok {
					f, _ := strconv.ParseFloat(s, 64)
					a[q.ID] = survey.Value{Number: &f}
				}
			case survey.Number:
				if f, ok := row[col[q.ID]].(float64); ok {
					a[q.ID] = survey.Value{Number: &f}
				}
			}
		}
		var heard []string
		for _, o := range []string{"instagram", "search", "friend", "ads", "store"} {
			if s, _ := get("hf_" + o); s == "yes" {
				heard = append(heard, o)
			}
		}
		if len(heard) == 0 {
			heard = []string{[]string{"instagram", "search", "store", "friend"}[typ]}
		}
		a["heard_from"] = survey.Value{Choices: heard}
		if rng.Float64() < 0.25 {
			a["problem"] = survey.Value{Text: pick(rng, lang, positive)}
		} else if rng.Float64() < 0.8 {
			text, topics := complaint(rng, lang, typ)
			a["problem"] = survey.Value{Text: text}
			// Whoever complains about something rated that part of the
			// journey low, most of the time.
			for _, t := range topics {
				if q, ok := topicRating[t]; ok && rng.Float64() < 0.8 {
					low := float64(1 + rng.IntN(2))
					a[q] = survey.Value{Number: &low}
				}
			}
		}
		if rng.Float64() < 0.45 {
			a["wish"] = survey.Value{Text: pick(rng, lang, wishes)}
		}
		a = d.Prune(a)

		started := demoStart.Add(time.Duration(i) * 70 * 24 * time.Hour / time.Duration(n)).Add(time.Duration(rng.IntN(3600)) * time.Second)
		r := &survey.Response{
			ClientID: fmt.Sprintf("%s-%04d", d.Slug, i+1), Touchpoint: touchpoint(rng, typ), Source: "demo",
			Status: survey.Complete, StartedAt: started, Page: len(d.Pages) - 1, Answers: a,
		}
		done := started.Add(time.Duration(150+rng.IntN(300)) * time.Second)
		r.CompletedAt = &done
		if rng.Float64() < 0.08 { // dropped out after page 2 or 3
			r.Status, r.CompletedAt = survey.Partial, nil
			r.Page = 2 + rng.IntN(2)
			keep := survey.Answers{}
			for pi := 0; pi < r.Page; pi++ {
				for _, q := range d.Pages[pi].Questions {
					if v, ok := a[q.ID]; ok {
						keep[q.ID] = v
					}
				}
			}
			r.Answers = keep
		}
		out[i] = r
	}
	return out, nil
}

// complaint picks a typical complaint of the type, sometimes joins a
// second one, and writes some Persian ones with Arabic letters, as older
// keyboards do.
func complaint(rng *rand.Rand, lang string, typ int) (string, []string) {
	first := weightedPick(rng, typeTopics[typ])
	text := pick(rng, lang, topics[first])
	voiced := []string{first}
	if rng.Float64() < 0.2 {
		if second := weightedPick(rng, typeTopics[typ]); second != first {
			voiced = append(voiced, second)
			sep := " Also, "
			if lang == "fa" {
				sep = " ضمناً "
			}
			next := pick(rng, lang, topics[second])
			if lang == "en" {
				next = strings.ToLower(next[:1]) + next[1:]
			}
			text += sep + next
		}
	}
	if lang == "fa" && rng.Float64() < 0.1 {
		text = strings.NewReplacer("ی", "ي", "ک", "ك").Replace(text)
	}
	return text, voiced
}

// topicRating is the satisfaction question about the part of the journey
// a complaint is about.
var topicRating = map[string]string{
	"late_delivery": "sat_delivery", "packaging": "sat_delivery", "payment": "sat_checkout",
	"discount_code": "sat_checkout", "website_search": "sat_find", "out_of_stock": "sat_find",
	"app_usability": "sat_find", "support": "sat_support", "returns": "sat_support",
}

// pick is one of the topic's sentences in the language, drawn with one
// random number.
func pick(rng *rand.Rand, lang string, t topic) string {
	fs := t.en
	if lang == "fa" {
		fs = t.fa
	}
	return sentence(fs, rng.IntN(sentences(fs)))
}

func weightedPick(rng *rand.Rand, ws []weighted) string {
	total := 0.0
	for _, w := range ws {
		total += w.weight
	}
	x := rng.Float64() * total
	for _, w := range ws {
		if x -= w.weight; x < 0 {
			return w.key
		}
	}
	return ws[len(ws)-1].key
}

// touchpoint is the link a respondent came through (?tp=...), or none.
func touchpoint(rng *rand.Rand, typ int) string {
	links := [][]string{
		typeBargain: {"instagram", "instagram", "instagram", "sms", ""},
		typeBusy:    {"email", "website", "sms", "", ""},
		typeLoyal:   {"store_qr", "store_qr", "sms", ""},
		typeGift:    {"website", "email", "instagram", ""},
	}[typ]
	return links[rng.IntN(len(links))]
}
