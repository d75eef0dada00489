package analysis

import (
	"slices"
	"strings"
	"testing"
)

// TestLabelStatesProblem: a label joins its head term to the complaint
// word its members say with it most by lift ("portions were small",
// "service slow"), not to the set's commonest complaint word, and a head
// with no such word keeps its plain form.
func TestLabelStatesProblem(t *testing.T) {
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s})
		}
	}
	add(12, "The portions were small and the plates looked empty")
	add(4, "Portions rather small, again slow evening")
	add(14, "The service was slow, we waited an hour for the waiter")
	add(6, "Service slow and the bill was wrong")
	add(10, "Parking near the restaurant is a nightmare on weekends")
	res := FindPainPoints(in, PainPointOptions{})
	for _, w := range []string{"portions were small", "service slow"} {
		if !slices.ContainsFunc(res.PainPoints, func(p PainPoint) bool { return strings.HasPrefix(p.Label, w) }) {
			t.Errorf("no label starts with %q: %+v", w, res.PainPoints)
		}
	}
	for _, p := range res.PainPoints {
		if strings.HasPrefix(p.Label, "parking") && strings.Contains(p.Label, "slow") {
			t.Errorf("parking label %q borrows another group's complaint word", p.Label)
		}
	}
}

// TestLearnedComplaintWords: the generic lexicon does not know
// "cancelled" or "thawed"; a corpus that says them as states ("was
// cancelled") in clauses its cues mark as complaints teaches them, and the
// label uses them as most members say them ("flight got cancelled"). A word said as often but in plain
// clauses ("was booked") is not learned.
func TestLearnedComplaintWords(t *testing.T) {
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s})
		}
	}
	add(6, "My flight to Rome was cancelled and the staff were rude")
	add(5, "The flight got cancelled again and no one called me")
	add(4, "Our flight was cancelled with no warning, awful")
	add(6, "The hotel was booked through the app")
	add(5, "Seat was booked online, the meal was fine")
	add(6, "The fish was thawed and the box smelled bad")
	add(5, "The fish arrived thawed and horrible")
	docs := make([]*tdoc, len(in))
	for i, x := range in {
		d := analyseText(x.Text, nil)
		docs[i] = &d
	}
	learned, _, _ := learnComplaintWords(docs)
	for _, w := range []string{"cancelled", "thawed"} {
		if !learned[stemEn(w)] {
			t.Errorf("%q not learned as a complaint word: %v", w, learned)
		}
	}
	for _, w := range []string{"booked", "flight", "fish"} {
		if learned[stemEn(w)] {
			t.Errorf("%q learned as a complaint word: %v", w, learned)
		}
	}
	res := FindPainPoints(in, PainPointOptions{})
	if !slices.ContainsFunc(res.PainPoints, func(p PainPoint) bool { return strings.HasPrefix(p.Label, "flight got cancelled") }) {
		t.Errorf("no label starts with %q: %+v", "flight got cancelled", res.PainPoints)
	}
}

// TestLabelFromMemberPhrases: the head and its complaint word come in the
// members' order ("late delivery" when they say it so, "portions were
// small" when they say "the portions were small", small words included)
// and with the members' negation ("حل نشد": not solved, not "solved").
func TestLabelFromMemberPhrases(t *testing.T) {
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s})
		}
	}
	add(9, "Late delivery again, the courier lost the tracking")
	add(3, "The delivery was late")
	add(8, "The portions were small for the money")
	add(6, "مشکل من حل نشد و پشتیبانی جواب نداد")
	add(5, "مشکل پرداخت من هنوز حل نشد")
	add(4, "پشتیبانی گفت مشکل حل شد ولی نشد")
	res := FindPainPoints(in, PainPointOptions{})
	var labels []string
	for _, p := range res.PainPoints {
		labels = append(labels, p.Label)
	}
	for _, want := range []string{"late delivery", "portions were small", "حل نشد"} {
		if !slices.ContainsFunc(labels, func(l string) bool { return strings.Contains(l, want) }) {
			t.Errorf("no label holds %q: %q", want, labels)
		}
	}
}

// TestDurationAfter: a duration said with a word, in English after it
// ("waited 40 minutes", "waited for over an hour") and in Persian before
// it ("دو هفته طول کشید"); a count of something else is not one.
func TestDurationAfter(t *testing.T) {
	cases := []struct {
		text, word string
		want       bool
	}{
		{"we waited 40 minutes for the food", "waited", true},
		{"we waited for over an hour", "waited", true},
		{"sat there for ages", "sat", true},
		{"we had a 45 minute wait", "wait", true},
		{"the last minute changes", "changes", false},
		{"on hold for hours again", "hold", true},
		{"we waited for the waiter", "waited", false},
		{"I played 2 games of it", "played", false},
		{"ارسال دو هفته طول کشید", "طول", true},
		{"ارسال خیلی طول کشید", "طول", false},
		{"سه روز منتظر ماندم", "منتظر", true},
		{"کسی تا چند روز دایرکت اینستاگرام را جواب نداد", "دایرکت", false},
	}
	for _, c := range cases {
		toks := tokenize(NormalizePersian(c.text))
		i := slices.IndexFunc(toks, func(k token) bool { return k.text == c.word })
		if i < 0 {
			t.Fatalf("%q: no token %q", c.text, c.word)
		}
		if got := durationAfter(toks, i); got != c.want {
			t.Errorf("durationAfter(%q, %q) = %v, want %v", c.text, c.word, got, c.want)
		}
	}
}

