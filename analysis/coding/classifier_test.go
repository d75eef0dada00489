package coding

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// synthetic writes n passages of codes in English and Persian: each code
// has its own words, every passage mixes in common filler.
func synthetic(n, codes int, seed uint64) []Example {
	rng := rand.New(rand.NewPCG(seed, 1))
	en := [][]string{
		{"waited", "queue", "slow", "hour", "delay"},
		{"price", "expensive", "cost", "overpriced", "bill"},
		{"rude", "staff", "waiter", "manager", "attitude"},
		{"cold", "tasteless", "bland", "burnt", "salty"},
	}
	fa := [][]string{
		{"صف", "معطل", "دیر", "ساعت", "انتظار"},
		{"گران", "قیمت", "هزینه", "پول", "فاکتور"},
		{"بی‌ادب", "کارمند", "پیشخدمت", "مدیر", "برخورد"},
		{"سرد", "بی‌مزه", "شور", "سوخته", "کیفیت"},
	}
	filler := strings.Fields("the we it was and very so really today again our visit place")
	out := make([]Example, n)
	for i := range out {
		c := i % codes
		words := en[c%4]
		if c%8 >= 4 {
			words = fa[c%4]
		}
		var b []string
		for j := 0; j < 8; j++ {
			if j%2 == 0 {
				b = append(b, words[rng.IntN(len(words))])
			} else {
				b = append(b, filler[rng.IntN(len(filler))])
			}
		}
		if codes > 8 { // make larger codebooks separable: a word of their own
			b = append(b, fmt.Sprintf("topic%d", c))
		}
		out[i] = Example{ID: fmt.Sprint(i), Text: strings.Join(b, " "), Codes: []string{fmt.Sprintf("code%02d", c)}}
	}
	return out
}

func TestTrainSuggest(t *testing.T) {
	train := []Example{
		{ID: "1", Text: "We waited an hour in the queue", Codes: []string{"wait"}},
		{ID: "2", Text: "so slow, the delay was terrible", Codes: []string{"wait"}},
		{ID: "3", Text: "way too expensive for what it is", Codes: []string{"price"}},
		{ID: "4", Text: "the bill was overpriced", Codes: []string{"price"}},
		{ID: "5", Text: "در صف خیلی معطل شدیم", Codes: []string{"wait"}},
		{ID: "6", Text: "قیمت‌ها خیلی گران است", Codes: []string{"price"}},
		{ID: "7", Text: "Waiting in queues again", Codes: nil},
		{ID: "8", Text: "قیمتها گرانه", Codes: nil},
		{ID: "9", Text: "prices are expensive", Codes: []string{" "}},
	}
	m, err := Train(train, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := m.Suggest(train)
	want := map[string]string{"7": "wait", "8": "price", "9": "price"}
	if len(got) != len(want) {
		t.Fatalf("suggestions = %+v; want one per uncoded passage", got)
	}
	for _, s := range got {
		if want[s.ID] != s.Code || s.Confidence <= 0.5 || s.Confidence > 1 {
			t.Errorf("passage %s: %s (%.2f); want %s with confidence in (0.5, 1]", s.ID, s.Code, s.Confidence, want[s.ID])
		}
	}
}

func TestTrainErrors(t *testing.T) {
	one := []Example{{Text: "a", Codes: []string{"x"}}, {Text: "b", Codes: []string{"x"}}}
	if _, err := Train(one, Options{}); !errors.Is(err, ErrOneCode) {
		t.Errorf("one code: err = %v; want ErrOneCode", err)
	}
	if _, err := Train([]Example{{Text: "a"}}, Options{}); !errors.Is(err, ErrNoCoded) {
		t.Errorf("nothing coded: err = %v; want ErrNoCoded", err)
	}
	var many []Example
	for i := 0; i <= MaxCodes; i++ {
		many = append(many, Example{Text: "t", Codes: []string{fmt.Sprint(i)}})
	}
	if _, err := Train(many, Options{}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("%d codes: err = %v; want ErrTooLarge", MaxCodes+1, err)
	}
}

func TestBadInput(t *testing.T) {
	t.Run("code with one example", func(t *testing.T) {
		ex := append(synthetic(40, 2, 1), Example{ID: "lone", Text: "the parking lot was flooded", Codes: []string{"parking"}})
		a, err := CrossValidate(ex, 5, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range a.PerCode {
			if c.Code == "parking" && !c.TooFew {
				t.Errorf("parking (1 example) not marked too few: %+v", c)
			}
		}
		if a.Accuracy < 0.9 {
			t.Errorf("accuracy %.2f with a lone code; want the others still learnt (>= 0.9)", a.Accuracy)
		}
	})
	t.Run("200 codes", func(t *testing.T) {
		ex := synthetic(1000, 200, 2)
		a, err := CrossValidate(ex, 5, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(a.PerCode) != 200 || a.Accuracy < 0.8 {
			t.Errorf("200 codes: %d scored, accuracy %.2f; want 200, >= 0.8", len(a.PerCode), a.Accuracy)
		}
	})
	t.Run("1 MB passage", func(t *testing.T) {
		ex := synthetic(40, 2, 3)
		big := strings.Repeat("we waited in the queue for an hour ", 1<<20/35+1)
		ex = append(ex, Example{ID: "big", Text: big, Codes: []string{"code00"}}, Example{ID: "big2", Text: big + "\xff\xfe"})
		m, err := Train(ex, Options{})
		if err != nil {
			t.Fatal(err)
		}
		s := m.Suggest(ex)
		if len(s) != 1 || s[0].ID != "big2" || s[0].Code != "code00" {
			t.Errorf("suggestions = %+v; want big2 coded code00", s)
		}
	})
}

func TestCrossValidate(t *testing.T) {
	a, err := CrossValidate(synthetic(200, 4, 4), 5, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Folds != 5 || a.Passages != 200 || len(a.PerCode) != 4 {
		t.Errorf("folds %d passages %d codes %d; want 5, 200, 4", a.Folds, a.Passages, len(a.PerCode))
	}
	if a.Accuracy < 0.9 || !a.Kappa.Defined || a.Kappa.Value < 0.85 || a.MacroF1 < 0.9 {
		t.Errorf("separable codes: accuracy %.2f kappa %+v macro-F1 %.2f; want all >= 0.9 (kappa 0.85)", a.Accuracy, a.Kappa, a.MacroF1)
	}
	// Codes that share every word: agreement near chance.
	noise := synthetic(200, 4, 5)
	for i := range noise {
		noise[i].Codes = []string{fmt.Sprint(i % 3)}
	}
	b, err := CrossValidate(noise, 5, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Kappa.Value > 0.3 {
		t.Errorf("random codes: kappa %.2f; want near 0", b.Kappa.Value)
	}
	if _, err := CrossValidate([]Example{{Text: "x", Codes: []string{"a"}}}, 5, Options{}); err == nil {
		t.Error("one coded passage: want an error")
	}
}

func TestScoreMultiCode(t *testing.T) {
	gold := [][]string{{"a", "b"}, {"b"}, {"c"}}
	a := Score(gold, []string{"b", "b", "a"})
	if !near(a.Accuracy, 2.0/3) {
		t.Errorf("accuracy = %v; want 2/3 (a suggestion among a passage's codes is right)", a.Accuracy)
	}
}
