package study

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/survey"
)

// Texts named by number lose nothing: every member of every pain point
// gets back the full id of the answer it is ("r:RESPONSE:QUESTION"), and
// the persona cards read from the texts the same words a copy per
// respondent held (voices, the map form the participants still use).
func TestTextsByNumber(t *testing.T) {
	d := newDemoStudy(t, 400)
	in, cat, people, st := d.in, d.cat, d.people, d.st
	found := analysis.FindPainPoints(st.texts, analysis.PainPointOptions{})
	if len(found.PainPoints) < 3 {
		t.Fatalf("%d pain points in the demo", len(found.PainPoints))
	}
	_, words, quotes := voices(found, st)
	w := newRespondentWords(found, st, len(people))
	checked := 0
	for i, p := range people {
		got := w.Quotes(i, nil)
		if strings.Join(got, "\x00") != strings.Join(quotes[p.id], "\x00") {
			t.Fatalf("respondent %s: quotes %q, want %q", p.id, got, quotes[p.id])
		}
		checked += len(got)
	}
	if checked == 0 {
		t.Fatal("no respondent has words")
	}
	for _, pp := range found.PainPoints {
		seen := map[string]bool{}
		last := -1
		w.PainQuotes(pp.Key, func(i int, text string) {
			who := people[i].id
			if i <= last {
				t.Errorf("%s: respondent %d after %d: not in respondent order", pp.Key, i, last)
			}
			last = i
			seen[who] = true
			if want := words[who][pp.Key]; text != want {
				t.Errorf("%s, respondent %s: %q, want %q", pp.Key, who, text, want)
			}
		})
		for who, byKey := range words {
			if _, ok := byKey[pp.Key]; ok && !seen[who] {
				t.Errorf("%s: respondent %s voices it but has no words for it", pp.Key, who)
			}
		}
	}

	// Full ids: each member names a response and an open question whose
	// answer is the member's text.
	textOf := map[string]string{}
	for _, sd := range in.Surveys {
		for _, r := range sd.Responses {
			for q, v := range r.Answers {
				if v.Text != "" {
					textOf["r:"+r.ID+":"+q] = v.Text
				}
			}
		}
	}
	pps := found.PainPoints
	numbered := make([][]string, len(pps))
	for i := range pps {
		numbered[i] = append([]string(nil), pps[i].Members...)
	}
	st.nameMembers(cat, people, pps)
	for i, pp := range pps {
		for j, m := range pp.Members {
			want := st.texts[st.index(numbered[i][j])].Text
			if got, ok := textOf[m]; !ok || got != want {
				t.Fatalf("%s: member %q (text %s) names %q, want an answer %q", pp.Key, m, numbered[i][j], got, want)
			}
		}
	}
}

// What the analysis keeps of each respondent while it runs stays small:
// a million respondents are read into a few hundred megabytes. With a
// 36-character id (a UUID, as stored) a respondent costs about 225 bytes
// (483 before this work); the bound leaves room for
// the allocator without letting a per-respondent copy of the answers or
// texts back in. Each distinct open text is kept once (twice its bytes:
// the shared value and its key), which grows with how varied the texts
// are, not with the respondents; the bound adds that share.
func TestRespondentsStayCompact(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 6,000 demo responses")
	}
	surveys := demoSurveys(t, 3000)
	distinct := map[string]bool{}
	textBytes := 0
	for si, sd := range surveys {
		for i, r := range sd.Responses {
			r.ID = fmt.Sprintf("%08d-0000-4000-8000-%012d", si, i)
			for q, v := range r.Answers {
				if k := q + "\x00" + v.Text; v.Text != "" && !distinct[k] {
					distinct[k] = true
					textBytes += 2 * len(v.Text)
				}
			}
		}
	}
	cursor := make([]SurveyData, len(surveys))
	for i, s := range surveys {
		rs := s.Responses
		cursor[i] = SurveyData{Slug: s.Slug, Definition: s.Definition, Each: func(_ context.Context, fn func(*survey.Response) error) error {
			for _, r := range rs {
				c := *r // a store decodes each row anew
				if err := fn(&c); err != nil {
					return err
				}
			}
			return nil
		}}
	}
	base := liveHeap()
	cat := newCatalog(cursor)
	people, _, err := readRespondents(context.Background(), cat, Input{Surveys: cursor}, Options{}, &Result{})
	if err != nil {
		t.Fatal(err)
	}
	per := float64(liveHeap()-base) / float64(len(people))
	runtime.KeepAlive(people)
	runtime.KeepAlive(cat)
	runtime.KeepAlive(cursor) // the responses are not part of what is kept
	bound := 260 + float64(textBytes)/float64(len(people))
	t.Logf("%d respondents, %.0f bytes each; %d distinct texts", len(people), per, len(distinct))
	if len(people) < 5000 || per > bound {
		t.Errorf("%d respondents kept in %.0f bytes each, want at most %.0f", len(people), per, bound)
	}
}

