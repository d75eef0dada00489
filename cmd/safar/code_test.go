package main

import (
	"encoding/json"
	"strings"
	"testing"
)

const codedCSV = `id,text,code
1,We waited an hour in the queue,wait
2,"so slow, the delay was terrible",wait
3,way too expensive for what it is,price
4,the bill was overpriced,price|value
5,در صف خیلی معطل شدیم,wait
6,قیمت‌ها خیلی گران است,price
7,Waiting in queues again,
8,قیمتها گرانه,
9,,
`

func TestCodeSuggestJSON(t *testing.T) {
	p := writeCSV(t, codedCSV)
	out, errs, code := runCLI(t, "code", "suggest", p, "--text", "text", "--code", "code", "--id", "id", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var res struct {
		Agreement struct {
			Kappa    *float64 `json:"kappa"`
			Accuracy *float64 `json:"accuracy"`
			Folds    int      `json:"folds"`
			PerCode  []struct {
				Code     string `json:"code"`
				Examples int    `json:"examples"`
				TooFew   bool   `json:"too_few"`
			} `json:"per_code"`
		} `json:"agreement"`
		Suggestions []struct {
			ID         string  `json:"id"`
			Code       string  `json:"code"`
			Confidence float64 `json:"confidence"`
		} `json:"suggestions"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if res.Agreement.Folds != 5 || res.Agreement.Accuracy == nil || res.Agreement.Kappa == nil || len(res.Agreement.PerCode) != 3 {
		t.Errorf("agreement = %+v; want 5 folds, accuracy, kappa and price, value, wait", res.Agreement)
	}
	want := map[string]string{"7": "wait", "8": "price"}
	if len(res.Suggestions) != 2 {
		t.Fatalf("suggestions = %+v; want rows 7 and 8", res.Suggestions)
	}
	for _, s := range res.Suggestions {
		if want[s.ID] != s.Code || s.Confidence <= 0 || s.Confidence > 1 {
			t.Errorf("row %s: %s %.2f; want %s", s.ID, s.Code, s.Confidence, want[s.ID])
		}
	}
}

func TestCodeSuggestTableAndErrors(t *testing.T) {
	p := writeCSV(t, codedCSV)
	out, errs, code := runCLI(t, "code", "suggest", p, "--text", "text", "--code", "code")
	if code != 0 || !strings.Contains(out, "kappa") || !strings.Contains(out, "2 suggestions") || !strings.Contains(out, "too few examples") {
		t.Errorf("exit %d; table:\n%s%s", code, out, errs)
	}
	oneCode := writeCSV(t, "text,code\nslow,wait\nvery slow,wait\nfast,\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no code column", []string{p, "--text", "text"}, "--code"},
		{"unknown column", []string{p, "--text", "body", "--code", "code"}, "body"},
		{"one code", []string{oneCode, "--text", "text", "--code", "code"}, "at least two"},
		{"bad format", []string{p, "--text", "text", "--code", "code", "--format", "xml"}, "table or json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := runCLI(t, append([]string{"code", "suggest"}, tt.args...)...)
			if code == 0 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want failure mentioning %q", code, errs, tt.want)
			}
		})
	}
}
