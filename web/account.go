package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// showAccountPage shows the signed-in user's preferences and API keys
// (account_keys.go).
func (s *Server) showAccountPage(c *gin.Context) {
	s.renderAccount(c, http.StatusOK, accountPage{Saved: c.Query("saved"), Revoked: c.Query("revoked") == "1"})
}

// updateAccount saves the user's name, language and digits. Any role may
// do this: it changes nothing but how pages look to them.
func (s *Server) updateAccount(c *gin.Context) {
	u := *currentUser(c)
	u.Name = strings.TrimSpace(c.PostForm("name"))
	if len([]rune(u.Name)) > 200 {
		u.Name = string([]rune(u.Name)[:200])
	}
	if l := c.PostForm("lang"); l == "fa" || l == "en" {
		u.Lang = l
	}
	u.PersianDigits = c.PostForm("persian_digits") == "1"
	if err := s.store.UpdateUserPrefs(c.Request.Context(), &u); err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/app/account?saved=prefs")
}
