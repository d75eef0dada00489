// Package surveyimport turns survey definitions written for other tools
// (Qualtrics .qsf, SurveyJS JSON, LimeSurvey .lss, XLSForm as used by ODK and
// KoboToolbox) into Safar definitions, with a report of what was mapped,
// what was approximated and what was dropped and why. Nothing is stored
// here: the caller stores the definition only when it validates.
package surveyimport

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode"

	"github.com/safarhq/safar/internal/textenc"
	"github.com/safarhq/safar/survey"
)

// MaxFileSize bounds what one import may read.
const MaxFileSize = 20 << 20

// Format names, as reported and as accepted by --format.
const (
	Safar      = "safar"
	Qualtrics  = "qualtrics"
	SurveyJS   = "surveyjs"
	LimeSurvey = "limesurvey"
	XLSForm    = "xlsform"
)

// Report says how a foreign survey became a Safar one.
type Report struct {
	Format       string
	Mapped       []Note // "Q1 (MC/SAVR) -> single"
	Approximated []Note // kept, but not exactly: what and why
	Dropped      []Note // left out: what and why
}

// Note is one line of a Report. Code is a key of Notes and Args its
// arguments; an argument that is itself a Note names the item the line is
// about (a question, a row), so a caller can say the whole line in its
// reader's language. String is the English line.
type Note struct {
	Code string
	Args []any
}

func (n Note) String() string { return fmt.Sprintf(Notes[n.Code], n.Args...) }

func (r *Report) mapped(what Note, t survey.QuestionType) {
	r.Mapped = append(r.Mapped, Note{"note_mapped", []any{what, t}})
}
func (r *Report) approx(code string, a ...any) {
	r.Approximated = append(r.Approximated, Note{code, a})
}
func (r *Report) dropped(code string, a ...any) { r.Dropped = append(r.Dropped, Note{code, a}) }

// Notes are the English texts of a report's lines, by code; the web layer
// keeps a translation of each. The items they are about come first.
var Notes = map[string]string{
	"note_mapped":   "%s -> %s",
	"note_language": "survey language %q: Safar surveys are Persian or English; set to English",
	"note_no_type":  "%s: Safar has no such question type",

	"note_qsf_item":         "%s (%s/%s)",
	"note_qsf_undefined":    "%s: named in a block but not defined",
	"note_qsf_layout":       "%s: multiple-choice layout %q is not supported",
	"note_qsf_text_box":     "%s: choice %q with a text box becomes Safar's \"other, please specify\"",
	"note_qsf_form":         "%s: each field of the form is a short-text question",
	"note_qsf_text_layout":  "%s: text entry layout %q kept as a short text",
	"note_qsf_matrix_kind":  "%s: only single-answer Likert matrices are supported (this one is %s/%s)",
	"note_qsf_matrix_empty": "%s: a matrix needs statements and at least two scale points",
	"note_qsf_matrix_scale": "%s: scale points are stored as 1..%d in column order",
	"note_qsf_slider":       "%s: a slider becomes a number question",
	"note_qsf_descriptive":  "%s: descriptive text is not a question",
	"note_qsf_meta":         "%s: Qualtrics metadata, not asked",
	"note_qsf_logic":        "%s: display logic beyond \"choice selected in an earlier question\"; the question is always shown",

	"note_sjs_item":          "%s (%s)",
	"note_sjs_repeat":        "%s: a repeating panel is asked once",
	"note_sjs_boolean":       "%s: a yes/no switch becomes two options",
	"note_sjs_input_type":    "%s: input type %q kept as a short text",
	"note_sjs_matrix_scale":  "%s: columns become scale points 1..%d in column order",
	"note_sjs_boxes":         "%s: each of its %d boxes is a short-text question",
	"note_sjs_unknown_type":  "%s: unknown question type",
	"note_sjs_matrix_empty":  "%s: a matrix needs rows and at least two columns",
	"note_sjs_condition":     "%s: condition %q (only {question} = 'value', anyof [...] and empty are kept); the question is always shown",
	"note_sjs_rate_values":   "%s: rate values become Likert points 1..%d",
	"note_sjs_rating_points": "%s: a %g..%g rating is stored as points 1..%d",
	"note_sjs_rating_number": "%s: a %g..%g rating becomes a number",

	"note_lss_item":           "%s (type %s)",
	"note_lss_list_comment":   "%s: the comment box beside the list is not kept",
	"note_lss_choice_comment": "%s: the comment box beside each choice is not kept",
	"note_lss_answer_scale":   "%s: answer codes become scale points 1..%d in their order",
	"note_lss_boxes":          "%s: each of its %d boxes is its own question",
	"note_lss_display":        "%s: a text display is not a question",
	"note_lss_no_type":        "%s: Safar has no such question type (equation, ranking, file upload, dual-scale or text arrays)",
	"note_lss_array_empty":    "%s: an array needs subquestions and at least two answers",
	"note_lss_list_empty":     "%s: a list without answers",
	"note_lss_relevance":      "%s: relevance equation %q (only QCODE == \"value\" on an earlier question is kept); the question is always shown",

	"note_xls_item":        "row %d %q (%s)",
	"note_xls_languages":   "column %q: one language per survey for now; the %q texts are used",
	"note_xls_repeat":      "%s: a repeat is asked once",
	"note_xls_metadata":    "%s: device metadata, not asked",
	"note_xls_no_choices":  "%s: list %q has no choices",
	"note_xls_range":       "%s: a range becomes a number question",
	"note_xls_datetime":    "%s: date and time becomes a date",
	"note_xls_note":        "%s: a note is not a question",
	"note_xls_calculation": "%s: device metadata or a calculation, not asked",
	"note_xls_relevant":    "%s: relevant %q (only ${q} = 'v', selected(${q}, 'v') and ${q} = '' on an earlier question are kept); the question is always shown",
}

