package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestLoadtestGet(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept-Encoding") != "gzip" {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		w.Write([]byte("hello"))
	}))
	defer ts.Close()
	code, out, errOut := runSafar(t, "", "loadtest", "get", "--url", ts.URL+"/s/x", "--duration", "200ms", "--warmup", "50ms", "--concurrency", "2", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res loadResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("output %q: %v", out, err)
	}
	if res.Requests == 0 || res.Failed != 0 || res.Status["200"] != int(res.Requests) || res.BodyBytes != 5*res.Requests || res.LatencyMs["p99"] <= 0 {
		t.Fatalf("result: %+v", res)
	}

	// --requests stops the run early.
	code, out, errOut = runSafar(t, "", "loadtest", "get", "--url", ts.URL+"/", "--requests", "10", "--warmup", "0s", "--concurrency", "3")
	if code != 0 || !strings.Contains(out, "requests  10 (0 failed)") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
}

func TestLoadtestStaysOnThisMachine(t *testing.T) {
	for _, u := range []string{"http://example.com/", "http://10.0.0.1:8080/", "https://127.0.0.1/", "ftp://127.0.0.1/"} {
		code, _, errOut := runSafar(t, "", "loadtest", "get", "--url", u, "--duration", "100ms")
		if code == 0 || !strings.Contains(errOut, "--url") {
			t.Errorf("%s: exit %d, %q", u, code, errOut)
		}
	}
	code, _, errOut := runSafar(t, "", "loadtest", "get", "--url", "http://127.0.0.1:1/", "--duration", "10m")
	if code == 0 || !strings.Contains(errOut, "--duration") {
		t.Errorf("10m run: exit %d, %q", code, errOut)
	}
}
