package report

import (
	"fmt"
	"math"
	"strconv"
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
	// Widths: A holds the labels and the pain points, whose satisfaction
	// line ("Satisfaction 11 points below the others") fits on one line; B
	// the datetime made, quotes and traits; C the last day of the collection
	// period and CI bounds; D the pain points' share, whose header ("Share
	// of the 580 who wrote") fits on one line, so the top pain points stay
	// on the first page; E numbers.
	b.width(sh, 1, 1, 36)
	b.width(sh, 2, 2, 46)
	b.width(sh, 3, 3, 12)
	b.width(sh, 4, 4, 28)
	b.width(sh, 5, 5, 11)
	var blocks [][2]int // each table with its title, kept on one printed page
	// A long study title wraps inside A1:E1 instead of running off the page.
	b.text(sh, 1, 1, title, b.st.titleWrap)
	b.mergeRow(sh, 1, 1, 5)
	b.fitRowAt(sh, 1, 1, 5, title, titleScale)
	row := 3
	// A label longer than column A wraps ("Partial responses (Responses
	// sheet only)" had been cut off at the count beside it).
	kv := func(label string) { b.wrapped(sh, row, 1, 1, label, b.st.labelWrap) }
	if s.Survey {
		kv(lb.Survey)
	} else {
		kv(lb.Project)
	}
	b.wrapped(sh, row, 2, 2, s.Project, b.st.wrap)
	row++
	kv(lb.Language)
	b.text(sh, 2, row, lb.LanguageName, 0)
	row++
	kv(lb.Generated)
	b.date(sh, 2, row, s.Generated, b.st.datetimeStart)
	row++
	if b.fa {
		kv(lb.GeneratedJalali)
		b.jalali(sh, 2, row, s.Generated)
		row++
	}
	// Data without dates (a CSV of reviews) has no collection period: its
	// label stood over nothing.
	if !s.From.IsZero() || !s.To.IsZero() {
		kv(lb.Period)
		b.date(sh, 2, row, s.From, b.st.dateStart)
		b.date(sh, 3, row, s.To, b.st.dateStart)
		row++
		if b.fa {
			kv(lb.PeriodJalali)
			b.jalali(sh, 2, row, s.From)
			b.jalali(sh, 3, row, s.To)
			row++
		}
	}
	for _, c := range []struct {
		label string
		n     int
	}{{lb.Responses, s.Responses}, {lb.Partial, s.Partial}, {lb.Interviews, s.Interviews}, {lb.Transcripts, s.Transcripts}} {
		if c.n == 0 && c.label != lb.Responses {
			// Only complete responses, or no interviews or transcripts
			// (a CSV of reviews): nothing to tell the client.
			continue
		}
		kv(c.label)
		b.num(sh, 2, row, c.n, b.st.integerStart)
		row++
	}

	row++
	from := row
	b.title(sh, 1, row, lb.HeadlineMetrics)
	row++
	// NPS as a whole number, CSAT (a share) as a percentage, CES on its
	// scale with one decimal; the interval in the same format.
	metrics := []struct {
		label string
		m     *Metric
		style int
		share bool // a share (0-1), written by shareValue
	}{{lb.NPS, b.data.Metrics.NPS, b.st.whole, false}, {lb.CSAT, b.data.Metrics.CSAT, b.st.pctWhole, true}, {lb.Effort, b.data.Metrics.Effort, b.st.float1, false}}
	any := false
	for _, m := range metrics {
		any = any || m.m != nil
	}
	if !any {
		// Responses without a rating question (a CSV of feedback) are
		// data: what is missing is the question, not the data.
		note := lb.NoData
		if s.Responses > 0 {
			note = lb.NoMetrics
		}
		b.text(sh, 1, row, note, b.st.note)
		row++
	} else {
		b.header(sh, 1, row, lb.Metric, lb.Value, lb.CILow, lb.CIHigh, lb.N)
		row++
		for _, m := range metrics {
			if m.m == nil {
				continue
			}
			value := func(x float64) float64 {
				if m.share {
					return b.shareValue(x)
				}
				return x
			}
			b.text(sh, 1, row, m.label, b.st.text)
			b.num(sh, 2, row, value(m.m.Value), m.style)
			if m.m.N > 1 { // one answer has no interval: its ends would read as certainty
				b.num(sh, 3, row, value(m.m.Low), m.style)
				b.num(sh, 4, row, value(m.m.High), m.style)
			}
			b.num(sh, 5, row, m.m.N, b.st.integer)
			row++
		}
	}
	blocks = append(blocks, [2]int{from, row - 1})

	// Top pain points: each with the words of one respondent voicing it.
	row++
	from = row
	b.title(sh, 1, row, lb.TopPainPoints)
	row++
	if len(b.data.PainPoints) == 0 {
		b.text(sh, 1, row, lb.NoPainPoints, b.st.note)
		row++
	} else {
		b.header(sh, 1, row, lb.Label, lb.Quote, lb.Reach, b.painShare(), lb.Priority)
		row++
		for _, p := range b.data.PainPoints[:min(5, len(b.data.PainPoints))] {
			b.wrapped(sh, row, 1, 1, b.digits(fmt.Sprintf("%d. ", p.Rank))+p.Label+b.satisfactionGap(p), b.st.wrap)
			if len(p.Examples) > 0 {
				b.wrapped(sh, row, 2, 2, b.quote(p.Examples[0]), b.st.wrap)
			}
			b.num(sh, 3, row, p.Documents, b.st.integer)
			b.num(sh, 4, row, b.shareValue(p.Share), b.st.pct)
			b.num(sh, 5, row, p.Priority, b.st.float)
			row++
		}
	}
	blocks = append(blocks, [2]int{from, row - 1})

	row++
	from = row
	b.title(sh, 1, row, lb.PersonasAtGlance)
	row++
	if len(b.data.Personas) == 0 {
		b.text(sh, 1, row, lb.NoPersonas, b.st.note)
	} else {
		b.header(sh, 1, row, lb.Persona, lb.Traits, lb.Size, lb.Share)
		row++
		for _, p := range b.data.Personas {
			b.wrapped(sh, row, 1, 1, b.personaName(p.ID), b.st.wrap)
			b.wrapped(sh, row, 2, 2, b.traitSummary(p.Traits, 3), b.st.wrap)
			b.num(sh, 3, row, p.Size, b.st.integer)
			b.num(sh, 4, row, b.shareValue(p.Share), b.st.pct)
			row++
		}
		if m := b.data.PersonaModel; m != nil {
			row++
			b.text(sh, 1, row, lb.Stability, b.st.label)
			b.wrapped(sh, row, 2, 2, b.verdict(m), b.st.wrap)
			if m.Stability != nil {
				b.num(sh, 3, row, m.Stability.MeanARI, b.st.float)
			}
		}
	}
	blocks = append(blocks, [2]int{from, row})
	b.keepTogether(sh, b.sheetWidth(sh, 5), blocks)
}

