package transcript

import "strings"

// Role words in speaker names. Persian forms are compared after removing
// spaces and ZWNJ and unifying Arabic/Persian yeh and kaf, so "مصاحبه‌گر",
// "مصاحبه گر" and "مصاحبهگر" all match.
var (
	moderatorWords = []string{
		"moderator", "interviewer", "facilitator", "host", "researcher",
		"chair", "chairman", "chairwoman", "chairperson", "mod", "int",
	}
	moderatorExact   = []string{"i", "q", "س"} // "I:"/"Q:" in interview transcripts, Persian "س" (سؤال)
	moderatorPersian = []string{
		"مصاحبهگر", "مصاحبهکننده", "تسهیلگر", "تسهیلکننده", "مجری", "پژوهشگر",
		"محقق", "پرسشگر", "گرداننده", "مدیرجلسه", "مصاحبهکن",
	}
)

// GuessModerator suggests which speaker is the interviewer or moderator:
// first a speaker whose name says so (Moderator, Interviewer, مصاحبه‌گر,
// تسهیلگر, ...), otherwise the speaker who asks clearly the most questions
// (at least two utterances with "?" or "؟", more than anyone else). It
// returns "" when there is no good guess. reason is "name" or "questions".
func GuessModerator(utts []Utterance) (speaker, reason string) {
	for _, s := range speakersOf(utts) {
		if isModeratorName(s) {
			return s, "name"
		}
	}
	questions := map[string]int{}
	for _, u := range utts {
		if u.Speaker != "" && strings.ContainsAny(u.Text, "?؟") {
			questions[u.Speaker]++
		}
	}
	best, bestN, secondN := "", 0, 0
	for _, s := range speakersOf(utts) { // order of appearance breaks no ties: a tie means no guess
		switch n := questions[s]; {
		case n > bestN:
			best, bestN, secondN = s, n, bestN
		case n > secondN:
			secondN = n
		}
	}
	if bestN >= 2 && bestN > secondN && len(speakersOf(utts)) > 1 {
		return best, "questions"
	}
	return "", ""
}

func isModeratorName(name string) bool {
	lower := strings.ToLower(name)
	for _, e := range moderatorExact {
		if lower == e {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool {
		return !(r >= 'a' && r <= 'z')
	}) {
		for _, m := range moderatorWords {
			if w == m {
				return true
			}
		}
	}
	compact := strings.NewReplacer(" ", "", "\u200c", "", "\u200d", "", "-", "", "_", "", "ي", "ی", "ى", "ی", "ك", "ک", "ة", "ه").Replace(lower)
	for _, m := range moderatorPersian {
		if strings.Contains(compact, m) {
			return true
		}
	}
	return false
}
