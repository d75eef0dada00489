package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"

	"github.com/safarhq/safar/survey"
)

// Researcher sessions live in the database (survey.UserStore), so any
// number of server processes behind a load balancer share them, and the
// CSRF synchronizer token lives with the session for the same reason.

const (
	sessionCookie = "safar_session"
	// loginCSRFCookie carries a double-submit token for the forms shown
	// before there is a session (login, setup).
	loginCSRFCookie = "safar_login_csrf"
	csrfField       = "csrf"
	csrfHeader      = "X-CSRF-Token"

	// DefaultSessionIdle ends a session after this long without a request.
	DefaultSessionIdle = 12 * time.Hour
	// DefaultSessionMaxAge ends any session this long after login.
	DefaultSessionMaxAge = 7 * 24 * time.Hour
	// touchEvery limits last-seen writes to one per session per minute.
	touchEvery = time.Minute
	// SetupTokenTTL is how long a first-run setup URL works.
	SetupTokenTTL = 24 * time.Hour
)

const (
	ctxUser    = "safar.user"
	ctxSession = "safar.session"
)

// HashPassword hashes a password with bcrypt at the default cost.
func HashPassword(pw string) (string, error) {
	b, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
	return string(b), err
}

// dummyHash is compared against when the email is unknown, so a login
// takes as long for a missing user as for a wrong password. It is a bcrypt
// hash at the default cost written out, not computed at start-up: that
// took 74 ms of every safar command, the CLI's exports included.
var dummyHash = []byte("$2a$10$HMp1mHYtN9Voo0sydMQIWe5lH/XWXOUVjNnMckx0SVQL6BcTOv.m6")

func checkPassword(hash, pw string) bool {
	if hash == "" {
		bcrypt.CompareHashAndPassword(dummyHash, []byte(pw))
		return false
	}
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}

// randomToken returns 32 random bytes, base64url encoded.
func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func tokensEqual(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

func (s *Server) setCookie(c *gin.Context, name, value string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{
		Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode,
	})
}

// currentUser is the signed-in user; only valid behind requireUser.
func currentUser(c *gin.Context) *survey.User {
	u, _ := c.Get(ctxUser)
	user, _ := u.(*survey.User)
	return user
}

func currentSession(c *gin.Context) *survey.Session {
	v, _ := c.Get(ctxSession)
	ss, _ := v.(*survey.Session)
	return ss
}

// loadSession finds the live session of the request's cookie, or nil.
func (s *Server) loadSession(c *gin.Context) (*survey.Session, *survey.User, error) {
	tok, err := c.Cookie(sessionCookie)
	if err != nil || tok == "" || len(tok) > 100 {
		return nil, nil, nil
	}
	ss, err := s.store.SessionByToken(c.Request.Context(), tok)
	if errors.Is(err, survey.ErrNotFound) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	now := s.now()
	if ss.Expired(now, s.sessionIdle) {
		_ = s.store.DeleteSession(c.Request.Context(), tok)
		return nil, nil, nil
	}
	u, err := s.store.UserByID(c.Request.Context(), ss.UserID)
	if errors.Is(err, survey.ErrNotFound) || (err == nil && u.Disabled) {
		return nil, nil, nil // deleted or disabled: the store ended its sessions too
	}
	if err != nil {
		return nil, nil, err
	}
	if now.Sub(ss.LastSeenAt) > touchEvery {
		if err := s.store.TouchSession(c.Request.Context(), ss.ID, now); err != nil {
			s.log.Warn("touch session", "err", err)
		}
	}
	return ss, u, nil
}

// wantsJSON reports whether the client asked for JSON rather than a page.
func wantsJSON(c *gin.Context) bool {
	return strings.Contains(c.GetHeader("Accept"), "application/json") && !strings.Contains(c.GetHeader("Accept"), "text/html")
}

// requireUser lets signed-in users through; others are sent to the login
// page (or get 401 when they asked for JSON).
func (s *Server) requireUser(c *gin.Context) {
	ss, u, err := s.loadSession(c)
	if err != nil {
		s.appError(c, err)
		c.Abort()
		return
	}
	if u == nil {
		if wantsJSON(c) {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "sign in first"})
			return
		}
		if c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead {
			// A form sent after the session ended: say so, and let the
			// user sign in in another tab and send it again (the browser
			// keeps what they typed when they go back).
			s.renderApp(c, http.StatusUnauthorized, nil, "app_message", "session_ended_title",
				appMessage{Heading: "session_ended_title", Body: "session_ended_body", Back: "/login", BackKey: "login_title", NewTab: true})
			c.Abort()
			return
		}
		c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(c.Request.URL.RequestURI()))
		c.Abort()
		return
	}
	c.Set(ctxUser, u)
	c.Set(ctxSession, ss)
	c.Header("Cache-Control", "no-store")
	c.Next()
}

// requireCSRF checks the synchronizer token on state-changing requests.
func (s *Server) requireCSRF(c *gin.Context) {
	switch c.Request.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		c.Next()
		return
	}
	ss := currentSession(c)
	got := c.GetHeader(csrfHeader)
	if got == "" {
		got = c.PostForm(csrfField)
	}
	if ss == nil || !tokensEqual(got, ss.CSRFToken) {
		s.forbidden(c, "csrf_failed")
		return
	}
	c.Next()
}

// requireEditor refuses viewers: they read, they change nothing.
func (s *Server) requireEditor(c *gin.Context) {
	if u := currentUser(c); u == nil || !u.Role.CanEdit() {
		s.forbidden(c, "forbidden_role")
		return
	}
	c.Next()
}

// startSession signs u in on this browser, replacing any earlier session
// cookie (no session fixation).
func (s *Server) startSession(c *gin.Context, u *survey.User) error {
	if old, err := c.Cookie(sessionCookie); err == nil && old != "" {
		_ = s.store.DeleteSession(c.Request.Context(), old)
	}
	now := s.now().UTC()
	tok := randomToken()
	ss := &survey.Session{UserID: u.ID, CSRFToken: randomToken(), CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(s.sessionMaxAge)}
	if err := s.store.CreateSession(c.Request.Context(), tok, ss); err != nil {
		return err
	}
	s.setCookie(c, sessionCookie, tok, int(s.sessionMaxAge/time.Second))
	return nil
}

// loginCSRF returns the double-submit token for the login and setup
// forms, setting its cookie when the browser has none.
func (s *Server) loginCSRF(c *gin.Context) string {
	if v, err := c.Cookie(loginCSRFCookie); err == nil && len(v) >= 32 && len(v) <= 64 {
		return v
	}
	v := randomToken()
	s.setCookie(c, loginCSRFCookie, v, 3600*12)
	return v
}

func checkLoginCSRF(c *gin.Context) bool {
	v, err := c.Cookie(loginCSRFCookie)
	return err == nil && tokensEqual(c.PostForm(csrfField), v)
}

// safeNext keeps a post-login redirect on this site's workspace.
func safeNext(next string) string {
	if strings.HasPrefix(next, "/app/") && !strings.HasPrefix(next, "//") && !strings.ContainsAny(next, "\\\r\n") {
		return next
	}
	return "/app/projects"
}
