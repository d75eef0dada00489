package survey

import (
	"encoding/json"
	"testing"
)

// FuzzJSONScalars: the fast paths for plain strings and number literals
// decode exactly what encoding/json decodes, and refuse what it refuses.
func FuzzJSONScalars(f *testing.F) {
	for _, s := range []string{`"plain"`, `"می‌خواهم"`, `"a\"b"`, `"\u00e9"`, "\"\xff\"", "\"tab\there\"", `12`, `-0.5e+3`, `01`, `1.`, `-`, `1e400`, `"12"`, `null`, `true`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var want string
		wantErr := json.Unmarshal(b, &want)
		var got string
		if err := jsonString(b, &got); (err != nil) != (wantErr != nil) || got != want {
			t.Fatalf("string %q: got %q, %v; encoding/json %q, %v", b, got, err, want, wantErr)
		}
		var wantF float64
		wantErr = json.Unmarshal(b, &wantF)
		gotF, err := jsonNumber(b)
		if (err != nil) != (wantErr != nil) || (err == nil && gotF != wantF) {
			t.Fatalf("number %q: got %v, %v; encoding/json %v, %v", b, gotF, err, wantF, wantErr)
		}
	})
}
