package web_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/offerloop/offerloop/internal/coach"
	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

// newCoachEnv is a server with every source of the coach on (the judge's
// store without a judge to run code).
func newCoachEnv(t *testing.T) *env {
	t.Helper()
	return newEnvWith(t, web.Config{}, func(cfg *web.Config, db *sqlite.DB) {
		cfg.Drill = &drill.Drill{Store: db, Bank: testBank(t)}
		cfg.Judge = &web.JudgeConfig{Store: db, Err: errNoJudge}
		cfg.Practice, cfg.Resume, cfg.Takehome = db, db, db
	})
}

var errNoJudge = errors.New("no judge in this test")

func (e *env) coachPlan(query string) coach.Plan {
	e.t.Helper()
	w := e.get("/api/coach" + query)
	wantStatus(e.t, w, http.StatusOK)
	var p coach.Plan
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		e.t.Fatalf("/api/coach: %v\n%s", err, w.Body.String())
	}
	return p
}

func planKeys(items []coach.Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Key
	}
	return out
}

// TestCoachOnboarding: an empty database gets the first steps, with only
// the steps of the parts that are on.
func TestCoachOnboarding(t *testing.T) {
	e := newEnv(t, web.Config{}) // no drill, judge, practice, resume or take-home
	w := e.get("/today")
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	wantContains(t, body, "Welcome to offerloop.", "Your first steps", "Add the first application you are preparing for",
		`href="/applications/new"`, "of 60 minutes", "Nothing is due")
	if strings.Contains(body, "Answer ten theory cards") || strings.Contains(body, "ready-chart") {
		t.Errorf("the first steps name a part that is off, or readiness shows without interviews")
	}
	wantHTML(t, body)

	full := newCoachEnv(t)
	body = full.get("/today").Body.String()
	wantContains(t, body, "Answer ten theory cards", "Check your resume", "Solve one easy problem")
	wantHTML(t, body)
	if p := full.coachPlan(""); !p.Onboarding || p.Minutes != coach.DefaultMinutes {
		t.Errorf("/api/coach on an empty database: %+v", p)
	}
}

