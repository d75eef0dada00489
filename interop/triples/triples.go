// Package triples writes survey responses in the Triple-S 2.0 survey
// interchange standard: an XML metadata file (.sss) describing each
// variable's type, labels and position, and a fixed-width data file (.asc)
// with one line per response. Market-research tools (Quantum, SPSS through
// STATS GET TRIPLES, R's sss, Askia, Merlin) read it.
//
// The data file is UTF-8 and positions count characters, so Persian text
// keeps its columns; blank fields are missing values.
package triples

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/safarhq/safar/survey"
)

// field is one Triple-S variable and how to fill it from a response.
type field struct {
	name, label, typ string
	width            int
	values           []value // single, multiple
	lo, hi           float64 // quantity range
	decimals         int
	fill             func(r *survey.Response) string
	num              func(r *survey.Response) *float64 // number questions: sized after the first pass
	intDigits        int
	negative         bool
}

type value struct {
	code  int
	label string
}

// layout builds the variables of d.
func layout(d *survey.Definition) []*field {
	lang := d.Language
	other := survey.OtherLabel(lang)
	status := []value{{1, "Complete"}, {2, "Partial"}}
	if lang == "fa" {
		status = []value{{1, "کامل"}, {2, "ناتمام"}}
	}
	fs := []*field{
		{name: "response_id", label: "Response ID", typ: "character", fill: func(r *survey.Response) string { return r.ID }},
		{name: "status", label: "Status", typ: "single", values: status, fill: func(r *survey.Response) string {
			if r.Status == survey.Complete {
				return "1"
			}
			return "2"
		}},
		{name: "touchpoint", label: "Touchpoint", typ: "character", fill: func(r *survey.Response) string { return r.Touchpoint }},
		{name: "started_date", label: "Started (UTC)", typ: "date", width: 8, fill: func(r *survey.Response) string { return stamp(&r.StartedAt, "20060102") }},
		{name: "started_time", label: "Started (UTC)", typ: "time", width: 6, fill: func(r *survey.Response) string { return stamp(&r.StartedAt, "150405") }},
		{name: "completed_date", label: "Completed (UTC)", typ: "date", width: 8, fill: func(r *survey.Response) string { return stamp(r.CompletedAt, "20060102") }},
		{name: "completed_time", label: "Completed (UTC)", typ: "time", width: 6, fill: func(r *survey.Response) string { return stamp(r.CompletedAt, "150405") }},
	}
	if d.Multilingual() {
		// The language each respondent answered in, coded in the survey's
		// order like the .sav export.
		var vals []value
		for i, code := range d.Langs() {
			info, _ := survey.Language(code)
			vals = append(vals, value{i + 1, code + " " + info.Name})
		}
		fs = append(fs, &field{name: survey.LanguageColumn, label: "Language", typ: "single", values: vals, fill: func(r *survey.Response) string {
			if i := slices.Index(d.Langs(), d.ResponseLanguage(r)); i >= 0 {
				return strconv.Itoa(i + 1)
			}
			return ""
		}})
	}
	for _, q := range d.Questions() {
		q := q
		answer := func(r *survey.Response) survey.Value { return r.Answers[q.ID] }
		switch q.Type {
		case survey.Single, survey.Dropdown, survey.Multiple:
			var vals []value
			for i, o := range q.Options {
				vals = append(vals, value{i + 1, o.Text()})
			}
			if q.Other {
				vals = append(vals, value{len(q.Options) + 1, other})
			}
			code := func(v string) int {
				for _, x := range vals[:len(q.Options)] {
					if q.Options[x.code-1].Value == v {
						return x.code
					}
				}
				if v == survey.OtherValue && q.Other {
					return len(q.Options) + 1
				}
				return 0
			}
			if q.Type == survey.Multiple {
				// A bit string: one 0/1 column per value, in value order.
				fs = append(fs, &field{name: q.ID, label: q.Text.String(), typ: "multiple", values: vals, width: len(vals), fill: func(r *survey.Response) string {
					v := answer(r)
					if len(v.Choices) == 0 {
						return ""
					}
					bits := []byte(strings.Repeat("0", len(vals)))
					for _, c := range v.Choices {
						if k := code(c); k > 0 {
							bits[k-1] = '1'
						}
					}
					return string(bits)
				}})
			} else {
				fs = append(fs, &field{name: q.ID, label: q.Text.String(), typ: "single", values: vals, fill: func(r *survey.Response) string {
					if k := code(answer(r).Choice); k > 0 {
						return strconv.Itoa(k)
					}
					return ""
				}})
			}
			if q.Other {
				fs = append(fs, &field{name: q.ID + "_other", label: q.Text.String() + ": " + other, typ: "character", fill: func(r *survey.Response) string { return answer(r).Other }})
			}
		case survey.Likert, survey.Rating, survey.NPS:
			fs = append(fs, pointField(q.ID, q.Text.String(), q, func(r *survey.Response) (int, bool) {
				if n := answer(r).Number; n != nil {
					return int(*n), true
				}
				return 0, false
			}))
		case survey.Matrix:
			for _, st := range q.Statements {
				st := st
				fs = append(fs, pointField(q.ID+"_"+st.Value, q.Text.String()+": "+st.Text(), q, func(r *survey.Response) (int, bool) {
					p, ok := answer(r).Matrix[st.Value]
					return p, ok
				}))
			}
		case survey.Number:
			f := &field{name: q.ID, label: q.Text.String(), typ: "quantity", num: func(r *survey.Response) *float64 { return answer(r).Number }}
			f.fill = func(r *survey.Response) string {
				if n := f.num(r); n != nil {
					return strconv.FormatFloat(*n, 'f', f.decimals, 64)
				}
				return ""
			}
			fs = append(fs, f)
		case survey.Date:
			fs = append(fs, &field{name: q.ID, label: q.Text.String(), typ: "date", width: 8, fill: func(r *survey.Response) string {
				if t, err := time.Parse("2006-01-02", answer(r).Text); err == nil {
					return t.Format("20060102")
				}
				return ""
			}})
		default:
			fs = append(fs, &field{name: q.ID, label: q.Text.String(), typ: "character", fill: func(r *survey.Response) string {
				return strings.Join(strings.Fields(answer(r).Text), " ") // one line per record
			}})
		}
	}
	names := map[string]bool{}
	for _, f := range fs {
		f.name = uniqueName(f.name, names)
		f.label = strings.Join(strings.Fields(f.label), " ")
		if f.typ == "single" {
			f.width = len(strconv.Itoa(f.values[len(f.values)-1].code))
		}
	}
	return fs
}

