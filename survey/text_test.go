package survey

import (
	"encoding/json"
	"errors"
	"os"
	"testing"
)

func mustAllTypes(t *testing.T) *Definition {
	t.Helper()
	b, err := os.ReadFile("surveytest/all_types.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseDefinition(b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestTextWithNULOrInvalidUTF8IsRefused(t *testing.T) {
	d := mustAllTypes(t)
	tests := []struct {
		name, field string
		answers     string
	}{
		{"NUL in a short text", "nickname", `{"nickname": "Sa\u0000ra"}`},
		{"NUL in a choice", "city", `{"city": "Shi\u0000raz"}`},
		{"NUL in a long text", "problem", `{"age": "25-34", "rating": 2, "nps": 6, "problem": "late\u0000"}`},
		{"NUL in an other text", "channels", `{"channels": {"values": ["other"], "other": "bill\u0000board"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var raw map[string]json.RawMessage
			if err := json.Unmarshal([]byte(tt.answers), &raw); err != nil {
				t.Fatal(err)
			}
			a, err := d.DecodeAnswers(raw)
			if err == nil {
				err = d.ValidateResponse(a)
			}
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.ByField()[tt.field] == "" {
				t.Fatalf("err = %v, want a problem with field %s", err, tt.field)
			}
		})
	}
	// Invalid UTF-8 (a form post can carry it; JSON cannot).
	if code, _ := (&Question{Type: ShortText}).check(Value{Text: "\xff\xfe"}); code != "bad_text" {
		t.Errorf("invalid UTF-8: code %q, want bad_text", code)
	}
}

func TestDefinitionTextsWithNULAreRefused(t *testing.T) {
	for _, field := range []string{"title", "description", "pages[0].questions[0].text", "pages[0].questions[0].options[0].label"} {
		d := mustAllTypes(t)
		switch field {
		case "title":
			d.Title = Text("Shop\x00")
		case "description":
			d.Description = Text("\x00")
		case "pages[0].questions[0].text":
			d.Pages[0].Questions[0].Text = Text(d.Pages[0].Questions[0].Text.String() + "\x00")
		default:
			d.Pages[0].Questions[0].Options[0].Label = Text(d.Pages[0].Questions[0].Options[0].Label.String() + "\x00")
		}
		var ve *ValidationError
		if err := d.Validate(); !errors.As(err, &ve) || ve.ByField()[field] == "" {
			t.Errorf("NUL in %s: err = %v, want a problem naming it", field, err)
		}
	}
	if err := (ResponseFilter{Search: "a\x00"}).Validate(); err == nil {
		t.Error("a search with NUL passed")
	}
	if err := (ResponseFilter{Search: "سفر", Touchpoint: "web"}).Validate(); err != nil {
		t.Errorf("a plain filter: %v", err)
	}
}
