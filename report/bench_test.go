package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

func responsesOnly(n int) *Data {
	return &Data{
		Study:     Study{Title: "bench", Language: "en", Generated: time.Now()},
		Responses: &Responses{Header: syntheticHeader(), Rows: syntheticRows(n)},
	}
}

// BenchmarkResponses streams n responses x 20 columns into a workbook.
func BenchmarkResponses(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if err := Write(io.Discard, responsesOnly(n)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFullReport writes the complete small fixture workbook.
func BenchmarkFullReport(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if err := Write(io.Discard, fixture("fa")); err != nil {
			b.Fatal(err)
		}
	}
}

// TestResponsesScaling measures time, peak Go heap and peak RSS for the
// Responses sheet at 10k, 50k and 100k rows, each in a fresh process so the
// peak RSS is that size's own. It is a measurement, not a unit test: run it
// with SAFAR_REPORT_SCALE=1 go test ./report -run TestResponsesScaling -v
func TestResponsesScaling(t *testing.T) {
	if os.Getenv("SAFAR_REPORT_SCALE") == "" {
		t.Skip("set SAFAR_REPORT_SCALE=1 to measure the Responses sheet at 10k/50k/100k rows")
	}
	t.Logf("%-8s %8s %8s %14s %12s %9s", "rows", "wall s", "CPU s", "peak heap MB", "peak RSS MB", "file MB")
	for _, n := range []int{10_000, 50_000, 100_000} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestResponsesScalingChild$", "-test.v")
		cmd.Env = append(os.Environ(), "SAFAR_REPORT_CHILD_ROWS="+strconv.Itoa(n))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child %d: %v\n%s", n, err, out)
		}
		found := false
		sc := bufio.NewScanner(strings.NewReader(string(out)))
		for sc.Scan() {
			if line := strings.TrimSpace(sc.Text()); strings.HasPrefix(line, "RESULT ") {
				t.Log(strings.TrimPrefix(line, "RESULT "))
				found = true
			}
		}
		if !found {
			t.Fatalf("child %d printed no RESULT:\n%s", n, out)
		}
	}
}

// TestResponsesScalingChild is the measured process of TestResponsesScaling.
func TestResponsesScalingChild(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("SAFAR_REPORT_CHILD_ROWS"))
	if n == 0 {
		t.Skip("run by TestResponsesScaling")
	}
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	out, err := os.CreateTemp(t.TempDir(), "responses-*.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := Write(out, responsesOnly(n)); err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	close(done)
	st, _ := out.Stat()
	out.Close()
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	fmt.Printf("RESULT %-8d %8.2f %8.2f %14.1f %12.1f %9.1f\n", n, elapsed.Seconds(), cpu.Seconds(),
		float64(peak.Load())/(1<<20), peakRSS()/(1<<20), float64(st.Size())/(1<<20))
}

// peakRSS reads the process's high-water resident set size (Linux only).
func peakRSS() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.Fields(line)[1])
			return float64(kb) * 1024
		}
	}
	return 0
}
