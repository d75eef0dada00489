package evaluate

import (
	"bytes"
	"context"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/safarhq/safar/analysis"
)

func TestDropLeavesOutAShare(t *testing.T) {
	s := &Set{Name: "x"}
	for i := range 2000 {
		id := strconv.Itoa(i)
		s.Texts = append(s.Texts, analysis.Text{ID: id, Text: "text " + id})
		s.Labels = append(s.Labels, []string{id})
	}
	a, b, c := Drop(s, 0.01, 1), Drop(s, 0.01, 1), Drop(s, 0.01, 2)
	if n := len(s.Texts) - len(a.Texts); n < 5 || n > 40 || len(a.Labels) != len(a.Texts) {
		t.Fatalf("left out %d of 2,000 (want about 20), %d labels for %d texts", n, len(a.Labels), len(a.Texts))
	}
	if !reflect.DeepEqual(a.Texts, b.Texts) || reflect.DeepEqual(a.Texts, c.Texts) {
		t.Errorf("one seed must leave out the same texts, another seed others")
	}
	for i, tx := range a.Texts {
		if a.Labels[i][0] != tx.ID {
			t.Fatalf("text %q labelled %q: labels must follow their texts", tx.ID, a.Labels[i])
		}
	}
}

func TestRunJackknifeOnFixtures(t *testing.T) {
	dir := writeFixtureData(t)
	reps, err := RunJackknife(context.Background(), dir, []string{"mams"}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 1 || len(reps[0].Resamples) != 3 || reps[0].Labels == 0 {
		t.Fatalf("got %+v; want one set with its labels and 3 resamples", reps)
	}
	var buf bytes.Buffer
	if err := WriteJackknifeTable(&buf, reps); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "whole") || !strings.Contains(out, "3 resamples, -1%") || strings.Count(out, "\n") != 3 {
		t.Errorf("want a header, the whole set's row and the resamples' row:\n%s", out)
	}
}
