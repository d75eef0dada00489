package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
)

var rowBreak = regexp.MustCompile(`<brk id="(\d+)"`)

// TestSummaryTablesStayWhole: with enough personas that the Summary runs
// past one printed page, no table is cut by a page break (a break after
// row n starts the next page at n+1), and the page set-up is A4 landscape,
// one page wide, with a print area.
func TestSummaryTablesStayWhole(t *testing.T) {
	d := fixture("en")
	for i := 3; i <= 7; i++ {
		d.Personas = append(d.Personas, Persona{ID: i, Name: fmt.Sprintf("Persona with a long name number %d", i), Size: 10, Share: 0.04,
			Traits: []Trait{{Column: "Where do you usually buy from us?", Value: "our store on the high street", Lift: 2.5},
				{Column: "How often do you order?", Value: "every week", Lift: 1.5}}})
	}
	raw := mustWrite(t, d)
	f := mustOpen(t, raw)
	sh := "Summary"
	var breaks []int
	for _, m := range rowBreak.FindAllStringSubmatch(string(unzip(t, raw)["xl/worksheets/sheet1.xml"]), -1) {
		n, _ := strconv.Atoi(m[1])
		breaks = append(breaks, n)
	}
	if len(breaks) == 0 {
		t.Fatal("a Summary longer than a page has no page break")
	}
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	last := len(rows) // the personas table ends the sheet
	for _, tbl := range []struct{ from, to int }{
		{rowOf(t, f, sh, "Headline metrics"), rowOf(t, f, sh, "Top pain points") - 2},
		{rowOf(t, f, sh, "Top pain points"), rowOf(t, f, sh, "Personas at a glance") - 2},
		{rowOf(t, f, sh, "Personas at a glance"), last},
	} {
		for _, b := range breaks {
			if b >= tbl.from && b < tbl.to {
				t.Errorf("page break after row %d cuts the table in rows %d-%d (breaks %v)", b, tbl.from, tbl.to, breaks)
			}
		}
	}
	layout, err := f.GetPageLayout(sh)
	if err != nil {
		t.Fatal(err)
	}
	if *layout.Orientation != "landscape" || *layout.Size != paperA4 || *layout.FitToWidth != 1 {
		t.Errorf("page layout %s, A4=%d, fit to width %d", *layout.Orientation, *layout.Size, *layout.FitToWidth)
	}
	area := f.GetDefinedName()
	want := fmt.Sprintf("'Summary'!$A$1:$E$%d", last)
	found := false
	for _, n := range area {
		found = found || (n.Name == "_xlnm.Print_Area" && n.Scope == sh && n.RefersTo == want)
	}
	if !found {
		t.Errorf("no print area %s among %+v", want, area)
	}
}

// TestChartsShareTheirTablesPage: on the Charts sheet a chart prints on the
// page of the table it plots, a top-ten pain-point table and an emotion
// table of six stages under wrapped persona names included: the only page
// breaks are the ones that start each section (the demo printed each of
// those tables alone on a page, its chart on the next).
func TestChartsShareTheirTablesPage(t *testing.T) {
	d := fixture("en")
	for i := len(d.PainPoints); i < 10; i++ {
		d.PainPoints = append(d.PainPoints, PainPoint{Rank: i + 1, Label: fmt.Sprintf("pain point %d", i+1), Documents: 10, Share: 0.01, Priority: 0.01})
	}
	for i := range d.Personas {
		d.Personas[i].Name = "Instagram, Low prices and discounts, Instagram direct messages"
	}
	for i := range d.Journeys {
		for len(d.Journeys[i].Stages) < 6 {
			d.Journeys[i].Stages = append(d.Journeys[i].Stages, JourneyStage{Stage: fmt.Sprintf("Stage %d", len(d.Journeys[i].Stages)+1), Emotion: ptr(50.0)})
		}
	}
	raw := mustWrite(t, d)
	f := mustOpen(t, raw)
	sheet := ""
	for i, name := range f.GetSheetList() {
		if name == "Charts" {
			sheet = fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		}
	}
	var breaks []int
	for _, m := range rowBreak.FindAllStringSubmatch(string(unzip(t, raw)[sheet]), -1) {
		n, _ := strconv.Atoi(m[1])
		breaks = append(breaks, n+1) // the row that starts the page
	}
	sections := []int{rowOf(t, f, "Charts", "Persona shares"), rowOf(t, f, "Charts", "Emotion curve")}
	if fmt.Sprint(breaks) != fmt.Sprint(sections) {
		t.Errorf("Charts pages start at rows %v, want only the sections' %v", breaks, sections)
	}
}

