package evaluate

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLoadFixtureSets(t *testing.T) {
	dir := writeFixtureData(t)
	cases := []struct {
		set    string
		ids    []string
		labels [][]string // nil for an unlabelled set
		first  string     // the first text
	}{
		{"steam", []string{"s-1", "s-2"}, [][]string{{"technical", "price"}, {"story"}}, "Crashes on start.\nRefund please."},
		// Only reviews with a negative aspect, named in English.
		{"parsinlu", []string{"f-1", "f-3"}, [][]string{{"taste", "value for money"}, {"shipping/delivery"}}, "بد مزه و گران"},
		// Rated 1-2 with text; the title joins the text.
		{"clothing", []string{"0", "2"}, [][]string{{"Bottoms"}, {"Tops"}}, "Runs small. Too tight in the waist"},
		// The moderator's turns are left out.
		{"transcript", []string{"meeting:2", "meeting:4"}, nil, "The booking page crashed twice."},
	}
	bi, err := Load(dir, "bilingual")
	if err != nil {
		t.Fatal(err)
	}
	// The restaurants, then the Persian reviews, each label named by its set.
	if len(bi.Texts) != 26 || !reflect.DeepEqual(bi.Labels[0], []string{"restaurants: service", "restaurants: price"}) ||
		!reflect.DeepEqual(bi.Labels[25], []string{"food: shipping/delivery"}) || bi.Texts[24].ID != "f-1" {
		t.Errorf("bilingual: %d texts, labels %q … %q", len(bi.Texts), bi.Labels[0], bi.Labels[len(bi.Labels)-1])
	}
	for _, c := range cases {
		t.Run(c.set, func(t *testing.T) {
			s, err := Load(dir, c.set)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, tx := range s.Texts {
				ids = append(ids, tx.ID)
			}
			if !reflect.DeepEqual(ids, c.ids) {
				t.Errorf("ids = %q, want %q", ids, c.ids)
			}
			if !reflect.DeepEqual(s.Labels, c.labels) || s.Labelled() != (c.labels != nil) {
				t.Errorf("labels = %q, want %q", s.Labels, c.labels)
			}
			if len(s.Texts) > 0 && s.Texts[0].Text != c.first {
				t.Errorf("first text = %q, want %q", s.Texts[0].Text, c.first)
			}
		})
	}
	s, err := Load(dir, "mams")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Texts) != 24 || !reflect.DeepEqual(s.Labels[0], []string{"service", "price"}) {
		t.Errorf("mams: %d texts, first labels %q; want 24, [service price]", len(s.Texts), s.Labels[0])
	}
	if _, err := Load(dir, "nope"); err == nil {
		t.Error("Load of an unknown set: no error")
	}
}

func TestMissingDataSkipsCleanly(t *testing.T) {
	t.Setenv("SAFAR_SHARED_DATA", t.TempDir()+"/absent")
	if d := DataDir(); d != "" {
		t.Errorf("DataDir with an absent $SAFAR_SHARED_DATA = %q, want \"\"", d)
	}
	empty := t.TempDir()
	for _, name := range SetNames() {
		if _, err := Load(empty, name); err == nil {
			t.Errorf("Load(%s) from an empty folder: no error", name)
		} else if name != "transcript" && !errors.Is(err, os.ErrNotExist) {
			t.Errorf("Load(%s) from an empty folder: %v, want a not-exist error", name, err)
		}
	}
	if n := len(LoadStopwords(empty)); n != 0 {
		t.Errorf("LoadStopwords from an empty folder: %d words", n)
	}
	dir := writeFixtureData(t)
	t.Setenv("SAFAR_SHARED_DATA", dir)
	if d := DataDir(); d != dir {
		t.Errorf("DataDir = %q, want %q", d, dir)
	}
}

// A transcript with its QMSum original beside it is labelled by the gold
// topic segments (turn spans, 0-based, overlaps give both); one whose
// original is missing or holds other turns leaves the set unlabelled.
func TestTranscriptTopics(t *testing.T) {
	dir := writeFixtureData(t)
	qmsum := filepath.Join(dir, "transcripts", "qmsum_json", "meeting.json")
	if err := os.MkdirAll(filepath.Dir(qmsum), 0o755); err != nil {
		t.Fatal(err)
	}
	turns := `"meeting_transcripts": [{"speaker": "Moderator", "content": "Welcome."}, {"speaker": "Ana", "content": "..."},
		{"speaker": "Moderator", "content": "..."}, {"speaker": "Ben", "content": "..."}]`
	write := func(body string) {
		t.Helper()
		if err := os.WriteFile(qmsum, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(`{"topic_list": [{"topic": "Booking", "relevant_text_span": [["0", "1"]]},
		{"topic": "Prices", "relevant_text_span": [["1", "3"]]}], ` + turns + `}`)
	s, err := Load(dir, "transcript")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Booking", "Prices"}, {"Prices"}} // turns 1 (Ana) and 3 (Ben)
	if !reflect.DeepEqual(s.Labels, want) {
		t.Errorf("labels = %q, want %q", s.Labels, want)
	}
	for name, body := range map[string]string{
		"fewer turns": `{"topic_list": [{"topic": "Booking", "relevant_text_span": [["0", "1"]]}], "meeting_transcripts": [{"speaker": "Ana", "content": "..."}]}`,
		"span beyond": `{"topic_list": [{"topic": "Booking", "relevant_text_span": [["0", "9"]]}], ` + turns + `}`,
		"not json":    `{`,
	} {
		write(body)
		if s, err := Load(dir, "transcript"); err != nil || s.Labelled() {
			t.Errorf("%s: labelled %v, err %v; want an unlabelled set", name, s != nil && s.Labelled(), err)
		}
	}
}

// TestLoadLetters: each composed letter holds four to eight of the MAMS
// sentences of its one label and at most two of other labels; no sentence
// is used twice, multi-label sentences never, and the composition does not
// change from one load to the next.
func TestLoadLetters(t *testing.T) {
	dir := writeFixtureData(t)
	s, err := Load(dir, "letters")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(dir, "mams")
	if err != nil {
		t.Fatal(err)
	}
	label, left := map[string]string{}, map[string]int{} // the fixture repeats sentences
	for i, tx := range m.Texts {
		if len(m.Labels[i]) == 1 {
			label[tx.Text] = m.Labels[i][0]
			left[tx.Text]++
		}
	}
	if len(s.Texts) == 0 {
		t.Fatal("no letter from 19 single-label sentences")
	}
	for i, tx := range s.Texts {
		if len(s.Labels[i]) != 1 {
			t.Fatalf("letter %d: labels %q, want one", i, s.Labels[i])
		}
		own, other := 0, 0
		// The fixture's sentences each end in "again." and hold no other full stop.
		for _, sent := range strings.SplitAfter(tx.Text, "again.") {
			if sent = strings.TrimSpace(sent); sent == "" {
				continue
			}
			l := label[sent]
			if left[sent] == 0 {
				t.Fatalf("letter %d: sentence %q is not an unused single-label one", i, sent)
			}
			left[sent]--
			if l == s.Labels[i][0] {
				own++
			} else {
				other++
			}
		}
		if own < 4 || own > 8 || other > 2 {
			t.Errorf("letter %d (%s): %d sentences of its label, %d of others; want 4-8 and at most 2", i, s.Labels[i][0], own, other)
		}
	}
	again, err := Load(dir, "letters")
	if err != nil || !reflect.DeepEqual(again.Texts, s.Texts) || !reflect.DeepEqual(again.Labels, s.Labels) {
		t.Errorf("a second load composed other letters (%v)", err)
	}
}
