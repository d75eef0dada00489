package personas

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/safarhq/safar/survey"
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

// InferCSV turns a CSV (header plus rows of strings) into Input, reading
// each column by the table rules shared with the survey import
// (survey.InferColumn): scales are Ordinal, choices Categorical (many
// short answers lumped as "Other"), numbers Numeric, free text Open
// (quotes, never clustered); ids, constants and empty columns skipped.
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
		if idCol = survey.ColumnByName(header, opt.ID); idCol < 0 {
			return in, nil, fmt.Errorf("personas: --id column %q not found (columns: %s)", opt.ID, strings.Join(header, ", "))
		}
	}
	for _, ex := range append(slices.Clone(opt.Exclude), opt.Text...) {
		if survey.ColumnByName(header, ex) < 0 {
			return in, nil, fmt.Errorf("personas: column %q not found (columns: %s)", ex, strings.Join(header, ", "))
		}
	}
	named := func(names []string, h string) bool {
		return slices.ContainsFunc(names, func(e string) bool { return strings.EqualFold(strings.TrimSpace(e), h) })
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
	cells := make([]string, n)
	for j, h := range header {
		h = strings.TrimSpace(h)
		for i := range rows {
			cells[i] = cell(i, j)
		}
		col := survey.InferColumn(h, cells)
		info := ColumnInfo{Name: h, Missing: col.Missing, Profile: named(opt.Exclude, h)}
		it := Item{Name: h}
		switch {
		case j == idCol:
			info.Skipped = "respondent id"
		case named(opt.Text, h) || col.Kind == survey.ColumnText:
			it.Role = Open
		case col.Kind == survey.ColumnSkipped:
			info.Skipped = col.Reason
		case col.Kind == survey.ColumnScale:
			it.Kind, it.Levels = Ordinal, col.Levels
		case col.Kind == survey.ColumnNumber:
			it.Kind = Numeric
		default:
			it.Kind = Categorical
		}
		info.Kind, info.Role = it.Kind, it.Role
		if it.Kind == Ordinal || it.Kind == Categorical {
			info.Levels = col.Levels
		}
		if it.Kind == Categorical && col.Numeric {
			it.Levels = col.Levels // two numbers: in numeric order
		}
		infos = append(infos, info)
		switch {
		case info.Skipped != "":
			continue
		case it.Role == Open:
			openCols = append(openCols, j)
			continue
		}
		in.Items = append(in.Items, it)
		for i := range rows {
			v := Value{}
			if s := col.Level(cells[i]); s != "" {
				if it.Kind == Numeric {
					x, _ := survey.ParseNumber(s)
					v = Number(x)
				} else {
					v = Text(s)
				}
			}
			in.Respondents[i].Values = append(in.Respondents[i].Values, v)
		}
	}
	// Open text becomes quotes, in column order.
	for i := range rows {
		for _, j := range openCols {
			if s := cell(i, j); !survey.IsMissingCell(s) {
				in.Respondents[i].Quotes = append(in.Respondents[i].Quotes, s)
			}
		}
	}
	if len(in.Items) == 0 {
		return in, infos, fmt.Errorf("personas: no usable columns (all are ids, text, constant or excluded)")
	}
	return in, infos, nil
}
