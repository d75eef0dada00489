package report

// touchpoints writes, for everyone and then each persona, two stage x
// touchpoint matrices side by side: usage counts (white-to-blue heatmap) and
// mean satisfaction (red-yellow-green heatmap).
func (b *book) touchpoints() {
	sh, lb, m := b.lb.SheetTouchpoints, b.lb, b.data.Touchpoints
	stages, tps := orderedAxes(m)
	if len(m.Views) == 0 || len(stages) == 0 || len(tps) == 0 {
		b.noData(sh, lb.NoTouchpoints)
		return
	}
	ns := len(stages)
	satCol := ns + 4 // usage block: A (touchpoint), stages, total; one blank column
	tpWidth := 22.0  // wide enough for the longest touchpoint, which does not wrap
	for _, tp := range tps {
		tpWidth = max(tpWidth, textWidth(tp)+2)
	}
	b.width(sh, 1, 1, tpWidth)
	b.width(sh, 2, ns+2, 13)
	b.width(sh, satCol-1, satCol-1, 3)
	b.width(sh, satCol, satCol, tpWidth)
	b.width(sh, satCol+1, satCol+ns, 13)
	row := 1
	for _, v := range m.Views {
		type key struct{ stage, tp string }
		cells := make(map[key]TouchpointCell, len(v.Cells))
		for _, c := range v.Cells {
			cells[key{c.Stage, c.Touchpoint}] = c
		}
		b.title(sh, 1, row, b.personaName(v.Persona))
		row++
		b.text(sh, 1, row, lb.Usage, b.st.label)
		b.text(sh, satCol, row, lb.Satisfaction, b.st.label)
		row++
		b.header(sh, 1, row, lb.Touchpoint)
		b.header(sh, 2, row, stages...)
		b.header(sh, ns+2, row, lb.Total)
		b.header(sh, satCol, row, lb.Touchpoint)
		b.header(sh, satCol+1, row, stages...)
		row++
		first := row
		for _, tp := range tps {
			b.text(sh, 1, row, tp, b.st.label)
			b.text(sh, satCol, row, tp, b.st.label)
			total := 0
			for j, st := range stages {
				c, ok := cells[key{st, tp}]
				if !ok {
					continue
				}
				total += c.Usage
				if c.Usage != 0 {
					b.num(sh, 2+j, row, c.Usage, b.st.integer)
				}
				b.optNum(sh, satCol+1+j, row, c.Satisfaction, b.st.float)
			}
			b.num(sh, ns+2, row, total, b.st.integer)
			row++
		}
		lastRow := row - 1
		b.colourScale2(sh, cell(2, first)+":"+cell(ns+1, lastRow), "FFFFFF", "5B9BD5")
		b.colourScale3(sh, cell(satCol+1, first)+":"+cell(satCol+ns, lastRow), "F8696B", "FFEB84", "63BE7B")
		row += 2
	}
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
