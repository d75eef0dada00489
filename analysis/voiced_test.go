package analysis

import (
	"slices"
	"strings"
	"testing"
)

// TestSecondaryMemberSaysTheProblem: a text that names a second group by
// one of its other words ("this top runs small" in the looks-cheap group
// by "top") is a member of its main group only; one that says the second
// group's head ("this top looks cheap and runs small") stays in both, and
// so does one whose main group it says no more than the second (a tie),
// though it says neither label. English and Persian.
func TestSecondaryMemberSaysTheProblem(t *testing.T) {
	for _, c := range []struct {
		name           string
		in             []Text
		looks, size    string
		loose, both    string // a text that says a "looks" word but not its head; one that says both heads
		tied           string // says one word of each group, no head
		looseNotMember bool
	}{
		{"English", repeated(
			20, "This top looks cheap",
			10, "The shirt looks cheap and boxy",
			20, "The size runs small",
			15, "This top runs small",
			5, "This top looks cheap and runs small",
			4, "The shirt and the size",
			20, "The zipper broke after one wash"),
			"look cheap top shirt boxy", "size run small",
			"This top runs small", "This top looks cheap and runs small", "The shirt and the size", true},
		{"Persian", repeated(
			20, "این بلوز ارزان به نظر می‌رسد و زشت است",
			10, "این پیراهن زشت و گشاد است",
			20, "سایز خیلی کوچک است",
			15, "سایز این بلوز کوچک است",
			5, "این بلوز گشاد و زشت است و سایز کوچک است",
			4, "پیراهن و سایز",
			20, "زیپ بعد از یک شستشو شکست"),
			"زشت پیراهن بلوز گشاد", "سایز کوچک",
			"سایز این بلوز کوچک است", "این بلوز گشاد و زشت است و سایز کوچک است", "پیراهن و سایز", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			docs, group := analysedWithGroups(t, c.in)
			states := assign(c.in, docs, []*tgroup{group(c.looks), group(c.size)}, nil)
			all := func(int, *gstate) bool { return true }
			voicedMembers(states, all, c.in, docs, countProblemWords(docs), newPlainWords(docs), PainPointOptions{}, nil)
			member := func(gs *gstate, text string) bool {
				return slices.ContainsFunc(gs.hits, func(h ghit) bool { return c.in[h.text].Text == text })
			}
			looks, size := states[0], states[1]
			if member(looks, c.loose) == c.looseNotMember || !member(size, c.loose) {
				t.Errorf("%q: looks member %v, size member %v; want only size", c.loose, member(looks, c.loose), member(size, c.loose))
			}
			if !member(looks, c.both) || !member(size, c.both) {
				t.Errorf("%q: looks member %v, size member %v; want both", c.both, member(looks, c.both), member(size, c.both))
			}
			if !member(looks, c.tied) || !member(size, c.tied) {
				t.Errorf("%q: looks member %v, size member %v; want both (a tie)", c.tied, member(looks, c.tied), member(size, c.tied))
			}
		})
	}
}

// TestSayForm: a member says the head when it says its words in another
// form ("کد تخفیف" for the head "کد تخفیفم", "waitress" for "waiter") or
// one word of a two-word head as a term of its own ("prices" under
// "expensive prices"), not another phrase or another word.
func TestSayForm(t *testing.T) {
	tm := func(parts ...string) *term { return &term{key: strings.Join(parts, ""), parts: parts} }
	head := tm("کد", "تخفیفم")
	for _, c := range []struct {
		t    *term
		head *term
		want bool
	}{
		{tm("کد", "تخفیف"), head, true},
		{head, head, true},
		{tm("کد"), head, true},
		{tm("prices"), tm("expensive", "prices"), true},
		{tm("کد", "رهگیری"), head, false},
		{tm("waitress"), tm("waiter"), true},
		{tm("top"), tm("look"), false},
	} {
		if got := sayForm([]*term{c.t}, c.head); got != c.want {
			t.Errorf("sayForm(%v, %v) = %v, want %v", c.t.parts, c.head.parts, got, c.want)
		}
	}
}
