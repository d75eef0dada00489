package report

// passages writes the coded passages: open answers, interview and
// transcript turns, with the stage they belong to and the speaker's persona.
func (b *book) passages() {
	sh, lb := b.lb.SheetPassages, b.lb
	ps := b.data.Passages
	if len(ps) == 0 {
		b.noData(sh, lb.NoPassages)
		return
	}
	b.width(sh, 1, 1, 24)
	b.width(sh, 2, 2, 16)
	b.width(sh, 3, 3, 24)
	b.width(sh, 4, 4, 90)
	b.width(sh, 5, 6, 18)
	b.header(sh, 1, 1, lb.Source, lb.Speaker, lb.Codes, lb.Text, lb.Stage, lb.Persona)
	for i, p := range ps {
		r := i + 2
		b.wrapped(sh, r, 1, 1, p.Source, b.st.wrap)
		b.wrapped(sh, r, 2, 2, p.Speaker, b.st.wrap)
		b.wrapped(sh, r, 3, 3, join(p.Codes), b.st.wrap)
		b.wrapped(sh, r, 4, 4, p.Text, b.st.wrap)
		b.wrapped(sh, r, 5, 5, p.Stage, b.st.wrap)
		b.wrapped(sh, r, 6, 6, p.Persona, b.st.wrap)
	}
	b.freeze(sh, 1)
	b.autoFilter(sh, 1, 1, 6, len(ps)+1)
}

// codebook writes the codes with their parents, descriptions, use counts
// and reach (distinct people).
func (b *book) codebook() {
	sh, lb := b.lb.SheetCodebook, b.lb
	cs := b.data.Codebook
	if len(cs) == 0 {
		b.noData(sh, lb.NoCodes)
		return
	}
	b.width(sh, 1, 2, 24)
	b.width(sh, 3, 3, 60)
	b.width(sh, 4, 5, 12)
	b.header(sh, 1, 1, lb.Code, lb.Parent, lb.Description, lb.PassagesCount, lb.Reach)
	for i, c := range cs {
		r := i + 2
		b.wrapped(sh, r, 1, 1, c.Name, b.st.wrap)
		b.wrapped(sh, r, 2, 2, c.Parent, b.st.wrap)
		b.wrapped(sh, r, 3, 3, c.Description, b.st.wrap)
		b.num(sh, 4, r, c.Passages, b.st.integer)
		if c.People > 0 { // unknown for the machine's suggestions
			b.num(sh, 5, r, c.People, b.st.integer)
		}
	}
	b.freeze(sh, 1)
	b.autoFilter(sh, 1, 1, 5, len(cs)+1)
	b.dataBar(sh, colRange(4, 2, len(cs)+1), "638EC6")
}