// TestTimedEventLearned: "waited" is an event, never said as a state, so
// the copula rule cannot learn it; said with a duration in enough of its
// texts ("waited 40 minutes") it is learned as a complaint word. A word
// said with a duration only now and then ("played for 2 hours", once in
// its texts) is not.
func TestTimedEventLearned(t *testing.T) {
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s})
		}
	}
	add(5, "We waited 40 minutes and the service was bad")
	add(4, "I waited over an hour for a table and it was awful")
	add(4, "We waited for the waiter to bring the menu")
	add(6, "I played the new level and it was fun")
	add(5, "We played cards with the kids and the room was dirty")
	add(1, "I played for 2 hours and the app crashed")
	add(6, "The soup was cold and the bread was stale")
	docs := make([]*tdoc, len(in))
	for i, x := range in {
		d := analyseText(x.Text, nil)
		docs[i] = &d
	}
	learned, events, _ := learnComplaintWords(docs)
	if !learned[stemEn("waited")] || !events[stemEn("waited")] {
		t.Errorf("waited not learned: %v", learned)
	}
	if learned[stemEn("played")] {
		t.Errorf("played learned: %v", learned)
	}
}

// TestQuotesSupportLabel: the quotes shown under a pain point are the
// members that say what its label says: every one holds the label's head
// word, and the first holds the label's phrase as written, in English and
// in Persian. Members that mention the problem only through another of
// the group's words come after them.
func TestQuotesSupportLabel(t *testing.T) {
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s + " " + itoa(i)})
		}
	}
	// Short texts with only the group's other word would come first by
	// length alone.
	add(6, "Delay again")
	add(8, "The delivery was late and the box was open when it came to our door")
	add(5, "Our delivery was late again this week, nobody told us anything about it")
	add(3, "The delivery came late")
	add(6, "The fabric is thin and feels cheap")
	add(6, "Thin fabric, it tore after one wash")
	add(6, "ارسال خیلی دیر بود و جعبه باز شده بود")
	add(5, "ارسال دیر انجام شد")
	add(4, "تاخیر داشت")
	res := FindPainPoints(in, PainPointOptions{Examples: 5})
	var saw []string
	for _, p := range res.PainPoints {
		saw = append(saw, p.Label)
		head := strings.Fields(strings.Split(strings.Split(p.Label, ",")[0], "،")[0])
		phrase := strings.TrimSpace(strings.Split(strings.Split(p.Label, ",")[0], "،")[0])
		switch {
		case strings.Contains(p.Label, "delivery"), strings.Contains(p.Label, "ارسال"):
			// A two-word head is said when the quote holds both words:
			// "ارسال خیلی دیر بود" says "ارسال دیر".
			if slices.ContainsFunc(strings.Fields(phrase), func(w string) bool { return !strings.Contains(strings.ToLower(p.Examples[0]), w) }) {
				t.Errorf("%q: first quote %q does not say %q", p.Label, p.Examples[0], phrase)
			}
			for _, q := range p.Examples {
				if !slices.ContainsFunc(p.Terms, func(term string) bool { return strings.Contains(strings.ToLower(q), term) }) {
					t.Errorf("%q: quote %q holds none of its terms %q", p.Label, q, p.Terms)
				}
			}
			n := 0
			for _, q := range p.Examples {
				if slices.ContainsFunc(head, func(w string) bool { return strings.Contains(strings.ToLower(q), w) }) {
					n++
				}
			}
			if n < min(3, len(p.Examples)) {
				t.Errorf("%q: only %d of its quotes %q say its words", p.Label, n, p.Examples)
			}
		}
	}
	for _, want := range []string{"delivery was late", "ارسال"} {
		if !slices.ContainsFunc(saw, func(l string) bool { return strings.Contains(l, want) }) {
			t.Errorf("no label holds %q: %q", want, saw)
		}
	}
}

// TestLabelSkipsDiscourseMarkers: "of course", "at least", "در واقع" and
// "از جای دیگر" (elsewhere; "به جای", instead) steer the talk and name no problem, nor does the
// first word of a two-word preposition ("due to", "prior to"), so no label shows their noun, alone
// or in a pair ("at least the staff"); the problem said with them does.
func TestLabelSkipsDiscourseMarkers(t *testing.T) {
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s})
		}
	}
	add(6, "Of course the childcare fees are too high")
	add(6, "Of course the nursery costs went up")
	add(6, "The nursery prices are steep, of course")
	add(6, "At least the childcare staff answered, the fees are high")
	add(5, "در واقع قیمت خیلی گران بود")
	add(5, "قیمت گران است در واقع")
	add(6, "کالا ناموجود بود و سفارشم لغو شد، از جای دیگر خریدم")
	add(6, "سفارشم لغو شد چون ناموجود بود، از جای دیگر خریدم")
	add(4, "به جای لغو سفارش کالای دیگری فرستادند")
	add(12, "The school bus was late again and the driver was rude")
	add(6, "The game crashed due to the servers")
	add(6, "Lag all evening, due to the servers again")
	add(6, "The servers were down prior to the patch, so lag")
	res := FindPainPoints(in, PainPointOptions{})
	var labels []string
	for _, p := range res.PainPoints {
		labels = append(labels, p.Label)
		if strings.Contains(p.Label, "due") || strings.Contains(p.Label, "prior") ||
			strings.Contains(p.Label, "least") || strings.Contains(p.Label, "واقع") || strings.Contains(p.Label, "course") || strings.Contains(p.Label, "جای") {
			t.Errorf("label %q names a discourse marker", p.Label)
		}
	}
	for _, want := range []string{"fees", "قیمت گران", "لغو", "servers"} {
		if !slices.ContainsFunc(labels, func(l string) bool { return strings.Contains(l, want) }) {
			t.Errorf("no label holds %q: %q", want, labels)
		}
	}
}

