package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/google/uuid"
)

// TestCrashKeepsAcknowledgedResponses is the crash-safety check of the
// submit path: it starts `safar serve` as a child process, submits complete
// responses from 20 connections, kills the server with SIGKILL in the middle
// of the run, starts it again on the same SQLite file, and checks that every
// response that got a 2xx is stored exactly once with all its answers, that
// a retry of one is recognised, and that PRAGMA integrity_check passes.
// It runs once with the default synchronous=NORMAL and once with --durable.
// (A process crash cannot lose a committed WAL transaction in either mode;
// only power loss can, and --durable covers that.)
func TestCrashKeepsAcknowledgedResponses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills server processes; skipped with -short")
	}
	for _, durable := range []bool{false, true} {
		t.Run(fmt.Sprintf("durable=%v", durable), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "safar.db")
			args := []string{"serve", "--addr", "127.0.0.1:0", "--db", db, "--demo", "--log-level", "error", "--submit-rate-ip", "-1"}
			if durable {
				args = append(args, "--durable")
			}
			srv := startChildServer(t, args...)
			def, err := fetchDefinition(context.Background(), srv.base, "demo-en")
			if err != nil {
				t.Fatal(err)
			}
			bodies, rows, err := submitBodies(def, 16)
			if err != nil {
				t.Fatal(err)
			}

			var (
				mu    sync.Mutex
				acked []ackedResponse
				stop  atomic.Bool
				wg    sync.WaitGroup
				sent  atomic.Int64
			)
			client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 20}}
			for g := 0; g < 20; g++ {
				wg.Go(func() {
					for i := g; !stop.Load() && i < 1_000_000; i += 20 {
						cid := uuid.NewString()
						bi := i % len(bodies)
						sent.Add(1)
						resp, err := client.Post(srv.base+"/api/v1/surveys/demo-en/responses", "application/json",
							strings.NewReader(fmt.Sprintf(bodies[bi], cid)))
						if err != nil {
							continue // the server is gone; the loop ends when stop is set
						}
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						if resp.StatusCode/100 == 2 {
							mu.Lock()
							acked = append(acked, ackedResponse{cid, bi})
							mu.Unlock()
						}
					}
				})
			}
			time.Sleep(1500 * time.Millisecond)
			mu.Lock()
			before := len(acked)
			mu.Unlock()
			srv.kill(t) // SIGKILL while the submissions keep coming
			time.Sleep(300 * time.Millisecond)
			stop.Store(true)
			wg.Wait()
			if before == 0 {
				t.Fatal("no response was acknowledged before the kill")
			}
			t.Logf("%d submissions sent, %d acknowledged before SIGKILL", sent.Load(), len(acked))

			srv = startChildServer(t, args...)
			// A retry of an acknowledged response after the crash is
			// recognised: 200, not a second response.
			last := acked[len(acked)-1]
			resp, err := client.Post(srv.base+"/api/v1/surveys/demo-en/responses", "application/json",
				strings.NewReader(fmt.Sprintf(bodies[last.body], last.clientID)))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("retry of an acknowledged response after restart: status %d, want 200", resp.StatusCode)
			}
			srv.stop(t)

			ver, err := verifySubmitted(context.Background(), db, "demo-en", acked, rows)
			if err != nil {
				t.Fatal(err)
			}
			if !ver.OK() {
				t.Fatalf("after SIGKILL and restart: %+v", ver)
			}
			store, err := openStore(context.Background(), db, false)
			if err != nil {
				t.Fatal(err)
			}
			defer store.Close()
			if err := store.IntegrityCheck(context.Background()); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// childServer is a `safar serve` running in a child process: this test
// binary re-executed into TestChildProcessServe.
type childServer struct {
	cmd  *exec.Cmd
	base string
	done chan struct{}
}

var servingAt = regexp.MustCompile(`running at (http://\S+)`)

func startChildServer(t *testing.T, args ...string) *childServer {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildProcessServe$", "-test.v=false")
	cmd.Env = append(os.Environ(), "SAFAR_CHILD_ARGS="+strings.Join(args, "\x1f"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &childServer{cmd: cmd, done: make(chan struct{})}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := servingAt.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	go func() { cmd.Wait(); close(c.done) }()
	select {
	case c.base = <-found:
	case <-c.done:
		t.Fatalf("server exited before serving: %s", stderr.String())
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("server did not start within 60s: %s", stderr.String())
	}
	t.Cleanup(func() {
		select {
		case <-c.done:
		default:
			cmd.Process.Kill()
			<-c.done
		}
	})
	return c
}

func (c *childServer) kill(t *testing.T) {
	t.Helper()
	if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-c.done
}

func (c *childServer) stop(t *testing.T) {
	t.Helper()
	c.cmd.Process.Signal(os.Interrupt)
	select {
	case <-c.done:
	case <-time.After(15 * time.Second):
		t.Fatal("server did not stop within 15s of SIGINT")
	}
}

// TestChildProcessServe is not a test: it is the body of the child process
// startChildServer runs (it skips unless SAFAR_CHILD_ARGS is set).
func TestChildProcessServe(t *testing.T) {
	raw := os.Getenv("SAFAR_CHILD_ARGS")
	if raw == "" {
		t.Skip("child process helper")
	}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	env := &cliEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: func(string) string { return "" }}
	os.Exit(run(ctx, env, strings.Split(raw, "\x1f")))
}
