package survey

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// API scopes: what an integration's key may do. A key acts as its user and
// never beyond the user's role.
const (
	// ScopeResponsesRead lists and reads the responses of any survey.
	ScopeResponsesRead = "responses:read"
	// ScopeSurveysWrite creates surveys, replaces definitions and
	// publishes or closes surveys; only editors' keys may have it.
	ScopeSurveysWrite = "surveys:write"
)

// APIScopes lists every scope, in the order the UI offers them.
var APIScopes = []string{ScopeResponsesRead, ScopeSurveysWrite}

// APIKeyPrefix starts every key, so a leaked one is recognisable in code
// and logs (secret scanners match on it).
const APIKeyPrefix = "safar_"

// apiKeyShown is how much of a key stays visible after creation: the
// prefix and a few random characters, enough to tell keys apart.
const apiKeyShown = len(APIKeyPrefix) + 6

// APIKey lets an integration call /api/v1 as its user. Only the SHA-256 of
// the key is stored (HashToken): the key is 256 random bits, so a fast
// hash is as safe as a slow one, and it is shown once, at creation.
type APIKey struct {
	ID         int64
	UserID     int64
	Name       string
	Prefix     string // the key's first characters, for display
	Scopes     []string
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

// Has reports whether the key carries scope.
func (k *APIKey) Has(scope string) bool { return slices.Contains(k.Scopes, scope) }

// NewAPIKey returns a fresh random key and its display prefix.
func NewAPIKey() (key, prefix string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	key = APIKeyPrefix + base64.RawURLEncoding.EncodeToString(b)
	return key, key[:apiKeyShown]
}

// ValidateAPIKey checks a key about to be created for u: a name, known
// scopes (duplicates dropped), and no scope beyond u's role.
func ValidateAPIKey(k *APIKey, u *User) error {
	var p problems
	k.Name = strings.TrimSpace(k.Name)
	if k.Name == "" || utf8.RuneCountInString(k.Name) > 100 {
		p.add("name", "give the key a name of 1-100 characters (what uses it)")
	}
	var scopes []string
	for _, s := range k.Scopes {
		s = strings.TrimSpace(s)
		switch {
		case !slices.Contains(APIScopes, s):
			p.add("scopes", "unknown scope %q (known: %s)", s, strings.Join(APIScopes, ", "))
		case s == ScopeSurveysWrite && !u.Role.CanEdit():
			p.add("scopes", "a %s cannot change surveys, so their key cannot have %s", u.Role, s)
		case !slices.Contains(scopes, s):
			scopes = append(scopes, s)
		}
	}
	if len(k.Scopes) == 0 {
		p.add("scopes", "choose at least one scope (%s)", strings.Join(APIScopes, ", "))
	}
	k.Scopes, k.UserID = scopes, u.ID
	return p.err()
}

// APIKeyStore keeps API keys.
type APIKeyStore interface {
	// CreateAPIKey stores a validated k under the hash of key.
	CreateAPIKey(ctx context.Context, key string, k *APIKey) error
	// APIKeys lists a user's keys (userID 0: everyone's), newest first,
	// revoked ones included.
	APIKeys(ctx context.Context, userID int64) ([]*APIKey, error)
	// APIKeyByToken finds the live (not revoked) key whose raw value is
	// key; ErrNotFound otherwise.
	APIKeyByToken(ctx context.Context, key string) (*APIKey, error)
	// RevokeAPIKey revokes key id at at; with userID != 0 only that
	// user's key (ErrNotFound for another's or an unknown one).
	RevokeAPIKey(ctx context.Context, id, userID int64, at time.Time) error
	// TouchAPIKey records that the key was used at at.
	TouchAPIKey(ctx context.Context, id int64, at time.Time) error
}