// TestLabelSkipsDowntoners: "a little", "a bit", "slightly" and "کمی"
// soften the complaint ("the service was a little slow", "رنگ کمی تیره")
// and name nothing, so no label shows them as a word of their own; the
// problem said with them does.
func TestLabelSkipsDowntoners(t *testing.T) {
	check := func(res PainPointResult) (labels []string) {
		for _, p := range res.PainPoints {
			labels = append(labels, p.Label)
			for _, w := range strings.FieldsFunc(p.Label, func(r rune) bool { return r == ',' || r == '،' }) {
				// Said inside a phrase ("slightly dirty") it is the members' wording.
				if w = strings.TrimSpace(w); w == "little" || w == "bit" || w == "slightly" || w == "کمی" {
					t.Errorf("label %q shows the downtoner %q", p.Label, w)
				}
			}
		}
		return labels
	}
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s})
		}
	}
	add(6, "The service was a little slow tonight")
	add(6, "Service a little slow and the staff a bit distracted")
	add(6, "Slow service, a bit disappointing")
	add(6, "The room was a little noisy and a bit cold")
	add(6, "Noisy room, a little cramped")
	res := FindPainPoints(in, PainPointOptions{})
	labels := check(res)
	// A downtoner said before many different words is a frequent word
	// of its own: still no label word.
	in = nil
	for _, w := range strings.Fields("عجیب سیاه کدر زرد قهوه‌ای متفاوت کمرنگ پررنگ خاکستری سبز قرمز بنفش") {
		add(1, "رنگ تیره بود و کمی "+w)
		add(1, "رنگ محصول تیره و کمی "+w+" بود")
	}
	for _, w := range strings.Fields("dirty cramped small dark cold old loud bare odd bleak tired stuffy") {
		add(1, "The room was noisy and slightly "+w)
		add(1, "Noisy room, slightly "+w)
	}
	labels = append(labels, check(FindPainPoints(in, PainPointOptions{}))...)
	for _, want := range []string{"slow", "noisy", "تیره"} {
		if !slices.ContainsFunc(labels, func(l string) bool { return strings.Contains(l, want) }) {
			t.Errorf("no label holds %q: %q", want, labels)
		}
	}
}

// TestQuoteNotFromPraise: a long text is quoted by a clause that says the
// problem, never by one that praises the same thing ("I loved the story
// ..., but the story falls apart").
func TestQuoteNotFromPraise(t *testing.T) {
	d := analyseText("I loved the story at the start, it was great fun for a long time. "+
		"But the story falls apart in the last act.", nil)
	story := &term{key: stemEn("story"), parts: []string{stemEn("story")}}
	lw := labelWords{head: story, terms: map[*term]bool{story: true}}
	clauses := d.decodeClauses(nil)
	level, at := lw.support(ghit{}, []*term{story}, d.decode(nil), clauses)
	quote := d.norm[clauses[at].off:clauses[at].end]
	if level != 2 || strings.Contains(quote, "loved") || !strings.Contains(quote, "falls apart") {
		t.Errorf("support = %d, quote %q; want 2 and the clause that complains", level, quote)
	}
}

// TestLabelNegatedHead: a head most members negate is said with its
// negation as they write it ("doesn't run"), not as the bare topic
// ("run") nor in another tense ("didn't bothered").
func TestLabelNegatedHead(t *testing.T) {
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s})
		}
	}
	add(8, "The game doesn't run on my laptop")
	add(5, "Sadly it doesn't run at all")
	add(3, "It runs at ten frames a second")
	add(10, "The servers crash every night")
	res := FindPainPoints(in, PainPointOptions{})
	var labels []string
	for _, p := range res.PainPoints {
		labels = append(labels, p.Label)
	}
	if !slices.ContainsFunc(labels, func(l string) bool { return strings.HasPrefix(l, "doesn't run") }) {
		t.Errorf("no label starts with %q: %q", "doesn't run", labels)
	}
}

// TestQuoteSentence: a text that voices two problems is quoted, under
// each, by the sentence that says it, without the connector that joined
// them ("Also", "ضمنا"); a short text with one problem and a judgement is
// quoted whole.
func TestQuoteSentence(t *testing.T) {
	cases := []struct{ text, head, word, want string }{
		{"The packaging was torn when it arrived. Also, the delivery was late and the tracking never updated.",
			"delivery", "late", "The delivery was late and the tracking never updated."},
		{"The packaging was torn when it arrived. Also, the delivery was late and the tracking never updated.",
			"packaging", "torn", "The packaging was torn when it arrived."},
		{"قیمت‌ها این ماه خیلی بالا رفت. ضمنا پیک اصلا تماس نگرفت و بسته چند روز دیرتر از موعد رسید.",
			"پیک", "", "پیک اصلا تماس نگرفت و بسته چند روز دیرتر از موعد رسید."},
		{"Late delivery, again. Very disappointing!", "delivery", "late", "Late delivery, again. Very disappointing!"},
	}
	for _, c := range cases {
		d := analyseText(c.text, nil)
		key := stemEn(c.head)
		if isPersianWord(c.head) {
			key = faStem(faKey(c.head))
		}
		head := &term{key: key, parts: []string{key}}
		lw := labelWords{head: head, terms: map[*term]bool{head: true}}
		if c.word != "" {
			lw.words = []string{stemEn(c.word)}
		}
		_, at := lw.support(ghit{}, []*term{head}, d.decode(nil), d.decodeClauses(nil))
		if got, _ := quoteOf(&d, at); got != c.want {
			t.Errorf("quote for %q in %q = %q, want %q", c.head, c.text, got, c.want)
		}
	}
}

