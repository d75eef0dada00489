package analysis

import (
	"cmp"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
)

// painPoint turns a group and its members into the reported pain point;
// false when its members share nothing but discourse markers ("of
// course", "in place"), which name no problem.
func (gs *gstate) painPoint(texts []Text, docs []*tdoc, pw *problemWords, pl *plainWords, people int, opt PainPointOptions, pack []concept) (PainPoint, bool) {
	sort.Slice(gs.hits, func(a, b int) bool { return gs.hits[a].text < gs.hits[b].text })
	pp := PainPoint{Key: gs.g.key, Documents: len(gs.persons), Texts: len(gs.hits),
		Segments: map[string]int{}, Breakdown: map[string]map[string]int{}}
	if people > 0 {
		pp.Share = round4(float64(len(gs.persons)) / float64(people))
	}
	var sum float64
	for _, sev := range gs.persons {
		sum += sev
	}
	pp.Severity = round4(sum / float64(max(1, len(gs.persons))))
	pp.Priority = round4(pp.Share * (0.5 + 0.5*pp.Severity))

	// Breakdowns count each person once per segment value: only a person
	// with more than one member text needs telling apart from the
	// others (most say one text, and a text names a segment once).
	var texts2 map[int32]int32 // member texts by person, when some say two
	if len(gs.persons) < len(gs.hits) {
		texts2 = make(map[int32]int32, len(gs.persons))
		for _, h := range gs.hits {
			texts2[gs.personOf[h.text]]++
		}
	}
	type personValue struct {
		p    int32
		k, v string
	}
	var counted map[personValue]bool
	// The texts of persons who say one: counted by their segments' map,
	// which texts of one question and source share (a map's values are
	// read once for all the texts that share it).
	type segTexts struct {
		seg map[string]string
		n   int
	}
	var bySeg []segTexts
	segAt := map[uintptr]int{}
	add := func(k, v string, n int) {
		if pp.Breakdown[k] == nil {
			pp.Breakdown[k] = map[string]int{}
		}
		pp.Breakdown[k][v] += n
	}
	for _, h := range gs.hits {
		p := gs.personOf[h.text]
		seg := texts[h.text].Segments
		if texts2[p] <= 1 {
			id := reflect.ValueOf(seg).Pointer()
			i, ok := segAt[id]
			if !ok {
				i = len(bySeg)
				segAt[id] = i
				bySeg = append(bySeg, segTexts{seg: seg})
			}
			bySeg[i].n++
			continue
		}
		if counted == nil {
			counted = map[personValue]bool{}
		}
		for k, v := range seg {
			if v == "" {
				continue
			}
			id := personValue{p, k, v}
			if counted[id] {
				continue
			}
			counted[id] = true
			add(k, v, 1)
		}
	}
	for _, s := range bySeg {
		for k, v := range s.seg {
			if v != "" {
				add(k, v, s.n)
			}
		}
	}
	if b := pp.Breakdown[opt.SegmentKey]; b != nil {
		pp.Segments = b
	}
	if len(pp.Breakdown) == 0 {
		pp.Breakdown = nil
	}
	for _, h := range gs.hits {
		id := texts[h.text].ID
		if id == "" {
			id = itoa(int(h.text) + 1)
		}
		pp.Members = append(pp.Members, id)
	}
	ranked := gs.rankedTerms()
	for _, t := range ranked[:min(10, len(ranked))] {
		pp.Terms = append(pp.Terms, t.surface())
	}
	gs.said = gs.describe(&pp, texts, docs, pw, pl, opt, pack, nil)
	return pp, pp.Label != ""
}

// describe sets a pain point's label, its quotes and how many of its
// members say the label, its words other than the head phrase not among
// avoid (see labelOf); it returns what the label names.
func (gs *gstate) describe(pp *PainPoint, texts []Text, docs []*tdoc, pw *problemWords, pl *plainWords, opt PainPointOptions, pack []concept, avoid map[string]bool) labelWords {
	var said labelWords
	if l := gs.labelled; l != nil && len(avoid) == 0 {
		pp.Label, said = l.label, l.said
	} else {
		pp.Label, said = gs.labelAvoiding(gs.rankedTerms(), docs, pw, pl, opt.LabelLang, pack, avoid)
	}
	renamed := false
	if l, ok := opt.Rename[gs.g.key]; ok && l != "" {
		pp.Label, renamed = l, true
		said.shown, said.second = nil, nil // the researcher's words, not the members'
	}
	if pp.Label == "" {
		pp.Examples, pp.ExamplesSay, pp.LabelTexts, pp.MembersSay = nil, nil, 0, nil
		return said
	}
	pp.Examples, pp.ExamplesSay, pp.LabelTexts, pp.MembersSay = gs.examplesSaying(texts, docs, opt.Examples, said)
	if renamed {
		pp.LabelTexts, pp.ExamplesSay = 0, nil // the researcher's words, not the members'
	}
	if gs.g.concept > 0 {
		// A pack's concept shows none of its members' words: each voices
		// it by the concept's own words.
		pp.MembersSay = nil
	}
	return said
}

// rankedTerms orders the group's terms by how many members use them.
func (gs *gstate) rankedTerms() []*term {
	var out []*term
	for _, t := range gs.g.terms {
		if gs.uses[t] > 0 {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if gs.uses[out[a]] != gs.uses[out[b]] {
			return gs.uses[out[a]] > gs.uses[out[b]]
		}
		return out[a].key < out[b].key
	})
	return out
}

