package study_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/study"
)

// Scratch (ppvoice): members whose generator topic is their pain point's
// majority topic, over the top 10 of 12 demo seeds.
func TestZZReachPrecision(t *testing.T) {
	if os.Getenv("ZZREACH") == "" {
		t.Skip()
	}
	var right, all, lost, wrongDropped int
	for i := 0; i < 12; i++ {
		seed := uint64(101 + 100*i)
		in := demoInputSeed(t, seed)
		var recs []analysis.SecRec
		analysis.TraceHook = func(r analysis.SecRec) {
			if !r.Kept {
				recs = append(recs, r)
			}
		}
		res, err := study.Analyze(context.Background(), in, study.Options{Seed: 1, Bootstrap: -1})
		if err != nil {
			t.Fatal(err)
		}
		text := map[string]string{}
		for _, s := range in.Surveys {
			for _, r := range s.Responses {
				for q, v := range r.Answers {
					text["r:"+r.ID+":"+q] = v.Text
				}
			}
		}
		analysis.TraceHook = nil
		major := map[string]string{}
		defer func() {
			for _, r := range recs {
				tp := major[r.Key]
				if tp == "" {
					continue
				}
				ok := false
				for _, x := range demo.Topics(r.Body) {
					ok = ok || x == tp
				}
				if ok {
					lost++
					if os.Getenv("ZZSHOWRIGHT") != "" {
						t.Logf("right dropped: near %.2f %s (%s) main %s level %d terms %v head %s: %q", r.Near, r.Key, tp, r.MainKey, r.Level, r.Terms, r.LabelHead, r.Body)
					}
				} else {
					wrongDropped++
					if os.Getenv("ZZSHOWRIGHT") != "" {
						t.Logf("wrong dropped: near %.2f %s (%s) main %s level %d terms %v head %s: %q", r.Near, r.Key, tp, r.MainKey, r.Level, r.Terms, r.LabelHead, r.Body)
					}
				}
			}
		}()
		for pi, p := range res.PainPoints.PainPoints {
			if pi >= 10 {
				break
			}
			n, texts := map[string]int{}, 0
			for _, m := range p.Members {
				if strings.HasPrefix(m, "r:") {
					texts++
					for _, tp := range demo.Topics(text[m]) {
						n[tp]++
					}
				}
			}
			topic := ""
			for tp, k := range n {
				if topic == "" || k > n[topic] || k == n[topic] && tp < topic {
					topic = tp
				}
			}
			major[p.Key] = topic
			right += n[topic]
			all += texts
			_ = lost
		}
	}
	defer func() {
		t.Logf("dropped from a top-10 pain point: %d of its majority topic, %d not", lost, wrongDropped)
	}()
	t.Logf("top-10 survey members: %d, with the majority topic %d (%.3f), without %d", all, right, float64(right)/float64(all), all-right)
}
