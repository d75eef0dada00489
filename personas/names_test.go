package personas

import (
	"context"
	"strings"
	"testing"
	"unicode"
)

// twoGroups writes a CSV of two clear groups of n rows each: column j takes
// group a's answer a[j] or group b's answer b[j] (with 10% swapped, so
// traits are not perfect).
func twoGroups(header, a, b []string, n int) [][]string {
	var rows [][]string
	for i := range 2 * n {
		row := make([]string, len(header))
		for j := range header {
			g := i < n
			if (i*7+j*3)%10 == 0 {
				g = !g
			}
			row[j] = a[j]
			if !g {
				row[j] = b[j]
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func buildCSV(t *testing.T, header []string, rows [][]string, opt CSVOptions, k int) *Result {
	t.Helper()
	in, infos, err := InferCSV(header, rows, opt)
	if err != nil {
		t.Fatal(err)
	}
	in.Language = DetectLanguage(header, rows)
	res, err := Build(context.Background(), in, Options{Seed: 1, K: k, Bootstrap: 3, Exclude: ProfileColumns(infos)})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestNames(t *testing.T) {
	for _, tc := range []struct {
		name         string
		header, a, b []string
		want, not    []string // in some name / in no name
		lang         string
	}{
		{
			name:   "coded CSV answers lose their codes",
			header: []string{"INTELG", "DISHONB", "MORALG"},
			a:      []string{"2 Quite well", "3 Not too well", "1 Extremely well"},
			b:      []string{"4 Not well at all", "1 Extremely well", "3 Not too well"},
			want:   []string{"Quite well", "Not too well"},
			not:    []string{"2 Quite", "3 Not", "4 Not"},
			lang:   "en",
		},
		{
			name:   "headers cleaned, parts capitalised",
			header: []string{"income_band", "main_channel", "plan"},
			a:      []string{"21-24", "instagram", "basic"},
			b:      []string{"45-49", "store", "premium"},
			want:   []string{"Income band 21-24", "Instagram"},
			not:    []string{"income_band", "instagram"},
			lang:   "en",
		},
		{
			name:   "Persian names in Persian",
			header: []string{"سن", "کانال اصلی", "رضایت"},
			a:      []string{"۱۸ تا ۲۴", "اینستاگرام", "راضی"},
			b:      []string{"۴۵ تا ۵۴", "فروشگاه", "ناراضی"},
			want:   []string{"اینستاگرام", "، "},
			not:    []string{"Persona", ", "},
			lang:   "fa",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := buildCSV(t, tc.header, twoGroups(tc.header, tc.a, tc.b, 60), CSVOptions{}, 2)
			if res.Language != tc.lang {
				t.Errorf("language %q, want %q", res.Language, tc.lang)
			}
			var names []string
			for _, p := range res.Personas {
				names = append(names, p.Name)
				if c := []rune(p.Name)[0]; unicode.IsLower(c) {
					t.Errorf("name %q starts in lower case", p.Name)
				}
				for _, part := range strings.Split(p.Name, ", ") {
					if c := []rune(part)[0]; unicode.IsLower(c) {
						t.Errorf("name part %q of %q starts in lower case", part, p.Name)
					}
				}
			}
			all := strings.Join(names, " | ")
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("names %q: want %q in one", all, w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(all, w) {
					t.Errorf("names %q: want no %q", all, w)
				}
			}
		})
	}
}

func TestNamesFromSurveyLabels(t *testing.T) {
	in, _ := fromSynth(t, 600)
	for j := range in.Items {
		if in.Items[j].Name == "main_channel" {
			in.Items[j].Label = "Where do you usually buy?"
		}
	}
	res, err := Build(context.Background(), in, Options{Seed: 1, K: 3, Bootstrap: -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Personas {
		if strings.Contains(p.Name, "main_channel") || strings.Contains(p.Name, "age_group") {
			t.Errorf("name %q uses an item key, not its question text or answer", p.Name)
		}
	}
}

func TestCleanValue(t *testing.T) {
	for in, want := range map[string]string{
		"2 Quite well": "Quite well", "3. Agree": "Agree", "(1) Yes": "Yes", "a) Never": "Never",
		"2 times a week": "2 times a week", "18-24": "18-24", "A lot": "A lot", "۲) خوب": "خوب", "۵۵ و بیشتر": "۵۵ و بیشتر", "3) very well": "very well", "  Very   good ": "Very good",
	} {
		if got := cleanValue(in); got != want {
			t.Errorf("cleanValue(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestProfileColumns: an excluded column takes no part in the model but
// describes every card with share, overall share and lift.
func TestProfileColumns(t *testing.T) {
	header := []string{"attitude1", "attitude2", "vote"}
	rows := twoGroups(header, []string{"high", "agree", "Candidate A"}, []string{"low", "disagree", "Candidate B"}, 60)
	res := buildCSV(t, header, rows, CSVOptions{Exclude: []string{"Vote"}}, 2)
	if got := strings.Join(res.Quality.Items, ","); got != "attitude1,attitude2" {
		t.Errorf("segmented on %s, want attitude1,attitude2", got)
	}
	for _, p := range res.Personas {
		if len(p.Profile) != 1 || p.Profile[0].Column != "vote" || !p.Profile[0].Profile {
			t.Fatalf("persona %d profile %+v, want the vote", p.ID, p.Profile)
		}
		v := p.Profile[0]
		if v.Share < 0.7 || v.Overall < 0.45 || v.Overall > 0.55 || v.Lift < 1.4 {
			t.Errorf("persona %d vote %s: share %.2f overall %.2f lift %.2f, want >= 0.7, 0.5, >= 1.4", p.ID, v.Value, v.Share, v.Overall, v.Lift)
		}
		for _, tr := range p.Traits {
			if tr.Column == "vote" {
				t.Errorf("persona %d: the profile column is among the segmentation traits", p.ID)
			}
		}
		if !strings.HasPrefix(p.Trust, "Solid: ") {
			t.Errorf("trust %q", p.Trust)
		}
	}
	if _, _, err := InferCSV(header, rows, CSVOptions{Exclude: []string{"nope"}}); err == nil {
		t.Error("want an error for an unknown --exclude column")
	}
}

func TestPhrase(t *testing.T) {
	for _, tc := range []struct {
		it          Item
		value, lang string
		want        string
	}{
		{Item{Name: "age", Label: "How old are you?", Kind: Categorical}, "55 and over", "en", "55 and over"},
		{Item{Name: "age", Label: "چند سال دارید؟", Kind: Categorical}, "۵۵ و بیشتر", "fa", "۵۵ و بیشتر"},
		{Item{Name: "income", Kind: Categorical}, "21-24", "en", "income 21-24"},
		{Item{Name: "PID", Kind: Ordinal}, "6", "en", "PID 6"},
		{Item{Name: "INTELG", Kind: Ordinal}, "2 Quite well", "en", "Quite well"},
		{Item{Name: "follows", Label: "Follows on Instagram", Kind: Binary}, "yes", "en", "Follows on Instagram"},
		{Item{Name: "age_group", Kind: Numeric}, "18–30", "fa", "age group ۱۸–۳۰"},
		// A question's text is not a name: its short name, else the
		// survey's export column in the name's script, else nothing.
		{Item{Name: "age_group", Label: "How old are you?", Short: "Age", Kind: Categorical}, "55+", "en", "Age 55+"},
		{Item{Name: "age_group", Label: "How old are you?", Kind: Categorical}, "55+", "en", "age group 55+"},
		{Item{Name: "age_group", Label: "چند سال دارید؟", Short: "سن", Kind: Categorical}, "55+", "fa", "سن ۵۵+"},
		{Item{Name: "age_group", Label: "چند سال دارید؟", Kind: Categorical}, "55+", "fa", ""},
		{Item{Name: "discount_codes", Label: "Do you use discount codes?", Kind: Categorical}, "Yes", "en", "discount codes: Yes"},
		{Item{Name: "Q7", Label: "Do you use discount codes?", Kind: Categorical}, "Yes", "en", "Q7: Yes"},
		// A survey's scale point says its label without its number.
		{Item{Name: "effort", Label: "آسان بود.", Kind: Ordinal, Levels: []string{"1 کاملاً مخالفم", "2", "3", "4", "5 کاملاً موافقم"}}, "5 کاملاً موافقم", "fa", "کاملاً موافقم"},
		{Item{Name: "sat", Label: "Delivery", Kind: Ordinal, Levels: []string{"1", "2", "3"}}, "3", "en", "Delivery 3"},
	} {
		if got := phrase(tc.it, tc.value, tc.lang); got != tc.want {
			t.Errorf("phrase(%s, %q) = %q, want %q", tc.it.Name, tc.value, got, tc.want)
		}
	}
}

// TestFixedKCompares: a fixed k with Compare still lists every k, the
// fixed one chosen and carrying its own stability.
func TestFixedKCompares(t *testing.T) {
	in, _ := fromSynth(t, 600)
	res, err := Build(context.Background(), in, Options{Seed: 1, K: 3, Compare: true, Bootstrap: 3})
	if err != nil {
		t.Fatal(err)
	}
	if res.K != 3 || len(res.Quality.Candidates) != 7 || !strings.HasPrefix(res.Quality.KSelected, "fixed") {
		t.Fatalf("k=%d, %d candidates, %q", res.K, len(res.Quality.Candidates), res.Quality.KSelected)
	}
	for _, c := range res.Quality.Candidates {
		if c.Chosen != (c.K == 3) || c.Chosen && c.Stability != res.Quality.Stability.MeanARI || !c.Chosen && c.Verdict != "" {
			t.Errorf("candidate %+v: want only k=3 chosen, with the fit's own stability", c)
		}
	}
	plain, err := Build(context.Background(), in, Options{Seed: 1, K: 3, Bootstrap: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(plain.Quality.Candidates) != 0 {
		t.Errorf("fixed k without Compare fitted %d candidates", len(plain.Quality.Candidates))
	}
}
