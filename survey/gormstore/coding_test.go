package gormstore_test

import (
	"context"
	"errors"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/surveytest"
)

func TestCodebookCodingAndMerge(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		resp, _, err := s.SaveResponse(ctx, &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: "c1", Status: survey.Complete, Answers: surveytest.FullAnswers()})
		if err != nil {
			t.Fatal(err)
		}
		tr := &survey.Transcript{ProjectID: sv.ProjectID, Kind: survey.KindTranscript, Title: "fg.txt",
			Speakers: []survey.Speaker{{Name: "Mod", Moderator: true}},
			Utterances: []survey.Utterance{
				{Order: 1, Speaker: "Mod", Text: "How was delivery?"},
				{Order: 2, Speaker: "Ali", Text: "The courier was late again"},
			}}
		if err := s.CreateTranscript(ctx, tr); err != nil {
			t.Fatal(err)
		}
		full, _ := s.Transcript(ctx, tr.ID)
		uid := full.Utterances[1].ID

		late := &survey.Code{ProjectID: sv.ProjectID, Name: " late  delivery ", Group: survey.GroupPainPoint}
		if err := s.CreateCode(ctx, late); err != nil {
			t.Fatal(err)
		}
		if late.Name != "late delivery" {
			t.Errorf("name = %q, want trimmed", late.Name)
		}
		if err := s.CreateCode(ctx, &survey.Code{ProjectID: sv.ProjectID, Name: "late delivery"}); !errors.Is(err, survey.ErrConflict) {
			t.Errorf("duplicate code: err = %v, want ErrConflict", err)
		}
		if err := s.CreateCode(ctx, &survey.Code{ProjectID: sv.ProjectID, Name: "x", Group: "bogus"}); !errors.Is(err, survey.ErrInvalid) {
			t.Errorf("bad group: err = %v, want ErrInvalid", err)
		}
		slow := &survey.Code{ProjectID: sv.ProjectID, Name: "کندی ارسال"}
		if err := s.CreateCode(ctx, slow); err != nil {
			t.Fatal(err)
		}
		apply := func(k survey.Coding) {
			t.Helper()
			k.ProjectID = sv.ProjectID
			if err := s.ApplyCode(ctx, &k); err != nil {
				t.Fatal(err)
			}
		}
		apply(survey.Coding{CodeID: late.ID, Source: survey.SourceUtterance, UtteranceID: uid})
		apply(survey.Coding{CodeID: late.ID, Source: survey.SourceUtterance, UtteranceID: uid}) // no-op
		apply(survey.Coding{CodeID: slow.ID, Source: survey.SourceUtterance, UtteranceID: uid})
		apply(survey.Coding{CodeID: slow.ID, Source: survey.SourceAnswer, ResponseID: resp.ID, QuestionID: "problem", SpanStart: 4, SpanEnd: 10})
		if err := s.ApplyCode(ctx, &survey.Coding{ProjectID: sv.ProjectID, CodeID: slow.ID, Source: survey.SourceUtterance, UtteranceID: uid + 100}); !errors.Is(err, survey.ErrNotFound) {
			t.Errorf("unknown utterance: err = %v, want ErrNotFound", err)
		}

		if err := s.MergeCodes(ctx, sv.ProjectID, slow.ID, late.ID); err != nil {
			t.Fatal(err)
		}
		codes, _ := s.Codes(ctx, sv.ProjectID)
		if len(codes) != 1 || codes[0].ID != late.ID || codes[0].Uses != 2 {
			t.Fatalf("after merge: %+v", codes)
		}
		ps, err := s.CodedPassages(ctx, sv.ProjectID, late.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 2 {
			t.Fatalf("passages: %+v", ps)
		}
		var sawAnswer bool
		for _, p := range ps {
			if p.Source == survey.SourceAnswer {
				sawAnswer = true
				if p.Quote != "parcel" || p.Passage.SurveySlug != sv.Slug {
					t.Errorf("answer passage: quote %q slug %q", p.Quote, p.Passage.SurveySlug)
				}
			} else if p.Passage.Speaker != "Ali" || p.Passage.TranscriptTitle != "fg.txt" || p.Passage.Moderator {
				t.Errorf("utterance passage: %+v", p.Passage)
			}
		}
		if !sawAnswer {
			t.Error("answer coding lost in merge")
		}

		var n, customer int
		err = s.EachPassage(ctx, sv.ProjectID, func(p survey.Passage) error {
			n++
			if p.Source == survey.SourceUtterance && !p.Moderator {
				customer++
			}
			return nil
		})
		if err != nil || customer != 1 || n < 4 {
			t.Fatalf("EachPassage: n=%d customer=%d err=%v", n, customer, err)
		}
	})
}

