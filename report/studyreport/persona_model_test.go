package studyreport

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/internal/officetest"
	"github.com/safarhq/safar/report"
	"github.com/safarhq/safar/study"
	"github.com/xuri/excelize/v2"
)

// analyzeDemo analyses the demo surveys with perSurvey responses each.
func analyzeDemo(t *testing.T, perSurvey int) *study.Result {
	t.Helper()
	return analyze(t, demoInput(t, perSurvey))
}

// demoInput is the demo project with perSurvey responses in each survey.
func demoInput(t *testing.T, perSurvey int) study.Input {
	t.Helper()
	defs, err := demo.Definitions()
	if err != nil {
		t.Fatal(err)
	}
	in := study.Input{Name: "demo", Title: "Demo"}
	for i, d := range defs {
		rs, err := demo.Responses(d, perSurvey, uint64(101+i))
		if err != nil {
			t.Fatal(err)
		}
		for j, r := range rs {
			r.ID = fmt.Sprintf("%s-%d", d.Slug, j)
		}
		in.Surveys = append(in.Surveys, study.SurveyData{Slug: d.Slug, Definition: d, Responses: rs})
	}
	return in
}

func analyze(t *testing.T, in study.Input) *study.Result {
	t.Helper()
	res, err := study.Analyze(context.Background(), in, study.Options{Seed: 1, Bootstrap: 3})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestPersonaModel checks how far to trust the personas reaches the
// (Persian) workbook: on the demo's few hundred respondents the model saw them all;
// above 5,000 automatic k compared its candidates on a 5,000-row subsample.
func TestPersonaModel(t *testing.T) {
	for _, tc := range []struct {
		perSurvey, subsample int
	}{{demo.ResponsesPerSurvey, 0}, {3000, 5000}} {
		t.Run(fmt.Sprint(tc.perSurvey), func(t *testing.T) {
			if testing.Short() && tc.subsample > 0 {
				t.Skip("fits more than 5,000 respondents")
			}
			res := analyzeDemo(t, tc.perSurvey)
			pr, q := res.Personas, res.Personas.Quality
			d := Data(res, study.Input{}, nil, time.Time{})
			m := d.PersonaModel
			if m == nil {
				t.Fatal("no persona model")
			}
			if m.Respondents != res.Study.Responses || m.Subsample != tc.subsample {
				t.Errorf("fitted on %d with subsample %d, want %d respondents with subsample %d",
					m.Respondents, m.Subsample, res.Study.Responses, tc.subsample)
			}
			// The search runs from k=2 until BIC rises at two consecutive k
			// (cluster.Auto), at most to 8.
			if m.K != pr.K || m.KMin != 2 || m.KMax < m.K || m.KMax > 8 || m.KFallback || m.Entropy != q.Entropy {
				t.Errorf("k %d (%d..%d, fallback %v) entropy %v; want k %d by BIC over 2..8 at most, entropy %v",
					m.K, m.KMin, m.KMax, m.KFallback, m.Entropy, pr.K, q.Entropy)
			}
			s := m.Stability
			if s == nil || s.Resamples != 3 || s.MeanARI != q.Stability.MeanARI || s.MinARI != q.Stability.MinARI ||
				s.MaxARI < s.MeanARI || s.Verdict == "" || s.Verdict != verdicts[q.Reading()] {
				t.Errorf("stability %+v from %+v (%s)", s, q.Stability, q.Reading())
			}

			var buf bytes.Buffer
			if err := report.Write(&buf, d); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if d.Study.Language != "fa" {
				t.Fatalf("demo language %q, want fa", d.Study.Language)
			}
			want := map[string]string{
				"A7": "پاسخ‌دهندگان در مدل", "B7": fmt.Sprint(res.Study.Responses),
				"A8": "", "B8": "", "A9": pr.Personas[0].Name,
			}
			if tc.subsample > 0 {
				want["A8"], want["B8"], want["A9"], want["A10"] = "انتخاب k روی زیرنمونه‌ای از", "5000", "", pr.Personas[0].Name
			}
			for ref, w := range want {
				if got, _ := f.GetCellValue("پرسوناها", ref, excelize.Options{RawCellValue: true}); officetest.Plain(got) != w {
					t.Errorf("پرسوناها!%s = %q, want %q", ref, got, w)
				}
			}
		})
	}
}
