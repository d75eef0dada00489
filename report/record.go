package report

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
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
	// A record: the row up to the late column, the key, the rest.
	b := r.enc.openRow(r.buf[:0], row)
	for i, v := range conv[:min(r.late, len(conv))] {
		b = r.enc.appendCell(b, i, row, v)
	}
	r.put(b)
	r.put([]byte(key))
	b = b[:0]
	for i := r.late + 1; i < len(conv); i++ {
		b = r.enc.appendCell(b, i, row, conv[i])
	}
	b = append(b, `</row>`...)
	r.put(b)
	r.buf = b
	return r.err
}

func (r *RowRecorder) put(p []byte) {
	if r.err != nil {
		return
	}
	var n [binary.MaxVarintLen64]byte
	if _, err := r.w.Write(n[:binary.PutUvarint(n[:], uint64(len(p)))]); err != nil {
		r.err = err
		return
	}
	_, r.err = r.w.Write(p)
}

// Rows is the number of rows recorded.
func (r *RowRecorder) Rows() int { return r.rows }

// Close removes the recording.
func (r *RowRecorder) Close() error {
	r.file.Close()
	return os.Remove(r.file.Name())
}

// firstRows is how many rows the column widths are fitted to.
const firstRows = 256

// replay hands the recorded rows over as pull does the caller's: in
// batches of XML, the late column filled in by late (called once a row, in
// order) and the date-time style by enc, read from the file on a goroutine
// of its own.
func (r *RowRecorder) replay(late func(key string) any, enc *rowEncoder, stop <-chan struct{}) <-chan rowBatch {
	out := make(chan rowBatch, 4)
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
		batch := rowBatch{values: make([][]cellValue, 0, len(r.first))}
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
			batch.xml = appendMarked(batch.xml, head, enc.datetime)
			var v cellValue
			if i := row - 2; i < len(firstLate) {
				v = firstLate[i]
			} else {
				v = cellOf(late(string(key)))
			}
			batch.xml = enc.appendCell(batch.xml, r.late, row, v)
			batch.xml = appendMarked(batch.xml, tail, enc.datetime)
			if batch.rows++; batch.rows == firstRows {
				if !send(batch) {
					return
				}
				batch = rowBatch{xml: make([]byte, 0, cap(batch.xml))}
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
