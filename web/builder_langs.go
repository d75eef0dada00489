package web

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"

	"github.com/safarhq/safar/survey"
)

// A multilingual survey's builder shows every text once per language,
// side by side: the fields are named NAME~LANG (q.0.1.text~en), and the
// hidden "languages" fields list the languages in order, the default
// (the "language" select) first. A one-language survey keeps plain NAME
// fields. Options, statements and scale labels are edited as lines: the
// default language as "value | label", the others as one label a line,
// in the same order.

// langCol is a language column of the builder.
type langCol struct {
	Code, Name, Dir string
}

func langCols(codes []string) []langCol {
	out := make([]langCol, 0, len(codes))
	for _, c := range codes {
		info, ok := survey.Language(c)
		if !ok {
			info = survey.LanguageInfo{Code: c, Name: c, Dir: "ltr"}
		}
		out = append(out, langCol{Code: info.Code, Name: info.Name, Dir: info.Dir})
	}
	return out
}

// textField is one translatable text of the form: a cell per language.
type textField struct {
	Base  string // the field's name without a language
	Label string // i18n key of the field's label
	Area  bool   // a textarea
	Rows  int
	Focus bool // the first cell gets the focus
	Cells []textCell
}

type textCell struct {
	Name, Value string
	Lang        langCol
	Missing     bool // the default language has text here and this language has not
}

// builderTexts builds textFields for a draft's languages.
type builderTexts struct {
	langs []string
	cols  []langCol
}

func newBuilderTexts(d *survey.Definition) builderTexts {
	langs := d.Langs()
	return builderTexts{langs: langs, cols: langCols(langs)}
}

func (bt builderTexts) multi() bool { return len(bt.langs) > 1 }

// exact is t's text in lang, without falling back to the default.
func exact(t survey.Localized, lang, def string) string {
	for _, tr := range t.Translations() {
		if tr.Lang == lang || tr.Lang == "" && lang == def {
			return tr.Text
		}
	}
	return ""
}

// one is a field for a single text.
func (bt builderTexts) one(name, label string, t survey.Localized, area bool, rows int) textField {
	f := textField{Base: name, Label: label, Area: area, Rows: rows}
	if !bt.multi() {
		f.Cells = []textCell{{Name: name, Value: t.String(), Lang: bt.cols[0]}}
		return f
	}
	def := bt.langs[0]
	hasDef := exact(t, def, def) != ""
	for _, c := range bt.cols {
		v := exact(t, c.Code, def)
		f.Cells = append(f.Cells, textCell{Name: name + "~" + c.Code, Value: v, Lang: c, Missing: hasDef && v == ""})
	}
	return f
}

// labelLines is a field for a list of labels: defLines is the default
// language's text (which may be "value | label" lines).
func (bt builderTexts) labelLines(name, label string, defLines string, ls []survey.Localized, rows int) textField {
	f := textField{Base: name, Label: label, Area: true, Rows: rows}
	if !bt.multi() {
		f.Cells = []textCell{{Name: name, Value: defLines, Lang: bt.cols[0]}}
		return f
	}
	def := bt.langs[0]
	for i, c := range bt.cols {
		if i == 0 {
			f.Cells = append(f.Cells, textCell{Name: name + "~" + c.Code, Value: defLines, Lang: c})
			continue
		}
		var b strings.Builder
		missing := false
		for _, l := range ls {
			v := exact(l, c.Code, def)
			missing = missing || v == "" && exact(l, def, def) != ""
			b.WriteString(strings.ReplaceAll(v, "\n", " ") + "\n")
		}
		f.Cells = append(f.Cells, textCell{Name: name + "~" + c.Code, Value: b.String(), Lang: c, Missing: missing})
	}
	return f
}

