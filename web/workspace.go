package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// initWorkspace wires the researcher workspace from cfg.
func (s *Server) initWorkspace(cfg Config) error {
	s.sessionIdle, s.sessionMaxAge = cfg.SessionIdle, cfg.SessionMaxAge
	if s.sessionIdle == 0 {
		s.sessionIdle = DefaultSessionIdle
	}
	if s.sessionMaxAge == 0 {
		s.sessionMaxAge = DefaultSessionMaxAge
	}
	s.publicURL = strings.TrimRight(cfg.BaseURL, "/")
	s.logins, s.bcrypt = newLoginLimiter(), defaultBcryptGate()
	v, err := loadAppViews(s.assets)
	if err != nil {
		return err
	}
	s.app = v
	return nil
}

// redirectHome sends `/` where it leads: a signed-in user to the
// projects, anyone else to the sign-in page, or to the first-run setup
// page while no account exists. It lists no surveys: respondents arrive by
// a survey's own link, and drafts or private surveys stay unseen.
func (s *Server) redirectHome(c *gin.Context) {
	if _, u, err := s.loadSession(c); err == nil && u != nil {
		s.redirectToProjects(c)
		return
	}
	n, err := s.store.CountUsers(c.Request.Context())
	if err != nil {
		s.appError(c, err)
		return
	}
	if n == 0 {
		c.Redirect(http.StatusSeeOther, "/setup")
		return
	}
	c.Redirect(http.StatusSeeOther, "/login")
}

// redirectToProjects is the workspace's home.
func (s *Server) redirectToProjects(c *gin.Context) {
	c.Redirect(http.StatusSeeOther, "/app/projects")
}
