package web_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestOversizedBodyGets413NotAReset: a client that sends a too-large body
// without Expect: 100-continue (every browser) and reads the answer only
// once it has sent everything used to get a connection reset: the server
// answered 413, closed with the rest of the body unread, and the kernel's
// RST threw the answer away. The server now reads (and drops) the rest, up
// to a bound, so the 413 arrives.
func TestOversizedBodyGets413NotAReset(t *testing.T) {
	w := newWorkspace(t)
	ts := httptest.NewServer(w.srv.Handler())
	defer ts.Close()
	b := w.login("res@example.com")
	var cookies []string
	for _, c := range b.jar.Cookies(base) {
		cookies = append(cookies, c.Name+"="+c.Value)
	}
	tests := []struct {
		name, path, ctype, cookie string
		size                      int
		want                      string
	}{
		{"API", "/api/v1/surveys/all-types/responses", "application/json", "", 16 << 20, "request body too large"},
		{"survey page", "/s/all-types", "application/x-www-form-urlencoded", "", 16 << 20, "Too much text"},
		{"transcript upload", "/app/projects/" + w.pid() + "/transcripts", "multipart/form-data; boundary=x", strings.Join(cookies, "; "), 20 << 20, "File too large: 20 MiB; the limit is 10 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", strings.TrimPrefix(ts.URL, "http://"))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(30 * time.Second))
			fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: safar.test\r\nContent-Type: %s\r\nContent-Length: %d\r\nCookie: %s\r\n\r\n", tt.path, tt.ctype, tt.size, tt.cookie)
			chunk := bytes.Repeat([]byte("a"), 64<<10)
			for sent := 0; sent < tt.size; sent += len(chunk) {
				if _, err := conn.Write(chunk); err != nil {
					t.Fatalf("writing the body after %d bytes: %v", sent, err)
				}
			}
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatalf("reading the answer: %v (a reset instead of 413)", err)
			}
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(body), tt.want) {
				t.Fatalf("status %d, body %.300s", resp.StatusCode, body)
			}
		})
	}
}
