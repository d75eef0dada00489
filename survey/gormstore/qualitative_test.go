package gormstore_test

import (
	"context"
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
