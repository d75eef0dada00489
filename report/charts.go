package report

import "github.com/xuri/excelize/v2"

// chartRows is the height, in rows, reserved for each chart on the Charts
// sheet; chartWidth its width in pixels, within the sheet's first five
// columns (36 + 4 x 16 width units, about 800 pixels), so it prints inside
// the page with its table. At 16 rows a top-ten pain-point table or an
// emotion table under wrapped persona names left no room for its chart,
// which went to the next page, the table alone on its own.
const (
	chartRows  = 14
	chartWidth = 720
)

// charts writes native Excel charts, each under the small table it plots and
// on a printed page of its own: pain-point priority (bar), persona shares
// (doughnut) and the emotion curve of every journey (line, one series per
// persona).
func (b *book) charts() {
	sh := b.lb.SheetCharts
	// Widths first: row heights are fitted to them and charts are anchored by them.
	b.width(sh, 1, 1, 36)
	b.width(sh, 2, 8, 16)
	row := 1
	row = b.priorityChart(sh, row)
	row = b.sharesChart(sh, row)
	b.emotionCurves(sh, row)
}

// section starts a new printed page with a section title and returns the
// first table row.
func (b *book) section(sheet string, row int, title string) int {
	b.pageBreak(sheet, row)
	b.title(sheet, 1, row, title)
	return row + 1
}

// chartBelow is where a chart goes under a table of n rows starting at row
// (a section begun at row-1), and the first row after the chart, which is
// chartRows rows of 15 points (20 pixels) tall. The chart goes on the
// table's page when both fit, else it starts the next page: a chart is
// never cut by a page break.
func (b *book) chartBelow(sheet string, row, n, cols int) (anchor string, next int) {
	at := row + n + 2
	b.reach(sheet, cols, at+chartRows)
	h := float64(chartRows * defaultRowHeight)
	for r := row - 1; r < at; r++ {
		h += b.rowHeight(sheet, r)
	}
	if h > b.pageOf(sheet, cols) {
		b.pageBreak(sheet, at)
	}
	return cell(1, at), at + chartRows + 1
}

func (b *book) priorityChart(sh string, row int) int {
	lb := b.lb
	row = b.section(sh, row, lb.PriorityChart)
	pps := b.data.PainPoints
	if len(pps) == 0 {
		b.text(sh, 1, row, lb.NoPainPoints, b.st.note)
		return row + 2
	}
	pps = pps[:min(10, len(pps))]
	b.header(sh, 1, row, lb.Label, lb.Priority)
	for i, p := range pps {
		b.wrapped(sh, row+1+i, 1, 1, p.Label, b.st.wrap)
		b.num(sh, 2, row+1+i, p.Priority, b.st.float)
	}
	first, last := row+1, row+len(pps)
	q := quoteSheet(sh)
	anchor, next := b.chartBelow(sh, row, len(pps), 5)
	if b.err == nil {
		b.setErr(b.f.AddChart(sh, anchor, &excelize.Chart{
			Type: excelize.Bar,
			Series: []excelize.ChartSeries{{
				Name:       q + "!" + absRef(2, row),
				Categories: q + "!" + absRef(1, first) + ":" + absRef(1, last),
				Values:     q + "!" + absRef(2, first) + ":" + absRef(2, last),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C0504D"}},
			}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: lb.PriorityChart}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: axisFont()}, // rank 1 on top
			YAxis:     excelize.ChartAxis{MajorGridLines: true, Minimum: ptrTo(0.0), Font: axisFont(), NumFmt: excelize.ChartNumFmt{CustomNumFmt: *b.numFmt("0.0")}},
			Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartRows * 20},
			Format:    excelize.GraphicOptions{AltText: lb.PriorityChart},
		}))
	}
	return next
}