// label states the problem in the members' own words: their most used
// term (a collocation that holds it when members use it often enough:
// "customer service" rather than "customer") with the complaint word said
// most with it ("portions small"), then up to two more terms that add a
// word. In the study's language when the group has terms in
// it; a pack's concept is named by the pack.
// It also returns the terms the label names, for the quotes.
func (gs *gstate) label(ranked []*term, docs []*tdoc, pw *problemWords, pl *plainWords, lang string, pack []concept) (string, labelWords) {
	return gs.labelAvoiding(ranked, docs, pw, pl, lang, pack, nil)
}

// labelAvoiding is label with the words of avoid kept out of the label's
// secondary words (see labelOf).
func (gs *gstate) labelAvoiding(ranked []*term, docs []*tdoc, pw *problemWords, pl *plainWords, lang string, pack []concept, avoid map[string]bool) (string, labelWords) {
	l, said, lost := gs.labelOf(ranked, docs, pw, pl, lang, pack, true, avoid)
	if lost {
		l, said, _ = gs.labelOf(ranked, docs, pw, pl, lang, pack, false, avoid)
	}
	return l, said
}

// labelOf is label; groupShare tells it to give up a phrase said by
// fewer than a tenth of the group's members, and lost says that it did
// so and the label then states no problem, no word of it a complaint
// word or an event ("hour, dinner, reservation" for "waited an hour,
// dinner, reservation"): the phrase is then kept. A word of avoid
// (shown by a label ranked higher, see distinctWords) is none of the
// label's secondary words, those after its head phrase: the group's next
// word by the same rules takes its place, or none does.
func (gs *gstate) labelOf(ranked []*term, docs []*tdoc, pw *problemWords, pl *plainWords, lang string, pack []concept, groupShare bool, avoid map[string]bool) (string, labelWords, bool) {
	if gs.g.concept > 0 {
		c := pack[gs.g.concept-1]
		if lang == LangPersian {
			return c.fa, labelWords{}, false
		}
		if lang == LangEnglish || !isPersianWord(gs.g.key) {
			return c.en, labelWords{}, false
		}
		return c.fa, labelWords{}, false
	}
	if ranked = gs.withoutMarkers(ranked, docs); len(ranked) == 0 {
		return "", labelWords{}, false // only discourse markers: "of course", "in place"
	}
	if lang == LangPersian || lang == LangEnglish {
		var own []*term
		for _, t := range ranked {
			if isPersianWord(t.surface()) == (lang == LangPersian) {
				own = append(own, t)
			}
		}
		if len(own) > 0 {
			ranked = own
		}
	}
	n := float64(len(docs))
	// distinct is how much more the members use t than the whole set
	// does: a general word ("week", "app", "work") that every group's
	// members say is a poor name for any of them.
	distinct := func(t *term) float64 {
		lift := float64(gs.uses[t]) / float64(len(gs.hits)) / (float64(max(t.df, 1)) / n)
		return float64(gs.uses[t]) * math.Log1p(lift)
	}
	// The head: the problem as the members say it most, a term with the
	// complaint word said with it ("package delayed" rather than "week
	// delayed"): among the terms used by at least half as many members
	// as the most used one, the pair with the highest count x log lift.
	// When no term has one, the most distinctive of the terms used by at
	// least half as many members as the most used one.
	head := ranked[0]
	for _, t := range ranked[1:] {
		if gs.uses[t]*2 >= gs.uses[ranked[0]] && distinct(t) > distinct(head) {
			head = t
		}
	}
	// A collocation that holds a candidate speaks for it when members use
	// it at least a third as often: "customer service" rather than
	// "customer", "هزینه ارسال" rather than "ارسال".
	promote := func(c *term) *term {
		if len(c.parts) == 1 {
			for _, t := range ranked {
				if len(t.parts) == 2 && containsPart(t, c.key) && gs.uses[t]*3 >= gs.uses[c] {
					return t
				}
			}
		}
		return c
	}
	head = promote(head)
	var first saidWord
	var hw headWords
	best, relaxed := 0.0, false
	type candidate struct {
		t  *term
		w  saidWord
		hw headWords
	}
	var strict []candidate
	candidates := func(relax bool) {
		var heads []*term
		for i, t := range ranked {
			if i == 8 || gs.uses[t]*2 < gs.uses[ranked[0]] {
				break
			}
			t = promote(t)
			if len(t.parts) == 1 && pw.complaintKey(t.key) && !pw.events[t.key] {
				continue // a complaint word names the problem, not what it is about: "کوچک گران"; an event ("wait") may
			}
			heads = append(heads, t)
		}
		// The members are read once for every candidate.
		for i, said := range pw.forHeads(heads, gs.membersOf(docs), relax) {
			t := heads[i]
			w, sc := said.pick(relax)
			if sc > 0 && !relax {
				strict = append(strict, candidate{t, w, said})
			}
			if sc > best {
				head, first, hw, best, relaxed = t, w, said, sc, relax
			}
		}
	}
	candidates(false)
	// The most telling phrase said by fewer than a fifth of the members
	// that say its head (labelWordShare) is a few members' complaint more
	// than the group's: another term's phrase names the group better when
	// more members say it and at least as many say its term ("chest
	// tight", 15 of the 96 that say "chest", not "lost its shape", 4 of
	// 91), the one most members say; not when its label would show the
	// term alone (its word said only well before it, see phrase). A phrase that
	// wins only by a term fewer members say ("size never in stock" over
	// "packaging was damaged") names another group's problem.
	if first.key != "" && first.texts*labelWordShare < hw.withHead {
		for _, c := range strict {
			if c.w.texts > first.texts && c.hw.withHead >= hw.withHead && pw.phrase(c.t, c.w.key, pw.surface(c.w.key), gs.phraseMembers(docs)) != c.t.surface() {
				head, first, hw = c.t, c.w, c.hw
			}
		}
	}
	// No complaint word stands out with any of them: the word said most
	// with one ("looks cheap", "رنگ تیره"), rather than a bare noun that
	// states no problem ("look"); unless the members say it
	// only well before that term, about something else (see phrase).
	plain := head
	if first.key == "" {
		candidates(true)
	}
	// With no word at all, a term most of its members negate states the
	// problem ("did not work", "never works"), a bare topic ("discount
	// code") does not; a complaint word ("گران‌تر") does already.
	for i, t := range ranked {
		if first.key != "" || i == 8 || gs.uses[t]*2 < gs.uses[ranked[0]] || len(head.parts) == 1 && pw.complaintKey(head.key) {
			break
		}
		if len(t.parts) == 1 && pw.phrase(t, t.key, t.surface(), gs.phraseMembers(docs)) != t.surface() {
			head = t
			break
		}
	}
	word := first.key
	if containsPart(head, word) {
		word = "" // the head states the problem itself: "payment failed"
	}
	var phrase string
	if word != "" {
		phrase = pw.phrase(head, word, pw.surface(word), gs.phraseMembers(docs))
	}
	// A label must not overstate: when fewer than a fifth of the members
	// that say the head say its word with it, the phrase is one complaint
	// among several, and the label goes on with the next words they say
	// with it ("looks cheap, big, boxy"): those that stand out too, or, for
	// a hub whose words stand out by nothing but count, the commonest.
	// With none, a hub's word is one phrase among many unstated: the
	// label is the head alone, and its terms.
	var also []saidWord
	dropped := false
	if word != "" && first.texts*labelWordShare < hw.withHead {
		for _, w := range hw.said {
			if w.key != word && !containsPart(head, w.key) && !avoid[w.key] && (relaxed && hw.countable(w) || !relaxed && hw.score(w, false) > 0) {
				also = append(also, w)
			}
		}
		if !relaxed {
			sort.SliceStable(also, func(a, b int) bool { return hw.score(also[a], false) > hw.score(also[b], false) })
		}
		also = also[:min(2, len(also))]
		if relaxed && len(also) == 0 {
			phrase = head.surface()
		}
		// Even with them, a phrase said by fewer than a tenth of the
		// members that say the head (labelPhraseShare) speaks for almost
		// none of them: "price expensive" said by 8 of the 140 that say
		// "price", "طعم مصنوعی" by 7 of 185. The label is then the head
		// and the group's terms said with it, among them its complaint
		// words that a tenth of its members use, said next to the head or
		// not ("price, expensive": 23 of 166 say "expensive").
		if !relaxed || len(also) > 0 {
			var keys []string
			if phrase != head.surface() {
				keys = append(keys, word)
			}
			for _, w := range also {
				keys = append(keys, w.key)
			}
			if len(keys) > 0 && gs.sayPhrase(head, keys, docs)*labelPhraseShare < hw.withHead {
				word, phrase, also, dropped = "", "", nil, true
			}
		}
	}
	if relaxed && phrase == head.surface() {
		head, word, phrase = plain, "", ""
	}
	// The group's share: a phrase said by fewer than a fifth of the
	// group's members (labelWordShare, the bar a label's word meets
	// among the head's members) names one phrasing of a group that says
	// several ("tight bust" 11 of 266, "service was slow" 40 of 354,
	// "looks cheap" 65 of 587): the label is then the topic, the head and
	// the group's terms, as above, with the phrase's word second ("bust,
	// tight, chest", "service, slow", "look, cheap"): the head is what most
	// members talk about, the word what is wrong with it. Unless no word
	// of it would then state a problem (a state that is no complaint word,
	// see labelOf): the phrase then stays.
	groupWord, groupPhrase := "", ""
	if groupShare && word != "" && phrase != head.surface() {
		keys := []string{word}
		for _, w := range also {
			keys = append(keys, w.key)
		}
		if gs.sayPhrase(head, keys, docs)*labelWordShare < len(gs.hits) {
			groupWord, groupPhrase = word, phrase
			word, phrase, also, dropped = "", "", nil, true
		}
	}
	words := map[string]bool{}
	for _, p := range head.parts {
		words[p] = true
	}
	parts := []string{head.surface()}
	said := labelWords{head: head, terms: map[*term]bool{head: true}}
	switch {
	case word != "":
		// A word the phrase does not show (said only well before the
		// head) is not the label's: its members are not counted as
		// saying it.
		if phrase != head.surface() {
			said.words = append(said.words, word)
		}
		words[word] = true
		parts[0] = phrase
		for _, w := range also {
			said.words = append(said.words, w.key)
			said.second = append(said.second, w.key)
			words[w.key] = true
			parts = append(parts, pw.surface(w.key))
		}
	case len(head.parts) == 1:
		// A complaint word heads with its negation when most members
		// negate it ("حل نشد"); so does any other head ("not fun",
		// "doesn't run").
		parts[0] = pw.phrase(head, head.key, head.surface(), gs.phraseMembers(docs))
	}
	// The word of a phrase given up for the group's share is the topic's
	// second word, whatever a label ranked higher shows: it is the head
	// phrase's, which stays (see distinctWords). Its members are counted
	// as saying the label by the head, as for any topic; those that say
	// the phrase are quoted first. The label then states a problem, so it
	// shows no second head below: the word is said of the head, and a
	// member that says only the other term does not say it.
	if groupWord != "" && !words[groupWord] {
		words[groupWord] = true
		said.kept = groupWord
		parts = append(parts, keptSurface(groupPhrase, head, pw.surface(groupWord)))
	}
	// A topic (a head alone, stating no problem: no complaint word in it,
	// no negation) that fewer than half the members say is one of
	// several: the label shows a second head, the term of the head's
	// candidates said by the most members that do not say the head, when
	// a tenth of the group say it so ("hostess, table", "picture, color"); a
	// member saying either says the label. A head that states the problem
	// ("payment failed", "did not work") keeps its claim alone.
	var alt *term
	if word == "" && said.kept == "" && parts[0] == head.surface() && !statesProblem(head, pw) && gs.uses[head]*2 < len(gs.hits) {
		if alt = gs.secondHead(head, ranked, pw, avoid); alt != nil {
			if p := promote(alt); !avoid[p.parts[0]] && !avoid[p.parts[len(p.parts)-1]] {
				alt = p // "discount code", not "code"
			}
			said.alt = alt
		}
	}
	if alt != nil {
		for _, p := range alt.parts {
			words[p] = true
			said.second = append(said.second, p)
		}
		parts = append(parts, alt.surface())
		said.terms[alt] = true
	}
	// The other words: among terms used by at least a fifth as many
	// members as the head, the most telling (distinct), so that "slow"
	// beats "little" and "rude" beats "work"; a word said no more often in
	// the group than in the whole set adds nothing.
	// And said with the head: in a sentence that holds it, in at least a
	// fifth of the members using both, so that a label names one problem
	// ("week late, stock", not "app" from "I can't log in to the app.
	// Also, it was out of stock for weeks"), and by at least one of them:
	// a term that no member saying the head says anywhere names another
	// thing of the group ("برند، کمه": none of the 28 that say the brand
	// says "کمه", is little), unless it is a complaint word, which states
	// a problem of the group wherever it is said, as the topic's complaint
	// words do ("bulky, stiff, uncomfortable"). Nor a praise word the
	// lexicon does not cue (labelPraise: "decent" in "portions are small,
	// decent" is what the members grant, not what is wrong).
	var more []*term
	for _, t := range ranked {
		common := gs.uses[t]*5 >= gs.uses[head] || dropped && len(t.parts) == 1 && pw.complaintKey(t.key) && gs.uses[t]*labelPhraseShare >= len(gs.hits)
		if common && float64(gs.uses[t])/float64(len(gs.hits)) >= 2*float64(t.df)/n {
			more = append(more, t)
		}
	}
	with, both := gs.saidWith(head, more, docs)
	kept := more[:0]
	for _, t := range more {
		if with[t]*5 >= both[t] && (with[t] > 0 || statesProblem(t, pw)) && !praises(t) {
			kept = append(kept, t)
		}
	}
	more = kept
	sort.SliceStable(more, func(a, b int) bool { return distinct(more[a]) > distinct(more[b]) })
	for _, t := range more {
		if len(parts) == 3 {
			break
		}
		fresh := true
		for _, p := range t.parts {
			if words[p] || avoid[p] {
				fresh = false
			}
		}
		if !fresh {
			continue
		}
		for _, p := range t.parts {
			words[p] = true
			said.second = append(said.second, p)
		}
		parts = append(parts, t.surface())
		said.terms[t] = true
	}
	// Shown without the customers' personal endings ("سفارشم" is
	// "سفارش"): a word said twice so is shown once.
	shown := parts[:0]
	for _, p := range parts {
		if p = pl.phrase(p); !slices.Contains(shown, p) {
			shown = append(shown, p)
		}
	}
	parts = shown
	sep := ", "
	if isPersianWord(parts[0]) {
		sep = "، "
	}
	lost := groupWord != ""
	for w := range words {
		lost = lost && !pw.complaintKey(w)
	}
	// The words it shows: not a word the phrase does not show (see above).
	for _, ws := range [][]string{head.parts, {said.kept}, said.words, said.second} {
		for _, w := range ws {
			if w != "" && !slices.Contains(said.shown, w) {
				said.shown = append(said.shown, w)
			}
		}
	}
	return strings.Join(parts, sep), said, lost
}

