package evaluate

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/safarhq/safar/analysis"
)

func TestSampleKeepsLabelsWithTexts(t *testing.T) {
	s := &Set{Name: "x"}
	for i := range 50 {
		id := string(rune('A' + i))
		s.Texts = append(s.Texts, analysis.Text{ID: id, Text: "text " + id})
		s.Labels = append(s.Labels, []string{id})
	}
	a, b, c := Sample(s, 20, 1), Sample(s, 20, 1), Sample(s, 20, 2)
	if len(a.Texts) != 20 || len(a.Labels) != 20 || a.Name != "x@20/1" {
		t.Fatalf("%s: %d texts, %d labels; want x@20/1 with 20 each", a.Name, len(a.Texts), len(a.Labels))
	}
	if !reflect.DeepEqual(a.Texts, b.Texts) || reflect.DeepEqual(a.Texts, c.Texts) {
		t.Errorf("one seed must give one sample and another seed another")
	}
	for i, tx := range a.Texts {
		if a.Labels[i][0] != tx.ID || i > 0 && a.Texts[i-1].ID >= tx.ID {
			t.Errorf("text %d %q labelled %q: labels must follow their texts, in the set's order", i, tx.ID, a.Labels[i])
		}
	}
	if Sample(s, 50, 1) != s {
		t.Errorf("a sample as large as the set is the set")
	}
}

func TestRunSizesOnFixtures(t *testing.T) {
	dir := writeFixtureData(t)
	reps, err := RunSizes(context.Background(), dir, []string{"mams"}, 16, PeerSeeds)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 1 || reps[0].Full.Texts != 24 || len(reps[0].Samples) != 3 || reps[0].Samples[2].Texts != 16 {
		t.Fatalf("got %+v; want the whole set of 24 and 3 samples of 16", reps)
	}
	var buf bytes.Buffer
	if err := WriteSizeTable(&buf, reps); err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for _, l := range strings.Split(buf.String(), "\n") {
		if f := strings.Fields(strings.Replace(l, "samples' mean", "mean", 1)); len(f) > 1 {
			rows[f[0]] = f[1]
		}
	}
	if rows["mams"] != "24" || rows["mams@16/3"] != "16" || rows["mean"] != "16" {
		t.Errorf("want rows for the whole set (24 texts), each sample and their mean (16):\n%s", buf.String())
	}
}

// TestRealSizes prints the size check on the shared sets (go test -v):
// each subsampled to 300 texts by three seeds. It never fails on quality.
func TestRealSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the size check takes about 15 s")
	}
	dir := DataDir()
	if dir == "" {
		t.Skip("shared data not found: set SAFAR_SHARED_DATA or place it at shared/data beside the repository")
	}
	reps, err := RunSizes(context.Background(), dir, SizeSets, 300, PeerSeeds)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteSizeTable(&buf, reps); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + buf.String())
}
