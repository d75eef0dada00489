package web

import (
	"sort"
	"testing"
	"time"
)

func TestPluralCatalogKeys(t *testing.T) {
	for _, pair := range [][2]string{{"en", "fa"}, {"fa", "en"}} {
		var missing []string
		for k := range pluralCatalog[pair[0]] {
			if _, ok := pluralCatalog[pair[1]][k]; !ok {
				missing = append(missing, k)
			}
			if _, dup := appCatalog[pair[0]][k]; dup {
				t.Errorf("%s: %q is both a plain and a plural message", pair[0], k)
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("pluralCatalog: %s lacks %q", pair[1], missing)
		}
	}
}

func TestMessagesReadNaturally(t *testing.T) {
	tests := []struct {
		lang, key string
		args      []any
		want      string
	}{
		{"en", "an_n_responses", []any{1}, "1 complete response"},
		{"en", "an_n_responses", []any{0}, "0 complete responses"},
		{"en", "an_n_responses", []any{1280}, "1280 complete responses"},
		{"fa", "an_n_responses", []any{1}, "1 پاسخ کامل"},
		{"en", "an_pp_people", []any{1, "3%"}, "1 person (3%)"},
		{"en", "an_pp_intro", []any{5, 1}, "From 5 texts by 1 person, ranked by priority."},
		{"en", "an_pp_intro", []any{5, 4}, "From 5 texts by 4 people, ranked by priority."},
		{"en", "an_per_stability_value", []any{"0.91", "0.80", 1}, "mean ARI 0.91, lowest 0.80 over 1 resample"},
		{"en", "redacted_notice", []any{1}, "1 personal data item was replaced by a tag."},
		{"en", "password_hint", []any{10}, "At least 10 characters."},
		{"en", "save", nil, "Save"},
		{"en", "no_such_key", nil, "no_such_key"},
		{"en", "err.too_long", []any{12, 10}, "Too long: 12 characters, the limit is 10."},
	}
	for _, tc := range tests {
		if got := appText(tc.lang, tc.key, tc.args...); got != tc.want {
			t.Errorf("appText(%s, %s, %v) = %q, want %q", tc.lang, tc.key, tc.args, got, tc.want)
		}
	}
	if got := translate("fa", "err.scale_range", 1, 5); got != "لطفاً عددی صحیح از ۱ تا ۵ انتخاب کنید." {
		t.Errorf("respondent fa: %q", got)
	}
}

func TestValidFor(t *testing.T) {
	tests := []struct {
		lang string
		d    time.Duration
		want string
	}{
		{"en", 24 * time.Hour, "valid for 24 hours"},
		{"en", time.Hour, "valid for 1 hour"},
		{"en", 72 * time.Hour, "valid for 3 days"},
		{"en", 90 * time.Minute, "valid for 90 minutes"},
		{"en", time.Minute, "valid for 1 minute"},
		{"fa", 24 * time.Hour, "معتبر به مدت 24 ساعت"},
	}
	for _, tc := range tests {
		if got := ValidFor(tc.lang, tc.d); got != tc.want {
			t.Errorf("ValidFor(%s, %v) = %q, want %q", tc.lang, tc.d, got, tc.want)
		}
	}
}
