package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

type projectsPage struct {
	Projects     []*survey.Project
	ShowArchived bool
}

// showProjectsPage lists the projects (archived ones on request).
func (s *Server) showProjectsPage(c *gin.Context) {
	all := c.Query("archived") == "1"
	ps, err := s.store.Projects(c.Request.Context(), all)
	if err != nil {
		s.appError(c, err)
		return
	}
	s.renderApp(c, http.StatusOK, nil, "projects", "projects_title", projectsPage{Projects: ps, ShowArchived: all})
}

type projectFormPage struct {
	Project     *survey.Project
	New         bool
	Touchpoints string // one per line
	Errors      map[string]string
}

// showNewProjectPage shows an empty project form.
func (s *Server) showNewProjectPage(c *gin.Context) {
	p := &survey.Project{Stages: survey.DefaultStages()}
	s.renderApp(c, http.StatusOK, nil, "project_form", "project_new_title", projectFormPage{Project: p, New: true})
}

// projectFromForm reads the project form's fields into p.
func projectFromForm(c *gin.Context, p *survey.Project) {
	p.Title = strings.TrimSpace(c.PostForm("title"))
	p.Description = strings.TrimSpace(c.PostForm("description"))
	p.Touchpoints = strings.Split(strings.ReplaceAll(c.PostForm("touchpoints"), "\r", ""), "\n")
	p.Stages = survey.DefaultStages()
	for i := range p.Stages {
		p.Stages[i].Name = c.PostForm("stage_" + string(p.Stages[i].Stage))
	}
}

// createProject stores a new project.
func (s *Server) createProject(c *gin.Context) {
	p := &survey.Project{Name: c.PostForm("name")}
	projectFromForm(c, p)
	if err := s.store.CreateProject(c.Request.Context(), p); err != nil {
		s.projectFormError(c, p, true, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/app/projects/"+strconv.FormatInt(p.ID, 10))
}

func (s *Server) projectFormError(c *gin.Context, p *survey.Project, isNew bool, err error) {
	errs := fieldErrors(err)
	if errs == nil && statusOf(err) == http.StatusConflict {
		errs = map[string]string{"name": "taken"}
	}
	if errs == nil {
		s.appError(c, err)
		return
	}
	title := "project_edit_title"
	if isNew {
		title = "project_new_title"
	}
	s.renderApp(c, http.StatusUnprocessableEntity, nil, "project_form", title,
		projectFormPage{Project: p, New: isNew, Touchpoints: strings.Join(p.Touchpoints, "\n"), Errors: errs})
}

// projectParam loads the project named by :pid.
func (s *Server) projectParam(c *gin.Context) (*survey.Project, bool) {
	id, err := strconv.ParseInt(c.Param("pid"), 10, 64)
	if err != nil {
		s.appError(c, survey.ErrNotFound)
		return nil, false
	}
	p, err := s.store.ProjectByID(c.Request.Context(), id)
	if err != nil {
		s.appError(c, err)
		return nil, false
	}
	return p, true
}

// showEditProjectPage shows the project form filled in.
func (s *Server) showEditProjectPage(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	s.renderApp(c, http.StatusOK, nil, "project_form", "project_edit_title",
		projectFormPage{Project: p, Touchpoints: strings.Join(p.Touchpoints, "\n")})
}

// updateProject saves the project form.
func (s *Server) updateProject(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	projectFromForm(c, p)
	if err := s.store.UpdateProject(c.Request.Context(), p); err != nil {
		s.projectFormError(c, p, false, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/app/projects/"+strconv.FormatInt(p.ID, 10))
}

// archiveProject archives (archived=1) or restores (archived=0) a project.
func (s *Server) archiveProject(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	if err := s.store.SetProjectArchived(c.Request.Context(), p.ID, c.PostForm("archived") == "1"); err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/app/projects/"+strconv.FormatInt(p.ID, 10))
}

type surveyRow struct {
	Survey      *survey.Survey
	Responses   int
	Complete    int
	Touchpoints []survey.TouchpointCount
}

type projectPage struct {
	Project *survey.Project
	Surveys []surveyRow
	Import  importForm
}

// showProjectPage is a project's overview: its surveys with response
// counts by touchpoint.
func (s *Server) showProjectPage(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	s.renderProjectPage(c, http.StatusOK, p, importForm{})
}

func (s *Server) renderProjectPage(c *gin.Context, status int, p *survey.Project, imp importForm) {
	svs, err := s.store.Surveys(c.Request.Context(), p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	page := projectPage{Project: p, Import: imp}
	for _, sv := range svs {
		tc, err := s.store.TouchpointCounts(c.Request.Context(), sv.ID)
		if err != nil {
			s.appError(c, err)
			return
		}
		row := surveyRow{Survey: sv, Touchpoints: tc}
		for _, t := range tc {
			row.Responses += t.Responses
			row.Complete += t.Complete
		}
		page.Surveys = append(page.Surveys, row)
	}
	s.renderApp(c, status, nil, "project", "project_title", page)
}