// TestPersonaCardsBreakBetweenParts: a persona card taller than a printed
// page is broken between its parts, never inside its traits table or its
// lists of goals, pain points and quotes (a card's last pain point printed
// alone at the top of the next page), whatever the card's length up to a
// traits table of a page.
func TestPersonaCardsBreakBetweenParts(t *testing.T) {
	for traits := 5; traits <= 20; traits++ {
		d := fixture("en")
		p := &d.Personas[0]
		p.Traits = nil
		for i := range traits {
			p.Traits = append(p.Traits, Trait{Column: fmt.Sprintf("question %d", i+1), Value: "yes", Share: 0.5, RestShare: 0.2, Lift: 2.5})
		}
		p.PainPoints = []string{"slow delivery", "app crashes at checkout", "rude support", "no stock", "coupon refused", "late refund"}
		p.Quotes = []string{"It came late.", "The app crashed twice.", "Nobody answered.", "It was out of stock.", "My coupon was refused.", "The refund took a month."}
		raw := mustWrite(t, d)
		f := mustOpen(t, raw)
		sh := "Personas"
		sheet := ""
		for i, name := range f.GetSheetList() {
			if name == sh {
				sheet = fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
			}
		}
		var breaks []int // a page ends after each of these rows
		for _, m := range rowBreak.FindAllStringSubmatch(string(unzip(t, raw)[sheet]), -1) {
			n, _ := strconv.Atoi(m[1])
			breaks = append(breaks, n)
		}
		rows, _ := plainRows(f, sh)
		header := rowOf(t, f, sh, "Question") // the traits table: its header to its last trait
		parts := [][2]int{{header, header + traits}}
		for _, label := range []string{"Goals", "Pain points", "Quotes"} {
			from := rowOf(t, f, sh, label)
			to := from
			for to < len(rows) && len(rows[to]) > 1 && rows[to][0] == "" && rows[to][1] != "" {
				to++ // rows[to] is row to+1: an item under the label's
			}
			parts = append(parts, [2]int{from, to})
		}
		for _, pt := range parts {
			for _, b := range breaks {
				if b >= pt[0] && b < pt[1] {
					t.Errorf("%d traits: a page ends after row %d, inside rows %d-%d (breaks %v)", traits, b, pt[0], pt[1], breaks)
				}
			}
		}
	}
}

