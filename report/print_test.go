package report

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"
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
