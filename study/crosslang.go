package study

import (
	"maps"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

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
// profiles (how their closed answers differ from those of everyone else
// who voices a problem in their language) point the same way, each is the
// other's best match, both profiles say more than their sampling noise and
// their texts say alike what reads the same in both languages (a number,
// a time unit, a word in Latin script, a word of the survey's own wording
// in that language: crosslang_anchors.go). No topic's words are listed.

// Voice is what the linking knows about the author of one text.
type Voice struct {
	Person   string
	Lang     string   // "fa", "en"
	Question string   // the open question the text answers; "" for a transcript turn
	Features []string // the person's closed answers, as "question=value" (ratings as low/high)
	Text     string   // what they wrote
}

// LabelSet is a pain point's label in each language it was voiced in.
type LabelSet map[string]string

// minLinkScore is the least cosine similarity of two answer profiles for
// a link (docs/languages.md has the demo's numbers).
const minLinkScore = 0.55

// minReliability is the share of a profile's spread that must be more
// than sampling noise for it to be compared at all: at 1/3 the signal's
// variance is at least half the noise's. A pain point whose voices are a
// mix of unrelated complaints, or too few, has a profile that chance
// alone would draw. (Measured on 12 resamples of the demo, a gate
// anywhere from 0 to 0.4 gives the same precision; at 0.5 fewer joins are
// right and fewer true pairs join: docs/languages.md.)
const minReliability = 1.0 / 3

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
// of persons the shares are of. newVoices makes a lookup that describes
// each member text's author, one for each goroutine that asks (the pain
// points are described on every core); a lookup is asked once or twice
// per member, never kept. parallel is the surveys' wording in each
// language (nil: none is known).
func LinkLanguages(pps []analysis.PainPoint, newVoices func() Voices, people int, parallel ParallelWords) ([]analysis.PainPoint, map[string]LabelSet) {
	profiles := newProfiles(pps, newVoices, parallel, runtime.GOMAXPROCS(0))
	voices := newVoices()
	// Each pain point's best match in another language among those that
	// pass every link test: both judged reliable, the same question,
	// answer profiles alike (cosine >= minLinkScore) and texts that say
	// alike. A closer profile whose texts say something else does not
	// stand in the way of the right partner (round 44). The tests are
	// symmetric, so i passes with j exactly when j passes with i; ties go
	// to the first in order.
	best, score := make([]int, len(pps)), make([]float64, len(pps))
	for i := range pps {
		best[i] = -1
		for j := range pps {
			pi, pj := profiles[i], profiles[j]
			if i == j || !pi.judged || !pj.judged || pi.lang == pj.lang || !shareQuestion(pi, pj) {
				continue
			}
			if s := cosine(pi.diff, pj.diff); s >= minLinkScore && (best[i] < 0 || s > score[i]) && sayAlike(pi, pj) {
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
		if j := best[i]; j >= 0 && best[j] == i && larger(pps, j, i) {
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
func join(a, b analysis.PainPoint, voices Voices, people int) analysis.PainPoint {
	out := a
	out.Terms = append(slices.Clip(a.Terms), b.Terms...)
	out.Members = append(slices.Clip(a.Members), b.Members...)
	out.MembersSay = nil
	if a.MembersSay != nil || b.MembersSay != nil {
		// Each member says its own half's label (a half whose members
		// all voice it says all).
		out.MembersSay = append(saysAll(a), saysAll(b)...)
	}
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
	out.Examples, out.ExamplesSay = nil, nil
	for i := 0; i < max(len(a.Examples), len(b.Examples)); i++ {
		for _, ex := range [][]string{a.Examples, b.Examples} {
			if i < len(ex) {
				out.Examples = append(out.Examples, ex[i])
			}
		}
	}
	return out
}

// saysAll is p.MembersSay, every member saying it when nil.
func saysAll(p analysis.PainPoint) []bool {
	if p.MembersSay != nil {
		return slices.Clip(p.MembersSay)
	}
	out := make([]bool, len(p.Members))
	for i := range out {
		out[i] = true
	}
	return out
}

func personOfText(id string, voices Voices) string {
	if v, ok := voices(id, false); ok && v.Person != "" {
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
	diff      []float64          // by feature id: its share among the voices minus among the language's complainers
	judged    bool               // enough voices in one language, and more signal than noise
	anchors   map[string]float64 // what its texts say more often than the language's complaints beyond chance, by how far (crosslang_anchors.go)
	said      *saidShares        // its texts' anchors against the language's complaints'
}

// voiced is one person behind a pain point, with the text that says who
// (its id) and what it says.
type voiced struct{ person, lang, text, said string }

// newProfiles describes every pain point's voices. The persons behind a
// pain point are found by sorting its members' authors, and their
// features counted as they come, as ids: nothing per person outlives its
// pain point. The baseline of a language is the voices of all its pain
// points together (a person counted once per pain point they voice): what
// every unhappy customer shares, low ratings everywhere, sets no problem
// apart from another.
//
// The pain points are described in up to workers contiguous blocks at
// once, each with its own lookup (newVoices), anchor cache and feature
// numbering; the blocks' numberings are then joined in block order, which
// is the order one pass over every pain point would number the features
// in, so the profiles (and the sums over them) are the same whatever the
// number of workers.
func newProfiles(pps []analysis.PainPoint, newVoices func() Voices, parallel ParallelWords, workers int) []profile {
	blocks := splitByMembers(pps, workers)
	ws := make([]*profileWorker, len(blocks))
	var wg sync.WaitGroup
	for w, b := range blocks {
		ws[w] = &profileWorker{voices: newVoices(), from: b[0], to: b[1]}
		wg.Go(func() { ws[w].known = latinWordsInOtherScripts(pps[b[0]:b[1]], ws[w].voices) })
	}
	wg.Wait()
	known := ws[0].known
	for _, w := range ws[1:] {
		maps.Copy(known, w.known)
	}
	profiles := make([]profile, len(pps))
	own := make([]tally, len(pps))
	ownSaid := make([]counts, len(pps))
	for _, w := range ws {
		w.said = newSaidCache(known, parallel)
		wg.Go(func() { w.describe(pps, profiles, own, ownSaid) })
	}
	wg.Wait()
	// One numbering: block by block, each block's features in the order
	// it first saw them.
	ids := map[string]int32{}
	base, baseSaid := map[string]*tally{}, map[string]*counts{}
	for _, w := range ws {
		global := make([]int32, len(w.ids.names))
		for local, name := range w.ids.names {
			id, ok := ids[name]
			if !ok {
				id = int32(len(ids))
				ids[name] = id
			}
			global[local] = id
		}
		for i := w.from; i < w.to; i++ {
			own[i].renumber(global)
		}
		for lang, t := range w.base {
			t.renumber(global)
			if base[lang] == nil {
				base[lang] = &tally{}
			}
			base[lang].addTally(t)
		}
		for lang, c := range w.baseSaid {
			if baseSaid[lang] == nil {
				baseSaid[lang] = &counts{}
			}
			baseSaid[lang].addCounts(c)
		}
	}
	bases := newBaseShares(baseSaid)
	for i := range profiles {
		pr, c := &profiles[i], own[i]
		b := base[pr.lang]
		if pr.lang == "" || b == nil || c.persons < minVoices {
			continue
		}
		// Sampling noise of the voices' shares (their binomial variance)
		// against the spread of the differences. A feature no voice of
		// the language has differs by nothing.
		pr.diff = make([]float64, len(ids))
		var spread, noise float64
		n := float64(c.persons)
		for f, k := range b.features {
			share := float64(c.count(f)) / n
			d := share - float64(k)/float64(b.persons)
			pr.diff[f] = d
			spread += d * d
			noise += share * (1 - share) / n
		}
		pr.judged = spread > 0 && 1-noise/spread >= minReliability
		pr.said = newSaidShares(&ownSaid[i], bases[pr.lang])
		pr.anchors = ownSaid[i].beyondChance(baseSaid[pr.lang])
	}
	return profiles
}

// profileWorker describes the pain points from..to-1 of one block.
type profileWorker struct {
	voices   Voices
	from, to int
	known    map[string]bool // Latin-script words its texts in another script use
	said     *saidCache
	ids      featureIDs         // the block's own numbering
	base     map[string]*tally  // the block's voices by language, by the block's ids
	baseSaid map[string]*counts // the block's texts by language
}

// describe fills the block's profiles (language and questions), its pain
// points' own tallies (by the block's ids) and anchors, and the block's
// part of each language's baseline.
func (w *profileWorker) describe(pps []analysis.PainPoint, profiles []profile, own []tally, ownSaid []counts) {
	w.ids = featureIDs{voices: w.voices, id: map[string]int32{}}
	w.base, w.baseSaid = map[string]*tally{}, map[string]*counts{}
	for i := w.from; i < w.to; i++ {
		pr := &profiles[i]
		pr.questions = map[string]bool{}
		byLang := map[string]int{}
		var vs []voiced
		for _, m := range pps[i].Members {
			v, ok := w.voices(m, false)
			if !ok {
				continue
			}
			byLang[v.Lang]++
			pr.questions[v.Question] = true
			vs = append(vs, voiced{person: v.Person, lang: v.Lang, text: m, said: v.Text})
		}
		for lang, n := range byLang {
			if lang != "" && float64(n) >= minDominance*float64(len(vs)) {
				pr.lang = lang
			}
		}
		for _, v := range vs {
			if v.lang == "" {
				continue
			}
			if w.baseSaid[v.lang] == nil {
				w.baseSaid[v.lang] = &counts{}
			}
			anchors := w.said.of(v.said, v.lang)
			w.baseSaid[v.lang].add(anchors)
			if v.lang == pr.lang {
				ownSaid[i].add(anchors)
			}
		}
		for _, v := range distinctPersons(vs) {
			if v.lang == "" {
				continue
			}
			if w.base[v.lang] == nil {
				w.base[v.lang] = &tally{}
			}
			fs := w.ids.of(v)
			w.base[v.lang].add(fs)
			if v.lang == pr.lang {
				own[i].add(fs)
			}
		}
	}
}

// splitByMembers cuts pps into at most n contiguous blocks [from, to) of
// about as many members each.
func splitByMembers(pps []analysis.PainPoint, n int) [][2]int {
	total := 0
	for _, p := range pps {
		total += len(p.Members)
	}
	n = max(1, min(n, len(pps)))
	var out [][2]int
	from, sum := 0, 0
	for i, p := range pps {
		sum += len(p.Members)
		if len(out) < n-1 && sum*n >= total*(len(out)+1) && i+1 < len(pps) {
			out = append(out, [2]int{from, i + 1})
			from = i + 1
		}
	}
	return append(out, [2]int{from, len(pps)})
}

// distinctPersons keeps the first entry of each person in each language,
// ordered by person.
func distinctPersons(vs []voiced) []voiced {
	type personLang struct{ person, lang string }
	first := make(map[personLang]bool, len(vs))
	out := vs[:0]
	for _, v := range vs {
		k := personLang{v.person, v.lang}
		if !first[k] {
			first[k] = true
			out = append(out, v)
		}
	}
	// Each (person, language) is there once: any sort gives one order.
	slices.SortFunc(out, func(a, b voiced) int {
		if c := strings.Compare(a.person, b.person); c != 0 {
			return c
		}
		return strings.Compare(a.lang, b.lang)
	})
	return out
}

// featureIDs numbers the feature strings ("question=value"): the
// profiles count them in slices by id.
type featureIDs struct {
	voices Voices
	id     map[string]int32
	names  []string // by id
	buf    []int32  // of's result, reused
}

// of is the features of v's person, valid until the next call.
func (f *featureIDs) of(v voiced) []int32 {
	vo, _ := f.voices(v.text, true)
	f.buf = f.buf[:0]
	for _, name := range vo.Features {
		id, ok := f.id[name]
		if !ok {
			id = int32(len(f.id))
			f.id[name] = id
			f.names = append(f.names, name)
		}
		f.buf = append(f.buf, id)
	}
	return f.buf
}

// tally is how many persons there are and how many have each feature, by
// feature id.
type tally struct {
	persons  int
	features []int
}

func (t *tally) add(features []int32) {
	t.persons++
	for _, f := range features {
		if int(f) >= len(t.features) {
			t.features = append(t.features, make([]int, int(f)+1-len(t.features))...)
		}
		t.features[f]++
	}
}

// addTally adds o's persons and feature counts (by the same ids).
func (t *tally) addTally(o *tally) {
	t.persons += o.persons
	if len(o.features) > len(t.features) {
		t.features = append(t.features, make([]int, len(o.features)-len(t.features))...)
	}
	for f, k := range o.features {
		t.features[f] += k
	}
}

// renumber moves the counts to the ids global gives their features.
func (t *tally) renumber(global []int32) {
	n := 0
	for f, k := range t.features {
		if k > 0 {
			n = max(n, int(global[f])+1)
		}
	}
	out := make([]int, n)
	for f, k := range t.features {
		if k > 0 {
			out[global[f]] += k
		}
	}
	t.features = out
}

// count is how many persons have feature f.
func (t *tally) count(f int) int {
	if f < len(t.features) {
		return t.features[f]
	}
	return 0
}

// counts is how many texts there are and how many say each anchor.
type counts struct {
	persons  int
	features map[string]int
}

// addCounts adds o's texts and anchor counts.
func (c *counts) addCounts(o *counts) {
	if c.features == nil {
		c.features = map[string]int{}
	}
	c.persons += o.persons
	for f, k := range o.features {
		c.features[f] += k
	}
}

func (c *counts) add(features []string) {
	if c.features == nil {
		c.features = map[string]int{}
	}
	c.persons++
	for _, f := range features {
		c.features[f]++
	}
}

// sayAlike: the two pain points' texts say the same things in the
// words every language reads alike. What each says most distinctively
// (its anchor furthest beyond chance) the other says beyond chance too,
// and their evidence (each anchor's share against their language's
// complaints) points the same way as closely as their answers must. One
// shared anchor is not enough: the bargain hunters' Instagram replies
// say "price" too ("I only wanted a price"), but what sets them apart is
// Instagram, which the price complaints do not say.
func sayAlike(a, b profile) bool {
	return saysMostOf(a, b) && saysMostOf(b, a) && a.said.cosine(b.said) >= minLinkScore
}

// saysMostOf: an anchor a's texts say furthest beyond chance (any of
// equal standing) is one b's texts say beyond chance.
func saysMostOf(a, b profile) bool {
	top := 0.0
	for _, z := range a.anchors {
		top = max(top, z)
	}
	for k, z := range a.anchors {
		if z == top && b.anchors[k] > 0 {
			return true
		}
	}
	return false
}

// saidIn is the anchors of one text in lang, each once.
func saidIn(text, lang string, known map[string]bool, parallel ParallelWords) []string {
	return anchorsOnce(&anchorReader{pairs: parallel[lang]}, text, known)
}

// anchorsOnce is r's anchors of text, each once.
func anchorsOnce(r *anchorReader, text string, known map[string]bool) []string {
	var out []string
	r.anchors(text, known, func(a string) {
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	})
	return out
}

// saidCache is saidIn of each distinct text in a language, worked out
// once: a big study's texts repeat (the demo's 35,895 member texts at
// 40,000 responses are 4,965 distinct ones). It keeps at most
// maxSaidCached texts, so a study of distinct texts costs no more memory
// than that; their words are read once each (anchorReader).
type saidCache struct {
	known    map[string]bool
	parallel ParallelWords
	anchors  map[langText][]string
	readers  map[string]*anchorReader // by language
}

type langText struct{ lang, text string }

// maxSaidCached bounds saidCache: some tens of bytes and a few anchors
// each.
const maxSaidCached = 100_000

func newSaidCache(known map[string]bool, parallel ParallelWords) *saidCache {
	return &saidCache{known: known, parallel: parallel, anchors: map[langText][]string{}, readers: map[string]*anchorReader{}}
}

// of is saidIn(text, lang, ...); the result is shared, not to be changed.
func (c *saidCache) of(text, lang string) []string {
	k := langText{lang, text}
	if a, ok := c.anchors[k]; ok {
		return a
	}
	r := c.readers[lang]
	if r == nil {
		r = &anchorReader{pairs: c.parallel[lang], words: map[string]*wordReading{}}
		c.readers[lang] = r
	}
	a := anchorsOnce(r, text, c.known)
	if len(c.anchors) < maxSaidCached {
		c.anchors[k] = a
	}
	return a
}

// latinWordsInOtherScripts are the Latin-script words ("@iphone") the
// pain points' texts in another script use: the only words of a text in
// Latin script that can read the same in another language.
func latinWordsInOtherScripts(pps []analysis.PainPoint, voices Voices) map[string]bool {
	known := map[string]bool{}
	for _, p := range pps {
		for _, m := range p.Members {
			if v, ok := voices(m, false); ok && hasLatinLetter(v.Text) && !isLatinText(v.Text) {
				textAnchors(v.Text, nil, nil, func(a string) {
					if a[0] == '@' {
						known[a] = true
					}
				})
			}
		}
	}
	return known
}

// beyondChance is what c's persons (here: texts) have more often than the
// baseline's, by more than twice the binomial standard error of c's share
// and in at least minVoices of them, with how many standard errors.
func (c *counts) beyondChance(base *counts) map[string]float64 {
	out := map[string]float64{}
	if c.persons == 0 || base == nil || base.persons == 0 {
		return out
	}
	n := float64(c.persons)
	for f, k := range c.features {
		p := float64(base.features[f]) / float64(base.persons)
		if se := math.Sqrt(p * (1 - p) / n); k >= minVoices && float64(k)/n-p > 2*se {
			out[f] = (float64(k)/n - p) / se
		}
	}
	return out
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

// cosine of two profiles' diffs (of one length: every feature id).
func cosine(a, b []float64) float64 {
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

// saidShares is a pain point's evidence: for every anchor its language's
// complaints say, its share among the pain point's texts minus among the
// language's. It is kept in parts (the shares its own texts say, and the
// language's), so that comparing two costs only the anchors their own
// texts say: a study whose texts carry order numbers has about as many
// anchors as texts. Every sum runs in the anchors' order, so a link does
// not depend on a map's order. nil: no evidence (no texts, or no
// language).
type saidShares struct {
	anchors []string           // the anchors its texts say, in order
	share   []float64          // by anchor: the share of its texts that say it
	of      map[string]float64 // the same, by anchor
	base    *baseShares
}

// baseShares is the anchors of one language's complaints.
type baseShares struct {
	lang  string
	share map[string]float64 // by anchor: the share of the language's texts that say it
	norm2 float64            // the sum of the squared shares
	dot   map[string]float64 // by other language: the sum over anchors both say of the product of their shares
}

// newBaseShares is each language's baseShares, with their products.
func newBaseShares(said map[string]*counts) map[string]*baseShares {
	out := map[string]*baseShares{}
	sorted := map[string][]string{}
	for lang, c := range said {
		if c.persons == 0 {
			continue
		}
		b := &baseShares{lang: lang, share: make(map[string]float64, len(c.features)), dot: map[string]float64{}}
		keys := slices.Sorted(maps.Keys(c.features))
		for _, f := range keys {
			x := float64(c.features[f]) / float64(c.persons)
			b.share[f] = x
			b.norm2 += x * x
		}
		out[lang], sorted[lang] = b, keys
	}
	for la, a := range out {
		for lb, b := range out {
			if la >= lb {
				continue
			}
			var dot float64
			for _, f := range sorted[la] {
				dot += a.share[f] * b.share[f]
			}
			a.dot[lb], b.dot[la] = dot, dot
		}
	}
	return out
}

func newSaidShares(c *counts, base *baseShares) *saidShares {
	if c.persons == 0 || base == nil {
		return nil
	}
	s := &saidShares{of: map[string]float64{}, base: base}
	for _, f := range slices.Sorted(maps.Keys(c.features)) {
		if _, ok := base.share[f]; ok {
			x := float64(c.features[f]) / float64(c.persons)
			s.anchors, s.share = append(s.anchors, f), append(s.share, x)
			s.of[f] = x
		}
	}
	return s
}

// norm2 is the squared length of the evidence vector: the sum over the
// language's anchors of (own share - language's share) squared.
func (s *saidShares) norm2() float64 {
	n := s.base.norm2
	for i, f := range s.anchors {
		x := s.share[i]
		n += x*x - 2*x*s.base.share[f]
	}
	return n
}

// cosine of two pain points' evidence vectors: a component of one the
// other's language never says is zero in the other.
func (s *saidShares) cosine(o *saidShares) float64 {
	if s == nil || o == nil {
		return 0
	}
	dot := s.base.dot[o.base.lang]
	if s.base == o.base {
		dot = s.base.norm2
	}
	for i, f := range s.anchors {
		if y, ok := o.base.share[f]; ok {
			dot += s.share[i] * (o.of[f] - y)
		}
	}
	for i, f := range o.anchors {
		if x, ok := s.base.share[f]; ok {
			dot -= o.share[i] * x
		}
	}
	na, nb := s.norm2(), o.norm2()
	if na <= 0 || nb <= 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}
