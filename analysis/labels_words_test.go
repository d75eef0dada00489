package analysis

import (
	"strings"
	"testing"
)

// TestLabelWordSaidWithHead: a label's other term must be said by at
// least one member that says the head; a term no such member says names
// another thing of the group ("برند، کمه": none that say the brand says
// "is little"). A complaint word stays: it states a problem of the group
// wherever it is said.
func TestLabelWordSaidWithHead(t *testing.T) {
	for _, c := range []struct {
		name, words, want, not string
		in                     []Text
	}{
		{"English", "brand taste bottle", "brand, taste", "bottle", repeated(
			30, "The brand disappointed me this time",
			10, "The brand changed the taste of it",
			10, "The bottle had a plastic cap",
			60, "The zipper broke after one wash")},
		{"Persian", "برند طعم بطری", "برند، طعم", "بطری", repeated(
			30, "این برند این بار ناامیدم کرد",
			10, "برند طعم این روغن را عوض کرده",
			10, "بطری درب پلاستیکی داشت",
			60, "زیپ بعد از یک شستشو شکست")},
		// A complaint word said apart from the head still states a
		// problem of the group.
		{"complaint", "brand taste stale", "stale", "", repeated(
			30, "The brand disappointed me this time",
			10, "The brand changed the taste of it",
			10, "Stale and dry inside the pack",
			60, "The zipper broke after one wash")},
	} {
		t.Run(c.name, func(t *testing.T) {
			label, _, _, _ := labelOf(t, c.in, c.words)
			if !strings.Contains(label, c.want) || c.not != "" && strings.Contains(label, c.not) {
				t.Errorf("label %q: want it to show %q and not %q", label, c.want, c.not)
			}
		})
	}
}

// TestLabelSkipsPraise: a praise word the clause polarity does not read
// ("decent", "قشنگ") is what the members grant, not what is wrong: no
// label shows it, though they say it with the head.
func TestLabelSkipsPraise(t *testing.T) {
	for _, c := range []struct {
		name, words, want, not string
		in                     []Text
	}{
		{"English", "portion decent", "portions are small", "decent", repeated(
			20, "The portions are small",
			12, "The food is decent but the portions are small",
			60, "The zipper broke after one wash")},
		{"Persian", "ارسال قشنگ", "ارسال خیلی دیر", "قشنگ", repeated(
			20, "ارسال خیلی دیر بود",
			12, "جعبه قشنگ بود ولی ارسال دیر بود",
			60, "زیپ بعد از یک شستشو شکست")},
	} {
		t.Run(c.name, func(t *testing.T) {
			label, _, _, _ := labelOf(t, c.in, c.words)
			if !strings.HasPrefix(label, c.want) || strings.Contains(label, c.not) {
				t.Errorf("label %q: want %q first and no %q", label, c.want, c.not)
			}
		})
	}
}
