package report

import (
	"database/sql/driver"
	"fmt"
	"math"
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
	if len(header) > 0 {
		b.setErr(sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
		for i, h := range header {
			w := min(max(textWidth(h)+2, 10), 40)
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
	row, width := 1, len(header)
	var buf []any
	if rs.Rows != nil {
		for vals, err := range rs.Rows {
			if err != nil {
				b.setErr(fmt.Errorf("reading response row %d: %w", row, err))
				return
			}
			row++
			buf = buf[:0]
			for _, v := range vals {
				buf = append(buf, b.safeValue(v))
			}
			width = max(width, len(buf))
			if err := sw.SetRow(cell(1, row), buf); err != nil {
				b.setErr(fmt.Errorf("response row %d: %w", row-1, err))
				return
			}
		}
	}
	if row == 1 {
		b.setErr(sw.SetRow("A2", []any{excelize.Cell{StyleID: b.st.note, Value: lb.NoResponses}}))
	} else if len(header) > 0 {
		b.setErr(sw.AddTable(&excelize.Table{
			Range: cell(1, 1) + ":" + cell(len(header), row), Name: "Responses", StyleName: "TableStyleLight1",
		}))
	}
	b.setErr(sw.Flush())
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
