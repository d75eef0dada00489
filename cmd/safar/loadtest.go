package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// `safar loadtest MODE` is a small closed-loop load generator for scripted
// load runs against a local server (docs/performance.md). It only talks to
// loopback addresses, and always stops by itself: after --duration or
// --requests, whichever comes first.
//
// It is deliberately not net/http: each worker owns one keep-alive TCP
// connection, writes a prepared request and reads the response with a
// minimal HTTP/1.1 parser (status line, Content-Length, body discarded).
// On a two-core machine the generator shares the CPUs with the server, and
// net/http's client would spend more CPU per request than the server does.
//
// A mode is one command, "loadtest NAME", registered with registerLoadMode
// from its own file's init. A mode only says what to send: it returns a
// loadTarget whose request function builds the raw bytes of request seq.

func init() {
	registerLoadMode("get", "GET a page over and over (a survey page by default)", loadGet)
}

// loadTarget is what a mode sends and what counts as success.
type loadTarget struct {
	// request returns the raw HTTP/1.1 request number seq (from 0; -1
	// during the warm-up) and a tag that runLoad hands back for every
	// request that succeeded, warm-up included (nil: none). It is called
	// from many goroutines at once.
	request func(seq int64) ([]byte, any)
	// ok reports whether a status is a success (default: 200).
	ok func(status int) bool
}

// loadOptions are the flags every mode shares.
type loadOptions struct {
	url            *url.URL
	duration       time.Duration
	requests       int64
	concurrency    int
	warmup         time.Duration
	acceptEncoding string
	json           bool
}

// registerLoadMode adds `safar loadtest NAME`. setup declares the mode's own
// flags on fs and returns a function that builds its target once the flags
// are parsed.
func registerLoadMode(name, summary string, setup func(fs *flag.FlagSet) func(o *loadOptions) (loadTarget, error)) {
	register(command{name: "loadtest " + name, summary: "load run: " + summary, run: func(ctx context.Context, env *cliEnv, args []string) error {
		fs := newFlags(env, "loadtest "+name, "--url http://127.0.0.1:PORT/s/SLUG [--duration 10s] [--concurrency 50]")
		var o loadOptions
		rawURL := fs.String("url", "http://127.0.0.1:8080/s/demo-fa", "URL on a loopback address (127.0.0.1, ::1, localhost)")
		fs.DurationVar(&o.duration, "duration", 10*time.Second, "measure for this long (at most 5m)")
		fs.Int64Var(&o.requests, "requests", 2_000_000, "stop after this many requests (at most 10,000,000)")
		fs.IntVar(&o.concurrency, "concurrency", 50, "connections, each with one request in flight (1..1000)")
		fs.DurationVar(&o.warmup, "warmup", time.Second, "run this long before measuring (not counted)")
		fs.StringVar(&o.acceptEncoding, "accept-encoding", "gzip", `Accept-Encoding header ("" sends none)`)
		fs.BoolVar(&o.json, "json", false, "print the result as JSON")
		build := setup(fs)
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return fmt.Errorf("unexpected argument %q", fs.Arg(0))
		}
		if err := o.check(*rawURL); err != nil {
			return err
		}
		target, err := build(&o)
		if err != nil {
			return err
		}
		if target.ok == nil {
			target.ok = func(st int) bool { return st == 200 }
		}
		res, _, err := runLoad(ctx, &o, target)
		if err != nil {
			return err
		}
		if o.json {
			enc := json.NewEncoder(env.stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(res)
		}
		res.print(env.stdout)
		if res.Failed > 0 {
			return fmt.Errorf("%d of %d requests failed", res.Failed, res.Requests)
		}
		return nil
	}})
}

func (o *loadOptions) check(rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return fmt.Errorf("--url: want http://127.0.0.1:PORT/PATH, got %q", rawURL)
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("--url: %s is not a loopback address; load runs stay on this machine", host)
	}
	if u.Port() == "" {
		u.Host = net.JoinHostPort(host, "80")
	}
	o.url = u
	switch {
	case o.duration <= 0 || o.duration > 5*time.Minute:
		return fmt.Errorf("--duration: want (0, 5m], got %s", o.duration)
	case o.requests <= 0 || o.requests > 10_000_000:
		return fmt.Errorf("--requests: want 1..10000000, got %d", o.requests)
	case o.concurrency < 1 || o.concurrency > 1000:
		return fmt.Errorf("--concurrency: want 1..1000, got %d", o.concurrency)
	case o.warmup < 0 || o.warmup > time.Minute:
		return fmt.Errorf("--warmup: want [0, 1m], got %s", o.warmup)
	}
	return nil
}

