package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// journeyChartRows is how many rows the emotion chart under each map takes.
const journeyChartRows = 16

// lanePainPoints is how many pain points a lane of a journey map lists,
// most voiced first; the rest are counted (every one is on the Pain points
// sheet). A CSV of reviews without stages put 68 under "Pain points at no
// one stage", and the row, at its greatest height, showed 27 of them.
const lanePainPoints = 10

// journeys lays out one journey map per persona the way consultants draw
// them: stages as columns, lanes as rows (touchpoints, goals, emotion,
// pain points, opportunities), and a native line chart of the emotion curve
// under each map.
func (b *book) journeys() {
	sh, lb := b.lb.SheetJourney, b.lb
	if len(b.data.Journeys) == 0 {
		b.noData(sh, lb.NoJourney)
		return
	}
	if !anyStage(b.data.Journeys, func(s JourneyStage) bool {
		return len(s.Touchpoints)+len(s.Goals)+len(s.PainPoints)+len(s.Opportunities)+s.EmotionN > 0 || s.Emotion != nil
	}) {
		// Data without journey stages (a CSV of reviews) printed a blank
		// map and an empty chart per persona.
		b.noData(sh, lb.NoStages)
		return
	}
	maxStages := 1
	for _, j := range b.data.Journeys {
		maxStages = max(maxStages, len(j.Stages))
	}
	b.width(sh, 1, 1, 18)
	b.width(sh, 2, 1+maxStages, 28)
	row := 1
	for _, j := range b.data.Journeys {
		n := len(j.Stages)
		b.pageBreak(sh, row) // one journey, its map and chart, per printed page
		b.title(sh, 1, row, lb.JourneyOf+": "+b.personaName(j.Persona))
		titleRow := row
		row++
		if n == 0 {
			b.text(sh, 1, row, lb.NoJourney, b.st.note)
			row += 2
			continue
		}
		stageRow := row
		b.header(sh, 1, row, lb.Stage)
		for i, s := range j.Stages {
			b.header(sh, 2+i, row, s.Stage)
		}
		row++
		const (
			textLane = iota
			emotionLane
			emotionNLane
		)
		lanes := []struct {
			label string
			kind  int
			items func(JourneyStage) []string
		}{
			{lb.Touchpoints, textLane, func(s JourneyStage) []string { return s.Touchpoints }},
			{lb.Goals, textLane, func(s JourneyStage) []string { return s.Goals }},
			{lb.Emotion, emotionLane, nil},
			{lb.EmotionN, emotionNLane, nil},
			{lb.PainPoints, textLane, func(s JourneyStage) []string { return b.painLane(s.PainPoints) }},
			{lb.Opportunities, textLane, func(s JourneyStage) []string { return s.Opportunities }},
		}
		emotionRow := 0
		for _, lane := range lanes {
			b.wrapped(sh, row, 1, 1, lane.label, b.st.lane)
			for i, s := range j.Stages {
				col := 2 + i
				switch lane.kind {
				case emotionLane:
					b.optNum(sh, col, row, s.Emotion, b.st.laneScore)
				case emotionNLane:
					b.num(sh, col, row, s.EmotionN, b.st.laneInt)
				default:
					b.wrapped(sh, row, col, col, bullets(lane.items(s)), b.st.laneCell)
				}
			}
			if lane.kind == emotionLane {
				emotionRow = row
				b.fixedScale(sh, cell(2, row)+":"+cell(1+n, row), emotionMax, "F8696B", "FFEB84", "63BE7B")
			}
			row++
		}
		if len(j.Unplaced) > 0 {
			b.wrapped(sh, row, 1, 1, lb.Unplaced, b.st.lane)
			b.wrapped(sh, row, 2, 1+n, bullets(b.painLane(j.Unplaced)), b.st.laneCell)
			row++
		}
		row++
		b.emotionChart(sh, cell(2, row), titleRow, stageRow, emotionRow, n)
		b.reach(sh, 1+maxStages, row+journeyChartRows)
		row += journeyChartRows + 2
	}
}

// anyStage reports whether some stage of js is has.
func anyStage(js []Journey, has func(JourneyStage) bool) bool {
	for _, j := range js {
		if slices.ContainsFunc(j.Stages, has) {
			return true
		}
	}
	return false
}

// emotionChart adds a line chart of one journey's emotion row at anchor.
// Series name and categories are cell references, so no respondent text is
// ever placed in the chart XML as a formula.
func (b *book) emotionChart(sheet, anchor string, titleRow, stageRow, emotionRow, n int) {
	if b.err != nil {
		return
	}
	q := quoteSheet(sheet)
	b.setErr(b.f.AddChart(sheet, anchor, &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{
			Name:       q + "!" + absRef(1, titleRow),
			Categories: q + "!" + absRef(2, stageRow) + ":" + absRef(1+n, stageRow),
			Values:     q + "!" + absRef(2, emotionRow) + ":" + absRef(1+n, emotionRow),
			Marker:     excelize.ChartMarker{Symbol: "circle", Size: 7},
		}},
		Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.lb.EmotionCurve}}},
		Legend:       excelize.ChartLegend{Position: "none"},
		ShowBlanksAs: "gap",
		XAxis:        b.stageAxis(),
		YAxis:        b.emotionAxis(),
		Dimension:    excelize.ChartDimension{Width: uint(max(480, 150*n)), Height: (journeyChartRows - 1) * 20},
		Format:       excelize.GraphicOptions{AltText: b.lb.EmotionCurve},
	}))
}

// painLane is the first lanePainPoints of a lane's pain points and a line
// counting the rest.
func (b *book) painLane(items []string) []string {
	if len(items) <= lanePainPoints {
		return items
	}
	more := fmt.Sprintf(b.lb.MorePainPoints, Count(b.data.Study.Language, len(items)-lanePainPoints))
	return append(items[:lanePainPoints:lanePainPoints], more)
}

// bullets lists items one per line; a single item is written as is.
func bullets(items []string) string {
	if len(items) <= 1 {
		return join(items)
	}
	lines := make([]string, len(items))
	for i, it := range items {
		lines[i] = "• " + it
	}
	return join(lines)
}

// quoteSheet quotes a sheet name for use in a cell reference.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

func absRef(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row, true)
	return name
}

// Emotion scores are on 0..100 (the mean satisfaction at a stage): every
// chart and colour scale uses that whole range, so personas compare at a
// glance and a curve never sits on an axis running to -75.
const emotionMax = 100

// axisFont is the charts' tick label font: dark enough to read when printed.
func axisFont() excelize.Font {
	return excelize.Font{Family: fontFamily, Size: 9, Color: "404040"}
}

// emotionAxis is the value axis of an emotion curve: 0 to 100 in steps of
// 25, whole-number labels (in Persian digits in a Persian workbook, as its
// cells show numbers).
func (b *book) emotionAxis() excelize.ChartAxis {
	return excelize.ChartAxis{MajorGridLines: true, Minimum: ptrTo(0.0), Maximum: ptrTo(float64(emotionMax)),
		MajorUnit: 25, Font: axisFont(), NumFmt: excelize.ChartNumFmt{CustomNumFmt: *b.numFmt("0")}}
}

// stageAxis is an emotion chart's stage axis, labels below the plot. In a
// right-to-left workbook it runs right to left, like the map above it.
func (b *book) stageAxis() excelize.ChartAxis {
	return excelize.ChartAxis{TickLabelPosition: excelize.ChartTickLabelLow, Font: axisFont(), ReverseOrder: b.fa}
}

func ptrTo[T any](v T) *T { return &v }