// keptSurface shows the word of a phrase given up for its topic (see
// labelOf) as the phrase says it when the phrase negates it ("کالاهای حراج
// اعمال نشد" keeps "اعمال نشد", "discount code did not work" "did not
// work": the bare word would state the opposite), else as its members
// write it (surface).
func keptSurface(phrase string, head *term, surface string) string {
	rest, ok := strings.CutPrefix(phrase, head.surface()+" ")
	if !ok {
		if rest, ok = strings.CutSuffix(phrase, " "+head.surface()); !ok {
			return surface
		}
	}
	lx := getLexicon()
	for _, t := range tokenize(rest) {
		if e, _ := lx.lookupOne(t); t.punct == 0 && e.kinds&cueNegator != 0 {
			return rest
		}
	}
	return surface
}

// labelPhraseShare: a label's phrase (its head with one of its complaint
// words) must be said by at least one in labelPhraseShare of the members
// that say the head, or the label is the head and its terms (see label).
const labelPhraseShare = 10

// secondHead returns the term among the head's candidates (used by at
// least half as many members as the most used term) that the most
// members use without the head, when at least a tenth of the group do
// (labelPhraseShare); nil otherwise. It shares no word with the head nor
// with avoid (words a label ranked higher shows, see labelOf) and
// is no complaint word alone (a complaint word names the problem, not
// what it is about, as in label).
func (gs *gstate) secondHead(head *term, ranked []*term, pw *problemWords, avoid map[string]bool) *term {
	var best *term
	bestN := 0
	for i, t := range ranked {
		if i == 8 || gs.uses[t]*2 < gs.uses[ranked[0]] {
			break
		}
		if t == head || len(t.parts) == 1 && pw.complaintKey(t.key) {
			continue
		}
		shared := false
		for _, p := range t.parts {
			shared = shared || containsPart(head, p) || avoid[p]
		}
		if shared {
			continue
		}
		n := 0
		for _, h := range gs.hits {
			ts := gs.termsOf(h)
			if slices.Contains(ts, t) && !slices.Contains(ts, head) {
				n++
			}
		}
		if n > bestN {
			best, bestN = t, n
		}
	}
	if bestN*labelPhraseShare < len(gs.hits) {
		return nil
	}
	return best
}

