package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
)

// `safar loadtest submit` posts complete responses to the JSON API as many
// phones would: each request a new respondent (a fresh random client id)
// with valid answers built from the survey's own definition. It shares the
// get mode's options, loopback check, raw HTTP/1.1 round trip and report
// (loadtest.go), but runs its own loop, because it must remember which
// client ids the server acknowledged: with --verify it then opens the
// database and checks that every acknowledged response is stored exactly
// once, with all its answers.
//
// It is registered as its own command rather than through registerLoadMode
// because a mode there cannot act after the run; the loop is runLoad's.

func init() {
	register(command{name: "loadtest submit", summary: "load run: POST complete survey responses to the JSON API (--verify checks the database)", run: runLoadSubmit})
}

type submitLoadOptions struct {
	loadOptions
	slug    string
	verify  bool
	db      string
	variety int
}

func runLoadSubmit(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "loadtest submit", "--url http://127.0.0.1:PORT --survey SLUG [--duration 10s] [--concurrency 50] [--max-requests N] [--verify --db ...]")
	var o submitLoadOptions
	rawURL := fs.String("url", "http://127.0.0.1:8080", "server base URL on a loopback address (127.0.0.1, ::1, localhost)")
	fs.StringVar(&o.slug, "survey", "", "slug of a published survey (required)")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "measure for this long (at most 5m)")
	fs.Int64Var(&o.requests, "max-requests", 2_000_000, "stop after this many measured requests (at most 10,000,000)")
	fs.IntVar(&o.concurrency, "concurrency", 50, "connections, each with one request in flight (1..1000)")
	fs.DurationVar(&o.warmup, "warmup", time.Second, "run this long before measuring (not counted; its responses are verified too)")
	fs.BoolVar(&o.json, "json", false, "print the result as JSON")
	fs.BoolVar(&o.verify, "verify", false, "afterwards, check in the database that every acknowledged response is stored exactly once")
	dsn := dbFlag(fs, env)
	fs.IntVar(&o.variety, "variety", 64, "distinct answer sets to cycle through (1..10000)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	o.db = *dsn
	if o.slug == "" || !survey.ValidSlug(o.slug) {
		return fmt.Errorf("--survey: want the slug of a published survey, got %q", o.slug)
	}
	if o.variety < 1 || o.variety > 10000 {
		return fmt.Errorf("--variety: want 1..10000, got %d", o.variety)
	}
	if err := o.check(*rawURL); err != nil {
		return err
	}
	def, err := fetchDefinition(ctx, o.url.Scheme+"://"+o.url.Host, o.slug)
	if err != nil {
		return err
	}
	bodies, rows, err := submitBodies(def, o.variety)
	if err != nil {
		return err
	}
	o.url.Path, o.url.RawQuery = "/api/v1/surveys/"+o.slug+"/responses", ""
	res, tags, err := runLoad(ctx, &o.loadOptions, submitTarget(&o, bodies))
	if err != nil {
		return err
	}
	acked := make([]ackedResponse, len(tags))
	for i, t := range tags {
		acked[i] = t.(ackedResponse)
	}
	var ver *submitVerification
	if o.verify {
		if ver, err = verifySubmitted(ctx, o.db, o.slug, acked, rows); err != nil {
			return err
		}
	}
	if o.json {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			*loadResult
			Verify *submitVerification `json:"verify,omitempty"`
		}{res, ver}); err != nil {
			return err
		}
	} else {
		res.print(env.stdout)
		if ver != nil {
			ver.print(env.stdout)
		}
	}
	switch {
	case ver != nil && !ver.OK():
		return fmt.Errorf("verify: %d acknowledged responses missing, %d stored more than once, %d incomplete", ver.Missing, ver.Duplicated, ver.Incomplete)
	case res.Failed > 0:
		return fmt.Errorf("%d of %d requests failed", res.Failed, res.Requests)
	}
	return nil
}

// fetchDefinition reads a survey's definition from GET /api/v1/surveys/{slug}.
func fetchDefinition(ctx context.Context, base, slug string) (*survey.Definition, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/v1/surveys/"+slug, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch survey %q: %w", slug, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return nil, fmt.Errorf("fetch survey %q: %w", slug, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch survey %q: %s: %s", slug, resp.Status, bytes.TrimSpace(body))
	}
	var out struct {
		Definition json.RawMessage `json:"definition"`
	}
	if err := json.Unmarshal(body, &out); err != nil {
		return nil, fmt.Errorf("fetch survey %q: %w", slug, err)
	}
	d, err := survey.ParseDefinition(out.Definition)
	if err != nil {
		return nil, fmt.Errorf("survey %q: %w", slug, err)
	}
	return d, nil
}

// submitBodies builds n different valid answer sets for d, as JSON objects
// with a %s where the client id goes, and the answer values each stores.
func submitBodies(d *survey.Definition, n int) ([]string, []int, error) {
	rng := rand.New(rand.NewPCG(1, 2))
	bodies := make([]string, n)
	rows := make([]int, n)
	for i := range bodies {
		a := sampleAnswers(d, rng)
		if err := d.ValidateResponse(a); err != nil {
			return nil, nil, fmt.Errorf("cannot build a valid response for this survey: %w", err)
		}
		b, err := json.Marshal(a)
		if err != nil {
			return nil, nil, err
		}
		// The client id is spliced in per request; % in answers is escaped.
		bodies[i] = `{"client_id":"%s","touchpoint":"loadtest","answers":` + string(bytes.ReplaceAll(b, []byte("%"), []byte("%%"))) + "}"
		rows[i] = gormstore.AnswerValueCount(d.Prune(a))
	}
	return bodies, rows, nil
}