// TestPromptedTexts: an answer to a question that asks for a problem
// ("What was the most frustrating part?") is read as one at any
// satisfaction; an open question's answer is read with its writer's own
// score (analysis.Text.Prompted).
func TestPromptedTexts(t *testing.T) {
	for _, role := range []survey.Role{survey.RolePain, survey.RoleOpen} {
		in := Input{Name: "demo", Surveys: demoSurveys(t, 200)}
		for _, sd := range in.Surveys {
			for _, q := range sd.Definition.Questions() {
				if q.ID == "problem" {
					q.Role = role
				}
			}
		}
		cat := newCatalog(in.Surveys)
		res := &Result{}
		people, _, err := readRespondents(context.Background(), cat, in, Options{}, res)
		if err != nil {
			t.Fatal(err)
		}
		st := collectTexts(cat, people, in, &res.Study)
		scored := 0
		for _, tx := range st.texts {
			if tx.Prompted != (role == survey.RolePain) {
				t.Fatalf("role %s: text %q Prompted %v", role, tx.Text, tx.Prompted)
			}
			if tx.Satisfaction != nil {
				scored++
			}
		}
		if scored == 0 {
			t.Errorf("role %s: no text carries its writer's score", role)
		}
	}
}

// TestTableScoresReadText: a table from another tool (safar report
// FILE.csv) has no question asking for a problem, so its rating column
// says how its text reads: satisfied customers' plain words ("wore it
// to work, got compliments", rated 5) make no pain point, the unhappy
// ones' problems do.
func TestTableScoresReadText(t *testing.T) {
	header := []string{"id", "review", "rating"}
	plain := []string{"I wore it to work and colleagues gave me compliments.",
		"Wore it to the office and received compliments all day.",
		"I wore it to work, many compliments from colleagues."}
	var rows [][]string
	for i := range 12 {
		rows = append(rows,
			[]string{fmt.Sprint("p", i), plain[i%3], "5"},
			[]string{fmt.Sprint("z", i), "The zipper broke after one wash.", "1"},
			[]string{fmt.Sprint("s", i), "The seams split the first time I wore it.", "2"})
	}
	def, rs, err := survey.DefinitionFromTable("reviews.csv", header, rows, "review", "id", "en")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Analyze(context.Background(), Input{Name: "reviews", Surveys: []SurveyData{{Slug: def.Slug, Definition: def, Responses: rs}}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var voiced []string
	for _, pp := range res.PainPoints.PainPoints {
		voiced = append(voiced, pp.Label)
		for _, m := range pp.Members {
			if strings.HasPrefix(m, "r:p") {
				t.Errorf("pain point %q holds a satisfied customer's plain words (%s)", pp.Label, m)
				break
			}
		}
	}
	if len(voiced) < 2 {
		t.Errorf("pain points %q, want the zipper and the seams", voiced)
	}
}
