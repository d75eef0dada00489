package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	gojson "github.com/goccy/go-json"

	"github.com/safarhq/safar/survey"
)

// apiGetSurvey returns a published survey's definition.
func (s *Server) apiGetSurvey(c *gin.Context) {
	sv, err := s.openSurvey(c)
	if err != nil {
		s.apiError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"slug": sv.Slug, "version": sv.Version, "status": sv.Status, "definition": sv.Definition})
}

// submitRequest is the body of POST /api/v1/surveys/{slug}/responses.
type submitRequest struct {
	// Source "offline" marks a phone's offline queue (docs/offline.md):
	// it may finish the web partial response of the same client id.
	Source string `json:"source"`

	ClientID   string                     `json:"client_id"`
	Touchpoint string                     `json:"touchpoint"`
	Language   string                     `json:"language"` // the survey language answered in; the default when empty
	Answers    map[string]json.RawMessage `json:"answers"`
	// Order is what an offline phone showed in a random order
	// (survey.ItemOrder): accepted from source "offline" only, each entry
	// checked by checkShownOrder, and stored instead of the order the
	// server would compute from the client id.
	Order survey.ItemOrder `json:"order"`
}

// apiSubmitResponse stores a complete response. The same client_id again
// returns the first response with 200 instead of storing a second one.
func (s *Server) apiSubmitResponse(c *gin.Context) {
	sv, err := s.submitTarget(c)
	if err != nil {
		s.apiError(c, err)
		return
	}
	// The body is read whole (limitBody caps it), then decoded with
	// goccy/go-json: on the submit path encoding/json's two passes over
	// the bytes cost more than anything but the database write.
	body, err := readBody(c.Request)
	if err != nil {
		var tooBig *http.MaxBytesError
		if !errors.As(err, &tooBig) {
			err = fmt.Errorf("reading the body: %v: %w", err, survey.ErrInvalid)
		}
		s.apiError(c, err)
		return
	}
	var req submitRequest
	if err := decodeSubmit(body, &req); err != nil {
		s.apiError(c, fmt.Errorf("body is not a valid response object: %v: %w", err, survey.ErrInvalid))
		return
	}
	if !validClientID(req.ClientID) {
		s.apiError(c, &survey.ValidationError{Problems: []survey.FieldError{{Field: "client_id", Message: "must be a UUID"}}})
		return
	}
	source := "api"
	switch req.Source {
	case "", "api":
	case survey.SourceOffline:
		source = survey.SourceOffline
	default:
		s.apiError(c, &survey.ValidationError{Problems: []survey.FieldError{{Field: "source", Message: `must be "api" or "offline"`}}})
		return
	}
	// A retry of a stored response is answered by SaveResponse (it
	// changes nothing and returns the stored one), so the common case, a
	// new response, costs no extra query. Only when the answers do not
	// validate (the survey may have changed since) is a stored complete
	// response looked for first.
	d := sv.Definition
	if req.Language == "" {
		req.Language = d.Language
	} else if !d.HasLanguage(req.Language) {
		s.apiError(c, &survey.ValidationError{Problems: []survey.FieldError{{Field: "language",
			Message: fmt.Sprintf("%q is not one of this survey's languages (%s)", req.Language, strings.Join(d.Langs(), ", "))}}})
		return
	}
	if req.Order != nil {
		if source != survey.SourceOffline {
			s.apiError(c, &survey.ValidationError{Problems: []survey.FieldError{{Field: "order",
				Message: `is only accepted with source "offline" (the order a phone showed offline)`}}})
			return
		}
		if err := checkShownOrder(d, req.Order); err != nil {
			s.apiError(c, err)
			return
		}
	}
	if n, max := len(req.Answers), d.QuestionCount(); n > max {
		// One answer per question at most: refuse a flood of made-up keys
		// before decoding them one by one (and listing each in the reply).
		s.apiError(c, &survey.ValidationError{Problems: []survey.FieldError{{Field: "answers",
			Message: fmt.Sprintf("%d answers, but this survey has %d questions", n, max)}}})
		return
	}
	answers, err := d.DecodeAnswers(req.Answers)
	if err == nil {
		err = d.ValidateResponse(answers)
	}
	if err != nil {
		if prev, perr := s.store.ResponseByClientID(c.Request.Context(), sv.ID, req.ClientID); perr == nil {
			switch prev.Status {
			case survey.Complete:
				c.JSON(http.StatusOK, submitReplyOf(prev))
				return
			case survey.OverQuota:
				apiQuotaFull(c, prev)
				return
			}
		}
		s.apiError(c, err)
		return
	}
	r := &survey.Response{
		SurveyID: sv.ID, SurveyVersion: sv.Version, ClientID: req.ClientID, Touchpoint: cleanTouchpoint(req.Touchpoint),
		Status: survey.Complete, Source: "api", StartedAt: s.now().UTC(), Answers: d.Prune(answers), Language: req.Language,
	}
	r.Source = source
	if len(req.Order) > 0 {
		r.Order = req.Order // what the phone showed: replaces a web partial's computed order
	}
	if d.Settings.StoreIP {
		r.IP = c.ClientIP()
	}
	r.Quotas = d.QuotasOf(r.Answers, r.Touchpoint) // counted, or refused, by the store
	stored, created, err := s.store.SaveResponse(c.Request.Context(), r)
	if err != nil {
		s.apiError(c, err)
		return
	}
	if stored.Status == survey.OverQuota {
		apiQuotaFull(c, stored)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	c.JSON(status, submitReplyOf(stored))
}

// decodeSubmit decodes a submit body, refusing unknown fields. JSON is
// UTF-8 (RFC 8259), and goccy/go-json's stream decoder can index past its
// buffer on long runs of invalid UTF-8 (goccy/go-json#424, #609, open in
// v0.10.5): such a body is refused before decoding, and a panic of the
// decoder on anything else is a refused body too, never a 500.
func decodeSubmit(body []byte, req *submitRequest) (err error) {
	if !utf8.Valid(body) {
		return errors.New("the body is not UTF-8")
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the body cannot be decoded (%v)", p)
		}
	}()
	dec := gojson.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	return dec.Decode(req)
}

