package report

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// painPoints writes the ranked table with data bars on reach and priority
// and a colour scale on severity.
func (b *book) painPoints() {
	sh, lb := b.lb.SheetPainPoints, b.lb
	pps := b.data.PainPoints
	if len(pps) == 0 {
		b.noData(sh, lb.NoPainPoints)
		return
	}
	// Thirteen columns fitted to one page wide printed at 45% (5-point
	// text): the sheet prints on two pages across, each repeating the rank
	// and label, the numbers a client reads first, then who, where and the
	// quotes, at about 70%.
	b.width(sh, 1, 1, 6)
	b.width(sh, 2, 2, 28)
	b.width(sh, 3, 8, 11)
	b.width(sh, 9, 9, 30) // persona names are long
	b.width(sh, 10, 10, 14)
	b.width(sh, 11, 11, 15)
	b.width(sh, 12, 12, 44)
	b.width(sh, 13, 13, 8)
	b.printAcross(sh, 13, 2, 9)
	b.header(sh, 1, 1, lb.Rank, lb.Label, lb.Reach, lb.SayLabel, b.painShare(), lb.Severity, lb.Priority, lb.SatisfactionGap,
		lb.Personas, lb.Stages, lb.Touchpoints, lb.Examples, lb.Sources)
	for i, p := range pps {
		r := i + 2
		b.num(sh, 1, r, p.Rank, b.st.integer)
		b.wrapped(sh, r, 2, 2, p.Label, b.st.wrap)
		b.num(sh, 3, r, p.Documents, b.st.integer)
		if p.LabelTexts > 0 { // blank for a renamed or researcher-coded pain point
			b.num(sh, 4, r, p.LabelTexts, b.st.integer)
		}
		b.num(sh, 5, r, b.shareValue(p.Share), b.st.pct)
		if !p.Coded { // blank, not 0.00: a code's severity is not measured
			b.num(sh, 6, r, p.Severity, b.st.float)
			b.num(sh, 7, r, p.Priority, b.st.float)
		}
		if p.SatisfactionGap != nil { // blank: no ratings, or no clear difference
			b.num(sh, 8, r, *p.SatisfactionGap, b.st.signed)
		}
		b.wrapped(sh, r, 9, 9, join(p.Personas), b.st.wrap)
		b.wrapped(sh, r, 10, 10, join(p.Stages), b.st.wrap)
		b.wrapped(sh, r, 11, 11, join(p.Touchpoints), b.st.wrap)
		b.wrapped(sh, r, 12, 12, join(p.Examples), b.st.wrap)
		if !p.Coded {
			b.num(sh, 13, r, p.Sources, b.st.integer)
		}
	}
	last := len(pps) + 1
	b.dataBar(sh, colRange(3, 2, last), "638EC6")
	b.dataBar(sh, colRange(5, 2, last), "9BBB59")
	b.colourScale3(sh, colRange(6, 2, last), "63BE7B", "FFEB84", "F8696B")
	b.dataBar(sh, colRange(7, 2, last), "C0504D")
	b.colourScale3(sh, colRange(8, 2, last), "F8696B", "FFFFFF", "63BE7B")
	b.freeze(sh, 1)
	b.autoFilter(sh, 1, 1, 13, last)
}

// painShare heads a pain point's share with its base, when known: the
// journey map and the personas give shares of every respondent, a pain
// point's are of those whose texts were read ("Share of the 580 who
// wrote").
func (b *book) painShare() string {
	if n := b.data.PainPointPeople; n > 0 {
		return fmt.Sprintf(b.lb.ShareOfWriters, Count(b.data.Study.Language, n))
	}
	return b.lb.Share
}

func colRange(col, from, to int) string { return cell(col, from) + ":" + cell(col, to) }

func (b *book) dataBar(sheet, ref, colour string) {
	if b.err == nil {
		b.setErr(b.f.SetConditionalFormat(sheet, ref, []excelize.ConditionalFormatOptions{{
			Type: "data_bar", Criteria: "=", MinType: "num", MinValue: "0", MaxType: "max", BarColor: colour,
		}}))
	}
}

// colourScale3 colours low values lowColour and high values highColour.
func (b *book) colourScale3(sheet, ref, lowColour, midColour, highColour string) {
	if b.err == nil {
		b.setErr(b.f.SetConditionalFormat(sheet, ref, []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=", MinType: "min", MidType: "percentile", MidValue: "50",
			MaxType: "max", MinColor: lowColour, MidColor: midColour, MaxColor: highColour,
		}}))
	}
}

// joinInline joins short items on one line with the language's comma.
func (b *book) joinInline(items []string) string {
	if b.fa {
		return strings.Join(items, "، ")
	}
	return strings.Join(items, ", ")
}
