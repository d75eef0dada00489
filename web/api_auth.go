package web

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// keyTouchEvery limits last_used_at writes to one per key per minute, so a
// busy integration costs one read per request, not a write.
const keyTouchEvery = time.Minute

// bearerKey is the key of an "Authorization: Bearer KEY" header, or "".
func bearerKey(c *gin.Context) string {
	scheme, key, ok := strings.Cut(c.GetHeader("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	key = strings.TrimSpace(key)
	if len(key) > 100 {
		return ""
	}
	return key
}

// requireKey lets a request through with a live API key that carries
// scope, acting as the key's user. The key and its user are read on every
// request, so a revoked key, or a key whose user was removed or lost the
// role the scope needs, stops at once, in every server process.
func (s *Server) requireKey(scope string) gin.HandlerFunc {
	return func(c *gin.Context) {
		k, u, err := s.keyOf(c)
		if err == nil && !k.Has(scope) {
			err = fmt.Errorf("this key does not have the scope %s: %w", scope, survey.ErrForbidden)
		}
		if err == nil && scope == survey.ScopeSurveysWrite && !u.Role.CanEdit() {
			err = fmt.Errorf("the key's user is a %s and cannot change surveys: %w", u.Role, survey.ErrForbidden)
		}
		if err != nil {
			if errors.Is(err, survey.ErrUnauthorized) {
				c.Header("WWW-Authenticate", `Bearer realm="safar"`)
			}
			s.apiError(c, err)
			c.Abort()
			return
		}
		now := s.now()
		if k.LastUsedAt == nil || now.Sub(*k.LastUsedAt) >= keyTouchEvery {
			if err := s.store.TouchAPIKey(c.Request.Context(), k.ID, now); err != nil {
				s.log.Warn("touch API key", "key", k.ID, "err", err)
			}
		}
		c.Set(ctxUser, u)
		c.Header("Cache-Control", "no-store")
		c.Next()
	}
}

// keyOf finds the live key of the request and its user; ErrUnauthorized
// when there is none.
func (s *Server) keyOf(c *gin.Context) (*survey.APIKey, *survey.User, error) {
	raw := bearerKey(c)
	if raw == "" {
		return nil, nil, fmt.Errorf("send an API key: Authorization: Bearer KEY: %w", survey.ErrUnauthorized)
	}
	ctx := c.Request.Context()
	k, err := s.store.APIKeyByToken(ctx, raw)
	if errors.Is(err, survey.ErrNotFound) {
		return nil, nil, fmt.Errorf("unknown or revoked API key: %w", survey.ErrUnauthorized)
	}
	if err != nil {
		return nil, nil, err
	}
	u, err := s.store.UserByID(ctx, k.UserID)
	if errors.Is(err, survey.ErrNotFound) {
		return nil, nil, fmt.Errorf("the key's user no longer exists: %w", survey.ErrUnauthorized)
	}
	if err != nil {
		return nil, nil, err
	}
	if u.Disabled {
		return nil, nil, fmt.Errorf("the key's user is disabled: %w", survey.ErrUnauthorized)
	}
	return k, u, nil
}

// apiSurvey is the survey of the route's :slug, in any status: a key's
// user reads and manages drafts and closed surveys too.
func (s *Server) apiSurvey(c *gin.Context) (*survey.Survey, bool) {
	sv, err := s.store.SurveyBySlug(c.Request.Context(), c.Param("slug"))
	if err != nil {
		s.apiError(c, err)
		return nil, false
	}
	return sv, true
}

// surveyJSON describes a survey in API replies.
type surveyJSON struct {
	Slug      string        `json:"slug"`
	Title     string        `json:"title"`
	Language  string        `json:"language"`
	Status    survey.Status `json:"status"`
	Version   int           `json:"version"`
	Questions int           `json:"questions"`
	PublicURL string        `json:"public_url"`
}

func (s *Server) surveyReply(c *gin.Context, sv *survey.Survey) surveyJSON {
	d := sv.Definition
	return surveyJSON{Slug: sv.Slug, Title: d.Title.String(), Language: d.Language, Status: sv.Status, Version: sv.Version,
		Questions: d.QuestionCount(), PublicURL: s.baseURL(c) + "/s/" + sv.Slug}
}
