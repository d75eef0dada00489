package web

import (
	"context"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestOpenAPIDocumentIsValid checks the document's structure with
// kin-openapi, independently of this package's own reading of it: required
// fields (a response without a description fails), references that
// resolve, well-formed schemas and parameters. kin-openapi v0.153 reads a
// 3.1 document with 3.0 rules plus type arrays, which is all this one uses.
func TestOpenAPIDocumentIsValid(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData(openAPI)
	if err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi %q, want 3.1.x", doc.OpenAPI)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatal(err)
	}
}
