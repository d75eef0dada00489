package report

import "fmt"

// personas writes how far the personas can be trusted, then one card per
// persona: size and share, distinctive traits with lift, goals, touchpoints
// by stage, top pain points and quotes.
func (b *book) personas() {
	sh, lb := b.lb.SheetPersonas, b.lb
	if len(b.data.Personas) == 0 {
		b.noData(sh, lb.NoPersonas)
		return
	}
	b.width(sh, 1, 1, 30)
	b.width(sh, 2, 2, 40)
	b.width(sh, 3, 6, 15)
	row := b.trust(sh)
	// Each card is kept on one printed page where it fits; a card taller
	// than a page is broken between its parts (traits, goals, touchpoints,
	// pain points, quotes), not inside one: a pain point of a list had
	// printed alone at the top of the next page.
	var blocks [][2]int
	page := pageFor(b.sheetWidth(sh, 6))
	for _, p := range b.data.Personas {
		from, start := row, row
		var parts [][2]int
		part := func() { // the part from start to the row before row
			if row > start {
				parts = append(parts, [2]int{start, row - 1})
				start = row
			}
		}
		b.title(sh, 1, row, b.personaName(p.ID))
		b.mergeRow(sh, row, 1, 6)
		row++
		b.text(sh, 1, row, lb.Size, b.st.label)
		b.num(sh, 2, row, p.Size, b.st.integer)
		b.text(sh, 3, row, lb.Share, b.st.label)
		b.num(sh, 4, row, b.shareValue(p.Share), b.st.pct)
		row += 2

		if len(p.Traits) > 0 {
			b.text(sh, 1, row, lb.Traits, b.st.label)
			row++
			b.header(sh, 1, row, lb.Column, lb.Value, lb.Share, lb.RestShare, lb.Lift, lb.Significant)
			row++
			for _, t := range p.Traits {
				b.wrapped(sh, row, 1, 1, t.Column, b.st.wrap)
				b.wrapped(sh, row, 2, 2, lb.yesNo(t.Value), b.st.wrap)
				b.num(sh, 3, row, b.shareValue(t.Share), b.st.pct)
				b.num(sh, 4, row, b.shareValue(t.RestShare), b.st.pct)
				b.num(sh, 5, row, t.Lift, b.st.float)
				if t.Significant {
					b.text(sh, 6, row, lb.Yes, b.st.wrap) // top-aligned like the rest of the row
				}
				row++
			}
			row++
		}
		part()
		row = b.list(sh, row, lb.Goals, p.Goals)
		part()
		if len(p.Touchpoints) > 0 {
			b.text(sh, 1, row, lb.Touchpoints, b.st.label)
			for _, st := range p.Touchpoints {
				b.wrapped(sh, row, 2, 2, st.Stage, b.st.wrap)
				b.wrapped(sh, row, 3, 6, b.joinInline(st.Touchpoints), b.st.wrap)
				row++
			}
			row++
		}
		part()
		row = b.list(sh, row, lb.PainPoints, p.PainPoints)
		part()
		row = b.list(sh, row, lb.Quotes, p.Quotes)
		part()
		if b.rowsHeight(sh, from, row-1) <= page {
			blocks = append(blocks, [2]int{from, row - 1})
		} else {
			blocks = append(blocks, parts...)
		}
		row++
	}
	b.keepTogether(sh, b.sheetWidth(sh, 6), blocks)
}

// trust heads the Personas sheet with how far the personas can be trusted:
// the stability verdict, k and how it was chosen, the bootstrap stability,
// entropy and the respondents behind the model. It returns the first row
// after it (1 when the data has no PersonaModel).
func (b *book) trust(sh string) int {
	m, lb := b.data.PersonaModel, b.lb
	if m == nil {
		return 1
	}
	b.title(sh, 1, 1, lb.Trust)
	b.mergeRow(sh, 1, 1, 6)
	row := 2
	// Values sit at the start of their cells, beside their labels and
	// notes ("7" had run into "chosen automatically", "0.79" into "lowest").
	kv := func(label string, v any, style int) {
		b.text(sh, 1, row, label, b.st.label)
		b.num(sh, 2, row, v, style)
	}
	note := func(s string) { b.wrapped(sh, row, 3, 6, s, b.st.wrap) } // in C:F, beside a kv
	b.text(sh, 1, row, lb.Verdict, b.st.label)
	b.wrapped(sh, row, 2, 6, b.verdict(m), b.st.wrap)
	row++
	kv(lb.PersonasK, m.K, b.st.integerStart)
	note(b.kChoice(m))
	row++
	if s := m.Stability; s != nil {
		kv(lb.Stability, s.MeanARI, b.st.floatStart)
		b.text(sh, 3, row, lb.Lowest, b.st.label)
		b.num(sh, 4, row, s.MinARI, b.st.floatStart)
		b.text(sh, 5, row, lb.Highest, b.st.label)
		b.num(sh, 6, row, s.MaxARI, b.st.floatStart)
		row++
		kv(lb.Resamples, s.Resamples, b.st.integerStart)
		row++
	}
	kv(lb.Entropy, m.Entropy, b.st.floatStart)
	row++
	kv(lb.ModelRespondents, m.Respondents, b.st.integerStart)
	row++
	if m.Subsample > 0 {
		kv(lb.Subsample, m.Subsample, b.st.integerStart)
		note(lb.SubsampleNote)
		row++
	}
	return row + 1
}

// verdict is the stability verdict in the workbook's language.
func (b *book) verdict(m *PersonaModel) string {
	if m.Stability == nil {
		return b.lb.VerdictUnmeasured
	}
	switch m.Stability.Verdict {
	case Stable:
		return b.lb.VerdictStable
	case ModeratelyStable:
		return b.lb.VerdictModerate
	default:
		return b.digits(fmt.Sprintf(b.lb.VerdictUnstable, m.K))
	}
}

// kChoice says how k was chosen.
func (b *book) kChoice(m *PersonaModel) string {
	switch {
	case m.KMin == 0 && m.KMax == 0:
		return b.lb.KFixed
	case m.KFallback:
		return b.digits(fmt.Sprintf(b.lb.KFallback, m.KMin, m.KMax))
	default:
		return b.digits(fmt.Sprintf(b.lb.KByBIC, m.KMin, m.KMax))
	}
}

// list writes a labelled list, one item per row in column B (merged across
// to F so long quotes have room); it returns the next free row.
func (b *book) list(sheet string, row int, label string, items []string) int {
	if len(items) == 0 {
		return row
	}
	b.text(sheet, 1, row, label, b.st.label)
	for _, it := range items {
		b.wrapped(sheet, row, 2, 6, it, b.st.wrap)
		row++
	}
	return row + 1
}