// statesProblem reports whether a term holds a complaint word ("payment
// failed", "late"): a label headed by it states the problem itself.
func statesProblem(t *term, pw *problemWords) bool {
	for _, p := range t.parts {
		if pw.complaintKey(p) {
			return true
		}
	}
	return pw.complaintKey(t.key)
}

// sayPhrase counts the members that say the head with one of the words
// of keys as the label's phrase is counted (support 3 or 4, LabelTexts).
func (gs *gstate) sayPhrase(head *term, keys []string, docs []*tdoc) int {
	n := 0
	var words []tword
	var clauses []tclause
	var at []int
	for _, m := range gs.phraseMembers(docs) {
		words = m.d.decode(words)
		if at = headAt(words, head, at[:0]); len(at) == 0 {
			continue
		}
		clauses = m.d.decodeClauses(clauses)
		for wi, w := range words {
			if clauses[w.clause].weight != 0 && slices.Contains(keys, w.key) && nearHead(words, at, wi) >= 0 {
				n += m.n
				break
			}
		}
	}
	return n
}

// saidWith counts, for each of the terms, the members that use it in a
// sentence holding head (with) and those that use both anywhere (both).
func (gs *gstate) saidWith(head *term, terms []*term, docs []*tdoc) (with, both map[*term]int) {
	with, both = map[*term]int{}, map[*term]int{}
	if len(terms) == 0 {
		return with, both
	}
	var words []tword
	is := func(t *term, wi int) bool {
		w := words[wi]
		return w.key == t.key || len(t.parts) == 2 && wi > 0 && w.joined && bigramKey(words[wi-1], w) == t.key
	}
	sents := map[int32]bool{}
	for _, m := range gs.phraseMembers(docs) {
		words = m.d.decode(words)
		clear(sents)
		for wi := range words {
			if is(head, wi) {
				sents[words[wi].sent] = true
			}
		}
		if len(sents) == 0 {
			continue
		}
		for _, t := range terms {
			in, near := false, false
			for wi := range words {
				if is(t, wi) {
					in = true
					near = near || sents[words[wi].sent]
				}
			}
			if in {
				both[t] += m.n
			}
			if near {
				with[t] += m.n
			}
		}
	}
	return with, both
}

