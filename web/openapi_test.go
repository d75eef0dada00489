package web_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/safarhq/safar/web"
)

// apiDoc is the served OpenAPI document, with its schemas compiled by a
// JSON Schema 2020-12 validator (OpenAPI 3.1's schema dialect).
type apiDoc struct {
	Paths map[string]map[string]struct {
		OperationID string                     `json:"operationId"`
		Security    []map[string][]string      `json:"security"`
		Responses   map[string]json.RawMessage `json:"responses"`
	} `json:"paths"`
	Components struct {
		SecuritySchemes map[string]any `json:"securitySchemes"`
	} `json:"components"`
	compiler *jsonschema.Compiler
	schemas  map[string]*jsonschema.Schema
}

const docURL = "https://safar.test/api/v1/openapi.json"

// loadAPIDoc fetches GET /api/v1/openapi.json from h, with no key.
func loadAPIDoc(t *testing.T, h http.Handler) *apiDoc {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/openapi.json", nil))
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("openapi.json: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	var d apiDoc
	if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	d.compiler = jsonschema.NewCompiler()
	d.compiler.DefaultDraft(jsonschema.Draft2020)
	if err := d.compiler.AddResource(docURL, raw); err != nil {
		t.Fatal(err)
	}
	d.schemas = map[string]*jsonschema.Schema{}
	return &d
}

// template finds the documented path that a request path matches.
func (d *apiDoc) template(path string) (string, bool) {
	path, _, _ = strings.Cut(strings.TrimPrefix(path, "/api/v1"), "?")
	got := strings.Split(strings.TrimPrefix(path, "/"), "/")
	for tpl := range d.Paths {
		want := strings.Split(strings.TrimPrefix(tpl, "/"), "/")
		if len(want) != len(got) {
			continue
		}
		match := true
		for i := range want {
			if !strings.HasPrefix(want[i], "{") && want[i] != got[i] || got[i] == "" {
				match = false
				break
			}
		}
		if match {
			return tpl, true
		}
	}
	return "", false
}

// check validates a reply against the schema the document gives for its
// route, method and status; an undocumented route or status fails.
func (d *apiDoc) check(t *testing.T, method, path string, status int, body []byte) {
	t.Helper()
	tpl, ok := d.template(path)
	if !ok {
		t.Errorf("%s %s: no documented path matches", method, path)
		return
	}
	m := strings.ToLower(method)
	op, ok := d.Paths[tpl][m]
	if !ok {
		t.Errorf("%s %s: %s not documented for %s", method, path, method, tpl)
		return
	}
	code := strconv.Itoa(status)
	if _, ok := op.Responses[code]; !ok {
		t.Errorf("%s %s: status %d not documented (body %.300s)", method, path, status, body)
		return
	}
	ptr := "#/paths/" + strings.ReplaceAll(tpl, "/", "~1") + "/" + m + "/responses/" + code + "/content/application~1json/schema"
	sch, ok := d.schemas[ptr]
	if !ok {
		var err error
		if sch, err = d.compiler.Compile(docURL + ptr); err != nil {
			t.Fatalf("compile %s: %v", ptr, err)
		}
		d.schemas[ptr] = sch
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Errorf("%s %s: %d reply is not JSON: %.300s", method, path, status, body)
		return
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("%s %s: %d reply does not match the document:\n%v\nbody: %.500s", method, path, status, err, body)
	}
}

// apiRoutes are the /api/v1 routes of the engine, as OpenAPI paths.
func apiRoutes(srv *web.Server) map[string]bool {
	out := map[string]bool{}
	for _, r := range srv.Routes() {
		rest, ok := strings.CutPrefix(r.Path, "/api/v1/")
		if !ok {
			continue
		}
		segs := strings.Split(rest, "/")
		for i, s := range segs {
			if p, ok := strings.CutPrefix(s, ":"); ok {
				segs[i] = "{" + p + "}"
			}
		}
		out[strings.ToLower(r.Method)+" /"+strings.Join(segs, "/")] = true
	}
	return out
}

func TestOpenAPIDescribesEveryAPIRoute(t *testing.T) {
	w := newWorkspace(t)
	h := w.srv.Handler()
	doc := loadAPIDoc(t, h)
	routes := apiRoutes(w.srv)
	if len(routes) < 8 {
		t.Fatalf("only %d /api/v1 routes in the engine: %v", len(routes), routes)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			key := method + " " + path
			documented[key] = true
			if !routes[key] {
				t.Errorf("documented but not served: %s", key)
			}
			if op.OperationID == "" {
				t.Errorf("%s: no operationId", key)
			}
			for code, resp := range op.Responses {
				if !bytes.Contains(resp, []byte(`"application/json"`)) {
					t.Errorf("%s %s: no JSON schema", key, code)
				}
			}
			// A keyed route documents its scope, 401 and 403.
			for _, req := range op.Security {
				for scheme, scopes := range req {
					if doc.Components.SecuritySchemes[scheme] == nil || len(scopes) != 1 {
						t.Errorf("%s: security %s %v", key, scheme, scopes)
					}
				}
				for _, code := range []string{"401", "403"} {
					if _, ok := op.Responses[code]; !ok {
						t.Errorf("%s: needs a key but does not document %s", key, code)
					}
				}
			}
		}
	}
	var missing []string
	for r := range routes {
		if !documented[r] {
			missing = append(missing, r)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("served but not in openapi.json: %v", missing)
	}
	// The keyed routes are exactly the new ones; the respondents' stay open.
	var keyed []string
	for path, ops := range doc.Paths {
		for method, op := range ops {
			if len(op.Security) > 0 {
				keyed = append(keyed, method+" "+path)
			}
		}
	}
	sort.Strings(keyed)
	want := []string{"get /surveys/{slug}/responses", "get /surveys/{slug}/responses/{id}", "post /projects/{name}/surveys",
		"post /surveys/{slug}/status", "put /surveys/{slug}/definition"}
	if !slices.Equal(keyed, want) {
		t.Errorf("keyed routes %v, want %v", keyed, want)
	}
}
