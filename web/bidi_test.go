package web_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
)

// TestUserTextIsIsolated: Persian data on English pages (and the other way
// round) sits in <bdi>, so its direction cannot scramble the line around
// it; lists are separated by "·" in English and by the Persian comma in
// Persian, where a middle dot beside Persian digits reads as a zero.
func TestUserTextIsIsolated(t *testing.T) {
	w := newWorkspace(t)
	p := &survey.Project{Name: "shop-fa", Title: "مطالعهٔ فروشگاه ۱۴۰۵", Touchpoints: []string{"website"}}
	if err := w.store.CreateProject(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	project := "/app/projects/" + strconv.FormatInt(p.ID, 10)

	en := w.login("res@example.com")
	en.get("/app/projects").want(http.StatusOK, "<bdi>مطالعهٔ فروشگاه ۱۴۰۵</bdi>", "<bdi>Online shop</bdi>")
	en.get(project).want(http.StatusOK, "<bdi>مطالعهٔ فروشگاه ۱۴۰۵</bdi>")
	en.get("/app/surveys/"+w.survey.Slug+"/responses").want(http.StatusOK, "<bdi>Online shop</bdi>")
	en.get(project).want(http.StatusOK, "</span> · ")

	fa := w.login("fa@example.com")
	fa.get(project).want(http.StatusOK, `dir="rtl"`, "<bdi>مطالعهٔ فروشگاه ۱۴۰۵</bdi>", "</span>، ")
	for _, page := range []string{"/app/projects", project, "/app/surveys/" + w.survey.Slug + "/responses"} {
		fa.get(page)
		if strings.Contains(fa.body, "·") {
			t.Errorf("%s in Persian has a middle dot", page)
		}
	}
}
