package evaluate

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/safarhq/safar/analysis"
)

// A mixed set holds every text of a corpus, happy customers' and unhappy
// ones' alike, as a client's export of reviews or of a survey's open
// answers does; the development sets are sets of complaints. Each text's
// own score (a rating, a sentiment) says whether its writer is unhappy.
// The engine is given the texts only, as from a CSV without its scores,
// and is scored on whether its top 10 pain points hold the unhappy texts
// (docs/painpoints.md, round 71).
type MixedSet struct {
	Name, About string
	Texts       []analysis.Text
	Unhappy     []bool // per text
	// Scores, when the set has a score of its writers' other than the
	// one Unhappy is read from (a recommendation beside a rating), is
	// that score per text, and Score says what it is: the engine is run
	// a second time with it, as `safar painpoints --score` gives it.
	Score  string
	Scores []*float64
}

// MixedReport is the engine's top 10 on a mixed set.
type MixedReport struct {
	Set     string `json:"set"`
	About   string `json:"about"`
	Texts   int    `json:"texts"`
	Unhappy int    `json:"unhappy"`
	// Base is the unhappy share of all texts: what a pain point of texts
	// picked at random would hold.
	Base float64 `json:"base"`
	// Precision is the unhappy share of the texts in the top 10 pain
	// points (each text once), Lift that over Base, and Recall the share of
	// the unhappy texts the top 10 hold.
	Precision float64 `json:"precision"`
	Lift      float64 `json:"lift"`
	Recall    float64 `json:"recall"`
	Seconds   float64 `json:"seconds"`
}

var mixedLoaders = []struct {
	name string
	load func(dir string) (*MixedSet, error)
}{
	{"clothing-all", loadClothingAll},
	{"parsinlu-all", loadParsiNLUAll},
}

// MixedNames lists the mixed sets.
func MixedNames() []string {
	out := make([]string, len(mixedLoaders))
	for i, l := range mixedLoaders {
		out[i] = l.name
	}
	return out
}

// LoadMixed reads the named mixed set from dir.
func LoadMixed(dir, name string) (*MixedSet, error) {
	for _, l := range mixedLoaders {
		if l.name == name {
			return l.load(dir)
		}
	}
	return nil, fmt.Errorf("unknown mixed set %q; mixed sets: %s", name, strings.Join(MixedNames(), ", "))
}

// loadClothingAll reads every women's-clothing review with text (its
// title and review joined, as the clothing set does); rated 1 or 2 of 5
// is unhappy.
func loadClothingAll(dir string) (*MixedSet, error) {
	t, c, err := readTable(filepath.Join(dir, "surveys", "womens_clothing_reviews.csv"), "row_id", "Title", "Review Text", "Rating", "Recommended IND")
	if err != nil {
		return nil, err
	}
	s := &MixedSet{Name: "clothing-all", About: "women's-clothing reviews of every rating; unhappy: rated 1-2 of 5",
		Score: "recommended"}
	recommends := map[string]*float64{"0": analysis.Score(0), "1": analysis.Score(1)}
	for i := range t.Rows {
		rating, err := strconv.Atoi(t.Value(i, c[3]))
		body := strings.TrimSpace(t.Value(i, c[2]))
		if err != nil || body == "" {
			continue
		}
		if title := strings.TrimSpace(t.Value(i, c[1])); title != "" {
			body = title + ". " + body
		}
		s.Texts = append(s.Texts, analysis.Text{ID: t.Value(i, c[0]), Text: body})
		s.Unhappy = append(s.Unhappy, rating <= 2)
		s.Scores = append(s.Scores, recommends[strings.TrimSpace(t.Value(i, c[4]))])
	}
	return s, nil
}

// loadParsiNLUAll reads every ParsiNLU food review with text; a review
// whose overall sentiment is below 0 is unhappy.
func loadParsiNLUAll(dir string) (*MixedSet, error) {
	t, c, err := readTable(filepath.Join(dir, "persian_reviews", "parsinlu", "reviews_flat.csv"), "review_id", "sentiment", "review")
	if err != nil {
		return nil, err
	}
	s := &MixedSet{Name: "parsinlu-all", About: "ParsiNLU Persian food reviews of every sentiment; unhappy: sentiment below 0"}
	for i := range t.Rows {
		sent, err := strconv.Atoi(strings.TrimSpace(t.Value(i, c[1])))
		body := strings.TrimSpace(t.Value(i, c[2]))
		if err != nil || body == "" {
			continue
		}
		s.Texts = append(s.Texts, analysis.Text{ID: t.Value(i, c[0]), Text: body, Lang: "fa"})
		s.Unhappy = append(s.Unhappy, sent < 0)
	}
	return s, nil
}

// RunMixed runs the engine on s with its default options and scores its
// top 10.
func RunMixed(ctx context.Context, s *MixedSet) (MixedReport, error) {
	rep := MixedReport{Set: s.Name, About: s.About, Texts: len(s.Texts)}
	start := time.Now()
	res, err := analysis.FindPainPointsContext(ctx, s.Texts, analysis.PainPointOptions{Top: 10})
	if err != nil {
		return rep, err
	}
	rep.Seconds = time.Since(start).Seconds()
	at := make(map[string]int, len(s.Texts))
	for i, t := range s.Texts {
		at[t.ID] = i
		if s.Unhappy[i] {
			rep.Unhappy++
		}
	}
	in := map[int]bool{}
	for _, p := range res.PainPoints {
		for _, m := range p.Members {
			if i, ok := at[m]; ok {
				in[i] = true
			}
		}
	}
	held := 0
	for i := range in {
		if s.Unhappy[i] {
			held++
		}
	}
	if rep.Texts > 0 {
		rep.Base = float64(rep.Unhappy) / float64(rep.Texts)
	}
	if len(in) > 0 {
		rep.Precision = float64(held) / float64(len(in))
	}
	if rep.Base > 0 {
		rep.Lift = rep.Precision / rep.Base
	}
	if rep.Unhappy > 0 {
		rep.Recall = float64(held) / float64(rep.Unhappy)
	}
	return rep, nil
}

// RunMixedSets loads and runs the named mixed sets from dir.
func RunMixedSets(ctx context.Context, dir string, names []string) ([]MixedReport, error) {
	var out []MixedReport
	for _, n := range names {
		s, err := LoadMixed(dir, n)
		if err != nil {
			return nil, err
		}
		r, err := RunMixed(ctx, s)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
		if s.Scores == nil {
			continue
		}
		scored := *s
		scored.Name, scored.About = s.Name+"+"+s.Score, s.About+"; given the writer's "+s.Score+" as their score"
		scored.Texts = slices.Clone(s.Texts)
		for i := range scored.Texts {
			scored.Texts[i].Satisfaction = s.Scores[i]
		}
		if r, err = RunMixed(ctx, &scored); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// WriteMixedTable prints the mixed sets' scores.
func WriteMixedTable(w io.Writer, reps []MixedReport) error {
	ew := &errWriter{w: w}
	ew.printf("%-26s %7s %8s %6s %10s %6s %7s %8s\n", "mixed set", "texts", "unhappy", "base", "precision", "lift", "recall", "seconds")
	for _, r := range reps {
		ew.printf("%-26s %7d %8d %6.3f %10.3f %6.2f %7.3f %8.2f\n", r.Set, r.Texts, r.Unhappy, r.Base, r.Precision, r.Lift, r.Recall, r.Seconds)
	}
	ew.printf("precision: the unhappy share of the texts in the top 10 pain points; base: of all texts; recall: the unhappy texts the top 10 hold\n")
	return ew.err
}
