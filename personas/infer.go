package personas

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// CSVOptions control InferCSV.
type CSVOptions struct {
	ID string // column holding respondent ids (default: 1-based row numbers)
	// Exclude names columns that describe the cards but take no part in
	// the segmentation (Profile in their ColumnInfo; pass ProfileColumns
	// as Options.Exclude).
	Exclude []string
	// Text names free-text columns: never segmented on, always quotes
	// (the column the CLI's --text analyses for pain points).
	Text []string
}

// ColumnInfo says what InferCSV made of a column.
type ColumnInfo struct {
	Name    string   `json:"name"`
	Kind    Kind     `json:"kind,omitempty"`
	Role    Role     `json:"role,omitempty"`
	Levels  []string `json:"levels,omitempty"`
	Missing int      `json:"missing"`
	Skipped string   `json:"skipped,omitempty"` // why the column is not used
	Profile bool     `json:"profile,omitempty"` // excluded: describes the cards only
}

// ProfileColumns names the excluded columns that became items: the
// Options.Exclude that keeps them on the cards and out of the model.
func ProfileColumns(infos []ColumnInfo) []string {
	var out []string
	for _, c := range infos {
		if c.Profile && c.Skipped == "" && c.Role != Open {
			out = append(out, c.Name)
		}
	}
	return out
}

// Missing-value spellings (compared case-insensitively after trimming).
var naWords = map[string]bool{"": true, "na": true, "n/a": true, "nan": true, "null": true, "none": false,
	"-": true, "?": true, ".": true, "missing": true, "#n/a": true, "بی‌پاسخ": true}

