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
	s.logins = newLoginLimiter()
	v, err := loadAppViews(s.assets)
	if err != nil {
		return err
	}
	s.app = v
	return nil
}

// redirectToProjects is the workspace's home.
func (s *Server) redirectToProjects(c *gin.Context) {
	c.Redirect(http.StatusSeeOther, "/app/projects")
}
