package web_test

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestTouchpointSharesWithinTheirBase: the touchpoint heatmap's shares are
// of the column's respondents, never above 100% nor a count above the
// column's size; the interview about the use stage (Reza: website and
// courier) is counted apart, in the reader's language (QA D4: "Courier
// 100% (659)" under "All customers (658)", "Website 0% (1)").
func TestTouchpointSharesWithinTheirBase(t *testing.T) {
	w, _, base, en := analysedDemoProject(t)

	en.get(base+"/touchpoints").want(http.StatusOK, "&#43; 1 person in interviews and transcripts", "counted apart")
	sizes := regexp.MustCompile(`<th><bdi>[^<]*</bdi> <span class="muted">\((\d+)\)</span></th>`).FindAllStringSubmatch(en.body, -1)
	if len(sizes) < 2 {
		t.Fatalf("heatmap heads: %q", sizes)
	}
	most := 0
	for _, s := range sizes {
		most = max(most, atoi(t, s[1]))
	}
	cells := regexp.MustCompile(`<strong>(\d+)%</strong> <span class="fine">\((\d+)\)</span>`).FindAllStringSubmatch(en.body, -1)
	if len(cells) == 0 {
		t.Fatal("no heatmap cell read")
	}
	for _, c := range cells {
		if share, n := atoi(t, c[1]), atoi(t, c[2]); share > 100 || n > most {
			t.Errorf("cell %q: a share above 100%% or a count above every column's size (%d)", c[0], most)
		}
	}
	if strings.Contains(en.body, "<strong>0%</strong>") {
		t.Error("a touchpoint no respondent used is shown as 0% of them")
	}
	fa := w.login("fa@example.com")
	fa.get(base+"/touchpoints").want(http.StatusOK, "&#43; ۱ نفر در مصاحبه‌ها و متن‌های پیاده‌شده")
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestTouchpointRatingAskedOfAllIsNotUse: the demo asks everyone to rate
// the delivery (courier, use stage), so the heatmap showed 100% of every
// persona using the courier, the persona that buys in store included. A
// rating everyone must answer is satisfaction, not use: the row shows the
// satisfaction with a dash for the share, as the workbook leaves it blank.
func TestTouchpointRatingAskedOfAllIsNotUse(t *testing.T) {
	_, _, base, en := analysedDemoProject(t)
	en.get(base+"/touchpoints").want(http.StatusOK, "a rating everyone must answer counts in satisfaction only")
	row := regexp.MustCompile(`<tr><th><bdi>Courier</bdi></th>(.*?)</tr>`).FindStringSubmatch(en.body)
	if row == nil {
		t.Fatal("no Courier row on the heatmap")
	}
	if strings.Contains(row[1], "<strong>") {
		t.Errorf("the courier is shown as used by a share of respondents who were all asked to rate it: %s", row[1])
	}
	if strings.Count(row[1], `<span class="muted">–</span>`) < 2 || !strings.Contains(row[1], `class="sat `) {
		t.Errorf("the courier row does not show satisfaction with a dash for use: %s", row[1])
	}
}

// TestPersonaCardsListTouchpointsUsed: a persona card's touchpoints by
// stage are ones its respondents used; a touchpoint only rated by everyone
// (the demo's courier, at use) is not listed at 0%.
func TestPersonaCardsListTouchpointsUsed(t *testing.T) {
	_, _, base, en := analysedDemoProject(t)
	en.get(base+"/personas").want(http.StatusOK, "Call centre")
	if m := regexp.MustCompile(`<bdi>[^<]+</bdi> 0%`).FindAllString(en.body, 3); len(m) > 0 {
		t.Errorf("a persona card lists touchpoints no one of its respondents used: %q", m)
	}
}
