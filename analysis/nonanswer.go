package analysis

import "strings"

// A survey's open question gets many answers that say there is nothing to
// say: "N/A", "nothing to add", "no idea", "نمی‌دونم", "چیزی به ذهنم
// نمی‌رسه". Said alone they are no complaint, and where many people say
// them they would make pain points of their own words ("nothing comes,
// mind"). Read as a whole answer only: the same words inside a complaint
// ("the waiter had no idea what wine to pour") are read as usual. A word
// for "anything to say" negated anywhere (cueAny: "not applicable",
// "موردی نبود") is read by the clause polarity.

// nonAnswers are such answers, as their words' keys joined by spaces
// (stemmed English, normalised Persian without ZWNJ), punctuation and a
// closing "thanks" aside; nonAnswerFirst their first words, so that most
// answers are passed over without building a key.
var nonAnswers, nonAnswerFirst = func() (map[string]bool, map[string]bool) {
	m, first := map[string]bool{}, map[string]bool{}
	for _, s := range strings.Split(
		"n/a|na|none|nothing|nothing really|nothing else|nothing to add|nothing to say|nothing comes to mind|"+
			"nothing at the moment|not really|no idea|not sure|i don't know|i dont know|dont know|don't know|idk|"+
			"nope|no|no comment|no comments|not applicable|can't think of anything|cant think of anything|"+
			"nothing i can think of|all good|no complaints|nothing at this time|none at this time|not at this time|"+
			"not at the moment|nothing so far|none so far|no suggestions|nil|prefer not to say|no response|n.a|"+
			"هیچی|هیچ|هیچ چیز|هیچ چیزی|نمیدونم|نمی دونم|نمی‌دونم|نمی دانم|نمیدانم|نمی‌دانم|نه|خیر|ندارم|"+
			"چیزی به ذهنم نمیرسه|چیزی به ذهنم نمی‌رسه|چیزی به ذهنم نمی رسه|چیزی به ذهنم نمی‌رسد|چیزی ندارم|"+
			"نظری ندارم|موردی ندارم|موردی نیست|موردی نبود|فعلا هیچی|فعلا نه|فعلا چیزی نیست|چیزی نیست|"+
			"ترجیح میدم نگم|ترجیح می‌دهم نگویم|بدون پاسخ", "|") {
		k := answerKey(tokenize(NormalizePersian(s)))
		m[k] = true
		first[strings.Fields(k)[0]] = true
	}
	return m, first
}()

// thanks close an answer without adding to it.
var thanks = setOf("thank thanks ممنون مرسی متشکرم")

// answerKey is an answer's words' keys joined by spaces, without a closing
// thanks.
func answerKey(toks []token) string {
	var b strings.Builder
	var keys []string
	for _, t := range toks {
		if t.punct == 0 {
			keys = append(keys, t.key)
		}
	}
	for len(keys) > 1 {
		switch last := keys[len(keys)-1]; {
		case last == "you" && len(keys) > 2 && thanks[keys[len(keys)-2]]:
			keys = keys[:len(keys)-2]
			continue
		case thanks[last]:
			keys = keys[:len(keys)-1]
			continue
		}
		break
	}
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(k)
	}
	return b.String()
}

// nonAnswer reports whether a whole answer says there is nothing to say.
// Only a short answer is looked at.
func nonAnswer(toks []token) bool {
	if len(toks) == 0 || len(toks) > 12 || !nonAnswerFirst[toks[0].key] && toks[0].punct == 0 {
		return false
	}
	return nonAnswers[answerKey(toks)]
}
