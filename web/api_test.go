package web_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func (a *testApp) api(method, path, body string) (int, map[string]any) {
	a.t.Helper()
	req, _ := http.NewRequest(method, a.server.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		a.t.Fatalf("%s %s: %d, not JSON: %s", method, path, resp.StatusCode, b)
	}
	return resp.StatusCode, out
}

const validBody = `{"client_id": "6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d5e", "touchpoint": "email", "answers": {
	"age": "25-34", "channels": {"values": ["instagram", "other"], "other": "A billboard"}, "city": "Shiraz",
	"insta_often": 4, "rating": 2, "nps": 6, "orders": "۱۲", "first_order": "2025-03-21",
	"site": {"find": 4, "pay": 2}, "nickname": "Sara", "problem": "The parcel arrived a week late <script>alert(1)</script>"}}`

func TestAPISubmitIsIdempotent(t *testing.T) {
	app := newTestApp(t, nil)
	status, first := app.api("POST", "/api/v1/surveys/all-types/responses", validBody)
	if status != http.StatusCreated {
		t.Fatalf("first submit: %d %v", status, first)
	}
	status, again := app.api("POST", "/api/v1/surveys/all-types/responses", validBody)
	if status != http.StatusOK || again["id"] != first["id"] {
		t.Fatalf("retry: %d, id %v vs %v", status, again["id"], first["id"])
	}
	rs := app.responses()
	if len(rs) != 1 || rs[0].Touchpoint != "email" || rs[0].Source != "api" {
		t.Fatalf("stored: %+v", rs)
	}
	if got, want := mustJSON(t, rs[0].Answers["channels"]), `{"other":"A billboard","values":["instagram","other"]}`; got != want {
		t.Fatalf("channels: got %s, want %s", got, want)
	}
}

func TestAPIRejectsInvalidAnswersPerQuestion(t *testing.T) {
	app := newTestApp(t, nil)
	tests := []struct {
		name, body string
		status     int
		field      string
	}{
		{"missing required", `{"client_id":"6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d5f","answers":{"age":"25-34","rating":2}}`, 422, "nps"},
		{"not an option", `{"client_id":"6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d5f","answers":{"age":"young","rating":2,"nps":1}}`, 422, "age"},
		{"wrong type", `{"client_id":"6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d5f","answers":{"age":"25-34","rating":"five","nps":1}}`, 422, "rating"},
		{"bad client id", `{"client_id":"1","answers":{}}`, 422, "client_id"},
		{"not JSON", `{"client_id":`, 422, ""},
		{"unknown field", `{"client_id":"6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d5f","answer":{}}`, 422, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := app.api("POST", "/api/v1/surveys/all-types/responses", tt.body)
			if status != tt.status {
				t.Fatalf("status %d, want %d: %v", status, tt.status, body)
			}
			if tt.field != "" {
				errs, _ := body["errors"].(map[string]any)
				if errs[tt.field] == nil {
					t.Fatalf("no error for %s: %v", tt.field, body)
				}
			}
		})
	}
	if n := len(app.responses()); n != 0 {
		t.Fatalf("invalid submissions stored %d responses", n)
	}
}

func TestAPIGetSurveyAndLimits(t *testing.T) {
	app := newTestApp(t, nil)
	status, body := app.api("GET", "/api/v1/surveys/all-types", "")
	def, _ := body["definition"].(map[string]any)
	if status != 200 || def["slug"] != "all-types" {
		t.Fatalf("get survey: %d %v", status, body)
	}
	if status, _ := app.api("GET", "/api/v1/surveys/nope", ""); status != 404 {
		t.Fatalf("unknown survey: %d", status)
	}
	huge := `{"client_id":"6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d5f","answers":{"problem":"` + strings.Repeat("x", 2<<20) + `"}}`
	if status, _ := app.api("POST", "/api/v1/surveys/all-types/responses", huge); status != http.StatusRequestEntityTooLarge {
		t.Fatalf("2 MiB body: %d, want 413", status)
	}
}

// A body shorter than its Content-Length (a phone losing its connection
// mid-upload) is refused like any malformed body: 422, nothing stored.
func TestAPISubmitCutShort(t *testing.T) {
	app := newTestApp(t, nil)
	conn, err := net.Dial("tcp", app.server.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	part := validBody[:len(validBody)/2]
	fmt.Fprintf(conn, "POST /api/v1/surveys/all-types/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(validBody), part)
	conn.(*net.TCPConn).CloseWrite()
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("cut-short body: %d, want 422", resp.StatusCode)
	}
	if rs := app.responses(); len(rs) != 0 {
		t.Fatalf("stored %d responses from a cut-short body", len(rs))
	}
}