// TestPainPointsPrintReadable: the Pain points sheet's 13 columns printed
// fitted to one page wide came out at about 45% (5-point text). It prints
// on two pages across instead, the first holding what a client reads
// first (rank, label, reach, share, severity, priority, satisfaction gap),
// the second who, where and the quotes, each repeating the header row and
// the rank and label, at a scale of at least 70% where each page's columns
// fit the page; a band of pain points prints its pages across one after
// the other. No column is left out.
func TestPainPointsPrintReadable(t *testing.T) {
	for _, lang := range []string{"en", "fa"} {
		t.Run(lang, func(t *testing.T) {
			raw := mustWrite(t, fixture(lang))
			f := mustOpen(t, raw)
			sh := labelsFor(lang).SheetPainPoints
			header, err := f.GetRows(sh)
			if err != nil || len(header) == 0 || len(header[0]) != 13 {
				t.Fatalf("header %v, %v: want the 13 columns", header, err)
			}
			layout, err := f.GetPageLayout(sh)
			if err != nil {
				t.Fatal(err)
			}
			if layout.FitToWidth != nil && *layout.FitToWidth > 0 {
				props, _ := f.GetSheetProps(sh)
				if props.FitToPage != nil && *props.FitToPage {
					t.Errorf("fitted to %d page wide: prints at a fraction of its size", *layout.FitToWidth)
				}
			}
			scale := 100.0
			if layout.AdjustTo != nil && *layout.AdjustTo != 0 {
				scale = float64(*layout.AdjustTo)
			}
			if scale < 70 {
				t.Errorf("printed at %.0f%%", scale)
			}
			if layout.PageOrder == nil || *layout.PageOrder != "overThenDown" {
				t.Errorf("page order %v: a band's pages across should follow one another", layout.PageOrder)
			}
			xml := string(unzip(t, raw)["xl/worksheets/sheet3.xml"])
			cols := regexp.MustCompile(`<colBreaks[^>]*>(.*?)</colBreaks>`).FindStringSubmatch(xml)
			if cols == nil {
				t.Fatal("no column page breaks")
			}
			starts := []int{1}
			for _, m := range rowBreak.FindAllStringSubmatch(cols[1], -1) {
				n, _ := strconv.Atoi(m[1])
				starts = append(starts, n+1) // a break after column n
			}
			starts = append(starts, 14)
			if len(starts) < 3 || len(starts) > 4 {
				t.Fatalf("page starts %v", starts)
			}
			width := func(from, to int) float64 {
				w := 0.0
				for c := from; c <= to; c++ {
					cw, err := f.GetColWidth(sh, colName(c))
					if err != nil {
						t.Fatal(err)
					}
					w += cw
				}
				return w
			}
			repeat := width(1, 2)
			for i := 0; i+1 < len(starts); i++ {
				w := width(starts[i], starts[i+1]-1)
				if i > 0 {
					w += repeat
				}
				if w*printedPointsPerWidth*scale/100 > pageWidth {
					t.Errorf("columns %d-%d with the rank and label: %.0f points at %.0f%% on a page %.0f wide", starts[i], starts[i+1]-1, w*printedPointsPerWidth*scale/100, scale, pageWidth)
				}
			}
			if starts[1] != 9 {
				t.Errorf("the first page across ends at column %d, want the satisfaction gap (8)", starts[1]-1)
			}
			want := fmt.Sprintf("%s!$A:$B,%s!$1:$1", quoteSheet(sh), quoteSheet(sh))
			found := false
			for _, n := range f.GetDefinedName() {
				found = found || (n.Name == "_xlnm.Print_Titles" && n.Scope == sh && n.RefersTo == want)
			}
			if !found {
				t.Errorf("no print titles %s among %+v", want, f.GetDefinedName())
			}
		})
	}
}

// TestTrustValuesBesideTheirLabels: the Personas sheet's "How far to trust
// these personas" values sit at the start of their cells, beside their
// labels, as the Summary's do: right-aligned, "7" ran into "chosen
// automatically: lowest BIC" and "0.79" into "lowest".
func TestTrustValuesBesideTheirLabels(t *testing.T) {
	for _, lang := range []string{"en", "fa"} {
		f := mustOpen(t, mustWrite(t, fixture(lang)))
		sh := labelsFor(lang).SheetPersonas
		want := "left"
		if lang == "fa" {
			want = "right"
		}
		checked := 0
		for row := 3; row <= 8; row++ {
			for _, col := range []int{2, 4, 6} {
				ref := cell(col, row)
				v, err := f.GetCellValue(sh, ref)
				if err != nil || v == "" {
					continue
				}
				if _, err := strconv.ParseFloat(officetestDigits(v), 64); err != nil {
					continue
				}
				id, _ := f.GetCellStyle(sh, ref)
				st, _ := f.GetStyle(id)
				if st.Alignment == nil || st.Alignment.Horizontal != want {
					t.Errorf("%s %s!%s %q: not at the start of its cell", lang, sh, ref, v)
				}
				checked++
			}
		}
		if checked < 4 {
			t.Fatalf("%s: only %d values read", lang, checked)
		}
	}
}

// officetestDigits maps Persian digits and separators to ASCII.
func officetestDigits(s string) string {
	return strings.NewReplacer("٫", ".", "٬", "").Replace(survey.NormalizeDigits(strings.ReplaceAll(s, ",", "")))
}
