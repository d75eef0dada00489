package analysis

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// airlineTexts writes a small corpus of airline complaints the way tweets
// read: three problems, each said with several words (bag, luggage and
// baggage are used in the same contexts but never together), wrapped in
// the noise real exports carry: @handles, links, HTML entities, a brand
// in every text.
func airlineTexts(n int) []Text {
	r := rand.New(rand.NewPCG(7, 7))
	bag := []string{"bag", "luggage", "baggage", "suitcase"}
	problems := [][]string{
		{"they lost my %s again", "my %s never arrived at the claim", "still no %s after two days, lost", "%s lost and nobody at the claim desk helps",
			"where is my %s? lost since monday", "the %s claim desk says my %s is lost"},
		{"flight cancelled and no rebooking offered", "my flight got cancelled, stuck overnight without rebooking",
			"cancelled flight again, rebooking took a day", "second cancelled flight this week, no rebooking", "they cancelled my connection and refused rebooking"},
		{"on hold for two hours with customer service", "customer service kept me on hold forever", "two hours on hold and the line dropped",
			"nobody answers the phone, on hold again", "customer service put me on hold then hung up"},
	}
	noise := []string{"@FlyAir", "&amp; thanks", "https://t.co/x1y2z3", "&quot;great&quot;", "@SkyHigh"}
	out := make([]Text, n)
	for i := range out {
		p := problems[i%len(problems)]
		s := p[r.IntN(len(p))]
		if strings.Contains(s, "%s") {
			b := bag[r.IntN(len(bag))]
			s = strings.ReplaceAll(s, "%s", b)
		}
		out[i] = Text{ID: fmt.Sprint(i + 1), Text: "Flyair flight: " + noise[r.IntN(len(noise))] + " " + s + ". " + noise[r.IntN(len(noise))]}
	}
	return out
}

// termsOf returns every term of every pain point, lower-cased.
func termsOf(res PainPointResult) []string {
	var out []string
	for _, p := range res.PainPoints {
		for _, t := range p.Terms {
			out = append(out, strings.ToLower(t))
		}
		out = append(out, strings.ToLower(p.Label))
	}
	return out
}

func painPointWith(res PainPointResult, term string) *PainPoint {
	for i, p := range res.PainPoints {
		if slices.Contains(p.Terms, term) {
			return &res.PainPoints[i]
		}
	}
	return nil
}

// TestSynonymsMerge: words the corpus uses alike land in one pain point,
// learned from the texts alone; different problems stay apart.
func TestSynonymsMerge(t *testing.T) {
	res := FindPainPoints(airlineTexts(150), PainPointOptions{})
	bag := painPointWith(res, "bag")
	if bag == nil {
		t.Fatalf("no pain point with the term bag: %q", termsOf(res))
	}
	for _, syn := range []string{"luggage", "baggage", "suitcase"} {
		if !slices.Contains(bag.Terms, syn) {
			t.Errorf("%q not merged with bag: %q (all: %q)", syn, bag.Terms, termsOf(res))
		}
	}
	cancel, hold := painPointWith(res, "cancelled"), painPointWith(res, "hold")
	if cancel == nil || hold == nil || cancel == bag || hold == bag || cancel.Key == hold.Key {
		t.Errorf("cancellations, holds and bags should be three pain points: %q", termsOf(res))
	}
	if len(res.PainPoints) > 6 {
		t.Errorf("%d pain points for three problems: %q", len(res.PainPoints), termsOf(res))
	}
}

// TestListedSynonymsMerge: two words said side by side ("bag and
// luggage") usually name two things and stay apart, but not when the
// corpus uses them in the same contexts: then they are one problem said
// twice, like "طعم و مزه".
func TestListedSynonymsMerge(t *testing.T) {
	in := airlineTexts(150)
	for i := range 8 {
		in = append(in, Text{ID: fmt.Sprint("listed", i), Text: "my bag and luggage never arrived at the claim, lost"})
	}
	res := FindPainPoints(in, PainPointOptions{})
	bag := painPointWith(res, "bag")
	if bag == nil || !slices.Contains(bag.Terms, "luggage") {
		t.Errorf("bag and luggage, listed side by side and used alike, not merged: %q", termsOf(res))
	}
	if cancel := painPointWith(res, "cancelled"); cancel == nil || cancel == bag {
		t.Errorf("cancellations merged with bags: %q", termsOf(res))
	}
}