// labelWords are what a label names: its head term, the complaint words
// said with it (none, one, or up to three when one is said by too few of
// the members: "looks cheap, big, boxy") and every term it shows.
type labelWords struct {
	head  *term
	alt   *term // a second head, said instead of the head (see secondHead)
	words []string
	// kept is the word of a phrase the label gave up for its topic (see
	// labelOf): shown, and read as the phrase for the quotes, not needed
	// to say the label.
	kept  string
	terms map[*term]bool
	// shown are the keys of every word the label shows, second those of
	// its secondary words, after its head phrase (see distinctWords).
	shown, second []string
}

// phraseNext: a complaint word at most this many tokens from the head is
// said next to it: "looks cheap", "the release is broken", "runs way too
// large", "tight across the chest".
const phraseNext = 3

// support says how well a member's words back the label: 4 when it says
// the label's phrase with the complaint word next to the head (within
// phraseNext tokens), 3 when the word
// stands further off but within problemWordSpan words of the head in one
// clause, as the label's words are counted (forHead), which may be
// another sense ("release and hope people buy it so we can break even"
// under "release broken"); 2 the head, 1 another term the label shows,
// 0 only an unnamed term of the group. at is the clause
// to quote from: the one in the sentence that says most of the label
// (head and complaint word 2 each, the label's other words 1), never a
// praising one ("I loved the story" is no quote for a story problem),
// complaints first, then the earliest.
// terms are the group's terms h uses, words and clauses its text's
// (decoded).
func (lw labelWords) support(h ghit, terms []*term, words []tword, clauses []tclause) (level int, at int32) {
	at = h.clause
	if lw.head == nil {
		return 0, at
	}
	for _, t := range terms {
		if lw.terms[t] && t != lw.head {
			level = 1
		}
	}
	extra := map[string]bool{}
	for t := range lw.terms {
		if t != lw.head {
			for _, p := range t.parts {
				extra[p] = true
			}
		}
	}
	clauseScore := map[int32]int{}
	sentScore := map[int32]int{}
	sentOf := map[int32]int32{}
	headIn := map[int32]bool{}
	phrase := int32(-1) // tokens between the head and the nearest complaint word of the label said with it
	// The head is said in a clause that holds every word of it, in any
	// order ("late delivery", "the delivery was late"), as the label's
	// words are counted.
	heads := headAt(words, lw.head, nil)
	if lw.alt != nil && len(lw.words) == 0 {
		heads = headAt(words, lw.alt, heads)
	}
	for wi, w := range words {
		if clauses[w.clause].weight == 0 {
			continue
		}
		sentOf[w.clause] = w.sent
		v := 0
		switch {
		case slices.Contains(heads, wi):
			v, headIn[w.clause] = 2, true
			if n := len(lw.head.parts); w.key != lw.head.key && (lw.alt == nil || w.key != lw.alt.key) {
				if lw.alt != nil && !containsPart(lw.head, w.key) {
					n = len(lw.alt.parts)
				}
				v = 2 / n // each word of a pair 1
			}
		case slices.Contains(lw.words, w.key) || w.key == lw.kept:
			v = 2
			if d := nearHead(words, heads, wi); d >= 0 && (phrase < 0 || d < phrase) {
				phrase = d
			}
		case extra[w.key]:
			v = 1
		}
		clauseScore[w.clause] += v
		sentScore[w.sent] += v
	}
	if len(headIn) > 0 {
		level = max(level, 2)
	}
	switch {
	case phrase >= 0 && phrase <= phraseNext:
		level = 4
	case phrase >= 0:
		level = 3
	}
	best := int32(-1)
	for c, sc := range clauseScore {
		if sc == 0 {
			continue
		}
		if best < 0 {
			best = c
			continue
		}
		sa, sb := sentScore[sentOf[c]], sentScore[sentOf[best]]
		wa, wb := clauses[c].weight, clauses[best].weight
		if sa > sb || sa == sb && (sc > clauseScore[best] || sc == clauseScore[best] && (wa > wb || wa == wb && c < best)) {
			best = c
		}
	}
	if best >= 0 {
		at = best
	}
	return level, at
}

