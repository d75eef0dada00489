package survey

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Localized is a text the survey's author writes once per survey language:
// a title, a question, a help line, an option or statement label, a scale
// label, the thank-you message. In JSON it is either a plain string (the
// survey's default language, and the only form a one-language survey needs)
// or an object per language, {"fa": "...", "en": "..."}.
//
// A one-language text marshals back to a plain string, so definitions
// written before surveys had several languages stay byte-identical through
// a load and a store. The zero value is the empty text.
type Localized struct {
	// t[0] is the default language's text once the definition is
	// normalised (Definition.Normalize); a plain string has one entry
	// with Lang "". nil is the empty text.
	t []Translation
}

// Translation is a text in one language. Lang is "" for a plain string,
// which is the survey's default language.
type Translation struct {
	Lang string
	Text string
}

// Text is a plain, one-language text.
func Text(s string) Localized {
	if s == "" {
		return Localized{}
	}
	return Localized{t: []Translation{{Text: s}}}
}

// Texts builds a text from language/text pairs, the default language first:
// Texts("fa", "سلام", "en", "Hello"). It panics on an odd count: it is for
// code and tests, not for input.
func Texts(pairs ...string) Localized {
	if len(pairs)%2 != 0 {
		panic("survey.Texts: odd number of arguments")
	}
	var l Localized
	for i := 0; i < len(pairs); i += 2 {
		l = l.With(pairs[i], pairs[i+1])
	}
	return l
}

// String is the text in the default language.
func (l Localized) String() string {
	if len(l.t) == 0 {
		return ""
	}
	return l.t[0].Text
}

// In is the text in lang, or in the default language when lang has none.
func (l Localized) In(lang string) string {
	if lang != "" {
		for _, t := range l.t {
			if t.Lang == lang && t.Text != "" {
				return t.Text
			}
		}
	}
	return l.String()
}

// Has reports whether the text has a non-empty translation for lang. A
// plain string counts as the default language's (def).
func (l Localized) Has(lang, def string) bool {
	for _, t := range l.t {
		if t.Text != "" && (t.Lang == lang || t.Lang == "" && lang == def) {
			return true
		}
	}
	return false
}

// IsZero reports whether the text is empty in every language.
func (l Localized) IsZero() bool {
	for _, t := range l.t {
		if t.Text != "" {
			return false
		}
	}
	return true
}

// IsPlain reports whether the text is one plain string (or empty).
func (l Localized) IsPlain() bool {
	return len(l.t) == 0 || len(l.t) == 1 && l.t[0].Lang == ""
}

// Translations returns the text's translations in order, the default first.
// A plain string is one Translation with Lang "".
func (l Localized) Translations() []Translation { return slices.Clone(l.t) }

// Missing lists the languages of langs (the first is the default) that have
// no text. It is empty for an empty text: whether a text is required is the
// caller's question.
func (l Localized) Missing(langs []string) []string {
	if l.IsZero() || len(langs) == 0 {
		return nil
	}
	var miss []string
	for _, lang := range langs {
		if !l.Has(lang, langs[0]) {
			miss = append(miss, lang)
		}
	}
	return miss
}

// With returns a copy of the text with lang's translation set to s (an
// empty s removes it). With("", s) sets the plain string.
func (l Localized) With(lang, s string) Localized {
	t := slices.Clone(l.t)
	i := slices.IndexFunc(t, func(x Translation) bool { return x.Lang == lang })
	switch {
	case i >= 0 && s == "":
		t = slices.Delete(t, i, i+1)
	case i >= 0:
		t[i].Text = s
	case s != "":
		t = append(t, Translation{Lang: lang, Text: s})
	}
	if len(t) == 0 {
		t = nil
	}
	return Localized{t: t}
}

// Equal reports whether two texts hold the same translations in the same
// order.
func (l Localized) Equal(o Localized) bool { return slices.Equal(l.t, o.t) }

// normalize puts the default language (langs[0]) first and turns a
// one-language object holding only the default into a plain string, so a
// one-language survey stores plain strings.
func (l *Localized) normalize(langs []string) {
	if len(l.t) == 0 || len(langs) == 0 || l.IsPlain() {
		return
	}
	def := langs[0]
	if i := slices.IndexFunc(l.t, func(x Translation) bool { return x.Lang == def }); i > 0 {
		t := make([]Translation, 0, len(l.t))
		t = append(t, l.t[i])
		t = append(t, l.t[:i]...)
		t = append(t, l.t[i+1:]...)
		l.t = t
	}
	if len(langs) == 1 && len(l.t) == 1 && l.t[0].Lang == def {
		l.t = []Translation{{Text: l.t[0].Text}}
	}
}

// MarshalJSON writes a plain string for a one-language text and an object
// in translation order otherwise. HTML is not escaped here: the enclosing
// encoder escapes (or not) as it was told, as it would for a string field.
func (l Localized) MarshalJSON() ([]byte, error) {
	if l.IsPlain() {
		return marshalString(l.String())
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, t := range l.t {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshalString(t.Lang)
		if err != nil {
			return nil, err
		}
		v, err := marshalString(t.Text)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalString(s string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// errTextShape is the message for a text that is neither form.
var errTextShape = errors.New(`a text must be a string or an object of strings per language, {"fa": "...", "en": "..."}`)

// UnmarshalJSON accepts "text" or {"lang": "text", ...}, keeping the
// object's order (the default language is put first by Normalize).
func (l *Localized) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		*l = Localized{}
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*l = Text(s)
		return nil
	}
	if len(b) == 0 || b[0] != '{' {
		return errTextShape
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	var t []Translation
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return err
		}
		k, _ := kt.(string)
		var v string
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("%q: %w", k, errTextShape)
		}
		if strings.TrimSpace(k) == "" {
			return fmt.Errorf("a text has an empty language code")
		}
		if slices.ContainsFunc(t, func(x Translation) bool { return x.Lang == k }) {
			return fmt.Errorf("a text gives language %q twice", k)
		}
		t = append(t, Translation{Lang: k, Text: v})
	}
	if len(t) == 0 {
		t = nil
	}
	*l = Localized{t: t}
	return nil
}

// TextList turns plain strings into plain texts (nil for none).
func TextList(ss []string) []Localized {
	if ss == nil {
		return nil
	}
	out := make([]Localized, len(ss))
	for i, s := range ss {
		out[i] = Text(s)
	}
	return out
}