// TestNoiseNeverPainPoint: handles, links, entities, transcript markup,
// redaction and the domain word in every text never become terms.
func TestNoiseNeverPainPoint(t *testing.T) {
	in := airlineTexts(150)
	for i := range in {
		switch i % 3 {
		case 0:
			in[i].Text += " {disfmarker} [laughter] (inaudible) <noise>"
		case 1:
			in[i].Text += " account XXXX on xx/xx/2019, ref *** um uh yeah"
		}
	}
	res := FindPainPoints(in, PainPointOptions{})
	if len(res.PainPoints) == 0 {
		t.Fatal("no pain points")
	}
	for _, w := range termsOf(res) {
		for _, bad := range []string{"flyair", "skyhigh", "amp", "quot", "http", "t.co", "disfmarker", "laughter", "inaudible", "noise", "xxxx", "xx", "um", "yeah", "2019"} {
			if slices.Contains(strings.FieldsFunc(w, func(r rune) bool { return r == ' ' || r == ',' }), bad) {
				t.Errorf("noise %q in term or label %q", bad, w)
			}
		}
		if w == "flight" {
			t.Errorf("the domain word alone is a term")
		}
	}
	if got := cleanNoise("@united thanks &amp; see https://x.co/a {vocalsound} [Laughter] XXXX XX/XX/2020 ***"); strings.ContainsAny(got, "@{[*") || strings.Contains(got, "amp") ||
		strings.Contains(strings.ToLower(got), "xx") || strings.Contains(got, "united") {
		t.Errorf("cleanNoise left noise: %q", got)
	}
}

