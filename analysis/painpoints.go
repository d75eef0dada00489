package analysis

import (
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Text is one piece of customer free text: an open survey answer, an
// interview note or a participant's turn in a transcript.
type Text struct {
	ID       string            // links back to the source (response, row, transcript line)
	Person   string            // who said it; reach counts distinct persons ("" = ID)
	Text     string            // the words
	Lang     string            // "fa", "en" or "" to detect
	Segments map[string]string // e.g. {"touchpoint": "instagram", "stage": "purchase"}
	// Satisfaction is the person's satisfaction normalised to 0 (furious)
	// .. 1 (delighted), e.g. NPS/10 or (rating-1)/4; nil when unknown.
	Satisfaction *float64
}

// Score returns a pointer to a satisfaction score, for building Texts.
func Score(f float64) *float64 { return &f }

// PainPointOptions tunes FindPainPoints. The zero value is usable.
type PainPointOptions struct {
	// SegmentKey selects the Text.Segments key reported in PainPoint.Segments
	// (the CLI's --segment column). Breakdown always covers every key.
	SegmentKey string
	// MinPeople is the least number of distinct persons a pain point needs
	// to be reported; 0 means 2 (one person's remark is not "recurring").
	MinPeople int
	// Top keeps only the first Top pain points; 0 keeps all.
	Top int
	// Examples is the number of example quotes per pain point; 0 means 3.
	Examples int
	// Corrections made by a researcher, applied after grouping, so they
	// survive re-analysis as long as the keys do.
	Merge  map[string]string // key -> key it is merged into
	Rename map[string]string // key -> label
	Hide   []string          // keys not to report
	// LabelLang, "fa" or "en", names the known aspects (delivery, price...)
	// in that language, with cue words from that language's texts when the
	// group has any: a study's labels then read in the study's language even
	// where some answers are in the other. "": each group's majority.
	LabelLang string
}

// PainPointResult is the outcome of FindPainPoints. It marshals to the JSON
// documented in DESIGN.md for `safar painpoints --format json`.
type PainPointResult struct {
	Language   string      `json:"language"`  // "fa", "en" or "mixed": majority of the texts
	Documents  int         `json:"documents"` // number of texts analysed
	People     int         `json:"people"`    // distinct persons among them
	PainPoints []PainPoint `json:"pain_points"`
}

// PainPoint is one recurring problem.
type PainPoint struct {
	Rank  int      `json:"rank"`
	Key   string   `json:"key"` // stable: the concept id or "t:"+stem; corrections refer to it
	Label string   `json:"label"`
	Terms []string `json:"terms"`
	// Documents is the reach: distinct persons voicing it. Texts counts the
	// texts (a person repeating it counts once in Documents, each time here).
	Documents int     `json:"documents"`
	Texts     int     `json:"texts"`
	Share     float64 `json:"share"`    // Documents / all persons
	Severity  float64 `json:"severity"` // 0..1, mean over persons
	Priority  float64 `json:"priority"` // Share * (0.5 + 0.5*Severity); see docs/painpoints.md
	// Segments counts persons per value of the SegmentKey segment.
	Segments map[string]int `json:"segments"`
	// Breakdown counts persons per value for every segment key.
	Breakdown map[string]map[string]int `json:"breakdown,omitempty"`
	Examples  []string                  `json:"examples"`
	Members   []string                  `json:"members"` // every Text.ID voicing it, input order
}

// FindPainPoints extracts complaint mentions from every text, groups them by
// canonical aspect key and ranks the groups by priority. Work is linear in
// the input: each text is analysed on its own (in parallel, results kept in
// input order) and grouping is a map lookup per mention. The result is
// deterministic for a given input and options.
func FindPainPoints(texts []Text, opt PainPointOptions) PainPointResult {
	if opt.MinPeople <= 0 {
		opt.MinPeople = 2
	}
	if opt.Examples <= 0 {
		opt.Examples = 3
	}
	found := extractAll(texts)
	resolveWeak(found)

	res := PainPointResult{Documents: len(texts), PainPoints: []PainPoint{}}
	persons := map[string]bool{}
	langs := map[string]int{}
	for i, t := range texts {
		persons[personOf(t, i)] = true
		l := t.Lang
		if l == "" {
			l = DetectLanguage(t.Text)
		}
		if l != "" {
			langs[l]++
		}
	}
	res.People = len(persons)
	res.Language = majorityLang(langs)

	hidden := map[string]bool{}
	for _, k := range opt.Hide {
		hidden[k] = true
	}
	groups := map[string]*group{}
	var order []string
	for i, ms := range found {
		for _, m := range ms {
			k := ResolveMerge(m.key, opt.Merge)
			g := groups[k]
			if g == nil {
				g = &group{key: k, persons: map[string]*personHit{}}
				groups[k] = g
				order = append(order, k)
			}
			g.add(i, personOf(texts[i], i), m, satisfactionOf(texts[i]))
		}
	}
	for _, k := range order {
		g := groups[k]
		if hidden[k] || len(g.persons) < opt.MinPeople {
			continue
		}
		res.PainPoints = append(res.PainPoints, g.painPoint(texts, res.People, opt))
	}
	sort.SliceStable(res.PainPoints, func(a, b int) bool {
		pa, pb := res.PainPoints[a], res.PainPoints[b]
		if pa.Priority != pb.Priority {
			return pa.Priority > pb.Priority
		}
		if pa.Documents != pb.Documents {
			return pa.Documents > pb.Documents
		}
		if pa.Texts != pb.Texts {
			return pa.Texts > pb.Texts
		}
		return pa.Key < pb.Key
	})
	if opt.Top > 0 && len(res.PainPoints) > opt.Top {
		res.PainPoints = res.PainPoints[:opt.Top]
	}
	for i := range res.PainPoints {
		res.PainPoints[i].Rank = i + 1
	}
	return res
}

// resolveWeak keeps a mention named only by weak terms when its concept is
// active in this corpus, i.e. also named plainly in at least a quarter of
// the texts mentioning it; otherwise the mention falls back to
// its noun reading or is dropped. So "small" is fit in clothing reviews
// (where "size" and "fit" abound) but "small terraced homes" in a hearing
// transcript is not a sizing complaint.
func resolveWeak(found [][]mention) {
	total, strong := map[string]int{}, map[string]int{}
	for _, ms := range found {
		for _, m := range ms {
			total[m.key]++
			if !m.weak {
				strong[m.key]++
			}
		}
	}
	for i, ms := range found {
		var out []mention
		changed := false
		for _, m := range ms {
			if m.weak && (strong[m.key] < 1 || strong[m.key]*4 < total[m.key]) {
				changed = true
				if m.alt != nil {
					out = append(out, *m.alt)
				}
				continue
			}
			out = append(out, m)
		}
		if changed {
			found[i] = dedupe(out)
		}
	}
}

// extractAll runs extract on every distinct text using all CPUs. Identical
// texts share one result (extract depends on the words alone, and nothing
// modifies its result afterwards): short answers repeat a lot in big
// surveys ("nothing", "too expensive").
func extractAll(texts []Text) [][]mention {
	out := make([][]mention, len(texts))
	first := make(map[string]int, len(texts)) // text -> index of its first occurrence
	var distinct []int
	for i, t := range texts {
		if _, seen := first[t.Text]; !seen {
			first[t.Text] = i
			distinct = append(distinct, i)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(distinct)/64))
	var wg sync.WaitGroup
	next := make(chan int, 256)
	for range workers {
		wg.Go(func() {
			for i := range next {
				out[i] = extract(texts[i].Text)
			}
		})
	}
	for _, i := range distinct {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, t := range texts {
		if j := first[t.Text]; j != i {
			out[i] = out[j]
		}
	}
	return out
}

func personOf(t Text, i int) string {
	switch {
	case t.Person != "":
		return "p:" + t.Person
	case t.ID != "":
		return "i:" + t.ID
	}
	return "#" + itoa(i)
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	for ; i > 0; i /= 10 {
		n--
		b[n] = byte('0' + i%10)
	}
	return string(b[n:])
}

func majorityLang(langs map[string]int) string {
	fa, en, mixed := langs[LangPersian], langs[LangEnglish], langs[LangMixed]
	total := fa + en + mixed
	switch {
	case total == 0:
		return LangEnglish
	case fa*5 >= total*4:
		return LangPersian
	case en*5 >= total*4:
		return LangEnglish
	}
	return LangMixed
}

// ResolveMerge follows merge corrections (a->b, b->c) to their end, stopping
// on cycles.
func ResolveMerge(k string, merge map[string]string) string {
	for n := 0; n < 16; n++ {
		to, ok := merge[k]
		if !ok || to == k {
			break
		}
		k = to
	}
	return k
}

type personHit struct {
	severity float64
	segs     map[string]string
}

type group struct {
	key      string
	persons  map[string]*personHit
	members  []int // text indexes, ascending
	hits     []groupHit
	aspects  map[string]int
	cues     map[string]int
	specific map[string]int // cues that name this aspect; used in labels
	fa       int
}

type groupHit struct {
	text      int
	intensity float64
	clause    string
	plain     bool // the text names the aspect or a complaint specific to it
}

func (g *group) add(i int, person string, m mention, satisfaction float64) {
	sev := m.intensity
	if !math.IsNaN(satisfaction) && satisfaction >= 0 && satisfaction <= 1 {
		sev = 0.5*m.intensity + 0.5*(1-satisfaction)
	}
	p := g.persons[person]
	if p == nil {
		p = &personHit{severity: sev}
		g.persons[person] = p
	} else if sev > p.severity {
		p.severity = sev
	}
	if n := len(g.members); n == 0 || g.members[n-1] != i {
		g.members = append(g.members, i)
	}
	g.hits = append(g.hits, groupHit{i, m.intensity, m.clause, m.specific || m.aspect != ""})
	if g.aspects == nil {
		g.aspects, g.cues, g.specific = map[string]int{}, map[string]int{}, map[string]int{}
	}
	if m.aspect != "" {
		g.aspects[m.aspect]++
	}
	if m.cue != "" && m.cue != m.aspect {
		g.cues[m.cue]++
		if m.specific || strings.HasPrefix(m.key, "t:") {
			g.specific[m.cue]++
		}
	}
	if m.fa {
		g.fa++
	}
}

func (g *group) painPoint(texts []Text, people int, opt PainPointOptions) PainPoint {
	pp := PainPoint{Key: g.key, Documents: len(g.persons), Texts: len(g.members),
		Segments: map[string]int{}, Breakdown: map[string]map[string]int{}}
	if people > 0 {
		pp.Share = round4(float64(len(g.persons)) / float64(people))
	}
	// Severity: mean over persons of their strongest mention.
	names := make([]string, 0, len(g.persons))
	for n := range g.persons {
		names = append(names, n)
	}
	sort.Strings(names)
	var sum float64
	for _, n := range names {
		sum += g.persons[n].severity
	}
	pp.Severity = round4(sum / float64(len(names)))
	pp.Priority = round4(pp.Share * (0.5 + 0.5*pp.Severity))

	// Breakdowns count each person once per segment value.
	counted := map[string]bool{}
	for _, i := range g.members {
		p := personOf(texts[i], i)
		for k, v := range texts[i].Segments {
			if v == "" {
				continue
			}
			id := p + "\x00" + k + "\x00" + v
			if counted[id] {
				continue
			}
			counted[id] = true
			if pp.Breakdown[k] == nil {
				pp.Breakdown[k] = map[string]int{}
			}
			pp.Breakdown[k][v]++
		}
	}
	if b := pp.Breakdown[opt.SegmentKey]; b != nil {
		pp.Segments = b
	}
	if len(pp.Breakdown) == 0 {
		pp.Breakdown = nil
	}
	for _, i := range g.members {
		id := texts[i].ID
		if id == "" {
			id = itoa(i + 1)
		}
		pp.Members = append(pp.Members, id)
	}
	pp.Examples = g.examples(texts, opt.Examples)

	fa := g.fa*2 > len(g.hits)
	aspects := topWords(g.aspects, 3, fa)
	cues := topWords(g.cues, 3, fa)
	pp.Terms = dedupeStrings(append(append([]string{}, aspects...), cues...))
	if len(pp.Terms) < 4 {
		// add the other language's words for mixed groups
		more := append(topWords(g.aspects, 2, !fa), topWords(g.cues, 2, !fa)...)
		pp.Terms = dedupeStrings(append(pp.Terms, more...))
	}
	labelFa := fa
	if !strings.HasPrefix(g.key, "t:") { // a known aspect: its name exists in both languages
		switch opt.LabelLang {
		case "fa":
			labelFa = true
		case "en":
			labelFa = false
		}
	}
	// Cue words only in the label's language: a Persian head with English
	// cues would read as two labels. The examples carry the specifics.
	pp.Label = g.label(labelFa, aspects, topWords(g.specific, 2, labelFa))
	if l, ok := opt.Rename[g.key]; ok && l != "" {
		pp.Label = l
	}
	return pp
}

func (g *group) label(fa bool, aspects, cues []string) string {
	head := ""
	if !strings.HasPrefix(g.key, "t:") {
		for _, c := range concepts {
			if c.id == g.key {
				head = c.en
				if fa {
					head = c.fa
				}
			}
		}
	}
	if head == "" && len(aspects) > 0 {
		head = aspects[0]
	}
	if head == "" {
		head = strings.TrimPrefix(g.key, "t:")
	}
	if len(cues) == 0 {
		return head
	}
	sep, join := ": ", ", "
	if fa {
		join = "، "
	}
	return head + sep + strings.Join(cues[:min(2, len(cues))], join)
}

// examples picks distinct quotes: those naming the aspect plainly first,
// then the most intense, then short texts, then the earliest. Short texts
// are quoted whole; long ones by the clause.
func (g *group) examples(texts []Text, n int) []string {
	hits := append([]groupHit(nil), g.hits...)
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].plain != hits[b].plain {
			return hits[a].plain
		}
		if hits[a].intensity != hits[b].intensity {
			return hits[a].intensity > hits[b].intensity
		}
		la, lb := len(texts[hits[a].text].Text), len(texts[hits[b].text].Text)
		if (la <= 200) != (lb <= 200) {
			return la <= 200
		}
		return hits[a].text < hits[b].text
	})
	var out []string
	seen := map[string]bool{}
	for _, h := range hits {
		q := strings.TrimSpace(texts[h.text].Text)
		if len([]rune(q)) > 240 {
			q = truncate(h.clause, 240)
		}
		if seen[q] {
			continue
		}
		seen[q] = true
		out = append(out, q)
		if len(out) == n {
			break
		}
	}
	return out
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// topWords returns up to n words in the given script (Persian or not) by
// descending count, ties alphabetical.
func topWords(m map[string]int, n int, fa bool) []string {
	ws := make([]string, 0, len(m))
	for w := range m {
		if isPersianWord(w) == fa {
			ws = append(ws, w)
		}
	}
	sort.Slice(ws, func(a, b int) bool {
		if m[ws[a]] != m[ws[b]] {
			return m[ws[a]] > m[ws[b]]
		}
		return ws[a] < ws[b]
	})
	if len(ws) > n {
		ws = ws[:n]
	}
	return ws
}

// dedupeStrings drops repeats, treating spellings that differ only in
// spaces, ZWNJ or case as one ("بسته بندی" = "بسته‌بندی").
func dedupeStrings(s []string) []string {
	seen := map[string]bool{}
	out := s[:0]
	for _, w := range s {
		k := strings.ToLower(joinSpaces.Replace(w))
		if !seen[k] {
			seen[k] = true
			out = append(out, w)
		}
	}
	return out
}

func round4(f float64) float64 { return math.Round(f*1e4) / 1e4 }

// satisfactionOf is the text's satisfaction, NaN when unknown.
func satisfactionOf(t Text) float64 {
	if t.Satisfaction == nil {
		return math.NaN()
	}
	return *t.Satisfaction
}
