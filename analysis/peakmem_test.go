package analysis

import (
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"
)

// TestPeakMemoryPerText: what FindPainPoints holds at its peak stays
// linear in the texts and small beside them (issue #14: 100,000 reviews in
// 300 MB). Round 53's sense test kept, for every text, a copy of the
// text's terms for each of its candidate words, so that a review's terms
// were stored once per candidate: 100,000 clothing reviews peaked at 535
// MB, 171 MB of it those copies. The bound is generous: only state that
// grows faster than the texts fails it.
func TestPeakMemoryPerText(t *testing.T) {
	if testing.Short() {
		t.Skip("peak memory: not in -short")
	}
	in := reviews(20000)
	var size int
	for _, x := range in {
		size += len(x.Text)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(50))
	base := heapInUse()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	FindPainPoints(in, PainPointOptions{})
	close(stop)
	<-done
	per := float64(peak.Load()-min(base, peak.Load())) / float64(len(in))
	avg := float64(size) / float64(len(in))
	t.Logf("peak %.0f bytes per text of %.0f bytes", per, avg)
	if per > 8*avg {
		t.Errorf("peak %.0f bytes per text of %.0f bytes, want at most %.0f", per, avg, 8*avg)
	}
}
