package survey

import (
	"context"
	"time"
)

// Qualitative data: interview notes and focus-group transcripts live in a
// project beside its surveys, as utterances that the analysis reads as
// customer voice (never the moderator's).

// SourceKind says where a transcript came from.
type SourceKind string

const (
	KindTranscript SourceKind = "transcript" // an imported recording transcript
	KindInterview  SourceKind = "interview"  // notes typed during an interview
)

// Emotions a researcher can mark on an utterance.
const (
	EmotionPositive = "positive"
	EmotionNeutral  = "neutral"
	EmotionNegative = "negative"
)

// Participant is a person who took part in an interview or focus group,
// under a pseudonym, with attributes named like survey questions where
// possible (age_group, city, ...) so personas can place them.
type Participant struct {
	ID         int64
	ProjectID  int64
	Pseudonym  string
	Attributes map[string]string
}

// Transcript is one interview or focus-group session.
type Transcript struct {
	ID          int64
	ProjectID   int64
	Kind        SourceKind
	Title       string // the file name for imports
	Format      string // text, vtt, srt, docx, notes
	Encoding    string
	Date        *time.Time
	Interviewer string
	Stage       Stage
	Touchpoints []string
	Redactions  int // personal data items replaced on import
	CreatedAt   time.Time
	Speakers    []Speaker
	Utterances  []Utterance
}

// Speaker is a name as it appears in a transcript, mapped to a participant
// or marked as the moderator.
type Speaker struct {
	Name          string
	ParticipantID *int64
	Moderator     bool
}

// Utterance is one turn or one line of notes.
type Utterance struct {
	ID       int64
	Order    int
	Speaker  string
	Start    *time.Duration
	Text     string
	Emotion  string
	Codes    []string
	Customer bool // set when read: the speaker is not the moderator
}

// QualitativeStore keeps participants and transcripts.
type QualitativeStore interface {
	// CreateTranscript stores a transcript with its speakers and
	// utterances in one transaction: all of it or nothing.
	CreateTranscript(ctx context.Context, t *Transcript) error
	Transcript(ctx context.Context, id int64) (*Transcript, error)
	// TranscriptPage is Transcript with limit utterances from offset (all
	// when limit < 0), and the transcript's utterance count.
	TranscriptPage(ctx context.Context, id int64, offset, limit int) (*Transcript, int, error)
	// UtteranceIndex is an utterance's 0-based position in its transcript.
	UtteranceIndex(ctx context.Context, transcriptID, utteranceID int64) (int, error)
	Transcripts(ctx context.Context, projectID int64) ([]*Transcript, error)
	UpdateSpeaker(ctx context.Context, transcriptID int64, sp Speaker) error
	CreateParticipant(ctx context.Context, p *Participant) error
	Participants(ctx context.Context, projectID int64) ([]*Participant, error)
}
