package report

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// touchpoints writes, for everyone and then each persona, two stage x
// touchpoint matrices side by side: the share of the view's respondents who
// used each touchpoint at each stage (white-to-blue heatmap on 0-100%) and
// their mean satisfaction there (red-yellow-green on 0-100). The scales are
// fixed, so the same colour means the same share in every persona's matrix.
func (b *book) touchpoints() {
	sh, lb, m := b.lb.SheetTouchpoints, b.lb, b.data.Touchpoints
	stages, tps := orderedAxes(m)
	if len(m.Views) == 0 || len(stages) == 0 || len(tps) == 0 {
		b.noData(sh, lb.NoTouchpoints)
		return
	}
	ns := len(stages)
	satCol := ns + 3 // usage block: A (touchpoint), stages; one blank column
	tpWidth := 22.0  // wide enough for the longest touchpoint, which does not wrap
	for _, tp := range tps {
		tpWidth = max(tpWidth, textWidth(tp)+2)
	}
	b.width(sh, 1, 1, tpWidth)
	b.width(sh, 2, ns+1, 13)
	b.width(sh, satCol-1, satCol-1, 3)
	b.width(sh, satCol, satCol, tpWidth)
	b.width(sh, satCol+1, satCol+ns, 13)
	row := 1
	var blocks [][2]int
	for _, v := range m.Views {
		type key struct{ stage, tp string }
		cells := make(map[key]TouchpointCell, len(v.Cells))
		for _, c := range v.Cells {
			cells[key{c.Stage, c.Touchpoint}] = c
		}
		from := row
		b.title(sh, 1, row, b.personaName(v.Persona))
		row++
		b.wrapped(sh, row, 1, satCol+ns, fmt.Sprintf(lb.UsageNote, Count(b.data.Study.Language, v.Respondents)), b.st.noteWrap)
		row++
		b.text(sh, 1, row, lb.Usage, b.st.label)
		b.text(sh, satCol, row, lb.Satisfaction, b.st.label)
		row++
		b.header(sh, 1, row, lb.Touchpoint)
		b.header(sh, 2, row, stages...)
		b.header(sh, satCol, row, lb.Touchpoint)
		b.header(sh, satCol+1, row, stages...)
		row++
		first := row
		for _, tp := range tps {
			b.text(sh, 1, row, tp, b.st.label)
			b.text(sh, satCol, row, tp, b.st.label)
			for j, st := range stages {
				c, ok := cells[key{st, tp}]
				if !ok {
					continue
				}
				if c.Usage != 0 {
					b.num(sh, 2+j, row, b.shareValue(c.Share), b.st.pctWhole)
				}
				b.optNum(sh, satCol+1+j, row, c.Satisfaction, b.st.whole)
			}
			row++
		}
		lastRow := row - 1
		b.fixedScale(sh, cell(2, first)+":"+cell(ns+1, lastRow), b.shareValue(1), "FFFFFF", "", "5B9BD5")
		b.fixedScale(sh, cell(satCol+1, first)+":"+cell(satCol+ns, lastRow), 100, "F8696B", "FFEB84", "63BE7B")
		blocks = append(blocks, [2]int{from, lastRow})
		row += 2
	}
	b.keepTogether(sh, b.sheetWidth(sh, satCol+ns), blocks)
}

// fixedScale colours ref from lowColour at 0 to highColour at top, through
// midColour at the middle when it is given.
func (b *book) fixedScale(sheet, ref string, top float64, lowColour, midColour, highColour string) {
	if b.err != nil {
		return
	}
	o := excelize.ConditionalFormatOptions{Type: "2_color_scale", Criteria: "=", MinType: "num", MinValue: "0",
		MaxType: "num", MaxValue: strconv.FormatFloat(top, 'g', -1, 64), MinColor: lowColour, MaxColor: highColour}
	if midColour != "" {
		o.Type, o.MidType, o.MidValue, o.MidColor = "3_color_scale", "num", strconv.FormatFloat(top/2, 'g', -1, 64), midColour
	}
	b.setErr(b.f.SetConditionalFormat(sheet, ref, []excelize.ConditionalFormatOptions{o}))
}

// orderedAxes returns the stage and touchpoint order: the declared order,
// then any others the cells mention, in the order first seen.
func orderedAxes(m TouchpointMatrix) (stages, tps []string) {
	seenS, seenT := map[string]bool{}, map[string]bool{}
	addS := func(s string) {
		if !seenS[s] {
			seenS[s] = true
			stages = append(stages, s)
		}
	}
	addT := func(s string) {
		if !seenT[s] {
			seenT[s] = true
			tps = append(tps, s)
		}
	}
	for _, s := range m.Stages {
		addS(s)
	}
	for _, t := range m.Touchpoints {
		addT(t)
	}
	for _, v := range m.Views {
		for _, c := range v.Cells {
			addS(c.Stage)
			addT(c.Touchpoint)
		}
	}
	return stages, tps
}