// TestLabelWordsSaidTogether: a group that holds two problems said in one
// text ("I can't log in to the app. Also, the shoes were out of stock for
// weeks.") is not labelled with both: the label's other words are said
// in a sentence with its head.
func TestLabelWordsSaidTogether(t *testing.T) {
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s})
		}
	}
	add(8, "I can't log in to the app. Also, the shoes were out of stock for weeks.")
	add(10, "The shoes were out of stock for weeks, the size I wanted too.")
	add(6, "Out of stock again, the shoes and the size never came back.")
	add(30, "The courier was rude and late.")
	docs := make([]*tdoc, len(in))
	for i, x := range in {
		d := analyseText(x.Text, nil)
		docs[i] = &d
	}
	st := countTerms(docs, nil)
	g := &tgroup{key: stemEn("shoes")}
	for _, k := range []string{stemEn("shoes"), stemEn("size"), stemEn("app")} {
		if st.byKey[k] == nil {
			t.Fatalf("no term %q", k)
		}
		g.terms = append(g.terms, st.byKey[k])
	}
	gs := assign(in, docs, []*tgroup{g}, nil)[0]
	label, _ := gs.label(gs.rankedTerms(), docs, countProblemWords(docs), newPlainWords(docs), "", nil)
	if strings.Contains(label, "app") || !strings.Contains(label, "size") {
		t.Errorf("label %q: want the words said with its head (size), not the app said in another sentence", label)
	}
}

// labelOf labels the group of the given words (English or Persian) over
// the texts, and returns it with the group's state.
func labelOf(t *testing.T, in []Text, words ...string) (string, labelWords, *gstate, []*tdoc) {
	t.Helper()
	docs, group := analysedWithGroups(t, in)
	var groups []*tgroup
	for _, ws := range words {
		groups = append(groups, group(ws))
	}
	gs := assign(in, docs, groups, nil)[0]
	label, said := gs.label(gs.rankedTerms(), docs, countProblemWords(docs), newPlainWords(docs), "", nil)
	return label, said, gs, docs
}

func repeated(parts ...any) []Text {
	var in []Text
	for i := 0; i < len(parts); i += 2 {
		for n := 0; n < parts[i].(int); n++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: parts[i+1].(string)})
		}
	}
	return in
}

// TestLabelHubWord: a word said in half the set ("look") is said with
// every complaint word about as often as the whole set says it, so none
// stands out by lift; the label is still the members' commonest phrase
// with it ("looks cheap"), not the bare word, which states no problem.
func TestLabelHubWord(t *testing.T) {
	for _, c := range []struct {
		in         []Text
		head, want string
	}{
		{repeated(10, "The dress looks cheap on me, sadly", 9, "The fabric feels cheap and thin",
			10, "The top looks different from the photo", 10, "The zipper broke after one wash"), "look", "looks cheap"},
		{repeated(10, "ارسال این سفارش خیلی گران بود", 7, "قیمت روغن گران بود",
			10, "ارسال با پیک انجام شد", 10, "طعم شیرینی تلخ بود"), "ارسال", "ارسال گران"},
	} {
		label, _, _, _ := labelOf(t, c.in, c.head)
		if !strings.HasPrefix(label, c.want) {
			t.Errorf("label %q, want it to start with %q", label, c.want)
		}
	}
}

// TestQuoteNotFragment: a quote that says nothing but the label's word
// ("This September?") is no evidence; the members that say the problem
// in a few words are quoted.
func TestQuoteNotFragment(t *testing.T) {
	for _, c := range []struct {
		in   []Text
		head string
	}{
		{repeated(1, "This September.", 1, "This September?",
			1, "The new money for childcare only opens in September in every county",
			1, "Funding for the September intake was cut again by the council",
			1, "Parents heard in September that every nursery place had gone",
			6, "The buses are late every morning"), "september"},
		{repeated(1, "ارسال؟", 1, "ارسال!",
			1, "ارسال سفارش من دو هفته طول کشید و پیک جواب نداد",
			1, "ارسال بسته با تاخیر زیاد و جعبه پاره انجام شد",
			6, "طعم شیرینی تلخ بود"), "ارسال"},
	} {
		_, said, gs, docs := labelOf(t, c.in, c.head)
		quotes, _, _ := gs.examples(c.in, docs, 2, said)
		for _, q := range quotes {
			if len(strings.Fields(q)) < 3 {
				t.Errorf("quote %q is a fragment", q)
			}
		}
	}
}

// TestQuoteSaysLabel: the quotes say the label's head, before a main
// member that belongs to the group by another of its terms only ("Of
// course, we...", where "course" is a discourse marker the label skips).
func TestQuoteSaysLabel(t *testing.T) {
	in := repeated(1, "Of course, and I think it is incumbent on us as well to act",
		1, "Of course, we will keep the offer under review",
		1, "There is no school place for my son this year",
		1, "The school place came far too late for my son",
		6, "The buses are late every morning and the driver is rude")
	label, said, gs, docs := labelOf(t, in, "place course", "school son")
	if label != "place" {
		t.Fatalf("label %q, want place", label)
	}
	quotes, _, _ := gs.examples(in, docs, 2, said)
	for _, q := range quotes {
		if !strings.Contains(q, "place") {
			t.Errorf("quote %q does not say the label's %q", q, label)
		}
	}
}