// loadGet is the get mode: the same GET, without cookies, so every request
// is a new respondent opening the survey link.
func loadGet(fs *flag.FlagSet) func(o *loadOptions) (loadTarget, error) {
	return func(o *loadOptions) (loadTarget, error) {
		var b bytes.Buffer
		fmt.Fprintf(&b, "GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: safar-loadtest\r\nAccept: text/html\r\n", o.url.RequestURI(), o.url.Host)
		if o.acceptEncoding != "" {
			fmt.Fprintf(&b, "Accept-Encoding: %s\r\n", o.acceptEncoding)
		}
		b.WriteString("\r\n")
		req := b.Bytes()
		return loadTarget{request: func(int64) ([]byte, any) { return req, nil }}, nil
	}
}

// loadResult is the outcome of a run.
type loadResult struct {
	URL         string             `json:"url"`
	Concurrency int                `json:"concurrency"`
	Seconds     float64            `json:"seconds"`
	Requests    int64              `json:"requests"`
	Failed      int64              `json:"failed"`
	PerSecond   float64            `json:"requests_per_second"`
	BodyBytes   int64              `json:"body_bytes"`
	Status      map[string]int     `json:"status"`
	LatencyMs   map[string]float64 `json:"latency_ms"` // p50 p90 p99 p99.9 max
	FirstError  string             `json:"first_error,omitempty"`
}

func (r *loadResult) print(w io.Writer) {
	fmt.Fprintf(w, "%s: %d connections, %.1f s\n", r.URL, r.Concurrency, r.Seconds)
	fmt.Fprintf(w, "  requests  %d (%d failed), %.0f req/s, %.1f MB bodies\n", r.Requests, r.Failed, r.PerSecond, float64(r.BodyBytes)/1e6)
	fmt.Fprintf(w, "  latency   p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms\n",
		r.LatencyMs["p50"], r.LatencyMs["p90"], r.LatencyMs["p99"], r.LatencyMs["p99.9"], r.LatencyMs["max"])
	fmt.Fprintf(w, "  status    %v\n", r.Status)
	if r.FirstError != "" {
		fmt.Fprintf(w, "  first error: %s\n", r.FirstError)
	}
}

// runLoad runs the closed loop: o.concurrency workers, each on its own
// connection, a warm-up, then the measured window. It returns the tags of
// the requests that succeeded.
func runLoad(ctx context.Context, o *loadOptions, t loadTarget) (*loadResult, []any, error) {
	ctx, cancel := context.WithTimeout(ctx, o.warmup+o.duration+30*time.Second)
	defer cancel()
	var (
		seq       atomic.Int64 // requests started in the measured window
		measuring atomic.Bool
		stop      atomic.Bool
		errOnce   sync.Once
		firstErr  string
		wg        sync.WaitGroup
	)
	workers := make([]loadWorker, o.concurrency)
	for i := range workers {
		wg.Add(1)
		go func(w *loadWorker) {
			defer wg.Done()
			err := w.run(ctx, o, t, &seq, &measuring, &stop)
			if err != nil {
				errOnce.Do(func() { firstErr = err.Error() })
			}
		}(&workers[i])
	}
	time.Sleep(o.warmup)
	start := time.Now()
	measuring.Store(true)
	timer := time.NewTimer(o.duration)
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-timer.C:
	case <-done:
	case <-ctx.Done():
	}
	stop.Store(true)
	elapsed := time.Since(start)
	measuring.Store(false)
	<-done

	res := &loadResult{URL: o.url.String(), Concurrency: o.concurrency, Seconds: elapsed.Seconds(), Status: map[string]int{}, FirstError: firstErr}
	var (
		lat  []time.Duration
		tags []any
	)
	for i := range workers {
		w := &workers[i]
		res.Requests += int64(len(w.lat)) + w.failed
		res.Failed += w.failed
		res.BodyBytes += w.bytes
		for st, n := range w.status {
			res.Status[strconv.Itoa(st)] += n
		}
		lat = append(lat, w.lat...)
		tags = append(tags, w.tags...)
	}
	if res.Requests == 0 {
		if firstErr != "" {
			return nil, nil, errors.New(firstErr)
		}
		return nil, nil, errors.New("no request completed")
	}
	res.PerSecond = float64(res.Requests) / elapsed.Seconds()
	slices.Sort(lat)
	pct := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		i := min(int(p*float64(len(lat))), len(lat)-1)
		return float64(lat[i]) / 1e6
	}
	res.LatencyMs = map[string]float64{"p50": pct(.50), "p90": pct(.90), "p99": pct(.99), "p99.9": pct(.999), "max": pct(1)}
	return res, tags, nil
}

