package evaluate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Synthetic complaints in two themes, written for these tests: slow
// service and rude staff, each sentence a different mix of the theme's words.
var (
	slowWords = []string{"waited", "slow", "order", "hour", "kitchen", "forever", "delay"}
	rudeWords = []string{"rude", "waiter", "manager", "attitude", "shouted", "insulted", "ignored"}
)

// twoThemes returns n texts per theme and each text's theme (0 or 1).
func twoThemes(n int) ([]string, []int) {
	var texts []string
	var theme []int
	for i := range n {
		for th, ws := range [][]string{slowWords, rudeWords} {
			a, b, c := ws[i%len(ws)], ws[(i+2)%len(ws)], ws[(i+3)%len(ws)]
			texts = append(texts, fmt.Sprintf("The %s and the %s, then %s again.", a, b, c))
			theme = append(theme, th)
		}
	}
	return texts, theme
}

// writeFixtureData writes a miniature shared/data folder with every set
// in the shapes of the real files, and returns its path.
func writeFixtureData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	texts, theme := twoThemes(12)
	var mams strings.Builder
	mams.WriteString("id,text,label\n")
	for i, tx := range texts {
		label := []string{"service", "staff"}[theme[i]]
		if i%5 == 0 {
			label += "|price"
		}
		fmt.Fprintf(&mams, "m-%02d,%q,%s\n", i, tx, label)
	}
	files := map[string]string{
		"feedback/mams_restaurants_negative.csv": mams.String(),
		"feedback/steam_games_not_recommended.csv": "id,text,label\n" +
			"s-1,\"Crashes on start.\nRefund please.\",technical|price\n" +
			"s-2,Boring story,story\n",
		"persian_reviews/parsinlu/aspect_counts.csv": "domain,rank_by_negative,aspect_fa,aspect_en\n" +
			"food,1,طعم,taste\nfood,2,ارزش خرید,value for money (price)\nfood,3,ارسال,shipping / delivery\n",
		"persian_reviews/parsinlu/reviews_flat.csv": "review_id,domain,category,sentiment,aspects,review\n" +
			"f-1,food,چای,-2,طعم:-2;ارزش خرید:-1,بد مزه و گران\n" +
			"f-2,food,چای,2,طعم:2,خوشمزه\n" +
			"f-3,food,عسل,-1,ارسال:-1;طعم:1,دیر رسید\n" +
			"f-4,food,عسل,0,,معمولی\n",
		"surveys/womens_clothing_reviews.csv": "row_id,Clothing ID,Age,Title,Review Text,Rating,Recommended IND,Positive Feedback Count,Division Name,Department Name,Class Name\n" +
			"0,1,30,Runs small,Too tight in the waist,1,0,0,General,Bottoms,Pants\n" +
			"1,2,40,,Lovely,5,1,0,General,Tops,Knits\n" +
			"2,3,50,,Thin fabric,2,0,0,General,Tops,Knits\n" +
			"3,4,50,No text,,1,0,0,General,Tops,Knits\n",
		"transcripts/txt/meeting.txt": "Moderator: Welcome. What went wrong with the booking?\n" +
			"Ana: The booking page crashed twice.\n" +
			"Moderator: Anything else?\n" +
			"Ben: Prices were too high.\n",
		"persian_resources/stopwords_iso/stopwords_en.txt": "the\nand\nthen\nagain\n",
		"persian_resources/stopwords_iso/stopwords_fa.txt": "و\nهم\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
