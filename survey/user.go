package survey

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// UserRole says what a researcher-side user may do.
type UserRole string

const (
	// RoleAdmin manages users and may do everything a researcher may.
	RoleAdmin UserRole = "admin"
	// RoleResearcher creates and edits projects, surveys and interviews.
	RoleResearcher UserRole = "researcher"
	// RoleViewer reads results and downloads reports: a consultant's
	// client. A viewer changes nothing.
	RoleViewer UserRole = "viewer"
)

// UserRoles lists every role, most powerful first.
var UserRoles = []UserRole{RoleAdmin, RoleResearcher, RoleViewer}

// Valid reports whether r is a known role.
func (r UserRole) Valid() bool {
	return r == RoleAdmin || r == RoleResearcher || r == RoleViewer
}

// CanEdit reports whether the role may change projects, surveys and data.
func (r UserRole) CanEdit() bool { return r == RoleAdmin || r == RoleResearcher }

// User is a researcher-side account. Respondents never have one.
type User struct {
	ID            int64
	Email         string // lower case, unique
	Name          string
	Role          UserRole
	Lang          string // "fa" or "en": the language of the workspace pages
	PersianDigits bool   // show numbers in Persian digits (fa only)
	PasswordHash  string // bcrypt; never logged, never shown
	// Disabled accounts cannot sign in; disabling one ends its sessions.
	Disabled  bool
	CreatedAt time.Time
}

// Session is a signed-in browser. Only a hash of its token is stored, so a
// leaked database does not leak live sessions. CSRFToken is the
// synchronizer token every state-changing request must echo; it lives in
// the database so any server process can check it.
type Session struct {
	ID         int64
	UserID     int64
	CSRFToken  string
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time // absolute expiry
}

// Expired reports whether the session is over at now: past its absolute
// expiry, or idle for longer than idle.
func (s *Session) Expired(now time.Time, idle time.Duration) bool {
	return !now.Before(s.ExpiresAt) || (idle > 0 && now.Sub(s.LastSeenAt) > idle)
}

// HashToken is how session and setup tokens are kept at rest.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// NormalizeEmail trims and lower-cases an address.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidateNewUser checks a user about to be created with password pw.
func ValidateNewUser(u *User, pw string) error {
	var p problems
	u.Email = NormalizeEmail(u.Email)
	if a, err := mail.ParseAddress(u.Email); err != nil || a.Address != u.Email || len(u.Email) > 254 {
		p.add("email", "must be an email address")
	}
	if utf8.RuneCountInString(u.Name) > 200 {
		p.add("name", "too long (limit 200 characters)")
	}
	if !u.Role.Valid() {
		p.add("role", "must be admin, researcher or viewer")
	}
	if u.Lang == "" {
		u.Lang = "en"
	}
	if u.Lang != "fa" && u.Lang != "en" {
		p.add("lang", "must be fa or en")
	}
	checkPassword(&p, u.Email, pw)
	return p.err()
}

// ValidatePassword checks a new password for the account with this email.
func ValidatePassword(email, pw string) error {
	var p problems
	checkPassword(&p, email, pw)
	return p.err()
}

// checkPassword counts characters (runes), not bytes: 10 Persian letters
// are 20 bytes. It refuses passwords of one repeated character, of
// whitespace only, and the account's own email.
func checkPassword(p *problems, email, pw string) {
	switch {
	case utf8.RuneCountInString(pw) < MinPasswordLength:
		p.add("password", "must be at least %d characters", MinPasswordLength)
	case len(pw) > 72: // bcrypt reads 72 bytes at most
		p.add("password", "too long (limit 72 bytes, about 36 Persian letters)")
	case strings.TrimSpace(pw) == "":
		p.add("password", "must not be only spaces")
	case oneCharacter(pw):
		p.add("password", "must not repeat one character")
	case NormalizeEmail(pw) == NormalizeEmail(email):
		p.add("password", "must not be the email address")
	}
}

func oneCharacter(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	for _, r := range s {
		if r != first {
			return false
		}
	}
	return true
}

// UserStore keeps accounts, sessions and the one-time setup token.
type UserStore interface {
	// CreateUser stores u (PasswordHash already set); ErrConflict if the
	// email is taken.
	CreateUser(ctx context.Context, u *User) error
	UserByEmail(ctx context.Context, email string) (*User, error)
	UserByID(ctx context.Context, id int64) (*User, error)
	CountUsers(ctx context.Context) (int, error)
	// Users lists every account by email.
	Users(ctx context.Context) ([]*User, error)
	// UpdateUserPrefs sets a user's name, language and digit preference.
	UpdateUserPrefs(ctx context.Context, u *User) error
	// SetUserPassword stores a new password hash and ends the user's
	// sessions other than keepSession (0: all of them).
	SetUserPassword(ctx context.Context, id int64, hash string, keepSession int64) error
	// SetUserRole changes a role; ErrConflict when that would leave no
	// enabled admin.
	SetUserRole(ctx context.Context, id int64, role UserRole) error
	// SetUserDisabled disables (ending every session at once) or enables
	// an account; ErrConflict when that would leave no enabled admin.
	SetUserDisabled(ctx context.Context, id int64, disabled bool) error
	// DeleteUser removes an account with its sessions and drafts; codings
	// it made stay. ErrConflict when it is the last enabled admin.
	DeleteUser(ctx context.Context, id int64) error

	// CreateSession stores s under the hash of token.
	CreateSession(ctx context.Context, token string, s *Session) error
	// SessionByToken finds a session by its raw token (ErrNotFound).
	SessionByToken(ctx context.Context, token string) (*Session, error)
	// TouchSession records activity, extending the idle timeout.
	TouchSession(ctx context.Context, id int64, at time.Time) error
	DeleteSession(ctx context.Context, token string) error
	// DeleteExpiredSessions removes sessions past their absolute expiry or
	// idle since before idleBefore.
	DeleteExpiredSessions(ctx context.Context, now, idleBefore time.Time) (int, error)

	// CreateSetupToken stores (the hash of) a one-time token that lets
	// whoever holds it create the first admin until expires.
	CreateSetupToken(ctx context.Context, token string, expires time.Time) error
	// CompleteSetup creates u if token is a live setup token and no user
	// exists yet, and burns every setup token, in one transaction.
	// ErrUnauthorized for a bad or expired token, ErrConflict once a user
	// exists.
	CompleteSetup(ctx context.Context, token string, now time.Time, u *User) error
}
