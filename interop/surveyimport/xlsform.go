package surveyimport

import (
	"regexp"
	"slices"
	"strings"

	"github.com/safarhq/safar/survey"
)

// XLSForm (https://xlsform.org), as ODK and KoboToolbox use it: a "survey"
// sheet of questions (type, name, label, hint, required, relevant,
// appearance), a "choices" sheet (list_name, name, label) and an optional
// "settings" sheet (form_title, form_id, default_language). Labels may be
// per language: label::English (en), label::Persian (fa).

// sheet is one worksheet with its header row, columns by lower-case name.
type sheet struct {
	cols map[string]int
	rows [][]string
}

func newSheet(rows [][]string) *sheet {
	s := &sheet{cols: map[string]int{}}
	if len(rows) == 0 {
		return s
	}
	for i, h := range rows[0] {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := s.cols[h]; h != "" && !dup {
			s.cols[h] = i
		}
	}
	s.rows = rows[1:]
	return s
}

func (s *sheet) get(row []string, col string) string {
	if i, ok := s.cols[col]; ok && i < len(row) {
		return strings.TrimSpace(row[i])
	}
	return ""
}

// labelColumn picks the label column for lang: "label::… (fa)" or the plain
// "label"; it reports the translations it leaves out.
func (s *sheet) labelColumn(base, lang string, rep *Report) string {
	var langCols []string
	for c := range s.cols {
		if strings.HasPrefix(c, base+"::") {
			langCols = append(langCols, c)
		}
	}
	slices.Sort(langCols)
	pick := base
	if _, ok := s.cols[base]; !ok && len(langCols) > 0 {
		pick = langCols[0]
	}
	for _, c := range langCols {
		if strings.Contains(c, "("+lang+")") || strings.HasSuffix(c, "::"+lang) {
			pick = c
		}
	}
	for _, c := range langCols {
		if c != pick && base == "label" && rep != nil {
			rep.approx("note_xls_languages", c, pick)
		}
	}
	return pick
}

var (
	xlsEquals   = regexp.MustCompile(`^\$\{([^}]+)\}\s*=\s*['"]([^'"]*)['"]$`)
	xlsSelected = regexp.MustCompile(`^selected\(\s*\$\{([^}]+)\}\s*,\s*['"]([^'"]*)['"]\s*\)$`)
	xlsEmpty    = regexp.MustCompile(`^\$\{([^}]+)\}\s*=\s*['"]{2}$`)
	metaTypes   = []string{"start", "end", "today", "deviceid", "phonenumber", "username", "email", "audit", "simserial", "subscriberid", "calculate", "hidden", "start-geopoint", "background-audio"}
)