// loadWorker is one connection's loop and its tallies (read after it ends).
type loadWorker struct {
	lat    []time.Duration // successful requests in the measured window
	tags   []any           // of every successful request
	failed int64
	bytes  int64
	status map[int]int
}

func (w *loadWorker) run(ctx context.Context, o *loadOptions, t loadTarget, seq *atomic.Int64, measuring, stop *atomic.Bool) error {
	w.status = map[int]int{}
	var (
		conn net.Conn
		br   *bufio.Reader
	)
	defer func() {
		if conn != nil {
			conn.Close()
		}
	}()
	dialer := net.Dialer{Timeout: 5 * time.Second}
	for !stop.Load() && ctx.Err() == nil {
		if conn == nil {
			c, err := dialer.DialContext(ctx, "tcp", o.url.Host)
			if err != nil {
				return err
			}
			conn, br = c, bufio.NewReaderSize(c, 32<<10)
		}
		measured := measuring.Load()
		n := int64(0)
		if measured {
			n = seq.Add(1)
			if n > o.requests {
				stop.Store(true)
				return nil
			}
		}
		start := time.Now()
		conn.SetDeadline(start.Add(10 * time.Second))
		req, tag := t.request(n - 1)
		status, size, keep, err := roundTrip(conn, br, req)
		d := time.Since(start)
		if err == nil && t.ok(status) && tag != nil {
			w.tags = append(w.tags, tag)
		}
		if measured && measuring.Load() {
			w.status[status]++
			if err != nil || !t.ok(status) {
				w.failed++
			} else {
				w.lat = append(w.lat, d)
				w.bytes += size
			}
		}
		if err != nil {
			conn.Close()
			conn = nil
			if stop.Load() {
				return nil
			}
			return err
		}
		if !keep {
			conn.Close()
			conn = nil
		}
	}
	return nil
}

// roundTrip writes req and reads one response: its status, body size and
// whether the connection stays open. Only Content-Length bodies are read.
func roundTrip(conn net.Conn, br *bufio.Reader, req []byte) (status int, size int64, keep bool, err error) {
	if _, err = conn.Write(req); err != nil {
		return 0, 0, false, err
	}
	line, err := br.ReadSlice('\n')
	if err != nil {
		return 0, 0, false, err
	}
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) {
		return 0, 0, false, fmt.Errorf("bad status line %q", line)
	}
	status, err = strconv.Atoi(string(line[9:12]))
	if err != nil {
		return 0, 0, false, fmt.Errorf("bad status line %q", line)
	}
	size, keep = -1, true
	for {
		line, err = br.ReadSlice('\n')
		if err != nil {
			return status, 0, false, err
		}
		h := bytes.TrimRight(line, "\r\n")
		if len(h) == 0 {
			break
		}
		name, value, _ := bytes.Cut(h, []byte(":"))
		value = bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			size, err = strconv.ParseInt(string(value), 10, 64)
			if err != nil {
				return status, 0, false, fmt.Errorf("bad Content-Length %q", value)
			}
		case bytes.EqualFold(name, []byte("Connection")) && bytes.EqualFold(value, []byte("close")):
			keep = false
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			return status, 0, false, errors.New("chunked responses are not supported by the load tool")
		}
	}
	if size < 0 {
		return status, 0, false, errors.New("response without Content-Length")
	}
	if _, err = br.Discard(int(size)); err != nil {
		return status, 0, false, err
	}
	return status, size, keep, nil
}