// TestQuoteFormKeepsTheWordsAroundALink: a link is removed up to the
// quotation mark that closes it, so a quote typed as an Excel formula
// keeps the respondent's words (it read `=HYPERLINK(" for refund") my
// order...`, "click" and the formula's shape lost with the link).
func TestQuoteFormKeepsTheWordsAroundALink(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`=HYPERLINK("http://evil.example/refund","click for refund") my order never arrived`, `=HYPERLINK(" ","click for refund") my order never arrived`},
		{`=HYPERLINK("https://evil.example/x";"win") late again`, `=HYPERLINK(" ";"win") late again`},
		{`late again, see https://shop.example/o?id=1&x=(2) now`, `late again, see now`},
	} {
		if got := QuoteForm(tc.in); got != tc.want {
			t.Errorf("QuoteForm(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestLabelsAndQuotes: labels are built from the members' own words, are
// distinct, and every quote contains one of its pain point's terms.
func TestLabelsAndQuotes(t *testing.T) {
	res := FindPainPoints(airlineTexts(150), PainPointOptions{Examples: 5})
	seen := map[string]bool{}
	for _, p := range res.PainPoints {
		if seen[p.Label] {
			t.Errorf("label %q twice", p.Label)
		}
		seen[p.Label] = true
		if !slices.ContainsFunc(p.Terms, func(term string) bool { return strings.Contains(p.Label, term) }) {
			t.Errorf("label %q names none of its terms %q", p.Label, p.Terms)
		}
		for _, ex := range p.Examples {
			// Words are compared in their matching form, so "a day"
			// supports the term "days" and "lost" the term "lose".
			words := map[string]bool{}
			for _, tk := range tokenize(NormalizePersian(ex)) {
				words[tk.key] = true
			}
			if !slices.ContainsFunc(p.Terms, func(term string) bool {
				for _, tk := range tokenize(NormalizePersian(term)) {
					if !words[tk.key] {
						return false
					}
				}
				return true
			}) {
				t.Errorf("quote %q under %q contains none of %q", ex, p.Label, p.Terms)
			}
		}
	}
	if hold := painPointWith(res, "hold"); hold == nil || !strings.Contains(hold.Label, "hold") && !strings.Contains(hold.Label, "customer service") {
		t.Errorf("hold pain point label: %+v", hold)
	}
}

// TestPersian: Persian complaints group by their own words, compounds in
// any spelling are one term, praise is left out and labels read Persian.
func TestPersian(t *testing.T) {
	var in []Text
	add := func(s ...string) {
		for _, x := range s {
			in = append(in, Text{ID: fmt.Sprint(len(in) + 1), Text: x})
		}
	}
	for range 4 {
		add("بسته بندی پاره بود", "بسته‌بندی خیلی بد بود و پاره شده بود", "بستهبندی داغون بود",
			"ارسال خیلی دیر بود", "ارسال با تاخیر زیاد انجام شد", "ارسالش دیر بود و خیلی طول کشید",
			"طعمش عالی بود", "کیفیتش عالیه، ممنون")
	}
	res := FindPainPoints(in, PainPointOptions{})
	var pack *PainPoint
	for i, p := range res.PainPoints {
		if p.Key == "بستهبند" {
			pack = &res.PainPoints[i]
		}
	}
	if pack == nil || pack.Documents != 12 {
		t.Fatalf("packaging in all three spellings should be one pain point of 12: %+v", res.PainPoints)
	}
	send := painPointWith(res, "دیر")
	if send == nil || send.Documents < 8 || send.Key == pack.Key {
		t.Errorf("delivery pain point: %+v", send)
	}
	for _, p := range res.PainPoints {
		if !isPersianWord(p.Label) {
			t.Errorf("label %q is not Persian", p.Label)
		}
		if slices.Contains(p.Terms, "طعم") || slices.Contains(p.Terms, "کیفیت") {
			t.Errorf("praise became a pain point: %+v", p)
		}
	}
	if res.Other != 8 || res.Language != LangPersian {
		t.Errorf("other = %d, language %q; want the 8 praising texts, fa", res.Other, res.Language)
	}
}

// TestCorrections: merge, rename and hide refer to keys made of words, so
// they survive re-analysis and another input order; a key may also name
// any term of a group.
func TestCorrections(t *testing.T) {
	base := FindPainPoints(airlineTexts(150), PainPointOptions{})
	bag, cancel, hold := painPointWith(base, "bag"), painPointWith(base, "cancelled"), painPointWith(base, "hold")
	if bag == nil || cancel == nil || hold == nil {
		t.Fatalf("fixture: %q", termsOf(base))
	}
	res := FindPainPoints(airlineTexts(150), PainPointOptions{
		Merge:  map[string]string{cancel.Key: bag.Key},
		Rename: map[string]string{bag.Key: "Baggage and cancellations"},
		Hide:   []string{"hold"}, // a term of the group, not its key
	})
	if len(res.PainPoints) != len(base.PainPoints)-2 {
		t.Fatalf("got %d pain points, want %d: %q", len(res.PainPoints), len(base.PainPoints)-2, termsOf(res))
	}
	p := res.PainPoints[0]
	union := map[string]bool{}
	for _, m := range append(slices.Clone(bag.Members), cancel.Members...) {
		union[m] = true
	}
	if p.Key != bag.Key || p.Label != "Baggage and cancellations" || p.Documents != len(union) {
		t.Errorf("merged: key %s label %q people %d, want %s with %d", p.Key, p.Label, p.Documents, bag.Key, len(union))
	}
	rev := airlineTexts(150)
	slices.Reverse(rev)
	again := FindPainPoints(rev, PainPointOptions{})
	var a, b []string
	for i := range base.PainPoints {
		a = append(a, base.PainPoints[i].Key)
	}
	for i := range again.PainPoints {
		b = append(b, again.PainPoints[i].Key)
	}
	slices.Sort(a)
	slices.Sort(b)
	if !slices.Equal(a, b) {
		t.Errorf("keys after reordering %q, were %q", b, a)
	}
}

// TestIgnoreAndSegments: names passed in Ignore and the segment's values
// are never pain points.
func TestIgnoreAndSegments(t *testing.T) {
	in := airlineTexts(150)
	for i := range in {
		in[i].Text += " Skyline lounge"
		in[i].Segments = map[string]string{"channel": "lounge"}
	}
	res := FindPainPoints(in, PainPointOptions{SegmentKey: "channel", Ignore: []string{"Skyline Airways"}})
	for _, w := range termsOf(res) {
		if strings.Contains(w, "skyline") || strings.Contains(w, "lounge") {
			t.Errorf("ignored name in %q", w)
		}
	}
}

func TestPack(t *testing.T) {
	in := texts("delivery was late", "the delivery was very late", "shipping was late again", "ارسال خیلی دیر بود", "ارسال دیر رسید")
	if res := FindPainPoints(in, PainPointOptions{}); slices.ContainsFunc(res.PainPoints, func(p PainPoint) bool { return p.Key == "delivery" && p.Label == "Delivery / shipping" }) {
		t.Errorf("the retail pack is on by default: %+v", res.PainPoints)
	}
	for _, tc := range []struct{ lang, want string }{{"en", "Delivery / shipping"}, {"fa", "ارسال و تحویل"}} {
		res, err := FindPainPointsContext(context.Background(), in, PainPointOptions{Pack: "retail", LabelLang: tc.lang})
		if err != nil || len(res.PainPoints) == 0 || res.PainPoints[0].Key != "delivery" || res.PainPoints[0].Label != tc.want {
			t.Errorf("pack retail, %s: %v %+v", tc.lang, err, res.PainPoints)
		}
	}
	if _, err := FindPainPointsContext(context.Background(), in, PainPointOptions{Pack: "nope"}); err == nil || !strings.Contains(err.Error(), "retail") {
		t.Errorf("unknown pack: %v", err)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := FindPainPointsContext(ctx, airlineTexts(500), PainPointOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestSpeakerRolesAreWords: a meeting transcript names its speakers by
// role ("User Interface", "Marketing"), and the meeting talks about the
// user interface and marketing: those words stay words of the model,
// while a speaker's name, written capitalised ("thanks, Sarah"), is never
// a pain point.
func TestSpeakerRolesAreWords(t *testing.T) {
	lines := []struct{ who, text string }{
		{"Project Manager", "Okay, Sarah, the user interface is the first thing on the agenda today."},
		{"User Interface", "The user interface has too many buttons, users get lost in the menu."},
		{"Marketing", "Our marketing survey says users find the buttons confusing."},
		{"Sarah Jones", "Thanks. The marketing report also says the remote is too expensive."},
		{"Industrial Designer", "Fewer buttons would make the user interface simpler and cheaper."},
		{"User Interface", "I would put the rare buttons behind a menu in the user interface."},
		{"Marketing", "The marketing numbers show the price matters more than the buttons."},
		{"Project Manager", "Thanks, Sarah. So the price: the remote is too expensive for the marketing target."},
		{"Sarah Jones", "The price should stay under twenty five euros, the marketing team says."},
		{"Industrial Designer", "A cheaper case would bring the price down."},
		{"User Interface", "Users also said the user interface menu is slow."},
		{"Marketing", "Marketing wants the price lower and the user interface simpler."},
	}
	var in []Text
	for i, l := range lines {
		in = append(in, Text{ID: itoa(i + 1), Person: "meeting:" + l.who, Text: l.text, Segments: map[string]string{}})
	}
	terms := strings.Join(termsOf(FindPainPoints(in, PainPointOptions{})), " | ")
	for _, w := range []string{"interface", "marketing"} {
		if !strings.Contains(terms, w) {
			t.Errorf("%q, a speaker's role the meeting talks about, is not a word of any pain point: %s", w, terms)
		}
	}
	if strings.Contains(terms, "sarah") {
		t.Errorf("a speaker's name is a pain point: %s", terms)
	}
}

// TestNoiseTestsAreCheap: the cheap tests that spare a text the noise and
// transcript regexps pass every text a regexp would change or match, and
// spare plain parenthesised text ("(size 8)").
func TestNoiseTestsAreCheap(t *testing.T) {
	for _, s := range []string{
		"@united my bag", "mail me at a.b@example.com", "see https://x.co/a", "www.example.com",
		"{disfmarker} so", "[Laughter] yes", "(inaudible) the cost", "(LAUGHS) right", "[sighs]",
		"<noise> ok", "XXXX called me", "xx/xx/2020", "*** redacted", "(crosstalk) no",
		"(Coughing) fine", "a (pause) b", "[Gap in recording]", "(vocalsound)",
	} {
		if noiseRE.MatchString(s) && !mayHaveNoise(s) {
			t.Errorf("%q: noise, but the cheap test says none", s)
		}
		if transcriptMarkRE.MatchString(s) && strings.IndexByte(s, '{') < 0 && !stageDirection(s) {
			t.Errorf("%q: transcript mark, but the cheap test says none", s)
		}
		if !noiseRE.MatchString(s) && !transcriptMarkRE.MatchString(s) {
			t.Errorf("%q: fixture matches neither regexp", s)
		}
	}
	for _, s := range []string{"Runs small (I ordered a size 8)", "Great (really) but thin", "A 5* hotel (well, 4)"} {
		if mayHaveNoise(s) || stageDirection(s) {
			t.Errorf("%q: plain text, but the cheap test sends it to the regexp", s)
		}
	}
}
