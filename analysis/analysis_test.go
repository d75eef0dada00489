package analysis

import (
	"encoding/json"
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
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

func texts(ss ...string) []Text {
	var out []Text
	for i, s := range ss {
		out = append(out, Text{ID: itoa(i + 1), Text: s})
	}
	return out
}

func TestDistinctPersons(t *testing.T) {
	in := []Text{
		{ID: "a1", Person: "ali", Text: "delivery was late"},
		{ID: "a2", Person: "ali", Text: "again the delivery was late!"},
		{ID: "a3", Person: "ali", Text: "late delivery, third time"},
		{ID: "b1", Person: "bita", Text: "the delivery was so late"},
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
// Identical texts are analysed once and share the result; each still
// counts for its own person, segments and satisfaction.
func TestRepeatedTexts(t *testing.T) {
	in := []Text{
		{ID: "1", Person: "ali", Text: "delivery was late", Segments: map[string]string{"link": "app"}, Satisfaction: Score(1)},
		{ID: "2", Person: "bita", Text: "delivery was late", Segments: map[string]string{"link": "web"}, Satisfaction: Score(0)},
		{ID: "3", Person: "cyrus", Text: "delivery was late", Segments: map[string]string{"link": "web"}},
		{ID: "4", Person: "dara", Text: "the fabric is thin"},
		{ID: "5", Person: "elham", Text: "the fabric is thin"},
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
		if slices.Contains(pp.Terms, "delivery") {
			if pp.Documents != 3 || pp.Segments["web"] != 2 || pp.Segments["app"] != 1 || strings.Join(pp.Members, ",") != "1,2,3" {
				t.Errorf("delivery: %+v", pp)
			}
			return
		}
	}
	t.Errorf("no delivery pain point in %+v", got.PainPoints)
}

func TestPositiveIsNotPain(t *testing.T) {
	in := texts(
		"Great quality, fast delivery, love it!",
		"Perfect fit and beautiful fabric",
		"خیلی خوشمزه بود، ارسال هم سریع بود",
		"کیفیتش عالیه، ممنون",
		"No complaints, the price is fair",
		"great quality and great fabric",
		"ارسال سریع و عالی بود",
	)
	res := FindPainPoints(in, PainPointOptions{MinPeople: 1})
	if len(res.PainPoints) != 0 {
		t.Errorf("praise produced pain points: %+v", res.PainPoints)
	}
	if res.Other != len(in) {
		t.Errorf("other = %d, want all %d texts", res.Other, len(in))
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

func TestBreakdown(t *testing.T) {
	in := []Text{
		{ID: "1", Person: "p1", Text: "delivery was late", Segments: map[string]string{"stage": "purchase", "persona": "busy"}},
		{ID: "2", Person: "p1", Text: "delivery late again", Segments: map[string]string{"stage": "purchase", "persona": "busy"}},
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

// goldenAnswers is the mixed fixture of the golden test: "channel|answer"
// per line.
func goldenAnswers(t *testing.T) []Text {
	t.Helper()
	in, err := os.ReadFile(filepath.Join("testdata", "answers.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var ts []Text
	for i, line := range strings.Split(strings.TrimSpace(string(in)), "\n") {
		seg, body, _ := strings.Cut(line, "|")
		ts = append(ts, Text{ID: "r" + itoa(i+1), Text: body, Segments: map[string]string{"channel": seg}})
	}
	return ts
}

// TestGolden pins the whole JSON output on a mixed fixture.
func TestGolden(t *testing.T) {
	ts := goldenAnswers(t)
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
	for _, k := range []string{"language", "documents", "pain_points", "other"} {
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
	FindPainPoints(texts("", "!!!", "🙂🙂", ",,,", "not", "نه", "ولی", "but but but", "‌‌‌", "@", "&amp;", "{", "xx/xx/"), PainPointOptions{MinPeople: 1})
}

func FuzzAnalyseText(f *testing.F) {
	for _, s := range []string{"delivery was late, very late!", "طعم و کیفیت خوب نبود", "نمی‌ارزه", "not, bad", "، ولی نه", "@x &amp; {y} [z] XXXX"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := analyseText(s, nil)
		clauses := d.decodeClauses(nil)
		for _, w := range d.decode(nil) {
			if w.key == "" || int(w.clause) >= len(clauses) {
				t.Fatalf("bad word %+v for %q", w, s)
			}
		}
		for _, c := range clauses {
			if c.off > c.end || int(c.end) > len(d.norm) || c.intensity < 0 || c.intensity > 1 {
				t.Fatalf("bad clause %+v for %q", c, s)
			}
		}
	})
}

// TestPainPointsAlikeOnAnyCores: the pain points are described side by
// side (describeGroups); the result is the same on one core as on many.
func TestPainPointsAlikeOnAnyCores(t *testing.T) {
	ts := goldenAnswers(t)
	var want []byte
	for _, procs := range []int{1, 2, 3, 8} {
		prev := runtime.GOMAXPROCS(procs)
		res := FindPainPoints(ts, PainPointOptions{SegmentKey: "channel"})
		runtime.GOMAXPROCS(prev)
		got, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.PainPoints) < 3 {
			t.Fatalf("%d pain points, want several", len(res.PainPoints))
		}
		if want == nil {
			want = got
		} else if string(got) != string(want) {
			t.Errorf("GOMAXPROCS %d: result differs from one core's", procs)
		}
	}
}

// TestNormalizeASCII: an ASCII text takes a shortcut through
// NormalizePersian that gives what the rune-by-rune path gives.
func TestNormalizeASCII(t *testing.T) {
	cases := []string{"", " ", "plain text", "  lead", "trail  ", "a  b\tc\n\nd\r\ne\vf\fg", "\t", "x", "20% off!!",
		"The dress (size 8)   runs small.", " a ", "a\u00a0b"}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "ab .,\t\n\r\v\f  1"
	for range 2000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, lines := range []bool{false, true} {
		for _, c := range cases {
			got, ok := normalizeASCII(c, lines)
			if ascii := !strings.ContainsFunc(c, func(r rune) bool { return r >= utf8.RuneSelf }); ok != ascii {
				t.Fatalf("%q: shortcut %v, want %v", c, ok, ascii)
			}
			if ok && got != normalizeRunes(c, lines) {
				t.Errorf("%q (lines %v): shortcut %q, rune by rune %q", c, lines, got, normalizeRunes(c, lines))
			}
		}
	}
}

// TestBreakdownAsPersonsCounted: a breakdown counts the distinct persons
// among a pain point's members per segment value, whether a person says
// one text or several (with the same values or others), is named by a
// person, an ID or neither, and whether texts share their segments' map
// or not; checked against counting every member's (person, key, value)
// once.
func TestBreakdownAsPersonsCounted(t *testing.T) {
	in := synthAnswers(4000, 11)
	r := rand.New(rand.NewPCG(3, 3))
	stages, links := []string{"purchase", "use", "return", ""}, []string{"web", "app", "sms"}
	var shared []map[string]string
	for _, st := range stages {
		for _, l := range links {
			shared = append(shared, map[string]string{"stage": st, "link": l})
		}
	}
	for i := range in {
		switch i % 5 {
		case 0, 1, 2: // three texts of one person
			in[i].Person = "p" + itoa(i/5)
		case 3:
			in[i].ID = "" // no person, no ID: itself
		}
		seg := map[string]string{"stage": stages[r.IntN(len(stages))], "link": links[r.IntN(len(links))]}
		if i%4 != 0 { // texts of one question and source share their map, as a study's do
			seg = shared[r.IntN(len(shared))]
		}
		in[i].Segments = seg
	}
	res := FindPainPoints(in, PainPointOptions{SegmentKey: "stage"})
	if len(res.PainPoints) < 3 {
		t.Fatalf("%d pain points", len(res.PainPoints))
	}
	byID := map[string]int{}
	for i, x := range in {
		if x.ID != "" {
			byID[x.ID] = i
		}
	}
	several := 0
	for _, p := range res.PainPoints {
		want := map[string]map[string]int{}
		seen := map[string]bool{}
		persons := map[string]int{}
		for _, m := range p.Members {
			i, ok := byID[m]
			if !ok {
				i = atoiTest(t, m) - 1
			}
			person := personOf(in[i], i)
			persons[person]++
			for k, v := range in[i].Segments {
				if v == "" || seen[person+"\x00"+k+"\x00"+v] {
					continue
				}
				seen[person+"\x00"+k+"\x00"+v] = true
				if want[k] == nil {
					want[k] = map[string]int{}
				}
				want[k][v]++
			}
		}
		for _, n := range persons {
			if n > 1 {
				several++
			}
		}
		if !reflect.DeepEqual(p.Breakdown, want) {
			t.Errorf("%s: breakdown %v, want %v", p.Key, p.Breakdown, want)
		}
		if !reflect.DeepEqual(p.Segments, want["stage"]) {
			t.Errorf("%s: segments %v, want %v", p.Key, p.Segments, want["stage"])
		}
	}
	if several == 0 {
		t.Error("no person says two texts of one pain point: the fixture tests nothing")
	}
}

func atoiTest(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("member %q", s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}
