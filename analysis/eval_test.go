package analysis

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The evaluation tests print quality numbers on the shared data sets
// (../../shared/data, or $SAFAR_SHARED_DATA). They never fail on quality;
// they skip when the data is absent. Run: go test -run Eval -v ./analysis/

func sharedData(t *testing.T) string {
	t.Helper()
	dirs := []string{os.Getenv("SAFAR_SHARED_DATA"), filepath.Join("..", "..", "shared", "data")}
	for _, d := range dirs {
		if d == "" {
			continue
		}
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
	}
	t.Skip("shared data not found: set SAFAR_SHARED_DATA or place it at ../../shared/data")
	return ""
}

func readCSV(t *testing.T, path string) ([]string, [][]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%s: %v", path, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows[0], rows[1:]
}

func colIndex(t *testing.T, header []string, name string) int {
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q in %q", name, header)
	return -1
}

// goldAspects maps ParsiNLU food aspects to pain-point keys.
var goldAspects = []struct{ fa, key string }{
	{"طعم", "taste"}, {"کیفیت", "quality"}, {"ارزش خرید", "price"},
	{"بسته بندی", "packaging"}, {"ارسال", "delivery"}, {"ارزش غذایی", "nutrition"},
}

func TestEvalPersianReviews(t *testing.T) {
	dir := sharedData(t)
	header, rows := readCSV(t, filepath.Join(dir, "persian_reviews", "parsinlu", "reviews_flat.csv"))
	idC, aspC, revC, sentC := colIndex(t, header, "review_id"), colIndex(t, header, "aspects"),
		colIndex(t, header, "review"), colIndex(t, header, "sentiment")
	texts := make([]Text, len(rows))
	gold := map[string]map[string]bool{} // review id -> negative aspect keys
	positive := map[string]bool{}
	for i, r := range rows {
		texts[i] = Text{ID: r[idC], Text: r[revC]}
		if s := r[sentC]; s == "1" || s == "2" {
			positive[r[idC]] = true
		}
		for _, a := range strings.Split(r[aspC], ";") {
			name, score, ok := strings.Cut(a, ":")
			if !ok || (score != "-1" && score != "-2") {
				continue
			}
			for _, g := range goldAspects {
				if g.fa == name {
					if gold[r[idC]] == nil {
						gold[r[idC]] = map[string]bool{}
					}
					gold[r[idC]][g.key] = true
				}
			}
		}
	}
	res := FindPainPoints(texts, PainPointOptions{})
	t.Logf("persian_reviews: %d reviews, %d pain points", res.Documents, len(res.PainPoints))
	for _, p := range res.PainPoints[:min(12, len(res.PainPoints))] {
		t.Logf("  #%d %-10s %-40s people=%d share=%.3f sev=%.2f prio=%.4f", p.Rank, p.Key, p.Label, p.Documents, p.Share, p.Severity, p.Priority)
	}
	rank := map[string]int{}
	members := map[string]map[string]bool{}
	for _, p := range res.PainPoints {
		rank[p.Key] = p.Rank
		members[p.Key] = map[string]bool{}
		for _, m := range p.Members {
			members[p.Key][m] = true
		}
	}
	named := 0
	var pred []float64
	for _, g := range goldAspects {
		r, ok := rank[g.key]
		if ok && r <= 8 {
			named++
		}
		if !ok {
			r = 1000
		}
		pred = append(pred, float64(r))
	}
	gold6 := []float64{1, 2, 3, 4, 5, 6}
	rho := spearman(gold6, pred)
	// Per review: recall of negative aspects, precision of memberships.
	var pairs, hit, assigned, correct, posAssigned int
	perAspect := map[string][3]int{}
	for _, tx := range texts {
		for _, g := range goldAspects {
			isGold := gold[tx.ID][g.key]
			isMember := members[g.key][tx.ID]
			c := perAspect[g.key]
			if isGold {
				pairs++
				c[0]++
				if isMember {
					hit++
					c[1]++
				}
			}
			if isMember {
				assigned++
				c[2]++
				if isGold {
					correct++
				}
				if positive[tx.ID] {
					posAssigned++
				}
			}
			perAspect[g.key] = c
		}
	}
	t.Logf("aspects named in top 8: %d/6 (target >= 5)", named)
	t.Logf("Spearman vs gold order: %.3f (target >= 0.6); predicted ranks %v", rho, pred)
	t.Logf("per-review recall of negative aspects: %d/%d = %.3f", hit, pairs, ratio(hit, pairs))
	t.Logf("membership precision (member and gold-negative): %d/%d = %.3f", correct, assigned, ratio(correct, assigned))
	t.Logf("memberships from positive (1/2) reviews: %d", posAssigned)
	for _, g := range goldAspects {
		c := perAspect[g.key]
		t.Logf("  %-10s gold=%4d recall=%.3f members=%4d", g.key, c[0], ratio(c[1], c[0]), c[2])
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// spearman computes Spearman's rho with average ranks for ties.
func spearman(x, y []float64) float64 {
	rx, ry := ranks(x), ranks(y)
	var mx, my float64
	for i := range rx {
		mx += rx[i]
		my += ry[i]
	}
	mx /= float64(len(rx))
	my /= float64(len(ry))
	var sxy, sxx, syy float64
	for i := range rx {
		sxy += (rx[i] - mx) * (ry[i] - my)
		sxx += (rx[i] - mx) * (rx[i] - mx)
		syy += (ry[i] - my) * (ry[i] - my)
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	r := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		for k := i; k <= j; k++ {
			r[idx[k]] = float64(i+j)/2 + 1
		}
		i = j + 1
	}
	return r
}

func TestEvalClothingReviews(t *testing.T) {
	dir := sharedData(t)
	header, rows := readCSV(t, filepath.Join(dir, "surveys", "womens_clothing_reviews.csv"))
	idC, txtC, titleC, ratC, classC := colIndex(t, header, "row_id"), colIndex(t, header, "Review Text"),
		colIndex(t, header, "Title"), colIndex(t, header, "Rating"), colIndex(t, header, "Class Name")
	var texts []Text
	for _, r := range rows {
		rating, err := strconv.Atoi(r[ratC])
		if err != nil || rating > 2 || strings.TrimSpace(r[txtC]) == "" {
			continue
		}
		body := r[txtC]
		if r[titleC] != "" {
			body = r[titleC] + ". " + body
		}
		texts = append(texts, Text{ID: r[idC], Text: body, Satisfaction: Score(float64(rating-1) / 4),
			Segments: map[string]string{"class": r[classC]}})
	}
	res := FindPainPoints(texts, PainPointOptions{SegmentKey: "class"})
	t.Logf("womens_clothing_reviews rating<=2: %d reviews, %d pain points", res.Documents, len(res.PainPoints))
	for _, p := range res.PainPoints[:min(15, len(res.PainPoints))] {
		t.Logf("  #%d %-12s %-45s people=%d share=%.3f sev=%.2f prio=%.4f terms=%v", p.Rank, p.Key, p.Label, p.Documents, p.Share, p.Severity, p.Priority, p.Terms)
	}
	none := 0
	in := map[string]bool{}
	for _, p := range res.PainPoints {
		for _, m := range p.Members {
			in[m] = true
		}
	}
	for _, tx := range texts {
		if !in[tx.ID] {
			none++
		}
	}
	t.Logf("reviews in no pain point: %d/%d", none, len(texts))
}

func TestEvalTranscript(t *testing.T) {
	dir := sharedData(t)
	f, err := os.Open(filepath.Join(dir, "transcripts", "txt", "education_22.txt"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var texts []Text
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		speaker, content, ok := strings.Cut(sc.Text(), ": ")
		if !ok {
			continue
		}
		if strings.HasPrefix(speaker, "Lynne Neagle") {
			continue // the chair moderates; her turns are not evidence
		}
		texts = append(texts, Text{ID: fmt.Sprintf("L%d", line), Person: speaker, Text: content})
	}
	// One hearing has few speakers: report what even one of them raised.
	res := FindPainPoints(texts, PainPointOptions{MinPeople: 1})
	t.Logf("education_22: %d turns, %d speakers, %d pain points", res.Documents, res.People, len(res.PainPoints))
	for _, p := range res.PainPoints[:min(15, len(res.PainPoints))] {
		t.Logf("  #%d %-14s %-40s speakers=%d turns=%d prio=%.4f", p.Rank, p.Key, p.Label, p.Documents, p.Texts, p.Priority)
		if len(p.Examples) > 0 {
			t.Logf("      e.g. %q", truncate(p.Examples[0], 140))
		}
	}
}
