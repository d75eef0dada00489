package web

import (
	"strings"
	"testing"
	"time"
)

// A job that analyses afresh tells, in the reader's language, each phase
// with its counts: responses read, the analysis step, rows written; its
// progress never goes back and stays below 1 until it is finished.
func TestReportJobPhases(t *testing.T) {
	var jobs reportJobs
	j, started := jobs.start("survey:x", "en", 1000, true, time.Now())
	if !started {
		t.Fatal("job not started")
	}
	type want struct{ en, fa string }
	last := -1.0
	for _, tc := range []struct {
		name string
		step func()
		want want
	}{
		{"start", func() {}, want{"reading responses: 0 of 1000", "خواندن پاسخ‌ها: 0 از 1000"}},
		{"reading", func() { j.read.Store(400) }, want{"reading responses: 400 of 1000", "خواندن پاسخ‌ها: 400 از 1000"}},
		{"personas", func() { j.read.Store(1000); j.analysed.Store(200); j.setPhase("personas") },
			want{"analysing: segmenting personas (1000 responses)", "(1000 پاسخ)"}},
		{"journeys", func() { j.analysed.Store(900); j.setPhase("journeys") }, want{"building touchpoints and journeys", "تحلیل: "}},
		{"workbook", func() { j.analysed.Store(1000); j.setPhase(""); j.done.Store(250) }, want{"250 of 1000 responses written", "250 از 1000"}},
	} {
		tc.step()
		if got := j.Step("en"); !strings.Contains(got, tc.want.en) {
			t.Errorf("%s: en step %q, want %q", tc.name, got, tc.want.en)
		}
		if got := j.Step("fa"); !strings.Contains(got, tc.want.fa) {
			t.Errorf("%s: fa step %q, want %q", tc.name, got, tc.want.fa)
		}
		p := j.Progress()
		if p < last || p >= 1 {
			t.Errorf("%s: progress %.3f after %.3f", tc.name, p, last)
		}
		last = p
	}
	j.finish("", 0, nil)
	if p := j.Progress(); p != 1 {
		t.Errorf("finished progress %.3f", p)
	}
	// A job from a stored analysis only writes: its progress is the rows.
	k, _ := jobs.start("survey:y", "en", 100, false, time.Now())
	k.done.Store(50)
	if p, s := k.Progress(), k.Step("en"); p != 0.5 || s != "50 of 100 responses written" {
		t.Errorf("stored job: progress %.2f, step %q", p, s)
	}
}
