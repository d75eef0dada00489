package survey

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// DefinitionFromTable makes a survey out of any CSV export so it can be
// analysed like one of ours: textCol becomes its open question (a table
// does not say whether it asked for a problem, so its rows' own scores,
// where a column holds them, say how plainly stated text reads), every
// other column a question whose type follows the table
// rules shared with personas (InferColumn): whole numbers 0-10 as NPS,
// 1-5 as a rating and 1-7 as a Likert scale, other numbers as numbers,
// choices and worded scales as a single choice; ids, constants and other
// free text are left out. idCol names respondents (default row numbers).
// lang is "fa" or "en": a caller with "auto" detects it from the texts
// with analysis.DetectLanguage, the one language detector.
func DefinitionFromTable(name string, header []string, rows [][]string, textCol, idCol, lang string) (*Definition, []*Response, error) {
	col := func(n string) int {
		for i, h := range header {
			if strings.EqualFold(strings.TrimSpace(h), n) {
				return i
			}
		}
		return -1
	}
	ti := col(textCol)
	if ti < 0 {
		return nil, nil, fmt.Errorf("no column %q (columns: %s)", textCol, strings.Join(header, ", "))
	}
	ii := -1
	if idCol != "" {
		if ii = col(idCol); ii < 0 {
			return nil, nil, fmt.Errorf("no column %q (columns: %s)", idCol, strings.Join(header, ", "))
		}
	}
	cell := func(r []string, i int) string {
		if i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	d := &Definition{Slug: slugify(name), Title: Text(name), Language: lang}
	page := Page{ID: "data"}
	used := map[string]bool{}
	ids := make([]string, len(header))
	cols := make([]TableColumn, len(header))
	for i, h := range header {
		if i == ii {
			continue
		}
		id := questionID(h, i, used)
		ids[i] = id
		q := Question{ID: id, Text: Text(strings.TrimSpace(h))}
		if q.Text.IsZero() {
			q.Text = Text(id)
		}
		if i == ti {
			q.Type, q.Role, q.MaxLength = LongText, RoleOpen, MaxTextLength
			page.Questions = append(page.Questions, q)
			continue
		}
		cells := make([]string, len(rows))
		for ri, r := range rows {
			cells[ri] = cell(r, i)
		}
		col := InferColumn(h, cells)
		cols[i] = col
		switch {
		case col.Kind == ColumnSkipped || col.Kind == ColumnText:
			ids[i] = "" // empty, constant, id-like, or free text that is not the analysed column
			continue
		case col.Numeric && col.Whole && col.Lo == 0 && col.Hi > 7 && col.Hi <= 10:
			q.Type, q.Role = NPS, RoleSatisfaction
		case col.Numeric && col.Whole && col.Lo >= 1 && col.Hi <= 7:
			q.Type, q.Role, q.Scale = Likert, RoleBehaviour, &Scale{Points: int(max(col.Hi, 5))}
			if col.Hi <= 5 {
				q.Type, q.Scale = Rating, nil
				q.Role = RoleSatisfaction
			}
		case col.Numeric:
			q.Type, q.Role = Number, RoleBehaviour
		default: // choices, worded scales (options in scale order)
			q.Type, q.Role = Single, RoleDemographic
			for _, v := range col.Levels {
				q.Options = append(q.Options, Option{Value: v, Label: Text(v)})
			}
		}
		page.Questions = append(page.Questions, q)
	}
	d.Pages = []Page{page}
	if err := d.Validate(); err != nil {
		return nil, nil, err
	}
	out := make([]*Response, 0, len(rows))
	for ri, r := range rows {
		resp := &Response{ID: strconv.Itoa(ri + 1), ClientID: strconv.Itoa(ri + 1), Status: Complete, SurveyVersion: 1, Answers: Answers{}}
		if ii >= 0 && cell(r, ii) != "" {
			resp.ID, resp.ClientID = cell(r, ii), cell(r, ii)
		}
		for i, id := range ids {
			c := cell(r, i)
			if id == "" || IsMissingCell(c) {
				continue
			}
			q, _ := d.Question(id)
			switch q.Type {
			case LongText:
				resp.Answers[id] = Value{Text: c}
			case Single:
				resp.Answers[id] = Value{Choice: cols[i].Level(c)}
			default:
				if f, err := ParseNumber(c); err == nil {
					resp.Answers[id] = Value{Number: &f}
				}
			}
		}
		out = append(out, resp)
	}
	return d, out, nil
}

var nonID = regexp.MustCompile(`[^A-Za-z0-9_]+`)

func questionID(h string, i int, used map[string]bool) string {
	id := strings.Trim(nonID.ReplaceAllString(strings.ToLower(h), "_"), "_")
	if id == "" || !unicode.IsLetter(rune(id[0])) {
		id = "c" + strconv.Itoa(i+1) + "_" + id
		id = strings.TrimSuffix(id, "_")
	}
	if len(id) > 60 {
		id = id[:60]
	}
	for base, n := id, 2; used[id]; n++ {
		id = base + "_" + strconv.Itoa(n)
	}
	used[id] = true
	return id
}

func slugify(s string) string {
	s = strings.Trim(nonID.ReplaceAllString(strings.ToLower(strings.TrimSuffix(s, ".csv")), "-"), "-_")
	s = strings.ReplaceAll(s, "_", "-")
	if s == "" || !ValidSlug(s) {
		return "csv"
	}
	return s
}
