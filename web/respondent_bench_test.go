package web_test

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/safarhq/safar/survey/surveytest"
	"github.com/safarhq/safar/web"
)

// BenchmarkFirstPage measures the hot path of a survey link: a new
// respondent's GET of the cached first page (20 questions, gzip), through
// the whole middleware chain, minus the network; with the survey lookup
// cached for 1 s (the default) and read from SQLite on every request.
//
//	go test ./web -run '^$' -bench FirstPage -cpuprofile cpu.out
func BenchmarkFirstPage(b *testing.B) {
	b.Run("lookup=cached", func(b *testing.B) { benchFirstPage(b, web.DefaultSurveyCacheTTL) })
	b.Run("lookup=sqlite", func(b *testing.B) { benchFirstPage(b, -1) })
}

func benchFirstPage(b *testing.B, ttl time.Duration) {
	app := newCachedApp(b, surveytest.TwentyFa(b), ttl)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		req := httptest.NewRequest(http.MethodGet, "/s/twenty-fa", nil)
		req.Header.Set("Accept-Encoding", "gzip, deflate, br")
		for pb.Next() {
			w := httptest.NewRecorder()
			app.h.ServeHTTP(w, req)
			if w.Code != 200 {
				b.Fatalf("status %d", w.Code)
			}
		}
	})
}

// BenchmarkFirstPageTCP is BenchmarkFirstPage through a real loopback
// connection per goroutine (keep-alive, a raw HTTP/1.1 client), so the
// profile shows net/http's server too.
func BenchmarkFirstPageTCP(b *testing.B) {
	app := newCachedApp(b, surveytest.TwentyFa(b))
	ts := httptest.NewServer(app.h)
	defer ts.Close()
	req := []byte("GET /s/twenty-fa HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		conn, err := net.Dial("tcp", ts.Listener.Addr().String())
		if err != nil {
			b.Error(err)
			return
		}
		defer conn.Close()
		br := bufio.NewReader(conn)
		for pb.Next() {
			conn.Write(req)
			resp, err := http.ReadResponse(br, nil)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	})
}

// BenchmarkFirstPageRandomised is BenchmarkFirstPage (lookup=cached) for
// the same 20-question page with its questions and options shuffled per
// respondent: rendered and gzipped per request instead of served cached.
func BenchmarkFirstPageRandomised(b *testing.B) {
	d := surveytest.TwentyFa(b)
	d.Pages[0].Randomize = true
	for qi := range d.Pages[0].Questions {
		if q := &d.Pages[0].Questions[qi]; len(q.Options) > 0 {
			q.Randomize = true
		}
	}
	app := newCachedApp(b, d, web.DefaultSurveyCacheTTL)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		req := httptest.NewRequest(http.MethodGet, "/s/twenty-fa", nil)
		req.Header.Set("Accept-Encoding", "gzip, deflate, br")
		for pb.Next() {
			w := httptest.NewRecorder()
			app.h.ServeHTTP(w, req)
			if w.Code != 200 {
				b.Fatalf("status %d", w.Code)
			}
		}
	})
}
