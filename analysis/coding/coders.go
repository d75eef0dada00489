package coding

import (
	"slices"
	"sort"
)

// Unit is one passage both coders were asked to code, with the codes
// each applied (none is a decision too: the code does not apply).
type Unit struct {
	ID   string
	Text string
	A, B []string
}

// CodeAgreement is the two coders' agreement on one code: for every unit,
// did each apply it or not.
type CodeAgreement struct {
	Code  string `json:"code"`
	A     int    `json:"a"`    // units coder A gave the code
	B     int    `json:"b"`    // units coder B gave the code
	Both  int    `json:"both"` // units both gave it
	Kappa Rate   `json:"kappa"`
	Alpha Rate   `json:"alpha"`
}

// Disagreement is a unit the coders coded differently.
type Disagreement struct {
	ID    string   `json:"id"`
	Text  string   `json:"text"`
	A     []string `json:"a"`
	B     []string `json:"b"`
	OnlyA []string `json:"only_a"`
	OnlyB []string `json:"only_b"`
}

// CoderAgreement compares two coders over the same units. Overall kappa
// and alpha pool every (unit, code) decision; per code they use that
// code's decisions only.
type CoderAgreement struct {
	Units         int             `json:"units"`
	Agreed        int             `json:"agreed"` // units with identical code sets
	Kappa         Rate            `json:"kappa"`
	Alpha         Rate            `json:"alpha"`
	PerCode       []CodeAgreement `json:"per_code"`
	Disagreements []Disagreement  `json:"disagreements"`
}

// Coders measures the agreement of two coders on units.
func Coders(units []Unit) CoderAgreement {
	out := CoderAgreement{Units: len(units)}
	set := map[string]bool{}
	for i := range units {
		units[i].A, units[i].B = cleanCodes(units[i].A), cleanCodes(units[i].B)
		for _, c := range units[i].A {
			set[c] = true
		}
		for _, c := range units[i].B {
			set[c] = true
		}
	}
	codes := make([]string, 0, len(set))
	for c := range set {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var allA, allB []string
	var allUnits [][]string
	for _, c := range codes {
		ca := CodeAgreement{Code: c}
		a, b := make([]string, len(units)), make([]string, len(units))
		pairs := make([][]string, len(units))
		for i, u := range units {
			ha, hb := slices.Contains(u.A, c), slices.Contains(u.B, c)
			a[i], b[i] = yesNo(ha), yesNo(hb)
			pairs[i] = []string{a[i], b[i]}
			if ha {
				ca.A++
			}
			if hb {
				ca.B++
			}
			if ha && hb {
				ca.Both++
			}
		}
		ca.Kappa = rate(CohenKappa(a, b))
		ca.Alpha = rate(KrippendorffAlpha(pairs))
		out.PerCode = append(out.PerCode, ca)
		allA, allB = append(allA, a...), append(allB, b...)
		allUnits = append(allUnits, pairs...)
	}
	out.Kappa = rate(CohenKappa(allA, allB))
	out.Alpha = rate(KrippendorffAlpha(allUnits))
	for _, u := range units {
		onlyA, onlyB := minus(u.A, u.B), minus(u.B, u.A)
		if len(onlyA) == 0 && len(onlyB) == 0 {
			out.Agreed++
			continue
		}
		out.Disagreements = append(out.Disagreements, Disagreement{ID: u.ID, Text: u.Text, A: u.A, B: u.B, OnlyA: onlyA, OnlyB: onlyB})
	}
	return out
}

// minus lists the codes of a not in b.
func minus(a, b []string) []string {
	var out []string
	for _, c := range a {
		if !slices.Contains(b, c) {
			out = append(out, c)
		}
	}
	return out
}
