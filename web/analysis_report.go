package web

import (
	"io"
	"net/http"
	"os"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/report/studyreport"
	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
)

// downloadAnalysisReport sends the Excel workbook of the stored analysis
// (viewers may download). The responses are streamed from the store into
// the workbook; it is built in a temporary file first, so a failure is a
// clean error page and never half a spreadsheet.
//
// The stored result stands when its run applied the scope's settings as
// they are now. A correction saved since (it queued a re-run) is applied
// at once by analysing afresh through the same orchestration as `safar
// report`, so the workbook never disagrees with the command line.
func (s *Server) downloadAnalysisReport(c *gin.Context) {
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
	ctx := c.Request.Context()
	set, err := s.store.AnalysisSettings(ctx, a.Key)
	if err != nil {
		s.appError(c, err)
		return
	}
	var (
		st  *studyrun.Study
		res = v.Result.Result
	)
	if studyrun.SameSettings(v.ResultRun, set) {
		st, err = studyrun.Load(ctx, s.store, a.Scope, false)
	} else {
		st, res, err = studyrun.Analyze(ctx, s.store, a.Scope, set, studyrun.Request{})
	}
	if err != nil {
		s.appError(c, err)
		return
	}
	var srcs []studyreport.ResponseSource
	for _, sv := range st.Surveys {
		id := sv.ID
		srcs = append(srcs, studyreport.ResponseSource{Definition: sv.Definition, Each: func(fn func(*survey.Response) error) error {
			return s.store.EachResponse(c.Request.Context(), survey.ResponseFilter{SurveyID: id}, fn)
		}})
	}
	tmp, err := os.CreateTemp("", "safar-report-*.xlsx")
	if err != nil {
		s.appError(c, err)
		return
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if err := studyreport.Write(tmp, res, st.Input, srcs, s.now()); err != nil {
		s.appError(c, err)
		return
	}
	size, err := tmp.Seek(0, io.SeekCurrent)
	if err == nil {
		_, err = tmp.Seek(0, io.SeekStart)
	}
	if err != nil {
		s.appError(c, err)
		return
	}
	name := safeFileName(st.Input.Name)
	if a.Survey == nil {
		name = "project-" + name
	}
	c.Header("Content-Disposition", `attachment; filename="safar-`+name+`-`+s.now().Format("2006-01-02")+`.xlsx"`)
	c.Header("Content-Length", strconv.FormatInt(size, 10))
	c.Header("Cache-Control", "no-store")
	c.Header("X-Content-Type-Options", "nosniff")
	c.Header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	c.Status(http.StatusOK)
	if _, err := io.Copy(c.Writer, tmp); err != nil {
		s.log.Warn("send report", "err", err)
	}
}
