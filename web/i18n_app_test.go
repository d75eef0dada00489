package web

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/templates"
)

func TestCatalogsHaveTheSameKeys(t *testing.T) {
	for name, cat := range map[string]map[string]map[string]string{"catalog": catalog, "appCatalog": appCatalog} {
		for _, pair := range [][2]string{{"en", "fa"}, {"fa", "en"}} {
			var missing []string
			for k := range cat[pair[0]] {
				if _, ok := cat[pair[1]][k]; !ok {
					missing = append(missing, k)
				}
			}
			sort.Strings(missing)
			if len(missing) > 0 {
				t.Errorf("%s: %s lacks %q", name, pair[1], missing)
			}
		}
	}
}

// TestWorkspaceTemplatesUseKnownKeys: every {{t "key"}} in a workspace
// template, and every dynamic key family, has an English text.
func TestWorkspaceTemplatesUseKnownKeys(t *testing.T) {
	re := regexp.MustCompile(`\{\{-? ?t "([^"]+)"`)
	known := func(k string) bool {
		_, a := appCatalog["en"][k]
		_, b := catalog["en"][k]
		_, c := pluralCatalog["en"][k]
		return a || b || c
	}
	for _, p := range append([]string{"app_layout"}, appPages...) {
		b, err := templates.FS.ReadFile(p + ".html")
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllSubmatch(b, -1) {
			if !known(string(m[1])) {
				t.Errorf("%s.html: no text for %q", p, m[1])
			}
		}
	}
	var dynamic []string
	for _, r := range survey.UserRoles {
		dynamic = append(dynamic, "role."+string(r))
	}
	for _, st := range survey.Stages {
		dynamic = append(dynamic, "stage."+string(st))
	}
	for _, st := range []survey.Status{survey.Draft, survey.Published, survey.Closed} {
		dynamic = append(dynamic, "status."+string(st))
	}
	dynamic = append(dynamic, "rstatus.complete", "rstatus.partial", "rstatus.over_quota")
	for _, r := range survey.Roles {
		dynamic = append(dynamic, "qrole."+string(r))
	}
	for _, qt := range survey.QuestionTypes {
		dynamic = append(dynamic, "qtype."+string(qt))
	}
	for lang := range langTags {
		dynamic = append(dynamic, "ui_lang."+lang)
	}
	for _, k := range dynamic {
		if !known(k) {
			t.Errorf("no text for %q", k)
		}
	}
}

// TestPersianTextsUseThePersianSeparator: no Persian workspace text joins
// its parts with a middle dot, which beside Persian digits reads as a
// zero; the journey map's "٪ از ۳۰ پاسخ‌دهنده · شدت ۰ تا ۱" did, over cells
// joined by the Persian comma.
func TestPersianTextsUseThePersianSeparator(t *testing.T) {
	check := func(key, s string) {
		if strings.Contains(s, " · ") {
			t.Errorf("%s: %q joins with a middle dot", key, s)
		}
	}
	for _, cat := range []map[string]map[string]string{catalog, appCatalog} {
		for k, s := range cat["fa"] {
			check(k, s)
		}
	}
	for k, f := range pluralCatalog["fa"] {
		for _, s := range f.Cases {
			check(k, s)
		}
	}
}

// TestProblemTextsTakeTheirArguments: each survey definition, webhook or
// REFI-QDA file problem's Persian text takes the arguments its English one
// takes.
func TestProblemTextsTakeTheirArguments(t *testing.T) {
	verbs := regexp.MustCompile(`%[a-z]`)
	for code := range problemMessagesFa {
		en := appCatalog["en"]["err."+code]
		var args []any
		for _, v := range verbs.FindAllString(en, -1) {
			if v == "%d" {
				args = append(args, 7)
			} else {
				args = append(args, "x")
			}
		}
		if got := problemText("fa", survey.FieldError{Code: code, Args: args}, func(s string) string { return s }); strings.Contains(got, "%!") || strings.Count(got, "x")+strings.Count(got, "7") < len(args) {
			t.Errorf("%s: %q with %v", code, got, args)
		}
	}
}
