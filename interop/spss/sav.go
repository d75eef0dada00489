// Package spss writes SPSS system files (.sav) that SPSS, PSPP, R (haven)
// and Stata read with their variable labels, value labels, measurement
// levels and missing values. Text is UTF-8 (the file says so in its
// character-encoding record), so Persian labels survive.
//
// The format follows the GNU PSPP developers' guide, "System File Format":
// a header, one variable record per 8-byte slot, value labels, extension
// records (machine info, display parameters, long names, very long strings,
// encoding), then bytecode-compressed cases. Cases are streamed: the writer
// keeps one case in memory, never the whole file.
package spss

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// Measure is a variable's measurement level.
type Measure int32

const (
	Nominal Measure = 1
	Ordinal Measure = 2
	Scale   Measure = 3
)

// Format types used here (PSPP guide, "Variable Record").
const (
	fmtA        = 1
	fmtF        = 5
	fmtDate     = 20
	fmtDateTime = 22
)

// Kind says how a numeric variable is shown.
type Kind int

const (
	Number   Kind = iota // F
	Date                 // DATE11, days stored as seconds since 1582-10-14
	DateTime             // DATETIME20
)

// MaxStringWidth is the widest string SPSS stores.
const MaxStringWidth = 32767

// Variable describes one column of the file.
type Variable struct {
	Name     string  // 1-64 bytes; see ValidName
	Label    string  // up to 255 bytes (longer labels are cut at a character)
	Width    int     // 0 numeric, 1..MaxStringWidth bytes for a string
	Kind     Kind    // numeric display
	Decimals int     // numeric decimals
	Measure  Measure // nominal, ordinal or scale
	// ValueLabels label numeric codes (numeric variables only).
	ValueLabels []ValueLabel
	// Missing are up to three user-missing codes (numeric variables only).
	Missing []float64
}

// ValueLabel labels one numeric code.
type ValueLabel struct {
	Value float64
	Label string // up to 120 bytes (longer labels are cut at a character)
}

// Value is one cell: a number (NaN for system-missing) or a string.
type Value struct {
	Num float64
	Str string
}

// Sysmis is the system-missing value.
var Sysmis = Value{Num: math.NaN()}

// Num and Str build values.
func Num(f float64) Value { return Value{Num: f} }
func Str(s string) Value  { return Value{Str: s} }
func Time(t time.Time) Value {
	if t.IsZero() {
		return Sysmis
	}
	return Value{Num: float64(t.Unix()+gregorianOffset) + float64(t.Nanosecond()/1e6)/1e3}
}

// gregorianOffset is the seconds from 1582-10-14 (SPSS's epoch) to 1970-01-01.
const gregorianOffset = 12219379200

const (
	bias     = 100
	sysmis   = -math.MaxFloat64
	highest  = math.MaxFloat64
	lowest   = -1.7976931348623155e308 // the float just above -DBL_MAX
	segBytes = 252                     // width per very-long-string segment
	segWidth = 255                     // stored width of every segment but the last
)

// Writer streams cases into a .sav file.
type Writer struct {
	w     *bufio.Writer
	vars  []Variable
	slots int // 8-byte elements per case
	buf   compressor
	err   error
}

