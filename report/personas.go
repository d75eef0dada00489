package report

// personas writes one card per persona: size and share, distinctive traits
// with lift, goals, touchpoints by stage, top pain points and quotes.
func (b *book) personas() {
	sh, lb := b.lb.SheetPersonas, b.lb
	if len(b.data.Personas) == 0 {
		b.noData(sh, lb.NoPersonas)
		return
	}
	row := 1
	for _, p := range b.data.Personas {
		b.title(sh, 1, row, b.personaName(p.ID))
		b.mergeRow(sh, row, 1, 6)
		row++
		b.text(sh, 1, row, lb.Size, b.st.label)
		b.num(sh, 2, row, p.Size, b.st.integer)
		b.text(sh, 3, row, lb.Share, b.st.label)
		b.num(sh, 4, row, p.Share, b.st.pct)
		row += 2

		if len(p.Traits) > 0 {
			b.text(sh, 1, row, lb.Traits, b.st.label)
			row++
			b.header(sh, 1, row, lb.Column, lb.Value, lb.Share, lb.RestShare, lb.Lift, lb.Significant)
			row++
			for _, t := range p.Traits {
				b.text(sh, 1, row, t.Column, b.st.wrap)
				b.text(sh, 2, row, t.Value, b.st.wrap)
				b.num(sh, 3, row, t.Share, b.st.pct)
				b.num(sh, 4, row, t.RestShare, b.st.pct)
				b.num(sh, 5, row, t.Lift, b.st.float)
				if t.Significant {
					b.text(sh, 6, row, lb.Yes, 0)
				}
				row++
			}
			row++
		}
		row = b.list(sh, row, lb.Goals, p.Goals)
		if len(p.Touchpoints) > 0 {
			b.text(sh, 1, row, lb.Touchpoints, b.st.label)
			for _, st := range p.Touchpoints {
				b.text(sh, 2, row, st.Stage, b.st.wrap)
				b.text(sh, 3, row, b.joinInline(st.Touchpoints), b.st.wrap)
				b.mergeRow(sh, row, 3, 6)
				row++
			}
			row++
		}
		row = b.list(sh, row, lb.PainPoints, p.PainPoints)
		row = b.list(sh, row, lb.Quotes, p.Quotes)
		row++
	}
	b.width(sh, 1, 1, 26)
	b.width(sh, 2, 2, 40)
	b.width(sh, 3, 6, 15)
}

// list writes a labelled list, one item per row in column B (merged across
// to F so long quotes have room); it returns the next free row.
func (b *book) list(sheet string, row int, label string, items []string) int {
	if len(items) == 0 {
		return row
	}
	b.text(sheet, 1, row, label, b.st.label)
	for _, it := range items {
		b.text(sheet, 2, row, it, b.st.wrap)
		b.mergeRow(sheet, row, 2, 6)
		row++
	}
	return row + 1
}
