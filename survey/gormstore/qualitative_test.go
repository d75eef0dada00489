package gormstore_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
)

func TestTranscriptRoundTrip(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		p, _ := s.EnsureProject(ctx, "study", "")
		part := &survey.Participant{ProjectID: p.ID, Pseudonym: "P1", Attributes: map[string]string{"age_group": "25-34"}}
		if err := s.CreateParticipant(ctx, part); err != nil {
			t.Fatal(err)
		}
		start := 90 * time.Second
		tr := &survey.Transcript{ProjectID: p.ID, Kind: survey.KindTranscript, Title: "focus group 1.vtt", Format: "vtt",
			Speakers: []survey.Speaker{{Name: "Moderator", Moderator: true}},
			Utterances: []survey.Utterance{
				{Order: 1, Speaker: "Moderator", Text: "How was delivery?"},
				{Order: 2, Speaker: "سارا", Start: &start, Text: "ارسال خیلی دیر بود", Emotion: survey.EmotionNegative},
			}}
		if err := s.CreateTranscript(ctx, tr); err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateSpeaker(ctx, tr.ID, survey.Speaker{Name: "سارا", ParticipantID: &part.ID}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Transcript(ctx, tr.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Utterances) != 2 || got.Utterances[0].Customer || !got.Utterances[1].Customer ||
			*got.Utterances[1].Start != start || got.Utterances[1].Emotion != survey.EmotionNegative {
			t.Fatalf("utterances: %+v", got.Utterances)
		}
		var mapped bool
		for _, sp := range got.Speakers {
			mapped = mapped || (sp.Name == "سارا" && sp.ParticipantID != nil && *sp.ParticipantID == part.ID)
		}
		if !mapped {
			t.Fatalf("speaker not mapped: %+v", got.Speakers)
		}
		ps, _ := s.Participants(ctx, p.ID)
		if len(ps) != 1 || ps[0].Attributes["age_group"] != "25-34" {
			t.Fatalf("participants: %+v", ps)
		}
	})
}

// TestTranscriptPages: a window of utterances in order with the total, and
// the position of one utterance, alike on both stores.
func TestTranscriptPages(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		p, _ := s.EnsureProject(ctx, "study", "")
		tr := &survey.Transcript{ProjectID: p.ID, Kind: survey.KindTranscript, Title: "long"}
		for i := range 25 {
			tr.Utterances = append(tr.Utterances, survey.Utterance{Order: i + 1, Speaker: "A", Text: string(rune('a' + i))})
		}
		if err := s.CreateTranscript(ctx, tr); err != nil {
			t.Fatal(err)
		}
		page, total, err := s.TranscriptPage(ctx, tr.ID, 10, 10)
		if err != nil || total != 25 || len(page.Utterances) != 10 || page.Utterances[0].Text != "k" || page.Utterances[9].Text != "t" {
			t.Fatalf("page 2: total %d, %d utterances, err %v", total, len(page.Utterances), err)
		}
		last, _, _ := s.TranscriptPage(ctx, tr.ID, 20, 10)
		if len(last.Utterances) != 5 || last.Utterances[4].Text != "y" {
			t.Fatalf("last page: %+v", last.Utterances)
		}
		if i, err := s.UtteranceIndex(ctx, tr.ID, page.Utterances[3].ID); err != nil || i != 13 {
			t.Errorf("index of the 14th utterance: %d, %v; want 13", i, err)
		}
		if _, err := s.UtteranceIndex(ctx, tr.ID+1, page.Utterances[3].ID); !errors.Is(err, survey.ErrNotFound) {
			t.Errorf("utterance of another transcript: %v, want ErrNotFound", err)
		}
	})
}