func containsPart(t *term, key string) bool {
	for _, p := range t.parts {
		if p == key {
			return true
		}
	}
	return false
}

// examples picks the members that voice the group most typically: main
// members first, then those using the group's most used terms, then
// complaint intensity, short texts, input order. A short text is quoted
// whole, a long one by the clause that holds its strongest term; either
// way the quote contains one of the group's terms. It also returns how
// many members say the label's own phrase (support 3 or 4; the head, 2,
// when the label has no complaint word), and which of the quotes' members
// do.
func (gs *gstate) examples(texts []Text, docs []*tdoc, n int, said labelWords) ([]string, []bool, int) {
	out, outSay, saying, _ := gs.examplesSaying(texts, docs, n, said)
	return out, outSay, saying
}

// examplesSaying is examples that also tells, for each member in the
// order of gs.hits (PainPoint.Members), whether it says the label's own
// phrase (PainPoint.MembersSay).
func (gs *gstate) examplesSaying(texts []Text, docs []*tdoc, n int, said labelWords) ([]string, []bool, int, []bool) {
	type cand struct {
		h       ghit
		typ     float64
		support int
		head    bool // says the head itself, not only a second head
		short   bool // its text is at most 240 bytes long
		plain   bool // the clause to quote states no complaint (a neutral one)
	}
	cands := make([]cand, 0, len(gs.hits))
	saying := 0
	says := func(level int) bool { return level >= 3 || len(said.words) == 0 && level == 2 }
	var words []tword
	var clauses []tclause
	// A text said by several members is read once: its support depends
	// on its words, its clause and its terms, which identical texts
	// share (checked, else it is read again).
	type read struct {
		clause int32
		terms  []*term
		level  int
		at     int32
		head   bool
		plain  bool
	}
	reads := make(map[*tdoc]read, len(gs.membersOf(docs)))
	membersSay := make([]bool, len(gs.hits))
	for hi, h := range gs.hits {
		if h.nterms == 0 {
			// A turn its conversation's segment placed ("Yes, indeed.")
			// is a member, never a quote: a quote says the problem.
			continue
		}
		var typ float64
		terms := gs.termsOf(h)
		for _, t := range terms {
			typ += float64(gs.uses[t])
		}
		d := docs[h.text]
		r, ok := reads[d]
		if !ok || r.clause != h.clause || !slices.Equal(r.terms, terms) {
			words, clauses = d.decode(words), d.decodeClauses(clauses)
			r = read{clause: h.clause, terms: terms}
			r.level, r.at = said.support(h, terms, words, clauses)
			r.head = said.alt == nil || len(headAt(words, said.head, nil)) > 0
			r.plain = int(r.at) < len(clauses) && clauses[r.at].weight < 1
			if !ok {
				reads[d] = r
			}
		}
		if says(r.level) {
			saying++
			membersSay[hi] = true
		}
		h.clause = r.at
		cands = append(cands, cand{h, typ / float64(len(gs.hits)), r.level, r.head, len(d.norm) <= 240, r.plain})
	}
	// The candidates in the order of this comparison, a total one (two
	// members are two texts): read from a heap only as far as the quotes
	// need, which is the order a sort of them all would give.
	next := inOrder(cands, func(a, b cand) int {
		ha, hb := &a.h, &b.h
		// Those that say the label's phrase come first, main members
		// or not: a quote is the evidence for its label ("The menu was
		// small" under "menu small", before a main member's "uninformed
		// about the menu").
		if sa, sb := says(a.support), says(b.support); sa != sb {
			return firstIf(sa)
		}
		// Of those, the ones that say the head before those that say
		// only a second head (see secondHead).
		if a.head != b.head {
			return firstIf(a.head)
		}
		// Then, under a topic that keeps its phrase's word, those that
		// say the phrase ("Fabric felt cheap." under "fabric, cheap"):
		// a quote shows what is wrong with the topic.
		if pa, pb := a.support >= 3, b.support >= 3; pa != pb {
			return firstIf(pa)
		}
		// Then those that say something the label shows come first, main
		// members or not: a quote under "place" says "place" ("Of course,
		// and I think..." of a member by another term does not).
		if sa, sb := a.support > 0, b.support > 0; sa != sb {
			return firstIf(sa)
		}
		if ha.primary != hb.primary {
			return firstIf(ha.primary)
		}
		if a.support != b.support {
			return cmp.Compare(b.support, a.support)
		}
		// Then those whose quote complains: under a topic ("dress") a
		// quote shows what is wrong with it, not "The dress looks very
		// elegant on the website".
		if a.plain != b.plain {
			return firstIf(b.plain)
		}
		if a.short != b.short {
			return firstIf(a.short)
		}
		if a.typ != b.typ {
			return firstIf(a.typ > b.typ)
		}
		if ha.intensity != hb.intensity {
			return firstIf(ha.intensity > hb.intensity)
		}
		return cmp.Compare(ha.text, hb.text)
	})
	// A fragment ("This September?", "Had to return.") says too little
	// to be evidence: it is quoted only when too few others are.
	var out []string
	var outSay []bool
	seen := map[string]bool{}
	var ordered []cand // the candidates in order, as far as read
	for _, fragments := range []bool{false, true} {
		for i := 0; ; i++ {
			if len(out) == n {
				return out, outSay, saying, membersSay
			}
			if i == len(ordered) {
				c, ok := next()
				if !ok {
					break
				}
				ordered = append(ordered, c)
			}
			c := ordered[i]
			q, words := quoteOf(docs[c.h.text], c.h.clause)
			if q == "" || seen[q] || !fragments && fragment(words, said.head) {
				continue
			}
			seen[q] = true
			out = append(out, q)
			outSay = append(outSay, says(c.support))
		}
	}
	return out, outSay, saying, membersSay
}

