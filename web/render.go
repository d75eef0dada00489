package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/static"
	"github.com/safarhq/safar/templates"
)

// views holds one parsed template set per page and language: the
// translation function is bound at parse time, so a page can never show a
// string from the other language.
type views struct {
	sets   map[string]map[string]*template.Template // lang -> page -> set
	assets *assets
}

// pages lists the page templates; each is parsed with layout.html.
var pages = []string{"survey_page", "message"}

func loadViews(a *assets) (*views, error) {
	v := &views{sets: map[string]map[string]*template.Template{}, assets: a}
	for lang := range catalog {
		v.sets[lang] = map[string]*template.Template{}
		for _, p := range pages {
			funcs := template.FuncMap{
				"t":      func(key string, args ...any) string { return translate(lang, key, args...) },
				"asset":  a.url,
				"digits": func(n int) string { return formatInt(lang, n) },
			}
			t := template.New(p).Funcs(funcs)
			var err error
			for _, f := range []string{"layout.html", p + ".html"} {
				src, rerr := fs.ReadFile(templates.FS, f)
				if rerr != nil {
					return nil, rerr
				}
				if t, err = t.New(f).Parse(trimTemplate(string(src))); err != nil {
					break
				}
			}
			if err != nil {
				return nil, fmt.Errorf("parse template %s: %w", p, err)
			}
			v.sets[lang][p] = t
		}
	}
	return v, nil
}

// render executes a page into a buffer first, so a template error becomes
// a clean 500 instead of half a page on a phone.
func (v *views) render(lang, page string, data any) ([]byte, error) {
	set, ok := v.sets[lang]
	if !ok {
		set = v.sets["en"]
	}
	var buf bytes.Buffer
	if err := set[page].ExecuteTemplate(&buf, "layout", data); err != nil {
		return nil, fmt.Errorf("render %s: %w", page, err)
	}
	return buf.Bytes(), nil
}

// renderBlock executes one named block of a page's set (no layout): the
// offline bundle renders survey pages' questions with it.
func (v *views) renderBlock(lang, page, block string, data any) ([]byte, error) {
	set, ok := v.sets[lang]
	if !ok {
		set = v.sets["en"]
	}
	var buf bytes.Buffer
	if err := set[page].ExecuteTemplate(&buf, block, data); err != nil {
		return nil, fmt.Errorf("render %s/%s: %w", page, block, err)
	}
	return buf.Bytes(), nil
}

// trimTemplate drops the indentation and blank lines of a template's
// source: the pages stay readable in the repository and lose a few hundred
// bytes on the wire, without a minifier dependency. Line breaks are kept
// (HTML collapses them like spaces), and no template puts user text on
// several source lines, so nothing a respondent sees changes.
func trimTemplate(src string) string {
	lines := strings.Split(src, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func formatInt(lang string, n int) string {
	s := fmt.Sprint(n)
	if lang == "fa" {
		return persianDigits(s)
	}
	return s
}

// assets serves the embedded static files under content-hashed names, so
// they can be cached for a year and still change with each release. Each
// file is compressed once at start (gzip and brotli) and served in the
// best encoding the browser accepts.
type assets struct {
	byHashed map[string]*compressed // "app.1a2b3c4d.css" -> content
	hashed   map[string]string      // "app.css" -> "app.1a2b3c4d.css"
}

// sharedAssets is loadAssets run once per process: the embedded files do
// not change while it runs and assets is read-only once loaded, so every
// Server shares one copy (the tests build hundreds of Servers, and brotli
// at its best level took a fifth of a second each time).
var sharedAssets = sync.OnceValues(loadAssets)

func loadAssets() (*assets, error) {
	a := &assets{byHashed: map[string]*compressed{}, hashed: map[string]string{}}
	err := fs.WalkDir(static.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(static.FS, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ext := path.Ext(p)
		name := strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		ctype := "application/octet-stream"
		switch ext {
		case ".css":
			ctype = "text/css; charset=utf-8"
		case ".js":
			ctype = "text/javascript; charset=utf-8"
			b = stripLineComments(b)
		case ".svg":
			ctype = "image/svg+xml"
		}
		a.byHashed[name] = compressAll(b, ctype)
		a.hashed[p] = name
		return nil
	})
	return a, err
}

// stripLineComments drops the lines of a script that hold only a //
// comment: the sources explain themselves at length, and phones on slow
// networks should not download that (the first load's byte budget,
// TestPageWeight). A line whose first non-blank characters are // is a
// comment wherever it stands, since the scripts hold no template literals
// and no strings continued over lines (checked by TestServedScripts).
func stripLineComments(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for line := range bytes.Lines(b) {
		if bytes.HasPrefix(bytes.TrimLeft(line, " \t"), []byte("//")) {
			continue
		}
		out = append(out, line...)
	}
	return out
}

func (a *assets) url(name string) string {
	if h, ok := a.hashed[name]; ok {
		return h
	}
	return name
}

func (a *assets) serve(c *gin.Context) {
	name := strings.TrimPrefix(c.Param("file"), "/")
	b, ok := a.byHashed[name]
	if !ok {
		c.Status(http.StatusNotFound)
		return
	}
	c.Header("Cache-Control", "public, max-age=31536000, immutable")
	b.write(c, http.StatusOK)
}
