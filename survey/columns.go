package survey

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Column types of CSV exports from any tool: one set of rules, used both
// when a CSV becomes a survey (DefinitionFromTable) and when personas are
// fitted on a CSV (personas.InferCSV), so a column reads the same in the
// report and on the persona cards.

// ColumnKind is what a column of a table holds.
type ColumnKind string

const (
	ColumnSkipped ColumnKind = "skipped" // ids, constants, empty: Reason says which
	ColumnNumber  ColumnKind = "number"  // numbers that are not a short scale
	ColumnScale   ColumnKind = "scale"   // ordered levels: a short integer scale or a known Likert wording
	ColumnChoice  ColumnKind = "choice"  // a few distinct answers (two-valued numbers too)
	ColumnText    ColumnKind = "text"    // long or varied free text
)

// TableColumn is what InferColumn made of one column.
type TableColumn struct {
	Name string
	Kind ColumnKind
	// Levels: for a scale, in order (low to high); for a choice, most
	// frequent first. With Other set, answers outside the 30 most common
	// are lumped as "Other" (the last level).
	Levels  []string
	Other   bool
	Numeric bool    // every answer is a number (Lo..Hi, Whole when all integers)
	Whole   bool    // every answer is an integer
	Lo, Hi  float64 // range of a numeric column
	Missing int     // empty or NA cells
	Reason  string  // why a column is skipped
}

// Level is the level a cell counts as: "" when missing, "Other" for an
// answer outside the kept levels of a lumped choice, else the cell.
func (c TableColumn) Level(cell string) string {
	cell = strings.TrimSpace(cell)
	if IsMissingCell(cell) {
		return ""
	}
	if c.Other && !slices.Contains(c.Levels, cell) {
		return OtherLevel
	}
	return cell
}

// OtherLevel is the level lumped answers take.
const OtherLevel = "Other"

// missingCells are the spellings of a missing answer, compared
// case-insensitively after trimming.
var missingCells = map[string]bool{"": true, "na": true, "n/a": true, "nan": true, "null": true,
	"-": true, "?": true, ".": true, "missing": true, "#n/a": true, "بی‌پاسخ": true}

// IsMissingCell reports whether a cell is empty or an NA spelling.
func IsMissingCell(s string) bool { return missingCells[strings.ToLower(strings.TrimSpace(s))] }

// LikertScales are known ordered answer wordings, low to high. A text
// column whose answers all belong to one scale is a scale in this order.
var LikertScales = [][]string{
	{"strongly disagree", "disagree", "neither agree nor disagree", "agree", "strongly agree"},
	{"strongly disagree", "disagree", "neutral", "agree", "strongly agree"},
	{"very dissatisfied", "dissatisfied", "neutral", "satisfied", "very satisfied"},
	{"very dissatisfied", "dissatisfied", "neither satisfied nor dissatisfied", "satisfied", "very satisfied"},
	{"very unlikely", "unlikely", "neutral", "likely", "very likely"},
	{"never", "rarely", "sometimes", "often", "always"},
	{"very poor", "poor", "fair", "good", "very good", "excellent"},
	{"poor", "fair", "good", "very good", "excellent"},
	{"none", "some", "freq"}, // MASS survey: exercise
	{"never", "occas", "regul", "heavy"},
	{"low", "medium", "high"},
	{"کاملا مخالفم", "مخالفم", "نظری ندارم", "موافقم", "کاملا موافقم"},
	{"خیلی ناراضی", "ناراضی", "متوسط", "راضی", "خیلی راضی"},
	{"هرگز", "به ندرت", "گاهی", "اغلب", "همیشه"},
	{"خیلی کم", "کم", "متوسط", "زیاد", "خیلی زیاد"},
}