// formLangs reads the draft's languages: the "languages" list with the
// "language" select's choice first, or just the select.
func formLangs(f url.Values) []string {
	def := f.Get("language")
	var langs []string
	for _, l := range f["languages"] {
		if l = strings.TrimSpace(l); l != "" && !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	if len(langs) < 2 {
		return []string{def}
	}
	if i := slices.Index(langs, def); i > 0 {
		langs = append([]string{def}, slices.Delete(langs, i, i+1)...)
	}
	return langs
}

// formText reads one translatable text.
func formText(f url.Values, name string, langs []string) survey.Localized {
	if len(langs) < 2 {
		return survey.Text(strings.TrimSpace(f.Get(name)))
	}
	var l survey.Localized
	for _, lang := range langs {
		l = l.With(lang, strings.TrimSpace(f.Get(name+"~"+lang)))
	}
	return l
}

// formDefault is the default language's raw text of a lines field.
func formDefault(f url.Values, name string, langs []string) string {
	if len(langs) < 2 {
		return f.Get(name)
	}
	return f.Get(name + "~" + langs[0])
}

// translateLines gives each text in ls (made from the default language's
// lines) the other languages' lines, in order.
func translateLines(f url.Values, name string, langs []string, ls []survey.Localized) {
	if len(langs) < 2 {
		return
	}
	for i := range ls {
		ls[i] = survey.Localized{}.With(langs[0], ls[i].String())
	}
	for _, lang := range langs[1:] {
		rows := strings.Split(strings.ReplaceAll(f.Get(name+"~"+lang), "\r", ""), "\n")
		for i := range ls {
			if i < len(rows) {
				ls[i] = ls[i].With(lang, strings.TrimSpace(rows[i]))
			}
		}
	}
}

// missingCount is, per language other than the default, how many texts
// have a default-language text and none in that language.
type missingCount struct {
	Lang langCol
	N    int
}

func missingTranslations(d *survey.Definition) (out []missingCount, total int) {
	langs := d.Langs()
	if len(langs) < 2 {
		return nil, 0
	}
	counts := map[string]int{}
	d.EachText(func(_ string, t *survey.Localized) {
		for _, l := range t.Missing(langs) {
			counts[l]++
		}
	})
	for _, c := range langCols(langs[1:]) {
		if n := counts[c.Code]; n > 0 {
			out = append(out, missingCount{Lang: c, N: n})
			total += n
		}
	}
	return out, total
}

// addLanguage lists lang among the draft's languages; its texts start
// empty (and so show as missing).
func addLanguage(d *survey.Definition, lang string) {
	if _, ok := survey.Language(lang); !ok || d.HasLanguage(lang) {
		return
	}
	d.Languages = append(slices.Clone(d.Langs()), lang)
	def := d.Languages[0]
	d.EachText(func(_ string, t *survey.Localized) {
		if t.IsPlain() && !t.IsZero() {
			*t = survey.Localized{}.With(def, t.String())
		}
	})
}

// removeLanguage drops lang and its texts; the default cannot go.
func removeLanguage(d *survey.Definition, lang string) {
	langs := d.Langs()
	i := slices.Index(langs, lang)
	if i <= 0 {
		return
	}
	d.EachText(func(_ string, t *survey.Localized) { *t = t.With(lang, "") })
	d.Languages = slices.Delete(slices.Clone(langs), i, i+1)
	if len(d.Languages) == 1 {
		d.Languages = nil
	}
	d.Normalize()
}

func knownLangCodes() []string {
	out := make([]string, len(survey.KnownLanguages))
	for i, l := range survey.KnownLanguages {
		out[i] = l.Code
	}
	return out
}

func optionLabels(os []survey.Option) []survey.Localized {
	out := make([]survey.Localized, len(os))
	for i, o := range os {
		out[i] = o.Label
	}
	return out
}

// inLanguage is a one-language copy of d in lang (texts missing in lang
// fall back to the default), for previewing each language.
func inLanguage(d *survey.Definition, lang string) *survey.Definition {
	if !d.HasLanguage(lang) || lang == d.Language {
		return d
	}
	b, err := json.Marshal(d)
	if err != nil {
		return d
	}
	var c survey.Definition
	if err := json.Unmarshal(b, &c); err != nil {
		return d
	}
	c.EachText(func(_ string, t *survey.Localized) { *t = survey.Text(t.In(lang)) })
	c.Language, c.Languages = lang, nil
	return &c
}
