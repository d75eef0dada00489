package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"
	qrcode "github.com/skip2/go-qrcode"

	"github.com/safarhq/safar/survey"
)

type distributionLink struct {
	Touchpoint string // "" for the plain link
	URL        string
	Responses  int
	Complete   int
}

type distributionPage struct {
	Survey  *survey.Survey
	Project *survey.Project
	Links   []distributionLink
	Other   []survey.TouchpointCount // responses from touchpoints not in the list
}

// baseURL is the site's address as the researcher reached it, or
// Config.BaseURL when set (behind a proxy).
func (s *Server) baseURL(c *gin.Context) string {
	if s.publicURL != "" {
		return s.publicURL
	}
	scheme := "http"
	if c.Request.TLS != nil || s.secure {
		scheme = "https"
	}
	return scheme + "://" + c.Request.Host
}

// surveyLink is the respondent URL of a survey for a touchpoint.
func (s *Server) surveyLink(c *gin.Context, slug, tp string) string {
	u := s.baseURL(c) + "/s/" + url.PathEscape(slug)
	if tp != "" {
		u += "?tp=" + url.QueryEscape(tp)
	}
	return u
}

// showDistributionPage lists one link per project touchpoint, with a QR
// code and the responses each link brought.
func (s *Server) showDistributionPage(c *gin.Context) {
	sv, p, ok := s.surveyParam(c)
	if !ok {
		return
	}
	counts, err := s.store.TouchpointCounts(c.Request.Context(), sv.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	byTP := map[string]survey.TouchpointCount{}
	for _, tc := range counts {
		byTP[tc.Touchpoint] = tc
	}
	page := distributionPage{Survey: sv, Project: p}
	for _, tp := range append([]string{""}, p.Touchpoints...) {
		tc := byTP[tp]
		delete(byTP, tp)
		page.Links = append(page.Links, distributionLink{Touchpoint: tp, URL: s.surveyLink(c, sv.Slug, tp),
			Responses: tc.Responses, Complete: tc.Complete})
	}
	for _, tc := range counts {
		if _, left := byTP[tc.Touchpoint]; left {
			page.Other = append(page.Other, tc)
		}
	}
	s.renderApp(c, http.StatusOK, nil, "distribution", "distribution_title", page)
}

// qrFor encodes the link of the request's survey and ?tp=.
func (s *Server) qrFor(c *gin.Context) (*qrcode.QRCode, string, bool) {
	sv, _, ok := s.surveyParam(c)
	if !ok {
		return nil, "", false
	}
	tp := survey.CleanTouchpoint(c.Query("tp"))
	q, err := qrcode.New(s.surveyLink(c, sv.Slug, tp), qrcode.Medium)
	if err != nil {
		s.appError(c, err)
		return nil, "", false
	}
	name := sv.Slug
	if tp != "" {
		name += "-" + safeFileName(tp)
	}
	return q, name, true
}

// safeFileName keeps ASCII letters, digits and -_ for a download name.
func safeFileName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return r
		}
		return '_'
	}, s)
	return s
}

func download(c *gin.Context, name string) {
	if c.Query("download") == "1" {
		c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	}
}

// qrPNG serves a link's QR code as a PNG (print size).
func (s *Server) qrPNG(c *gin.Context) {
	q, name, ok := s.qrFor(c)
	if !ok {
		return
	}
	b, err := q.PNG(512)
	if err != nil {
		s.appError(c, err)
		return
	}
	download(c, "qr-"+name+".png")
	c.Header("Cache-Control", "private, max-age=300")
	c.Data(http.StatusOK, "image/png", b)
}

// qrSVG serves a link's QR code as SVG, drawn from the code's bitmap (one
// path, crisp at any print size).
func (s *Server) qrSVG(c *gin.Context) {
	q, name, ok := s.qrFor(c)
	if !ok {
		return
	}
	download(c, "qr-"+name+".svg")
	c.Header("Cache-Control", "private, max-age=300")
	c.Data(http.StatusOK, "image/svg+xml", qrSVGBytes(q.Bitmap()))
}

func qrSVGBytes(bm [][]bool) []byte {
	n := len(bm)
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges">`, n, n)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, n, n)
	for y, row := range bm {
		for x, on := range row {
			if on {
				fmt.Fprintf(&b, "M%d %dh1v1h-1z", x, y)
			}
		}
	}
	b.WriteString(`"/></svg>`)
	return b.Bytes()
}
