package coding

import "testing"

// BenchmarkTrainSuggest10k trains on 10,000 coded passages (8 codes,
// English and Persian) and suggests codes for 10,000 more.
func BenchmarkTrainSuggest10k(b *testing.B) {
	coded := synthetic(10000, 8, 1)
	uncoded := synthetic(10000, 8, 2)
	for i := range uncoded {
		uncoded[i].Codes = nil
	}
	for b.Loop() {
		m, err := Train(coded, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(m.Suggest(uncoded)) != len(uncoded) {
			b.Fatal("missing suggestions")
		}
	}
}

// BenchmarkCrossValidate10k is the agreement shown before suggesting:
// five models on 8,000 passages each.
func BenchmarkCrossValidate10k(b *testing.B) {
	coded := synthetic(10000, 8, 1)
	for b.Loop() {
		if _, err := CrossValidate(coded, 5, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
