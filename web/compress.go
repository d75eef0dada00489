package web

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/gin-gonic/gin"
)

// compressed is a response body kept in every encoding we serve, made
// once: identity, gzip (level 9) and brotli (quality 11). Brotli is
// andybalholm/brotli, a pure-Go port of the reference encoder.
type compressed struct {
	raw, gz, br []byte
	// Header values, made once: the map takes these shared slices.
	ctype, rawLen, gzLen, brLen []string
}

var (
	varyValue = []string{"Accept-Encoding"}
	gzipValue = []string{"gzip"}
	brValue   = []string{"br"}
)

func compressAll(b []byte, ctype string) *compressed {
	var gz, br bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	bw.Write(b)
	bw.Close()
	return &compressed{
		raw: b, gz: gz.Bytes(), br: br.Bytes(), ctype: []string{ctype},
		rawLen: []string{strconv.Itoa(len(b))}, gzLen: []string{strconv.Itoa(gz.Len())}, brLen: []string{strconv.Itoa(br.Len())},
	}
}

// write sends the body in the best encoding the request accepts.
func (p *compressed) write(c *gin.Context, status int) {
	h := c.Writer.Header()
	h["Content-Type"] = p.ctype
	h["Vary"] = varyValue
	body, n := p.raw, p.rawLen
	ae := c.Request.Header.Get("Accept-Encoding")
	switch {
	case acceptsEncoding(ae, "br"):
		body, n = p.br, p.brLen
		h["Content-Encoding"] = brValue
	case acceptsEncoding(ae, "gzip"):
		body, n = p.gz, p.gzLen
		h["Content-Encoding"] = gzipValue
	}
	h["Content-Length"] = n
	c.Status(status)
	if c.Request.Method != http.MethodHead {
		c.Writer.Write(body)
	}
}

// acceptsEncoding reports whether an Accept-Encoding header allows coding
// (a q of 0 refuses it; "*" accepts anything not named).
func acceptsEncoding(header, coding string) bool {
	star := false
	for header != "" {
		var part string
		part, header, _ = strings.Cut(header, ",")
		name, params, _ := strings.Cut(part, ";")
		name = strings.TrimSpace(name)
		ok := !refused(params)
		if strings.EqualFold(name, coding) {
			return ok
		}
		if name == "*" {
			star = ok
		}
	}
	return star
}

// refused reports whether parameters carry q=0.
func refused(params string) bool {
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(k, "q") {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return err == nil && f == 0
		}
	}
	return false
}

var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression)
	return w
}}

// writeDynamic sends a page rendered for one respondent, gzipped when the
// browser accepts it: a page of questions shrinks about five times, which
// is what makes a page transition fast on a slow mobile network.
func writeDynamic(c *gin.Context, status int, ctype string, b []byte) {
	h := c.Writer.Header()
	h.Set("Content-Type", ctype)
	h.Set("Vary", "Accept-Encoding")
	if len(b) < 512 || !acceptsEncoding(c.Request.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Length", strconv.Itoa(len(b)))
		c.Status(status)
		c.Writer.Write(b)
		return
	}
	var buf bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&buf)
	zw.Write(b)
	zw.Close()
	gzipWriters.Put(zw)
	h.Set("Content-Encoding", "gzip")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	c.Status(status)
	c.Writer.Write(buf.Bytes())
}