// TestLabelNotOverstated: a word said by fewer than a fifth of the
// members that say the head names one complaint among several: the label
// goes on with the next words they say with it, the others that stand out
// ("material feels cheap, thin") or, for a hub, the commonest ("looks
// cheap, big, boxy"); a hub with no other word said by enough of them is
// the hub alone; and the count of members saying the label's phrase is
// reported.
func TestLabelNotOverstated(t *testing.T) {
	for _, c := range []struct {
		name  string
		in    []Text
		head  string
		want  []string // words the label shows
		avoid string   // a word it does not
		say   int      // members that say the label's phrase
	}{
		{"several words", repeated(4, "The dress looks cheap on me", 3, "The top looks boxy on me", 3, "It looks big on my frame",
			14, "The top looks different from the photo", 1, "The fabric feels cheap", 10, "The zipper broke after one wash"),
			"look", []string{"looks cheap", "big", "boxy"}, "", 10},
		{"one word said by few", repeated(3, "The dress looks cheap on me",
			14, "The top looks different from the photo", 1, "The fabric feels cheap", 10, "The zipper broke after one wash"),
			"look", []string{"look"}, "cheap", 17},
		{"lifted words", repeated(3, "The material is thin", 3, "The material feels cheap",
			12, "The material is from Peru", 10, "The zipper broke after one wash"),
			"material", []string{"material", "cheap", "thin"}, "", 6},
		{"lifted words, Persian", repeated(3, "جعبه پاره بود", 3, "جعبه خیلی نازک و بد بود",
			12, "جعبه از کارخانه آمد", 10, "طعم شیرینی تلخ بود"),
			"جعبه", []string{"جعبه", "پاره", "نازک"}, "", 6},
		{"Persian", repeated(4, "رنگ عسل خیلی تیره و بد بود", 3, "رنگ شیر خیلی کدر و بد بود", 3, "رنگ روغن خیلی زرد و بد بود",
			14, "رنگ بسته با عکس فرق داشت", 1, "عسل خیلی تیره و بد بود", 10, "طعم شیرینی تلخ بود"),
			"رنگ", []string{"تیره", "کدر", "زرد"}, "", 10},
	} {
		t.Run(c.name, func(t *testing.T) {
			label, said, gs, docs := labelOf(t, c.in, c.head)
			for _, w := range c.want {
				if !strings.Contains(label, w) {
					t.Errorf("label %q lacks %q", label, w)
				}
			}
			if c.avoid != "" && strings.Contains(label, c.avoid) {
				t.Errorf("label %q names %q, said by too few of its members", label, c.avoid)
			}
			if _, _, n := gs.examples(c.in, docs, 2, said); n != c.say {
				t.Errorf("%d members say the label %q, want %d", n, label, c.say)
			}
		})
	}
}

// TestLabelSaidByMore: a phrase said by fewer than a fifth of the members
// that say its head gives way to another term's phrase that more members
// say ("chest was tight", 5 of 21, not "lost its shape", 3), when that
// term is said by at least as many members and its label shows the word;
// else the most telling phrase stays, and said by under a fifth of the
// group (3 of 25) it gives way to the topic with its word ("shape, lost",
// said by the 16 that say "shape").
func TestLabelSaidByMore(t *testing.T) {
	lost, other := "The top lost its shape in the wash", "The zipper broke after one wash"
	for _, c := range []struct {
		name string
		in   []Text
		want string // the label's start
		say  int    // members that say the label's phrase
	}{
		{"said by more", repeated(3, lost, 13, "The shape of the chest is different from the photo",
			5, "The chest was tight", 6, "The shoes were tight", 40, other), "chest was tight", 5},
		{"its head said by fewer", repeated(3, lost, 13, "The shape is different from the photo",
			5, "The chest was tight", 4, "The chest is different from the photo", 20, "The shoes were tight", 40, other),
			"shape, lost", 16},
		{"its label would not show the word", repeated(3, lost, 13, "The shape of the chest is different from the photo",
			5, "It was tight across the chest", 6, "The shoes were tight", 40, other), "shape, lost", 16},
	} {
		t.Run(c.name, func(t *testing.T) {
			label, said, gs, docs := labelOf(t, c.in, "shape chest")
			if !strings.HasPrefix(label, c.want) {
				t.Errorf("label %q, want %q first", label, c.want)
			}
			if _, _, n := gs.examples(c.in, docs, 2, said); n != c.say {
				t.Errorf("%d members say the label %q, want %d", n, label, c.say)
			}
		})
	}
}

// TestLabelTexts: each pain point reports how many of its texts say its
// label's own phrase; a renamed one does not (the words are the
// researcher's).
func TestLabelTexts(t *testing.T) {
	in := repeated(6, "The delivery was late again", 3, "The delivery came on a Tuesday", 2, "It arrived late",
		8, "The zipper broke after one wash")
	for _, c := range []struct {
		rename map[string]string
		want   int
	}{{nil, 6}, {map[string]string{stemEn("delivery"): "Courier"}, 0}} {
		res := FindPainPoints(in, PainPointOptions{Rename: c.rename})
		i := slices.IndexFunc(res.PainPoints, func(p PainPoint) bool { return p.Key == stemEn("delivery") })
		if i < 0 {
			t.Fatalf("no delivery pain point: %+v", res.PainPoints)
		}
		if p := res.PainPoints[i]; p.LabelTexts != c.want || p.Texts < p.LabelTexts {
			t.Errorf("%q: label_texts %d of %d texts, want %d", p.Label, p.LabelTexts, p.Texts, c.want)
		}
	}
}

// TestQuotePhraseNearHead: the members that say the label's complaint
// word next to its head ("the release is broken") are quoted before those
// whose clause says it further off, maybe in another sense ("so we can
// break even" after "release" under "release broken", a colleague who
// came home late under "ارسال دیر").
func TestQuotePhraseNearHead(t *testing.T) {
	for _, c := range []struct {
		text, head, word string
		want             int
	}{
		{"The release is broken on my machine", "release", "broken", 4},
		{"They rushed the release and hope people buy it so we can break even on this project", "release", "broken", 3},
		{"ارسال خیلی دیر بود", "ارسال", "دیر", 4},
		{"ارسال از انبار تهران انجام شد که همکارم دیر به خانه رسید", "ارسال", "دیر", 2},
	} {
		d := analyseText(c.text, nil)
		key, word := stemEn(c.head), stemEn(c.word)
		if isPersianWord(c.head) {
			key, word = faStem(faKey(c.head)), faStem(faKey(c.word))
		}
		head := &term{key: key, parts: []string{key}}
		lw := labelWords{head: head, words: []string{word}, terms: map[*term]bool{head: true}}
		if got, _ := lw.support(ghit{}, []*term{head}, d.decode(nil), d.decodeClauses(nil)); got != c.want {
			t.Errorf("support of %q for %q %q = %d, want %d", c.text, c.head, c.word, got, c.want)
		}
	}
	in := repeated(1, "They rushed the release and hope people buy it so we can break even on this project",
		1, "The release is broken on my machine", 1, "Day one release was broken for everyone",
		8, "The zipper broke after one wash")
	_, said, gs, docs := labelOf(t, in, "release")
	said.words = []string{stemEn("broken")}
	quotes, _, _ := gs.examples(in, docs, 2, said)
	if slices.ContainsFunc(quotes, func(q string) bool { return strings.Contains(q, "break even") }) {
		t.Errorf("quotes %q: want the two that say the release is broken", quotes)
	}
}

