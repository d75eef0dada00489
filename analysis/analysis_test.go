package analysis

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func TestNormalizePersian(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"arabic yeh and kaf", "كيفيت خيلي بد", "کیفیت خیلی بد"},
		{"alef maksura", "مصطفى", "مصطفی"},
		{"diacritics", "کِیفیَّت", "کیفیت"},
		{"tatweel", "خیـــلی", "خیلی"},
		{"persian digits", "۱۲ روز", "12 روز"},
		{"arabic-indic digits", "٣ هفته", "3 هفته"},
		{"mi with space", "می خواهم", "می\u200cخواهم"},
		{"mi joined", "میخواهم", "می\u200cخواهم"},
		{"nemi joined", "نمیخواهم", "نمی\u200cخواهم"},
		{"mi with zwnj kept", "می\u200cخواهم", "می\u200cخواهم"},
		{"zwnj before space dropped", "بسته\u200c بندی", "بسته\u200cبندی"},
		{"double zwnj", "بسته\u200c\u200cبندی", "بسته\u200cبندی"},
		{"zwj removed", "بسته\u200dبندی", "بستهبندی"},
		{"plural suffix", "کتاب ها", "کتاب\u200cها"},
		{"noun with mi kept", "میوه تازه", "میوه تازه"},
		{"repeated letters", "خیلیییی بددددد", "خیلی بد"},
		{"double letter kept", "پاییز", "پاییز"},
		{"spaces", "  خیلی   \t بد  ", "خیلی بد"},
		{"english untouched", "Delivery was LATE", "Delivery was LATE"},
		{"presentation forms", "\uFEE9\uFEEE\uFE8E", "هوا"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := NormalizePersian(tc.in); got != tc.want {
				t.Errorf("NormalizePersian(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ارسال خیلی دیر بود", "fa"},
		{"the delivery was late", "en"},
		{"پشتیبانی app خیلی کند بود and support never answered the phone", "mixed"},
		{"12345 !!", ""},
		{"ارسال دیر بود ok", "fa"},
	}
	for _, tc := range tests {
		if got := DetectLanguage(tc.in); got != tc.want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func keysOf(ms []mention) string {
	var ks []string
	for _, m := range ms {
		ks = append(ks, m.key)
	}
	return strings.Join(ks, ",")
}

// TestComplaints pins what counts as a complaint about which aspect,
// negation included.
func TestComplaints(t *testing.T) {
	tests := []struct{ in, want string }{
		// English
		{"The delivery was late", "delivery"},
		{"Delivery was not late", ""},
		{"It didn't fit at all", "fit"},
		{"It fits perfectly", ""},
		{"The quality is not good", "quality"},
		{"Not bad at all", ""},
		{"No problems with the delivery", ""},
		{"I love the color but the fabric is thin", "fabric"},
		{"Way too expensive", "price"},
		{"Great price and fast shipping", ""},
		{"The package never arrived", "packaging,delivery"},
		// Persian
		{"ارسال خیلی دیر بود", "delivery"},
		{"ارسال سریع بود", ""},
		{"طعمش خوب نبود", "taste"},
		{"طعم و کیفیت خوب نبود", "taste,quality"},
		{"ارزش خرید نداره", "price"},
		{"ارزش خرید داره", ""},
		{"مشکلی نداشت", ""},
		{"مواد نگهدارنده نداره", ""},
		{"بسته‌بندی پاره بود ولی طعمش عالی بود", "packaging"},
		{"اصلا تازه نبود", "quality"},
		{"خیلی خوشمزه و با کیفیته", ""},
		{"قیمتش گرونه", "price"},
		{"نمی‌ارزه", "price"},
		{"خیلی بد بود", ""}, // a complaint with no aspect word is not forced into a pain point
		{"بسته بندیش داغون بود", "packaging"},
	}
	for _, tc := range tests {
		if got := keysOf(extract(tc.in)); got != tc.want {
			t.Errorf("extract(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func texts(ss ...string) []Text {
	var out []Text
	for i, s := range ss {
		out = append(out, Text{ID: itoa(i + 1), Text: s})
	}
	return out
}

func TestParaphrasesGroup(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		key  string
	}{
		{"english delivery", []string{"delivery was late", "late delivery", "it arrived a week late"}, "delivery"},
		{"persian delivery", []string{"ارسال خیلی دیر بود", "دیر رسید", "تاخیر در ارسال"}, "delivery"},
		{"english sizing", []string{"runs small", "the size is way too big", "did not fit me", "too tight in the bust"}, "fit"},
		{"persian taste", []string{"طعمش خیلی بد بود", "بی مزه بود", "مزه‌اش تلخ بود"}, "taste"},
		{"persian price", []string{"خیلی گرونه", "قیمتش بالاست و نمی‌ارزه", "ارزش خرید نداره"}, "price"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := FindPainPoints(texts(tc.in...), PainPointOptions{})
			if len(res.PainPoints) != 1 {
				t.Fatalf("got %d pain points, want 1: %+v", len(res.PainPoints), res.PainPoints)
			}
			p := res.PainPoints[0]
			if p.Key != tc.key || p.Documents != len(tc.in) {
				t.Errorf("got %s with %d people, want %s with %d", p.Key, p.Documents, tc.key, len(tc.in))
			}
		})
	}
}

func TestDistinctPersons(t *testing.T) {
	in := []Text{
		{ID: "a1", Person: "ali", Text: "delivery was late"},
		{ID: "a2", Person: "ali", Text: "again the delivery was late!"},
		{ID: "a3", Person: "ali", Text: "late delivery, third time"},
		{ID: "b1", Person: "bita", Text: "ارسال دیر بود"},
		{ID: "c1", Person: "cyrus", Text: "everything was fine"},
	}
	res := FindPainPoints(in, PainPointOptions{})
	if res.People != 3 || len(res.PainPoints) != 1 {
		t.Fatalf("people = %d, pain points = %d; want 3 and 1", res.People, len(res.PainPoints))
	}
	p := res.PainPoints[0]
	if p.Documents != 2 || p.Texts != 4 {
		t.Errorf("documents = %d, texts = %d; want 2 persons, 4 texts", p.Documents, p.Texts)
	}
	if want := round4(2.0 / 3); p.Share != want {
		t.Errorf("share = %v, want %v", p.Share, want)
	}
	if got := strings.Join(p.Members, ","); got != "a1,a2,a3,b1" {
		t.Errorf("members = %s", got)
	}
	// One person saying it twice is not recurring.
	res = FindPainPoints(in[:3], PainPointOptions{})
	if len(res.PainPoints) != 0 {
		t.Errorf("one person's repeated remark became a pain point: %+v", res.PainPoints)
	}
}

// Identical texts are analysed once and share the result; each still
// counts for its own person, segments and satisfaction.
func TestRepeatedTexts(t *testing.T) {
	const weak = "the fabric is too small and the colour is off"
	in := []Text{
		{ID: "1", Person: "ali", Text: "delivery was late", Segments: map[string]string{"link": "app"}, Satisfaction: Score(1)},
		{ID: "2", Person: "bita", Text: "delivery was late", Segments: map[string]string{"link": "web"}, Satisfaction: Score(0)},
		{ID: "3", Person: "cyrus", Text: "delivery was late", Segments: map[string]string{"link": "web"}},
		{ID: "4", Person: "dara", Text: weak},
		{ID: "5", Person: "elham", Text: weak},
	}
	opt := PainPointOptions{SegmentKey: "link"}
	got := FindPainPoints(in, opt)
	// The same words as distinct strings (trailing spaces): analysed one by one.
	distinct := slices.Clone(in)
	for i := range distinct {
		distinct[i].Text += strings.Repeat(" ", i)
	}
	if want := FindPainPoints(distinct, opt); !reflect.DeepEqual(got, want) {
		t.Errorf("repeated texts:\n got %+v\nwant %+v", got, want)
	}
	for _, pp := range got.PainPoints {
		if pp.Key == "delivery" {
			if pp.Documents != 3 || pp.Segments["web"] != 2 || pp.Segments["app"] != 1 || strings.Join(pp.Members, ",") != "1,2,3" {
				t.Errorf("delivery: %+v", pp)
			}
			return
		}
	}
	t.Errorf("no delivery pain point in %+v", got.PainPoints)
}

func TestPositiveIsNotPain(t *testing.T) {
	res := FindPainPoints(texts(
		"Great quality, fast delivery, love it!",
		"Perfect fit and beautiful fabric",
		"خیلی خوشمزه بود، ارسال هم سریع بود",
		"کیفیتش عالیه، ممنون از دیجی کالا",
		"No complaints, the price is fair",
		"I bought it for my sister",
		"بسته بندی سالم رسید",
	), PainPointOptions{MinPeople: 1})
	if len(res.PainPoints) != 0 {
		t.Errorf("positive/neutral texts produced pain points: %+v", res.PainPoints)
	}
}

func TestSeverityAndPriority(t *testing.T) {
	calm := []Text{
		{ID: "1", Text: "delivery was late"},
		{ID: "2", Text: "delivery was late"},
	}
	angry := []Text{
		{ID: "1", Text: "delivery was terribly, extremely late!!", Satisfaction: Score(0)},
		{ID: "2", Text: "the worst delivery ever, so late", Satisfaction: Score(0.1)},
	}
	c := FindPainPoints(calm, PainPointOptions{}).PainPoints[0]
	a := FindPainPoints(angry, PainPointOptions{}).PainPoints[0]
	if !(a.Severity > c.Severity) || !(a.Priority > c.Priority) {
		t.Errorf("angry severity %.2f priority %.2f not above calm %.2f %.2f", a.Severity, a.Priority, c.Severity, c.Priority)
	}
	if a.Severity > 1 || c.Severity < 0 {
		t.Errorf("severity out of range: %v %v", a.Severity, c.Severity)
	}
	if want := round4(a.Share * (0.5 + 0.5*a.Severity)); math.Abs(a.Priority-want) > 1e-4 {
		t.Errorf("priority = %v, want share*(0.5+0.5*severity) = %v", a.Priority, want)
	}
}

func correctionTexts() []Text {
	return texts("delivery was late", "late delivery", "ارسال دیر بود",
		"the packaging was damaged", "بسته بندی پاره بود", "box was crushed",
		"way too expensive", "خیلی گرونه")
}

func TestCorrections(t *testing.T) {
	base := FindPainPoints(correctionTexts(), PainPointOptions{})
	if len(base.PainPoints) != 3 {
		t.Fatalf("base: %d pain points, want delivery, packaging, price", len(base.PainPoints))
	}
	res := FindPainPoints(correctionTexts(), PainPointOptions{
		Merge:  map[string]string{"packaging": "delivery"},
		Rename: map[string]string{"delivery": "Shipping problems"},
		Hide:   []string{"price"},
	})
	if len(res.PainPoints) != 1 {
		t.Fatalf("got %d pain points, want 1: %+v", len(res.PainPoints), res.PainPoints)
	}
	p := res.PainPoints[0]
	if p.Key != "delivery" || p.Label != "Shipping problems" || p.Documents != 6 || p.Rank != 1 {
		t.Errorf("got key %s label %q people %d rank %d", p.Key, p.Label, p.Documents, p.Rank)
	}
	// Keys are stable across runs and input order.
	rev := correctionTexts()
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	again := FindPainPoints(rev, PainPointOptions{})
	for i := range base.PainPoints {
		if base.PainPoints[i].Key != again.PainPoints[i].Key {
			t.Errorf("rank %d key %s after reordering, was %s", i+1, again.PainPoints[i].Key, base.PainPoints[i].Key)
		}
	}
}

func TestBreakdown(t *testing.T) {
	in := []Text{
		{ID: "1", Person: "p1", Text: "delivery was late", Segments: map[string]string{"stage": "purchase", "persona": "busy"}},
		{ID: "2", Person: "p1", Text: "late again", Segments: map[string]string{"stage": "purchase", "persona": "busy"}},
		{ID: "3", Person: "p2", Text: "late delivery", Segments: map[string]string{"stage": "use", "persona": "busy"}},
	}
	p := FindPainPoints(in, PainPointOptions{SegmentKey: "stage"}).PainPoints[0]
	if want := map[string]int{"purchase": 1, "use": 1}; !reflect.DeepEqual(p.Segments, want) {
		t.Errorf("segments = %v, want %v", p.Segments, want)
	}
	if got := p.Breakdown["persona"]["busy"]; got != 2 {
		t.Errorf("persona busy = %d, want 2 persons", got)
	}
}

func TestFallbackAspect(t *testing.T) {
	res := FindPainPoints(texts(
		"The parking is terrible",
		"parking was a nightmare",
		"awful parking situation",
	), PainPointOptions{})
	if len(res.PainPoints) != 1 || res.PainPoints[0].Key != "t:park" {
		t.Fatalf("got %+v, want one t:park pain point", res.PainPoints)
	}
}

// TestGolden pins the whole JSON output on a mixed fixture.
func TestGolden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "answers.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var ts []Text
	for i, line := range strings.Split(strings.TrimSpace(string(in)), "\n") {
		seg, body, _ := strings.Cut(line, "|")
		ts = append(ts, Text{ID: "r" + itoa(i+1), Text: body, Segments: map[string]string{"channel": seg}})
	}
	res := FindPainPoints(ts, PainPointOptions{SegmentKey: "channel"})
	got, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "answers.golden.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if strings.TrimSpace(string(got)) != strings.TrimSpace(string(want)) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", golden, got)
	}
	var shape map[string]any
	json.Unmarshal(got, &shape)
	for _, k := range []string{"language", "documents", "pain_points"} {
		if _, ok := shape[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
}

func TestEmptyAndOddInput(t *testing.T) {
	res := FindPainPoints(nil, PainPointOptions{})
	if res.Documents != 0 || res.PainPoints == nil || len(res.PainPoints) != 0 {
		t.Errorf("empty input: %+v", res)
	}
	b, _ := json.Marshal(res)
	if !strings.Contains(string(b), `"pain_points":[]`) {
		t.Errorf("empty pain_points must marshal as [], got %s", b)
	}
	FindPainPoints(texts("", "!!!", "🙂🙂", ",,,", "not", "نه", "ولی", "but but but", "‌‌‌"), PainPointOptions{MinPeople: 1})
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"delivery was late, very late!", "طعم و کیفیت خوب نبود", "نمی‌ارزه", "not, bad", "، ولی نه"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range extract(s) {
			if m.key == "" || m.intensity < 0 || m.intensity > 1 {
				t.Fatalf("bad mention %+v for %q", m, s)
			}
		}
	})
}

// TestLabelLang: a study in one language names the known aspects in it, even
// when most answers about one of them are in the other language.
func TestLabelLang(t *testing.T) {
	in := []Text{
		{ID: "1", Text: "The delivery was very late"},
		{ID: "2", Text: "Delivery late again, a week"},
		{ID: "3", Text: "Shipping was late and slow"},
		{ID: "4", Text: "ارسال خیلی دیر رسید"},
	}
	for _, tc := range []struct{ lang, want string }{{"", "Delivery / shipping"}, {"fa", "ارسال و تحویل"}, {"en", "Delivery / shipping"}} {
		res := FindPainPoints(in, PainPointOptions{LabelLang: tc.lang})
		if len(res.PainPoints) == 0 || res.PainPoints[0].Key != "delivery" {
			t.Fatalf("%q: pain points %+v", tc.lang, res.PainPoints)
		}
		if got := res.PainPoints[0].Label; !strings.HasPrefix(got, tc.want) {
			t.Errorf("LabelLang %q: label %q, want it to start with %q", tc.lang, got, tc.want)
		}
		if tc.lang == "fa" && strings.ContainsAny(res.PainPoints[0].Label, "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("Persian label with English cue words: %q", res.PainPoints[0].Label)
		}
	}
}
