package study_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// transcriptProject is a project of interviews only: n participants in two
// kinds (young Instagram buyers who complain about delivery, older store
// buyers who complain about prices), one session each at a stage, every
// customer utterance coded.
func transcriptProject(n int) study.Input {
	in := study.Input{Name: "interviews", Title: "Interviews", Language: "en"}
	stages := []survey.Stage{"purchase", "use"}
	for i := range n {
		id := int64(i + 1)
		young := i%2 == 0
		attrs := map[string]string{"age_group": "18-24", "channel": "Instagram", "city": "Tehran"}
		words := []string{"The delivery was late again and the courier never called.", "Delivery took two weeks, far too slow."}
		code := "late delivery"
		if !young {
			attrs = map[string]string{"age_group": "45-54", "channel": "Store", "city": "Tehran"}
			words = []string{"The prices are too expensive compared with other shops.", "Too expensive for what you get, prices keep rising."}
			code = "high prices"
		}
		in.Participants = append(in.Participants, &survey.Participant{ID: id, Pseudonym: fmt.Sprintf("P%d", id), Attributes: attrs})
		tr := &survey.Transcript{ID: id, Kind: survey.KindInterview, Title: fmt.Sprintf("Interview %d", id), Stage: stages[boolIndex(young)],
			Speakers: []survey.Speaker{{Name: "Moderator", Moderator: true}, {Name: "Customer", ParticipantID: &id}}}
		tr.Utterances = append(tr.Utterances, survey.Utterance{ID: id * 10, Order: 1, Speaker: "Moderator", Text: "Tell me about your last order."})
		for k, w := range words {
			u := survey.Utterance{ID: id*10 + int64(k) + 1, Order: k + 2, Speaker: "Customer", Text: w, Customer: true}
			tr.Utterances = append(tr.Utterances, u)
			in.Coded = append(in.Coded, survey.CodedPassage{
				Coding:  survey.Coding{Source: survey.SourceUtterance, UtteranceID: u.ID},
				Code:    &survey.Code{Name: code, Group: survey.GroupPainPoint},
				Passage: survey.Passage{Source: survey.SourceUtterance, UtteranceID: u.ID, TranscriptID: id, Speaker: "Customer", Text: w},
			})
		}
		in.Transcripts = append(in.Transcripts, tr)
	}
	return in
}

func boolIndex(b bool) int {
	if b {
		return 0
	}
	return 1
}

func TestTranscriptOnlyProject(t *testing.T) {
	res, err := study.Analyze(context.Background(), transcriptProject(16), study.Options{Seed: 1, Bootstrap: 3})
	if err != nil {
		t.Fatal(err)
	}
	pr := res.Personas
	if pr == nil {
		t.Fatalf("no personas: %s", res.PersonaNote)
	}
	if pr.K != 2 || pr.Quality.N != 16 {
		t.Fatalf("k=%d from %d participants, want 2 from 16", pr.K, pr.Quality.N)
	}
	names := pr.Personas[0].Name + " | " + pr.Personas[1].Name
	if !strings.Contains(names, "Instagram") || !strings.Contains(names, "Store") {
		t.Errorf("names %q, want the channels", names)
	}
	for _, p := range pr.Personas {
		if len(p.Quotes) == 0 || p.Quotes[0].Source != "interview" {
			t.Errorf("persona %d has no quotes: %+v", p.ID, p.Quotes)
		}
		if !strings.HasPrefix(p.Trust, "Weak: 8 people") {
			t.Errorf("persona %d trust %q, want weak (8 people)", p.ID, p.Trust)
		}
	}
	// The journeys read the coded passages by the stage of their session.
	if len(res.Journeys) != 3 {
		t.Fatalf("%d journeys, want everyone + 2 personas", len(res.Journeys))
	}
	all := res.Journeys[0]
	if all.Passages != 32 || all.Size != 16 || all.Note != "" {
		t.Errorf("everyone: %d passages from %d people, note %q; want 32 from 16, no note", all.Passages, all.Size, all.Note)
	}
	counts := map[string]int{}
	for _, js := range all.Stages {
		for _, c := range js.Codes {
			counts[js.Stage+"/"+c.Code] = c.Passages
		}
	}
	if counts["purchase/late delivery"] != 16 || counts["use/high prices"] != 16 {
		t.Errorf("codes by stage %v, want 16 late delivery at purchase and 16 high prices at use", counts)
	}
	for _, j := range res.Journeys[1:] {
		if j.Size != 8 || j.Passages != 16 {
			t.Errorf("journey of persona %d: %d people, %d passages; want 8 and 16", j.Persona, j.Size, j.Passages)
		}
	}
}

