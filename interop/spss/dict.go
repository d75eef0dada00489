package spss

import (
	"bufio"
	"fmt"
	"math"
	"strings"
	"time"
)

// dictionary writes the header and every record before the data, and
// remembers the first error.
type dictionary struct {
	w    *bufio.Writer
	vars []Variable
	err  error
	// per variable: the short name of each stored segment
	short [][]string
}

// write writes the whole dictionary and returns the slots per case.
func (d *dictionary) write(label string, now time.Time) int {
	slots := 0
	n := 0
	d.short = make([][]string, len(d.vars))
	for i, v := range d.vars {
		if v.Width == 0 {
			n++
			d.short[i] = []string{fmt.Sprintf("V%d", n)}
			slots++
			continue
		}
		for _, seg := range segments(v.Width) {
			n++
			d.short[i] = append(d.short[i], fmt.Sprintf("V%d", n))
			slots += slotsFor(seg.width)
		}
	}
	d.header(label, slots, now)
	index := make([]int, len(d.vars)) // 1-based dictionary index of each variable
	next := 1
	for i, v := range d.vars {
		index[i] = next
		if v.Width == 0 {
			d.variable(v, 0, d.short[i][0], true)
			next++
			continue
		}
		for s, seg := range segments(v.Width) {
			d.variable(v, seg.width, d.short[i][s], s == 0)
			next += slotsFor(seg.width)
		}
	}
	for i, v := range d.vars {
		if len(v.ValueLabels) > 0 {
			d.valueLabels(v.ValueLabels, index[i])
		}
	}
	d.machineInfo()
	d.display()
	d.longNames()
	d.veryLongStrings()
	d.text(20, "UTF-8")
	d.i32(999, 0)
	return slots
}

func (d *dictionary) bytes(b []byte) {
	if d.err == nil {
		_, d.err = d.w.Write(b)
	}
}

func (d *dictionary) i32(vs ...int32) {
	var b [4]byte
	for _, v := range vs {
		le.PutUint32(b[:], uint32(v))
		d.bytes(b[:])
	}
}

func (d *dictionary) f64(vs ...float64) {
	var b [8]byte
	for _, v := range vs {
		le.PutUint64(b[:], math.Float64bits(v))
		d.bytes(b[:])
	}
}

// padded writes s cut to n bytes and padded with pad to n.
func (d *dictionary) padded(s string, n int, pad byte) {
	s = cut(s, n)
	d.bytes([]byte(s))
	if len(s) < n {
		d.bytes([]byte(strings.Repeat(string(pad), n-len(s))))
	}
}

func (d *dictionary) header(label string, slots int, now time.Time) {
	d.bytes([]byte("$FL2"))
	d.padded("@(#) SPSS DATA FILE Safar", 60, ' ')
	d.i32(2, int32(slots), 1, 0, -1) // layout, case size, compressed, unweighted, cases unknown
	d.f64(bias)
	d.padded(now.Format("02 Jan 06"), 9, ' ')
	d.padded(now.Format("15:04:05"), 8, ' ')
	d.padded(label, 64, ' ')
	d.bytes([]byte{0, 0, 0})
}

// format packs a print/write format.
func format(typ, width, decimals int) int32 { return int32(typ<<16 | width<<8 | decimals) }

func numericFormat(v Variable) int32 {
	switch v.Kind {
	case Date:
		return format(fmtDate, 11, 0)
	case DateTime:
		return format(fmtDateTime, 20, 0)
	}
	return format(fmtF, 8+min(v.Decimals, 16), min(v.Decimals, 16))
}

// variable writes one stored segment's record and its continuations.
func (d *dictionary) variable(v Variable, width int, short string, first bool) {
	hasLabel := first && v.Label != ""
	missing := v.Missing
	if !first {
		missing = nil
	}
	f := numericFormat(v)
	if v.Width > 0 {
		f = format(fmtA, width, 0)
	}
	d.i32(2, int32(width), b2i(hasLabel), int32(len(missing)), f, f)
	d.padded(short, 8, ' ')
	if hasLabel {
		l := cut(v.Label, 255)
		d.i32(int32(len(l)))
		d.padded(l, (len(l)+3)/4*4, ' ')
	}
	d.f64(missing...)
	for range slotsFor(width) - 1 {
		d.i32(2, -1, 0, 0, 0, 0)
		d.padded("", 8, ' ')
	}
}

func (d *dictionary) valueLabels(labels []ValueLabel, index int) {
	d.i32(3, int32(len(labels)))
	for _, l := range labels {
		d.f64(l.Value)
		s := cut(l.Label, 120)
		d.bytes([]byte{byte(len(s))})
		d.padded(s, (len(s)+1+7)/8*8-1, ' ')
	}
	d.i32(4, 1, int32(index))
}

func (d *dictionary) machineInfo() {
	d.i32(7, 3, 4, 8, 1, 0, 0, -1, 1, 1, 2, 65001) // version, IEEE 754, compressed, little-endian, UTF-8
	d.i32(7, 4, 8, 3)
	d.f64(sysmis, highest, lowest)
}

// display writes measure, column width and alignment of every stored segment.
func (d *dictionary) display() {
	var rows [][3]int32
	for _, v := range d.vars {
		if v.Width == 0 {
			w := int32(8)
			if v.Kind == DateTime {
				w = 20
			} else if v.Kind == Date {
				w = 11
			}
			rows = append(rows, [3]int32{int32(v.Measure), w, 1})
			continue
		}
		m := v.Measure
		if m == Scale || m == 0 {
			m = Nominal // strings are never scale
		}
		for _, seg := range segments(v.Width) {
			rows = append(rows, [3]int32{int32(m), int32(min(seg.width, 40)), 0})
		}
	}
	d.i32(7, 11, 4, int32(3*len(rows)))
	for _, r := range rows {
		d.i32(r[:]...)
	}
}

func (d *dictionary) longNames() {
	parts := make([]string, len(d.vars))
	for i, v := range d.vars {
		parts[i] = d.short[i][0] + "=" + v.Name
	}
	d.text(13, strings.Join(parts, "\t"))
}

func (d *dictionary) veryLongStrings() {
	var b strings.Builder
	for i, v := range d.vars {
		if v.Width > segWidth {
			fmt.Fprintf(&b, "%s=%05d\x00\t", d.short[i][0], v.Width)
		}
	}
	if b.Len() > 0 {
		d.text(14, b.String())
	}
}

// text writes an extension record of one-byte elements.
func (d *dictionary) text(subtype int32, s string) {
	d.i32(7, subtype, 1, int32(len(s)))
	d.bytes([]byte(s))
}

func b2i(b bool) int32 {
	if b {
		return 1
	}
	return 0
}