// TestCoachPlanOnToday: the plan sits on top of Today with its budget, each
// item with why, link and buttons; readiness is a chart per interview; the
// agenda follows; marks change the plan at once.
func TestCoachPlanOnToday(t *testing.T) {
	e := newCoachEnv(t)
	a := e.addApp("Northwind AI", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	id := itoa(a.ID)
	wantStatus(t, e.post("/applications/"+id+"/interviews", url.Values{
		"kind": {"ml_theory"}, "date": {"2026-11-27"}, "time": {"10:00"}}), http.StatusSeeOther)
	// An interview two days ago leaves an overdue thank-you note.
	wantStatus(t, e.post("/applications/"+id+"/interviews", url.Values{
		"kind": {"recruiter_screen"}, "date": {"2026-11-22"}, "time": {"10:00"}, "interviewers": {"Sam Lee"}}), http.StatusSeeOther)

	w := e.get("/today")
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	wantContains(t, body, "Your plan for today", "of 60 minutes", `href="/today?minutes=30"`, `name="minutes"`,
		"Readiness for the interviews ahead", `class="ready-chart"`, `data-area="theory"`, "What would raise it most",
		"Agenda", "The day before", "Send a thank-you note")
	wantHTML(t, body)
	// The thank-you note is a tracker task: its Done button marks the task.
	p := e.coachPlan("")
	var task, item coach.Item
	for _, it := range p.Items {
		if it.TaskKey != "" && task.Key == "" {
			task = it
		}
		if it.TaskKey == "" && it.Kind != "research" && item.Key == "" {
			item = it
		}
	}
	if !strings.HasPrefix(task.TaskKey, "thank-you/") || item.Key == "" {
		t.Fatalf("plan items: %+v", p.Items)
	}
	wantContains(t, body, `action="/tasks/done"`, `value="`+task.TaskKey+`"`, `data-key="`+item.Key+`"`, item.Title)
	if len(p.Readiness) != 1 || len(p.Readiness[0].Parts) == 0 {
		t.Errorf("readiness = %+v", p.Readiness)
	}

	// Other budgets: the items fit.
	for _, m := range []int{15, 30, 90, 600} {
		q := "?minutes=" + itoa(int64(m))
		p := e.coachPlan(q)
		sum := 0
		for _, it := range p.Items {
			sum += it.Minutes
		}
		if p.Minutes != m || sum > m {
			t.Errorf("%s: plan of %d minutes, items take %d", q, p.Minutes, sum)
		}
		wantContains(t, e.get("/today"+q).Body.String(), "of "+itoa(int64(m))+" minutes")
	}
	for _, bad := range []string{"?minutes=4", "?minutes=601", "?minutes=an+hour"} {
		wantStatus(t, e.get("/api/coach"+bad), http.StatusBadRequest)
		w := e.get("/today" + bad)
		wantStatus(t, w, http.StatusOK)
		wantContains(t, w.Body.String(), "minutes must be a whole number from 5 to 600", "of 60 minutes")
	}

	// Done moves an item to done, with an Undo; skip takes one off.
	w = e.post("/coach/mark", url.Values{"key": {item.Key}, "status": {"done"}, "return": {"/today?minutes=30"}})
	wantStatus(t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); loc != "/today?minutes=30" {
		t.Errorf("redirect to %q", loc)
	}
	body = e.get("/today?minutes=30").Body.String()
	wantContains(t, body, "Done today", `value="clear"`)
	wantHTML(t, body)
	p = e.coachPlan("")
	if !slices.Contains(planKeys(p.Done), item.Key) || slices.Contains(planKeys(p.Items), item.Key) {
		t.Errorf("after done: items %v, done %v", planKeys(p.Items), planKeys(p.Done))
	}
	var other string
	for _, it := range p.Items {
		if it.TaskKey == "" && it.Kind != "research" && it.Key != item.Key {
			other = it.Key
			break
		}
	}
	if other == "" {
		t.Fatalf("no second item to skip: %v", planKeys(p.Items))
	}
	wantStatus(t, e.post("/coach/mark", url.Values{"key": {other}, "status": {"skipped"}}), http.StatusSeeOther)
	p = e.coachPlan("")
	if slices.Contains(planKeys(p.Items), other) || slices.Contains(planKeys(p.Later), other) {
		t.Errorf("after skip, %s is still planned", other)
	}
	for _, k := range []string{item.Key, other} {
		wantStatus(t, e.post("/coach/mark", url.Values{"key": {k}, "status": {"clear"}}), http.StatusSeeOther)
	}
	if p = e.coachPlan(""); len(p.Done) != 0 || !slices.Contains(planKeys(p.Items), item.Key) {
		t.Errorf("after undo: items %v, done %v", planKeys(p.Items), planKeys(p.Done))
	}
	marks, err := e.db.CoachMarks(context.Background(), e.user.ID, "")
	if err != nil || len(marks) != 0 {
		t.Errorf("marks after undo: %+v %v", marks, err)
	}
	// Bad marks are refused.
	wantStatus(t, e.post("/coach/mark", url.Values{"key": {item.Key}, "status": {"later"}}), http.StatusBadRequest)
	wantStatus(t, e.post("/coach/mark", url.Values{"key": {"two words"}, "status": {"done"}}), http.StatusBadRequest)

	// /api/today still answers with the agenda.
	var ag tracker.Agenda
	if err := json.Unmarshal(e.get("/api/today").Body.Bytes(), &ag); err != nil || len(ag.Interviews) == 0 {
		t.Errorf("/api/today: %v %+v", err, ag)
	}
}

// TestCoachExportImport: marks travel in the export's coach section.
func TestCoachExportImport(t *testing.T) {
	src := newCoachEnv(t)
	src.addApp("Acme", tracker.Startup, "ML Engineer", tracker.NewDate(2026, 11, 1))
	wantStatus(t, src.post("/coach/mark", url.Values{"key": {"review:metrics"}, "status": {"skipped"}}), http.StatusSeeOther)
	exported := src.get("/export.json").Body.Bytes()
	var d struct {
		Coach coach.Dump `json:"coach"`
	}
	if err := json.Unmarshal(exported, &d); err != nil || len(d.Coach.Marks) != 1 || d.Coach.Marks[0].Day != "2026-11-24" {
		t.Fatalf("export's coach section: %v %+v", err, d.Coach)
	}
	dst := newCoachEnv(t)
	wantStatus(t, dst.upload("/import", "file", "offerloop-export.json", exported), http.StatusSeeOther)
	marks, err := dst.db.CoachMarks(context.Background(), dst.user.ID, "")
	if err != nil || len(marks) != 1 || marks[0].Key != "review:metrics" {
		t.Errorf("marks after import: %+v %v", marks, err)
	}
}
