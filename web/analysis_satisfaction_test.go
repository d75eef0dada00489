package web_test

import (
	"fmt"
	"math"
	"net/http"
	"testing"
)

// TestPainPointSatisfaction: a pain point's card says how the people
// voicing it rate satisfaction against everyone else who rated it, on
// 0..100 with the gap's interval, in the reader's language.
func TestPainPointSatisfaction(t *testing.T) {
	w, scope, base, en := analysedDemoProject(t)
	st := storedResult(t, w, scope)
	shown := 0
	fa := w.login("fa@example.com")
	for _, pp := range st.PainPoints.PainPoints {
		if pp.Satisfaction == nil || len(pp.SatisfactionGapCI) != 2 {
			continue
		}
		pts := func(f float64) int { return int(math.Round(100 * f)) }
		mean, others := pts(*pp.Satisfaction), pts(*pp.Satisfaction-*pp.SatisfactionGap)
		lo, hi := pp.SatisfactionGapCI[0], pp.SatisfactionGapCI[1]
		var want, wantFa string
		switch {
		case hi < 0:
			want = fmt.Sprintf("%d of 100 against %d for the others: %d lower (95%% interval %d to %d; %d scored)", mean, others, pts(-*pp.SatisfactionGap), pts(-hi), pts(-lo), pp.SatisfactionN)
			wantFa = persian(fmt.Sprintf("%d از 100 در برابر %d برای دیگران: %d کمتر", mean, others, pts(-*pp.SatisfactionGap)))
		case lo > 0:
			want = fmt.Sprintf("%d of 100 against %d for the others: %d higher", mean, others, pts(*pp.SatisfactionGap))
			wantFa = persian(fmt.Sprintf("%d از 100 در برابر %d برای دیگران: %d بیشتر", mean, others, pts(*pp.SatisfactionGap)))
		default:
			want = fmt.Sprintf("%d of 100 against %d for the others: no clear difference (%d scored)", mean, others, pp.SatisfactionN)
			wantFa = persian(fmt.Sprintf("%d از 100 در برابر %d برای دیگران: تفاوت روشنی ندارد", mean, others))
		}
		en.get(base+"/painpoints").want(http.StatusOK, "Their satisfaction", want)
		fa.get(base+"/painpoints").want(http.StatusOK, "رضایتشان", wantFa)
		if shown++; shown == 3 {
			break
		}
	}
	if shown == 0 {
		t.Fatal("no pain point of the demo has its voices' satisfaction: the demo's respondents rate their satisfaction")
	}
}