func (b *book) sharesChart(sh string, row int) int {
	lb := b.lb
	row = b.section(sh, row, lb.SharesChart)
	ps := b.data.Personas
	if len(ps) == 0 {
		b.text(sh, 1, row, lb.NoPersonas, b.st.note)
		return row + 2
	}
	b.header(sh, 1, row, lb.Persona, lb.Share)
	for i, p := range ps {
		b.wrapped(sh, row+1+i, 1, 1, b.personaName(p.ID), b.st.wrap)
		b.num(sh, 2, row+1+i, b.shareValue(p.Share), b.st.pct)
	}
	first, last := row+1, row+len(ps)
	q := quoteSheet(sh)
	anchor, next := b.chartBelow(sh, row, len(ps), 5)
	if b.err == nil {
		b.setErr(b.f.AddChart(sh, anchor, &excelize.Chart{
			Type: excelize.Doughnut,
			Series: []excelize.ChartSeries{{
				Name:       q + "!" + absRef(2, row),
				Categories: q + "!" + absRef(1, first) + ":" + absRef(1, last),
				Values:     q + "!" + absRef(2, first) + ":" + absRef(2, last),
			}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: lb.SharesChart}}},
			Legend:    excelize.ChartLegend{Position: "right"},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: *b.numFmt(b.pctCode("0"))}},
			HoleSize:  50,
			Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartRows * 20},
			Format:    excelize.GraphicOptions{AltText: lb.SharesChart},
		}))
	}
	return next
}

// emotionCurves plots every journey's emotion by stage in one line chart.
// Stages are matched by name across journeys, in order of first appearance.
func (b *book) emotionCurves(sh string, row int) int {
	lb := b.lb
	row = b.section(sh, row, lb.EmotionCurve)
	var stages []string
	idx := map[string]int{}
	for _, j := range b.data.Journeys {
		for _, s := range j.Stages {
			if _, ok := idx[s.Stage]; !ok {
				idx[s.Stage] = len(stages)
				stages = append(stages, s.Stage)
			}
		}
	}
	if len(stages) == 0 {
		b.text(sh, 1, row, lb.NoJourney, b.st.note)
		return row + 2
	}
	if !anyStage(b.data.Journeys, func(s JourneyStage) bool { return s.Emotion != nil }) {
		b.text(sh, 1, row, lb.NoEmotion, b.st.note) // not an empty chart
		return row + 2
	}
	// Table: stages down column A, one column per journey.
	b.header(sh, 1, row, lb.Stage)
	for i, s := range stages {
		b.text(sh, 1, row+1+i, s, b.st.label)
	}
	first, last := row+1, row+len(stages)
	q := quoteSheet(sh)
	var series []excelize.ChartSeries
	for k, j := range b.data.Journeys {
		col := 2 + k
		b.header(sh, col, row, b.personaName(j.Persona))
		for _, s := range j.Stages {
			b.optNum(sh, col, first+idx[s.Stage], s.Emotion, b.st.whole)
		}
		series = append(series, excelize.ChartSeries{
			Name:       q + "!" + absRef(col, row),
			Categories: q + "!" + absRef(1, first) + ":" + absRef(1, last),
			Values:     q + "!" + absRef(col, first) + ":" + absRef(col, last),
			Marker:     excelize.ChartMarker{Symbol: "circle", Size: 6},
		})
	}
	anchor, next := b.chartBelow(sh, row, len(stages), max(5, len(b.data.Journeys)+1))
	if b.err == nil {
		b.setErr(b.f.AddChart(sh, anchor, &excelize.Chart{
			Type:         excelize.Line,
			Series:       series,
			Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: lb.EmotionCurve}}},
			Legend:       excelize.ChartLegend{Position: "bottom"},
			ShowBlanksAs: "gap",
			XAxis:        b.stageAxis(),
			YAxis:        b.emotionAxis(),
			Dimension:    excelize.ChartDimension{Width: chartWidth, Height: chartRows * 20},
			Format:       excelize.GraphicOptions{AltText: lb.EmotionCurve},
		}))
	}
	return next
}
