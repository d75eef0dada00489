package personas

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// sliceWords serves Words from per-respondent slices, as a big study
// serves them from its texts.
type sliceWords struct {
	quotes [][]string
	pain   map[string]map[int]string
	n      int
}

func (w sliceWords) Quotes(i int, buf []string) []string { return append(buf, w.quotes[i]...) }

func (w sliceWords) PainQuotes(key string, fn func(i int, text string)) {
	for i := range w.n {
		if text, ok := w.pain[key][i]; ok {
			fn(i, text)
		}
	}
}

// Cards built from Words say exactly what cards built from each
// respondent's Quotes and PainQuotes say: the same quotes beside the same
// pain points, from the same respondents.
func TestWordsQuoteAsRespondents(t *testing.T) {
	in, _ := fromSynth(t, 900)
	w := sliceWords{quotes: make([][]string, len(in.Respondents)), pain: map[string]map[int]string{}, n: len(in.Respondents)}
	keys := []string{"late delivery", "rude support", "broken box"}
	for i := range in.Respondents {
		r := &in.Respondents[i]
		r.Quotes, r.PainPoints, r.PainQuotes = nil, nil, nil
		if i%4 == 3 {
			continue // says nothing
		}
		// Short and readable answers, one or two per respondent, so both
		// passes of the quote choice have work.
		r.Quotes = append(r.Quotes, fmt.Sprintf("ok %d", i))
		if i%2 == 0 {
			r.Quotes = append(r.Quotes, fmt.Sprintf("The parcel came %d days late and the box was %s", i%9, strings.Repeat("very ", i%5)+"wet"))
		}
		k := keys[i%len(keys)]
		r.PainPoints = []string{k}
		r.PainQuotes = map[string]string{k: r.Quotes[len(r.Quotes)-1]}
		w.quotes[i] = r.Quotes
		if w.pain[k] == nil {
			w.pain[k] = map[int]string{}
		}
		w.pain[k][i] = r.Quotes[len(r.Quotes)-1]
	}
	viaWords := in
	viaWords.Respondents = make([]Respondent, len(in.Respondents))
	for i, r := range in.Respondents {
		r.Quotes, r.PainQuotes = nil, nil
		viaWords.Respondents[i] = r
	}
	viaWords.Words = w
	opt := Options{Seed: 2, Bootstrap: -1}
	want, err := Build(context.Background(), in, opt)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Build(context.Background(), viaWords, opt)
	if err != nil {
		t.Fatal(err)
	}
	quoted, painQuoted := 0, 0
	for _, p := range want.Personas {
		quoted += len(p.Quotes)
		for _, pp := range p.PainPoints {
			if pp.Quote != nil {
				painQuoted++
			}
		}
	}
	if quoted == 0 || painQuoted == 0 {
		t.Fatalf("the cards quote nothing (%d quotes, %d pain-point quotes): the comparison says nothing", quoted, painQuoted)
	}
	a, _ := json.Marshal(want)
	b, _ := json.Marshal(got)
	if string(a) != string(b) {
		t.Fatalf("cards from Words differ:\nrespondents: %.400s\nwords:       %.400s", a, b)
	}
}

// The fit does not read the pain points or the words: a study fits while
// its pain points are still being found, then adds them for the cards.
// The cards, quality and stability are those of one Build with everything
// known up front, for a fixed k (its stability refits run between Fit and
// Describe) and for automatic k. The personas' names and every
// respondent's assignment are known before the pain points (Named, which
// the workbook's Responses sheet reads meanwhile), and Describe keeps them.
func TestDescribeAfterFit(t *testing.T) {
	full, _ := fromSynth(t, 900)
	for _, opt := range []Options{{K: 3, Seed: 2, Bootstrap: 4}, {Seed: 2, Bootstrap: 2}} {
		want, err := Build(context.Background(), full, opt)
		if err != nil {
			t.Fatal(err)
		}
		bare := full
		bare.Respondents = make([]Respondent, len(full.Respondents))
		for i, r := range full.Respondents {
			r.PainPoints, r.Quotes = nil, nil
			bare.Respondents[i] = r
		}
		f, err := Fit(context.Background(), bare, opt)
		if err != nil {
			t.Fatal(err)
		}
		named, err := f.Named(bare)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, p := range named.Personas {
			names = append(names, p.Name)
			if p.Name == "" || p.PainPoints != nil {
				t.Fatalf("k=%d: Named gives persona %d the name %q and pain points %v: want a name and no pain points yet", opt.K, p.ID, p.Name, p.PainPoints)
			}
		}
		assigned := slices.Clone(named.Assignments)
		for i, r := range full.Respondents { // found meanwhile
			bare.Respondents[i].PainPoints, bare.Respondents[i].Quotes = r.PainPoints, r.Quotes
		}
		got, err := f.Describe(bare)
		if err != nil {
			t.Fatal(err)
		}
		if got != named {
			t.Errorf("k=%d: Describe completes another Result than Named gave", opt.K)
		}
		for i, p := range got.Personas {
			if p.Name != names[i] {
				t.Errorf("k=%d: persona %d named %q by Named, %q by Describe", opt.K, p.ID, names[i], p.Name)
			}
		}
		if !slices.Equal(assigned, got.Assignments) {
			t.Errorf("k=%d: Describe changed the assignments Named gave", opt.K)
		}
		a, _ := json.Marshal(want)
		b, _ := json.Marshal(got)
		if string(a) != string(b) {
			t.Fatalf("k=%d: cards written after the fit differ:\nbuild:    %.400s\ndescribe: %.400s", opt.K, a, b)
		}
		if !strings.Contains(string(a), "late delivery") || want.Quality.Stability == nil {
			t.Fatalf("k=%d: no pain point on the cards or no stability: the comparison says nothing", opt.K)
		}
	}
	// Describing other respondents than were fitted is refused.
	f, err := Fit(context.Background(), full, Options{K: 2, Seed: 1, Bootstrap: -1})
	if err != nil {
		t.Fatal(err)
	}
	fewer := full
	fewer.Respondents = full.Respondents[:100]
	if _, err := f.Describe(fewer); err == nil {
		t.Error("describing 100 respondents with a fit of 900: no error")
	}
}
