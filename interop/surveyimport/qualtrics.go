package surveyimport

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/safarhq/safar/survey"
)

// Qualtrics .qsf: a JSON export whose SurveyElements hold the blocks (BL),
// the flow (FL) and one SQ element per question.

type qsf struct {
	SurveyEntry struct {
		SurveyName     string `json:"SurveyName"`
		SurveyLanguage string `json:"SurveyLanguage"`
	} `json:"SurveyEntry"`
	SurveyElements []struct {
		Element          string          `json:"Element"`
		PrimaryAttribute string          `json:"PrimaryAttribute"`
		Payload          json.RawMessage `json:"Payload"`
	} `json:"SurveyElements"`
}

type qsfBlock struct {
	Type          string `json:"Type"`
	ID            string `json:"ID"`
	Description   string `json:"Description"`
	BlockElements []struct {
		Type       string `json:"Type"`
		QuestionID string `json:"QuestionID"`
	} `json:"BlockElements"`
}

type qsfQuestion struct {
	QuestionText  string                      `json:"QuestionText"`
	DataExportTag string                      `json:"DataExportTag"`
	QuestionType  string                      `json:"QuestionType"`
	Selector      string                      `json:"Selector"`
	SubSelector   string                      `json:"SubSelector"`
	Choices       map[string]qsfChoice        `json:"Choices"`
	ChoiceOrder   []json.Number               `json:"ChoiceOrder"`
	Answers       map[string]qsfChoice        `json:"Answers"`
	AnswerOrder   []json.Number               `json:"AnswerOrder"`
	RecodeValues  map[string]json.Number      `json:"RecodeValues"`
	Validation    struct{ Settings qsfValid } `json:"Validation"`
	DisplayLogic  map[string]json.RawMessage  `json:"DisplayLogic"`
}

type qsfChoice struct {
	Display   string `json:"Display"`
	TextEntry any    `json:"TextEntry"`
}

type qsfValid struct {
	ForceResponse string `json:"ForceResponse"`
	ContentType   string `json:"ContentType"`
}

func fromQualtrics(data []byte, rep *Report) (*survey.Definition, error) {
	var f qsf
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	if err := dec.Decode(&f); err != nil {
		return nil, failure("import_qsf_json", err)
	}
	questions := map[string]qsfQuestion{}
	var blocks []qsfBlock
	var flow []string
	for i, el := range f.SurveyElements {
		switch el.Element {
		case "SQ":
			var q qsfQuestion
			if err := json.Unmarshal(el.Payload, &q); err != nil {
				return nil, failure("import_qsf_question", i, el.PrimaryAttribute, err)
			}
			questions[el.PrimaryAttribute] = q
		case "BL":
			bs, err := qsfBlocks(el.Payload)
			if err != nil {
				return nil, failure("import_qsf_blocks", i, err)
			}
			blocks = bs
		case "FL":
			var fl struct {
				Flow []struct{ ID, Type string } `json:"Flow"`
			}
			if json.Unmarshal(el.Payload, &fl) == nil {
				for _, x := range fl.Flow {
					flow = append(flow, x.ID)
				}
			}
		}
	}
	if len(blocks) == 0 {
		return nil, failure("import_qsf_no_blocks")
	}
	// Blocks in flow order; blocks the flow does not name follow in file order.
	slices.SortStableFunc(blocks, func(a, b qsfBlock) int { return rank(flow, a.ID) - rank(flow, b.ID) })
	b := newBuilder(f.SurveyEntry.SurveyName, "", f.SurveyEntry.SurveyLanguage, rep)
	b.qsf = questions
	for _, bl := range blocks {
		if bl.Type == "Trash" {
			continue
		}
		b.page(bl.Description)
		for _, be := range bl.BlockElements {
			switch be.Type {
			case "Page Break":
				b.page("")
			case "Question":
				q, ok := questions[be.QuestionID]
				if !ok {
					rep.dropped("note_qsf_undefined", be.QuestionID)
					continue
				}
				b.qsfQuestion(be.QuestionID, q)
			}
		}
	}
	return b.finish()
}

// qsfBlocks reads the blocks payload: a list, or an object keyed "0", "1"...
func qsfBlocks(raw json.RawMessage) ([]qsfBlock, error) {
	var list []qsfBlock
	if err := json.Unmarshal(raw, &list); err == nil {
		return list, nil
	}
	var m map[string]qsfBlock
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { x, _ := strconv.Atoi(a); y, _ := strconv.Atoi(b); return x - y })
	for _, k := range keys {
		list = append(list, m[k])
	}
	return list, nil
}

func rank(order []string, id string) int {
	if i := slices.Index(order, id); i >= 0 {
		return i
	}
	return len(order)
}

// ordered lists a choice map in its order (or by numeric key without one).
func ordered(m map[string]qsfChoice, order []json.Number) []string {
	var keys []string
	for _, k := range order {
		if _, ok := m[k.String()]; ok {
			keys = append(keys, k.String())
		}
	}
	if len(keys) == 0 {
		for k := range m {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b string) int { x, _ := strconv.Atoi(a); y, _ := strconv.Atoi(b); return x - y })
	}
	return keys
}

