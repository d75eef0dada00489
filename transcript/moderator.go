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

// GuessModerator suggests which speaker is the interviewer or moderator,
// from three signals in this order:
//
//  1. "name": a speaker whose name says so (Moderator, Interviewer,
//     مصاحبه‌گر, تسهیلگر, ...);
//  2. "turn-taking": the speaker who opens the conversation and hands the
//     floor around: their turns are followed by at least three different
//     speakers, and by clearly more different speakers per turn (at least
//     twice as many) than the turns of anyone else who is followed by three
//     or more. A chair calls member after member, a focus group's moderator
//     asks each participant in turn; an answer or a member's question is
//     followed by one or two speakers (the asker, the chair). In a long
//     free discussion of a few people everyone is followed by everyone, so
//     the opener's spread is not clearly more, and the next signal decides;
//  3. "questions": the speaker who asks clearly the most questions (at least
//     two utterances with "?" or "؟", more than anyone else).
//
// It returns "" when there is no good guess (ties give none).
func GuessModerator(utts []Utterance) (speaker, reason string) {
	speakers := speakersOf(utts)
	for _, s := range speakers {
		if isModeratorName(s) {
			return s, "name"
		}
	}
	if s := floorHolder(utts); s != "" {
		return s, "turn-taking"
	}
	questions := map[string]int{}
	for _, u := range utts {
		if u.Speaker != "" && strings.ContainsAny(u.Text, "?؟") {
			questions[u.Speaker]++
		}
	}
	best, bestN, secondN := "", 0, 0
	for _, s := range speakers { // order of appearance breaks no ties: a tie means no guess
		switch n := questions[s]; {
		case n > bestN:
			best, bestN, secondN = s, n, bestN
		case n > secondN:
			secondN = n
		}
	}
	if bestN >= 2 && bestN > secondN && len(speakers) > 1 {
		return best, "questions"
	}
	return "", ""
}

// floorHolder returns the speaker who opens the conversation if they hand
// the floor around (see GuessModerator), else "".
func floorHolder(utts []Utterance) string {
	var turns []string // a speaker's consecutive lines are one turn
	for _, u := range utts {
		if u.Speaker != "" && (len(turns) == 0 || turns[len(turns)-1] != u.Speaker) {
			turns = append(turns, u.Speaker)
		}
	}
	if len(turns) == 0 {
		return ""
	}
	count := map[string]int{}
	next := map[string]map[string]bool{} // the different speakers who follow a speaker's turns
	for i, s := range turns {
		count[s]++
		if i+1 < len(turns) {
			if next[s] == nil {
				next[s] = map[string]bool{}
			}
			next[s][turns[i+1]] = true
		}
	}
	const around = 3 // more than an exchange's asker and chair
	opener := turns[0]
	if len(next[opener]) < around {
		return ""
	}
	spread := func(s string) float64 { return float64(len(next[s])) / float64(count[s]) }
	for s, n := range next {
		if s != opener && len(n) >= around && 2*spread(s) > spread(opener) {
			return ""
		}
	}
	return opener
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
