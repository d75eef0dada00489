package web

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"
)

// Submission rate limits: token buckets per client address and per survey
// on the two routes that store responses (POST /s/{slug} and the JSON API).
// Past a limit the answer is 429 Too Many Requests with Retry-After; no
// token is spent on a refused request.
//
// The buckets live in this process. Behind a load balancer with several
// `safar serve` processes each enforces its own share, so the effective
// limit is the configured one times the number of processes
// (docs/operations.md).
//
// The client address is gin's ClientIP: the TCP peer, or X-Forwarded-For
// when the peer is one of Config.TrustedProxies (serve --trusted-proxies),
// so behind a load balancer each respondent has their own bucket and a
// client cannot forge its way into a fresh one. Behind a proxy that is not
// listed, every request has the proxy's address: list it, or raise the
// per-address limit (docs/operations.md).

const (
	// DefaultSubmitRatePerIP is submissions per second per address:
	// generous, because a mobile carrier's NAT puts many phones behind one
	// address, and a respondent posts once per page.
	DefaultSubmitRatePerIP  = 10
	DefaultSubmitBurstPerIP = 60
	// DefaultSubmitRatePerSurvey keeps one survey from taking all of the
	// single SQLite writer's capacity (docs/performance.md) away from the
	// others on the same server.
	DefaultSubmitRatePerSurvey  = 5000
	DefaultSubmitBurstPerSurvey = 10000

	maxLimitKeys = 100_000 // addresses tracked at once; past this, the oldest are forgotten
)

type submitLimits struct {
	ipRate, surveyRate   rate.Limit
	ipBurst, surveyBurst int
	mu                   sync.Mutex
	ips, surveys         map[string]*bucket
	lastSweep            time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

// newSubmitLimits reads the Config fields: 0 means the default, a negative
// rate switches that limit off.
func newSubmitLimits(ipRate float64, ipBurst int, surveyRate float64, surveyBurst int) *submitLimits {
	pick := func(r float64, b int, defR float64, defB int) (rate.Limit, int) {
		switch {
		case r < 0:
			return rate.Inf, 0
		case r == 0:
			r = defR
			if b <= 0 {
				b = defB
			}
		}
		if b <= 0 {
			b = max(1, int(math.Ceil(r)))
		}
		return rate.Limit(r), b
	}
	l := &submitLimits{ips: map[string]*bucket{}, surveys: map[string]*bucket{}}
	l.ipRate, l.ipBurst = pick(ipRate, ipBurst, DefaultSubmitRatePerIP, DefaultSubmitBurstPerIP)
	l.surveyRate, l.surveyBurst = pick(surveyRate, surveyBurst, DefaultSubmitRatePerSurvey, DefaultSubmitBurstPerSurvey)
	return l
}

// allow takes a token from the address's and the survey's bucket, or
// neither; when refused it says how long to wait and which limit it was.
func (l *submitLimits) allow(now time.Time, ip, slug string) (wait time.Duration, scope string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	var rs []*rate.Reservation
	defer func() {
		if scope != "" {
			for _, r := range rs {
				r.CancelAt(now)
			}
		}
	}()
	for _, c := range []struct {
		scope string
		m     map[string]*bucket
		key   string
		r     rate.Limit
		b     int
	}{{"address", l.ips, ip, l.ipRate, l.ipBurst}, {"survey", l.surveys, slug, l.surveyRate, l.surveyBurst}} {
		if c.r == rate.Inf {
			continue
		}
		bk, ok := c.m[c.key]
		if !ok {
			bk = &bucket{lim: rate.NewLimiter(c.r, c.b)}
			c.m[c.key] = bk
		}
		bk.seen = now
		r := bk.lim.ReserveN(now, 1)
		rs = append(rs, r)
		if d := r.DelayFrom(now); d > 0 || !r.OK() {
			return max(d, time.Second), c.scope
		}
	}
	return 0, ""
}

// sweep forgets buckets idle long enough to be full again, at most every
// ten seconds, so memory stays bounded under a flood of addresses.
func (l *submitLimits) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < 10*time.Second && len(l.ips) < maxLimitKeys {
		return
	}
	l.lastSweep = now
	for _, m := range []map[string]*bucket{l.ips, l.surveys} {
		for k, b := range m {
			if now.Sub(b.seen) > time.Minute {
				delete(m, k)
			}
		}
	}
	if len(l.ips) >= maxLimitKeys { // a flood of fresh addresses: start over
		clear(l.ips)
	}
}

