package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

func TestBoardShowsApplications(t *testing.T) {
	e := newEnv(t, web.Config{})
	e.addApp("Northwind AI", tracker.BigTech, "ML Engineer, Ranking", tracker.NewDate(2026, 11, 10))
	e.addApp("Fathom Labs", tracker.ResearchLab, "Research Engineer", tracker.NewDate(2026, 11, 20))
	w := e.get("/")
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "Northwind AI", "ML Engineer, Ranking", "Fathom Labs", "Big tech", "Research lab",
		"14 days in stage", `action="/applications/`, `<option value="phone_screen">Phone screen</option>`)

	w = e.get("/?q=fathom")
	wantStatus(t, w, http.StatusOK)
	if body := w.Body.String(); !strings.Contains(body, "Fathom Labs") || strings.Contains(body, "Northwind AI") {
		t.Errorf("GET /?q=fathom: want only Fathom Labs; body:\n%s", excerpt(body))
	}
}

func TestBoardEmptyState(t *testing.T) {
	e := newEnv(t, web.Config{})
	w := e.get("/")
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "Start your search here", `href="/applications/new"`)
}

func TestBoardClosedColumnShowsMostRecent(t *testing.T) {
	e := newEnv(t, web.Config{})
	ctx := context.Background()
	for i := range 33 {
		a := e.addApp("Company "+strconv.Itoa(i), tracker.Startup, "MLE", tracker.NewDate(2026, 10, 1))
		stages, _ := e.db.Stages(ctx, e.user.ID, a.ID)
		m, _ := tracker.ResolveTarget(stages, "rejected")
		m.At = time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
		if _, err := e.db.MoveApplication(ctx, e.user.ID, a.ID, m); err != nil {
			t.Fatal(err)
		}
	}
	body := e.get("/").Body.String()
	wantContains(t, body, `<a href="/?column=closed">Show all 33</a>`, "Company 32")
	if strings.Contains(body, ">Company 0<") {
		t.Errorf("the oldest closed application is shown; want only the 30 most recent")
	}
	all := e.get("/?column=closed").Body.String()
	if n := strings.Count(all, `class="card"`); n != 33 || strings.Contains(all, "Show all") {
		t.Errorf("/?column=closed shows %d cards, want all 33 and no show-all link", n)
	}
}

func createForm() url.Values {
	return url.Values{
		"company": {"Tessellate"}, "kind": {"startup"}, "role": {"ML Engineer (LLM platform)"}, "level": {"senior"},
		"location": {"Remote"}, "source": {"recruiter"}, "applied_on": {"2026-11-20"},
		"jd_url": {"https://tessellate.example/jobs/1"}, "jd_text": {"Build the LLM platform."}, "notes": {"Met at NeurIPS"},
	}
}

func TestCreateApplication(t *testing.T) {
	e := newEnv(t, web.Config{})
	w := e.get("/applications/new")
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), `value="2026-11-24"`) // applied date defaults to today

	w = e.post("/applications", createForm())
	wantStatus(t, w, http.StatusSeeOther)
	loc := w.Header().Get("Location")
	if !strings.HasPrefix(loc, "/applications/") {
		t.Fatalf("Location = %q, want /applications/{id}", loc)
	}
	apps := e.apps()
	if len(apps) != 1 {
		t.Fatalf("stored %d applications, want 1", len(apps))
	}
	a := apps[0]
	if a.Company.Name != "Tessellate" || a.Company.Kind != tracker.Startup || a.Level != tracker.Senior || a.AppliedOn.String() != "2026-11-20" {
		t.Errorf("stored %+v", a)
	}
	stages, err := e.db.Stages(context.Background(), e.user.ID, a.ID)
	if err != nil || len(stages) == 0 {
		t.Fatalf("Stages = %v, %v; want the startup plan", stages, err)
	}
	wantContains(t, e.get("/").Body.String(), "Tessellate", "ML Engineer (LLM platform)")
	w = e.get(loc)
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "Tessellate", "Met at NeurIPS", "Build the LLM platform.", "The usual startup loop")
}