// likertScales are known ordered answer wordings, low to high. A text
// column whose answers all belong to one scale is Ordinal in this order.
var likertScales = [][]string{
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

// InferCSV turns a CSV (header plus rows of strings) into Input, inferring
// each column's kind:
//   - empty cells and NA spellings are missing;
//   - numbers: integer columns with 3-10 distinct values are Ordinal
//     scales (1-5, 0-10 NPS-like), two distinct values Categorical, others
//     Numeric;
//   - text: answers that all belong to a known Likert wording are Ordinal;
//     up to 50 distinct short answers are Categorical; long or highly
//     varied text is Open (used for quotes, not clustering);
//   - id-like columns (a name such as "id" or ending in " ID"/"_id", or a
//     distinct value in nearly every row) and constant columns are skipped.
func InferCSV(header []string, rows [][]string, opt CSVOptions) (Input, []ColumnInfo, error) {
	var in Input
	if len(header) == 0 {
		return in, nil, fmt.Errorf("personas: CSV has no header")
	}
	if len(rows) < 2 {
		return in, nil, fmt.Errorf("personas: CSV has %d data rows, need at least 2", len(rows))
	}
	cell := func(i, j int) string {
		if j < len(rows[i]) {
			return strings.TrimSpace(rows[i][j])
		}
		return ""
	}
	idCol := -1
	if opt.ID != "" {
		idCol = slices.IndexFunc(header, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), opt.ID) })
		if idCol < 0 {
			return in, nil, fmt.Errorf("personas: --id column %q not found (columns: %s)", opt.ID, strings.Join(header, ", "))
		}
	}
	for _, ex := range opt.Exclude {
		if !slices.ContainsFunc(header, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), ex) }) {
			return in, nil, fmt.Errorf("personas: --exclude column %q not found (columns: %s)", ex, strings.Join(header, ", "))
		}
	}
	n := len(rows)
	in.Respondents = make([]Respondent, n)
	for i := range rows {
		in.Respondents[i].ID = strconv.Itoa(i + 1)
		if idCol >= 0 {
			in.Respondents[i].ID = cmp.Or(cell(i, idCol), strconv.Itoa(i+1))
		}
	}
	var infos []ColumnInfo
	var openCols []int
	for j, h := range header {
		h = strings.TrimSpace(h)
		info := ColumnInfo{Name: h}
		vals := make([]string, n)
		distinct := map[string]int{}
		allNum, allInt := true, true
		totalLen := 0
		for i := range rows {
			s := cell(i, j)
			if naWords[strings.ToLower(s)] {
				info.Missing++
				continue
			}
			vals[i] = s
			distinct[s]++
			totalLen += utf8.RuneCountInString(s)
			if x, err := strconv.ParseFloat(s, 64); err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
				allNum, allInt = false, false
			} else if x != math.Trunc(x) {
				allInt = false
			}
		}
		answered := n - info.Missing
		info.Profile = slices.ContainsFunc(opt.Exclude, func(e string) bool { return strings.EqualFold(strings.TrimSpace(e), h) })
		switch {
		case j == idCol:
			info.Skipped = "respondent id"
		case answered == 0:
			info.Skipped = "no answers"
		case len(distinct) == 1:
			info.Skipped = "same answer everywhere"
		case idLike(h) || (answered >= 20 && len(distinct) >= answered*95/100 && (allInt || !allNum) && totalLen/answered < 40):
			info.Skipped = "id-like (a distinct value per row)"
		}
		if info.Skipped != "" {
			infos = append(infos, info)
			continue
		}
		it := Item{Name: h}
		var lump map[string]bool // when set, answers outside it become "Other"
		switch {
		case slices.ContainsFunc(opt.Text, func(e string) bool { return strings.EqualFold(strings.TrimSpace(e), h) }):
			it.Role = Open
			openCols = append(openCols, j)
		case allNum && allInt && len(distinct) >= 3 && len(distinct) <= 10:
			it.Kind = Ordinal
			it.Levels = sortedNumeric(distinct)
		case allNum && len(distinct) == 2:
			it.Kind = Categorical
			it.Levels = sortedNumeric(distinct)
		case allNum:
			it.Kind = Numeric
		default:
			if sc := likertMatch(distinct); sc != nil {
				it.Kind, it.Levels = Ordinal, sc
			} else if len(distinct) <= 50 && totalLen/answered <= 40 {
				it.Kind = Categorical
			} else if totalLen/answered <= 25 {
				// Many short answers (cities, brands): keep the 30 most
				// common and lump the rest as "Other".
				it.Kind = Categorical
				lump = topLevels(distinct, 30)
			} else {
				it.Role = Open
				openCols = append(openCols, j)
			}
		}
		info.Kind, info.Role, info.Levels = it.Kind, it.Role, it.Levels
		if it.Kind == Categorical && it.Levels == nil {
			info.Levels = nil
			if lump != nil {
				distinct = map[string]int{"Other": 0}
				for i := range rows {
					if s := vals[i]; s != "" {
						if !lump[s] {
							s = "Other"
						}
						distinct[s]++
					}
				}
			}
			for s := range distinct {
				info.Levels = append(info.Levels, s)
			}
			slices.SortFunc(info.Levels, func(a, b string) int {
				return cmp.Or(cmp.Compare(distinct[b], distinct[a]), strings.Compare(a, b))
			})
		}
		infos = append(infos, info)
		if it.Role == Open {
			continue
		}
		in.Items = append(in.Items, it)
		for i := range rows {
			v := Value{}
			if s := vals[i]; s != "" {
				if it.Kind == Numeric {
					x, _ := strconv.ParseFloat(s, 64)
					v = Number(x)
				} else {
					if lump != nil && !lump[s] {
						s = "Other"
					}
					v = Text(s)
				}
			}
			in.Respondents[i].Values = append(in.Respondents[i].Values, v)
		}
	}
	// Open text becomes quotes, in column order.
	for i := range rows {
		for _, j := range openCols {
			if s := cell(i, j); s != "" && !naWords[strings.ToLower(s)] {
				in.Respondents[i].Quotes = append(in.Respondents[i].Quotes, s)
			}
		}
	}
	if len(in.Items) == 0 {
		return in, infos, fmt.Errorf("personas: no usable columns (all are ids, text, constant or excluded)")
	}
	return in, infos, nil
}

func idLike(h string) bool {
	l := strings.ToLower(strings.TrimSpace(h))
	return l == "id" || l == "row_id" || l == "rowid" || l == "uuid" || l == "#" ||
		strings.HasSuffix(l, " id") || strings.HasSuffix(l, "_id") || strings.HasSuffix(l, ".id")
}

func sortedNumeric(distinct map[string]int) []string {
	out := make([]string, 0, len(distinct))
	for s := range distinct {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b string) int {
		x, _ := strconv.ParseFloat(a, 64)
		y, _ := strconv.ParseFloat(b, 64)
		return cmp.Compare(x, y)
	})
	return out
}

// likertMatch returns the known scale (in the data's own spelling) that
// contains every distinct answer, or nil.
func likertMatch(distinct map[string]int) []string {
	for _, sc := range likertScales {
		ok := true
		for s := range distinct {
			if !slices.Contains(sc, strings.ToLower(s)) {
				ok = false
				break
			}
		}
		if !ok || len(distinct) < 2 {
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

// topLevels returns the n most frequent answers.
func topLevels(distinct map[string]int, n int) map[string]bool {
	all := make([]string, 0, len(distinct))
	for s := range distinct {
		all = append(all, s)
	}
	slices.SortFunc(all, func(a, b string) int {
		return cmp.Or(cmp.Compare(distinct[b], distinct[a]), strings.Compare(a, b))
	})
	keep := map[string]bool{}
	for _, s := range all[:min(n, len(all))] {
		keep[s] = true
	}
	return keep
}
