package study

import (
	"math"
	"slices"
	"sort"

	"github.com/safarhq/safar/analysis"
)

// One project, several languages, one analysis. A project that asks the
// same survey in Persian and English gets pain points from each language
// that the text analysis cannot join: their words share nothing. What
// they do share is the people behind them. Those who complain about late
// parcels in Persian rated the delivery low, came through the same links
// and gave the same closed answers as those who complain about it in
// English, because the surveys ask the same questions under the same ids:
// that parallel structure is the bilingual resource. So two pain points
// voiced in different languages are linked when their voices' answer
// profiles (what sets them apart from everyone else who wrote in their
// language) point the same way, and each is the other's best match. No
// word list is involved.

// Voice is what the linking knows about the author of one text.
type Voice struct {
	Person   string
	Lang     string   // "fa", "en"
	Question string   // the open question the text answers; "" for a transcript turn
	Features []string // the person's closed answers, as "question=value" (ratings as low/high)
}

// LabelSet is a pain point's label in each language it was voiced in.
type LabelSet map[string]string

// minLinkScore is the least cosine similarity of two answer profiles for
// a link (docs/languages.md has the demo's numbers).
const minLinkScore = 0.75

// minDominance is the share of a pain point's voices in one language for
// it to count as voiced in that language only; the text analysis already
// joined the others by their words.
const minDominance = 0.9

// minVoices is the least number of persons behind a pain point for its
// profile to mean anything.
const minVoices = 3

// LinkLanguages joins pain points voiced in different languages about the
// same problem: one pain point, labelled in each language (labels), reach
// counted once per person, ranked again by priority. people is the number
// of persons the shares are of. Pain points and voices are plain values
// so the linking is testable on a small fixture.
func LinkLanguages(pps []analysis.PainPoint, voices map[string]Voice, people int) ([]analysis.PainPoint, map[string]LabelSet) {
	profiles := make([]profile, len(pps))
	base := baselines(voices)
	for i := range pps {
		profiles[i] = newProfile(pps[i], voices, base)
	}
	// Each pain point's best match in another language.
	best, score := make([]int, len(pps)), make([]float64, len(pps))
	for i := range pps {
		best[i] = -1
		for j := range pps {
			pi, pj := profiles[i], profiles[j]
			if i == j || pi.lang == "" || pj.lang == "" || pi.lang == pj.lang || !shareQuestion(pi, pj) {
				continue
			}
			if s := cosine(pi.lift, pj.lift); s > score[i] {
				best[i], score[i] = j, s
			}
		}
	}
	// Two pain points that are each other's best match join, the smaller
	// into the larger: one to one, so a pain point whose voices resemble
	// several in the other language (the same kind of customer voices
	// several problems) joins none of them.
	parent := make([]int, len(pps))
	for i := range pps {
		parent[i] = -1
		if j := best[i]; j >= 0 && best[j] == i && score[i] >= minLinkScore && larger(pps, j, i) {
			parent[i] = j
		}
	}
	labels := map[string]LabelSet{}
	var out []analysis.PainPoint
	for i := range pps {
		if parent[i] >= 0 {
			continue
		}
		p := pps[i]
		set := LabelSet{}
		set.add(p.Label)
		for j := range pps {
			if parent[j] == i {
				p = join(p, pps[j], voices, people)
				set.add(pps[j].Label)
			}
		}
		labels[p.Key] = set
		out = append(out, p)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Priority > out[b].Priority })
	for i := range out {
		out[i].Rank = i + 1
	}
	return out, labels
}

// add records label under its language, the first one of each winning.
func (s LabelSet) add(label string) {
	if lang := analysis.DetectLanguage(label); s[lang] == "" {
		s[lang] = label
	}
}

// larger orders pain points by reach, then by position.
func larger(pps []analysis.PainPoint, a, b int) bool {
	if pps[a].Documents != pps[b].Documents {
		return pps[a].Documents > pps[b].Documents
	}
	return a < b
}

