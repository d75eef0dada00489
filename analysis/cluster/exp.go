package cluster

import "math"

// expNeg is e^x for x <= 0, the E-step's posteriors (a class's
// log-likelihood less the row's best), at most about 2 ulp from math.Exp
// and nearly twice as fast: the E-step makes tens of millions of these
// calls per fit (docs/report.md, "Session 11"). x = (32e + j)·ln2/32 + r
// with |r| <= ln2/64, so e^x = 2^e · 2^(j/32) · e^r, the middle from a
// table and e^r from its Taylor series to r^6 (the first term left out is
// below 2e-18 of the result). Below -708 (a subnormal or zero result), for
// NaN and for x > 0 it is math.Exp. It is expShift of one value.
func expNeg(x float64) float64 {
	var y [1]float64
	expShift(y[:], []float64{x}, 0)
	return y[0]
}

// expShift sets dst[c] to e^(x[c]-m) as expNeg computes it, exactly 1
// where x[c] == m, and returns their sum, added in order: a row's
// posteriors before they are normalised, in one call rather than one a
// class.
func expShift(dst, x []float64, m float64) float64 {
	dst = dst[:len(x)]
	s := 0.0
	for c, v := range x {
		e := 1.0 // e^0, exactly
		if d := v - m; v != m && d >= -708 && d <= 0 {
			k := int(d*expInvStep - 0.5) // rounds to nearest: d*expInvStep - 0.5 < 0, truncated toward zero
			kf := float64(k)
			r := (d - kf*expStepHi) - kf*expStepLo
			p := 1 + r*(1+r*(1.0/2+r*(1.0/6+r*(1.0/24+r*(1.0/120+r*(1.0/720))))))
			scale := math.Float64frombits(uint64(k>>expTableBits+1023) << 52) // 2^e, e = floor(k/32) >= -1022
			e = scale * (expTable[k&(1<<expTableBits-1)] * p)
		} else if v != m {
			e = math.Exp(d)
		}
		dst[c] = e
		s += e
	}
	return s
}

const (
	expTableBits = 5
	expInvStep   = (1 << expTableBits) / math.Ln2
	// ln2/32 in two parts: the first has 20 trailing zero bits, so k
	// times it is exact for every k the range allows (|k| < 2^15).
	expStepHi = 0x1.62e42fefp-6
	expStepLo = math.Ln2/(1<<expTableBits) - expStepHi
)

// expTable is 2^(j/32), j = 0..31.
var expTable = func() (t [1 << expTableBits]float64) {
	for j := range t {
		t[j] = math.Exp2(float64(j) / (1 << expTableBits))
	}
	return t
}()