func TestCreateInvalidKeepsInput(t *testing.T) {
	tests := []struct {
		name   string
		change func(url.Values)
		want   string
	}{
		{"no role", func(v url.Values) { v.Set("role", "") }, "role is required"},
		{"no company", func(v url.Values) { v.Set("company", " ") }, "company is required"},
		{"bad date", func(v url.Values) { v.Set("applied_on", "2026-02-30") }, "is not a date"},
		{"bad url", func(v url.Values) { v.Set("jd_url", "javascript:alert(1)") }, "is not a web address"},
		{"bad kind", func(v url.Values) { v.Set("kind", "megacorp") }, "unknown company kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, web.Config{})
			form := createForm()
			tt.change(form)
			w := e.post("/applications", form)
			wantStatus(t, w, http.StatusUnprocessableEntity)
			wantContains(t, w.Body.String(), tt.want, "Met at NeurIPS", `value="Remote"`)
			if n := len(e.apps()); n != 0 {
				t.Errorf("stored %d applications after an invalid form, want 0", n)
			}
		})
	}
}

func TestMoveViaForm(t *testing.T) {
	e := newEnv(t, web.Config{})
	a := e.addApp("Quillon", tracker.MidSize, "Applied Scientist", tracker.NewDate(2026, 11, 1))
	w := e.post("/applications/"+itoa(a.ID)+"/move", url.Values{"target": {"phone_screen"}, "return": {"/?q=quill"}})
	wantStatus(t, w, http.StatusSeeOther)
	if got := w.Header().Get("Location"); got != "/?q=quill" {
		t.Errorf("Location = %q, want the board it came from", got)
	}
	if got := e.app(a.ID).State.StageKind; got != tracker.PhoneScreen {
		t.Errorf("stage after move = %q, want phone_screen", got)
	}
	// An off-site return address is not followed.
	w = e.post("/applications/"+itoa(a.ID)+"/move", url.Values{"target": {"onsite"}, "return": {"//evil.example/"}})
	wantStatus(t, w, http.StatusSeeOther)
	if got := w.Header().Get("Location"); got != "/applications/"+itoa(a.ID) {
		t.Errorf("Location = %q, want the application page", got)
	}
}