// join merges b into a: members in both (a person voicing both counts
// once), texts added, severity weighted by reach, segments added.
func join(a, b analysis.PainPoint, voices map[string]Voice, people int) analysis.PainPoint {
	out := a
	out.Terms = append(slices.Clip(a.Terms), b.Terms...)
	out.Members = append(slices.Clip(a.Members), b.Members...)
	persons := map[string]bool{}
	for _, m := range out.Members {
		persons[personOfText(m, voices)] = true
	}
	out.Documents = len(persons)
	out.Texts = a.Texts + b.Texts
	if a.Documents+b.Documents > 0 {
		out.Severity = (a.Severity*float64(a.Documents) + b.Severity*float64(b.Documents)) / float64(a.Documents+b.Documents)
	}
	if people > 0 {
		out.Share = float64(out.Documents) / float64(people)
	}
	out.Priority = out.Share * (0.5 + 0.5*out.Severity)
	out.Segments = addCounts(a.Segments, b.Segments)
	if a.Breakdown != nil || b.Breakdown != nil {
		out.Breakdown = map[string]map[string]int{}
		for _, bd := range []map[string]map[string]int{a.Breakdown, b.Breakdown} {
			for k, m := range bd {
				out.Breakdown[k] = addCounts(out.Breakdown[k], m)
			}
		}
	}
	out.Examples = nil
	for i := 0; i < max(len(a.Examples), len(b.Examples)); i++ {
		for _, ex := range [][]string{a.Examples, b.Examples} {
			if i < len(ex) {
				out.Examples = append(out.Examples, ex[i])
			}
		}
	}
	return out
}

func personOfText(id string, voices map[string]Voice) string {
	if v, ok := voices[id]; ok && v.Person != "" {
		return v.Person
	}
	return id
}

func addCounts(a, b map[string]int) map[string]int {
	if a == nil && b == nil {
		return nil
	}
	out := make(map[string]int, len(a)+len(b))
	for _, m := range []map[string]int{a, b} {
		for k, n := range m {
			out[k] += n
		}
	}
	return out
}

// profile is what sets a pain point's voices apart within their language.
type profile struct {
	lang      string             // the language most of its voices use, if dominant
	questions map[string]bool    // the open questions its texts answer
	lift      map[string]float64 // feature -> log lift over the language's baseline, when positive
}

// baseline is, per language, how many persons have each feature.
type baseline struct {
	persons  map[string]int
	features map[string]map[string]int
}

func baselines(voices map[string]Voice) baseline {
	b := baseline{persons: map[string]int{}, features: map[string]map[string]int{}}
	seen := map[string]bool{}
	for _, v := range voices {
		if seen[v.Person] || v.Lang == "" {
			continue
		}
		seen[v.Person] = true
		b.persons[v.Lang]++
		if b.features[v.Lang] == nil {
			b.features[v.Lang] = map[string]int{}
		}
		for _, f := range v.Features {
			b.features[v.Lang][f]++
		}
	}
	return b
}

func newProfile(p analysis.PainPoint, voices map[string]Voice, base baseline) profile {
	pr := profile{questions: map[string]bool{}, lift: map[string]float64{}}
	byLang := map[string]int{}
	persons := map[string]Voice{}
	for _, m := range p.Members {
		v, ok := voices[m]
		if !ok {
			continue
		}
		byLang[v.Lang]++
		pr.questions[v.Question] = true
		persons[v.Person] = v
	}
	total := 0
	for _, n := range byLang {
		total += n
	}
	for lang, n := range byLang {
		if lang != "" && float64(n) >= minDominance*float64(total) {
			pr.lang = lang
		}
	}
	if len(persons) < minVoices {
		pr.lang = ""
	}
	if pr.lang == "" || base.persons[pr.lang] == 0 {
		return pr
	}
	counts := map[string]int{}
	n := 0
	for _, v := range persons {
		if v.Lang != pr.lang {
			continue
		}
		n++
		for _, f := range v.Features {
			counts[f]++
		}
	}
	all := float64(base.persons[pr.lang])
	for f, c := range counts {
		// Smoothed, so a feature two people share does not dominate.
		rate := (float64(c) + 0.5) / (float64(n) + 1)
		overall := (float64(base.features[pr.lang][f]) + 0.5) / (all + 1)
		if l := math.Log(rate / overall); l > 0 {
			pr.lift[f] = l
		}
	}
	return pr
}

// shareQuestion: the two answer the same open question, or both come
// from transcripts.
func shareQuestion(a, b profile) bool {
	for q := range a.questions {
		if b.questions[q] {
			return true
		}
	}
	return false
}

func cosine(a, b map[string]float64) float64 {
	var dot, na, nb float64
	for k, x := range a {
		na += x * x
		dot += x * b[k]
	}
	for _, y := range b {
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}
