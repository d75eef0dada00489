package report

import (
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// maxHeader is the longest header Excel accepts as a table column name.
const maxHeader = 255

// responses writes every response row. excelize's StreamWriter writes the
// sheet around them (header row, frozen pane, widths, the Excel table that
// gives the filter buttons); the rows themselves are encoded as XML on a
// goroutine of their own (rowxml.go) and compressed into a temporary file
// (rowSpool), spliced into the sheet when the workbook is zipped. Rows go
// from the caller's cursor to that file without the sheet ever being held
// in memory.
func (b *book) responses() {
	sh, lb := b.lb.SheetResponses, b.lb
	rs := b.data.Responses
	if rs == nil || (len(rs.Header) == 0 && rs.Rows == nil && rs.Recorded == nil) {
		b.noData(sh, lb.NoResponses)
		return
	}
	header := uniqueHeaders(rs.Header)
	sw, err := b.f.NewStreamWriter(sh)
	if err != nil {
		b.setErr(err)
		return
	}
	// The rows are compressed into a temporary file first (or were, ahead
	// of the workbook: Prepared): the stream writer takes column widths
	// only before its first row, and they are fitted to the header and the
	// first rows (dates need 17 units, where a header such as "Started"
	// would give 10 and a cell of ###).
	var (
		first [][]cellValue
		rows  int
	)
	enc := &rowEncoder{datetime: strconv.Itoa(b.st.datetime)}
	switch {
	case rs.Prepared != nil:
		b.spool, first, rows, err = rs.Prepared.take(b.st.datetime)
	case rs.Recorded != nil:
		late := rs.Late
		if late == nil {
			late = func(string) any { return nil }
		}
		stop, free := make(chan struct{}), newFreeList(batchesAhead)
		b.spool, first, rows, err = spoolRows(rs.Recorded.replay(late, enc, stop, free), free, sync.OnceFunc(func() { close(stop) }))
	case rs.Rows != nil:
		stop, free := make(chan struct{}), newFreeList(batchesAhead)
		b.spool, first, rows, err = spoolRows(pull(rs.Rows, enc, stop, free), free, sync.OnceFunc(func() { close(stop) }))
	}
	if b.spool != nil {
		b.spool.part = b.sheetPart(sh)
	}
	if err != nil {
		b.setErr(err)
		return
	}
	if len(header) > 0 {
		b.setErr(sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
		for i, w := range columnWidths(header, first) {
			b.setErr(sw.SetColWidth(i+1, i+1, w))
		}
	}
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = excelize.Cell{StyleID: b.st.header, Value: rightToLeft(h, b.fa)}
	}
	b.setErr(sw.SetRow("A1", hdr, excelize.RowOpts{Height: 30}))
	if b.err != nil {
		return
	}
	row := 1 + rows
	if row == 1 {
		b.setErr(sw.SetRow("A2", []any{excelize.Cell{StyleID: b.st.note, Value: lb.NoResponses}}))
	} else if len(header) > 0 {
		b.setErr(sw.AddTable(&excelize.Table{
			Range: cell(1, 1) + ":" + cell(len(header), row), Name: "Responses", StyleName: "TableStyleLight1",
		}))
	}
	b.reach(sh, max(len(header), 1), max(row, 2))
	b.setErr(sw.Flush())
}

// spoolRows compresses the rows of batches into a rowSpool of their own
// (nil when there are none), and returns the first batch's values, for the
// column widths, and how many rows there were; the batches' XML buffers
// go back to the reader through free. It returns once the reader has let
// go of the rows: stop (called at most once more) makes it stop early, on
// an error. A panic of the reader is raised again here.
func spoolRows(batches <-chan rowBatch, free freeList, stop func()) (s *rowSpool, first [][]cellValue, rows int, err error) {
	var panicked any
	defer func() {
		stop()
		for range batches { // wait until the reader has let go of the rows
		}
		if err == nil && s != nil {
			err = s.finish()
		}
		if panicked != nil {
			if s != nil {
				s.close()
			}
			panic(panicked)
		}
	}()
	for batch := range batches {
		if batch.panicked != nil {
			panicked = batch.panicked
			return s, first, rows, nil
		}
		if rows == 0 {
			first = batch.values
		}
		if batch.rows > 0 && s == nil {
			if s, err = newRowSpool(); err != nil {
				return nil, first, rows, err
			}
		}
		if len(batch.xml) > 0 {
			if _, err := s.Write(batch.xml); err != nil {
				return s, first, rows, fmt.Errorf("response rows: %w", err)
			}
			free.put(batch.xml)
		}
		rows += batch.rows
		if batch.err != nil {
			return s, first, rows, fmt.Errorf("reading response row %d: %w", rows+1, batch.err)
		}
	}
	return s, first, rows, nil
}

// sheetPart is the package part of a sheet the workbook created.
func (b *book) sheetPart(sheet string) string {
	for id, name := range b.f.GetSheetMap() {
		if name == sheet {
			return fmt.Sprintf("xl/worksheets/sheet%d.xml", id)
		}
	}
	return ""
}

// columnWidths fits each column to its header (which wraps onto two lines)
// and to the widest value among rows, between 8 and 50 units.
func columnWidths(header []string, rows [][]cellValue) []float64 {
	ws := make([]float64, len(header))
	for i, h := range header {
		ws[i] = max(textWidth(h)/2, min(textWidth(h), 12))
	}
	for _, r := range rows {
		for i, v := range r[:min(len(r), len(ws))] {
			ws[i] = max(ws[i], v.width())
		}
	}
	for i := range ws {
		ws[i] = min(max(ws[i]+2, 8), 50)
	}
	return ws
}

// rowBatch is a run of rows as sheet XML, and the error that ended the
// reading after them, or the value the reading panicked with (raised again
// on the writer's goroutine, the caller's). The first batch also keeps its
// rows' values, to fit the column widths to.
type rowBatch struct {
	xml      []byte
	rows     int
	values   [][]cellValue
	err      error
	panicked any
}

// batchesAhead is how many batches of rows a reader may have made before
// they are taken, and how many of their buffers are kept for reuse.
const batchesAhead = 4

// pull reads rows on its own goroutine, converting their values (cellOf)
// and encoding them as XML from row 2 on, and hands them over in batches:
// the caller's cursor, the conversions and the encoding then overlap the
// compression. Each batch's XML is a buffer from free. Closing stop ends
// the reading early.
func pull(rows iter.Seq2[[]any, error], enc *rowEncoder, stop <-chan struct{}, free freeList) <-chan rowBatch {
	const size = 256
	out := make(chan rowBatch, batchesAhead)
	go func() {
		defer close(out)
		defer func() {
			if v := recover(); v != nil {
				select {
				case out <- rowBatch{panicked: v}:
				case <-stop:
				}
			}
		}()
		batch := rowBatch{xml: free.get(0)}
		keep := true // the first batch keeps its values
		var conv []cellValue
		send := func() bool {
			select {
			case out <- batch:
				batch, keep = rowBatch{xml: free.get(cap(batch.xml))}, false
				conv = nil // the rows handed over keep theirs
				return true
			case <-stop:
				return false
			}
		}
		r := 1
		for vals, err := range rows {
			if err != nil {
				batch.err = err
				send()
				return
			}
			if keep {
				conv = make([]cellValue, len(vals))
			} else {
				conv = slices.Grow(conv[:0], len(vals))[:len(vals)]
			}
			for i, v := range vals {
				conv[i] = cellOf(v)
			}
			if keep {
				batch.values = append(batch.values, conv)
			}
			r++
			batch.xml = enc.appendRow(batch.xml, r, conv)
			if batch.rows++; batch.rows == size && !send() {
				return
			}
		}
		if batch.rows > 0 {
			send()
		}
	}()
	return out
}

// uniqueHeaders makes header texts valid, distinct table column names: one
// line, at most 255 characters, never empty, duplicates numbered "(2)".
func uniqueHeaders(in []string) []string {
	out := make([]string, len(in))
	seen := make(map[string]bool, len(in))
	for i, h := range in {
		h = strings.Join(strings.Fields(cleanText(h)), " ")
		if h == "" {
			h = fmt.Sprintf("#%d", i+1)
		}
		h = truncateRunes(h, maxHeader-6)
		name := h
		for n := 2; seen[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s (%d)", h, n)
		}
		seen[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