// NewWriter checks the variables, writes the dictionary and returns a
// writer for the cases. label is the file label (up to 64 bytes).
func NewWriter(w io.Writer, label string, vars []Variable, now time.Time) (*Writer, error) {
	if len(vars) == 0 {
		return nil, errors.New("spss: no variables")
	}
	seen := map[string]bool{}
	for i := range vars {
		v := &vars[i]
		if err := ValidName(v.Name); err != nil {
			return nil, fmt.Errorf("spss: variable %d: %w", i+1, err)
		}
		if k := strings.ToUpper(v.Name); seen[k] {
			return nil, fmt.Errorf("spss: variable %q named twice (names ignore case)", v.Name)
		} else {
			seen[k] = true
		}
		if v.Width < 0 || v.Width > MaxStringWidth {
			return nil, fmt.Errorf("spss: variable %q: width %d outside 0..%d", v.Name, v.Width, MaxStringWidth)
		}
		if v.Width > 0 && (len(v.ValueLabels) > 0 || len(v.Missing) > 0) {
			return nil, fmt.Errorf("spss: variable %q: value labels and missing values are for numeric variables", v.Name)
		}
		if len(v.Missing) > 3 {
			return nil, fmt.Errorf("spss: variable %q: at most 3 missing values, not %d", v.Name, len(v.Missing))
		}
	}
	sw := &Writer{w: bufio.NewWriterSize(w, 64<<10), vars: vars}
	d := dictionary{w: sw.w, vars: vars}
	sw.slots = d.write(label, now)
	sw.buf.w = sw.w
	if d.err != nil {
		return nil, d.err
	}
	return sw, nil
}

// WriteCase writes one case; values are in variable order. Strings longer
// than their variable's width are cut at a character boundary.
func (sw *Writer) WriteCase(vals []Value) error {
	if sw.err != nil {
		return sw.err
	}
	if len(vals) != len(sw.vars) {
		return fmt.Errorf("spss: case has %d values for %d variables", len(vals), len(sw.vars))
	}
	for i, v := range sw.vars {
		if v.Width == 0 {
			sw.buf.number(vals[i].Num)
			continue
		}
		s := cut(vals[i].Str, v.Width)
		for _, seg := range segments(v.Width) {
			part := ""
			if seg.offset < len(s) {
				part = s[seg.offset:min(len(s), seg.offset+segWidth)]
			}
			sw.buf.str(part, slotsFor(seg.width))
		}
	}
	sw.err = sw.buf.err
	return sw.err
}

// Close ends the data and flushes. It does not close the underlying writer.
func (sw *Writer) Close() error {
	if sw.err != nil {
		return sw.err
	}
	sw.buf.end()
	if sw.buf.err != nil {
		return sw.buf.err
	}
	return sw.w.Flush()
}

// segment is one stored piece of a string variable.
type segment struct{ offset, width int }

// segments splits a string width into the pieces the file stores: one for
// widths up to 255, otherwise one per 252 bytes, each 255 wide but the last.
func segments(width int) []segment {
	if width <= segWidth {
		return []segment{{0, width}}
	}
	n := (width + segBytes - 1) / segBytes
	out := make([]segment, n)
	for i := range out {
		out[i] = segment{offset: i * segWidth, width: segWidth}
	}
	out[n-1].width = width - (n-1)*segBytes
	return out
}

func slotsFor(width int) int { return (width + 7) / 8 }

// cut shortens s to at most n bytes without splitting a character.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// reserved are the words SPSS does not accept as variable names.
var reserved = map[string]bool{"ALL": true, "AND": true, "BY": true, "EQ": true, "GE": true, "GT": true,
	"LE": true, "LT": true, "NE": true, "NOT": true, "OR": true, "TO": true, "WITH": true}

// ValidName reports why name is not a valid SPSS variable name.
func ValidName(name string) error {
	if name == "" || len(name) > 64 {
		return fmt.Errorf("name %q must be 1-64 bytes", name)
	}
	if reserved[strings.ToUpper(name)] {
		return fmt.Errorf("name %q is a reserved word", name)
	}
	for i, r := range name {
		letter := r == '@' || r == '#' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127
		if i == 0 && !letter || i == 0 && r == '#' || i == 0 && r == '$' {
			return fmt.Errorf("name %q must start with a letter", name)
		}
		if !letter && !(r >= '0' && r <= '9') && r != '_' && r != '.' {
			return fmt.Errorf("name %q has %q; use letters, digits, _ and .", name, r)
		}
	}
	if last := name[len(name)-1]; last == '.' {
		return fmt.Errorf("name %q must not end with a full stop", name)
	}
	return nil
}

// le is the byte order written (the header's layout code says so).
var le = binary.LittleEndian
