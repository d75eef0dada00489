package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// requireAdmin lets only administrators manage accounts.
func (s *Server) requireAdmin(c *gin.Context) {
	if u := currentUser(c); u == nil || u.Role != survey.RoleAdmin {
		s.forbidden(c, "forbidden_admin")
		return
	}
	c.Next()
}

type usersPage struct {
	Users  []*survey.User
	Roles  []survey.UserRole
	New    survey.User
	Errors map[string]string
	Error  string // a message key about a change to an existing account
	Saved  bool
}

// showUsersPage lists accounts and offers a form to add one.
func (s *Server) showUsersPage(c *gin.Context) {
	s.renderUsers(c, http.StatusOK, usersPage{New: newUserDefaults(), Saved: c.Query("saved") == "1"})
}

func (s *Server) renderUsers(c *gin.Context, status int, page usersPage) {
	us, err := s.store.Users(c.Request.Context())
	if err != nil {
		s.appError(c, err)
		return
	}
	page.Users, page.Roles = us, survey.UserRoles
	s.renderApp(c, status, nil, "users", "users_title", page)
}

// createUser adds an account; the admin passes the initial password on.
func (s *Server) createUser(c *gin.Context) {
	u := survey.User{Email: c.PostForm("email"), Name: strings.TrimSpace(c.PostForm("name")),
		Role: survey.UserRole(c.PostForm("role")), Lang: c.PostForm("lang")}
	pw := c.PostForm("password")
	err := survey.ValidateNewUser(&u, pw)
	if err == nil {
		if u.PasswordHash, err = HashPassword(pw); err == nil {
			err = s.store.CreateUser(c.Request.Context(), &u)
		}
	}
	if err != nil {
		errs := fieldErrors(err)
		if errs == nil && errors.Is(err, survey.ErrConflict) {
			errs = map[string]string{"email": "taken"}
		}
		if errs == nil {
			s.appError(c, err)
			return
		}
		u.PasswordHash = ""
		s.renderUsers(c, http.StatusUnprocessableEntity, usersPage{New: u, Errors: errs})
		return
	}
	s.log.Info("user created", "user", u.ID, "role", u.Role, "by", currentUser(c).ID)
	c.Redirect(http.StatusSeeOther, "/app/users?saved=1")
}