func fromXLSForm(sheets map[string][][]string, rep *Report) (*survey.Definition, error) {
	find := func(name string) *sheet {
		for k, v := range sheets {
			if strings.EqualFold(strings.TrimSpace(k), name) {
				return newSheet(v)
			}
		}
		return nil
	}
	sv, ch, st := find("survey"), find("choices"), find("settings")
	if sv == nil {
		return nil, failure("import_xlsform_no_survey")
	}
	if _, ok := sv.cols["type"]; !ok {
		return nil, failure("import_xlsform_no_type")
	}
	title, formID, lang := "", "", "en"
	if st != nil && len(st.rows) > 0 {
		title, formID = st.get(st.rows[0], "form_title"), st.get(st.rows[0], "form_id")
		if dl := strings.ToLower(st.get(st.rows[0], "default_language")); strings.Contains(dl, "(fa)") || strings.Contains(dl, "persian") || strings.Contains(dl, "farsi") || dl == "fa" {
			lang = "fa"
		}
	}
	label, hint := sv.labelColumn("label", lang, rep), sv.labelColumn("hint", lang, nil)
	lists := map[string][][2]string{}
	if ch != nil {
		listCol := "list_name"
		if _, ok := ch.cols[listCol]; !ok {
			listCol = "list name"
		}
		clabel := ch.labelColumn("label", lang, nil)
		for _, r := range ch.rows {
			if l := ch.get(r, listCol); l != "" {
				lists[l] = append(lists[l], [2]string{ch.get(r, "name"), ch.get(r, clabel)})
			}
		}
	}
	b := newBuilder(title, formID, lang, rep)
	b.page("")
	depth := 0
	for i, r := range sv.rows {
		typ := strings.Join(strings.Fields(sv.get(r, "type")), " ")
		name := sv.get(r, "name")
		if typ == "" {
			continue
		}
		what := Note{"note_xls_item", []any{i + 2, name, typ}}
		kind, list, _ := strings.Cut(typ, " ")
		q := survey.Question{Text: survey.Text(sv.get(r, label)), Help: survey.Text(sv.get(r, hint)), Required: truthy(sv.get(r, "required"))}
		switch kind {
		case "begin_group", "begin":
			if strings.HasPrefix(typ, "begin repeat") || kind == "begin_repeat" {
				rep.approx("note_xls_repeat", what)
			}
			depth++
			if depth == 1 {
				b.page(q.Text.String())
			}
			continue
		case "begin_repeat":
			rep.approx("note_xls_repeat", what)
			depth++
			continue
		case "end_group", "end_repeat", "end":
			if kind == "end" && list == "" {
				rep.dropped("note_xls_metadata", what)
				continue
			}
			depth = max(depth-1, 0)
			if depth == 0 {
				b.page("")
			}
			continue
		case "select_one", "select_multiple":
			listName, other := strings.CutSuffix(list, " or_other")
			q.Options, q.Other = options(lists[listName]), other
			if len(q.Options) == 0 {
				rep.dropped("note_xls_no_choices", what, listName)
				continue
			}
			q.Type = survey.Single
			if kind == "select_multiple" {
				q.Type = survey.Multiple
			} else if strings.Contains(sv.get(r, "appearance"), "minimal") {
				q.Type = survey.Dropdown
			}
		case "text":
			q.Type = survey.ShortText
			if strings.Contains(sv.get(r, "appearance"), "multiline") {
				q.Type = survey.LongText
			}
		case "integer", "decimal":
			q.Type = survey.Number
		case "range":
			q.Type = survey.Number
			rep.approx("note_xls_range", what)
		case "date":
			q.Type = survey.Date
		case "datetime":
			q.Type = survey.Date
			rep.approx("note_xls_datetime", what)
		case "note":
			rep.dropped("note_xls_note", what)
			continue
		default:
			if slices.Contains(metaTypes, kind) {
				rep.dropped("note_xls_calculation", what)
			} else {
				rep.dropped("note_no_type", what)
			}
			continue
		}
		added := b.add(name, q)
		rep.mapped(what, added.Type)
		if rel := sv.get(r, "relevant"); rel != "" {
			b.xlsRelevant(added, rel, what)
		}
	}
	return b.finish()
}

func (b *builder) xlsRelevant(q *survey.Question, rel string, what Note) {
	var c *survey.Condition
	ok := false
	switch m := []*regexp.Regexp{xlsEquals, xlsSelected, xlsEmpty}; {
	case m[2].MatchString(rel):
		c, ok = b.condition(m[2].FindStringSubmatch(rel)[1], nil, true)
	case m[0].MatchString(rel):
		s := m[0].FindStringSubmatch(rel)
		c, ok = b.condition(s[1], []string{s[2]}, false)
	case m[1].MatchString(rel):
		s := m[1].FindStringSubmatch(rel)
		c, ok = b.condition(s[1], []string{s[2]}, false)
	}
	if ok {
		q.ShowIf = c
		return
	}
	b.rep.dropped("note_xls_relevant", what, rel)
}

func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "true", "true()", "1", "y":
		return true
	}
	return false
}
