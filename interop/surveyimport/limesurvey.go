package surveyimport

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/safarhq/safar/survey"
)

// LimeSurvey .lss: an XML document of database tables (<questions><rows>
// <row><qid>...), texts inline (LimeSurvey 3 and older) or in *_l10ns
// tables (4 and newer).

// lssTables reads every <table><rows><row><field>value</field>... into
// rows of field -> value. Entities beyond XML's five are refused by the
// decoder, so a "billion laughs" file is an error, not an explosion.
func lssTables(data []byte) (map[string][]map[string]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	// Import decoded the file to UTF-8 (textenc), whatever it declares: a
	// .lss saved as UTF-16 says encoding="UTF-16".
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	tables := map[string][]map[string]string{}
	var path []string
	var row map[string]string
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, failure("import_lss_xml", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path = append(path, t.Name.Local)
			text.Reset()
			if len(path) == 4 && path[2] == "rows" && t.Name.Local == "row" {
				row = map[string]string{}
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			switch {
			case len(path) == 5 && row != nil:
				row[t.Name.Local] = text.String()
			case len(path) == 4 && row != nil:
				tables[path[1]] = append(tables[path[1]], row)
				row = nil
			case len(path) == 3 && path[1] == "languages":
				tables["languages"] = append(tables["languages"], map[string]string{"language": text.String()})
			}
			text.Reset()
			path = path[:len(path)-1]
		}
	}
	return tables, nil
}

func fromLimeSurvey(data []byte, rep *Report) (*survey.Definition, error) {
	t, err := lssTables(data)
	if err != nil {
		return nil, err
	}
	lang := ""
	if s := t["surveys"]; len(s) > 0 {
		lang = s[0]["language"]
	}
	if lang == "" && len(t["languages"]) > 0 {
		lang = t["languages"][0]["language"]
	}
	inLang := func(r map[string]string) bool { return r["language"] == "" || r["language"] == lang }
	title := ""
	for _, r := range t["surveys_languagesettings"] {
		if r["surveyls_language"] == lang || title == "" {
			title = r["surveyls_title"]
		}
	}
	// Texts: inline (old) or from the l10n tables (new).
	qText, qHelp, gName, aText := map[string]string{}, map[string]string{}, map[string]string{}, map[string]string{}
	for _, tb := range []string{"questions", "subquestions", "question_l10ns"} {
		for _, r := range t[tb] {
			if inLang(r) && r["question"] != "" {
				qText[r["qid"]], qHelp[r["qid"]] = r["question"], r["help"]
			}
		}
	}
	for _, tb := range []string{"groups", "group_l10ns"} {
		for _, r := range t[tb] {
			if inLang(r) && r["group_name"] != "" {
				gName[r["gid"]] = r["group_name"]
			}
		}
	}
	for _, tb := range []string{"answers", "answer_l10ns"} {
		for _, r := range t[tb] {
			if inLang(r) && r["answer"] != "" {
				aText[r["qid"]+"/"+r["scale_id"]+"/"+r["code"]] = r["answer"]
				aText[r["qid"]+"//"+r["code"]] = r["answer"] // l10n rows carry no scale
			}
		}
	}
	answers := func(qid string) [][2]string {
		var rows []map[string]string
		seen := map[string]bool{}
		for _, r := range t["answers"] {
			if r["qid"] == qid && (r["scale_id"] == "" || r["scale_id"] == "0") && inLang(r) && !seen[r["code"]] {
				seen[r["code"]] = true
				rows = append(rows, r)
			}
		}
		slices.SortStableFunc(rows, func(a, b map[string]string) int { return atoi(a["sortorder"]) - atoi(b["sortorder"]) })
		out := make([][2]string, len(rows))
		for i, r := range rows {
			label := aText[qid+"/"+r["scale_id"]+"/"+r["code"]]
			if label == "" {
				label = aText[qid+"//"+r["code"]]
			}
			out[i] = [2]string{r["code"], label}
		}
		return out
	}
	subs := func(qid string) [][2]string {
		var rows []map[string]string
		seen := map[string]bool{}
		for _, tb := range []string{"subquestions", "questions"} {
			for _, r := range t[tb] {
				if r["parent_qid"] == qid && inLang(r) && (r["scale_id"] == "" || r["scale_id"] == "0") && !seen[r["qid"]] {
					seen[r["qid"]] = true
					rows = append(rows, r)
				}
			}
		}
		slices.SortStableFunc(rows, func(a, b map[string]string) int { return atoi(a["question_order"]) - atoi(b["question_order"]) })
		out := make([][2]string, len(rows))
		for i, r := range rows {
			out[i] = [2]string{r["title"], qText[r["qid"]]}
		}
		return out
	}
	var groups []map[string]string
	seenG := map[string]bool{}
	for _, r := range t["groups"] {
		if !seenG[r["gid"]] && inLang(r) {
			seenG[r["gid"]] = true
			groups = append(groups, r)
		}
	}
	slices.SortStableFunc(groups, func(a, b map[string]string) int { return atoi(a["group_order"]) - atoi(b["group_order"]) })
	var questions []map[string]string
	seenQ := map[string]bool{}
	for _, r := range t["questions"] {
		if (r["parent_qid"] == "" || r["parent_qid"] == "0") && inLang(r) && !seenQ[r["qid"]] {
			seenQ[r["qid"]] = true
			questions = append(questions, r)
		}
	}
	slices.SortStableFunc(questions, func(a, b map[string]string) int { return atoi(a["question_order"]) - atoi(b["question_order"]) })
	if len(questions) == 0 {
		return nil, failure("import_lss_no_questions")
	}
	b := newBuilder(title, "", lang, rep)
	for _, g := range groups {
		b.page(gName[g["gid"]])
		for _, r := range questions {
			if r["gid"] == g["gid"] {
				b.lssQuestion(r, qText[r["qid"]], qHelp[r["qid"]], answers(r["qid"]), subs(r["qid"]))
			}
		}
	}
	return b.finish()
}

