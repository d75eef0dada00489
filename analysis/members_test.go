package analysis

import (
	"context"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// groupStates runs FindPainPointsContext's steps up to the groups'
// members, for tests that describe the groups themselves.
func groupStates(t *testing.T, texts []Text, opt PainPointOptions) (docs []*tdoc, states []*gstate, pw *problemWords, pl *plainWords, people int) {
	t.Helper()
	docs, groups, cv, people := textGroups(t, texts, opt)
	return docs, assign(texts, docs, groups, cv), countProblemWords(docs), newPlainWords(docs), people
}

// textGroups runs FindPainPointsContext's steps up to the groups, before
// their members are assigned.
func textGroups(t *testing.T, texts []Text, opt PainPointOptions) (docs []*tdoc, groups []*tgroup, cv *convo, people int) {
	t.Helper()
	persons := map[string]bool{}
	for i, x := range texts {
		persons[personOf(x, i)] = true
	}
	docs, distinct, err := analyseAll(context.Background(), texts, ignoreSet(texts, opt))
	if err != nil {
		t.Fatal(err)
	}
	min := minSupport(len(texts), opt.MinPeople)
	st := countTerms(docs, conversations(texts))
	terms := st.selectTerms(min)
	if splitSenses(docs, terms, min) > 0 {
		st = countTerms(docs, conversations(texts))
		terms = st.selectAgain(terms, min)
	}
	st.orderShows(terms)
	wv := trainVectors(distinct, termWords(terms))
	groups = splitGroups(clusterTerms(terms, docs, wv, st, nil), docs, min)
	return docs, groups, st.cv, len(persons)
}

// repeatedAnswers makes answers about a dozen problems, in English and
// Persian, each said in a few ways around other words, and each answer
// given by one to five persons word for word: identical texts share their
// doc.
func repeatedAnswers(n int, seed uint64) []Text {
	r := rand.New(rand.NewPCG(seed, seed))
	problems := [][]string{
		{"the delivery was late", "delivery took two weeks", "my parcel arrived late", "late delivery again"},
		{"the price is too expensive", "prices went up", "way too expensive for what it is"},
		{"support agent was rude", "customer service never answered", "the support team was slow"},
		{"the app keeps crashing", "app crashed at checkout", "login to the app failed"},
		{"the size runs small", "sizes are too small", "it runs small in the chest"},
		{"the colour faded after one wash", "colour faded quickly", "the fabric feels cheap"},
		{"ارسال خیلی دیر بود", "سفارشم دیر رسید", "ارسال دو هفته طول کشید"},
		{"قیمت خیلی گران بود", "قیمت ها بالا رفته", "خیلی گران است"},
		{"پشتیبانی جواب نداد", "پشتیبانی خیلی کند بود", "کارمند پشتیبانی بی ادب بود"},
		{"بسته بندی پاره بود", "جعبه باز شده بود", "بسته بندی خراب بود"},
	}
	others := []string{"", "I ordered on monday", "otherwise fine", "the staff were nice", "never again",
		"کیفیت خوب بود", "ممنون", "overall ok", "the menu was great", "love the brand",
		"of course the price matters", "at least the delivery was quick", "در واقع قیمت مهم است"}
	var out []Text
	for range n {
		p := problems[r.IntN(len(problems))]
		text := p[r.IntN(len(p))]
		if r.IntN(3) == 0 {
			q := problems[r.IntN(len(problems))]
			text += ". " + q[r.IntN(len(q))]
		}
		if o := others[r.IntN(len(others))]; o != "" {
			if r.IntN(2) == 0 {
				text = o + ", " + text
			} else {
				text += ". " + o
			}
		}
		for range 1 + r.IntN(5) {
			out = append(out, Text{ID: itoa(len(out) + 1), Text: text})
		}
	}
	return out
}

// TestLabelsReadDistinctTexts: a group's labels, quotes and counts read
// each of its distinct texts once and count it as many times as it is a
// member; they are the same as when every member text is read on its own
// (each its own doc, as if no two texts were alike).
func TestLabelsReadDistinctTexts(t *testing.T) {
	texts := repeatedAnswers(1500, 7)
	opt := PainPointOptions{MinPeople: 2, Examples: 3}
	docs, states, pw, pl, people := groupStates(t, texts, opt)
	// apart: every text its own doc, as if no two were alike.
	apart := apartDocs(docs)
	shared, described := 0, 0
	for _, gs := range states {
		if len(gs.persons) < opt.MinPeople {
			continue
		}
		one := *gs
		one.hits = append([]ghit(nil), gs.hits...)
		one.members = nil
		for _, h := range one.hits {
			one.members = append(one.members, member{d: apart[h.text], n: 1})
		}
		distinct := *gs
		distinct.hits = append([]ghit(nil), gs.hits...)
		distinct.members = nil
		want, okWant := one.painPoint(texts, apart, pw, pl, people, opt, nil)
		got, okGot := distinct.painPoint(texts, docs, pw, pl, people, opt, nil)
		if len(distinct.members) < len(distinct.hits) {
			shared++
		}
		if okGot != okWant || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(distinct.said, one.said) {
			t.Errorf("group %s: read once per distinct text %+v (%v), once per member %+v (%v)", gs.g.key, got, okGot, want, okWant)
		}
		// Each count the labels read, for every term the group uses.
		ranked := one.rankedTerms()
		if a, b := distinct.withoutMarkers(ranked, docs), one.withoutMarkers(ranked, apart); !slices.Equal(a, b) {
			t.Errorf("group %s: without markers %d terms, want %d", gs.g.key, len(a), len(b))
		}
		// All the heads counted in one read of the members, as each alone.
		for _, relaxed := range []bool{false, true} {
			for i, hw := range pw.forHeads(ranked, distinct.members, relaxed) {
				if want := pw.forHead(ranked[i], one.members, relaxed); !reflect.DeepEqual(hw, want) {
					t.Errorf("group %s, head %s of %d: forHeads %+v, want %+v", gs.g.key, ranked[i].key, len(ranked), hw, want)
				}
			}
		}
		for _, head := range ranked {
			for _, relaxed := range []bool{false, true} {
				if a, b := pw.forHead(head, distinct.members, relaxed), pw.forHead(head, one.members, relaxed); !reflect.DeepEqual(a, b) {
					t.Errorf("group %s, head %s: forHead %+v, want %+v", gs.g.key, head.key, a, b)
				}
			}
			if a, b := pw.phrase(head, head.key, head.surface(), distinct.members), pw.phrase(head, head.key, head.surface(), one.members); a != b {
				t.Errorf("group %s, head %s: phrase %q, want %q", gs.g.key, head.key, a, b)
			}
			wa, ba := distinct.saidWith(head, ranked, docs)
			wb, bb := one.saidWith(head, ranked, apart)
			if !reflect.DeepEqual(wa, wb) || !reflect.DeepEqual(ba, bb) {
				t.Errorf("group %s, head %s: saidWith %v %v, want %v %v", gs.g.key, head.key, wa, ba, wb, bb)
			}
			var keys []string
			for _, o := range ranked {
				keys = append(keys, o.parts...)
			}
			if a, b := distinct.sayPhrase(head, keys, docs), one.sayPhrase(head, keys, apart); a != b {
				t.Errorf("group %s, head %s: sayPhrase %d, want %d", gs.g.key, head.key, a, b)
			}
		}
		// A label made again without a word, as distinctWords does.
		avoid := map[string]bool{}
		for _, k := range one.said.shown[min(1, len(one.said.shown)):] {
			avoid[k] = true
		}
		wantAgain, gotAgain := want, got
		one.describe(&wantAgain, texts, apart, pw, pl, opt, nil, avoid)
		distinct.describe(&gotAgain, texts, docs, pw, pl, opt, nil, avoid)
		if !reflect.DeepEqual(gotAgain, wantAgain) {
			t.Errorf("group %s avoiding %v: %q, want %q", gs.g.key, avoid, gotAgain.Label, wantAgain.Label)
		}
		described++
	}
	if described < 5 || shared < described/2 {
		t.Fatalf("%d groups described, %d with a text said twice: the fixture tests too little", described, shared)
	}
}

// TestCountTermsOncePerDistinctText: countTerms reads a text said by
// several persons once and counts it again where it is said again; every
// count, spelling and weight is what reading each text on its own gives
// (each its own doc), a term's spellings kept at 32 as they are met, and
// a conversation's turns placed in order.
func TestCountTermsOncePerDistinctText(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	// "wait long" in 49 spellings, more than a term keeps
	forms := func(w string) []string {
		return []string{w, w + "s", w + "ed", w + "ing", w + "'s", w + "ing's", w + "ed's"}
	}
	var said []string
	for _, a := range forms("wait") {
		for _, b := range forms("long") {
			said = append(said, "we "+a+" "+b+" at the desk")
		}
	}
	for _, x := range repeatedAnswers(300, 9) {
		said = append(said, x.Text)
	}
	var texts []Text
	for range 3000 {
		texts = append(texts, Text{ID: itoa(len(texts) + 1), Text: said[r.IntN(len(said))]})
	}
	// and a long conversation, whose turns repeat ("yes, the wait was
	// long"): most of the texts, so that they are read as one
	for i := range 3500 {
		texts = append(texts, Text{ID: itoa(len(texts) + 1), Person: "p" + itoa(i%3), Thread: "meeting",
			Text: []string{"yes, the wait was long", "the price is too expensive", "ok", "support agent was rude"}[r.IntN(4)]})
	}
	cvs := []*convo{nil, conversations(texts)}
	if cvs[1] == nil {
		t.Fatal("no conversation")
	}
	for _, cv := range cvs {
		docs, _, err := analyseAll(context.Background(), texts, nil)
		if err != nil {
			t.Fatal(err)
		}
		apart := apartDocs(docs)
		got, want := countTerms(docs, cv), countTerms(apart, cv)
		if !reflect.DeepEqual(got.byKey, want.byKey) || got.n != want.n {
			for k, w := range want.byKey {
				if g := got.byKey[k]; !reflect.DeepEqual(g, w) {
					t.Errorf("term %q: %+v, want %+v", k, g, w)
				}
			}
			t.Fatalf("%d terms, want %d", len(got.byKey), len(want.byKey))
		}
		capped := false
		for _, tm := range got.byKey {
			capped = capped || len(tm.surf) == 32
		}
		if !capped {
			t.Error("no term kept 32 spellings: the cap is not tested")
		}
	}
}

// TestAssignScoresDistinctTextsOnce: assign scores a text said by several
// persons once; every group's members, their terms and severities are
// what scoring each text on its own gives (each its own doc), survey
// answers and a conversation's turns (whose scores their segment changes)
// alike.
func TestAssignScoresDistinctTextsOnce(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	survey := repeatedAnswers(1200, 4)
	// letters of four problems, one said twice: the others pass in it
	for i := range 300 {
		survey = append(survey, Text{ID: itoa(len(survey) + 1), Text: []string{
			"The delivery was late. Late delivery again. The price is too expensive. Support agent was rude.",
			"The app keeps crashing. App crashed at checkout. The size runs small. The delivery was late.",
		}[i%2]})
	}
	var meeting []Text
	for i := range 3000 {
		meeting = append(meeting, Text{ID: itoa(i + 1), Person: "p" + itoa(i%4), Thread: "m" + itoa(i/600),
			Text: []string{"yes, the delivery was late", "the price is too expensive", "ok", "support agent was rude",
				"the app keeps crashing", "yes", "right, and the parcel arrived late"}[r.IntN(7)]})
	}
	for _, texts := range [][]Text{survey, append(survey[:1000:1000], meeting...)} {
		opt := PainPointOptions{MinPeople: 2}
		docs, groups, cv, _ := textGroups(t, texts, opt)
		states := assign(texts, docs, groups, cv)
		// Made afresh (assigning changes a conversation's terms), each
		// text its own doc.
		docs, groups, cv, _ = textGroups(t, texts, opt)
		apart := apartDocs(docs)
		again := assign(texts, apart, groups, cv)
		keys := func(gs *gstate) (hitTerms []string, uses map[string]int) {
			uses = map[string]int{}
			for _, t := range gs.hitTerms {
				hitTerms = append(hitTerms, t.key)
			}
			for t, n := range gs.uses {
				uses[t.key] = n
			}
			return hitTerms, uses
		}
		members := 0
		for gi, gs := range states {
			a := again[gi]
			ht, u := keys(gs)
			hta, ua := keys(a)
			if !reflect.DeepEqual(gs.hits, a.hits) || !slices.Equal(ht, hta) || !reflect.DeepEqual(gs.persons, a.persons) || !reflect.DeepEqual(u, ua) {
				t.Errorf("%d texts, group %s: %d members, want %d", len(texts), gs.g.key, len(gs.hits), len(a.hits))
			}
			members += len(gs.hits)
		}
		if len(groups) < 3 || members < len(texts)/2 {
			t.Fatalf("%d groups, %d members of %d texts: the fixture tests too little", len(groups), members, len(texts))
		}
	}
}

// TestCountsOncePerDistinctText: the counts over every text that read a
// text said by several persons once (terms said together and listed,
// complaint words learned and counted, terms said apart) are what reading
// each text on its own gives (each its own doc).
func TestCountsOncePerDistinctText(t *testing.T) {
	texts := repeatedAnswers(2000, 12)
	for i := range 700 { // terms said apart ("delivery" in one text, "parcel" in another, of one context), words learned
		texts = append(texts, Text{ID: itoa(len(texts) + 1), Text: []string{
			"the delivery was late, the courier lost it", "my parcel was late, the courier lost it",
			"the delivery and the price", "the parcel and the price",
			"My flight to Rome was cancelled and the staff were rude", "The hotel was booked through the app",
			"Seat was booked online, the meal was fine", "The fish arrived thawed and horrible",
		}[i%8]})
	}
	docs, _, err := analyseAll(context.Background(), texts, nil)
	if err != nil {
		t.Fatal(err)
	}
	apart := apartDocs(docs)
	if len(docTimes(docs)) >= len(docs)/2 {
		t.Fatalf("%d distinct texts of %d: the fixture repeats too little", len(docTimes(docs)), len(docs))
	}
	terms := countTerms(docs, nil).selectTerms(minSupport(len(texts), 2))
	tg, lg := coUse(docs, terms)
	ta, la := coUse(apart, terms)
	if !reflect.DeepEqual(tg, ta) || !reflect.DeepEqual(lg, la) || len(tg) == 0 || len(lg) == 0 {
		t.Errorf("coUse: %d pairs together, %d listed; want %d, %d", len(tg), len(lg), len(ta), len(la))
	}
	if got, want := alternatives(docs, terms), alternatives(apart, terms); !reflect.DeepEqual(got, want) {
		t.Errorf("alternatives %v, want %v", got, want)
	}
	l1, e1, s1 := learnComplaintWords(docs)
	l2, e2, s2 := learnComplaintWords(apart)
	if !reflect.DeepEqual(l1, l2) || !reflect.DeepEqual(e1, e2) || !reflect.DeepEqual(s1, s2) || len(l1)+len(s1) == 0 {
		t.Errorf("learned %v %v %v, want %v %v %v", l1, e1, s1, l2, e2, s2)
	}
	if got, want := countProblemWords(docs), countProblemWords(apart); !reflect.DeepEqual(got, want) || len(got.df) == 0 {
		t.Errorf("problem words: %d counted, want %d", len(got.df), len(want.df))
	}
}

// TestSplitGroupsOncePerDistinctText: splitting the groups reads a text
// said by several persons once and gives its terms again where it is said
// again: the groups are what reading each text on its own gives.
func TestSplitGroupsOncePerDistinctText(t *testing.T) {
	texts := repeatedAnswers(3000, 21)
	docs, distinct, err := analyseAll(context.Background(), texts, nil)
	if err != nil {
		t.Fatal(err)
	}
	apart := apartDocs(docs)
	min := minSupport(len(texts), 2)
	st := countTerms(docs, nil)
	terms := st.selectTerms(min)
	st.orderShows(terms)
	groups := clusterTerms(terms, docs, trainVectors(distinct, termWords(terms)), st, nil)
	big := 0
	for _, g := range groups {
		if len(g.terms) >= splitMinTerms {
			big++
		}
	}
	if big == 0 {
		t.Fatal("no group of enough terms to split: the fixture tests nothing")
	}
	got, want := splitGroups(groups, docs, min), splitGroups(groups, apart, min)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%d groups, want %d", len(got), len(want))
	}
}

