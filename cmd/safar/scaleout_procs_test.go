package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Helpers of scaleout_test.go: the real `safar` binary, built once, run as
// separate processes, and a researcher's browser reduced to explicit cookies
// so the test decides which server each cookie goes to.

// buildSafar returns the path of this command compiled once for the whole
// test binary (linking it is seconds of CPU, and two tests need it) into a
// temp dir that TestMain removes.
func buildSafar(t *testing.T) string {
	t.Helper()
	bin, err := builtSafar()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

var (
	safarBinDir string // set by builtSafar, removed by TestMain
	builtSafar  = sync.OnceValues(func() (string, error) {
		dir, err := os.MkdirTemp("", "safar-bin-")
		if err != nil {
			return "", err
		}
		safarBinDir = dir
		bin := filepath.Join(dir, "safar")
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
			return "", fmt.Errorf("go build: %v\n%s", err, out)
		}
		return bin, nil
	})
)

func TestMain(m *testing.M) {
	code := m.Run()
	if safarBinDir != "" {
		os.RemoveAll(safarBinDir)
	}
	os.Exit(code)
}

// runSafarBin runs a one-shot subcommand of the built binary and returns its
// stdout; it fails the test on a non-zero exit.
func runSafarBin(t *testing.T, bin string, env []string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("safar %s: %v\n%s", args[0], err, stderr.String())
	}
	return stdout.String()
}

// lockedBuffer collects a child's stderr while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.b.Len() > 8<<20 { // bounded: keep the first 8 MiB
		return len(p), nil
	}
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serveProc is one `safar serve` process.
type serveProc struct {
	name string
	cmd  *exec.Cmd
	base string // http://127.0.0.1:PORT
	logs *lockedBuffer
	done chan struct{}
	err  error // Wait's result, set before done closes
}

var serveURL = regexp.MustCompile(`running at (http://127\.0\.0\.1:\d+)`)

// startServe starts `safar serve --addr 127.0.0.1:0` (the kernel picks a
// free port, so two processes never collide) and returns once the process
// has printed its URL. The process is killed at cleanup if still running.
func startServe(t *testing.T, bin, name, dsn string, extra ...string) *serveProc {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--db", dsn, "--addr", "127.0.0.1:0", "--log-level", "info"}, extra...)...)
	cmd.Env = os.Environ()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &serveProc{name: name, cmd: cmd, logs: &lockedBuffer{}, done: make(chan struct{})}
	cmd.Stderr = p.logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := serveURL.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	go func() { p.err = cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			cmd.Process.Kill()
			<-p.done
		}
	})
	select {
	case p.base = <-found:
	case <-p.done:
		t.Fatalf("server %s exited before serving: %v\n%s", name, p.err, p.logs.String())
	case <-time.After(60 * time.Second):
		t.Fatalf("server %s printed no URL within 60s:\n%s", name, p.logs.String())
	}
	return p
}

// waitHealthy polls /healthz until it answers 200 (at most 30s).
func (p *serveProc) waitHealthy(t *testing.T) {
	t.Helper()
	c := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := c.Get(p.base + "/healthz")
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server %s: /healthz not ok within 30s (last error %v)", p.name, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// stop sends SIGTERM and waits up to 15s for a clean exit, then kills.
func (p *serveProc) stop(t *testing.T) {
	t.Helper()
	select {
	case <-p.done:
		t.Errorf("server %s had already exited: %v", p.name, p.err)
		return
	default:
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		if p.err != nil {
			t.Errorf("server %s after SIGTERM: %v", p.name, p.err)
		}
	case <-time.After(15 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
		t.Errorf("server %s did not stop within 15s of SIGTERM; killed", p.name)
	}
}

// researcher is a signed-in browser with its cookies kept by hand, so the
// same session cookie can be sent to any server.
type researcher struct {
	client  *http.Client
	session string // safar_session cookie value
	csrf    string // the session's CSRF token, read from a page
}

func noRedirectClient() *http.Client {
	return &http.Client{
		Timeout:       15 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// loginResearcher signs in on base through the login form (with its double-submit
// CSRF cookie) and reads the session's CSRF token from a workspace page.
func loginResearcher(t *testing.T, base, email, password string) *researcher {
	t.Helper()
	r := &researcher{client: noRedirectClient()}
	resp, body := r.do(t, http.MethodGet, base+"/login", nil, "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /login: %d", resp.StatusCode)
	}
	var loginCSRF string
	for _, c := range resp.Cookies() {
		if c.Name == "safar_login_csrf" {
			loginCSRF = c.Value
		}
	}
	if loginCSRF == "" || !strings.Contains(body, loginCSRF) {
		t.Fatalf("GET /login: no double-submit CSRF cookie matching the form")
	}
	form := url.Values{"email": {email}, "password": {password}, "csrf": {loginCSRF}}
	req, _ := http.NewRequest(http.MethodPost, base+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "safar_login_csrf", Value: loginCSRF})
	resp, err := r.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST /login: %d, want 303", resp.StatusCode)
	}
	for _, c := range resp.Cookies() {
		if c.Name == "safar_session" {
			r.session = c.Value
		}
	}
	if r.session == "" {
		t.Fatal("POST /login set no session cookie")
	}
	resp, body = r.get(t, base+"/app/projects")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /app/projects after login: %d", resp.StatusCode)
	}
	m := csrfInput.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no CSRF token on /app/projects")
	}
	r.csrf = m[1]
	return r
}

// do sends a request with the session cookie (when set) and returns the
// response (body closed) and its body.
func (r *researcher) do(t *testing.T, method, u string, form url.Values, csrf string) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		if csrf != "" {
			form.Set("csrf", csrf)
		}
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if r.session != "" {
		req.AddCookie(&http.Cookie{Name: "safar_session", Value: r.session})
	}
	resp, err := r.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func (r *researcher) get(t *testing.T, u string) (*http.Response, string) {
	t.Helper()
	return r.do(t, http.MethodGet, u, nil, "")
}

// post sends a form with the session's CSRF token.
func (r *researcher) post(t *testing.T, u string, form url.Values) (*http.Response, string) {
	t.Helper()
	return r.do(t, http.MethodPost, u, form, r.csrf)
}

// submitResult is the API's answer to one POST of a response.
type submitResult struct {
	status int
	id     string // the response's UUID
	body   map[string]any
}

func (s submitResult) String() string { return fmt.Sprintf("status %d id %q", s.status, s.id) }
