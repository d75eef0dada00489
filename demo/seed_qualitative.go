package demo

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/safarhq/safar/survey"
)

// qualStore is what seeding the qualitative half of the demo needs beyond
// survey.Store; the GORM store has it all.
type qualStore interface {
	survey.WorkspaceStore
	survey.QualitativeStore
	survey.CodingStore
}

// seedQualitative adds what a demo project made before it existed lacks:
// the touchpoints, participants, codebook, transcripts and interview
// notes, and codes on a few open answers. Each part is found by its name,
// so running it again adds nothing.
func seedQualitative(ctx context.Context, st survey.Store, p *survey.Project, res *Result) error {
	qs, ok := st.(qualStore)
	if !ok {
		return errors.New("demo: this store cannot keep transcripts and codes")
	}
	if len(p.Touchpoints) == 0 {
		p.Touchpoints = Touchpoints
		if err := qs.UpdateProject(ctx, p); err != nil {
			return fmt.Errorf("demo touchpoints: %w", err)
		}
	}
	participant, err := ensureParticipants(ctx, qs, p.ID)
	if err != nil {
		return err
	}
	codeID, err := ensureCodes(ctx, qs, p.ID)
	if err != nil {
		return err
	}
	have, err := qs.Transcripts(ctx, p.ID)
	if err != nil {
		return err
	}
	for i, s := range sessions {
		if slices.ContainsFunc(have, func(t *survey.Transcript) bool { return t.Title == s.Title }) {
			continue
		}
		t := s.transcript(0, participant)
		t.ID, t.ProjectID = 0, p.ID
		if s.Kind == survey.KindInterview {
			// Notes are about one participant: the first line's speaker.
			err = qs.CreateInterview(ctx, t, *participant[s.Lines[0].Speaker], 0)
		} else {
			err = createCodedTranscript(ctx, qs, t, codeID)
		}
		if err != nil {
			return fmt.Errorf("demo session %d: %w", i+1, err)
		}
		res.Transcripts++
	}
	n, err := codeAnswers(ctx, qs, p.ID, codeID)
	res.Codings += n
	return err
}

func ensureParticipants(ctx context.Context, qs qualStore, projectID int64) (map[string]*int64, error) {
	have, err := qs.Participants(ctx, projectID)
	if err != nil {
		return nil, err
	}
	ids := map[string]*int64{}
	for _, pt := range have {
		ids[pt.Pseudonym] = &pt.ID
	}
	for _, pp := range people {
		if ids[pp.Pseudonym] != nil {
			continue
		}
		pt := &survey.Participant{ProjectID: projectID, Pseudonym: pp.Pseudonym, Attributes: pp.Attrs}
		if err := qs.CreateParticipant(ctx, pt); err != nil {
			return nil, fmt.Errorf("demo participant %s: %w", pp.Pseudonym, err)
		}
		ids[pp.Pseudonym] = &pt.ID
	}
	return ids, nil
}

func ensureCodes(ctx context.Context, qs qualStore, projectID int64) (map[string]int64, error) {
	have, err := qs.Codes(ctx, projectID)
	if err != nil {
		return nil, err
	}
	ids := map[string]int64{}
	for _, c := range have {
		ids[c.Name] = c.ID
	}
	for _, c := range codebook {
		if ids[c.Name] != 0 {
			continue
		}
		c.ProjectID = projectID
		if err := qs.CreateCode(ctx, &c); err != nil {
			return nil, fmt.Errorf("demo code %q: %w", c.Name, err)
		}
		ids[c.Name] = c.ID
	}
	return ids, nil
}

// createCodedTranscript stores t, then codes its turns as the session
// says (the store gives utterance ids only on reading back).
func createCodedTranscript(ctx context.Context, qs qualStore, t *survey.Transcript, codeID map[string]int64) error {
	if err := qs.CreateTranscript(ctx, t); err != nil {
		return err
	}
	stored, err := qs.Transcript(ctx, t.ID)
	if err != nil {
		return err
	}
	for _, u := range stored.Utterances {
		for _, name := range t.Utterances[u.Order-1].Codes {
			k := &survey.Coding{ProjectID: t.ProjectID, CodeID: codeID[name], Source: survey.SourceUtterance, UtteranceID: u.ID}
			if err := qs.ApplyCode(ctx, k); err != nil {
				return fmt.Errorf("code %q: %w", name, err)
			}
		}
	}
	return nil
}

// codeAnswers codes the first few open answers of each language that say
// a topic (see Topics) with its code, once: a project whose answers
// carry any code is left as the researcher made it.
func codeAnswers(ctx context.Context, qs qualStore, projectID int64, codeID map[string]int64) (int, error) {
	coded, err := qs.CodedPassages(ctx, projectID, 0)
	if err != nil {
		return 0, err
	}
	if slices.ContainsFunc(coded, func(cp survey.CodedPassage) bool { return cp.Source == survey.SourceAnswer }) {
		return 0, nil
	}
	var todo []*survey.Coding
	taken := map[string]int{} // code + language -> answers coded
	done := map[string]int{}  // language -> answers coded
	full := answersPerCode * len(codeTopics)
	err = qs.EachPassage(ctx, projectID, func(ps survey.Passage) error {
		if ps.Source != survey.SourceAnswer || ps.QuestionID != "problem" {
			return nil
		}
		// Reading a text for its topics is the slow part: a language
		// whose codes all have their answers is not read again.
		if fa, en := scripts(ps.Text); (!fa || done["fa"] == full) && (!en || done["en"] == full) {
			return nil
		}
		says := sayings(ps.Text)
		for name, key := range codeTopics {
			for _, s := range says {
				if s.key != key || taken[name+s.lang] == answersPerCode {
					continue
				}
				taken[name+s.lang]++
				done[s.lang]++
				todo = append(todo, &survey.Coding{ProjectID: projectID, CodeID: codeID[name], Source: survey.SourceAnswer, ResponseID: ps.ResponseID, QuestionID: ps.QuestionID})
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, k := range todo {
		if err := qs.ApplyCode(ctx, k); err != nil {
			return 0, fmt.Errorf("demo answer coding: %w", err)
		}
	}
	return len(todo), nil
}
