package analysis

import (
	"context"
	"fmt"
	"reflect"
	"testing"
)

// streamTexts are survey answers, some naming a meeting's speaker, then
// that speaker's turns: the speaker's name is in the ignore set, so it is
// not a word of the answers naming it.
func streamTexts() []Text {
	texts := airlineTexts(400)
	for i := range texts {
		texts[i].Person = fmt.Sprint("r", i/2)
		if i%7 == 0 {
			texts[i].Text = "Thank you Hefin, " + texts[i].Text
		}
	}
	for i := range 40 {
		texts = append(texts, Text{ID: fmt.Sprint("u", i), Person: "t1:Hefin David", Thread: "t1",
			Text: []string{"Hefin here, my bag was lost at the claim desk", "Hefin again: on hold for two hours"}[i%2]})
	}
	return append(texts, Text{ID: "u40", Person: "t1:Hefin David", Thread: "t1", Text: "Hefin, a last word: the refund took months"})
}

// addAll adds the texts to a new stream.
func addAll(opt PainPointOptions, known, texts []Text) *TextStream {
	s := NewTextStream(context.Background(), opt, known)
	for _, t := range texts {
		s.Add(t.Text)
	}
	return s
}

func TestTextStreamAsFindPainPoints(t *testing.T) {
	texts := streamTexts()
	opt := PainPointOptions{SegmentKey: "persona", Ignore: []string{"Flyair"}}
	want, err := FindPainPointsContext(context.Background(), texts, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.PainPoints) < 3 {
		t.Fatalf("%d pain points, want the fixture's three problems", len(want.PainPoints))
	}
	wantDocs, _, err := analyseAll(context.Background(), texts, ignoreSet(texts, opt))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name         string
		known, added []Text
		streamed     bool // the stream's docs are used
	}{
		{"the speakers known", texts[400:], texts, true},
		{"a speaker not known", nil, texts, false},
		{"a text not added", texts[400:], texts[:len(texts)-1], false},
		{"a text added that Find is not given", texts[400:], append(texts[:len(texts):len(texts)], Text{Text: "a late answer"}), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := addAll(opt, tc.known, tc.added).Find(context.Background(), texts, opt)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Find: %+v\nwant FindPainPointsContext's %+v", got, want)
			}
			docs, _, ok := addAll(opt, tc.known, tc.added).docs(texts, ignoreSet(texts, opt))
			if ok != tc.streamed {
				t.Fatalf("the stream's docs used: %v, want %v", ok, tc.streamed)
			}
			if !ok {
				return
			}
			var a, b []tword
			for i := range docs {
				if a, b = docs[i].decode(a), wantDocs[i].decode(b); !reflect.DeepEqual(a, b) {
					t.Fatalf("text %d %q: words %+v, want analyseAll's %+v", i, texts[i].Text, a, b)
				}
			}
		})
	}
}

func TestTextStreamCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := NewTextStream(ctx, PainPointOptions{}, nil)
	for _, t := range airlineTexts(2000) {
		s.Add(t.Text) // never blocks on a stopped stream
	}
	if _, err := s.Find(ctx, airlineTexts(2000), PainPointOptions{}); err != context.Canceled {
		t.Fatalf("Find after ctx ended: %v, want %v", err, context.Canceled)
	}
}