// checkShownOrder checks an offline phone's order (docs/offline.md): each
// key one d records (survey.OrderKeys: a randomised page or question), its
// items a permutation of that page's question ids or that question's
// option values ("other" included) or matrix statements. Keys of pages
// the respondent never saw may be missing.
func checkShownOrder(d *survey.Definition, o survey.ItemOrder) error {
	want := map[string][]string{}
	for pi := range d.Pages {
		page := &d.Pages[pi]
		if page.Randomize {
			ids := make([]string, len(page.Questions))
			for i, q := range page.Questions {
				ids[i] = q.ID
			}
			want[survey.PageOrderKey(pi)] = ids
		}
		for qi := range page.Questions {
			q := &page.Questions[qi]
			if !q.Randomize {
				continue
			}
			var vals []string
			for _, it := range q.ItemsInOrder("") {
				vals = append(vals, it.Value)
			}
			if q.Other { // as OrderFor records it
				vals = append(vals, survey.OtherValue)
			}
			want[q.ID] = vals
		}
	}
	var problems []survey.FieldError
	for _, k := range slices.Sorted(maps.Keys(o)) {
		items, ok := want[k]
		if !ok {
			problems = append(problems, survey.FieldError{Field: "order." + k,
				Message: "is not a page or question this survey shows in a random order"})
			continue
		}
		if !isPermutation(o[k], items) {
			problems = append(problems, survey.FieldError{Field: "order." + k,
				Message: fmt.Sprintf("must hold each of %s once, in the order shown", strings.Join(items, ", "))})
		}
	}
	if len(problems) > 0 {
		return &survey.ValidationError{Problems: problems}
	}
	return nil
}

// isPermutation reports whether got holds exactly the items of want, each
// once, in any order.
func isPermutation(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	left := make(map[string]int, len(want))
	for _, w := range want {
		left[w]++
	}
	for _, g := range got {
		if left[g] == 0 {
			return false
		}
		left[g]--
	}
	return true
}

// readBody reads a request body whole, sized by its Content-Length when
// it has one.
func readBody(r *http.Request) ([]byte, error) {
	if r.ContentLength > 0 && r.ContentLength < 1<<20 {
		b := make([]byte, r.ContentLength)
		n, err := io.ReadFull(r.Body, b)
		if err != nil {
			return nil, err
		}
		return b[:n], nil
	}
	return io.ReadAll(r.Body)
}

// submitReply acknowledges a submission. It does not echo the answers: the
// phone has them, and on a slow network every byte of the reply counts.
type submitReply struct {
	ID          string                `json:"id"`
	ClientID    string                `json:"client_id"`
	Status      survey.ResponseStatus `json:"status"`
	Touchpoint  string                `json:"touchpoint"`
	StartedAt   time.Time             `json:"started_at"`
	CompletedAt *time.Time            `json:"completed_at"`
	Language    string                `json:"language,omitempty"`
}

func submitReplyOf(r *survey.Response) submitReply {
	return submitReply{ID: r.ID, ClientID: r.ClientID, Status: r.Status, Touchpoint: r.Touchpoint, StartedAt: r.StartedAt, CompletedAt: r.CompletedAt, Language: r.Language}
}

// responseJSON is a response as the API shows it; "order" (what the
// respondent saw in a random order, survey.ItemOrder) only when there is one.
func responseJSON(r *survey.Response) gin.H {
	h := gin.H{
		"id": r.ID, "client_id": r.ClientID, "status": r.Status, "touchpoint": r.Touchpoint,
		"started_at": r.StartedAt, "completed_at": r.CompletedAt, "answers": r.Answers,
	}
	if len(r.Order) > 0 {
		h["order"] = r.Order
	}
	if r.Quota != "" {
		h["quota"] = r.Quota // the full quota that turned an over_quota response away
	}
	if r.Language != "" {
		h["language"] = r.Language
	}
	return h
}
