package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/offerloop/offerloop/internal/coach"
	"github.com/offerloop/offerloop/internal/errs"
)

// The time budgets the Today page offers, and the bounds of any budget.
var coachBudgets = []int{15, 30, 60, 90, 120}

const (
	coachMinMinutes = 5
	coachMaxMinutes = 600
)

// marks is the store of the coach's marks: the tracker store, when it keeps
// them (the SQLite store does), else nil and marking is off.
func (s *Server) marks() coach.MarkStore {
	m, _ := s.store.(coach.MarkStore)
	return m
}

// coachStores are the stores the coach reads; a part of offerloop that is
// off is a nil store, and the coach leaves it out.
func (s *Server) coachStores() coach.Stores {
	st := coach.Stores{Tracker: s.store, Settings: s.store, Library: s.lib, Marks: s.marks()}
	if s.drill != nil {
		st.Drill = s.drill
	}
	if s.judge != nil && s.judge.Store != nil {
		st.Judge = s.judge.Store
	}
	if s.practice != nil {
		st.Practice = s.practice
	}
	if s.resume != nil {
		st.Resume = s.resume
	}
	if s.takehome != nil {
		st.Takehome = s.takehome
	}
	return st
}

// coachPlan builds today's plan for the time budget. A source that fails to
// load is logged and left out, with its error in skipped.
func (s *Server) coachPlan(ctx context.Context, minutes int) (*coach.Plan, *coach.Input, []error, error) {
	u, err := s.user(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	in, skipped, err := coach.Load(ctx, s.coachStores(), u.ID, s.now(), s.cfg.Loc, minutes)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, err := range skipped {
		s.log.Warn("coach: a source is left out of the plan", "err", err)
	}
	return coach.Build(in), in, skipped, nil
}

// budget reads ?minutes=N: the default when absent, an Invalid error when it
// is not a whole number from 5 to 600.
func budget(r *http.Request) (int, error) {
	v := strings.TrimSpace(r.URL.Query().Get("minutes"))
	if v == "" {
		return coach.DefaultMinutes, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < coachMinMinutes || n > coachMaxMinutes {
		return 0, errs.Invalidf("minutes must be a whole number from %d to %d", coachMinMinutes, coachMaxMinutes)
	}
	return n, nil
}

// apiCoach answers GET /api/coach?minutes=N with today's plan.
func (s *Server) apiCoach(w http.ResponseWriter, r *http.Request) {
	minutes, err := budget(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, _, _, err := s.coachPlan(r.Context(), minutes)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// coachMark marks an item of today's plan done or skipped, or clears its
// mark (status "clear"). Tracker tasks are marked through /tasks/done.
func (s *Server) coachMark(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	ms := s.marks()
	if ms == nil {
		s.fail(w, r, errs.E(errs.Unavailable, "this installation does not keep the coach's marks"))
		return
	}
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	m := coach.Mark{Key: formString(r, "key"), Day: s.now().In(s.cfg.Loc).Format("2006-01-02")}
	switch st := formString(r, "status"); st {
	case coach.StatusDone, coach.StatusSkipped:
		m.Status = st
	case "clear":
	default:
		s.fail(w, r, errs.Invalidf("a mark is done, skipped or clear, not %q", st))
		return
	}
	if err := ms.MarkCoachItem(ctx, u.ID, m, s.now()); err != nil {
		s.fail(w, r, err)
		return
	}
	if wantsJSON(r) {
		writeJSON(w, http.StatusOK, map[string]any{"key": m.Key, "day": m.Day, "status": m.Status})
		return
	}
	seeOther(w, r, returnURL(r, "/today"))
}

// readinessChart is one interview's readiness drawn as horizontal bars.
type readinessChart struct {
	R      coach.Readiness
	Level  string
	Height int // of the SVG
	Bars   []readinessBar
}

type readinessBar struct {
	coach.Component
	Level     string
	Y, TextY  int // the bar's top and the baseline of its labels
	Width     int // of the filled part, out of chartBarWidth
	ScoreText int // x of the score
}

// The geometry of a readiness chart, in SVG units.
const (
	chartLabelWidth = 150
	chartBarWidth   = 260
	chartRow        = 28
	chartBar        = 16
	chartWidth      = chartLabelWidth + chartBarWidth + 44
)

func newReadinessChart(r coach.Readiness) readinessChart {
	c := readinessChart{R: r, Level: scoreLevel(r.Overall), Height: max(1, len(r.Parts))*chartRow + 4}
	for i, p := range r.Parts {
		y := 4 + i*chartRow
		c.Bars = append(c.Bars, readinessBar{Component: p, Level: scoreLevel(p.Score), Y: y, TextY: y + chartBar - 3,
			Width: min(max(p.Score, 0), 100) * chartBarWidth / 100, ScoreText: chartLabelWidth + chartBarWidth + 8})
	}
	return c
}

// kindLabel names an item's kind for its badge.
func coachKindLabel(kind string) string {
	switch kind {
	case "task":
		return "Task"
	case "research":
		return "Research"
	case "review":
		return "Review"
	case "learn":
		return "Learn"
	case "problem":
		return "Coding"
	case "story":
		return "Story"
	case "design":
		return "Design"
	case "plan":
		return "Study plan"
	case "resume":
		return "Resume"
	case "takehome":
		return "Take-home"
	case "onboarding":
		return "First steps"
	}
	return kind
}

// AppName names the application an item is for.
func (d *todayPage) AppName(id *int64) string {
	if id == nil {
		return ""
	}
	if n := d.Apps[*id]; n != "" {
		return n
	}
	return "application " + itoa(*id)
}

// coachRow is what an item's Done and Skip buttons need.
type coachRow struct {
	It      coach.Item
	Here    string
	Marking bool
}

func newCoachRow(it coach.Item, here string, marking bool) coachRow {
	return coachRow{It: it, Here: here, Marking: marking}
}
