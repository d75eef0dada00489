package web

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/study"
)

type journeySection struct {
	Choices []journeyChoice
	Name    string
	Size    int
	Goals   []study.Goal // goals without a stage
	Stages  []journeyCol
	// Unplaced are the pain points of these people that no stage stands
	// out for, as shown (renamed, none hidden): listed under the map.
	Unplaced []study.JourneyPain
	Empty    bool // no stage has anything to show: the page says what fills it
	Chart    emotionChart
	// Passages: coded interview and focus-group passages; Note says when
	// they are too few.
	Passages int
	Note     string
	// FewPassages: Note is the catalog's an_jr_few_passages, from
	// PassagePeople people.
	FewPassages   bool
	PassagePeople int
}

type journeyChoice struct {
	Persona int
	Name    string
	Size    int
	Current bool
}

type journeyCol struct {
	Name        string
	HasEmotion  bool
	Emotion     float64
	N           int
	SatClass    string
	Touchpoints []string
	Goals       []study.Goal
	Pains       []study.JourneyPain
	Opps        []study.JourneyPain // worded in the page's language
	Quotes      []string
	Passages    int
	Codes       []study.CodeCount
}

// emotionChart is the SVG emotion curve: one point per stage with data,
// pain point pins under their stage. X runs right to left on RTL pages so
// the points sit over their table columns. A stage without data breaks the
// line: nothing is drawn across it as if it had a value in between.
type emotionChart struct {
	W, H   int
	AxisX  float64  // where the 0/50/100 labels stand: the start side
	Anchor string   // their text-anchor
	Lines  []string // polyline points, one polyline per run of stages with data
	Dots   []emotionDot
	Pins   []painPin
	Grid   []gridLine
	Labels []stageLabel
}

type emotionDot struct {
	X, Y, LabelY float64
	V            float64
	N            int
	Class        string
}

type painPin struct {
	X, Y  float64
	Count int
	Title string
}

type gridLine struct {
	Y float64
	V int
}

type stageLabel struct {
	X    float64
	Text string
}

// The chart's units: a stage's column is chartColW wide. A column is
// about 9rem on a desktop and 11rem on a phone (static/workspace.css), so
// the chart's text stays near its nominal size and the curve about 15rem
// tall (at 100 a phone's wider columns drew it twice as tall as the screen
// is wide).
const (
	chartColW = 150.0
	chartTop  = 24.0
	chartPlot = 140.0 // height of 0..100
)

// showJourneyPage shows the journey map of one persona (?persona=N) or
// of everyone.
func (s *Server) showJourneyPage(c *gin.Context) {
	s.analysisHandler("journey", "an_journey_title", s.buildJourney)(c)
}

func (s *Server) buildJourney(c *gin.Context, p *analysisPage, lang string) error {
	st := p.Run.Result
	if st == nil || len(st.Journeys) == 0 {
		return nil
	}
	want, _ := strconv.Atoi(c.Query("persona"))
	j := st.Journeys[0]
	for _, jj := range st.Journeys {
		if jj.Persona == want {
			j = jj
		}
	}
	sec := &journeySection{Name: j.Name, Size: j.Size, Goals: j.Goals, Passages: j.Passages, Note: j.Note,
		FewPassages: j.FewPassages, PassagePeople: j.PassagePeople}
	p.J = sec
	for _, jj := range st.Journeys {
		sec.Choices = append(sec.Choices, journeyChoice{Persona: jj.Persona, Name: jj.Name, Size: jj.Size, Current: jj.Persona == j.Persona})
	}
	hidden := map[string]bool{}
	for _, k := range p.Settings.Hide {
		hidden[k] = true
	}
	// shown is pains as the researcher shows them: renamed, none hidden.
	shown := func(pains []study.JourneyPain) []study.JourneyPain {
		var out []study.JourneyPain
		for _, jp := range pains {
			if hidden[jp.Key] {
				continue
			}
			if l := p.Settings.Rename[jp.Key]; l != "" {
				jp.Label = l
			}
			out = append(out, jp)
		}
		return out
	}
	sec.Unplaced = shown(j.Unplaced)
	rtl := lang == "fa"
	n := len(j.Stages)
	ch := emotionChart{W: int(chartColW) * n, H: 230, AxisX: 4, Anchor: "start"}
	if rtl {
		ch.AxisX, ch.Anchor = float64(ch.W)-4, "end"
	}
	for _, v := range []int{0, 50, 100} {
		ch.Grid = append(ch.Grid, gridLine{Y: chartTop + (100-float64(v))*chartPlot/100, V: v})
	}
	var pts []string // the current run of stages with data
	endRun := func() {
		if len(pts) > 1 {
			ch.Lines = append(ch.Lines, strings.Join(pts, " "))
		}
		pts = nil
	}
	for i, js := range j.Stages {
		col := journeyCol{Name: stageName(lang, p.A.Project, js.Stage), N: js.EmotionN,
			Touchpoints: js.Touchpoints, Goals: js.Goals, Quotes: js.Quotes,
			Passages: js.Passages, Codes: js.Codes}
		col.Pains = shown(js.PainPoints)
		col.Opps = study.Opportunities(col.Pains) // as shown: renamed, none hidden
		x := (float64(i) + 0.5) * chartColW
		if rtl {
			x = float64(ch.W) - x
		}
		ch.Labels = append(ch.Labels, stageLabel{X: x, Text: col.Name})
		if js.Emotion != nil {
			y := chartTop + (100-*js.Emotion)*chartPlot/100
			col.HasEmotion, col.Emotion, col.SatClass = true, *js.Emotion, satClass(*js.Emotion)
			ch.Dots = append(ch.Dots, emotionDot{X: x, Y: y, LabelY: y - 8, V: *js.Emotion, N: js.EmotionN, Class: col.SatClass})
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
		} else {
			endRun()
		}
		if len(col.Pains) > 0 {
			var names []string
			for _, jp := range col.Pains {
				names = append(names, jp.Label)
			}
			ch.Pins = append(ch.Pins, painPin{X: x, Y: 212, Count: len(col.Pains), Title: strings.Join(names, listSep(lang))})
		}
		sec.Stages = append(sec.Stages, col)
	}
	endRun()
	sec.Chart = ch
	sec.Empty = len(sec.Goals) == 0 && !slices.ContainsFunc(sec.Stages, func(col journeyCol) bool {
		return col.HasEmotion || len(col.Touchpoints)+len(col.Goals)+len(col.Pains)+len(col.Opps)+len(col.Quotes)+col.Passages > 0
	})
	return nil
}