// pointField is a scaled answer: single with the scale's labels when every
// point has one, otherwise a quantity over the scale's range.
func pointField(name, label string, q *survey.Question, point func(*survey.Response) (int, bool)) *field {
	lo, n := q.ScalePoints()
	f := &field{name: name, label: label, fill: func(r *survey.Response) string {
		if p, ok := point(r); ok {
			return strconv.Itoa(p)
		}
		return ""
	}}
	if q.Scale != nil && (len(q.Scale.Labels) == n || !q.Scale.Low.IsZero() || !q.Scale.High.IsZero()) {
		// Every point labelled, or the ends: a single with one value per
		// point, the unlabelled middle points named by their number.
		f.typ = "single"
		for p := lo; p < lo+n; p++ {
			l := q.PointLabel(p)
			if l == "" {
				l = strconv.Itoa(p)
			}
			f.values = append(f.values, value{p, l})
		}
		return f
	}
	f.typ, f.lo, f.hi = "quantity", float64(lo), float64(lo+n-1)
	f.width = len(strconv.Itoa(lo + n - 1))
	return f
}

func stamp(t *time.Time, layout string) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format(layout)
}

// uniqueName keeps letters, digits and _ (Triple-S names are identifiers).
func uniqueName(s string, seen map[string]bool) string {
	s = strings.Map(func(r rune) rune {
		if r == '_' || r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return r
		}
		return '_'
	}, s)
	if s == "" || s[0] >= '0' && s[0] <= '9' || s[0] == '_' {
		s = "Q" + s
	}
	name := s
	for i := 2; seen[strings.ToUpper(name)]; i++ {
		name = fmt.Sprintf("%s_%d", s, i)
	}
	seen[strings.ToUpper(name)] = true
	return name
}

