package analysis

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestDropJoinsAsTheReplacer: dropJoins makes of any string what the
// replacer it replaces made, invalid UTF-8 and a cut ZWNJ included, and
// returns a string without joins as it is.
func TestDropJoinsAsTheReplacer(t *testing.T) {
	slow := strings.NewReplacer(" ", "", string(zwnj), "")
	pieces := []string{" ", "\u200c", "\u200d", "\xe2", "\xe2\x80", "\x80\x8c", "a", "ب", "سته", "ها", "\xff", "  "}
	rng := rand.New(rand.NewPCG(1, 2))
	check := func(s string) {
		t.Helper()
		if got, want := dropJoins(s), slow.Replace(s); got != want {
			t.Fatalf("dropJoins(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"", " ", "\u200c", "بسته\u200cبندی", "بسته بندی", "a b\u200cc ", "\u200c\u200c  "} {
		check(s)
	}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
	if n := testing.AllocsPerRun(100, func() { dropJoins("بستهبندی") }); n != 0 {
		t.Errorf("a key without joins allocated %v times", n)
	}
}