// Messages are the English texts of the problems that stop an import, by
// code; the web layer keeps a translation of each.
var Messages = map[string]string{
	"import_too_large":         "%d bytes; the limit for a survey file is %d MiB",
	"import_xml_not_lss":       "an XML file that is not a LimeSurvey survey structure (.lss)",
	"import_unknown":           "not a survey file Safar knows: expected Safar JSON, a Qualtrics .qsf, SurveyJS JSON, a LimeSurvey .lss or an XLSForm .xlsx",
	"import_looks_table":       "a table of %d columns (%s…), not a survey: a survey from a spreadsheet comes as an XLSForm .xlsx; otherwise Safar takes Safar JSON, a Qualtrics .qsf, SurveyJS JSON or a LimeSurvey .lss",
	"import_looks_records":     "%d data records (JSON Lines or a list of objects), not a survey: Safar takes Safar JSON, a Qualtrics .qsf, SurveyJS JSON, a LimeSurvey .lss or an XLSForm .xlsx",
	"import_looks_pdf":         "a PDF document, not a survey: export the survey from its tool as Safar JSON, a Qualtrics .qsf, SurveyJS JSON, a LimeSurvey .lss or an XLSForm .xlsx",
	"import_looks_office":      "an old binary Office file (.xls or .doc): save an XLSForm as .xlsx; Safar also takes Safar JSON, a Qualtrics .qsf, SurveyJS JSON or a LimeSurvey .lss",
	"import_looks_binary":      "not text but binary content, so not a survey: Safar takes Safar JSON, a Qualtrics .qsf, SurveyJS JSON, a LimeSurvey .lss or an XLSForm .xlsx",
	"import_xlsx":              "%v",
	"import_no_questions":      "no question in it could be imported (see the dropped items)",
	"import_lss_xml":           "not valid LimeSurvey XML: %v",
	"import_lss_no_questions":  "no questions in the <questions> table",
	"import_qsf_json":          "not valid Qualtrics JSON: %v",
	"import_qsf_question":      "SurveyElements[%d] (question %s): %v",
	"import_qsf_blocks":        "SurveyElements[%d] (blocks): %v",
	"import_qsf_no_blocks":     "no question blocks (BL element) found",
	"import_sjs_json":          "not valid SurveyJS JSON: %v",
	"import_xlsform_no_survey": "no \"survey\" sheet: an XLSForm has survey, choices and settings sheets",
	"import_xlsform_no_type":   "the survey sheet has no \"type\" column",
}

