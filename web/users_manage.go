package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// Account management by an admin: change a role, disable or enable, delete.
// Disabling or deleting ends the account's sessions at once (the store
// deletes them in the same transaction). The last enabled admin cannot be
// demoted, disabled or deleted: the page says so.

// changeUserRole sets the role of /app/users/:uid.
func (s *Server) changeUserRole(c *gin.Context) {
	s.manageUser(c, "role", func(id int64) error {
		return s.store.SetUserRole(c.Request.Context(), id, survey.UserRole(c.PostForm("role")))
	})
}

// disableUser disables (disabled=1) or enables (disabled=0) an account.
func (s *Server) disableUser(c *gin.Context) {
	disabled := c.PostForm("disabled") == "1"
	s.manageUser(c, "disabled", func(id int64) error {
		return s.store.SetUserDisabled(c.Request.Context(), id, disabled)
	})
}

// deleteUser removes an account; the form's confirm box must be ticked.
func (s *Server) deleteUser(c *gin.Context) {
	if c.PostForm("confirm") != "1" {
		s.renderUsers(c, http.StatusUnprocessableEntity, usersPage{New: newUserDefaults(), Error: "user_delete_confirm"})
		return
	}
	s.manageUser(c, "deleted", func(id int64) error { return s.store.DeleteUser(c.Request.Context(), id) })
}

func (s *Server) manageUser(c *gin.Context, what string, change func(id int64) error) {
	id, err := strconv.ParseInt(c.Param("uid"), 10, 64)
	if err != nil {
		s.appError(c, survey.ErrNotFound)
		return
	}
	if err := change(id); err != nil {
		switch {
		case errors.Is(err, survey.ErrConflict):
			s.renderUsers(c, http.StatusConflict, usersPage{New: newUserDefaults(), Error: "err_last_admin"})
		case errors.Is(err, survey.ErrInvalid):
			s.renderUsers(c, http.StatusUnprocessableEntity, usersPage{New: newUserDefaults(), Error: "invalid_body"})
		default:
			s.appError(c, err)
		}
		return
	}
	s.log.Info("user changed", "user", id, "change", what, "by", currentUser(c).ID)
	if what == "deleted" || id != currentUser(c).ID || what == "role" {
		c.Redirect(http.StatusSeeOther, "/app/users?saved=1")
		return
	}
	c.Redirect(http.StatusSeeOther, "/login") // an admin who disabled themselves
}

func newUserDefaults() survey.User { return survey.User{Role: survey.RoleResearcher, Lang: "fa"} }

// changePassword sets the signed-in user's password. It needs the current
// one, and ends the user's other sessions.
func (s *Server) changePassword(c *gin.Context) {
	u := currentUser(c)
	current, pw := c.PostForm("current_password"), c.PostForm("password")
	errs := map[string]string{}
	var match bool
	if !s.bcrypt.do(c.Request.Context(), func() { match = checkPassword(u.PasswordHash, current) }) {
		c.Header("Retry-After", "1")
		s.renderAccount(c, http.StatusTooManyRequests, accountPage{Errors: map[string]string{"current_password": "login_throttled"}})
		return
	}
	switch {
	case !match:
		errs["current_password"] = "err_current_password"
	case survey.ValidatePassword(u.Email, pw) != nil:
		errs["password"] = "err_password"
	case pw != c.PostForm("password2"):
		errs["password2"] = "err_password2"
	}
	if len(errs) > 0 {
		s.renderAccount(c, http.StatusUnprocessableEntity, accountPage{Errors: errs})
		return
	}
	var (
		hash string
		err  error
	)
	if !s.bcrypt.do(c.Request.Context(), func() { hash, err = HashPassword(pw) }) {
		c.Header("Retry-After", "1")
		s.renderAccount(c, http.StatusTooManyRequests, accountPage{Errors: map[string]string{"current_password": "login_throttled"}})
		return
	}
	if err == nil {
		err = s.store.SetUserPassword(c.Request.Context(), u.ID, hash, currentSession(c).ID)
	}
	if err != nil {
		s.appError(c, err)
		return
	}
	s.log.Info("password changed", "user", u.ID)
	c.Redirect(http.StatusSeeOther, "/app/account?saved=password")
}
