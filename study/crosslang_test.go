package study_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/study"
)

// bilingual builds a small two-language fixture: n persons per language
// voice each problem, and their closed answers say which part of the
// journey they rated low. Background persons in each language rate
// everything middling, so a low rating stands out.
type bilingual struct {
	voices map[string]study.Voice
	people int
}

func newBilingual() *bilingual {
	b := &bilingual{voices: map[string]study.Voice{}}
	for _, lang := range []string{"fa", "en"} {
		for i := 0; i < 40; i++ {
			b.add(fmt.Sprintf("bg-%s-%d", lang, i), lang, "problem", "motive=quality")
		}
	}
	return b
}

func (b *bilingual) add(id, lang, question string, features ...string) {
	b.voices[id] = study.Voice{Person: id, Lang: lang, Question: question, Features: features}
	b.people++
}

// voice adds n persons of lang with features and returns their text ids.
func (b *bilingual) voice(prefix, lang string, n int, features ...string) []string {
	var ids []string
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("%s-%s-%d", prefix, lang, i)
		b.add(id, lang, "problem", features...)
		ids = append(ids, id)
	}
	return ids
}

func pain(key, label string, members []string) analysis.PainPoint {
	return analysis.PainPoint{Key: key, Label: label, Members: members, Documents: len(members), Texts: len(members), Severity: 0.6,
		Examples: []string{label}, Segments: map[string]int{"x": len(members)}}
}

