package survey

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// DefinitionFromTable makes a survey out of any CSV export so it can be
// analysed like one of ours: textCol becomes the open question about
// problems, every other column a question whose type is inferred (numbers;
// whole numbers 0-10 or 1-5/1-7 as scales; up to 20 distinct values as a
// single choice; anything else ignored). idCol names respondents (default
// row numbers). lang is "fa" or "en": a caller with "auto" detects it from
// the texts with analysis.DetectLanguage, the one language detector.
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
	d := &Definition{Slug: slugify(name), Title: name, Language: lang}
	page := Page{ID: "data"}
	used := map[string]bool{}
	ids := make([]string, len(header))
	for i, h := range header {
		if i == ii {
			continue
		}
		id := questionID(h, i, used)
		ids[i] = id
		q := Question{ID: id, Text: strings.TrimSpace(h)}
		if q.Text == "" {
			q.Text = id
		}
		if i == ti {
			q.Type, q.Role, q.MaxLength = LongText, RolePain, MaxTextLength
			page.Questions = append(page.Questions, q)
			continue
		}
		values := map[string]int{}
		numeric, whole := true, true
		lo, hi := 0.0, 0.0
		for _, r := range rows {
			c := cell(r, i)
			if c == "" || strings.EqualFold(c, "NA") {
				continue
			}
			values[c]++
			f, err := ParseNumber(c)
			if err != nil {
				numeric = false
				continue
			}
			if f != float64(int(f)) {
				whole = false
			}
			if len(values) == 1 || f < lo {
				lo = f
			}
			if len(values) == 1 || f > hi {
				hi = f
			}
		}
		switch {
		case len(values) == 0 || len(values) == len(rows) && !numeric:
			ids[i] = "" // empty, or an id-like column
			continue
		case numeric && whole && lo >= 0 && hi <= 10 && hi-lo <= 10 && (lo == 0 && hi > 7):
			q.Type, q.Role = NPS, RoleSatisfaction
		case numeric && whole && lo >= 1 && hi <= 7 && len(values) <= 7:
			q.Type, q.Role, q.Scale = Likert, RoleBehaviour, &Scale{Points: int(max(hi, 5))}
			if hi == 5 || hi < 5 {
				q.Type, q.Scale = Rating, nil
				q.Role = RoleSatisfaction
			}
		case numeric:
			q.Type, q.Role = Number, RoleBehaviour
		case len(values) <= 20:
			q.Type, q.Role = Single, RoleDemographic
			for _, v := range sortedValues(values) {
				q.Options = append(q.Options, Option{Value: v, Label: v})
			}
		default:
			ids[i] = ""
			continue
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
			if id == "" || c == "" || strings.EqualFold(c, "NA") {
				continue
			}
			q, _ := d.Question(id)
			switch q.Type {
			case LongText:
				resp.Answers[id] = Value{Text: c}
			case Single:
				resp.Answers[id] = Value{Choice: c}
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

func sortedValues(m map[string]int) []string {
	vs := make([]string, 0, len(m))
	for v := range m {
		vs = append(vs, v)
	}
	slices.SortFunc(vs, func(a, b string) int {
		if m[a] != m[b] {
			return m[b] - m[a]
		}
		return strings.Compare(a, b)
	})
	return vs
}
