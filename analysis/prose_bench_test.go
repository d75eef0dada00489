package analysis

import (
	"testing"

	"github.com/jdkato/prose/v2"
)

// BenchmarkProseTagging measures what tagging every short answer with prose
// would cost (the engine tags only clauses that need the noun fallback).
func BenchmarkProseTagging(b *testing.B) {
	in := synthAnswers(1000, 4)
	englishNouns("warm up")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		englishNouns(in[i%len(in)].Text)
	}
}

// BenchmarkProseDefault is prose.NewDocument with default options: it
// reloads the models on every call.
func BenchmarkProseDefault(b *testing.B) {
	for b.Loop() {
		prose.NewDocument("The delivery was late and nobody told me why.")
	}
}