// failure is a problem that stops an import. It is a survey.FieldError,
// so a caller can say it in its reader's language; Import puts the file's
// name in its Field.
func failure(code string, args ...any) error {
	return survey.FieldError{Code: code, Args: args, Message: fmt.Sprintf(Messages[code], args...)}
}

// inFile names the file (and its format) an import problem is in.
func inFile(field string, err error) error {
	var fe survey.FieldError
	if errors.As(err, &fe) {
		fe.Field = field
		return fe
	}
	return fmt.Errorf("%s: %w", field, err)
}

// Sheets gives an XLSForm's sheets as rows of cells. The report package
// reads .xlsx files (it is the one importer of excelize); callers pass its
// reader in, so this package stays free of spreadsheet code.
type Sheets func(data []byte) (map[string][][]string, error)

// Import detects the format of data (named name) and converts it.
func Import(name string, data []byte, xlsx Sheets) (*survey.Definition, *Report, error) {
	if len(data) > MaxFileSize {
		return nil, nil, inFile(name, failure("import_too_large", len(data), MaxFileSize>>20))
	}
	raw := data
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		// A definition saved by Notepad as "Unicode" (UTF-16) or on Persian
		// Windows (Windows-1256) is read as the CLI's tables are: as it
		// was, Windows-1256 JSON came in with every Persian letter "�".
		data = textenc.Bytes(data)
	}
	format, err := Detect(data)
	if fe := (survey.FieldError{}); errors.As(err, &fe) && fe.Code == "import_unknown" {
		err = unknownFile(raw, data)
	}
	if err != nil {
		return nil, nil, inFile(name, err)
	}
	rep := &Report{Format: format}
	var d *survey.Definition
	switch format {
	case Safar:
		d, err = survey.ParseDefinition(data)
	case Qualtrics:
		d, err = fromQualtrics(data, rep)
	case SurveyJS:
		d, err = fromSurveyJS(data, rep)
	case LimeSurvey:
		d, err = fromLimeSurvey(data, rep)
	case XLSForm:
		if xlsx == nil {
			return nil, nil, fmt.Errorf("%s: XLSForm needs a spreadsheet reader", name)
		}
		var sheets map[string][][]string
		if sheets, err = xlsx(data); err == nil {
			d, err = fromXLSForm(sheets, rep)
		} else {
			err = failure("import_xlsx", err)
		}
	}
	if err != nil {
		return nil, rep, inFile(fmt.Sprintf("%s (%s)", name, format), err)
	}
	return d, rep, nil
}

// Detect names the format of a survey file from its content.
func Detect(data []byte) (string, error) {
	b := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return XLSForm, nil
	case bytes.HasPrefix(b, []byte("<")):
		if bytes.Contains(b[:min(len(b), 4096)], []byte("<LimeSurveyDocType>")) {
			return LimeSurvey, nil
		}
		return "", failure("import_xml_not_lss")
	case bytes.HasPrefix(b, []byte("{")):
		head := b[:min(len(b), 1<<16)]
		switch {
		case bytes.Contains(head, []byte(`"SurveyEntry"`)) || bytes.Contains(head, []byte(`"SurveyElements"`)):
			return Qualtrics, nil
		case bytes.Contains(head, []byte(`"slug"`)) && bytes.Contains(head, []byte(`"questions"`)):
			return Safar, nil
		case bytes.Contains(head, []byte(`"elements"`)) || bytes.Contains(head, []byte(`"pages"`)):
			return SurveyJS, nil
		}
	}
	return "", failure("import_unknown")
}

// builder collects pages and questions and keeps ids unique and valid.
type builder struct {
	d    survey.Definition
	rep  *Report
	ids  map[string]string // foreign name -> Safar id
	used map[string]bool   // Safar ids given out
	next map[string]int    // next suffix to try per base id
	qsf  map[string]qsfQuestion
}

