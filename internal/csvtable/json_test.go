package csvtable

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadJSON(t *testing.T) {
	header := []string{"id", "review", "stars", "aspects", "ok"}
	rows := [][]string{
		{"1", "ارسال دیر بود", "2", `{"delivery":-1}`, "true"},
		{"2", "late, \"very\" late", "1.5", "[]", ""},
	}
	for _, c := range []struct {
		name, in string
		lines    []int
	}{
		{"json lines", "{\"id\": 1, \"review\": \"ارسال دیر بود\", \"stars\": 2, \"aspects\": {\"delivery\": -1}, \"ok\": true}\n" +
			"\n{\"id\": 2, \"review\": \"late, \\\"very\\\" late\", \"stars\": 1.5, \"aspects\": [], \"ok\": null}\n", []int{1, 3}},
		{"an array of objects", "\ufeff[\n  {\"id\": 1, \"review\": \"ارسال دیر بود\", \"stars\": 2, \"aspects\": {\"delivery\": -1}, \"ok\": true},\n" +
			"  {\"id\": 2, \"review\": \"late, \\\"very\\\" late\", \"stars\": 1.5, \"aspects\": [ ], \"ok\": null}\n]\n", []int{2, 3}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb, err := ReadJSON(strings.NewReader(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(tb.Header, header) || !reflect.DeepEqual(tb.Rows, rows) || !reflect.DeepEqual(tb.Lines, c.lines) {
				t.Errorf("got %q %q lines %v, want %q %q %v", tb.Header, tb.Rows, tb.Lines, header, rows, c.lines)
			}
		})
	}
	// Keys that appear later become columns; earlier rows are short.
	tb, err := ReadJSON(strings.NewReader(`{"text": "a"}` + "\n" + `{"text": "b", "text": "c", "city": "Shiraz"}`))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tb.Header, []string{"text", "city"}) || !reflect.DeepEqual(tb.Rows, [][]string{{"a"}, {"c", "Shiraz"}}) || tb.Value(0, 1) != "" {
		t.Errorf("got %q %q", tb.Header, tb.Rows)
	}
}

func TestReadJSONErrors(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"a record that is not an object", "{\"text\": \"a\"}\n[1, 2]\n", "line 2: each record must be an object"},
		{"broken JSON", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n{\"text\": \"c\n", "line 3"},
		{"an array left open", "[{\"text\": \"a\"},\n{\"text\": \"b\"}\n", "line 2"},
		{"nothing", "  \n", "empty file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadJSON(strings.NewReader(c.in))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error saying %q", err, c.want)
			}
		})
	}
}

func TestSniffJSON(t *testing.T) {
	for _, c := range []struct {
		head string
		want Format
	}{
		{`{"review": "late"}`, JSON},
		{"\ufeff\n[\n {\"review\": \"late\"}]", JSON},
		{"[]", JSON},
		{"review,stars\nlate,1\n", CSV},
		{"[id],text\n1,late\n", CSV},
		{"{id},text\n1,late\n", CSV},
	} {
		if got, err := Sniff([]byte(c.head)); err != nil || got != c.want {
			t.Errorf("Sniff(%q) = %v, %v; want %v", c.head, got, err, c.want)
		}
	}
}