// Write streams a survey's responses as a zip holding SLUG.sss and
// SLUG.asc. each calls fn for every response in a stable order; it is
// called twice: once to size the columns, once to write the lines.
func Write(w io.Writer, d *survey.Definition, each func(fn func(*survey.Response) error) error, now time.Time) error {
	fs := layout(d)
	err := each(func(r *survey.Response) error {
		for _, f := range fs {
			if f.num == nil {
				f.width = max(f.width, utf8.RuneCountInString(f.fill(r)))
			} else if n := f.num(r); n != nil {
				f.decimals = max(f.decimals, decimals(*n))
				f.intDigits = max(f.intDigits, len(strconv.FormatFloat(math.Abs(math.Trunc(*n)), 'f', 0, 64)))
				f.negative = f.negative || *n < 0
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, f := range fs {
		if f.num != nil {
			f.width = max(f.intDigits, 1) + b2i(f.negative)
			if f.decimals > 0 {
				f.width += 1 + f.decimals
			}
		}
		f.width = max(f.width, 1) // a column nobody answered still has a position
	}
	z := zip.NewWriter(w)
	// Each file carries the export's time: Create leaves the MS-DOS date
	// zero, which unzip lists as 1980-00-00.
	create := func(name string) (io.Writer, error) {
		return z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: now})
	}
	meta, err := create(d.Slug + ".sss")
	if err != nil {
		return err
	}
	if err := writeMeta(meta, d, fs, now); err != nil {
		return err
	}
	data, err := create(d.Slug + ".asc")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(data, 64<<10)
	var line strings.Builder
	err = each(func(r *survey.Response) error {
		line.Reset()
		for _, f := range fs {
			s := f.fill(r)
			if f.typ == "quantity" || f.typ == "single" {
				line.WriteString(strings.Repeat(" ", max(0, f.width-len(s)))) // numbers right-aligned
				line.WriteString(s)
				continue
			}
			line.WriteString(s)
			line.WriteString(strings.Repeat(" ", max(0, f.width-utf8.RuneCountInString(s))))
		}
		line.WriteString("\r\n")
		_, err := bw.WriteString(line.String())
		return err
	})
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return z.Close()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func decimals(f float64) int {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return min(len(s)-i-1, 4)
	}
	return 0
}

// writeMeta writes the .sss document.
func writeMeta(w io.Writer, d *survey.Definition, fs []*field, now time.Time) error {
	type xValue struct {
		Code  int    `xml:"code,attr"`
		Label string `xml:",chardata"`
	}
	type xRange struct {
		From string `xml:"from,attr"`
		To   string `xml:"to,attr"`
	}
	type xValues struct {
		Range  *xRange  `xml:"range,omitempty"`
		Values []xValue `xml:"value"`
	}
	type xPosition struct {
		Start  int `xml:"start,attr"`
		Finish int `xml:"finish,attr"`
	}
	type xVariable struct {
		Ident    int       `xml:"ident,attr"`
		Type     string    `xml:"type,attr"`
		Name     string    `xml:"name"`
		Label    string    `xml:"label"`
		Position xPosition `xml:"position"`
		Size     int       `xml:"size,omitempty"`
		Values   *xValues  `xml:"values,omitempty"`
	}
	type xRecord struct {
		Ident     string      `xml:"ident,attr"`
		Format    string      `xml:"format,attr"`
		Variables []xVariable `xml:"variable"`
	}
	type xSurvey struct {
		Name   string  `xml:"name"`
		Title  string  `xml:"title"`
		Record xRecord `xml:"record"`
	}
	type xSSS struct {
		XMLName   xml.Name `xml:"sss"`
		Version   string   `xml:"version,attr"`
		Languages string   `xml:"languages,attr"`
		Date      string   `xml:"date"`
		Time      string   `xml:"time"`
		Origin    string   `xml:"origin"`
		Survey    xSurvey  `xml:"survey"`
	}
	doc := xSSS{Version: "2.0", Languages: d.Language, Date: now.UTC().Format("2006-01-02"), Time: now.UTC().Format("15:04:05"),
		Origin: "Safar", Survey: xSurvey{Name: d.Slug, Title: d.Title.String(), Record: xRecord{Ident: "A", Format: "fixed"}}}
	pos := 1
	for i, f := range fs {
		width := f.width
		v := xVariable{Ident: i + 1, Type: f.typ, Name: f.name, Label: f.label, Position: xPosition{pos, pos + width - 1}}
		pos += width
		switch f.typ {
		case "character":
			v.Size = width
		case "single", "multiple":
			v.Values = &xValues{}
			for _, x := range f.values {
				v.Values.Values = append(v.Values.Values, xValue{x.code, x.label})
			}
		case "quantity":
			from, to := f.lo, f.hi
			if f.num != nil {
				from, to = 0, maxFor(max(f.intDigits, 1), f.decimals)
				if f.negative {
					from = -to
				}
			}
			v.Values = &xValues{Range: &xRange{strconv.FormatFloat(from, 'f', f.decimals, 64), strconv.FormatFloat(to, 'f', f.decimals, 64)}}
		}
		doc.Survey.Record.Variables = append(doc.Survey.Record.Variables, v)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// maxFor is the largest number with these integer digits and decimals.
func maxFor(digits, decimals int) float64 {
	f, _ := strconv.ParseFloat(strings.Repeat("9", digits)+"."+strings.Repeat("9", decimals), 64)
	return f
}
