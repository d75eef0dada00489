package web

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

type loginForm struct {
	Email, Next, Error, CSRF string
}

// showLoginPage shows the sign-in form (works without JavaScript).
func (s *Server) showLoginPage(c *gin.Context) {
	if _, u, err := s.loadSession(c); err == nil && u != nil {
		c.Redirect(http.StatusSeeOther, safeNext(c.Query("next")))
		return
	}
	s.renderApp(c, http.StatusOK, nil, "login", "login_title", loginForm{Next: c.Query("next"), CSRF: s.loginCSRF(c)})
}

// login checks the email and password and starts a session.
func (s *Server) login(c *gin.Context) {
	form := loginForm{Email: strings.TrimSpace(c.PostForm("email")), Next: c.PostForm("next"), CSRF: s.loginCSRF(c)}
	if !checkLoginCSRF(c) {
		form.Error = "csrf_failed"
		s.renderApp(c, http.StatusForbidden, nil, "login", "login_title", form)
		return
	}
	if ok, wait := s.logins.allow(c.ClientIP(), survey.NormalizeEmail(form.Email), s.now()); !ok {
		s.throttleLogin(c, wait, "login", form)
		return
	}
	u, err := s.store.UserByEmail(c.Request.Context(), form.Email)
	if err != nil && !errors.Is(err, survey.ErrNotFound) {
		s.appError(c, err)
		return
	}
	hash := ""
	if u != nil && !u.Disabled {
		hash = u.PasswordHash
	}
	var match bool
	if !s.bcrypt.do(c.Request.Context(), func() { match = checkPassword(hash, c.PostForm("password")) }) {
		s.throttleLogin(c, time.Second, "login", form)
		return
	}
	if !match {
		s.log.Info("login failed", "ip", c.ClientIP()) // never the password, nor the typed email
		form.Error = "login_failed"
		s.renderApp(c, http.StatusUnauthorized, nil, "login", "login_title", form)
		return
	}
	if err := s.startSession(c, u); err != nil {
		s.appError(c, err)
		return
	}
	// Sweep dead sessions now and then: logins are rare enough, and no
	// background job is needed (any process may do it).
	if _, err := s.store.DeleteExpiredSessions(c.Request.Context(), s.now(), s.now().Add(-s.sessionIdle)); err != nil {
		s.log.Warn("delete expired sessions", "err", err)
	}
	s.log.Info("login", "user", u.ID)
	c.Redirect(http.StatusSeeOther, safeNext(form.Next))
}

// logout ends the session.
func (s *Server) logout(c *gin.Context) {
	if tok, err := c.Cookie(sessionCookie); err == nil {
		if err := s.store.DeleteSession(c.Request.Context(), tok); err != nil {
			s.appError(c, err)
			return
		}
	}
	s.setCookie(c, sessionCookie, "", -1)
	c.Redirect(http.StatusSeeOther, "/login")
}

// SetupURL returns a one-time URL that creates the first admin when the
// database has no user yet, and "" otherwise. Each call makes a new token
// (valid SetupTokenTTL); only its hash is stored. `safar serve` prints it.
func (s *Server) SetupURL(ctx context.Context, base string) (string, error) {
	n, err := s.store.CountUsers(ctx)
	if err != nil || n > 0 {
		return "", err
	}
	tok := randomToken()
	if err := s.store.CreateSetupToken(ctx, tok, s.now().Add(SetupTokenTTL)); err != nil {
		return "", err
	}
	return strings.TrimRight(base, "/") + "/setup?token=" + tok, nil
}

type setupForm struct {
	Token, Email, Name, Lang, CSRF string
	Errors                         map[string]string
	Error                          string
}

// showSetupPage asks for the first admin's details.
func (s *Server) showSetupPage(c *gin.Context) {
	if n, err := s.store.CountUsers(c.Request.Context()); err != nil || n > 0 {
		if err != nil {
			s.appError(c, err)
			return
		}
		c.Redirect(http.StatusSeeOther, "/login")
		return
	}
	s.renderApp(c, http.StatusOK, nil, "setup", "setup_title", setupForm{Token: c.Query("token"), Lang: "en", CSRF: s.loginCSRF(c)})
}

// completeSetup creates the first admin and signs them in.
func (s *Server) completeSetup(c *gin.Context) {
	form := setupForm{Token: c.PostForm("token"), Email: c.PostForm("email"), Name: strings.TrimSpace(c.PostForm("name")),
		Lang: c.PostForm("lang"), CSRF: s.loginCSRF(c)}
	if !checkLoginCSRF(c) {
		form.Error = "csrf_failed"
		s.renderApp(c, http.StatusForbidden, nil, "setup", "setup_title", form)
		return
	}
	if ok, wait := s.logins.allow(c.ClientIP(), "setup", s.now()); !ok {
		s.throttleLogin(c, wait, "setup", form)
		return
	}
	pw := c.PostForm("password")
	u := &survey.User{Email: form.Email, Name: form.Name, Role: survey.RoleAdmin, Lang: form.Lang}
	if err := survey.ValidateNewUser(u, pw); err != nil {
		var ve *survey.ValidationError
		errors.As(err, &ve)
		form.Errors = ve.ByField()
		s.renderApp(c, http.StatusUnprocessableEntity, nil, "setup", "setup_title", form)
		return
	}
	if pw != c.PostForm("password2") {
		form.Errors = map[string]string{"password2": "passwords differ"}
		s.renderApp(c, http.StatusUnprocessableEntity, nil, "setup", "setup_title", form)
		return
	}
	var (
		hash string
		err  error
	)
	if !s.bcrypt.do(c.Request.Context(), func() { hash, err = HashPassword(pw) }) {
		s.throttleLogin(c, time.Second, "setup", form)
		return
	}
	if err != nil {
		s.appError(c, err)
		return
	}
	u.PasswordHash = hash
	if err := s.store.CompleteSetup(c.Request.Context(), form.Token, s.now(), u); err != nil {
		switch {
		case errors.Is(err, survey.ErrUnauthorized):
			form.Error = "setup_bad_token"
			s.renderApp(c, http.StatusForbidden, nil, "setup", "setup_title", form)
		case errors.Is(err, survey.ErrConflict):
			c.Redirect(http.StatusSeeOther, "/login")
		default:
			s.appError(c, err)
		}
		return
	}
	s.log.Info("first admin created", "user", u.ID)
	if err := s.startSession(c, u); err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/app/projects")
}
