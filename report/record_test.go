package report

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// lateValue is what the open column of row i holds: text of varying width
// (the column is fitted to it), or nothing.
func lateValue(i int) any {
	if i%5 == 4 {
		return nil
	}
	return strings.Repeat("Persona ", 1+i%9)
}

// gaps blanks some rows' cells before and after the late column, so that
// the late cell and the one after it sometimes need their references.
func gaps(vals []any, i, late int) {
	if i%3 == 0 {
		vals[late-1] = nil
	}
	if i%4 == 1 {
		vals[late+1] = nil
	}
}

// TestRecordedRowsSameSheet writes the same rows once from Rows and once
// recorded with their third column filled in late, and wants the same
// Responses sheet, byte for byte (widths, cells, table range).
func TestRecordedRowsSameSheet(t *testing.T) {
	const n, late = 700, 2 // over two batches
	rows := func(yield func([]any, error) bool) {
		i := 0
		for vals := range syntheticRows(n) {
			vals[late] = lateValue(i)
			gaps(vals, i, late)
			i++
			if !yield(vals, nil) {
				return
			}
		}
	}
	direct := responsesXML(t, &Responses{Header: syntheticHeader(), Rows: rows})

	rec, err := NewRowRecorder(late)
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	i := 0
	for vals := range syntheticRows(n) {
		vals[late] = "not this"
		gaps(vals, i, late)
		if err := rec.Add(strconv.Itoa(i), vals); err != nil {
			t.Fatal(err)
		}
		i++
	}
	if rec.Rows() != n {
		t.Fatalf("recorded %d rows, want %d", rec.Rows(), n)
	}
	lateOf := func(key string) any {
		i, _ := strconv.Atoi(key)
		return lateValue(i)
	}
	recorded := responsesXML(t, &Responses{Header: syntheticHeader(), Recorded: rec, Late: lateOf})
	sameSheet(t, direct, recorded, "recorded")
	// The same recording made into the sheet ahead of the workbook.
	prep := rec.Prepare("en", lateOf)
	defer prep.Close()
	sameSheet(t, direct, responsesXML(t, &Responses{Header: syntheticHeader(), Prepared: prep}), "prepared")
	want := `<c r="C700" t="inlineStr"><is><t xml:space="preserve">` + lateValue(698).(string) + `</t></is></c>`
	_, body, _ := bytes.Cut(recorded, []byte(`<row r="2"`)) // after excelize's header row
	if refs := redundantRefs(t, append([]byte(`<row r="2"`), body...)); refs > 0 {
		t.Errorf("%d cells have a reference though they follow the cell before them", refs)
	}
	recorded = withRefs(t, recorded)
	if !bytes.Contains(recorded, []byte(want)) || bytes.Contains(recorded, []byte(`<c r="C701"`)) {
		t.Errorf("row 700 has no late cell %s, or row 701 (none) has one", want)
	}
}

// sameSheet wants the sheet written another way (how) the same as direct.
func sameSheet(t *testing.T, direct, other []byte, how string) {
	t.Helper()
	if !bytes.Equal(direct, other) {
		at := 0
		for at < min(len(direct), len(other)) && direct[at] == other[at] {
			at++
		}
		t.Fatalf("sheets differ at byte %d:\nfrom Rows: %.200q\n%s: %.200q", at, direct[at:], how, other[at:])
	}
}

// responsesXML writes a workbook of rs and returns its Responses sheet.
func responsesXML(t *testing.T, rs *Responses) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, &Data{Study: Study{Language: "en"}, Responses: rs}); err != nil {
		t.Fatal(err)
	}
	return zipPart(t, buf.Bytes(), "xl/worksheets/sheet7.xml")
}