// apartDocs is every text its own doc, as if no two texts were alike:
// the reading of each distinct text once is checked against it.
func apartDocs(docs []*tdoc) []*tdoc {
	apart := make([]*tdoc, len(docs))
	for i, d := range docs {
		c := *d
		apart[i] = &c
	}
	return apart
}

// A group of more distinct texts than labelSample has its label's wording
// read from a sample of them that stands for all: at most labelSample
// texts, their counts summing to the members', and the same label, quotes
// and counts as a read of every member.
func TestLabelReadFromSampleOfLargeGroup(t *testing.T) {
	texts := repeatedAnswers(30000, 11)
	opt := PainPointOptions{MinPeople: 2, Examples: 3}
	docs, states, pw, pl, people := groupStates(t, texts, opt)
	apart := apartDocs(docs) // every text its own: 30,000 distinct answers
	large := 0
	for _, gs := range states {
		if len(gs.persons) < opt.MinPeople || len(gs.hits) <= labelSample {
			continue
		}
		large++
		sampled := *gs
		sampled.hits = append([]ghit(nil), gs.hits...)
		sampled.members, sampled.sample = nil, nil
		all := *gs
		all.hits = append([]ghit(nil), gs.hits...)
		all.members = nil
		for _, h := range all.hits {
			all.members = append(all.members, member{d: apart[h.text], n: 1})
		}
		all.sample = all.members // the wording read from every member too
		got, okGot := sampled.painPoint(texts, apart, pw, pl, people, opt, nil)
		want, okWant := all.painPoint(texts, apart, pw, pl, people, opt, nil)
		if n := len(sampled.sample); n > labelSample || n < labelSample/2 {
			t.Errorf("group %s of %d texts: label's wording read from %d, want at most %d", gs.g.key, len(gs.hits), n, labelSample)
		}
		sum := 0
		for _, m := range sampled.sample {
			sum += m.n
		}
		if sum != len(gs.hits) {
			t.Errorf("group %s: the sample stands for %d texts, want %d", gs.g.key, sum, len(gs.hits))
		}
		if okGot != okWant || got.Label != want.Label || got.LabelTexts != want.LabelTexts || !reflect.DeepEqual(got.Examples, want.Examples) {
			t.Errorf("group %s: from the sample %q (%d say it, %v), from every member %q (%d, %v)", gs.g.key, got.Label, got.LabelTexts, got.Examples, want.Label, want.LabelTexts, want.Examples)
		}
	}
	if large < 3 {
		t.Fatalf("%d groups of more than %d texts, want at least 3", large, labelSample)
	}
}

func TestSampleMembers(t *testing.T) {
	var ms []member
	for i := range 10 {
		ms = append(ms, member{d: &tdoc{}, n: i + 1})
	}
	for _, tc := range []struct{ n, want int }{{10, 10}, {20, 10}, {5, 5}, {4, 4}, {3, 3}, {1, 1}} {
		got := sampleMembers(ms, tc.n)
		sum := 0
		for _, m := range got {
			sum += m.n
		}
		if len(got) != tc.want || sum != 55 || got[0].d != ms[0].d {
			t.Errorf("sampleMembers(10 members, %d): %d members standing for %d texts, want %d for 55", tc.n, len(got), sum, tc.want)
		}
	}
}