func TestInterviewDraftsAndSuggestions(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		p, _ := s.EnsureProject(ctx, "study", "")
		part := &survey.Participant{ProjectID: p.ID, Pseudonym: "P7"}
		if err := s.CreateParticipant(ctx, part); err != nil {
			t.Fatal(err)
		}
		d := &survey.NoteDraft{ProjectID: p.ID, UserID: 1, Key: "k1", Data: `{"a":1}`}
		if err := s.SaveDraft(ctx, d); err != nil {
			t.Fatal(err)
		}
		d.Data = `{"a":2}`
		if err := s.SaveDraft(ctx, d); err != nil {
			t.Fatal(err)
		}
		got, err := s.Draft(ctx, p.ID, 1, "k1")
		if err != nil || got.Data != `{"a":2}` {
			t.Fatalf("draft = %+v, %v", got, err)
		}
		if _, err := s.Draft(ctx, p.ID, 2, "k1"); !errors.Is(err, survey.ErrNotFound) {
			t.Errorf("other user's draft: err = %v", err)
		}

		iv := &survey.Transcript{ProjectID: p.ID, Title: "Interview P7", Interviewer: "Neda", Stage: survey.Stage("purchase"),
			Touchpoints: []string{"website"},
			Utterances: []survey.Utterance{
				{Order: 1, Speaker: "P7", Text: "پرداخت سخت بود", Emotion: survey.EmotionNegative, Codes: []string{"payment", "checkout"}},
				{Order: 2, Speaker: "P7", Text: "Support was kind", Emotion: survey.EmotionPositive, Codes: []string{"payment"}},
			}}
		if err := s.CreateInterview(ctx, iv, part.ID, 1); err != nil {
			t.Fatal(err)
		}
		back, _ := s.Transcript(ctx, iv.ID)
		if back.Kind != survey.KindInterview || len(back.Utterances) != 2 || back.Utterances[0].Emotion != survey.EmotionNegative {
			t.Fatalf("interview: %+v", back)
		}
		if len(back.Speakers) != 1 || back.Speakers[0].ParticipantID == nil || *back.Speakers[0].ParticipantID != part.ID {
			t.Fatalf("speakers: %+v", back.Speakers)
		}
		ks, _ := s.TranscriptCodings(ctx, iv.ID)
		if len(ks) != 3 {
			t.Fatalf("codings: %+v", ks)
		}
		if err := s.CreateInterview(ctx, &survey.Transcript{ProjectID: p.ID, Title: "x", Utterances: []survey.Utterance{{Order: 1, Speaker: "a", Text: "b"}}}, 9999, 1); !errors.Is(err, survey.ErrNotFound) {
			t.Errorf("unknown participant: err = %v", err)
		}
		ts, _ := s.Transcripts(ctx, p.ID)
		if len(ts) != 1 {
			t.Errorf("failed interview left %d transcripts, want 1", len(ts))
		}

		uid := back.Utterances[1].ID
		if err := s.DecideSuggestion(ctx, &survey.SuggestionDecision{ProjectID: p.ID, UtteranceID: uid, Key: "support", Label: "support", Status: survey.SuggestionRejected}, 1); err != nil {
			t.Fatal(err)
		}
		if err := s.DecideSuggestion(ctx, &survey.SuggestionDecision{ProjectID: p.ID, UtteranceID: back.Utterances[0].ID, Key: "pay", Label: "payment problems", Status: survey.SuggestionAccepted}, 1); err != nil {
			t.Fatal(err)
		}
		ds, _ := s.SuggestionDecisions(ctx, p.ID)
		if len(ds) != 2 {
			t.Fatalf("decisions: %+v", ds)
		}
		codes, _ := s.Codes(ctx, p.ID)
		var found bool
		for _, c := range codes {
			found = found || (c.Name == "payment problems" && c.Group == survey.GroupPainPoint && c.Uses == 1)
		}
		if !found {
			t.Errorf("accepted suggestion did not code: %+v", codes)
		}
		if err := s.DeleteDraft(ctx, p.ID, 1, "k1"); err != nil {
			t.Fatal(err)
		}
		if ds, _ := s.Drafts(ctx, p.ID, 1); len(ds) != 0 {
			t.Errorf("drafts after delete: %d", len(ds))
		}
	})
}
