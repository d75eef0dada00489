package gormstore_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
)

func TestTwoCodersAndOrigins(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		tr := &survey.Transcript{ProjectID: sv.ProjectID, Kind: survey.KindTranscript, Title: "i.txt",
			Utterances: []survey.Utterance{{Order: 1, Speaker: "Ali", Text: "The queue was long"}}}
		if err := s.CreateTranscript(ctx, tr); err != nil {
			t.Fatal(err)
		}
		if tr.Utterances[0].ID == 0 {
			t.Fatal("CreateTranscript did not set the utterance id")
		}
		code := &survey.Code{ProjectID: sv.ProjectID, Name: "wait"}
		if err := s.CreateCode(ctx, code); err != nil {
			t.Fatal(err)
		}
		for _, k := range []survey.Coding{
			{CreatedBy: 1},
			{CreatedBy: 1}, // the same coder again: no-op
			{CreatedBy: 2, Origin: survey.OriginSuggested, Confidence: 0.8},
		} {
			k.ProjectID, k.CodeID, k.Source, k.UtteranceID = sv.ProjectID, code.ID, survey.SourceUtterance, tr.Utterances[0].ID
			if err := s.ApplyCode(ctx, &k); err != nil {
				t.Fatal(err)
			}
		}
		ps, err := s.CodedPassages(ctx, sv.ProjectID, code.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 2 {
			t.Fatalf("codings = %d; want one per coder", len(ps))
		}
		byCoder := map[int64]survey.CodedPassage{}
		for _, p := range ps {
			byCoder[p.CreatedBy] = p
		}
		if byCoder[1].Origin != survey.OriginManual || byCoder[2].Origin != survey.OriginSuggested || byCoder[2].Confidence != 0.8 {
			t.Errorf("origins = %q, %q (%.1f); want manual, suggested (0.8)", byCoder[1].Origin, byCoder[2].Origin, byCoder[2].Confidence)
		}
		codes, _ := s.Codes(ctx, sv.ProjectID)
		if codes[0].Uses != 1 {
			t.Errorf("uses = %d; want 1 (one passage, two coders)", codes[0].Uses)
		}
		bad := survey.Coding{ProjectID: sv.ProjectID, CodeID: code.ID, Source: survey.SourceUtterance, UtteranceID: tr.Utterances[0].ID, Origin: "magic"}
		if err := s.ApplyCode(ctx, &bad); !errors.Is(err, survey.ErrInvalid) {
			t.Errorf("unknown origin: err = %v; want ErrInvalid", err)
		}
	})
}

func TestImportCodingAllOrNothing(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		existing := &survey.Code{ProjectID: sv.ProjectID, Name: "price", Group: survey.GroupPainPoint, Description: "kept"}
		if err := s.CreateCode(ctx, existing); err != nil {
			t.Fatal(err)
		}
		imp := func() *survey.CodingImport {
			return &survey.CodingImport{ProjectID: sv.ProjectID, UserID: 7,
				Codes: []survey.Code{{Name: "price", Group: survey.GroupOther}, {Name: "صف", Group: survey.GroupPainPoint}},
				Transcripts: []*survey.Transcript{{Kind: survey.KindTranscript, Title: "nvivo.txt", Format: "qdpx",
					Utterances: []survey.Utterance{{Order: 1, Speaker: "A", Text: "too expensive"}, {Order: 2, Speaker: "B", Text: "صف طولانی بود"}}}},
				Codings: []survey.ImportedCoding{{Code: "price"}, {Code: "صف", Utterance: 1, SpanStart: 0, SpanEnd: 2}},
			}
		}
		tests := []struct {
			name  string
			spoil func(*survey.CodingImport)
			want  string
		}{
			{"unknown code", func(i *survey.CodingImport) { i.Codings[1].Code = "nope" }, "not in the codebook"},
			{"line out of range", func(i *survey.CodingImport) { i.Codings[1].Utterance = 5 }, "line 6"},
			{"bad code name", func(i *survey.CodingImport) { i.Codes[1].Name = strings.Repeat("x", 101) }, "name"},
			{"bad span", func(i *survey.CodingImport) { i.Codings[1].SpanStart = 3 }, "span"},
		}
		for _, tt := range tests {
			bad := imp()
			tt.spoil(bad)
			if err := s.ImportCoding(ctx, bad); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s: err = %v; want it to mention %q", tt.name, err, tt.want)
			}
		}
		if ts, _ := s.Transcripts(ctx, sv.ProjectID); len(ts) != 0 {
			t.Fatalf("failed imports left %d transcripts", len(ts))
		}
		if err := s.ImportCoding(ctx, imp()); err != nil {
			t.Fatal(err)
		}
		codes, _ := s.Codes(ctx, sv.ProjectID)
		if len(codes) != 2 {
			t.Fatalf("codes = %+v; want price and صف", codes)
		}
		ps, _ := s.CodedPassages(ctx, sv.ProjectID, 0)
		if len(ps) != 2 {
			t.Fatalf("coded passages = %d; want 2", len(ps))
		}
		for _, p := range ps {
			if p.Origin != survey.OriginImported || p.CreatedBy != 7 {
				t.Errorf("coding %+v; want imported by user 7", p.Coding)
			}
			if p.Code.Name == "price" && p.Code.Description != "kept" {
				t.Errorf("existing code overwritten: %+v", p.Code)
			}
			if p.Code.Name == "صف" && p.Quote != "صف" {
				t.Errorf("span quote = %q; want صف", p.Quote)
			}
		}
	})
}

