package analysis

import (
	"context"
	"encoding/json"
	"math/rand"
	"runtime"
	"strings"
	"testing"
	"time"
)

// synthAnswers makes n short survey answers in English and Persian from
// templates and fillers, so texts differ the way real answers do.
func synthAnswers(n int, seed int64) []Text {
	r := rand.New(rand.NewSource(seed))
	en := []string{
		"the %s was %s %s", "%s %s, really %s", "I think the %s is %s and the %s is fine",
		"love the %s but %s is %s", "my order came and the %s was %s", "no problem with the %s",
	}
	fa := []string{
		"%s خیلی %s بود", "%s %s و %s هم بد بود", "از %s راضی بودم ولی %s %s بود", "%s اصلا %s نبود", "همه چی خوب بود %s %s",
	}
	enW := []string{"delivery", "price", "quality", "fabric", "size", "support", "app", "checkout", "color", "staff",
		"late", "slow", "great", "terrible", "expensive", "thin", "small", "rude", "fine", "broken", "parking", "menu", "queue"}
	faW := []string{"ارسال", "قیمت", "کیفیت", "طعم", "بسته‌بندی", "پشتیبانی", "دیر", "گران", "عالی", "بد", "خوب", "تازه",
		"سریع", "شور", "کهنه", "پاره", "سایت", "پرداخت", "کارمند", "صف"}
	out := make([]Text, n)
	for i := range out {
		var tpl string
		var words []string
		if r.Intn(2) == 0 {
			tpl, words = en[r.Intn(len(en))], enW
		} else {
			tpl, words = fa[r.Intn(len(fa))], faW
		}
		args := make([]any, strings.Count(tpl, "%s"))
		for j := range args {
			args[j] = words[r.Intn(len(words))]
		}
		out[i] = Text{ID: itoa(i + 1), Text: sprintf(tpl, args...)}
	}
	return out
}

func sprintf(tpl string, args ...any) string {
	var b strings.Builder
	i := 0
	for {
		j := strings.Index(tpl, "%s")
		if j < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		b.WriteString(tpl[:j])
		b.WriteString(args[i].(string))
		i++
		tpl = tpl[j+2:]
	}
}

func BenchmarkFindPainPoints(b *testing.B) {
	in := synthAnswers(10000, 1)
	FindPainPoints(in[:10], PainPointOptions{}) // build the lexicon outside the timing
	b.ResetTimer()
	for b.Loop() {
		FindPainPoints(in, PainPointOptions{})
	}
}

// oneMB returns about 1 MB of answers: as one text, and as short texts.
func oneMB() (long Text, short []Text) {
	short = synthAnswers(30000, 9)
	var b strings.Builder
	for _, t := range short {
		if b.Len() > 1<<20 {
			break
		}
		b.WriteString(t.Text)
		b.WriteString(". ")
	}
	n := 0
	for size := 0; size < b.Len(); n++ {
		size += len(short[n].Text) + 2
	}
	return Text{ID: "long", Text: b.String()}, short[:n]
}

// TestLongText: one text of 1 MB costs no more than 1 MB of short texts
// (issue #21): analysis is linear in a text's length, and a text is cut to
// MaxTextBytes with a note saying so.
func TestLongText(t *testing.T) {
	long, short := oneMB()
	FindPainPoints(short[:10], PainPointOptions{})
	t0 := time.Now()
	res := FindPainPoints([]Text{long}, PainPointOptions{MinPeople: 1})
	tLong := time.Since(t0)
	t0 = time.Now()
	FindPainPoints(short, PainPointOptions{})
	tShort := time.Since(t0)
	if tLong > tShort+200*time.Millisecond {
		t.Errorf("one 1 MB text took %v, 1 MB of short texts %v", tLong, tShort)
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "1 text(s) longer than") {
		t.Errorf("notes = %q, want one about the cut", res.Notes)
	}
	// Below the cap, work grows linearly: twice the text, twice the words.
	half := analyseText(long.Text[:MaxTextBytes/2], nil)
	full := analyseText(long.Text[:MaxTextBytes], nil)
	nh, nf := len(half.decode(nil)), len(full.decode(nil))
	if r := float64(nf) / float64(nh); r < 1.8 || r > 2.2 {
		t.Errorf("words: %d for half, %d for all", nh, nf)
	}
}

func BenchmarkLongText(b *testing.B) {
	long, _ := oneMB()
	for b.Loop() {
		FindPainPoints([]Text{long}, PainPointOptions{})
	}
}

func TestLinearCost(t *testing.T) {
	// Guard against accidental O(n²): grouping 4x the texts must not cost
	// far more than 4x. Uses counts, not wall time: the number of groups
	// stays bounded and every text is visited once.
	small := FindPainPoints(synthAnswers(500, 3), PainPointOptions{})
	big := FindPainPoints(synthAnswers(2000, 3), PainPointOptions{})
	if len(big.PainPoints) > 4*len(small.PainPoints)+20 {
		t.Errorf("pain points grew from %d to %d", len(small.PainPoints), len(big.PainPoints))
	}
}

func TestDeterministic(t *testing.T) {
	in := synthAnswers(3000, 5)
	a, _ := json.Marshal(FindPainPoints(in, PainPointOptions{}))
	b, _ := json.Marshal(FindPainPoints(in, PainPointOptions{}))
	if string(a) != string(b) {
		t.Error("two runs on the same input differ")
	}
}

// reviews makes n texts of about 340 bytes, the length of a product
// review, from the synthetic answers (each text different).
func reviews(n int) []Text {
	short := synthAnswers(n*8, 11)
	out := make([]Text, n)
	for i := range out {
		var b strings.Builder
		for j := i * 8; b.Len() < 340 && j < (i+1)*8; j++ {
			b.WriteString(short[j].Text)
			b.WriteString(". ")
		}
		out[i] = Text{ID: itoa(i + 1), Text: b.String()}
	}
	return out
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestMemoryPerText: the state a text keeps from its analysis until the
// labels are written (words, clauses, normalised text) stays under twice
// the text's own size (issue #14: 100,000 reviews in 300 MB). It was 2.7
// KB for a 330-byte text when each word kept two strings (56 bytes) and
// every text a normalised copy; it is about 0.17 KB now. The bound is
// generous, so only a change of representation, not noise, fails it.
func TestMemoryPerText(t *testing.T) {
	in := reviews(20000)
	var size int
	for _, x := range in {
		size += len(x.Text)
	}
	before := heapInUse()
	docs, _, err := analyseAll(context.Background(), in, nil)
	if err != nil {
		t.Fatal(err)
	}
	after := heapInUse()
	runtime.KeepAlive(docs)
	runtime.KeepAlive(in) // else the texts may be collected in between
	kept := float64(after-min(before, after)) / float64(len(in))
	avg := float64(size) / float64(len(in))
	t.Logf("%.0f bytes kept per text of %.0f bytes", kept, avg)
	if kept > 2*avg {
		t.Errorf("%.0f bytes kept per text of %.0f bytes, want at most %.0f", kept, avg, 2*avg)
	}
}