func (b *builder) qsfQuestion(qid string, p qsfQuestion) {
	rep := b.rep
	name := p.DataExportTag
	if name == "" {
		name = qid
	}
	what := Note{"note_qsf_item", []any{name, p.QuestionType, p.Selector}}
	q := survey.Question{Text: survey.Text(p.QuestionText), Required: p.Validation.Settings.ForceResponse == "ON"}
	switch p.QuestionType {
	case "MC":
		switch p.Selector {
		case "NPS":
			q.Type = survey.NPS
		case "SAVR", "SAHR", "SACOL", "DL", "SB":
			q.Type = survey.Single
			if p.Selector == "DL" || p.Selector == "SB" {
				q.Type = survey.Dropdown
			}
		case "MAVR", "MAHR", "MACOL", "MSB":
			q.Type = survey.Multiple
		default:
			rep.dropped("note_qsf_layout", what, p.Selector)
			return
		}
		if q.Type != survey.NPS {
			var pairs [][2]string
			for _, k := range ordered(p.Choices, p.ChoiceOrder) {
				c := p.Choices[k]
				if c.TextEntry != nil && c.TextEntry != false && c.TextEntry != "false" {
					q.Other = true
					rep.approx("note_qsf_text_box", what, plain(c.Display))
					continue
				}
				v := k
				if r, ok := p.RecodeValues[k]; ok {
					v = r.String()
				}
				pairs = append(pairs, [2]string{v, c.Display})
			}
			q.Options = options(pairs)
		}
	case "TE":
		switch {
		case p.Validation.Settings.ContentType == "ValidNumber":
			q.Type = survey.Number
		case p.Validation.Settings.ContentType == "ValidDate":
			q.Type = survey.Date
		case p.Selector == "SL":
			q.Type = survey.ShortText
		case p.Selector == "ML" || p.Selector == "ESTB":
			q.Type = survey.LongText
		case p.Selector == "FORM":
			for _, k := range ordered(p.Choices, p.ChoiceOrder) {
				b.add(name+"_"+k, survey.Question{Type: survey.ShortText, Text: survey.Text(p.QuestionText + ": " + p.Choices[k].Display)})
			}
			rep.approx("note_qsf_form", what)
			return
		default:
			q.Type = survey.ShortText
			rep.approx("note_qsf_text_layout", what, p.Selector)
		}
	case "Matrix":
		if p.Selector != "Likert" || p.SubSelector != "SingleAnswer" {
			rep.dropped("note_qsf_matrix_kind", what, p.Selector, p.SubSelector)
			return
		}
		answers := ordered(p.Answers, p.AnswerOrder)
		q.Type, q.Scale = survey.Matrix, &survey.Scale{Points: len(answers)}
		for _, k := range answers {
			q.Scale.Labels = append(q.Scale.Labels, survey.Text(plain(p.Answers[k].Display)))
		}
		var pairs [][2]string
		for _, k := range ordered(p.Choices, p.ChoiceOrder) {
			pairs = append(pairs, [2]string{"s" + k, p.Choices[k].Display})
		}
		q.Statements = options(pairs)
		if len(answers) < 2 || len(pairs) == 0 {
			rep.dropped("note_qsf_matrix_empty", what)
			return
		}
		rep.approx("note_qsf_matrix_scale", what, len(answers))
	case "Slider":
		q.Type = survey.Number
		rep.approx("note_qsf_slider", what)
	case "DB":
		rep.dropped("note_qsf_descriptive", what)
		return
	case "Timing", "Meta":
		rep.dropped("note_qsf_meta", what)
		return
	default:
		rep.dropped("note_no_type", what)
		return
	}
	added := b.add(name, q)
	b.ids[qid] = added.ID // display logic names questions by QID
	rep.mapped(what, added.Type)
	b.qsfLogic(added, p, what)
}

// qsfLogic keeps display logic of one shape: "show if choice X (or Y) of an
// earlier question is selected".
func (b *builder) qsfLogic(q *survey.Question, p qsfQuestion, what Note) {
	if len(p.DisplayLogic) == 0 {
		return
	}
	var ref string
	var values []string
	ok := true
	for k, raw := range p.DisplayLogic {
		if k == "Type" || k == "inPage" {
			continue
		}
		var group map[string]json.RawMessage
		if json.Unmarshal(raw, &group) != nil {
			ok = false
			break
		}
		for ck, craw := range group {
			if ck == "Type" {
				continue
			}
			var c struct {
				LogicType, QuestionID, ChoiceLocator, Operator, Conjuction string
			}
			if json.Unmarshal(craw, &c) != nil || c.LogicType != "Question" || c.Operator != "Selected" || c.Conjuction == "And" {
				ok = false
				continue
			}
			if ref != "" && ref != c.QuestionID {
				ok = false
			}
			ref = c.QuestionID
			choice := c.ChoiceLocator[strings.LastIndex(c.ChoiceLocator, "/")+1:]
			if r, ok := b.qsf[ref].RecodeValues[choice]; ok {
				choice = r.String()
			}
			values = append(values, choice)
		}
	}
	slices.Sort(values)
	if ok && ref != "" {
		if c, found := b.condition(ref, values, false); found {
			q.ShowIf = c
			return
		}
	}
	b.rep.dropped("note_qsf_logic", what)
}
