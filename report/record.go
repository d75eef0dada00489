package report

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"

	"github.com/xuri/excelize/v2"
)

// RowRecorder keeps the Responses sheet's rows as a caller reads its
// responses for another purpose (the analysis), so that writing the
// workbook does not read and convert every response a second time. The
// rows are encoded as sheet XML on the way (rowxml.go) into a temporary
// file; memory holds only the first rows' values, for the column widths.
//
// One column, late, is left open: its value (a respondent's persona, known
// only once the analysis is done) comes from Responses.Late, by the key
// given with the row, when the workbook is written.
type RowRecorder struct {
	late  int
	enc   rowEncoder
	file  *os.File
	w     *bufio.Writer
	rows  int
	first []recordedRow // the first rows' values, for the column widths
	conv  []cellValue
	buf   []byte
	err   error
}

type recordedRow struct {
	key  string
	vals []cellValue
}

// styleMark stands for the date-time style in recorded XML: styles are
// numbered only when the workbook is written. XML text never holds it
// (cleanText and escapeXML drop control characters).
const styleMark = "\x00"

// A record's flags (RowRecorder.Add).
const (
	lateFollows = 1 << iota // the late cell directly follows the cells before it
	nextBare                // the rest starts with the cell at late+1, without a reference
)

// NewRowRecorder starts a recording whose column late (0 is A) is filled in
// when the workbook is written. Close it when done.
func NewRowRecorder(late int) (*RowRecorder, error) {
	f, err := os.CreateTemp("", "safar-rows-*.xml")
	if err != nil {
		return nil, err
	}
	return &RowRecorder{late: late, enc: rowEncoder{datetime: styleMark}, file: f, w: bufio.NewWriterSize(f, 256<<10)}, nil
}

// Add records the next row, which rs.Late(key) completes; vals[late] is
// not read. vals may be reused once Add returns.
func (r *RowRecorder) Add(key string, vals []any) error {
	if r.err != nil {
		return r.err
	}
	r.rows++
	row := r.rows + 1 // after the header
	conv := r.conv[:0]
	for i, v := range vals {
		if i == r.late {
			conv = append(conv, cellValue{})
			continue
		}
		conv = append(conv, cellOf(v))
	}
	r.conv = conv
	if len(r.first) < firstRows {
		r.first = append(r.first, recordedRow{key: key, vals: append([]cellValue(nil), conv...)})
	}
	// A record: the row up to the late column, the key after a byte of
	// flags, the rest. The rest is written as if the late cell were there
	// (a cell at late+1 has no reference); the flags tell the replay
	// whether the late cell follows the row's cells before it
	// (lateFollows) and whether the rest starts at late+1 without a
	// reference, to be given one when the late cell is blank (nextBare).
	b := r.enc.openRow(r.buf[:0], row)
	for i, v := range conv[:min(r.late, len(conv))] {
		b = r.enc.appendCell(b, i, row, v)
	}
	var flags byte
	if r.enc.next == r.late {
		flags |= lateFollows
	}
	if r.late+1 < len(conv) && conv[r.late+1].kind != blankCell {
		flags |= nextBare
	}
	r.put(b)
	b = append(append(b[:0], flags), key...)
	r.put(b)
	b = b[:0]
	r.enc.next = r.late + 1
	for i := r.late + 1; i < len(conv); i++ {
		b = r.enc.appendCell(b, i, row, conv[i])
	}
	b = append(b, `</row>`...)
	r.put(b)
	r.buf = b
	return r.err
}

func (r *RowRecorder) put(p []byte) {
	if r.putLen(len(p)) {
		_, r.err = r.w.Write(p)
	}
}

// putLen writes a record's length, telling whether its bytes may follow.
func (r *RowRecorder) putLen(n int) bool {
	if r.err != nil {
		return false
	}
	var b [binary.MaxVarintLen64]byte
	_, r.err = r.w.Write(b[:binary.PutUvarint(b[:], uint64(n))])
	return r.err == nil
}

// Rows is the number of rows recorded.
func (r *RowRecorder) Rows() int { return r.rows }

// Close removes the recording.
func (r *RowRecorder) Close() error {
	r.file.Close()
	return os.Remove(r.file.Name())
}

// PreparedRows are a recording made into the Responses sheet's compressed
// rows ahead of the workbook (RowRecorder.Prepare), on goroutines of their
// own, so that the work overlaps what the caller does meanwhile: safar
// report prepares them as soon as the personas are known, beside the rest
// of the analysis. Write takes them over (Responses.Prepared); Close them
// in any case.
type PreparedRows struct {
	datetime int    // the workbook's date-time style they were made with
	stop     func() // ends the making early
	done     chan struct{}
	// set once done is closed
	spool *rowSpool
	first [][]cellValue
	rows  int
	err   error
	taken bool
}

// Prepare starts making the recorded rows into the Responses sheet of a
// workbook in lang (its date-time style), the late column filled in by
// late, which is called once a row, in order, on a goroutine of its own.
// No row may be added after.
func (r *RowRecorder) Prepare(lang string, late func(key string) any) *PreparedRows {
	p := &PreparedRows{done: make(chan struct{})}
	p.datetime, p.err = dateTimeStyle(lang)
	stop := make(chan struct{})
	p.stop = sync.OnceFunc(func() { close(stop) })
	if p.err != nil {
		close(p.done)
		return p
	}
	free := newFreeList(batchesAhead)
	batches := r.replay(late, &rowEncoder{datetime: strconv.Itoa(p.datetime)}, stop, free)
	go func() {
		defer close(p.done)
		p.spool, p.first, p.rows, p.err = spoolRows(batches, free, p.stop)
	}()
	return p
}