// fragment reports whether a quote's words (stopwords, fillers and
// numbers are none) say nothing but the label's head: "This September?",
// "Had to return." under "return"; not "ارسال خیلی دیر بود" under "دیر",
// nor a quote that says a head of two words whole ("Delivery was late,
// very late!" under "late delivery"): that states the problem.
func fragment(words []tword, head *term) bool {
	said := map[string]bool{}
	for _, w := range words {
		if head == nil || w.key != head.key && !containsPart(head, w.key) {
			return false
		}
		said[w.key] = true
	}
	return head == nil || len(head.parts) < 2 || len(said) < len(head.parts) && !said[head.key]
}

// quoteOf quotes a text for the problem said in clause at: whole when it
// is at most 240 characters and no other sentence of it names anything
// (judgements aside: "Late delivery, again. Very disappointing!"), else
// the sentence holding the clause ("The packaging was torn. Also, the
// delivery was late" is quoted under late delivery by its second
// sentence), else the clause. It also returns the model's words the
// quote holds.
func quoteOf(d *tdoc, at int32) (string, []tword) {
	words, clauses := d.decode(nil), d.decodeClauses(nil)
	sent := int32(-1)
	var inSent, inClause []tword
	for _, w := range words {
		if w.clause == at {
			sent = w.sent
			inClause = append(inClause, w)
		}
	}
	others := false
	for _, w := range words {
		if w.sent != sent && w.kind != wContext {
			others = true
		}
		if w.sent == sent {
			inSent = append(inSent, w)
		}
	}
	q := strings.TrimSpace(d.norm)
	if !others && len([]rune(q)) <= 240 {
		return q, words
	}
	off, end := clauses[at].off, clauses[at].end
	if sent >= 0 {
		next := int32(len(d.norm))
		for _, w := range words {
			if c := clauses[w.clause]; w.sent == sent {
				off, end = min(off, c.off), max(end, c.end)
			} else if w.sent > sent {
				next = min(next, c.off)
			}
		}
		// to the sentence's full stop: "Late delivery, again."
		if k := strings.IndexAny(d.norm[end:next], ".!?؟\n"); k >= 0 {
			end += int32(k) + 1
		}
		if q := withoutConnector(d.norm[off:end]); len([]rune(q)) <= 240 {
			return capitalize(q), inSent
		}
	}
	cl := clauses[at]
	return capitalize(truncate(withoutConnector(d.norm[cl.off:cl.end]), 240)), inClause
}

