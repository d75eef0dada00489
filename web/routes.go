package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// answerHead answers HEAD on every GET route of the table as GET without
// the body: load balancers and uptime checks probe with HEAD, and gin
// routes HEAD only to routes registered for HEAD.
func answerHead(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodHead {
			h.ServeHTTP(w, r)
			return
		}
		get := r.Clone(r.Context())
		get.Method = http.MethodGet
		h.ServeHTTP(headWriter{w}, get)
	})
}

// headWriter keeps a GET handler's status and headers and drops its body.
type headWriter struct{ http.ResponseWriter }

func (headWriter) Write(b []byte) (int, error)   { return len(b), nil }
func (w headWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// routes is the one route table of the application.
func (s *Server) routes(r *gin.Engine) {
	r.Use(s.recoverPanics, s.logRequests, securityHeaders, s.limitBody, s.warnUntrustedForwarded)
	r.Use(s.limitSubmissions) // POST /s/:slug and the submit API only (ratelimit.go)
	r.NoRoute(s.notFound)

	r.GET("/healthz", s.healthz)
	r.GET("/static/*file", s.assets.serve)

	// Respondent pages: no login, one page of questions at a time.
	r.GET("/s/:slug", s.showSurveyPage)
	r.POST("/s/:slug", s.submitSurveyPage)
	r.GET("/s/:slug/r/:rid", s.resumeSurvey)
	r.GET("/s/:slug/thanks", s.showThanks)
	r.GET("/s/:slug/offline.json", s.showOfflineBundle) // offline.go
	r.GET("/s/sw.js", s.serviceWorker)

	// JSON API for integrations.
	api := r.Group("/api/v1")
	api.GET("/surveys/:slug", s.apiGetSurvey)
	api.POST("/surveys/:slug/responses", s.apiSubmitResponse)
	// API keys (api_auth.go, api_responses.go, api_surveys.go): a bearer
	// key acts as its user, within its scopes; the document describes
	// every /api/v1 route (openapi.go).
	api.GET("/openapi.json", s.openAPIDocument)
	read := api.Group("", s.requireKey(survey.ScopeResponsesRead))
	read.GET("/surveys/:slug/responses", s.apiListResponses)
	read.GET("/surveys/:slug/responses/:id", s.apiGetResponse)
	write := api.Group("", s.requireKey(survey.ScopeSurveysWrite))
	write.POST("/projects/:name/surveys", s.apiCreateSurvey)
	write.PUT("/surveys/:slug/definition", s.apiPutDefinition)
	write.POST("/surveys/:slug/status", s.apiSetStatus)

	// Researcher workspace (auth.go): every route under /app needs a
	// session, every state-changing one the session's CSRF token, and every
	// one that changes research data the editor role (viewers only read).
	r.GET("/", s.redirectHome)
	r.GET("/login", s.showLoginPage)
	r.POST("/login", s.login)
	r.GET("/setup", s.showSetupPage)
	r.POST("/setup", s.completeSetup)
	r.GET("/app", s.redirectToProjects)

	app := r.Group("/app", s.requireUser, s.requireCSRF)
	app.POST("/logout", s.logout)
	app.GET("/account", s.showAccountPage)
	app.POST("/account", s.updateAccount)
	app.POST("/account/password", s.changePassword)
	app.POST("/account/keys", s.createAPIKey)             // account_keys.go
	app.POST("/account/keys/:kid/revoke", s.revokeAPIKey) // any role: a key never exceeds its user
	app.GET("/users", s.requireAdmin, s.showUsersPage)
	app.POST("/users", s.requireAdmin, s.createUser)
	app.POST("/users/:uid/role", s.requireAdmin, s.changeUserRole)
	app.POST("/users/:uid/disable", s.requireAdmin, s.disableUser)
	app.POST("/users/:uid/delete", s.requireAdmin, s.deleteUser)

	app.GET("/projects", s.showProjectsPage)
	app.GET("/projects/:pid", s.showProjectPage)
	app.GET("/surveys/:slug", s.showSurveyAdminPage)
	app.GET("/surveys/:slug/definition.json", s.exportDefinition)
	app.GET("/surveys/:slug/links", s.showDistributionPage)
	app.GET("/surveys/:slug/qr.png", s.qrPNG)
	app.GET("/surveys/:slug/qr.svg", s.qrSVG)
	app.GET("/surveys/:slug/responses", s.showResponsesPage)
	app.GET("/surveys/:slug/export.csv", s.exportResponsesCSV)
	app.GET("/surveys/:slug/export.sav", s.exportResponsesSAV)
	app.GET("/surveys/:slug/export-triple-s.zip", s.exportResponsesTripleS)
	app.GET("/surveys/:slug/responses/:rid", s.showResponsePage)
	app.GET("/surveys/:slug/responses/:rid/export.json", s.exportResponseJSON)
	app.GET("/surveys/:slug/dashboard", s.showDashboard)
	// Interviews, transcripts, coding (transcripts.go, speakers.go,
	// interview_notes.go, codebook.go, open_answers.go, suggestions.go).
	app.GET("/projects/:pid/transcripts", s.showTranscriptsPage)
	app.GET("/projects/:pid/transcripts/:tid", s.showTranscriptPage)
	app.GET("/projects/:pid/codes", s.showCodebookPage)
	app.GET("/projects/:pid/codes/:cid", s.showCodedPassagesPage)
	app.GET("/projects/:pid/coded.csv", s.exportCodedPassages)
	app.GET("/projects/:pid/answers", s.showOpenAnswersPage)
	app.GET("/projects/:pid/search", s.showSearchPage)
	app.GET("/projects/:pid/suggestions", s.showSuggestionsPage)
	app.GET("/projects/:pid/assist", s.showAssistPage)            // assist.go
	app.GET("/projects/:pid/agreement", s.showCoderAgreementPage) // coder_agreement.go
	app.GET("/projects/:pid/export.qdpx", s.exportQDPX)           // qdpx.go
	app.GET("/projects/:pid/codebook.qdc", s.exportQDC)

	edit := app.Group("", s.requireEditor)
	edit.GET("/projects/new", s.showNewProjectPage)
	edit.POST("/projects", s.createProject)
	edit.GET("/projects/:pid/edit", s.showEditProjectPage)
	edit.POST("/projects/:pid", s.updateProject)
	edit.POST("/projects/:pid/archive", s.archiveProject)
	edit.POST("/projects/:pid/surveys", s.importSurvey)
	edit.POST("/surveys/:slug/status", s.setSurveyStatus)
	edit.POST("/surveys/:slug/schedule", s.setSurveySchedule)
	edit.POST("/surveys/:slug/definition", s.updateDefinition)
	edit.GET("/projects/:pid/surveys/new", s.showNewSurveyBuilder)
	edit.POST("/projects/:pid/builder", s.newSurveyBuilderAction)
	edit.GET("/surveys/:slug/builder", s.showSurveyBuilder)
	edit.POST("/surveys/:slug/builder", s.surveyBuilderAction)
	edit.GET("/surveys/:slug/builder/preview", s.showSavedPreview)
	edit.GET("/surveys/:slug/responses/:rid/delete", s.showDeleteResponsePage)
	edit.POST("/surveys/:slug/responses/:rid/delete", s.deleteResponse)

	// Analysis of a survey or a whole project (analysis_*.go): viewers
	// read and download the stored result; editors run and correct it.
	for _, base := range []string{"/surveys/:slug/analysis", "/projects/:pid/analysis"} {
		app.GET(base, s.redirectToPainPoints)
		app.GET(base+"/status.json", s.analysisStatus)
		app.GET(base+"/painpoints", s.showPainPointsPage)
		app.GET(base+"/personas", s.showPersonasPage)
		app.GET(base+"/journey", s.showJourneyPage)
		app.GET(base+"/touchpoints", s.showTouchpointsPage)
		app.GET(base+"/report", s.showReportPage)
		app.POST(base+"/report", s.prepareReport) // viewers too: it changes no research data
		app.GET(base+"/report/:job/status.json", s.reportStatus)
		app.GET(base+"/report/:job/file.xlsx", s.downloadReport)
		edit.POST(base+"/run", s.runAnalysis)
		edit.POST(base+"/painpoints/correct", s.correctPainPoints)
		edit.POST(base+"/personas", s.savePersonaSettings)
	}
	edit.POST("/projects/:pid/transcripts", s.uploadTranscript) // body limit: raiseUploadLimit
	edit.GET("/projects/:pid/transcripts/:tid/edit", s.showSpeakersPage)
	edit.POST("/projects/:pid/transcripts/:tid/speakers", s.mapSpeakers)
	edit.POST("/projects/:pid/participants", s.createParticipant)
	edit.GET("/projects/:pid/interviews/new", s.showInterviewForm)
	edit.POST("/projects/:pid/interviews", s.saveInterview)
	edit.POST("/projects/:pid/interviews/draft", s.saveInterviewDraft)
	edit.POST("/projects/:pid/codes", s.createCode)
	edit.POST("/projects/:pid/codes/:cid", s.updateCode)
	edit.POST("/projects/:pid/codes/:cid/merge", s.mergeCode)
	edit.POST("/projects/:pid/codings", s.applyCode)
	edit.POST("/projects/:pid/codings/:kid/delete", s.removeCoding)
	edit.POST("/projects/:pid/suggestions", s.decideSuggestion)
	edit.POST("/projects/:pid/assist", s.decideAssist)
	edit.POST("/projects/:pid/assist/accept-all", s.acceptAssistBulk)
	edit.POST("/projects/:pid/qdpx/import", s.importQDPX) // qdpx.go; body limit: raiseQDPXLimit

	// Webhooks (webhooks.go): editors only, since they show secrets.
	edit.GET("/projects/:pid/webhooks", s.showWebhooksPage)
	edit.POST("/projects/:pid/webhooks", s.createWebhook)
	edit.GET("/projects/:pid/webhooks/:wid", s.showWebhookPage)
	edit.POST("/projects/:pid/webhooks/:wid/delete", s.deleteWebhook)
	edit.POST("/projects/:pid/webhooks/:wid/messages/:mid/replay", s.replayWebhookMessage)
}