type touchpointSection struct {
	Heads  []journeyChoice
	Stages []tpStage
}

type tpStage struct {
	Name string
	Rows []tpRow
}

type tpRow struct {
	Label string
	Cells []tpCell
}

type tpCell struct {
	Empty bool
	Users int
	Share float64
	// Participants are the interview and transcript participants, counted
	// apart: Share is of the survey respondents (the column's size).
	Participants int
	Class        string
	HasSat       bool
	Sat          float64
	SatN         int
	SatClass     string
}

// showTouchpointsPage is the touchpoint x persona heatmap, one table per
// stage: usage share (colour) and satisfaction in each cell.
func (s *Server) showTouchpointsPage(c *gin.Context) {
	s.analysisHandler("touchpoints", "an_touchpoints_title", s.buildTouchpoints)(c)
}

func (s *Server) buildTouchpoints(c *gin.Context, p *analysisPage, lang string) error {
	st := p.Run.Result
	if st == nil {
		return nil
	}
	sec := &touchpointSection{}
	p.TP = sec
	for _, j := range st.Journeys {
		sec.Heads = append(sec.Heads, journeyChoice{Persona: j.Persona, Name: j.Name, Size: j.Size})
	}
	col := map[int]int{}
	for i, h := range sec.Heads {
		col[h.Persona] = i
	}
	type rowKey struct{ stage, tp string }
	rows := map[rowKey]*tpRow{}
	var stages []string
	order := map[string][]string{}
	for _, cell := range st.Touchpoints {
		i, ok := col[cell.Persona]
		if !ok {
			continue
		}
		k := rowKey{cell.Stage, cell.Touchpoint}
		r := rows[k]
		if r == nil {
			r = &tpRow{Label: cell.Label, Cells: make([]tpCell, len(sec.Heads))}
			for j := range r.Cells {
				r.Cells[j].Empty, r.Cells[j].Class = true, "heat-0"
			}
			rows[k] = r
			if !slices.Contains(stages, cell.Stage) {
				stages = append(stages, cell.Stage)
			}
			order[cell.Stage] = append(order[cell.Stage], cell.Touchpoint)
		}
		tc := tpCell{Users: cell.Users, Share: cell.Share, Participants: cell.Participants, Class: heatClass(cell.Share), SatN: cell.SatisfactionN}
		if cell.Satisfaction != nil {
			tc.HasSat, tc.Sat, tc.SatClass = true, *cell.Satisfaction, satClass(*cell.Satisfaction)
		}
		r.Cells[i] = tc
	}
	for _, stg := range stages {
		ts := tpStage{Name: stageName(lang, p.A.Project, stg)}
		for _, tp := range order[stg] {
			ts.Rows = append(ts.Rows, *rows[rowKey{stg, tp}])
		}
		sec.Stages = append(sec.Stages, ts)
	}
	return nil
}
