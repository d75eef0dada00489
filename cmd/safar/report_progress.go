package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// progressLine shows on a terminal what `safar report` is doing: the phase
// with its counts (responses read by the analysis, then the analysis step
// with the number of responses, then responses written to the workbook),
// redrawn in place a few times a second, so a report of a million
// responses is not minutes of silence. Off a terminal (a pipe, a log file,
// --timings) it prints nothing.
type progressLine struct {
	w     io.Writer
	total atomic.Int64
	read  atomic.Int64 // responses read by the analysis
	rows  atomic.Int64 // responses written to the workbook
	mu    sync.Mutex
	phase string
	stop  chan struct{}
	done  chan struct{}
	once  sync.Once
}

// isTerminal reports whether w is a character device (an interactive terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// newProgressLine starts redrawing the line every interval when on; a nil
// *progressLine (off) ignores every call.
func newProgressLine(w io.Writer, on bool, interval time.Duration) *progressLine {
	if !on {
		return nil
	}
	p := &progressLine{w: w, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				fmt.Fprint(p.w, "\r\033[K") // leave the terminal clean for the summary line
				return
			case <-t.C:
				p.draw()
			}
		}
	}()
	return p
}

func (p *progressLine) draw() {
	p.mu.Lock()
	phase := p.phase
	p.mu.Unlock()
	line := phase
	switch n, r, t := p.rows.Load(), p.read.Load(), p.total.Load(); {
	case n > 0:
		line += fmt.Sprintf(": %d of %d responses written", n, t)
	case r > 0 && t > 0:
		line += fmt.Sprintf(": %d of %d responses read", r, t)
	case r > 0:
		line += fmt.Sprintf(": %d responses read", r)
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
}

// setPhase names what is being done now.
func (p *progressLine) setPhase(s string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.phase = s
	p.mu.Unlock()
}

// setTotal is how many responses the workbook will hold.
func (p *progressLine) setTotal(n int) {
	if p != nil {
		p.total.Store(int64(n))
	}
}

// setRead is how many responses the analysis has read so far.
func (p *progressLine) setRead(n int) {
	if p != nil {
		p.read.Store(int64(n))
	}
}

// readCount is how many responses the analysis has read.
func (p *progressLine) readCount() int {
	if p == nil {
		return 0
	}
	return int(p.read.Load())
}

// row counts one response written to the workbook.
func (p *progressLine) row() {
	if p != nil {
		p.rows.Add(1)
	}
}

// close stops redrawing and clears the line; later calls do nothing.
func (p *progressLine) close() {
	if p == nil {
		return
	}
	p.once.Do(func() { close(p.stop) })
	<-p.done
}