// TestMigration0010OnAnOldDatabase rebuilds the codings table as 0005 made
// it (one coding per passage and code, whoever coded it) with a coding in
// it, and checks that opening the store upgrades it for two coders.
func TestMigration0010OnAnOldDatabase(t *testing.T) {
	path := t.TempDir() + "/old.db"
	ctx := context.Background()
	s, err := gormstore.Open(ctx, path, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sv := mustCreateSurvey(t, s, survey.Published)
	tr := &survey.Transcript{ProjectID: sv.ProjectID, Kind: survey.KindTranscript, Title: "i.txt", Utterances: []survey.Utterance{{Order: 1, Text: "slow"}}}
	code := &survey.Code{ProjectID: sv.ProjectID, Name: "wait"}
	if err := s.CreateTranscript(ctx, tr); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateCode(ctx, code); err != nil {
		t.Fatal(err)
	}
	db := s.DB()
	for _, stmt := range []string{
		"DROP INDEX ux_codings_coder", "ALTER TABLE codings DROP COLUMN origin", "ALTER TABLE codings DROP COLUMN confidence",
		"CREATE UNIQUE INDEX ux_codings_passage ON codings (code_id, source, utterance_id, response_id, question_id, span_start, span_end)",
		"DELETE FROM schema_migrations WHERE id = '0010_coding_coders'",
	} {
		if err := db.Exec(stmt).Error; err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	if err := db.Exec("INSERT INTO codings (project_id, code_id, source, utterance_id, created_by, created_at) VALUES (?, ?, 'utterance', ?, 1, CURRENT_TIMESTAMP)",
		sv.ProjectID, code.ID, tr.Utterances[0].ID).Error; err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = gormstore.Open(ctx, path, gormstore.Options{}); err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	k := &survey.Coding{ProjectID: sv.ProjectID, CodeID: code.ID, Source: survey.SourceUtterance, UtteranceID: tr.Utterances[0].ID, CreatedBy: 2}
	if err := s.ApplyCode(ctx, k); err != nil {
		t.Fatal(err)
	}
	ps, err := s.CodedPassages(ctx, sv.ProjectID, code.ID)
	if err != nil || len(ps) != 2 || ps[0].Origin != survey.OriginManual {
		t.Fatalf("after 0010: %d codings (%v), first origin %q; want the old one (manual) and the second coder's", len(ps), err, ps[0].Origin)
	}
}

func TestRejectionsAndBulkApply(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		tr := &survey.Transcript{ProjectID: sv.ProjectID, Kind: survey.KindTranscript, Title: "i.txt",
			Utterances: []survey.Utterance{{Order: 1, Text: "slow"}, {Order: 2, Text: "pricey"}}}
		if err := s.CreateTranscript(ctx, tr); err != nil {
			t.Fatal(err)
		}
		code := &survey.Code{ProjectID: sv.ProjectID, Name: "wait"}
		if err := s.CreateCode(ctx, code); err != nil {
			t.Fatal(err)
		}
		k := func(i int) *survey.Coding {
			return &survey.Coding{ProjectID: sv.ProjectID, CodeID: code.ID, Source: survey.SourceUtterance, UtteranceID: tr.Utterances[i].ID, CreatedBy: 1, Origin: survey.OriginSuggested, Confidence: 0.9}
		}
		if err := s.RejectSuggestion(ctx, k(1)); err != nil {
			t.Fatal(err)
		}
		if err := s.RejectSuggestion(ctx, k(1)); err != nil {
			t.Fatalf("rejecting twice: %v", err)
		}
		rs, _ := s.RejectedSuggestions(ctx, sv.ProjectID)
		if len(rs) != 1 || rs[0].UtteranceID != tr.Utterances[1].ID {
			t.Fatalf("rejections = %+v", rs)
		}
		bad := k(0)
		bad.UtteranceID = 999999
		if err := s.ApplyCodes(ctx, []*survey.Coding{k(0), bad}); !errors.Is(err, survey.ErrNotFound) {
			t.Fatalf("bulk with a bad passage: err = %v; want ErrNotFound", err)
		}
		if ps, _ := s.CodedPassages(ctx, sv.ProjectID, 0); len(ps) != 0 {
			t.Fatalf("a failed bulk stored %d codings", len(ps))
		}
		if err := s.ApplyCodes(ctx, []*survey.Coding{k(0), k(1)}); err != nil {
			t.Fatal(err)
		}
		if ps, _ := s.CodedPassages(ctx, sv.ProjectID, 0); len(ps) != 2 {
			t.Fatalf("bulk stored %d codings; want 2", len(ps))
		}
	})
}

func TestCodingMakesTheAnalysisStale(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		tr := &survey.Transcript{ProjectID: sv.ProjectID, Kind: survey.KindTranscript, Title: "i.txt", Utterances: []survey.Utterance{{Order: 1, Text: "slow"}}}
		if err := s.CreateTranscript(ctx, tr); err != nil {
			t.Fatal(err)
		}
		scopes := []survey.AnalysisScope{{ProjectID: sv.ProjectID}, {Survey: sv.Slug}}
		before := make([]string, len(scopes))
		for i, sc := range scopes {
			before[i], _ = s.AnalysisDataVersion(ctx, sc)
		}
		code := &survey.Code{ProjectID: sv.ProjectID, Name: "wait"}
		if err := s.CreateCode(ctx, code); err != nil {
			t.Fatal(err)
		}
		if err := s.ApplyCode(ctx, &survey.Coding{ProjectID: sv.ProjectID, CodeID: code.ID, Source: survey.SourceUtterance, UtteranceID: tr.Utterances[0].ID}); err != nil {
			t.Fatal(err)
		}
		for i, sc := range scopes {
			if after, err := s.AnalysisDataVersion(ctx, sc); err != nil || after == before[i] {
				t.Errorf("%+v: version %q before and %q after coding (%v); want a change", sc, before[i], after, err)
			}
		}
	})
}