// satisfactionGap is the line under a top pain point that says how much
// less (or more) satisfied the people voicing it are than everyone else who
// rated their satisfaction, as the Pain points sheet's column does; empty
// where that column is blank (no ratings, or an interval that holds 0) or
// the gap rounds to no points.
func (b *book) satisfactionGap(p PainPoint) string {
	if p.SatisfactionGap == nil {
		return ""
	}
	gap := math.Round(*p.SatisfactionGap)
	if gap == 0 {
		return ""
	}
	format := b.lb.MoreSatisfied
	if gap < 0 {
		format = b.lb.LessSatisfied
	}
	return "\n" + fmt.Sprintf(format, b.digits(strconv.Itoa(int(math.Abs(gap)))))
}

// traitSummary gives the first n traits as "Column: Value (×lift)" lines.
func (b *book) traitSummary(ts []Trait, n int) string {
	var lines []string
	for _, t := range ts[:min(n, len(ts))] {
		lines = append(lines, t.Column+": "+b.lb.yesNo(t.Value)+" (×"+b.decimal(fmt.Sprintf("%.1f", t.Lift))+")")
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

// Count is n as a count reads in a workbook in lang, as its number format
// #,##0 shows a count cell: grouped by thousands ("22,641"), in a Persian
// workbook with Persian digits and separator ("۲۲٬۶۴۱"). Generated text
// such as "Share of the 22641 who wrote" had printed it ungrouped beside
// grouped cells.
func Count(lang string, n int) string {
	s := strconv.Itoa(n)
	sep := ","
	if lang == "fa" {
		s, sep = persianDigits(s), "٬"
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	digits := []rune(s)
	var out strings.Builder
	if neg {
		out.WriteString("-")
	}
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			out.WriteString(sep)
		}
		out.WriteRune(d)
	}
	return out.String()
}

// decimal is digits for a number with a decimal point, which a Persian
// workbook writes as the Persian decimal separator (۲٫۳, as its number
// formats show numbers), not a full stop (۲.۳).
func (b *book) decimal(s string) string {
	if b.fa {
		return strings.Replace(persianDigits(s), ".", "٫", 1)
	}
	return s
}

// quote puts respondent words in the language's quotation marks.
func (b *book) quote(s string) string {
	if b.fa {
		return "«" + s + "»"
	}
	return "“" + s + "”"
}