func TestLinkLanguages(t *testing.T) {
	tests := []struct {
		name string
		// build returns the pain points of the fixture.
		build     func(b *bilingual) []analysis.PainPoint
		wantKeys  []string          // in rank order
		wantReach map[string]int    // key -> persons
		wantLabel map[string]string // key -> "fa|en" labels
	}{
		{
			name: "one problem voiced in two languages becomes one",
			build: func(b *bilingual) []analysis.PainPoint {
				return []analysis.PainPoint{
					pain("t:تاخیر", "تاخیر: دیر", b.voice("late", "fa", 8, "sat_delivery=low", "link=sms")),
					pain("t:late", "delivery: late", b.voice("late", "en", 6, "sat_delivery=low", "link=sms")),
				}
			},
			wantKeys:  []string{"t:تاخیر"},
			wantReach: map[string]int{"t:تاخیر": 14},
			wantLabel: map[string]string{"t:تاخیر": "تاخیر: دیر|delivery: late"},
		},
		{
			name: "different problems in two languages stay apart",
			build: func(b *bilingual) []analysis.PainPoint {
				return []analysis.PainPoint{
					pain("t:تاخیر", "تاخیر: دیر", b.voice("late", "fa", 8, "sat_delivery=low")),
					pain("t:search", "search: useless", b.voice("search", "en", 6, "sat_find=low", "main_channel=website")),
				}
			},
			wantKeys:  []string{"t:تاخیر", "t:search"},
			wantReach: map[string]int{"t:تاخیر": 8, "t:search": 6},
			wantLabel: map[string]string{"t:تاخیر": "تاخیر: دیر|", "t:search": "|search: useless"},
		},
		{
			name: "two problems per language pair up by their ratings",
			build: func(b *bilingual) []analysis.PainPoint {
				return []analysis.PainPoint{
					pain("t:تاخیر", "تاخیر: دیر", b.voice("late", "fa", 9, "sat_delivery=low")),
					pain("t:جستجو", "جستجو: بی‌فایده", b.voice("search", "fa", 7, "sat_find=low")),
					pain("t:late", "delivery: late", b.voice("late", "en", 8, "sat_delivery=low")),
					pain("t:search", "search: useless", b.voice("search", "en", 5, "sat_find=low")),
				}
			},
			wantKeys:  []string{"t:تاخیر", "t:جستجو"},
			wantReach: map[string]int{"t:تاخیر": 17, "t:جستجو": 12},
			wantLabel: map[string]string{"t:تاخیر": "تاخیر: دیر|delivery: late", "t:جستجو": "جستجو: بی‌فایده|search: useless"},
		},
		{
			name: "the same language never merges",
			build: func(b *bilingual) []analysis.PainPoint {
				return []analysis.PainPoint{
					pain("t:late", "delivery: late", b.voice("late", "en", 8, "sat_delivery=low")),
					pain("t:courier", "courier: never called", b.voice("courier", "en", 6, "sat_delivery=low")),
				}
			},
			wantKeys:  []string{"t:late", "t:courier"},
			wantReach: map[string]int{"t:late": 8, "t:courier": 6},
		},
		{
			name: "a person who said it in both languages counts once",
			build: func(b *bilingual) []analysis.PainPoint {
				fa := b.voice("late", "fa", 6, "sat_delivery=low")
				en := b.voice("late", "en", 5, "sat_delivery=low")
				// A focus-group participant said it in English too.
				b.voices["t:1:4"] = study.Voice{Person: "late-fa-0", Lang: "en", Features: []string{"sat_delivery=low"}, Question: "problem"}
				return []analysis.PainPoint{pain("t:تاخیر", "تاخیر: دیر", fa), pain("t:late", "delivery: late", append(en, "t:1:4"))}
			},
			wantKeys:  []string{"t:تاخیر"},
			wantReach: map[string]int{"t:تاخیر": 11},
		},
		{
			name: "answers to different questions are different problems",
			build: func(b *bilingual) []analysis.PainPoint {
				fa := b.voice("late", "fa", 8, "sat_delivery=low")
				var wish []string
				for i := 0; i < 6; i++ {
					id := fmt.Sprintf("wish-en-%d", i)
					b.add(id, "en", "wish", "sat_delivery=low")
					wish = append(wish, id)
				}
				return []analysis.PainPoint{pain("t:تاخیر", "تاخیر: دیر", fa), pain("t:faster", "faster delivery", wish)}
			},
			wantKeys:  []string{"t:تاخیر", "t:faster"},
			wantReach: map[string]int{"t:تاخیر": 8, "t:faster": 6},
		},
		{
			name: "too few voices to judge",
			build: func(b *bilingual) []analysis.PainPoint {
				return []analysis.PainPoint{
					pain("t:تاخیر", "تاخیر: دیر", b.voice("late", "fa", 8, "sat_delivery=low")),
					pain("t:late", "delivery: late", b.voice("late", "en", 2, "sat_delivery=low")),
				}
			},
			wantKeys:  []string{"t:تاخیر", "t:late"},
			wantReach: map[string]int{"t:تاخیر": 8, "t:late": 2},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBilingual()
			pps := tc.build(b)
			for i := range pps {
				pps[i].Share = float64(pps[i].Documents) / float64(b.people)
				pps[i].Priority = pps[i].Share * 0.8
			}
			got, labels := study.LinkLanguages(pps, b.voices, b.people)
			var keys []string
			for i, p := range got {
				keys = append(keys, p.Key)
				if p.Rank != i+1 {
					t.Errorf("%s has rank %d at position %d", p.Key, p.Rank, i+1)
				}
				if want, ok := tc.wantReach[p.Key]; ok && p.Documents != want {
					t.Errorf("%s reaches %d persons, want %d", p.Key, p.Documents, want)
				}
				if want := float64(p.Documents) / float64(b.people); p.Share != want {
					t.Errorf("%s share %.3f, want %.3f", p.Key, p.Share, want)
				}
				if want, ok := tc.wantLabel[p.Key]; ok {
					if got := labels[p.Key]["fa"] + "|" + labels[p.Key]["en"]; got != want {
						t.Errorf("%s labels %q, want %q", p.Key, got, want)
					}
				}
			}
			if fmt.Sprint(keys) != fmt.Sprint(tc.wantKeys) {
				t.Errorf("pain points %q, want %q", keys, tc.wantKeys)
			}
		})
	}
}

// TestDemoLinksLanguages: in the demo, some problems are voiced in both
// languages with words the text analysis does not join; the linking makes
// them one pain point with members from both surveys, reach counted once
// per person, labelled in both languages.
func TestDemoLinksLanguages(t *testing.T) {
	_, res := analyzeDemo(t)
	joined := 0
	for _, p := range res.PainPoints.PainPoints {
		set := res.PainPointLabels[p.Key]
		if set["fa"] == "" || set["en"] == "" {
			continue
		}
		surveys := map[string]bool{}
		for _, m := range p.Members {
			if strings.HasPrefix(m, "r:demo-fa") {
				surveys["fa"] = true
			}
			if strings.HasPrefix(m, "r:demo-en") {
				surveys["en"] = true
			}
		}
		if !surveys["fa"] || !surveys["en"] {
			continue
		}
		joined++
		t.Logf("%s: %s / %s, %d people", p.Key, set["fa"], set["en"], p.Documents)
		if p.Documents > len(p.Members) {
			t.Errorf("%s reaches %d people with %d texts", p.Key, p.Documents, len(p.Members))
		}
	}
	if joined == 0 {
		t.Error("no pain point joins the Persian and English answers")
	}
}
