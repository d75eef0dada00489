package report

import (
	"database/sql/driver"
	"fmt"
	"iter"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// maxHeader is the longest header Excel accepts as a table column name.
const maxHeader = 255

// responses streams every response row through excelize's StreamWriter, so
// rows go from the caller's cursor to a temporary file without the sheet
// ever being held in memory. The header row is frozen and the data is an
// Excel table (which gives the filter buttons).
func (b *book) responses() {
	sh, lb := b.lb.SheetResponses, b.lb
	rs := b.data.Responses
	if rs == nil || (len(rs.Header) == 0 && rs.Rows == nil) {
		b.noData(sh, lb.NoResponses)
		return
	}
	header := uniqueHeaders(rs.Header)
	sw, err := b.f.NewStreamWriter(sh)
	if err != nil {
		b.setErr(err)
		return
	}
	var batches <-chan rowBatch
	if rs.Rows != nil {
		stop := make(chan struct{})
		batches = b.pull(rs.Rows, stop)
		defer func() {
			close(stop)
			for range batches { // wait until the reader has let go of the rows
			}
		}()
	}
	// The first batch of rows is read before anything is written: the
	// stream writer takes column widths only before the first row, and
	// they are fitted to the header and those rows (dates need 17 units,
	// where a header such as "Started" would give 10 and a cell of ###).
	var first rowBatch
	more := false
	if batches != nil {
		first, more = <-batches
	}
	if len(header) > 0 {
		b.setErr(sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
		for i, w := range columnWidths(header, first.rows) {
			b.setErr(sw.SetColWidth(i+1, i+1, w))
		}
	}
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = excelize.Cell{StyleID: b.st.header, Value: h}
	}
	b.setErr(sw.SetRow("A1", hdr, excelize.RowOpts{Height: 30}))
	if b.err != nil {
		return
	}
	row := 1
	for batch := first; more; batch, more = <-batches {
		if batch.panicked != nil {
			panic(batch.panicked)
		}
		for _, vals := range batch.rows {
			row++
			if err := sw.SetRow(cell(1, row), vals); err != nil {
				b.setErr(fmt.Errorf("response row %d: %w", row-1, err))
				return
			}
		}
		if batch.err != nil {
			b.setErr(fmt.Errorf("reading response row %d: %w", row, batch.err))
			return
		}
	}
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

// columnWidths fits each column to its header (which wraps onto two lines)
// and to the widest value among rows, between 8 and 50 units.
func columnWidths(header []string, rows [][]any) []float64 {
	ws := make([]float64, len(header))
	for i, h := range header {
		ws[i] = max(textWidth(h)/2, min(textWidth(h), 12))
	}
	for _, r := range rows {
		for i, v := range r[:min(len(r), len(ws))] {
			ws[i] = max(ws[i], valueWidth(v))
		}
	}
	for i := range ws {
		ws[i] = min(max(ws[i]+2, 8), 50)
	}
	return ws
}

// valueWidth is how many width units a streamed value needs shown.
func valueWidth(v any) float64 {
	switch x := v.(type) {
	case excelize.Cell:
		if _, ok := x.Value.(time.Time); ok {
			return 17 // yyyy-mm-dd hh:mm
		}
		return valueWidth(x.Value)
	case string:
		return textWidth(x)
	case float64:
		return float64(len(strconv.FormatFloat(x, 'g', 10, 64)))
	case nil:
		return 0
	default:
		return float64(len(fmt.Sprint(x)))
	}
}

// rowBatch is a run of rows ready for the stream writer, and the error that
// ended the reading after them, or the value the reading panicked with
// (raised again on the writer's goroutine, the caller's).
type rowBatch struct {
	rows     [][]any
	err      error
	panicked any
}

// pull reads rows on its own goroutine, converting their values with
// safeValue, and hands them over in batches: the caller's cursor and the
// conversions then overlap excelize's cell writing (on 100,000 rows each
// side costs about a second). Closing stop ends the reading early.
func (b *book) pull(rows iter.Seq2[[]any, error], stop <-chan struct{}) <-chan rowBatch {
	const size = 256
	out := make(chan rowBatch, 4)
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
		batch := rowBatch{rows: make([][]any, 0, size)}
		send := func() bool {
			select {
			case out <- batch:
				batch = rowBatch{rows: make([][]any, 0, size)}
				return true
			case <-stop:
				return false
			}
		}
		for vals, err := range rows {
			if err != nil {
				batch.err = err
				send()
				return
			}
			conv := make([]any, len(vals))
			for i, v := range vals {
				conv[i] = b.safeValue(v)
			}
			batch.rows = append(batch.rows, conv)
			if len(batch.rows) == size && !send() {
				return
			}
		}
		if len(batch.rows) > 0 {
			send()
		}
	}()
	return out
}

// safeValue turns one value from the caller's row into something the stream
// writer stores as data: strings become string cells (excelize.Cell without a
// Formula, written as inline strings), never formulas; NaN and infinities,
// which Excel cannot store, become blanks.
func (b *book) safeValue(v any) any {
	if val, ok := v.(driver.Valuer); ok {
		dv, err := val.Value()
		if err != nil {
			return excelize.Cell{Value: "#" + err.Error()}
		}
		v = dv
	}
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return excelize.Cell{Value: cleanText(x)}
	case []byte:
		return excelize.Cell{Value: cleanText(string(x))}
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, bool:
		return x
	case float32:
		return finite(float64(x))
	case float64:
		return finite(x)
	case time.Time:
		if x.IsZero() {
			return nil
		}
		wall := time.Date(x.Year(), x.Month(), x.Day(), x.Hour(), x.Minute(), x.Second(), 0, time.UTC)
		return excelize.Cell{StyleID: b.st.datetime, Value: wall}
	case *string:
		return deref(b, x)
	case *int:
		return deref(b, x)
	case *int64:
		return deref(b, x)
	case *float64:
		return deref(b, x)
	case *bool:
		return deref(b, x)
	case *time.Time:
		return deref(b, x)
	case fmt.Stringer:
		return excelize.Cell{Value: cleanText(x.String())}
	default:
		return excelize.Cell{Value: cleanText(fmt.Sprint(x))}
	}
}

func deref[T any](b *book, p *T) any {
	if p == nil {
		return nil
	}
	return b.safeValue(*p)
}

func finite(f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return f
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
