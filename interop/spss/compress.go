package spss

import (
	"bufio"
	"math"
)

// compressor writes cases in the system file's bytecode compression: a
// block of eight one-byte commands, then the 8-byte raw values the commands
// announce. Small whole numbers, blank string chunks and system-missing
// take one command byte and no data, which shrinks survey data several-fold.
type compressor struct {
	w    *bufio.Writer
	cmd  [8]byte
	n    int      // commands in cmd
	data [64]byte // raw values announced by cmd
	nd   int
	err  error
}

const (
	cmdEnd    = 252
	cmdRaw    = 253
	cmdSpaces = 254
	cmdSysmis = 255
)

func (c *compressor) command(b byte, raw []byte) {
	c.cmd[c.n] = b
	c.n++
	if raw != nil {
		c.nd += copy(c.data[c.nd:], raw)
	}
	if c.n == len(c.cmd) {
		c.flush()
	}
}

func (c *compressor) flush() {
	if c.n == 0 {
		return
	}
	clear(c.cmd[c.n:])
	if c.err == nil {
		_, c.err = c.w.Write(c.cmd[:])
	}
	if c.err == nil {
		_, c.err = c.w.Write(c.data[:c.nd])
	}
	c.n, c.nd = 0, 0
}

func (c *compressor) number(f float64) {
	switch {
	case math.IsNaN(f):
		c.command(cmdSysmis, nil)
	case f == math.Trunc(f) && f >= 1-bias && f <= 251-bias && !(f == 0 && math.Signbit(f)):
		c.command(byte(f+bias), nil)
	default:
		var b [8]byte
		le.PutUint64(b[:], math.Float64bits(f))
		c.command(cmdRaw, b[:])
	}
}

// str writes s into slots 8-byte chunks, padded with spaces.
func (c *compressor) str(s string, slots int) {
	for i := range slots {
		var chunk [8]byte
		for j := range chunk {
			chunk[j] = ' '
		}
		if lo := i * 8; lo < len(s) {
			copy(chunk[:], s[lo:min(len(s), lo+8)])
		}
		if chunk == [8]byte{' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '} {
			c.command(cmdSpaces, nil)
		} else {
			c.command(cmdRaw, chunk[:])
		}
	}
}

func (c *compressor) end() {
	c.command(cmdEnd, nil)
	c.flush()
}
