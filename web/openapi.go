package web

import (
	_ "embed"
	"net/http"

	"github.com/gin-gonic/gin"
)

// openAPI is the OpenAPI 3.1 description of every /api/v1 route. Tests
// walk the route table against it and validate real replies with its
// schemas, so it cannot drift from the code unnoticed.
//
//go:embed openapi.json
var openAPI []byte

// openAPIDocument serves the API description; it is public, like the
// survey definitions.
func (s *Server) openAPIDocument(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=300")
	c.Data(http.StatusOK, "application/json; charset=utf-8", openAPI)
}
