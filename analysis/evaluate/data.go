// Package evaluate measures the pain-point engine against labelled public
// feedback (issue #14): which labelled complaint reasons its top 10 pain
// points find, how well its grouping agrees with the labels (NMI, ARI),
// how many texts it places, and the same numbers for two plain topic
// models (NMF and LDA) on the same texts, written here in Go as peers.
//
// The data live outside the repository (the team's shared/data folder,
// see DataDir); nothing here is needed by the product itself.
package evaluate

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/internal/csvtable"
	"github.com/safarhq/safar/transcript"
)

// ErrNoData means the shared evaluation data could not be found.
var ErrNoData = errors.New("evaluation data not found: pass --data DIR or set SAFAR_SHARED_DATA to the shared/data folder")

// DataDir finds the shared evaluation data: $SAFAR_SHARED_DATA when set,
// otherwise a "shared/data" directory beside the working directory or one
// of its parents. It returns "" when there is none.
func DataDir() string {
	if d := os.Getenv("SAFAR_SHARED_DATA"); d != "" {
		if isDir(d) {
			return d
		}
		return ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if cand := filepath.Join(dir, "shared", "data"); isDir(cand) {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// Set is one evaluation corpus: the texts the engine sees and, per text,
// the labelled reasons (nil for every text of an unlabelled set).
type Set struct {
	Name   string          `json:"name"`
	About  string          `json:"about"` // what the texts and the labels are
	Texts  []analysis.Text `json:"-"`
	Labels [][]string      `json:"-"`
}

// Labelled reports whether the set carries labels to score against.
func (s *Set) Labelled() bool { return s.Labels != nil }

// setLoader reads one set from the data directory.
type setLoader struct {
	name string
	load func(dir string) (*Set, error)
}

var loaders = []setLoader{
	{"mams", loadMAMS},
	{"steam", loadSteam},
	{"letters", loadLetters},
	{"parsinlu", loadParsiNLU},
	{"clothing", loadClothing},
	{"transcript", loadTranscripts},
	{"bilingual", loadBilingual},
}

// SetNames lists the sets in the order they are evaluated.
func SetNames() []string {
	out := make([]string, len(loaders))
	for i, l := range loaders {
		out[i] = l.name
	}
	return out
}

// Load reads the named set from dir.
func Load(dir, name string) (*Set, error) {
	for _, l := range loaders {
		if l.name == name {
			return l.load(dir)
		}
	}
	return nil, fmt.Errorf("unknown set %q; sets: %s", name, strings.Join(SetNames(), ", "))
}

// readTable reads a CSV and finds the named columns.
func readTable(path string, cols ...string) (*csvtable.Table, []int, error) {
	t, err := csvtable.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	idx := make([]int, len(cols))
	for i, c := range cols {
		if idx[i], err = t.Col(c); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	return t, idx, nil
}

// loadFeedback reads the feedback/ sets: id,text,label with several labels
// joined by "|".
func loadFeedback(dir, file, name, about string) (*Set, error) {
	t, c, err := readTable(filepath.Join(dir, "feedback", file), "id", "text", "label")
	if err != nil {
		return nil, err
	}
	s := &Set{Name: name, About: about}
	for i := range t.Rows {
		s.Texts = append(s.Texts, analysis.Text{ID: t.Value(i, c[0]), Text: t.Value(i, c[1])})
		s.Labels = append(s.Labels, splitLabels(t.Value(i, c[2]), "|"))
	}
	return s, nil
}

func splitLabels(v, sep string) []string {
	var out []string
	for _, l := range strings.Split(v, sep) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func loadMAMS(dir string) (*Set, error) {
	return loadFeedback(dir, "mams_restaurants_negative.csv", "mams",
		"MAMS restaurant-review sentences with a negative aspect; label: the negative aspect categories (8)")
}

func loadSteam(dir string) (*Set, error) {
	return loadFeedback(dir, "steam_games_not_recommended.csv", "steam",
		"Steam reviews that do not recommend the game; label: the aspects the review mentions (7)")
}

// loadParsiNLU reads the Digikala food reviews that score at least one
// aspect negative (-1 or -2); their labels are those aspects, named in
// English from aspect_counts.csv.
func loadParsiNLU(dir string) (*Set, error) {
	base := filepath.Join(dir, "persian_reviews", "parsinlu")
	names := map[string]string{}
	if t, c, err := readTable(filepath.Join(base, "aspect_counts.csv"), "aspect_fa", "aspect_en"); err == nil {
		for i := range t.Rows {
			en, _, _ := strings.Cut(t.Value(i, c[1]), " (")
			names[t.Value(i, c[0])] = strings.ReplaceAll(en, " / ", "/")
		}
	}
	t, c, err := readTable(filepath.Join(base, "reviews_flat.csv"), "review_id", "aspects", "review")
	if err != nil {
		return nil, err
	}
	s := &Set{Name: "parsinlu", About: "ParsiNLU Persian food reviews with a negative aspect; label: the aspects scored -1/-2 (6)"}
	for i := range t.Rows {
		var neg []string
		for _, a := range splitLabels(t.Value(i, c[1]), ";") {
			aspect, score, _ := strings.Cut(a, ":")
			if score != "-1" && score != "-2" {
				continue
			}
			if en := names[aspect]; en != "" {
				aspect = en
			}
			neg = append(neg, aspect)
		}
		if len(neg) == 0 {
			continue
		}
		s.Texts = append(s.Texts, analysis.Text{ID: t.Value(i, c[0]), Text: t.Value(i, c[2]), Lang: "fa"})
		s.Labels = append(s.Labels, neg)
	}
	return s, nil
}

// loadBilingual is the restaurant sentences and the Persian food reviews
// in one file, as a study that asks in both languages collects them: two
// corpora the engine must read as two. A label is its set's name and the
// set's label ("restaurants: service", "food: taste"), so a pain point
// that mixes the two sets' texts says no label.
func loadBilingual(dir string) (*Set, error) {
	s := &Set{Name: "bilingual", About: "mams and parsinlu in one file, English and Persian; label: the set and its label (14)"}
	for _, part := range []struct {
		name string
		load func(string) (*Set, error)
	}{{"restaurants", loadMAMS}, {"food", loadParsiNLU}} {
		p, err := part.load(dir)
		if err != nil {
			return nil, err
		}
		s.Texts = append(s.Texts, p.Texts...)
		for _, ls := range p.Labels {
			named := make([]string, len(ls))
			for i, l := range ls {
				named[i] = part.name + ": " + l
			}
			s.Labels = append(s.Labels, named)
		}
	}
	return s, nil
}

// loadClothing reads the women's-clothing reviews rated 1 or 2 that have
// text (title and review joined). The data carry no complaint reason; the
// closest label is the product department (6 values; the 20 classes split
// tops into knits, blouses and fine gauge that no complaint tells apart).
func loadClothing(dir string) (*Set, error) {
	t, c, err := readTable(filepath.Join(dir, "surveys", "womens_clothing_reviews.csv"),
		"row_id", "Title", "Review Text", "Rating", "Department Name")
	if err != nil {
		return nil, err
	}
	s := &Set{Name: "clothing", About: "women's-clothing reviews rated 1-2; label: product department (6), not a complaint reason"}
	for i := range t.Rows {
		rating, err := strconv.Atoi(t.Value(i, c[3]))
		body := strings.TrimSpace(t.Value(i, c[2]))
		if err != nil || rating > 2 || body == "" {
			continue
		}
		if title := strings.TrimSpace(t.Value(i, c[1])); title != "" {
			body = title + ". " + body
		}
		s.Texts = append(s.Texts, analysis.Text{ID: t.Value(i, c[0]), Text: body,
			Satisfaction: analysis.Score(float64(rating-1) / 4)})
		s.Labels = append(s.Labels, splitLabels(t.Value(i, c[4]), "|"))
	}
	return s, nil
}

// loadTranscripts reads every transcripts/txt/*.txt ("Speaker: text" per
// line). The moderator that the transcript parser suggests is left out,
// as the product does; each turn is a text and its speaker the person,
// and the transcript is its thread (an ordered conversation).
// When every transcript has its QMSum original beside it
// (transcripts/qmsum_json/NAME.json, same turns in the same order), each
// turn is labelled with the gold topic segments that hold it (a turn in
// two overlapping segments carries both); otherwise the set is unlabelled.
func loadTranscripts(dir string) (*Set, error) {
	files, err := filepath.Glob(filepath.Join(dir, "transcripts", "txt", "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no transcripts", filepath.Join(dir, "transcripts", "txt"))
	}
	s := &Set{Name: "transcript", About: "meeting transcripts, participants' turns; label: the QMSum gold topic segments holding the turn"}
	labelled := true
	var labels [][]string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		tr, err := transcript.Parse(filepath.Base(f), data, transcript.Options{})
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		topics, ok := qmsumTopics(filepath.Join(dir, "transcripts", "qmsum_json", name+".json"), len(tr.Utterances))
		labelled = labelled && ok
		for _, u := range tr.Utterances {
			if tr.SuggestedModerator != "" && u.Speaker == tr.SuggestedModerator {
				continue
			}
			s.Texts = append(s.Texts, analysis.Text{ID: fmt.Sprintf("%s:%d", name, u.Order),
				Person: name + ":" + u.Speaker, Text: u.Text, Thread: name})
			if ok {
				labels = append(labels, topics[u.Order-1])
			}
		}
	}
	if labelled {
		s.Labels = labels
	} else {
		s.About = "meeting transcripts, participants' turns (no labels)"
	}
	return s, nil
}

// qmsumTopics reads a QMSum file's gold topic segments and returns, for
// each of its turns (0-based, the index the spans use), the topics whose
// spans hold it. ok is false when the file is missing or unreadable, or
// its turns are not the n turns the transcript parser read.
func qmsumTopics(path string, n int) (topics [][]string, ok bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	var q struct {
		Topics []struct {
			Topic string     `json:"topic"`
			Spans [][]string `json:"relevant_text_span"`
		} `json:"topic_list"`
		Turns []json.RawMessage `json:"meeting_transcripts"`
	}
	if json.Unmarshal(data, &q) != nil || len(q.Turns) != n || len(q.Topics) == 0 {
		return nil, false
	}
	topics = make([][]string, n)
	for _, t := range q.Topics {
		for _, span := range t.Spans {
			if len(span) != 2 {
				return nil, false
			}
			from, err1 := strconv.Atoi(span[0])
			to, err2 := strconv.Atoi(span[1])
			if err1 != nil || err2 != nil || from < 0 || to >= n || from > to {
				return nil, false
			}
			for i := from; i <= to; i++ {
				if !slices.Contains(topics[i], t.Topic) {
					topics[i] = append(topics[i], t.Topic)
				}
			}
		}
	}
	return topics, true
}