// InferColumn reads one column (its header and cells):
//   - empty cells and NA spellings are missing;
//   - id-like columns (a name such as "id" or ending in " ID"/"_id", or a
//     distinct value in nearly every row of 20 or more) and columns with
//     one answer or none are skipped;
//   - numbers: integer columns with 3-10 distinct values, or 3-11 within
//     0..10 (an NPS), are scales; two distinct values a choice; others
//     numbers;
//   - text: answers that all belong to a known Likert wording are a
//     scale; up to 50 distinct answers of at most 40 characters on
//     average a choice; many short answers (at most 25 characters on
//     average: cities, brands) a choice of the 30 most common plus
//     "Other"; long or varied text is free text.
func InferColumn(name string, cells []string) TableColumn {
	c := TableColumn{Name: strings.TrimSpace(name), Numeric: true, Whole: true}
	distinct := map[string]int{}
	totalLen, numbers := 0, 0
	for _, s := range cells {
		s = strings.TrimSpace(s)
		if IsMissingCell(s) {
			c.Missing++
			continue
		}
		distinct[s]++
		totalLen += utf8.RuneCountInString(s)
		x, err := ParseNumber(s)
		if err != nil {
			c.Numeric, c.Whole = false, false
			continue
		}
		if x != float64(int64(x)) {
			c.Whole = false
		}
		if numbers == 0 || x < c.Lo {
			c.Lo = x
		}
		if numbers == 0 || x > c.Hi {
			c.Hi = x
		}
		numbers++
	}
	answered := len(cells) - c.Missing
	switch {
	case answered == 0:
		c.Kind, c.Reason, c.Numeric, c.Whole = ColumnSkipped, "no answers", false, false
		return c
	case len(distinct) == 1:
		c.Kind, c.Reason = ColumnSkipped, "same answer everywhere"
		return c
	case idLikeName(c.Name) || answered >= 20 && len(distinct) >= answered*95/100 && (c.Whole || !c.Numeric) && totalLen/answered < 40:
		c.Kind, c.Reason = ColumnSkipped, "id-like (a distinct value per row)"
		return c
	}
	switch {
	case c.Numeric && c.Whole && len(distinct) >= 3 && (len(distinct) <= 10 || c.Lo >= 0 && c.Hi <= 10):
		c.Kind, c.Levels = ColumnScale, byNumber(distinct)
	case c.Numeric && len(distinct) == 2:
		c.Kind, c.Levels = ColumnChoice, byNumber(distinct)
	case c.Numeric:
		c.Kind = ColumnNumber
	default:
		if sc := likertMatch(distinct); sc != nil {
			c.Kind, c.Levels = ColumnScale, sc
		} else if len(distinct) <= 50 && totalLen/answered <= 40 {
			c.Kind, c.Levels = ColumnChoice, byCount(distinct)
		} else if totalLen/answered <= 25 {
			c.Kind, c.Other = ColumnChoice, true
			c.Levels = append(byCount(distinct)[:30], OtherLevel)
		} else {
			c.Kind = ColumnText
		}
	}
	return c
}

// ColumnByName finds a header case-insensitively, ignoring surrounding
// spaces; -1 when absent.
func ColumnByName(header []string, name string) int {
	return slices.IndexFunc(header, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(name)) })
}

func idLikeName(h string) bool {
	l := strings.ToLower(strings.TrimSpace(h))
	return l == "id" || l == "row_id" || l == "rowid" || l == "uuid" || l == "#" ||
		strings.HasSuffix(l, " id") || strings.HasSuffix(l, "_id") || strings.HasSuffix(l, ".id")
}

func byNumber(distinct map[string]int) []string {
	out := make([]string, 0, len(distinct))
	for s := range distinct {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b string) int {
		x, _ := ParseNumber(a)
		y, _ := ParseNumber(b)
		return cmp.Or(cmp.Compare(x, y), strings.Compare(a, b))
	})
	return out
}

// byCount orders answers most frequent first, then by text.
func byCount(distinct map[string]int) []string {
	out := make([]string, 0, len(distinct))
	for s := range distinct {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b string) int {
		return cmp.Or(cmp.Compare(distinct[b], distinct[a]), strings.Compare(a, b))
	})
	return out
}

// likertMatch returns the known scale (in the data's own spelling) that
// contains every distinct answer, or nil.
func likertMatch(distinct map[string]int) []string {
	if len(distinct) < 2 {
		return nil
	}
	for _, sc := range LikertScales {
		ok := true
		for s := range distinct {
			if !slices.Contains(sc, strings.ToLower(s)) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		var out []string
		for _, w := range sc {
			for s := range distinct {
				if strings.ToLower(s) == w {
					out = append(out, s)
				}
			}
		}
		return out
	}
	return nil
}
