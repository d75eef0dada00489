package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// accountPage is the account page: preferences and the user's API keys.
type accountPage struct {
	Saved   string // "prefs" or "password"
	Revoked bool
	Keys    []*survey.APIKey
	Scopes  []string // the scopes this user's role may give a key
	New     survey.APIKey
	// Errors of the password form and of the new-key form, by field.
	Errors, KeyErrors map[string]string
	// Created is a key just made: shown on this one page, never again
	// (only its hash is stored).
	Created string
}

func (s *Server) renderAccount(c *gin.Context, status int, page accountPage) {
	u := currentUser(c)
	keys, err := s.store.APIKeys(c.Request.Context(), u.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	page.Keys = keys
	for _, sc := range survey.APIScopes {
		if sc != survey.ScopeSurveysWrite || u.Role.CanEdit() {
			page.Scopes = append(page.Scopes, sc)
		}
	}
	s.renderApp(c, status, nil, "account", "account_title", page)
}

// createAPIKey makes a key for the signed-in user and shows it once. The
// page is the POST's answer, not a redirect, so the key never appears in
// a URL or the browser's history.
func (s *Server) createAPIKey(c *gin.Context) {
	u := currentUser(c)
	k := survey.APIKey{Name: c.PostForm("name"), Scopes: c.PostFormArray("scope")}
	if err := survey.ValidateAPIKey(&k, u); err != nil {
		s.renderAccount(c, http.StatusUnprocessableEntity, accountPage{New: k, KeyErrors: fieldErrors(err)})
		return
	}
	raw, prefix := survey.NewAPIKey()
	k.Prefix = prefix
	if err := s.store.CreateAPIKey(c.Request.Context(), raw, &k); err != nil {
		s.appError(c, err)
		return
	}
	s.log.Info("API key created", "key", k.ID, "user", u.ID, "scopes", k.Scopes)
	s.renderAccount(c, http.StatusCreated, accountPage{Created: raw})
}

// revokeAPIKey revokes one of the signed-in user's keys; it stops working
// at once.
func (s *Server) revokeAPIKey(c *gin.Context) {
	u := currentUser(c)
	id, err := strconv.ParseInt(c.Param("kid"), 10, 64)
	if err != nil {
		s.appError(c, survey.ErrNotFound)
		return
	}
	if err := s.store.RevokeAPIKey(c.Request.Context(), id, u.ID, s.now()); err != nil {
		s.appError(c, err)
		return
	}
	s.log.Info("API key revoked", "key", id, "user", u.ID)
	c.Redirect(http.StatusSeeOther, "/app/account?revoked=1")
}