// TestQuoteKeepsPersianPunctuation: a quote is the respondent's text as
// written, Persian punctuation included ("،", "؟", «»), not the Latin marks
// the model reads them as; the marks still end clauses.
func TestQuoteKeepsPersianPunctuation(t *testing.T) {
	in := repeated(4, "ارسال خیلی دیر بود، سه روز منتظر ماندم",
		4, "ارسال دیر انجام شد؛ پیک «هیچ» جوابی نداد",
		4, "چرا ارسال اینقدر دیر است؟ دو هفته طول کشید",
		6, "طعم شیرینی تلخ بود")
	res := FindPainPoints(in, PainPointOptions{Examples: 3})
	var quotes []string
	for _, p := range res.PainPoints {
		quotes = append(quotes, p.Examples...)
	}
	if len(quotes) == 0 {
		t.Fatalf("no quotes: %+v", res.PainPoints)
	}
	persian := 0
	for _, q := range quotes {
		if strings.ContainsAny(q, ",;?\"") {
			t.Errorf("quote %q has Latin marks the text did not write", q)
		}
		if strings.ContainsAny(q, "،؛؟«") {
			persian++
		}
	}
	if persian == 0 {
		t.Errorf("no quote keeps its Persian punctuation: %q", quotes)
	}
	// The mark still ends the clause: "دیر" is said next to "ارسال" in
	// its own clause, so the label says it.
	if !strings.Contains(res.PainPoints[0].Label, "دیر") {
		t.Errorf("label %q, want the complaint word دیر", res.PainPoints[0].Label)
	}
}

// TestLabelCollocationStatesProblem: a collocation that holds a complaint
// word ("payment failed", "ارسال دیر") states the problem itself, so it
// heads the label rather than a word said near a complaint word by fewer
// members ("step" from "failed at the last step") or a bare topic
// ("جعبه", box), in either language.
func TestLabelCollocationStatesProblem(t *testing.T) {
	for _, c := range []struct {
		in   []Text
		want string
	}{
		{repeated(
			6, "The payment failed at the last step, but my card was charged.",
			4, "My payment failed twice, but my card was charged.",
			4, "Checkout failed at the last step and the money was taken from my card.",
			3, "The payment failed and support never answered about my card.",
			12, "The courier was rude and the parcel came late.",
			10, "Prices went up again this month.",
		), "payment failed"},
		{repeated(
			6, "ارسال خیلی دیر بود و جعبه باز شده بود.",
			5, "ارسال دیر انجام شد و جعبه خیس بود.",
			4, "جعبه باز شده بود و پیک بی‌ادب بود.",
			12, "قیمت‌ها دوباره این ماه بالا رفت.",
			10, "اپلیکیشن مدام از حسابم خارجم می‌کند.",
		), "ارسال دیر"},
	} {
		res := FindPainPoints(c.in, PainPointOptions{})
		var labels []string
		for _, p := range res.PainPoints {
			labels = append(labels, p.Label)
		}
		if !slices.ContainsFunc(labels, func(l string) bool { return strings.HasPrefix(l, c.want) }) {
			t.Errorf("no label starts with %q: %q", c.want, labels)
		}
	}
}

// TestLabelNegatedTerm: when no complaint word is said with any of a
// group's terms, a term most of its members negate states the problem
// ("did not work"), as written with its auxiliary, rather than the most
// distinctive bare topic ("code"). (Persian says such a word before a
// negated copula, "اعمال نشد", and learns it as a complaint word.)
func TestLabelNegatedTerm(t *testing.T) {
	for _, c := range []struct {
		in    []Text
		words string
		want  string
	}{
		{repeated(
			6, "My code did not work at checkout, so I left the cart.",
			4, "The code never works on sale items, so I left the cart.",
			3, "I left the cart, the code is for new customers only.",
			20, "The courier was rude and the parcel came late.",
			20, "Prices went up again this month.",
		), "code cart work", "did not work"},
	} {
		label, _, _, _ := labelOf(t, c.in, c.words)
		if !strings.HasPrefix(label, c.want) {
			t.Errorf("label %q: want it to start with %q", label, c.want)
		}
	}
}

