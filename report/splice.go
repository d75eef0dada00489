package report

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// The Responses sheet's rows are compressed as they are written, into a
// temporary file (rowSpool), while the next rows are being read; excelize's
// stream writer writes the rest of the sheet (header row, panes, widths,
// table). When the workbook is zipped, spliceZip puts the two together: the
// sheet's part is the stream writer's XML up to </sheetData>, then the
// spooled rows, then the rest, as one deflate stream of three pieces, each
// ended at a byte boundary (a sync flush) so they can follow each other.
// The rows are then compressed once, on the writing goroutine, and never
// stored uncompressed.

// zipLevel is the flate level of every part. The deflate is
// github.com/klauspost/compress's, not the standard library's: on the 126 MB
// of XML of a 100,000-response sheet its level 6 takes under half the time of
// the standard library's level 4 (used before, session 10) and makes a file 6%
// smaller (docs/report.md).
const zipLevel = 6

// flateWriters are reused across parts and workbooks, as archive/zip does
// for its own: about 1 MB of state each.
var flateWriters sync.Pool

func getFlate(w io.Writer) *flate.Writer {
	if fw, ok := flateWriters.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return fw
	}
	fw, _ := flate.NewWriter(w, zipLevel) // the level is valid
	return fw
}

func putFlate(fw *flate.Writer) { flateWriters.Put(fw) }

// rowSpool holds the sheet rows' XML compressed in a temporary file. The
// rows are compressed in pieces of chunkSize on goroutines of their own,
// each piece ended on a byte boundary, so the pieces follow each other as
// one deflate stream and the caller's goroutine only hands them over: the
// compression, the larger part of writing the sheet, uses both cores.
type rowSpool struct {
	part  string // the sheet's part in the package, xl/worksheets/sheetN.xml (set by the workbook)
	file  *os.File
	chunk []byte           // rows not yet handed to a compressor
	order chan chan []byte // the pieces being compressed, in order
	wrote chan error       // the file's writer is done
	crc   uint32           // of the uncompressed rows
	size  int64            // uncompressed
	err   error
	// The pieces' buffers, rows and compressed, once done with: reused,
	// so that the sheet's 126 MB of XML at 100,000 responses pass through
	// a handful of buffers instead of becoming garbage (which, while the
	// analysis' data are live, grew the heap by as much).
	chunks, outs freeList
}

// freeList keeps a few buffers for reuse.
type freeList chan []byte

func newFreeList(n int) freeList { return make(freeList, n) }

// get is a kept buffer, emptied, or a new one of capacity size.
func (f freeList) get(size int) []byte {
	select {
	case b := <-f:
		return b[:0]
	default:
		return make([]byte, 0, size)
	}
}

// put keeps b unless enough are kept.
func (f freeList) put(b []byte) {
	select {
	case f <- b:
	default:
	}
}

// chunkSize is the rows' XML compressed as one piece: large enough that
// starting each without the previous one's 32 KB of history costs little.
const chunkSize = 1 << 20

func newRowSpool() (*rowSpool, error) {
	f, err := os.CreateTemp("", "safar-rows-*.deflate")
	if err != nil {
		return nil, err
	}
	// A piece in flight a core: more would hold more memory, not go faster.
	inFlight := max(runtime.GOMAXPROCS(0), 2)
	s := &rowSpool{file: f, order: make(chan chan []byte, inFlight-1), wrote: make(chan error, 1),
		chunks: newFreeList(inFlight), outs: newFreeList(inFlight)}
	s.chunk = s.chunks.get(chunkSize + 64<<10)
	go func(order <-chan chan []byte) { // writes the compressed pieces in order
		w := bufio.NewWriterSize(f, 256<<10)
		var err error
		for piece := range order {
			b := <-piece
			if err == nil {
				_, err = w.Write(b)
			}
			s.outs.put(b)
		}
		if err == nil {
			err = w.Flush()
		}
		s.wrote <- err
	}(s.order)
	return s, nil
}

func (s *rowSpool) Write(p []byte) (int, error) {
	s.crc = crc32.Update(s.crc, crc32.IEEETable, p)
	s.size += int64(len(p))
	s.chunk = append(s.chunk, p...)
	if len(s.chunk) >= chunkSize {
		s.compress()
	}
	return len(p), nil
}

// compress hands the rows gathered so far to a compressor of their own;
// with a piece in hand a core it waits for the first.
func (s *rowSpool) compress() {
	piece := make(chan []byte, 1)
	s.order <- piece
	go func(data []byte) {
		out := bytes.NewBuffer(s.outs.get(len(data) / 4))
		fw := getFlate(out)
		fw.Write(data) // bytes.Buffer writes do not fail
		fw.Flush()     // a byte boundary, not the final block
		putFlate(fw)
		s.chunks.put(data)
		piece <- out.Bytes()
	}(s.chunk)
	s.chunk = s.chunks.get(chunkSize + 64<<10)
}

// finish compresses the last rows and waits until every piece is in the
// file; the last block is not marked final (the rest of the sheet follows).
func (s *rowSpool) finish() error {
	if s.order == nil {
		return s.err
	}
	if len(s.chunk) > 0 {
		s.compress()
	}
	close(s.order)
	s.order = nil
	s.err = <-s.wrote
	return s.err
}