func newBuilder(title, slugHint, lang string, rep *Report) *builder {
	title = plain(title)
	if title == "" {
		title = "Imported survey"
	}
	return &builder{d: survey.Definition{Slug: slugify(slugHint, title), Title: survey.Text(title), Language: language(lang, rep)}, rep: rep, ids: map[string]string{}, used: map[string]bool{}, next: map[string]int{}}
}

// language maps a foreign language code to fa or en.
func language(code string, rep *Report) string {
	code = strings.ToLower(strings.TrimSpace(code))
	switch {
	case code == "" || strings.HasPrefix(code, "en"):
		return "en"
	case strings.HasPrefix(code, "fa") || strings.HasPrefix(code, "pes") || strings.Contains(code, "persian") || strings.Contains(code, "farsi"):
		return "fa"
	}
	rep.approx("note_language", code)
	return "en"
}

func (b *builder) page(title string) {
	b.d.Pages = append(b.d.Pages, survey.Page{Title: survey.Text(plain(title))})
}

// add appends q to the current page under a valid, unique id made from
// name, and remembers the mapping for conditions.
func (b *builder) add(name string, q survey.Question) *survey.Question {
	if len(b.d.Pages) == 0 {
		b.page("")
	}
	q.ID = b.id(name)
	b.ids[name] = q.ID
	q.Text = survey.Text(plain(q.Text.String()))
	if q.Text.IsZero() {
		q.Text = survey.Text(q.ID)
	}
	q.Help = survey.Text(plain(q.Help.String()))
	p := &b.d.Pages[len(b.d.Pages)-1]
	p.Questions = append(p.Questions, q)
	return &p.Questions[len(p.Questions)-1]
}

var idUnsafe = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

func (b *builder) id(name string) string {
	id := strings.Trim(idUnsafe.ReplaceAllString(name, "_"), "_-")
	if id == "" || !unicode.IsLetter(rune(id[0])) {
		id = "q" + id
	}
	if len(id) > 60 {
		id = id[:60]
	}
	out := id
	for b.used[out] {
		b.next[id] = max(b.next[id]+1, 2)
		out = fmt.Sprintf("%s_%d", id, b.next[id])
	}
	b.used[out] = true
	return out
}

// finish drops empty pages and validates the result.
func (b *builder) finish() (*survey.Definition, error) {
	pages := b.d.Pages[:0]
	for _, p := range b.d.Pages {
		if len(p.Questions) > 0 {
			pages = append(pages, p)
		}
	}
	b.d.Pages = pages
	if len(pages) == 0 {
		return nil, failure("import_no_questions")
	}
	d := b.d
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return &d, nil
}

var (
	tags   = regexp.MustCompile(`(?s)<[^>]*>`)
	breaks = regexp.MustCompile(`(?i)<br\s*/?>|</p>|</div>`)
)

// plain turns the HTML that survey tools allow in texts into plain text.
func plain(s string) string {
	s = breaks.ReplaceAllString(s, " ")
	s = tags.ReplaceAllString(s, "")
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

var slugUnsafe = regexp.MustCompile(`[^a-z0-9]+`)

func slugify(hint, title string) string {
	for _, s := range []string{hint, title} {
		s = strings.Trim(slugUnsafe.ReplaceAllString(strings.ToLower(s), "-"), "-")
		if len(s) > 60 {
			s = strings.TrimRight(s[:60], "-")
		}
		if survey.ValidSlug(s) {
			return s
		}
	}
	return "imported-survey"
}

// options makes Safar options from (value, label) pairs, keeping values
// unique.
func options(pairs [][2]string) []survey.Option {
	out := make([]survey.Option, 0, len(pairs))
	seen := map[string]bool{}
	for _, p := range pairs {
		v := strings.TrimSpace(p[0])
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, survey.Option{Value: v, Label: survey.Text(plain(p[1]))})
	}
	return out
}