func atoi(s string) int { n, _ := strconv.Atoi(strings.TrimSpace(s)); return n }

var lssEquals = regexp.MustCompile(`^\(?\s*([A-Za-z][A-Za-z0-9_]*)(?:\.NAOK)?\s*==\s*["']([^"']*)["']\s*\)?$`)

func (b *builder) lssQuestion(r map[string]string, text, help string, answers, subs [][2]string) {
	rep := b.rep
	name, typ := r["title"], r["type"]
	what := Note{"note_lss_item", []any{name, typ}}
	q := survey.Question{Text: survey.Text(text), Help: survey.Text(help), Required: r["mandatory"] == "Y", Other: r["other"] == "Y"}
	matrix := func(points int, labels []string) {
		q.Type, q.Scale, q.Statements = survey.Matrix, &survey.Scale{Points: points, Labels: survey.TextList(labels)}, options(subs)
	}
	switch typ {
	case "L", "!", "O":
		q.Type, q.Options = survey.Single, options(answers)
		if typ == "!" {
			q.Type = survey.Dropdown
		}
		if typ == "O" {
			rep.approx("note_lss_list_comment", what)
		}
	case "M", "P":
		q.Type, q.Options = survey.Multiple, options(subs)
		if typ == "P" {
			rep.approx("note_lss_choice_comment", what)
		}
	case "S":
		q.Type = survey.ShortText
	case "T", "U":
		q.Type = survey.LongText
	case "N":
		q.Type = survey.Number
	case "D":
		q.Type = survey.Date
	case "5":
		q.Type = survey.Rating
	case "Y":
		q.Type, q.Options = survey.Single, []survey.Option{{Value: "Y", Label: survey.Text(yesNo(b.d.Language, true))}, {Value: "N", Label: survey.Text(yesNo(b.d.Language, false))}}
	case "G":
		q.Type, q.Options = survey.Single, []survey.Option{{Value: "F", Label: survey.Text("Female")}, {Value: "M", Label: survey.Text("Male")}}
	case "A":
		matrix(5, nil)
	case "B":
		matrix(10, nil)
	case "F", "H":
		var labels []string
		for _, a := range answers {
			labels = append(labels, plain(a[1]))
		}
		matrix(len(answers), labels)
		rep.approx("note_lss_answer_scale", what, len(answers))
	case "E":
		matrix(3, []string{"Increase", "Same", "Decrease"})
	case "C":
		matrix(3, []string{"Yes", "Uncertain", "No"})
	case "K", "Q":
		for _, s := range subs {
			t := survey.ShortText
			if typ == "K" {
				t = survey.Number
			}
			b.add(name+"_"+s[0], survey.Question{Type: t, Text: survey.Text(text + ": " + s[1]), Required: q.Required})
		}
		rep.approx("note_lss_boxes", what, len(subs))
		return
	case "X":
		rep.dropped("note_lss_display", what)
		return
	default:
		rep.dropped("note_lss_no_type", what)
		return
	}
	if q.Type == survey.Matrix && (q.Scale.Points < 2 || len(q.Statements) == 0) {
		rep.dropped("note_lss_array_empty", what)
		return
	}
	if (q.Type == survey.Single || q.Type == survey.Dropdown || q.Type == survey.Multiple) && len(q.Options) == 0 {
		rep.dropped("note_lss_list_empty", what)
		return
	}
	added := b.add(name, q)
	rep.mapped(what, added.Type)
	if rel := strings.TrimSpace(r["relevance"]); rel != "" && rel != "1" {
		if m := lssEquals.FindStringSubmatch(rel); m != nil {
			if c, ok := b.condition(m[1], []string{m[2]}, false); ok {
				added.ShowIf = c
				return
			}
		}
		rep.dropped("note_lss_relevance", what, rel)
	}
}

func yesNo(lang string, yes bool) string {
	switch {
	case lang == "fa" && yes:
		return "بله"
	case lang == "fa":
		return "خیر"
	case yes:
		return "Yes"
	}
	return "No"
}
