package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
)

// The emotion curve joins only neighbouring stages that have data: a stage
// without any breaks it, rather than a straight line drawn across it as if
// it had a value between its neighbours. A journey with nothing in any
// stage is Empty (the page then says what fills it).
func TestJourneyEmotionLineBreaksAtStagesWithoutData(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	tests := []struct {
		name     string
		emotions []*float64 // per stage; nil: no data
		lines    []int      // points per polyline
		empty    bool
	}{
		{"all stages", []*float64{v(60), v(40), v(70), v(50)}, []int{4}, false},
		{"a gap in the middle", []*float64{v(60), v(40), nil, v(70), v(50)}, []int{2, 2}, false},
		{"the QA's map: Decision without data", []*float64{v(60), nil, v(70), v(50)}, []int{2}, false},
		{"alternate stages: dots, no line", []*float64{v(60), nil, v(70), nil}, nil, false},
		{"gaps at both ends", []*float64{nil, v(60), v(40), nil}, []int{2}, false},
		{"no data at all", []*float64{nil, nil, nil}, nil, true},
	}
	gin.SetMode(gin.TestMode)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stages []study.JourneyStage
			for i, e := range tt.emotions {
				st := study.JourneyStage{Stage: string(survey.Stages[i%len(survey.Stages)]), Emotion: e}
				if e != nil {
					st.EmotionN = 10
				}
				stages = append(stages, st)
			}
			res := &study.Result{Journeys: []study.Journey{{Name: "Everyone", Size: 10, Stages: stages}}}
			c, _ := gin.CreateTestContext(httptest.NewRecorder())
			c.Request = httptest.NewRequest("GET", "/app/projects/1/analysis/journey", nil)
			p := &analysisPage{A: &analysisCtx{}, Run: &runView{Result: &studyrun.Stored{Result: res}}, Settings: &survey.AnalysisSettings{}}
			if err := (&Server{}).buildJourney(c, p, "en"); err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, l := range p.J.Chart.Lines {
				got = append(got, len(strings.Fields(l)))
			}
			if len(got) != len(tt.lines) {
				t.Fatalf("polylines of %v points, want %v", got, tt.lines)
			}
			for i := range got {
				if got[i] != tt.lines[i] {
					t.Fatalf("polylines of %v points, want %v", got, tt.lines)
				}
			}
			dots := 0
			for _, e := range tt.emotions {
				if e != nil {
					dots++
				}
			}
			if len(p.J.Chart.Dots) != dots {
				t.Errorf("%d dots, want one per stage with data (%d)", len(p.J.Chart.Dots), dots)
			}
			if p.J.Empty != tt.empty {
				t.Errorf("Empty = %v, want %v", p.J.Empty, tt.empty)
			}
		})
	}
}

// The pain points no stage stands out for are listed under the map as the
// researcher shows them: renamed, hidden ones left out.
func TestJourneyListsUnplacedPainPoints(t *testing.T) {
	gin.SetMode(gin.TestMode)
	e := 50.0
	res := &study.Result{Journeys: []study.Journey{{Name: "Everyone", Size: 100,
		Stages: []study.JourneyStage{{Stage: string(survey.Stages[0]), Emotion: &e, EmotionN: 10}},
		Unplaced: []study.JourneyPain{{Key: "dm", Label: "late DM replies", People: 52, Share: 0.52},
			{Key: "phone", Label: "rude phone support", People: 21, Share: 0.21},
			{Key: "noise", Label: "thanks", People: 3, Share: 0.03}}}}}
	c, _ := gin.CreateTestContext(httptest.NewRecorder())
	c.Request = httptest.NewRequest("GET", "/app/projects/1/analysis/journey", nil)
	p := &analysisPage{A: &analysisCtx{}, Run: &runView{Result: &studyrun.Stored{Result: res}},
		Settings: &survey.AnalysisSettings{Hide: []string{"noise"}, Rename: map[string]string{"phone": "Phone support is rude"}}}
	if err := (&Server{}).buildJourney(c, p, "en"); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, jp := range p.J.Unplaced {
		got = append(got, jp.Label)
	}
	if strings.Join(got, "|") != "late DM replies|Phone support is rude" {
		t.Errorf("unplaced %q", got)
	}
}
