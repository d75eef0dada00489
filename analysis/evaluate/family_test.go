package evaluate

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/analysis"
)

// TestHearingFamily runs the engine on the hearing and six
// sub-conversations of it (each half; the whole with every fourth turn left
// out, four ways) and prints found / NMI / placed per run and their mean:
// one transcript moves by a label or two with any small change (session
// 9, round 20). Set SAFAR_FAMILY=1 to run it.
func TestHearingFamily(t *testing.T) {
	s := familyHearing(t)
	n := len(s.Texts)
	pick := func(keep func(i int) bool) *Set {
		sub := &Set{Name: s.Name}
		for i := range n {
			if keep(i) {
				sub.Texts = append(sub.Texts, s.Texts[i])
				sub.Labels = append(sub.Labels, s.Labels[i])
			}
		}
		return sub
	}
	runs := []*Set{s, pick(func(i int) bool { return i < n/2 }), pick(func(i int) bool { return i >= n/2 })}
	for k := range 4 {
		runs = append(runs, pick(func(i int) bool { return i%4 != k }))
	}
	var found, nmi float64
	for ri, sub := range runs {
		res := analysis.FindPainPoints(sub.Texts, analysis.PainPointOptions{})
		sc := scoreSafar(sub, res, time.Second)
		t.Logf("run %d: %d texts, found %d, NMI %.3f, placed %.3f, %d pain points", ri, len(sub.Texts), sc.Found, sc.NMI, sc.Placed, sc.Groups)
		found += float64(sc.Found)
		nmi += sc.NMI
	}
	t.Logf("family mean: found %.2f, NMI %.3f", found/float64(len(runs)), nmi/float64(len(runs)))
}

// TestShortTurnHearing rewrites the hearing in the shape of a product-design
// meeting (round 26): every sentence a turn of its speaker, and after every
// third a backchannel ("Yeah.", "Okay.", "Mm-hmm.", "Yes, I agree.") by the
// previous other speaker, labelled as the turn before it; and prints Safar's
// and the peers' found / NMI / placed. Set SAFAR_FAMILY=1 to run it.
func TestShortTurnHearing(t *testing.T) {
	s := familyHearing(t)
	back := []string{"Yeah.", "Okay.", "Mm-hmm.", "Yes, I agree."}
	short := &Set{Name: s.Name}
	n, other := 0, ""
	for i, tx := range s.Texts {
		for _, sent := range sentences(tx.Text) {
			u := tx
			u.ID, u.Text = fmt.Sprint(tx.ID, ".", len(short.Texts)), sent
			short.Texts = append(short.Texts, u)
			short.Labels = append(short.Labels, s.Labels[i])
			if n++; n%3 == 0 {
				who := other
				if who == "" || who == tx.Person {
					who = tx.Thread + ":listener"
				}
				short.Texts = append(short.Texts, analysis.Text{ID: fmt.Sprint("b", n), Person: who,
					Text: back[(n/3)%len(back)], Thread: tx.Thread})
				short.Labels = append(short.Labels, s.Labels[i])
			}
		}
		if i+1 < len(s.Texts) && s.Texts[i+1].Person != tx.Person {
			other = tx.Person
		}
	}
	rep, err := Run(context.Background(), short, Options{Stopwords: LoadStopwords(DataDir())})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d turns", len(short.Texts))
	for _, m := range rep.Methods {
		t.Logf("%s: found %.2f, NMI %.3f, placed %.3f", m.Method, m.Found.Mean, m.NMI.Mean, m.Placed.Mean)
	}
}

// sentences splits a turn after ". ", "? ", "! ".
func sentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i+1] == ' ' {
			if t := strings.TrimSpace(s[start : i+1]); t != "" {
				out = append(out, t)
			}
			start = i + 1
		}
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

// familyHearing is the labelled hearing for the opt-in measurements above:
// they run with SAFAR_FAMILY=1 and the shared data.
func familyHearing(t *testing.T) *Set {
	t.Helper()
	if os.Getenv("SAFAR_FAMILY") == "" {
		t.Skip("set SAFAR_FAMILY=1")
	}
	dir := DataDir()
	if dir == "" {
		t.Skip("no data")
	}
	s, err := Load(dir, "transcript")
	if err != nil || !s.Labelled() {
		t.Skip("no labelled transcript")
	}
	return s
}