// sampleAnswers answers every question the earlier answers leave visible.
func sampleAnswers(d *survey.Definition, rng *rand.Rand) survey.Answers {
	a := survey.Answers{}
	texts := []string{"Delivery was late and support did not answer", "ارسال خیلی دیر رسید و پشتیبانی جواب نداد", "All good", "The app crashed at checkout"}
	for _, q := range d.Questions() {
		if !q.Visible(a) {
			continue
		}
		var v survey.Value
		switch q.Type {
		case survey.Single, survey.Dropdown:
			if len(q.Options) > 0 {
				v.Choice = q.Options[rng.IntN(len(q.Options))].Value
			}
		case survey.Multiple:
			for _, o := range q.Options {
				if rng.IntN(2) == 0 || len(v.Choices) == 0 {
					v.Choices = append(v.Choices, o.Value)
				}
			}
		case survey.Likert, survey.Rating, survey.NPS:
			lo, n := q.ScalePoints()
			v = survey.NumberValue(float64(lo + rng.IntN(n)))
		case survey.Number:
			lo, hi := 0.0, 100.0
			if q.Min != nil {
				lo = *q.Min
			}
			if q.Max != nil {
				hi = *q.Max
			}
			v = survey.NumberValue(float64(int(lo + (hi-lo)*rng.Float64())))
			if *v.Number < lo {
				v = survey.NumberValue(lo)
			}
		case survey.ShortText, survey.LongText:
			v.Text = texts[rng.IntN(len(texts))]
			if r := []rune(v.Text); len(r) > q.TextLimit() {
				v.Text = string(r[:q.TextLimit()])
			}
		case survey.Date:
			v.Text = time.Date(2025, 1, 1+rng.IntN(300), 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		case survey.Matrix:
			_, n := q.ScalePoints()
			v.Matrix = map[string]int{}
			for _, s := range q.Statements {
				v.Matrix[s.Value] = 1 + rng.IntN(n)
			}
		}
		if v.Choice == survey.OtherValue || slices.Contains(v.Choices, survey.OtherValue) {
			v.Other = "Something else"
		}
		if !v.IsEmpty() {
			a[q.ID] = v
		}
	}
	return a
}

type ackedResponse struct {
	clientID string
	body     int // index into the bodies
}

// submitTarget posts the bodies in turn, each with a fresh random client
// id (a new respondent), and tags each request with that id.
func submitTarget(o *submitLoadOptions, bodies []string) loadTarget {
	head := fmt.Sprintf("POST %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: safar-loadtest\r\nContent-Type: application/json\r\nAccept: application/json\r\n", o.url.RequestURI(), o.url.Host)
	var next atomic.Int64
	return loadTarget{
		request: func(int64) ([]byte, any) {
			bi := int((next.Add(1) - 1) % int64(len(bodies)))
			clientID := uuid.NewString()
			body := fmt.Sprintf(bodies[bi], clientID)
			req := make([]byte, 0, len(head)+len(body)+32)
			req = append(req, head...)
			req = append(req, "Content-Length: "...)
			req = strconv.AppendInt(req, int64(len(body)), 10)
			req = append(req, "\r\n\r\n"...)
			req = append(req, body...)
			return req, ackedResponse{clientID, bi}
		},
		ok: func(status int) bool { return status >= 200 && status < 300 },
	}
}

// submitVerification is what --verify found.
type submitVerification struct {
	Acknowledged int `json:"acknowledged"`
	Stored       int `json:"stored"`
	Missing      int `json:"missing"`
	Duplicated   int `json:"duplicated"`
	Incomplete   int `json:"incomplete"` // stored with fewer or more answer values than sent
}

func (v *submitVerification) OK() bool {
	return v.Missing == 0 && v.Duplicated == 0 && v.Incomplete == 0
}

func (v *submitVerification) print(w io.Writer) {
	verdict := "ok: every acknowledged response is stored exactly once, with all its answers"
	if !v.OK() {
		verdict = "FAILED"
	}
	fmt.Fprintf(w, "  verify    %d acknowledged, %d stored, %d missing, %d duplicated, %d incomplete: %s\n",
		v.Acknowledged, v.Stored, v.Missing, v.Duplicated, v.Incomplete, verdict)
}

func verifySubmitted(ctx context.Context, dsn, slug string, acked []ackedResponse, rows []int) (*submitVerification, error) {
	store, err := openStore(ctx, dsn, false)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	defer store.Close()
	sv, err := store.SurveyBySlug(ctx, slug)
	if err != nil {
		return nil, fmt.Errorf("verify: survey %q in %s: %w", slug, redactDSN(dsn), err)
	}
	ids := make([]string, len(acked))
	for i, a := range acked {
		ids[i] = a.clientID
	}
	got, err := store.CountClientIDs(ctx, sv.ID, ids)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	v := &submitVerification{Acknowledged: len(acked)}
	for _, a := range acked {
		c, ok := got[a.clientID]
		switch {
		case !ok:
			v.Missing++
		case c.Responses > 1:
			v.Duplicated++
		case c.AnswerValues != rows[a.body]:
			v.Incomplete++
		}
		if ok {
			v.Stored++
		}
	}
	return v, nil
}
