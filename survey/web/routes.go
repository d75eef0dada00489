package web

import "github.com/gin-gonic/gin"

// routes is the one route table of the application.
func (s *Server) routes(r *gin.Engine) {
	r.Use(s.recoverPanics, s.logRequests, securityHeaders, s.limitBody)
	r.NoRoute(s.notFound)

	r.GET("/healthz", s.healthz)
	r.GET("/static/*file", s.assets.serve)

	// Respondent pages: no login, one page of questions at a time.
	r.GET("/s/:slug", s.showSurveyPage)
	r.POST("/s/:slug", s.submitSurveyPage)
	r.GET("/s/:slug/r/:rid", s.resumeSurvey)
	r.GET("/s/:slug/thanks", s.showThanks)

	// JSON API for integrations.
	api := r.Group("/api/v1")
	api.GET("/surveys/:slug", s.apiGetSurvey)
	api.POST("/surveys/:slug/responses", s.apiSubmitResponse)
}