// take waits for the rows and hands them over to a workbook whose date-time
// style is datetime.
func (p *PreparedRows) take(datetime int) (*rowSpool, [][]cellValue, int, error) {
	<-p.done
	switch {
	case p.err != nil:
		return nil, nil, 0, p.err
	case p.taken:
		return nil, nil, 0, errors.New("report: the prepared response rows were written already")
	case p.datetime != datetime:
		return nil, nil, 0, fmt.Errorf("report: the response rows were prepared with date-time style %d, the workbook's is %d", p.datetime, datetime)
	}
	p.taken = true
	s := p.spool
	p.spool = nil
	return s, p.first, p.rows, nil
}

// Close stops the making, if still going on, and removes the rows unless a
// workbook took them over.
func (p *PreparedRows) Close() {
	p.stop()
	<-p.done
	if p.spool != nil {
		p.spool.close()
		p.spool = nil
	}
}

// dateTimeStyle is the date-time style of a workbook in lang: Write makes
// the same styles in the same order.
func dateTimeStyle(lang string) (int, error) {
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, fa: lang == "fa"}
	b.newStyles()
	return b.st.datetime, b.err
}

// firstRows is how many rows the column widths are fitted to.
const firstRows = 256

// replay hands the recorded rows over as pull does the caller's: in
// batches of XML, the late column filled in by late (called once a row, in
// order) and the date-time style by enc, read from the file on a goroutine
// of its own. Each batch's XML is a buffer from free.
func (r *RowRecorder) replay(late func(key string) any, enc *rowEncoder, stop <-chan struct{}, free freeList) <-chan rowBatch {
	out := make(chan rowBatch, batchesAhead)
	if r.err == nil {
		r.err = r.w.Flush()
	}
	if r.err == nil {
		_, r.err = r.file.Seek(0, io.SeekStart)
	}
	go func() {
		defer close(out)
		send := func(b rowBatch) bool {
			select {
			case out <- b:
				return true
			case <-stop:
				return false
			}
		}
		if r.err != nil {
			send(rowBatch{err: r.err})
			return
		}
		in := bufio.NewReaderSize(r.file, 256<<10)
		var head, key, tail []byte
		batch := rowBatch{xml: free.get(0), values: make([][]cellValue, 0, len(r.first))}
		firstLate := make([]cellValue, len(r.first)) // late is asked once a row
		for i, f := range r.first {
			firstLate[i] = cellOf(late(f.key))
			vals := append([]cellValue(nil), f.vals...)
			if r.late < len(vals) {
				vals[r.late] = firstLate[i]
			}
			batch.values = append(batch.values, vals)
		}
		var err error
		for row := 2; row < r.rows+2; row++ {
			if head, err = get(in, head); err == nil {
				if key, err = get(in, key); err == nil {
					tail, err = get(in, tail)
				}
			}
			if err != nil {
				send(rowBatch{xml: batch.xml, rows: batch.rows, values: batch.values,
					err: fmt.Errorf("the recorded rows: %w", err)})
				return
			}
			if len(key) == 0 {
				send(rowBatch{xml: batch.xml, rows: batch.rows, values: batch.values,
					err: errors.New("the recorded rows: a record without its flags")})
				return
			}
			flags := key[0]
			batch.xml = appendMarked(batch.xml, head, enc.datetime)
			var v cellValue
			if i := row - 2; i < len(firstLate) {
				v = firstLate[i]
			} else {
				v = cellOf(late(string(key[1:])))
			}
			enc.next = -1
			if flags&lateFollows != 0 {
				enc.next = r.late
			}
			batch.xml = enc.appendCell(batch.xml, r.late, row, v)
			if v.kind == blankCell && flags&nextBare != 0 { // tail is `<c` and the cell's attributes
				batch.xml = enc.appendRef(batch.xml, r.late+1, row)
				tail = tail[len(`<c`):]
			}
			batch.xml = appendMarked(batch.xml, tail, enc.datetime)
			if batch.rows++; batch.rows == firstRows {
				if !send(batch) {
					return
				}
				batch = rowBatch{xml: free.get(cap(batch.xml))}
			}
		}
		if batch.rows > 0 {
			send(batch)
		}
	}()
	return out
}

// get reads one length-prefixed piece of a record into buf.
func get(in *bufio.Reader, buf []byte) ([]byte, error) {
	n, err := binary.ReadUvarint(in)
	if err != nil {
		return buf, err
	}
	if uint64(cap(buf)) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	_, err = io.ReadFull(in, buf)
	return buf, err
}

// appendMarked appends recorded XML with the date-time style filled in.
func appendMarked(dst, xml []byte, style string) []byte {
	for {
		i := bytes.IndexByte(xml, styleMark[0])
		if i < 0 {
			return append(dst, xml...)
		}
		dst = append(dst, xml[:i]...)
		dst = append(dst, style...)
		xml = xml[i+1:]
	}
}