// limitSubmissions applies the limits to the routes that store responses.
func (s *Server) limitSubmissions(c *gin.Context) {
	if c.Request.Method != http.MethodPost || s.submitLimits == nil {
		c.Next()
		return
	}
	route := c.FullPath()
	api := route == "/api/v1/surveys/:slug/responses"
	if !api && route != "/s/:slug" {
		c.Next()
		return
	}
	wait, scope := s.submitLimits.allow(s.now(), c.ClientIP(), c.Param("slug"))
	if scope == "" {
		c.Next()
		return
	}
	secs := int(math.Ceil(wait.Seconds()))
	c.Header("Retry-After", strconv.Itoa(secs))
	// No address and no respondent text in the log: the route, the slug
	// and which limit suffice to see an attack.
	s.log.Warn("submission rate limited", "route", route, "survey", c.Param("slug"), "limit", scope)
	if api {
		msg := "too many submissions from your address; retry after " + strconv.Itoa(secs) + " s"
		if scope == "survey" {
			msg = "this survey is receiving too many submissions; retry after " + strconv.Itoa(secs) + " s"
		}
		c.AbortWithStatusJSON(http.StatusTooManyRequests, gin.H{"error": msg, "retry_after": secs})
		return
	}
	if !s.showLimitedPage(c, secs) {
		sv, _, _ := s.surveys.get(c.Request.Context(), s.store, c.Param("slug"), s.now())
		// The respondent's language, as the page they came from chose it:
		// the form's lang field, ?lang=, the browser's; a survey's own
		// languages only, when the link names one.
		explicit := firstNonEmpty(c.PostForm("lang"), c.Query("lang"))
		lang := visitorLang(explicit, c.GetHeader("Accept-Language"))
		if sv != nil && sv.Definition != nil {
			lang = pickLang(sv.Definition, explicit, "", c.GetHeader("Accept-Language"))
		}
		s.showMessage(c, http.StatusTooManyRequests, lang, "ratelimit_title", "ratelimit_body")
	}
	c.Abort()
}

// showLimitedPage answers a rate-limited form submission with the same
// page again, everything typed on it filled in, and a notice to press the
// button again in a few seconds, so the respondent loses nothing. It stores
// nothing and reads nothing from the database (the survey comes from the
// 1 s cache), so a flood stays cheap. It reports false when the page cannot
// be rebuilt (survey closed, unreadable form); the caller then shows the
// plain message.
func (s *Server) showLimitedPage(c *gin.Context, secs int) bool {
	sv, completed, err := s.surveys.get(c.Request.Context(), s.store, c.Param("slug"), s.now())
	if err != nil || s.checkOpen(sv, completed) != nil || c.Request.ParseForm() != nil {
		return false
	}
	form, d := c.Request.PostForm, sv.Definition
	pi, err := strconv.Atoi(form.Get("page"))
	if err != nil || pi < 0 || pi >= len(d.Pages) {
		pi = 0
	}
	pf := parsePage(d, pi, form)
	pf.errs, pf.keepTyped = nil, true // earlier pages' answers are not at hand: show what was typed here
	clientID := form.Get("rid")
	if !validClientID(clientID) {
		// The cookie carries it; it also seeds a randomised order.
		clientID, _ = c.Cookie(cookieName(sv.Slug))
		if !validClientID(clientID) {
			clientID = ""
		}
	}
	lang := pickLang(d, form.Get("lang"), "", c.GetHeader("Accept-Language"))
	v := s.surveyPage(sv, lang, pi, clientID, cleanTouchpoint(form.Get("tp")), pf.answers, pf)
	v.Notice = translate(lang, "ratelimit_notice", secs)
	s.writePage(c, http.StatusTooManyRequests, lang, "survey_page", v)
	return true
}

func init() {
	catalog["en"]["ratelimit_title"] = "Please wait a moment"
	catalog["en"]["ratelimit_body"] = "Too many answers are arriving at once. Go back, wait a few seconds and press the button again: your answers on that page are still in your browser."
	catalog["fa"]["ratelimit_title"] = "لطفاً لحظه‌ای صبر کنید"
	catalog["en"]["ratelimit_notice"] = "Too many answers are arriving at once, so this page was not sent yet. Your answers are still here: wait %d seconds and press the button again."
	catalog["fa"]["ratelimit_notice"] = "پاسخ‌های زیادی هم‌زمان می‌رسد و این صفحه هنوز فرستاده نشد. پاسخ‌هایتان همین‌جا هست: %d ثانیه صبر کنید و دوباره دکمه را بزنید."
	catalog["fa"]["ratelimit_body"] = "پاسخ‌های زیادی هم‌زمان می‌رسد. به صفحهٔ قبل برگردید، چند ثانیه صبر کنید و دوباره دکمه را بزنید: پاسخ‌های آن صفحه هنوز در مرورگر شما هست."
}