// TestLabelPhraseSaidByFew: a phrase said by fewer than a tenth of the
// members that say its head (2 of 35 say "the price was expensive") does
// not head the label: it is the head and the group's terms, among them
// the complaint word a tenth of its members use (5 of 35, short of the
// fifth as many as the head that other terms need), said next to the
// head or not ("price, expensive"); every member that says the head says
// the label.
func TestLabelPhraseSaidByFew(t *testing.T) {
	for _, c := range []struct {
		name       string
		in         []Text
		words      string
		head, word string
		say        int
	}{
		{"English", repeated(2, "The price was expensive for us", 30, "The price list is on the door",
			3, "We paid the price at the door. Everything on the menu felt expensive.", 200, "The zipper broke after one wash"),
			"price expensive", "price", "expensive", 35},
		{"Persian", repeated(2, "قیمت خیلی گران بود", 30, "قیمت روی در مغازه نوشته شده",
			3, "قیمت را دم در پرداختیم. همه چیز منو گران بود.", 200, "طعم شیرینی تلخ بود"),
			"قیمت گران", "قیمت", "گران", 35},
	} {
		t.Run(c.name, func(t *testing.T) {
			label, said, gs, docs := labelOf(t, c.in, c.words)
			sep := ", "
			if isPersianWord(c.head) {
				sep = "، "
			}
			if first, _, _ := strings.Cut(label, sep); first != c.head {
				t.Errorf("label %q: want the head %q alone first", label, c.head)
			}
			if !strings.Contains(label, c.word) {
				t.Errorf("label %q lacks the group's complaint word %q", label, c.word)
			}
			if _, _, n := gs.examples(c.in, docs, 2, said); n != c.say {
				t.Errorf("%d members say the label %q, want %d", n, label, c.say)
			}
		})
	}
}

// TestLabelTextsShownWords: a complaint word the label does not show
// (said only well before the head: "Dirty tables filled the place" is
// labelled "place") is not counted as said: the members that say the
// label are those that say "place".
func TestLabelTextsShownWords(t *testing.T) {
	in := repeated(3, "Dirty tables filled the place", 12, "The place is on the corner",
		40, "The zipper broke after one wash")
	label, said, gs, docs := labelOf(t, in, "place")
	if label != "place" {
		t.Fatalf("label %q, want place", label)
	}
	if _, _, n := gs.examples(in, docs, 2, said); n != 15 {
		t.Errorf("%d members say the label %q, want 15 (all that say place)", n, label)
	}
}

// TestQuotesSayPhraseFirst: the members that say the label's phrase are
// quoted first, main members or not ("The menu was small" under "menu
// small" before a main member's "uninformed about the menu"), and the
// quotes report so.
func TestQuotesSayPhraseFirst(t *testing.T) {
	for _, c := range []struct {
		in    []Text
		words string
		want  string
	}{
		{repeated(2, "The menu was small", 1, "The menu is tiny and small", 10, "The staff knew nothing about the menu",
			40, "The zipper broke after one wash"), "menu", "small"},
		{repeated(2, "منو خیلی کوچک بود", 1, "منو کوچک و کم بود", 10, "کارمندها درباره منو چیزی نمی‌دانستند",
			40, "طعم شیرینی تلخ بود"), "منو", "کوچک"},
	} {
		label, said, gs, docs := labelOf(t, c.in, c.words)
		if !strings.Contains(label, c.want) {
			t.Fatalf("label %q lacks %q", label, c.want)
		}
		// The members that say the phrase are no main members: they
		// belong by a term the group shares.
		for i, h := range gs.hits {
			gs.hits[i].primary = !strings.Contains(c.in[h.text].Text, c.want)
		}
		quotes, say, _ := gs.examples(c.in, docs, 2, said)
		for i, q := range quotes {
			if !strings.Contains(q, c.want) || !say[i] {
				t.Errorf("quote %q (says the label: %v) under %q: want one that says it", q, say[i], label)
			}
		}
	}
}

// TestPhraseReadsOnlyClausesThatSayIt: phrase tokenizes again only the
// clauses whose words hold both the head and the word, and gives the
// same phrase as reading every clause; a word keyed like a dropped
// spelling ("take" is a stopword, "taking" a word keyed alike) is read
// in every clause, so "take our order" stays the members' wording.
func TestPhraseReadsOnlyClausesThatSayIt(t *testing.T) {
	take := tokenize("taking")[0].key
	for _, c := range []struct {
		name       string
		in         []Text
		head       string
		key        string
		want       string
		wantFilter bool
	}{
		{"dropped spelling", repeated(2, "They were slow taking the order", 5, "The waiter forgot to take our order",
			4, "Nobody came to take our order. The order was cold"), "order", take, "take our order", false},
		{"words only", repeated(4, "The service was slow tonight. Slow kitchen too", 3, "Slow food, and the service was rude",
			2, "Service slow"), "service", stemEn("slow"), "service was slow", true},
		{"persian", repeated(4, "ارسال خیلی دیر بود و بسته باز بود", 3, "دیر رسید ولی ارسال خوب بود"),
			"ارسال", faStem(faKey("دیر")), "ارسال خیلی دیر", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			docs, group := analysedWithGroups(t, c.in)
			g := group(c.head)
			gs := assign(c.in, docs, []*tgroup{g}, nil)[0]
			pw := countProblemWords(docs)
			if filter := !pw.dropped[c.key] && !pw.dropped[g.terms[0].parts[0]]; filter != c.wantFilter {
				t.Errorf("filtered %v, want %v", filter, c.wantFilter)
			}
			got := pw.phrase(g.terms[0], c.key, c.key, gs.membersOf(docs))
			if got != c.want {
				t.Errorf("phrase %q, want %q", got, c.want)
			}
			// Reading every clause gives the same phrase.
			pw.dropped[c.key] = true
			if all := pw.phrase(g.terms[0], c.key, c.key, gs.membersOf(docs)); all != got {
				t.Errorf("read whole: %q, filtered: %q", all, got)
			}
		})
	}
}

