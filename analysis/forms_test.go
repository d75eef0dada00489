package analysis

import (
	"context"
	"testing"
)

// formKeys analyses texts as FindPainPoints does, up to the words' keys.
func formKeys(t *testing.T, texts []string) map[string]string {
	t.Helper()
	in := make([]Text, len(texts))
	for i, s := range texts {
		in[i] = Text{ID: itoa(i + 1), Text: s}
	}
	docs, _, err := analyseAll(context.Background(), in, nil)
	if err != nil {
		t.Fatal(err)
	}
	splitForms(docs, minSupport(len(texts), 2))
	keys := map[string]string{}
	for _, d := range docs {
		for _, w := range d.decode(nil) {
			keys[w.surf] = w.key
		}
	}
	return keys
}

// TestSplitForms: "package" (the parcel, said with late delivery) and
// "packaging" (the box, said with damage) share the stem `packag`; their
// texts use them in unlike company, so "packaging" gets a key of its own.
// "waiting" and "waited", said alike, stay one key.
func TestSplitForms(t *testing.T) {
	var texts []string
	late := []string{"late again", "delayed by courier", "lost by courier", "stuck in tracking", "late by a week", "delayed two weeks"}
	box := []string{"damaged, box crushed", "torn, box dented", "cheap, box crushed", "flimsy, glass broken", "damaged, glass broken", "torn, box dented"}
	for i := range 12 {
		texts = append(texts,
			"The package was "+late[i%len(late)]+" and the delivery was slow.",
			"My packaging was "+box[i%len(box)]+" when it came.",
			"We waited an hour for a table, waiter ignored us.",
			"Waiting an hour for a table, the waiter ignored us.",
		)
	}
	keys := formKeys(t, texts)
	if keys["packaging"] == keys["package"] {
		t.Errorf("packaging and package share the key %q", keys["package"])
	}
	if keys["package"] != "packag" {
		t.Errorf("package keyed %q, want packag", keys["package"])
	}
	if keys["waiting"] != keys["waited"] {
		t.Errorf("waiting keyed %q, waited %q: want one key", keys["waiting"], keys["waited"])
	}
}