func TestTranscriptOnlyTooFew(t *testing.T) {
	res, err := study.Analyze(context.Background(), transcriptProject(3), study.Options{Seed: 1, Bootstrap: -1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Personas != nil || !strings.Contains(res.PersonaNote, "3 interviewees") || !strings.Contains(res.PersonaNote, "at least 6") {
		t.Errorf("personas %v, note %q: want none, saying 3 of at least 6", res.Personas, res.PersonaNote)
	}
	if j := res.Journeys[0]; j.Passages != 6 || !strings.Contains(j.Note, "too few") {
		t.Errorf("journey: %d passages, note %q; want 6 and a plain note", j.Passages, j.Note)
	}
	// A Persian reader reads both notes in Persian.
	fa := res.In("fa")
	if want := "3 مصاحبه‌شونده یا شرکت‌کنندهٔ گروه کانونی با ویژگی و بی پاسخ پرسشنامه: پرسوناها دست‌کم 6 شرکت‌کننده با ویژگی یا 30 پاسخ پرسشنامه می‌خواهند"; fa.PersonaNote != want {
		t.Errorf("persona note in Persian: %q", fa.PersonaNote)
	}
	if j := fa.Journeys[0]; !strings.HasPrefix(j.Note, "فقط 6 بخش کدگذاری‌شده از 3 نفر") {
		t.Errorf("journey note in Persian: %q", j.Note)
	}
	if res.In("en").PersonaNote != res.PersonaNote {
		t.Errorf("persona note in English: %q", res.In("en").PersonaNote)
	}
}

// A project of one long meeting: its customer turns reach the engine as
// one conversation in order (analysis.Text.Thread), so the topic that
// takes most of the meeting ranks first though only two of its four
// speakers say it (analysis: a meeting ranks by its share of the turns).
func TestMeetingTurnsAreOneConversation(t *testing.T) {
	topics := [][]string{
		{"battery", "charger", "power", "drains", "socket", "voltage"},
		{"buttons", "layout", "menu", "scroll", "screen", "icons"},
		{"colour", "plastic", "case", "finish", "rubber", "shape"},
	}
	// The meeting's own words, two a turn in no order (a fixed draw).
	background := []string{"remote control", "design", "customer", "project", "market"}
	tr := &survey.Transcript{ID: 7, Kind: survey.KindTranscript, Title: "Design meeting"}
	for _, s := range []string{"A", "B", "C", "D"} {
		tr.Speakers = append(tr.Speakers, survey.Speaker{Name: "Speaker " + s})
	}
	i := 0
	for k, n := range []int{70, 30, 30} {
		speakers := []int{2, 4, 4}[k]
		for range n {
			r := uint32(i)*2654435761 + 12345
			j1 := int(r>>8) % 5
			j2 := (j1 + 1 + int(r>>16)%4) % 5
			text := fmt.Sprintf("So the %s, the %s, what about the %s?", background[j1], topics[k][i%6], background[j2])
			tr.Utterances = append(tr.Utterances, survey.Utterance{ID: int64(i + 1), Order: i + 1, Speaker: tr.Speakers[i%speakers].Name, Text: text, Customer: true})
			i++
		}
	}
	in := study.Input{Name: "meeting", Title: "Meeting", Language: "en", Transcripts: []*survey.Transcript{tr}}
	res, err := study.Analyze(context.Background(), in, study.Options{Seed: 1, Bootstrap: 3})
	if err != nil {
		t.Fatal(err)
	}
	pps := res.PainPoints.PainPoints
	if len(pps) == 0 || pps[0].Texts != 70 {
		for _, pp := range pps {
			t.Logf("%d %s: %d people, %d turns", pp.Rank, pp.Label, pp.Documents, pp.Texts)
		}
		t.Fatal("the topic of 70 turns is not first")
	}
}
