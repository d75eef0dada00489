package report

import (
	"fmt"
	"strings"
	"time"
)

// summary is the one-glance sheet: the study, its dates (Jalali too for
// Persian projects), counts, headline metrics, top pain points and personas.
func (b *book) summary() {
	sh, lb, s := b.lb.SheetSummary, b.lb, b.data.Study
	title := s.Title
	if strings.TrimSpace(title) == "" {
		title = lb.Study
	}
	b.width(sh, 1, 1, 30)
	b.width(sh, 2, 2, 40)
	b.width(sh, 3, 5, 16)
	// A long study title wraps inside A1:E1 instead of running off the page.
	b.text(sh, 1, 1, title, b.st.titleWrap)
	b.mergeRow(sh, 1, 1, 5)
	b.fitRowAt(sh, 1, 1, 5, title, titleScale)
	row := 3
	kv := func(label string) { b.text(sh, 1, row, label, b.st.label) }
	kv(lb.Project)
	b.wrapped(sh, row, 2, 2, s.Project, b.st.wrap)
	row++
	kv(lb.Language)
	b.text(sh, 2, row, lb.LanguageName, 0)
	row++
	kv(lb.Generated)
	b.date(sh, 2, row, s.Generated, b.st.datetime)
	row++
	if b.fa {
		kv(lb.GeneratedJalali)
		b.jalali(sh, 2, row, s.Generated)
		row++
	}
	kv(lb.Period)
	b.date(sh, 2, row, s.From, b.st.date)
	b.date(sh, 3, row, s.To, b.st.date)
	row++
	if b.fa {
		kv(lb.PeriodJalali)
		b.jalali(sh, 2, row, s.From)
		b.jalali(sh, 3, row, s.To)
		row++
	}
	for _, c := range []struct {
		label string
		n     int
	}{{lb.Responses, s.Responses}, {lb.Interviews, s.Interviews}, {lb.Transcripts, s.Transcripts}} {
		kv(c.label)
		b.num(sh, 2, row, c.n, b.st.integer)
		row++
	}

	row++
	b.title(sh, 1, row, lb.HeadlineMetrics)
	row++
	metrics := []struct {
		label string
		m     *Metric
	}{{lb.NPS, b.data.Metrics.NPS}, {lb.CSAT, b.data.Metrics.CSAT}, {lb.Effort, b.data.Metrics.Effort}}
	any := false
	for _, m := range metrics {
		any = any || m.m != nil
	}
	if !any {
		b.text(sh, 1, row, lb.NoData, b.st.note)
		row++
	} else {
		b.header(sh, 1, row, lb.Metric, lb.Value, lb.CILow, lb.CIHigh, lb.N)
		row++
		for _, m := range metrics {
			if m.m == nil {
				continue
			}
			b.text(sh, 1, row, m.label, 0)
			b.num(sh, 2, row, m.m.Value, b.st.float)
			b.num(sh, 3, row, m.m.Low, b.st.float)
			b.num(sh, 4, row, m.m.High, b.st.float)
			b.num(sh, 5, row, m.m.N, b.st.integer)
			row++
		}
	}

	row++
	b.title(sh, 1, row, lb.TopPainPoints)
	row++
	if len(b.data.PainPoints) == 0 {
		b.text(sh, 1, row, lb.NoPainPoints, b.st.note)
		row++
	} else {
		b.header(sh, 1, row, lb.Rank, lb.Label, lb.Reach, lb.Share, lb.Priority)
		row++
		for _, p := range b.data.PainPoints[:min(5, len(b.data.PainPoints))] {
			b.num(sh, 1, row, p.Rank, b.st.integer)
			b.wrapped(sh, row, 2, 2, p.Label, b.st.wrap)
			b.num(sh, 3, row, p.Documents, b.st.integer)
			b.num(sh, 4, row, p.Share, b.st.pct)
			b.num(sh, 5, row, p.Priority, b.st.float)
			row++
		}
	}

	row++
	b.title(sh, 1, row, lb.PersonasAtGlance)
	row++
	if len(b.data.Personas) == 0 {
		b.text(sh, 1, row, lb.NoPersonas, b.st.note)
	} else {
		b.header(sh, 1, row, lb.Persona, lb.Size, lb.Share)
		b.wrapped(sh, row, 4, 5, lb.Traits, b.st.header)
		row++
		for _, p := range b.data.Personas {
			b.wrapped(sh, row, 1, 1, b.personaName(p.ID), b.st.wrap)
			b.num(sh, 2, row, p.Size, b.st.integer)
			b.num(sh, 3, row, p.Share, b.st.pct)
			b.wrapped(sh, row, 4, 5, b.traitSummary(p.Traits, 3), b.st.wrap)
			row++
		}
		if m := b.data.PersonaModel; m != nil {
			row++
			b.text(sh, 1, row, lb.Stability, b.st.label)
			if m.Stability != nil {
				b.num(sh, 2, row, m.Stability.MeanARI, b.st.float)
			}
			b.wrapped(sh, row, 3, 5, b.verdict(m), b.st.wrap)
		}
	}
}

// traitSummary gives the first n traits as "Column: Value (×lift)" lines.
func (b *book) traitSummary(ts []Trait, n int) string {
	var lines []string
	for _, t := range ts[:min(n, len(ts))] {
		lines = append(lines, t.Column+": "+b.lb.yesNo(t.Value)+" (×"+b.digits(fmt.Sprintf("%.1f", t.Lift))+")")
	}
	return join(lines)
}

func (b *book) mergeRow(sheet string, row, from, to int) {
	if b.err == nil {
		b.setErr(b.f.MergeCell(sheet, cell(from, row), cell(to, row)))
	}
}

// date writes t as a date cell, or nothing when t is zero.
func (b *book) date(sheet string, col, row int, t time.Time, style int) {
	if t.IsZero() {
		return
	}
	// Excel has no time zones: show the wall clock of t's own location.
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	b.num(sheet, col, row, wall, style)
}

func (b *book) jalali(sheet string, col, row int, t time.Time) {
	if t.IsZero() {
		return
	}
	b.text(sheet, col, row, ToJalali(t).Persian(), 0)
}

// digits shows digits the workbook generated itself (never respondent text)
// in Persian digits for a Persian workbook.
func (b *book) digits(s string) string {
	if b.fa {
		return persianDigits(s)
	}
	return s
}