// capitalize starts a quote cut from a text with a capital letter, as a
// sentence: "the delivery was late" → "The delivery was late".
func capitalize(q string) string {
	if q != "" && q[0] >= 'a' && q[0] <= 'z' {
		return string(q[0]-'a'+'A') + q[1:]
	}
	return q
}

// connectors join a sentence to the one before it; a quote cut from the
// text starts after them ("Also, the delivery was late" is quoted "the
// delivery was late", "ضمنا سفارشم دیر رسید" as "سفارشم دیر رسید").
var connectors = setOf("also plus and besides moreover furthermore ضمنا درضمن همچنین بعلاوه و")

func withoutConnector(q string) string {
	q = strings.TrimSpace(q)
	for {
		first, rest, ok := strings.Cut(q, " ")
		if !ok || !connectors[strings.ToLower(strings.TrimRight(first, ",،"))] {
			return q
		}
		q = strings.TrimSpace(rest)
	}
}

// distinctWords keeps a word out of more than one label where it can
// (issue #14: labels distinct from each other): in ranked order, a label
// whose secondary words (those after its head phrase: "huge" in "runs
// very large, big, huge") a label ranked higher shows ("looks cheap, huge,
// boxy") is made again by relabel without any word a label ranked higher
// shows, its quotes and label_texts with it. The head phrase stays: it is
// what most of its members say. pps are the pain points in ranked order,
// made their groups in states.
func distinctWords(pps []PainPoint, made []int, states []*gstate, relabel func(i int, avoid map[string]bool)) {
	shown := map[string]bool{}
	for i := range pps {
		said := &states[made[i]].said
		for _, k := range said.second {
			if shown[k] {
				relabel(i, shown)
				break
			}
		}
		for _, k := range said.shown {
			shown[k] = true
		}
	}
}

// distinctLabels makes labels unique: a repeated label gets its group's
// next term ("price" twice becomes "price", "price (menu)").
func distinctLabels(pps []PainPoint) {
	seen := map[string]bool{}
	for i := range pps {
		l := pps[i].Label
		for _, t := range pps[i].Terms {
			if !seen[l] {
				break
			}
			if !strings.Contains(l, t) {
				l = pps[i].Label + " (" + t + ")"
			}
		}
		if seen[l] {
			l = pps[i].Label + " (" + pps[i].Key + ")"
		}
		seen[l] = true
		pps[i].Label = l
	}
}

// withoutMarkers drops the terms the members say mostly inside a
// discourse marker ("of course", "at least", "in terms of", "در واقع"),
// alone or as the first word of a pair ("at least the staff"): they
// steer the talk and name no problem. Only terms whose first word can end
// a marker are read again, so the cost is that of their uses.
func (gs *gstate) withoutMarkers(ranked []*term, docs []*tdoc) []*term {
	var out []*term
	var words []tword
	var clauses []tclause
	for _, t := range ranked {
		if len(t.parts) == 1 && downtoners[t.key] {
			continue
		}
		if !canEndMarker(t) {
			out = append(out, t)
			continue
		}
		uses, marker := 0, 0
		for _, m := range gs.membersOf(docs) {
			d := m.d
			words, clauses = d.decode(words), d.decodeClauses(clauses)
			for wi, w := range words {
				first := w
				switch {
				case len(t.parts) == 1 && w.key == t.key:
				case len(t.parts) == 2 && wi > 0 && w.joined && w.key == t.parts[1] && words[wi-1].key == t.parts[0]:
					first = words[wi-1]
				default:
					continue
				}
				uses += m.n
				cl := clauses[first.clause]
				if toks := tokenize(d.norm[cl.off:cl.end]); int(first.pos) < len(toks) && discourseAt(toks, int(first.pos)) {
					marker += m.n
				}
			}
		}
		if marker*2 <= uses {
			out = append(out, t)
		}
	}
	return out
}

// canEndMarker: the term's first word, as written, can end a discourse
// marker or begin a preposition of two words.
func canEndMarker(t *term) bool {
	for s := range t.surf {
		if w, _, _ := strings.Cut(s, " "); discourse[w] != nil || prepositionWith[w] != nil {
			return true
		}
	}
	return false
}

// firstIf is a comparison's answer when two differ in one respect: -1
// (first) for the one that has it.
func firstIf(has bool) int {
	if has {
		return -1
	}
	return 1
}

// inOrder returns a function that gives xs one at a time in cmp's order
// and false after the last: a heap made in xs (which it reorders), so
// that reading the first few costs little more than finding them. cmp
// must be a total order (no two elements compare equal): the order is
// then the one any sort of xs gives.
func inOrder[T any](xs []T, cmp func(a, b T) int) func() (T, bool) {
	n := len(xs)
	down := func(i int) {
		for {
			j := 2*i + 1
			if j >= n {
				return
			}
			if r := j + 1; r < n && cmp(xs[r], xs[j]) < 0 {
				j = r
			}
			if cmp(xs[j], xs[i]) >= 0 {
				return
			}
			xs[i], xs[j] = xs[j], xs[i]
			i = j
		}
	}
	for i := n/2 - 1; i >= 0; i-- {
		down(i)
	}
	return func() (T, bool) {
		if n == 0 {
			var none T
			return none, false
		}
		top := xs[0]
		n--
		xs[0] = xs[n]
		down(0)
		return top, true
	}
}
