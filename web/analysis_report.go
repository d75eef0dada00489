package web

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/report/studyreport"
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
)

// reportSection is the report page (viewers may use it): a form that
// prepares the workbook in a language, the progress of the job the form
// started, and its download once it is ready.
type reportSection struct {
	Lang string // the language offered first: the user's
	Job  *reportJobView
}

type reportJobView struct {
	ID, Lang            string
	Percent, Done, Rows int
	Step                string // what the job is doing, with its counts
	Active, Failed      bool
	KB                  int
}

func (s *Server) showReportPage(c *gin.Context) {
	s.analysisHandler("report", "an_report_title", s.buildReportSection)(c)
}

func (s *Server) buildReportSection(c *gin.Context, p *analysisPage, lang string) error {
	sec := &reportSection{Lang: lang}
	p.Report = sec
	if j, ok := s.reports.get(p.A.Key, c.Query("job")); ok {
		finished, err, size := j.state()
		sec.Job = &reportJobView{ID: j.ID, Lang: j.Lang, Percent: int(100*j.Progress() + 0.5),
			Done: int(j.done.Load()), Rows: int(j.total), Step: j.Step(lang), Active: !finished, Failed: err != nil, KB: int((size + 1023) / 1024)}
	}
	return nil
}

// prepareReport starts building the workbook of the stored analysis in
// the language asked for ("en" or "fa"; otherwise the user's) and shows
// its progress. The same scope and language already in progress is not
// started twice.
func (s *Server) prepareReport(c *gin.Context) {
	a, ok := s.analysisScope(c)
	if !ok {
		return
	}
	v, err := s.loadRunView(c, a, true)
	if err != nil {
		s.appError(c, err)
		return
	}
	if v.Result == nil {
		s.appError(c, survey.ErrNotFound)
		return
	}
	set, err := s.store.AnalysisSettings(c.Request.Context(), a.Key)
	if err != nil {
		s.appError(c, err)
		return
	}
	lang := c.PostForm("lang")
	if lang != "en" && lang != "fa" {
		lang = "en"
		if u := currentUser(c); u != nil && u.Lang == "fa" {
			lang = "fa"
		}
	}
	// The stored result stands when its run applied the scope's settings
	// as they are now; a correction saved since (it queued a re-run) is
	// applied by analysing afresh in the background, through the same
	// orchestration as `safar report`.
	var res *study.Result
	if studyrun.SameSettings(v.ResultRun, set) {
		r := *v.Result.Result
		res = &r
	}
	total := int64(v.Result.Study.Responses + v.Result.Study.Partial)
	j, started := s.reports.start(a.Key, lang, total, res == nil, s.now())
	if started {
		go s.buildReport(j, a, res, set)
	}
	c.Redirect(http.StatusSeeOther, a.Base+"/report?job="+j.ID)
}

// buildReport writes the workbook to a temporary file in the job's
// language, streaming the responses from the store and counting them for
// the progress bar. res is the stored result, or nil to analyse afresh
// with settings set. The workbook is in the language asked for; a stored
// result's own words (persona names, pain-point labels) stay as written.
func (s *Server) buildReport(j *reportJob, a *analysisCtx, res *study.Result, set *survey.AnalysisSettings) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	path, size, err := s.writeReport(ctx, j, a, res, set)
	if err != nil {
		s.log.Error("prepare report", "scope", a.Key, "lang", j.Lang, "err", err)
	}
	s.reports.finished(j, path, size, err)
}

func (s *Server) writeReport(ctx context.Context, j *reportJob, a *analysisCtx, res *study.Result, set *survey.AnalysisSettings) (string, int64, error) {
	defer s.reportMemory.enter(j.total)()
	// The responses are read once: by the analysis, which records the
	// Responses sheet's rows on the way, or by the sheet itself when the
	// stored result stands.
	row := func() { j.done.Add(1) }
	var (
		b   *studyreport.Book
		err error
	)
	if res != nil {
		b, err = studyreport.Stored(ctx, s.store, a.Scope, res, row)
	} else {
		b, err = studyreport.Analyze(ctx, s.store, a.Scope, set, studyrun.Request{Language: j.Lang,
			Read: func(n int) { j.read.Store(int64(n)) },
			Progress: func(done float64, step string) {
				j.analysed.Store(int64(done * 1000))
				j.setPhase(step)
			}}, row)
		j.analysed.Store(1000)
	}
	if err != nil {
		return "", 0, err
	}
	defer b.Close()
	j.setPhase("")                 // the workbook
	b.Result = b.Result.In(j.Lang) // labels, persona names and answers in the workbook's language
	b.Result.Study.Language = j.Lang
	tmp, err := os.CreateTemp("", "safar-report-*.xlsx")
	if err != nil {
		return "", 0, err
	}
	buf := bufio.NewWriterSize(tmp, 1<<20)
	err = b.Write(buf, s.now())
	if err == nil {
		err = buf.Flush()
	}
	size, serr := tmp.Seek(0, io.SeekCurrent)
	if err == nil {
		err = serr
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", 0, err
	}
	j.mu.Lock()
	j.name = reportFileName(b.Study.Input.Name, a.Survey == nil, j.Lang, s.now())
	j.mu.Unlock()
	return tmp.Name(), size, nil
}

// reportFileName is the download's name: safar-[project-]NAME-LANG-DATE.xlsx.
func reportFileName(name string, project bool, lang string, now time.Time) string {
	name = safeFileName(name)
	if project {
		name = "project-" + name
	}
	return "safar-" + name + "-" + lang + "-" + now.Format("2006-01-02") + ".xlsx"
}

// reportJobOf resolves the scope and its :job; an unknown job (or one of
// another scope) is reported with notFound.
func (s *Server) reportJobOf(c *gin.Context, notFound func(*gin.Context, error)) (*analysisCtx, *reportJob, bool) {
	a, ok := s.analysisScope(c)
	if !ok {
		return nil, nil, false
	}
	j, ok := s.reports.get(a.Key, c.Param("job"))
	if !ok {
		notFound(c, survey.ErrNotFound)
	}
	return a, j, ok
}

// reportStatus is a job's progress as JSON, for the page's progress bar.
func (s *Server) reportStatus(c *gin.Context) {
	_, j, ok := s.reportJobOf(c, s.apiError)
	if !ok {
		return
	}
	finished, err, _ := j.state()
	lang := "en"
	if u := currentUser(c); u != nil {
		lang = u.Lang
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, gin.H{"progress": j.Progress(), "active": !finished, "failed": err != nil,
		"message": j.Step(lang)})
}

// downloadReport sends a finished workbook.
func (s *Server) downloadReport(c *gin.Context) {
	a, j, ok := s.reportJobOf(c, s.appError)
	if !ok {
		return
	}
	finished, jerr, size := j.state()
	if !finished || jerr != nil {
		c.Redirect(http.StatusSeeOther, a.Base+"/report?job="+j.ID)
		return
	}
	j.mu.Lock()
	path, name := j.path, j.name
	j.mu.Unlock()
	f, err := os.Open(path)
	if err != nil {
		s.appError(c, survey.ErrNotFound) // expired
		return
	}
	defer f.Close()
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Header("Content-Length", strconv.FormatInt(size, 10))
	c.Header("Cache-Control", "no-store")
	c.Header("X-Content-Type-Options", "nosniff")
	c.Header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	c.Status(http.StatusOK)
	if _, err := io.Copy(c.Writer, f); err != nil {
		s.log.Warn("send report", "err", err)
	}
}