// TestLabelPhraseSaidByFewOfGroup: a phrase said by fewer than a fifth of
// the group's members ("bust tight", 4 of 64) names one phrasing of a
// group that says several: the label is the topic, its head with the
// phrase's word ("bust, tight") and the group's terms ("chest"), said by
// the 24 members that say the head. It shows no second head: "tight" is
// said of the bust, and a member that says only "chest" does not say it
// (a mixed claim). The head's members are quoted first. With no other
// complaint word in the group the topic still shows the phrase's: a label
// still states a problem where it did.
func TestLabelPhraseSaidByFewOfGroup(t *testing.T) {
	for _, c := range []struct {
		name                string
		in                  []Text
		words               string
		want, wantHead      string
		say                 int
		keptIn              []Text
		keptWords, keptWant string
	}{
		{"English", repeated(4, "The bust was tight", 16, "The bust has a seam", 4, "The bust has a seam by the chest pocket",
			6, "It felt tight. The chest has a pocket", 34, "The chest has a pocket", 100, "The zipper broke after one wash"),
			"bust chest tight", "bust, tight, chest", "bust", 24,
			repeated(4, "The bust was tight", 16, "The bust has a seam", 4, "The bust has a seam by the chest pocket",
				40, "The chest has a pocket", 100, "The zipper broke after one wash"),
			"bust chest", "bust, tight, chest"},
		{"Persian", repeated(4, "قیمت خیلی گران بود", 16, "قیمت روی در مغازه نوشته شده", 4, "قیمت روی منو نوشته شده",
			6, "همه چیز گران بود. منو روی میز بود", 34, "منو روی میز بود", 100, "زیپ بعد از یک شستشو شکست"),
			"قیمت منو گران", "قیمت، گران، منو", "قیمت", 24,
			repeated(4, "قیمت خیلی گران بود", 16, "قیمت روی در مغازه نوشته شده", 4, "قیمت روی منو نوشته شده",
				40, "منو روی میز بود", 100, "زیپ بعد از یک شستشو شکست"),
			"قیمت منو", "قیمت، گران، منو"},
	} {
		t.Run(c.name, func(t *testing.T) {
			label, said, gs, docs := labelOf(t, c.in, c.words)
			if label != c.want {
				t.Errorf("label %q, want %q", label, c.want)
			}
			quotes, _, n := gs.examples(c.in, docs, 2, said)
			if n != c.say {
				t.Errorf("%d members say the label %q, want %d (all that say the head)", n, label, c.say)
			}
			for _, q := range quotes {
				if !strings.Contains(strings.ToLower(q), c.wantHead) {
					t.Errorf("quote %q under %q: want one that says the head %q", q, label, c.wantHead)
				}
			}
			if label, _, _, _ := labelOf(t, c.keptIn, c.keptWords); !strings.HasPrefix(label, c.keptWant) {
				t.Errorf("label %q, want %q (the topic with the phrase's word)", label, c.keptWant)
			}
		})
	}
}

// TestLabelTopicKeepsPhraseWord: a phrase said by more than a tenth but
// fewer than a fifth of the group's members ("service was slow", 8 of 50)
// names a few members' complaint, not the group's: the label is the topic
// with the phrase's word second ("service, slow"), said by every member
// that says the head, and it still shows what is wrong, negated as the
// phrase negates it; the members that say the phrase are quoted first.
func TestLabelTopicKeepsPhraseWord(t *testing.T) {
	for _, c := range []struct {
		name             string
		in               []Text
		head, want, word string
	}{
		{"English", repeated(42, "The service came with a smile", 4, "The service was slow", 4, "Service slow tonight", 50, "The zipper broke after one wash"),
			"service", "service, slow", "slow"},
		{"Persian", repeated(42, "ارسال با پیک انجام شد", 4, "ارسال خیلی دیر بود", 4, "ارسال دیر انجام شد", 50, "زیپ بعد از یک شستشو شکست"),
			"ارسال", "ارسال، دیر", "دیر"},
		// A phrase that negates its word keeps the negation: the bare
		// word would state the opposite.
		{"negated", repeated(42, "کد تخفیف با پیامک آمد", 4, "کد تخفیف اعمال نشد", 4, "متاسفانه کد تخفیف اعمال نشد و پول کامل دادم",
			50, "زیپ بعد از یک شستشو شکست"), "تخفیف", "تخفیف، اعمال نشد", "اعمال نشد"},
	} {
		t.Run(c.name, func(t *testing.T) {
			label, said, gs, docs := labelOf(t, c.in, c.head)
			if label != c.want {
				t.Errorf("label %q, want %q", label, c.want)
			}
			// The members that say the phrase are no main members: they
			// belong by a term the group shares.
			for i, h := range gs.hits {
				gs.hits[i].primary = !strings.Contains(c.in[h.text].Text, c.word)
			}
			quotes, _, n := gs.examples(c.in, docs, 2, said)
			if n != 50 {
				t.Errorf("%d members say the label %q, want 50 (all that say the head)", n, label)
			}
			for _, q := range quotes {
				if !strings.Contains(q, c.word) {
					t.Errorf("quote %q under %q: want one that says %q", q, label, c.word)
				}
			}
		})
	}
}

// TestSecondHead: a topic label (no complaint word) whose head fewer than
// half the members say shows a second head, the term the others say
// ("table, hostess, bar"), and a member that says either head says the
// label.
func TestSecondHead(t *testing.T) {
	for _, c := range []struct {
		in          []Text
		words, want string
	}{
		{repeated(15, "The hostess was at the door", 18, "Our table was by the window", 2, "Our table was by the bar", 10, "The bar has tall stools",
			100, "The zipper broke after one wash"), "table hostess bar", "table, hostess, bar"},
		{repeated(15, "گارسون کنار در بود", 18, "میز ما کنار پنجره بود", 2, "میز ما کنار پیشخوان بود", 10, "پیشخوان چوبی بلندی دارد",
			100, "زیپ بعد از یک شستشو شکست"), "میز گارسون پیشخوان", "میز، گارسون، پیشخوان"},
	} {
		label, said, gs, docs := labelOf(t, c.in, c.words)
		if label != c.want {
			t.Errorf("label %q, want %q", label, c.want)
		}
		if _, _, n := gs.examples(c.in, docs, 2, said); n != 35 {
			t.Errorf("%d members say the label %q, want 35 (all that say either head)", n, label)
		}
	}
}
