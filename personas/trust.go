package personas

import (
	"fmt"
	"strconv"
)

// trust writes each card's one-line "how far to trust this persona", in
// the result's language, from three things a researcher can check: how
// many people it rests on, how surely they belong to it (mean probability
// of membership) and whether the segmentation survives resampling.
//
//   - solid: at least 30 members, mean membership at least 0.8, and the
//     segmentation stable or moderately stable;
//   - weak: fewer than 30 members or an unstable segmentation;
//   - indicative: anything between.
func (r *Result) trust() {
	sum := make([]float64, len(r.Personas))
	for _, a := range r.Assignments {
		sum[a.Persona-1] += a.Probability
	}
	reading := r.Quality.Reading()
	for p := range r.Personas {
		card := &r.Personas[p]
		sure := 0.0
		if card.Size > 0 {
			sure = sum[p] / float64(card.Size)
		}
		card.TrustLevel, card.Membership = trustLevel(card.Size, sure, reading), sure
		card.Trust = TrustLine(r.Language, *card, r.Quality, r.K)
	}
}

// Trust levels (Persona.TrustLevel).
const (
	TrustSolid      = "solid"
	TrustIndicative = "indicative"
	TrustWeak       = "weak"
)

func trustLevel(size int, sure float64, reading Reading) string {
	switch {
	case size < 30 || reading == Unstable:
		return TrustWeak
	case sure >= 0.8 && reading != Unmeasured:
		return TrustSolid
	}
	return TrustIndicative
}

// TrustOf returns card p's (0-based) trust level and mean membership
// probability: the stored ones, or for a result stored before they were,
// read off its assignments. The level is "" when neither is there.
func (r *Result) TrustOf(p int) (level string, sure float64) {
	c := r.Personas[p]
	if c.TrustLevel != "" || len(r.Assignments) == 0 {
		return c.TrustLevel, c.Membership
	}
	sum := 0.0
	for _, a := range r.Assignments {
		if a.Persona == c.ID {
			sum += a.Probability
		}
	}
	if c.Size > 0 {
		sure = sum / float64(c.Size)
	}
	return trustLevel(c.Size, sure, r.Quality.Reading()), sure
}

// TrustLine words card c's trust (Persona.Trust) in lang from its
// TrustLevel and Membership and the segmentation's quality q; it returns
// c.Trust as it is when c has no TrustLevel.
func TrustLine(lang string, c Persona, q Quality, k int) string {
	if c.TrustLevel == "" {
		return c.Trust
	}
	return trustLine(lang, c.TrustLevel, c.Size, c.Share, c.Membership, q.Reading(), q, k)
}

func trustLine(lang, level string, size int, share, sure float64, reading Reading, q Quality, k int) string {
	stab := ""
	if q.Stability != nil {
		stab = strconv.FormatFloat(q.Stability.MeanARI, 'f', 2, 64)
	}
	if lang == "fa" {
		head := map[string]string{"solid": "قابل اتکا", "indicative": "نشانه‌ای، نه قطعی", "weak": "ضعیف"}[level]
		s := fmt.Sprintf("%s: %s نفر (%s٪)، میانگین اطمینان عضویت %s٪", head,
			digits(strconv.Itoa(size), "fa"), digits(strconv.Itoa(int(100*share+0.5)), "fa"), digits(strconv.Itoa(int(100*sure+0.5)), "fa"))
		switch reading {
		case Unmeasured:
			return s + "؛ پایداری سنجیده نشده"
		case Stable:
			return s + "؛ بخش‌بندی پایدار است (ARI " + digits(stab, "fa") + ")"
		case ModeratelyStable:
			return s + "؛ بخش‌بندی نسبتاً پایدار است (ARI " + digits(stab, "fa") + ")"
		}
		return s + "؛ بخش‌بندی ناپایدار است (ARI " + digits(stab, "fa") + ")"
	}
	head := map[string]string{"solid": "Solid", "indicative": "Indicative", "weak": "Weak"}[level]
	s := fmt.Sprintf("%s: %d people (%.0f%%), on average %.0f%% sure to belong", head, size, 100*share, 100*sure)
	if size < 30 {
		s += ", too few to generalise from"
	}
	switch reading {
	case Unmeasured:
		return s + "; stability not measured"
	case Stable:
		return s + "; the segmentation is stable (ARI " + stab + ")"
	case ModeratelyStable:
		return s + "; the segmentation is moderately stable (ARI " + stab + ")"
	}
	if k <= 2 { // the fewest there can be: fewer would not help
		return s + "; the segmentation is unstable (ARI " + stab + "): collect more responses or choose other questions"
	}
	return s + "; the segmentation is unstable (ARI " + stab + "): try fewer personas"
}
