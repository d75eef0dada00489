package survey

import "fmt"

// CodingImport is a qualitative project read from an exchange file
// (REFI-QDA): its codebook, its text sources as transcripts and the
// codings of their utterances. A store keeps all of it or nothing.
type CodingImport struct {
	ProjectID int64
	UserID    int64 // the researcher importing: the coder of codings without one
	// Codes are matched by name: a code the project already has keeps
	// its group and description.
	Codes       []Code
	Transcripts []*Transcript
	Codings     []ImportedCoding
}

// ImportedCoding codes one utterance of an imported transcript.
type ImportedCoding struct {
	Code       string // a name among CodingImport.Codes
	Transcript int    // index into CodingImport.Transcripts
	Utterance  int    // index into that transcript's Utterances
	SpanStart  int
	SpanEnd    int   // 0: the whole utterance
	Coder      int64 // the account that coded it in the file, when known (else UserID)
}

// Validate checks every code and every reference before anything is
// stored, naming the first problem.
func (imp *CodingImport) Validate() error {
	names := map[string]bool{}
	for i := range imp.Codes {
		if err := imp.Codes[i].Validate(); err != nil {
			return fmt.Errorf("code %q: %w", imp.Codes[i].Name, err)
		}
		names[imp.Codes[i].Name] = true
	}
	for i, k := range imp.Codings {
		if k.Transcript < 0 || k.Transcript >= len(imp.Transcripts) {
			return fmt.Errorf("coding %d: source %d: %w", i+1, k.Transcript, ErrInvalid)
		}
		t := imp.Transcripts[k.Transcript]
		if k.Utterance < 0 || k.Utterance >= len(t.Utterances) {
			return fmt.Errorf("coding %d: %s line %d: %w", i+1, t.Title, k.Utterance+1, ErrInvalid)
		}
		if !names[k.Code] {
			return fmt.Errorf("coding %d: code %q is not in the codebook: %w", i+1, k.Code, ErrInvalid)
		}
		if k.SpanStart < 0 || k.SpanEnd < 0 || (k.SpanEnd > 0 && k.SpanEnd <= k.SpanStart) {
			return fmt.Errorf("coding %d: span %d-%d: %w", i+1, k.SpanStart, k.SpanEnd, ErrInvalid)
		}
	}
	return nil
}