// close removes the temporary file.
func (s *rowSpool) close() {
	s.finish()
	s.file.Close()
	os.Remove(s.file.Name())
}

// spliceZip is the workbook's zip writer: parts are compressed at zipLevel,
// and the spooled sheet's part gets its rows spliced in.
type spliceZip struct {
	*zip.Writer
	spool    *rowSpool
	pending  *bytes.Buffer // the stream writer's XML of the spooled part
	done     bool
	modified time.Time // every part's time: when the workbook was made; zero leaves it unset
}

// zipWriter is the workbook's zip writer (spliceZip), for excelize. It
// writes to the workbook's destination (book.out), not to w: excelize
// hands it a bytes.Buffer, which would hold the whole workbook in memory
// (16 MB at 100,000 responses, 160 MB at 1,000,000, grown by doubling)
// before copying it out, and which then stays empty. (excelize rewrites
// that buffer only to mark its own parts of over 4 GB as zip64; it has
// none here: the one large part, the Responses sheet's rows, is spliced
// in below.)
func (b *book) zipWriter(io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(b.out)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return pooledFlate{getFlate(out)}, nil
	})
	modified := b.data.Study.Generated
	if !modified.IsZero() {
		// Zip readers (unzip -l, Explorer) show an entry's MS-DOS time as
		// local time; excelize's own writer leaves it zero ("1980-00-00").
		modified = modified.Local()
	}
	return &spliceZip{Writer: zw, spool: b.spool, modified: modified}
}

// pooledFlate returns its writer to the pool when closed.
type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	putFlate(p.Writer)
	return err
}

func (z *spliceZip) Create(name string) (io.Writer, error) {
	if err := z.splice(); err != nil {
		return nil, err
	}
	if z.spool != nil && name == z.spool.part {
		z.pending = new(bytes.Buffer)
		return z.pending, nil
	}
	return z.Writer.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.modified})
}

func (z *spliceZip) Close() error {
	if err := z.splice(); err != nil {
		return err
	}
	if z.spool != nil && !z.done {
		return fmt.Errorf("report: the workbook has no part %s for the response rows", z.spool.part)
	}
	return z.Writer.Close()
}

// splice writes the pending part: its XML before </sheetData>, the spooled
// rows, and the rest.
func (z *spliceZip) splice() error {
	if z.pending == nil {
		return nil
	}
	xml := z.pending.Bytes()
	z.pending = nil
	at := bytes.Index(xml, []byte("</sheetData>"))
	if at < 0 {
		return errors.New("report: the streamed sheet has no </sheetData>")
	}
	head, tail := xml[:at], xml[at:]
	var zhead, ztail bytes.Buffer
	fw := getFlate(&zhead)
	fw.Write(head) // bytes.Buffer writes do not fail
	fw.Flush()
	fw.Reset(&ztail)
	fw.Write(tail)
	fw.Close()
	putFlate(fw)

	s := z.spool
	rows, err := s.file.Seek(0, io.SeekCurrent) // the compressed rows' size
	if err != nil {
		return err
	}
	crc := crc32.ChecksumIEEE(head)
	crc = crc32Combine(crc, s.crc, s.size)
	crc = crc32.Update(crc, crc32.IEEETable, tail)
	fh := &zip.FileHeader{
		Name:               s.part,
		Method:             zip.Deflate,
		CreatorVersion:     20,
		ReaderVersion:      20,
		CRC32:              crc,
		CompressedSize64:   uint64(zhead.Len()) + uint64(rows) + uint64(ztail.Len()),
		UncompressedSize64: uint64(len(head)) + uint64(s.size) + uint64(len(tail)),
	}
	if !z.modified.IsZero() { // CreateRaw takes the MS-DOS fields as they are
		fh.Modified = z.modified
		fh.ModifiedDate, fh.ModifiedTime = msDosTime(z.modified)
	}
	w, err := z.CreateRaw(fh)
	if err != nil {
		return err
	}
	if _, err := w.Write(zhead.Bytes()); err != nil {
		return err
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if n, err := io.Copy(w, s.file); err != nil || n != rows {
		return fmt.Errorf("report: copying the response rows: %d of %d bytes: %v", n, rows, err)
	}
	if _, err := w.Write(ztail.Bytes()); err != nil {
		return err
	}
	z.done = true
	return nil
}

// msDosTime is t's date and time in a zip header's MS-DOS fields, to the
// two seconds, as archive/zip writes them for CreateHeader.
func msDosTime(t time.Time) (date, clock uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

// crc32Combine is the CRC-32 of a followed by b, from a's CRC, b's and b's
// length. The CRC's register is linear in its input once the initial and
// final inversions are undone: running n zero bytes through it from crcA
// gives the part of the register a contributes, and b's own CRC the rest.
func crc32Combine(crcA, crcB uint32, lenB int64) uint32 {
	var zeros [32 << 10]byte
	r := crcA
	for lenB > 0 {
		n := min(lenB, int64(len(zeros)))
		r = ^crc32.Update(^r, crc32.IEEETable, zeros[:n])
		lenB -= n
	}
	return r ^ crcB
}