func TestMoveWithFetchAnswersJSON(t *testing.T) {
	e := newEnv(t, web.Config{})
	a := e.addApp("Quillon", tracker.MidSize, "Applied Scientist", tracker.NewDate(2026, 11, 1))
	req := formRequest("/applications/"+itoa(a.ID)+"/move", url.Values{"target": {"onsite"}})
	req.Header.Set("Accept", "application/json")
	w := e.do(req)
	wantStatus(t, w, http.StatusOK)
	var got struct {
		StageKind string `json:"stage_kind"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || got.StageKind != "onsite" {
		t.Errorf("JSON move answer = %s (%v), want stage_kind onsite", w.Body, err)
	}
}

func TestMoveBreakingARuleChangesNothing(t *testing.T) {
	e := newEnv(t, web.Config{})
	a := e.addApp("Brightwave", tracker.Startup, "Founding MLE", tracker.NewDate(2026, 11, 1))
	before, _ := e.db.Events(context.Background(), e.user.ID, a.ID)
	w := e.post("/applications/"+itoa(a.ID)+"/move", url.Values{"target": {"accepted"}, "return": {"/"}})
	wantStatus(t, w, http.StatusConflict)
	wantContains(t, w.Body.String(), "only an offer can be accepted")
	after, _ := e.db.Events(context.Background(), e.user.ID, a.ID)
	if len(after) != len(before) || e.app(a.ID).State.Outcome != "" {
		t.Errorf("a refused move changed the application: %d events before, %d after", len(before), len(after))
	}
	// From the application page, the page comes back with the error by the form.
	w = e.post("/applications/"+itoa(a.ID)+"/move", url.Values{"target": {"accepted"}, "return": {"/applications/" + itoa(a.ID)}})
	wantStatus(t, w, http.StatusConflict)
	wantContains(t, w.Body.String(), "only an offer can be accepted", "Where it stands")
	// As JSON for the board's drag and drop.
	req := formRequest("/applications/"+itoa(a.ID)+"/move", url.Values{"target": {"declined"}})
	req.Header.Set("Accept", "application/json")
	w = e.do(req)
	wantStatus(t, w, http.StatusConflict)
	wantContains(t, w.Body.String(), `"error"`)
}

func TestScheduleInterviewFeedsToday(t *testing.T) {
	e := newEnv(t, web.Config{})
	a := e.addApp("Northwind AI", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	id := itoa(a.ID)
	// One interview tomorrow, for its checklists; one this morning, for its thank-you.
	w := e.post("/applications/"+id+"/interviews", url.Values{
		"kind": {"ml_system_design"}, "date": {"2026-11-25"}, "time": {"15:00"},
		"interviewers": {"Priya Raman <priya@northwind.example>"}, "location": {"https://meet.example/abc"},
	})
	wantStatus(t, w, http.StatusSeeOther)
	ivURL := w.Header().Get("Location")
	w = e.post("/applications/"+id+"/interviews", url.Values{
		"kind": {"ml_coding"}, "title": {"Coding round"}, "date": {"2026-11-24"}, "time": {"08:00"}, "minutes": {"45"},
		"interviewers": {"Sam Lee"},
	})
	wantStatus(t, w, http.StatusSeeOther)

	w = e.get("/today")
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "Send a thank-you note for Coding round to Sam", "ML system design",
		"The day before", "The morning of", "During the interview", "Wed 25 Nov, 15:00", "tomorrow")

	w = e.get(ivURL)
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "Hi Priya", "priya@northwind.example", "mailto:priya@northwind.example?subject=",
		"your name (set it in Settings)", "Red flags")

	// Invalid input comes back by its form, with what was typed.
	w = e.post("/applications/"+id+"/interviews", url.Values{"kind": {"ml_coding"}, "date": {"2026-11-30"}, "time": {""}, "location": {"Room 4"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantContains(t, w.Body.String(), "a time is required", `value="Room 4"`)
}

func TestTaskDoneAndUndo(t *testing.T) {
	e := newEnv(t, web.Config{})
	a := e.addApp("Northwind AI", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	w := e.post("/applications/"+itoa(a.ID)+"/interviews", url.Values{
		"kind": {"ml_coding"}, "title": {"Coding round"}, "date": {"2026-11-24"}, "time": {"08:00"}, "minutes": {"45"},
	})
	wantStatus(t, w, http.StatusSeeOther)
	ivID := strings.TrimPrefix(w.Header().Get("Location"), "/interviews/")
	key := "thank-you/" + ivID
	w = e.post("/tasks/done", url.Values{"key": {key}, "return": {"/today"}})
	wantStatus(t, w, http.StatusSeeOther)
	marks, _ := e.db.TaskMarks(context.Background(), e.user.ID)
	if _, ok := marks[key]; !ok {
		t.Fatalf("no mark for %s after /tasks/done", key)
	}
	wantContains(t, e.get("/today").Body.String(), "1 task done today")
	wantStatus(t, e.post("/tasks/undo", url.Values{"key": {key}}), http.StatusSeeOther)
	marks, _ = e.db.TaskMarks(context.Background(), e.user.ID)
	if _, ok := marks[key]; ok {
		t.Errorf("mark for %s survived /tasks/undo", key)
	}
	// Manual tasks.
	w = e.post("/applications/"+itoa(a.ID)+"/tasks", url.Values{"title": {"Send references"}, "due": {"2026-11-24"}})
	wantStatus(t, w, http.StatusSeeOther)
	tasks, _ := e.db.FindTasks(context.Background(), e.user.ID, a.ID)
	if len(tasks) != 1 {
		t.Fatalf("FindTasks = %v, want one", tasks)
	}
	wantContains(t, e.get("/today").Body.String(), "Send references")
	wantStatus(t, e.post("/tasks/done", url.Values{"key": {tracker.ManualKey(tasks[0].ID)}}), http.StatusSeeOther)
	tasks, _ = e.db.FindTasks(context.Background(), e.user.ID, a.ID)
	if tasks[0].DoneAt.IsZero() {
		t.Errorf("manual task not done after /tasks/done")
	}
	wantStatus(t, e.post("/tasks/done", url.Values{"key": {"thank-you/999"}}), http.StatusNotFound)
}

func TestFunnelFollowsMoves(t *testing.T) {
	e := newEnv(t, web.Config{})
	e.get("/funnel") // empty state first
	wantContains(t, e.get("/funnel").Body.String(), "No applications yet")
	a := e.addApp("Quillon", tracker.MidSize, "Applied Scientist", tracker.NewDate(2026, 11, 1))
	e.addApp("Helix", tracker.MidSize, "Perception MLE", tracker.NewDate(2026, 11, 2))
	funnel := func() tracker.Funnel {
		var f tracker.Funnel
		w := e.get("/api/funnel")
		wantStatus(t, w, http.StatusOK)
		if err := json.Unmarshal(w.Body.Bytes(), &f); err != nil {
			t.Fatal(err)
		}
		return f
	}
	if f := funnel(); f.Total != 2 || f.Bands[1].Count != 0 {
		t.Fatalf("funnel before = %+v, want 2 applied, 0 screened", f.Bands)
	}
	wantContains(t, e.get("/funnel").Body.String(), "Screen · 0")
	wantStatus(t, e.post("/applications/"+itoa(a.ID)+"/move", url.Values{"target": {"phone_screen"}}), http.StatusSeeOther)
	if f := funnel(); f.Bands[1].Count != 1 || f.Reply.Replied != 1 {
		t.Errorf("funnel after = %+v %+v, want 1 screened and 1 reply", f.Bands, f.Reply)
	}
	w := e.get("/funnel")
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "Screen · 1 (50%)", "<svg", "<title>Applied → Screen: 1</title>", "Still active 1")
}

func TestCalendar(t *testing.T) {
	e := newEnv(t, web.Config{})
	a := e.addApp("Northwind AI", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	wantStatus(t, e.post("/applications/"+itoa(a.ID)+"/interviews", url.Values{
		"kind": {"ml_coding"}, "date": {"2026-12-01"}, "time": {"15:00"},
	}), http.StatusSeeOther)
	w := e.get("/calendar.ics")
	wantStatus(t, w, http.StatusOK)
	if ct := w.Header().Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, `filename="offerloop.ics"`) {
		t.Errorf("Content-Disposition = %q", cd)
	}
	wantContains(t, w.Body.String(), "BEGIN:VEVENT", "DTSTART:20261201T150000Z", "@offerloop")
	wantContains(t, w.Body.String(), "-test@offerloop")
}

func TestSettings(t *testing.T) {
	e := newEnv(t, web.Config{})
	w := e.post("/settings", url.Values{"your_name": {"Ada Lovelace"}, "follow_up_days": {"0"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantContains(t, w.Body.String(), "follow-up days must be", `value="Ada Lovelace"`)
	w = e.post("/settings", url.Values{"your_name": {"Ada Lovelace"}, "follow_up_days": {"10"}})
	wantStatus(t, w, http.StatusSeeOther)
	w = e.get("/settings?saved=1")
	wantContains(t, w.Body.String(), "Saved.", `value="Ada Lovelace"`, `value="10"`)
	v, _ := e.db.Setting(context.Background(), e.user.ID, tracker.SettingFollowUpDays)
	if v != "10" {
		t.Errorf("follow-up days = %q, want 10", v)
	}
}

func TestImportTooLarge(t *testing.T) {
	e := newEnv(t, web.Config{MaxUpload: 1024})
	w := e.upload("/import", "file", "export.json", []byte(`{"format":"offerloop-export","pad":"`+strings.Repeat("x", 4096)+`"}`))
	wantStatus(t, w, http.StatusRequestEntityTooLarge)
	wantContains(t, w.Body.String(), "the limit is 1 KiB")
	// A body far over the limit is cut off too.
	w = e.upload("/import", "file", "export.json", make([]byte, 1<<20))
	wantStatus(t, w, http.StatusRequestEntityTooLarge)
}

func TestImportMalformedJSON(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"syntax", `{"format": "offerloop-export", "companies": [}`, "not valid JSON"},
		{"cut short", `{"format": "offerloop-export", "companies": [`, "cut short"},
		{"unknown field", `{"format": "offerloop-export", "colour": 1}`, "colour"},
		{"other format", `{"format": "something-else"}`, "not an offerloop export"},
		{"wrong type", `{"format": "offerloop-export", "companies": 3}`, "companies"},
		{"trailing", `{"format": "offerloop-export"} {}`, "more after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, web.Config{})
			w := e.upload("/import", "file", "export.json", []byte(tt.body))
			wantStatus(t, w, http.StatusUnprocessableEntity)
			wantContains(t, w.Body.String(), tt.want)
			if n := len(e.apps()); n != 0 {
				t.Errorf("%d applications after a failed import", n)
			}
		})
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	src := newEnv(t, web.Config{})
	a := src.addApp("Northwind AI", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	src.addApp("Fathom Labs", tracker.ResearchLab, "Research Engineer", tracker.NewDate(2026, 11, 3))
	id := itoa(a.ID)
	wantStatus(t, src.post("/applications/"+id+"/move", url.Values{"target": {"phone_screen"}}), http.StatusSeeOther)
	wantStatus(t, src.post("/applications/"+id+"/interviews", url.Values{"kind": {"ml_coding"}, "date": {"2026-11-30"}, "time": {"10:00"}, "interviewers": {"Sam Lee <sam@northwind.example>"}}), http.StatusSeeOther)
	wantStatus(t, src.post("/applications/"+id+"/contacts", url.Values{"role": {"recruiter"}, "name": {"Jo Park"}, "email": {"jo@northwind.example"}}), http.StatusSeeOther)
	wantStatus(t, src.post("/settings", url.Values{"your_name": {"Ada"}, "follow_up_days": {"9"}}), http.StatusSeeOther)

	w := src.get("/export.json")
	wantStatus(t, w, http.StatusOK)
	if cd := w.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") {
		t.Errorf("Content-Disposition = %q, want an attachment", cd)
	}
	exported := w.Body.Bytes()

	dst := newEnv(t, web.Config{})
	w = dst.upload("/import", "file", "offerloop-export.json", exported)
	wantStatus(t, w, http.StatusSeeOther)
	wantContains(t, dst.get(w.Header().Get("Location")).Body.String(), "Your export was restored.")

	// Importing again into a tracker with data is refused.
	w = dst.upload("/import", "file", "offerloop-export.json", exported)
	wantStatus(t, w, http.StatusConflict)

	again := dst.get("/export.json").Body.Bytes()
	if a, b := normDump(t, exported), normDump(t, again); a != b {
		t.Errorf("export → import → export changed the data:\n%s\n---\n%s", a, b)
	}
	wantContains(t, dst.get("/applications/"+id).Body.String(), "Jo Park", "ML coding")
}

// normDump re-encodes an export without its time of export.
func normDump(t *testing.T, b []byte) string {
	t.Helper()
	var d tracker.Dump
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	d.ExportedAt = time.Time{}
	out, _ := json.MarshalIndent(d, "", " ")
	return string(out)
}

func TestNotFound(t *testing.T) {
	e := newEnv(t, web.Config{})
	for _, p := range []string{"/applications/999", "/applications/abc", "/applications/999/edit", "/interviews/999",
		"/api/applications/999", "/no/such/page", "/static/nope.css"} {
		w := e.get(p)
		if w.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, w.Code)
		}
	}
	w := e.post("/applications/999/move", url.Values{"target": {"onsite"}})
	if w.Code != http.StatusNotFound {
		t.Errorf("POST move of unknown application = %d, want 404", w.Code)
	}
	if w := e.get("/api/applications/999"); !strings.Contains(w.Body.String(), `"error"`) {
		t.Errorf("API 404 body = %s, want JSON with an error", w.Body)
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	e := newEnv(t, web.Config{})
	req := formRequest("/applications", createForm())
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	w := e.do(req)
	wantStatus(t, w, http.StatusForbidden)
	if n := len(e.apps()); n != 0 {
		t.Errorf("a cross-site form created %d applications", n)
	}
}

func TestDeleteNeedsCompanyName(t *testing.T) {
	e := newEnv(t, web.Config{})
	a := e.addApp("Helix Robotics", tracker.MidSize, "Perception MLE", tracker.NewDate(2026, 11, 1))
	p := "/applications/" + itoa(a.ID) + "/delete"
	wantStatus(t, e.get(p), http.StatusOK)
	w := e.post(p, url.Values{"confirm": {"Helix"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantContains(t, w.Body.String(), "type the company name")
	wantStatus(t, e.post(p, url.Values{"confirm": {"helix robotics"}}), http.StatusSeeOther)
	if n := len(e.apps()); n != 0 {
		t.Errorf("%d applications after delete, want 0", n)
	}
}

func TestApplicationPageForms(t *testing.T) {
	e := newEnv(t, web.Config{})
	a := e.addApp("Tessellate", tracker.Startup, "MLE", tracker.NewDate(2026, 11, 1))
	id := itoa(a.ID)
	ctx := context.Background()
	stages, _ := e.db.Stages(ctx, e.user.ID, a.ID)
	last := stages[len(stages)-2]
	steps := []struct {
		path string
		form url.Values
	}{
		{"/applications/" + id + "/stages", url.Values{"name": {"Hiring committee"}, "after": {itoa(last.ID)}}},
		{"/applications/" + id + "/stages/" + itoa(stages[0].ID) + "/rename", url.Values{"name": {"Submitted"}}},
		{"/applications/" + id + "/rounds", url.Values{"stage": {itoa(last.ID)}, "kind": {"paper_discussion"}}},
		{"/applications/" + id + "/contacts", url.Values{"role": {"hiring_manager"}, "name": {"Mia Chen"}}},
		{"/applications/" + id + "/notes", url.Values{"text": {"Recruiter said decision by Friday"}}},
		{"/applications/" + id + "/edit", url.Values{"role": {"Senior MLE"}, "kind": {"startup"}, "applied_on": {"2026-11-01"}, "notes": {"Edited notes"}}},
	}
	for _, s := range steps {
		wantStatus(t, e.post(s.path, s.form), http.StatusSeeOther)
	}
	w := e.get("/applications/" + id)
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "Hiring committee", "Submitted", "Paper discussion", "Mia Chen",
		"Recruiter said decision by Friday", "Senior MLE", "Edited notes")
	if err := checkHTML(w.Body.String()); err != nil {
		t.Errorf("application page: %v", err)
	}

	// A stage the application has been in cannot be removed: the page says why.
	w = e.post("/applications/"+id+"/stages/"+itoa(stages[0].ID)+"/remove", nil)
	if w.Code != http.StatusConflict {
		t.Errorf("removing the current stage = %d, want 409", w.Code)
	}
	// An empty stage name is refused with 422 and the page.
	w = e.post("/applications/"+id+"/stages", url.Values{"name": {" "}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantContains(t, w.Body.String(), "a name is required")
	// Another application's stage is not reachable through this one.
	b := e.addApp("Other", tracker.Startup, "MLE", tracker.NewDate(2026, 11, 1))
	other, _ := e.db.Stages(ctx, e.user.ID, b.ID)
	w = e.post("/applications/"+id+"/stages/"+itoa(other[0].ID)+"/rename", url.Values{"name": {"Hijacked"}})
	wantStatus(t, w, http.StatusNotFound)
}

func TestInterviewForms(t *testing.T) {
	e := newEnv(t, web.Config{})
	a := e.addApp("Northwind AI", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	w := e.post("/applications/"+itoa(a.ID)+"/interviews", url.Values{"kind": {"behavioral"}, "date": {"2026-11-23"}, "time": {"14:00"}, "interviewers": {"Priya Raman <priya@northwind.example>"}})
	wantStatus(t, w, http.StatusSeeOther)
	p := w.Header().Get("Location")
	wantStatus(t, e.post(p+"/done", url.Values{"outcome": {"passed"}, "detail": {"their feature store migration"}, "notes": {"went well"}}), http.StatusSeeOther)
	wantStatus(t, e.post(p+"/redflags", url.Values{"flag": {firstFlag(t)}}), http.StatusSeeOther)
	wantStatus(t, e.post(p, url.Values{"title": {"Behavioural with Priya"}, "kind": {"behavioral"}, "date": {"2026-11-23"}, "time": {"14:30"}, "minutes": {"50"}}), http.StatusSeeOther)
	w = e.get(p)
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "Passed", "their feature store migration", "Behavioural with Priya", "14:30", "checked")
	wantStatus(t, e.post(p+"/redflags", url.Values{"flag": {"not-a-flag"}}), http.StatusUnprocessableEntity)
	wantStatus(t, e.post(p+"/done", url.Values{"outcome": {"maybe"}}), http.StatusUnprocessableEntity)
}

func firstFlag(t *testing.T) string {
	f, err := tracker.LoadRedFlags()
	if err != nil {
		t.Fatal(err)
	}
	return f.Groups[0].Flags[0].Key
}

// TestPagesWellFormed fetches every page with data in it and checks that each
// answers 200 with well-formed HTML in which every control has a label.
func TestPagesWellFormed(t *testing.T) {
	e := newEnv(t, web.Config{})
	a := e.addApp("Northwind AI", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	e.addApp("Fathom Labs", tracker.ResearchLab, "Research Engineer", tracker.NewDate(2026, 11, 3))
	w := e.post("/applications/"+itoa(a.ID)+"/interviews", url.Values{"kind": {"ml_coding"}, "date": {"2026-11-25"}, "time": {"10:00"}})
	wantStatus(t, w, http.StatusSeeOther)
	iv := w.Header().Get("Location")
	pages := []string{"/", "/?q=north", "/today", "/funnel", "/settings", "/import", "/applications/new",
		"/applications/" + itoa(a.ID), "/applications/" + itoa(a.ID) + "/edit", "/applications/" + itoa(a.ID) + "/delete", iv,
		"/applications/999"}
	for _, p := range pages {
		w := e.get(p)
		if w.Code != http.StatusOK && p != "/applications/999" {
			t.Errorf("GET %s = %d, want 200", p, w.Code)
		}
		if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("GET %s: Content-Type = %q", p, ct)
		}
		if err := checkHTML(w.Body.String()); err != nil {
			t.Errorf("GET %s: %v", p, err)
		}
	}
	for _, p := range []string{"/api/applications", "/api/applications/" + itoa(a.ID), "/api/today", "/api/funnel"} {
		w := e.get(p)
		if w.Code != http.StatusOK || !json.Valid(w.Body.Bytes()) {
			t.Errorf("GET %s = %d, valid JSON %v", p, w.Code, json.Valid(w.Body.Bytes()))
		}
	}
	if w := e.get("/healthz"); w.Code != http.StatusOK || w.Body.String() != "ok" {
		t.Errorf("GET /healthz = %d %q", w.Code, w.Body)
	}
}

func TestAPIApplications(t *testing.T) {
	e := newEnv(t, web.Config{})
	e.addApp("Northwind AI", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	var got struct {
		Applications []struct {
			ID        int64  `json:"id"`
			Company   string `json:"company"`
			State     string `json:"state"`
			StageKind string `json:"stage_kind"`
			Role      string `json:"role"`
		} `json:"applications"`
	}
	w := e.get("/api/applications")
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Applications) != 1 || got.Applications[0].Company != "Northwind AI" || got.Applications[0].StageKind != "applied" || got.Applications[0].State != "Applied" || got.Applications[0].Role != "ML Engineer" {
		t.Errorf("GET /api/applications = %s", w.Body)
	}
}

func TestStaticCaching(t *testing.T) {
	e := newEnv(t, web.Config{})
	body := e.get("/").Body.String()
	i := strings.Index(body, "/static/app.css?v=")
	if i < 0 {
		t.Fatalf("the layout does not link app.css with a content hash")
	}
	href := body[i : i+strings.IndexByte(body[i:], '"')]
	w := e.get(href)
	wantStatus(t, w, http.StatusOK)
	if cc := w.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("Cache-Control = %q, want a long immutable cache", cc)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("Content-Type = %q", ct)
	}
	if cc := e.get("/static/app.css").Header().Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("without the hash, Cache-Control = %q, want no-cache", cc)
	}
}

func formRequest(path string, form url.Values) *http.Request {
	req, _ := http.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func TestImportCSV(t *testing.T) {
	e := newEnv(t, web.Config{})
	csv := "Company,Role,Status,Date Applied,URL,Kind\n" +
		"Northwind AI,ML Engineer,Phone screen,2026-11-01,https://northwind.example/jobs/1,big tech\n" +
		"Fathom Labs,Research Engineer,Rejected,2026-10-20,https://fathom.example/jobs/2,research\n" +
		"Dreamco,MLE,Wishlist,2026-11-02,https://dream.example/jobs/3,startup\n"
	w := e.upload("/import", "file", "applications.csv", []byte(csv))
	wantStatus(t, w, http.StatusSeeOther)
	wantContains(t, e.get(w.Header().Get("Location")).Body.String(), "Imported 2 applications", "Skipped 1 row")
	apps := e.apps()
	if len(apps) != 2 {
		t.Fatalf("%d applications after the import, want 2", len(apps))
	}
	body := e.get("/").Body.String()
	wantContains(t, body, "Northwind AI", "Fathom Labs")

	// A bad row fails the whole file, with its line.
	e = newEnv(t, web.Config{})
	w = e.upload("/import", "file", "applications.csv", []byte("Company,Role,Status,Date Applied,URL\nAcme,MLE,Applied,not a date,https://acme.example\n"))
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantContains(t, w.Body.String(), "line 2")
	if n := len(e.apps()); n != 0 {
		t.Errorf("%d applications after a failed import", n)
	}
}
