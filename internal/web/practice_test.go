package web_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/kit"
	"github.com/offerloop/offerloop/internal/practice"
	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

// practiceEnv is a test server with the practice pages on, over a clock the
// test moves.
type practiceEnv struct {
	*env
	lib   *practice.Library
	mu    sync.Mutex
	clock time.Time
}

func newPracticeEnv(t testing.TB) *practiceEnv {
	t.Helper()
	lib, err := practice.Load()
	if err != nil {
		t.Fatalf("practice.Load: %v", err)
	}
	pe := &practiceEnv{lib: lib, clock: testNow}
	now := func() time.Time {
		pe.mu.Lock()
		defer pe.mu.Unlock()
		return pe.clock
	}
	pe.env = newEnvWith(t, web.Config{Now: now}, func(cfg *web.Config, db *sqlite.DB) { cfg.Practice = db })
	return pe
}

func (e *practiceEnv) advance(d time.Duration) {
	e.mu.Lock()
	e.clock = e.clock.Add(d)
	e.mu.Unlock()
}

func (e *practiceEnv) stories() []practice.Story {
	e.t.Helper()
	ss, err := e.db.Stories(context.Background(), e.user.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return ss
}

func (e *practiceEnv) session(id int64) practice.DesignSession {
	e.t.Helper()
	s, err := e.db.DesignSession(context.Background(), e.user.ID, id)
	if err != nil {
		e.t.Fatal(err)
	}
	return s
}

func (e *practiceEnv) setting(key string) string {
	e.t.Helper()
	v, err := e.db.Setting(context.Background(), e.user.ID, key)
	if err != nil {
		e.t.Fatal(err)
	}
	return v
}

// interview schedules an interview of kind for a new application at company.
func (e *practiceEnv) interview(company string, kind tracker.RoundKind, title string, at time.Time) *tracker.Interview {
	e.t.Helper()
	a := e.addApp(company, tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	iv := &tracker.Interview{UserID: e.user.ID, ApplicationID: a.ID, Kind: kind, Title: title, At: at, Minutes: 45}
	if err := e.db.ScheduleInterview(context.Background(), iv); err != nil {
		e.t.Fatal(err)
	}
	return iv
}

func words(n int, w string) string { return strings.TrimSpace(strings.Repeat(w+" ", n)) }

// storyForm is a story that passes every check but the figure in the
// result, which quantified adds.
func storyForm(quantified bool) url.Values {
	result := "Precision rose sharply, false positives fell and the support queue went back to normal."
	if quantified {
		result = "Precision rose from 87% to 96% at the same recall, and false positives fell by 60%."
	}
	return url.Values{
		"title":     {"Cut fraud false positives"},
		"situation": {"Our fraud model flagged too many good payments, and support was overwhelmed by angry customers."},
		"task":      {"I owned raising precision without losing recall, in one quarter."},
		"action":    {"I " + words(200, "rebuilt") + " and I ran an A/B test."},
		"result":    {result},
		"category":  {"challenges", "conflict"},
		"companies": {"Acme AI, Northwind, "},
	}
}

var (
	storyIDRe   = regexp.MustCompile(`^/stories/(\d+)\?saved=1$`)
	sessionIDRe = regexp.MustCompile(`^/design/sessions/(\d+)$`)
	sinceRe     = regexp.MustCompile(`name="since" value="(\d+)"`)
	planItemRe  = regexp.MustCompile(`<li class="plan-item" data-item="([^"]+)">`)
)

func location(t testing.TB, w interface{ Header() http.Header }, re *regexp.Regexp) int64 {
	t.Helper()
	loc := w.Header().Get("Location")
	m := re.FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("redirected to %q, want %s", loc, re)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

func intAfter(t testing.TB, body, marker string) int {
	t.Helper()
	m := regexp.MustCompile(regexp.QuoteMeta(marker) + `(\d+)`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no %q in the page:\n%s", marker, excerpt(body))
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestPracticePages renders every practice page, on an empty database and
// with data, and checks the markup.
func TestPracticePages(t *testing.T) {
	e := newPracticeEnv(t)
	prompt := e.lib.Design.Prompts[0]
	pages := []string{"/practice", "/stories", "/stories/new", "/stories/new?category=conflict", "/stories/practice",
		"/stories/practice?category=failure", "/design", "/design/" + prompt.ID, "/plan", "/mock", "/mock/coding", "/mock/phone"}
	check := func(path string) string {
		t.Helper()
		w := e.get(path)
		wantStatus(t, w, http.StatusOK)
		body := w.Body.String()
		if err := checkHTML(body); err != nil {
			t.Errorf("GET %s: %v", path, err)
		}
		wantContains(t, body, `<a href="/practice" aria-current="page">Practice</a>`)
		return body
	}
	t.Run("empty", func(t *testing.T) {
		for _, p := range pages {
			check(p)
		}
		wantContains(t, check("/stories"), "No stories yet", `data-category="conflict" data-status="missing"`)
		wantContains(t, check("/design"), "No scored sessions yet", prompt.Title)
		wantContains(t, check("/stories/practice"), "No stories yet. Write a few")
		wantContains(t, check("/mock/coding"), "Clarify", "2 min", "Implement", "30 min", `data-mock="coding"`, "/static/practice.js?v=")
		wantContains(t, check("/mock/phone"), "Introductions", "Background", "Technical", "15 min")
	})

	t.Run("with data", func(t *testing.T) {
		e.interview("Acme", tracker.RoundBehavioral, "Onsite", time.Date(2026, 12, 3, 14, 0, 0, 0, testLoc))
		wantStatus(t, e.post("/stories", storyForm(false)), http.StatusSeeOther)
		w := e.post("/design/"+prompt.ID, nil)
		wantStatus(t, w, http.StatusSeeOther)
		open := location(t, w, sessionIDRe)
		scored := e.finishSession(t, prompt, 30*time.Second, map[string][]int{"problem": {0}})
		ready := e.walkSession(t, prompt, time.Minute)
		story := e.stories()[0]
		more := []string{"/stories/" + itoa(story.ID), "/stories/" + itoa(story.ID) + "/delete", "/stories/practice?q=" + e.lib.Behavioral.Questions[0].ID,
			"/design/sessions/" + itoa(open), "/design/sessions/" + itoa(scored), "/design/sessions/" + itoa(ready)}
		for _, p := range append(pages, more...) {
			check(p)
		}
		hub := check("/practice")
		wantContains(t, hub, `<strong data-count="stories">1</strong> story`, `<strong data-count="sessions">1</strong> scored session`,
			"Onsite at Acme on Thu 3 Dec</a> probes", "In progress", "Last score")
		wantContains(t, check("/design/sessions/"+itoa(open)), "Step 1 of 7", `data-step-clock`, `name="since"`)
		wantContains(t, check("/design/sessions/"+itoa(ready)), "Score your session", `name="check-problem"`)
		wantContains(t, check("/design/sessions/"+itoa(scored)), "Rubric covered", "Notes and rubric")
	})

	t.Run("off", func(t *testing.T) {
		off := newEnv(t, web.Config{})
		for _, p := range []string{"/practice", "/stories", "/stories/new", "/stories/practice", "/design", "/plan", "/design/" + prompt.ID} {
			w := off.get(p)
			wantStatus(t, w, http.StatusNotFound)
			wantContains(t, w.Body.String(), "Practice is not enabled")
		}
		// The timers need no store.
		wantStatus(t, off.get("/mock/coding"), http.StatusOK)
	})

	t.Run("not found", func(t *testing.T) {
		for _, p := range []string{"/stories/999", "/stories/abc", "/stories/999/delete", "/design/no-such-prompt", "/design/sessions/999",
			"/design/sessions/abc", "/mock/no-such-round", "/stories/practice?category=astrology", "/stories/practice?q=no-such-question"} {
			wantStatus(t, e.get(p), http.StatusNotFound)
		}
	})
}

// walkSession starts a session of p and posts every step without
// JavaScript, each taking step; it returns the session's id.
func (e *practiceEnv) walkSession(t *testing.T, p practice.Prompt, step time.Duration) int64 {
	t.Helper()
	w := e.post("/design/"+p.ID, nil)
	wantStatus(t, w, http.StatusSeeOther)
	id := location(t, w, sessionIDRe)
	path := "/design/sessions/" + itoa(id)
	for _, st := range e.lib.Design.Steps {
		page := e.get(path).Body.String()
		m := sinceRe.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("step %s: no since field:\n%s", st.ID, excerpt(page))
		}
		e.advance(step)
		w := e.post(path+"/step", url.Values{"step": {st.ID}, "since": {m[1]}, "notes": {"My notes on " + st.Name + " & <more>"}})
		wantStatus(t, w, http.StatusSeeOther)
	}
	return id
}

// finishSession walks a session and scores it with checked.
func (e *practiceEnv) finishSession(t *testing.T, p practice.Prompt, step time.Duration, checked map[string][]int) int64 {
	t.Helper()
	id := e.walkSession(t, p, step)
	form := url.Values{}
	for st, idx := range checked {
		for _, i := range idx {
			form.Add("check-"+st, strconv.Itoa(i))
		}
	}
	wantStatus(t, e.post("/design/sessions/"+itoa(id)+"/score", form), http.StatusSeeOther)
	return id
}

// TestStoryLifecycle creates a story, sees its checks, fixes it, and
// deletes it; bad input is refused with the form kept and nothing written.
func TestStoryLifecycle(t *testing.T) {
	e := newPracticeEnv(t)
	w := e.post("/stories", storyForm(false))
	wantStatus(t, w, http.StatusSeeOther)
	id := location(t, w, storyIDRe)
	ss := e.stories()
	if len(ss) != 1 || ss[0].ID != id || !slices.Equal(ss[0].Categories, []string{"challenges", "conflict"}) || !slices.Equal(ss[0].Companies, []string{"Acme AI", "Northwind"}) {
		t.Fatalf("stories = %+v", ss)
	}
	path := "/stories/" + itoa(id)
	body := e.get(path + "?saved=1").Body.String()
	wantContains(t, body, "Saved.", "Checks: passed <span data-passed>5</span> of 6", `<li class="finding fail" data-check="quantified">`,
		"The result has no number.", "Put a figure in the result", `value="Acme AI, Northwind"`, `id="cat-conflict" name="category" value="conflict" checked`)
	wantContains(t, e.get("/stories").Body.String(), `data-passed="5">passed 5 of 6`, `data-category="conflict" data-status="thin"`, "Acme AI, Northwind")

	// Edit: a figure in the result passes every check.
	form := storyForm(true)
	form.Set("title", "Cut fraud false positives by 60%")
	form["category"] = []string{"challenges"}
	wantStatus(t, e.post(path, form), http.StatusSeeOther)
	got := e.stories()[0]
	if got.Title != "Cut fraud false positives by 60%" || !slices.Equal(got.Categories, []string{"challenges"}) || !strings.Contains(got.Result, "87%") {
		t.Fatalf("after the edit: %+v", got)
	}
	body = e.get(path).Body.String()
	wantContains(t, body, "Checks: passed <span data-passed>6</span> of 6", "The result has a number in it.")
	if strings.Contains(body, `class="finding fail"`) {
		t.Error("a failing check shows after the fix")
	}

	t.Run("refused", func(t *testing.T) {
		for _, tt := range []struct {
			name   string
			change func(url.Values)
			status int
			msg    string
		}{
			{"no title", func(f url.Values) { f.Set("title", " ") }, http.StatusUnprocessableEntity, "a story needs a title"},
			{"long title", func(f url.Values) { f.Set("title", strings.Repeat("t", practice.MaxStoryTitle+1)) }, http.StatusUnprocessableEntity, "the title is longer than 200 characters"},
			{"oversized", func(f url.Values) { f.Set("situation", strings.Repeat("x", practice.MaxStoryField+1)) }, http.StatusUnprocessableEntity, "the situation is longer than 4000 characters"},
			{"unknown category", func(f url.Values) { f.Add("category", "astrology") }, http.StatusUnprocessableEntity, `unknown category &#34;astrology&#34;`},
		} {
			t.Run(tt.name, func(t *testing.T) {
				f := storyForm(true)
				tt.change(f)
				for _, p := range []string{"/stories", path} {
					w := e.post(p, f)
					wantStatus(t, w, tt.status)
					body := w.Body.String()
					wantContains(t, body, tt.msg, `<textarea id="st-action"`, html.EscapeString("87% to 96%"))
					if err := checkHTML(body); err != nil {
						t.Error(err)
					}
				}
				if ss := e.stories(); len(ss) != 1 || ss[0].Title != "Cut fraud false positives by 60%" {
					t.Errorf("a refused form changed the stories: %+v", ss)
				}
			})
		}
		wantStatus(t, e.post("/stories/999", storyForm(true)), http.StatusNotFound)
		wantStatus(t, e.post("/stories/999/delete", nil), http.StatusNotFound)
	})

	// Delete, after a confirmation page.
	wantContains(t, e.get(path+"/delete").Body.String(), "Delete this story?", `action="/stories/`+itoa(id)+`/delete"`)
	w = e.post(path+"/delete", nil)
	wantStatus(t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); loc != "/stories?deleted=1" {
		t.Errorf("after delete: redirected to %q", loc)
	}
	if n := len(e.stories()); n != 0 {
		t.Errorf("%d stories after the delete", n)
	}
	wantContains(t, e.get("/stories?deleted=1").Body.String(), "The story was deleted.", "No stories yet")
	wantStatus(t, e.get(path), http.StatusNotFound)
}

// TestStoryCoverage: an upcoming behavioral interview's needs show on the
// grid and above it, and a story moves its category from missing to thin.
func TestStoryCoverage(t *testing.T) {
	e := newPracticeEnv(t)
	iv := e.interview("Acme", tracker.RoundBehavioral, "Onsite", time.Date(2026, 12, 3, 14, 0, 0, 0, testLoc))
	body := e.get("/stories").Body.String()
	link := `<a href="/interviews/` + itoa(iv.ID) + `">Onsite at Acme on Thu 3 Dec</a>`
	wantContains(t, body, `<li data-need="`+itoa(iv.ID)+`">`+link+` probes`, `title="no story yet">conflict</span>`,
		`<tr data-category="conflict" data-status="missing">`)
	// The conflict row names the interview; behavioral rounds probe it.
	row := body[strings.Index(body, `<tr data-category="conflict"`):]
	row = row[:strings.Index(row, "</tr>")]
	if !strings.Contains(row, link) {
		t.Errorf("the conflict row does not name the interview:\n%s", row)
	}

	wantStatus(t, e.post("/stories", storyForm(true)), http.StatusSeeOther)
	body = e.get("/stories").Body.String()
	wantContains(t, body, `<tr data-category="conflict" data-status="thin">`, `title="fewer than 2 stories">conflict</span>`,
		`<tr data-category="leadership" data-status="missing">`)
	f := storyForm(true)
	f.Set("title", "Settled a metric dispute")
	wantStatus(t, e.post("/stories", f), http.StatusSeeOther)
	wantContains(t, e.get("/stories").Body.String(), `<tr data-category="conflict" data-status="ok">`, `title="covered">conflict</span>`)
	wantContains(t, e.get("/practice").Body.String(), "Onsite at Acme on Thu 3 Dec</a> probes")
}

// TestStoryPractice: a drawn question with what to listen for, follow-ups
// and the best-matching story.
func TestStoryPractice(t *testing.T) {
	e := newPracticeEnv(t)
	wantStatus(t, e.post("/stories", storyForm(true)), http.StatusSeeOther)
	var q practice.Question
	for _, x := range e.lib.Behavioral.Questions {
		if x.Categories[0] == "conflict" {
			q = x
			break
		}
	}
	w := e.get("/stories/practice?q=" + q.ID)
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	wantContains(t, body, html.EscapeString(q.Text), html.EscapeString(q.ListenFor), html.EscapeString(q.FollowUps[0]),
		"Stories that fit", "Cut fraud false positives", "tagged conflict", `data-answer-timer data-target="120" hidden`, "Another question")

	questionRe := regexp.MustCompile(`data-question="([^"]+)"`)
	seen := map[string]bool{}
	for range 30 {
		body := e.get("/stories/practice?category=failure&after=" + q.ID).Body.String()
		m := questionRe.FindStringSubmatch(body)
		if m == nil {
			t.Fatal("no question drawn")
		}
		i := slices.IndexFunc(e.lib.Behavioral.Questions, func(x practice.Question) bool { return x.ID == m[1] })
		if i < 0 || !slices.Contains(e.lib.Behavioral.Questions[i].Categories, "failure") {
			t.Fatalf("?category=failure drew %q", m[1])
		}
		seen[m[1]] = true
		wantContains(t, body, `<option value="failure" selected>`, "category=failure")
	}
	if len(seen) < 2 {
		t.Errorf("30 draws gave %d distinct questions", len(seen))
	}
	// "Another question" never repeats the one shown.
	for range 20 {
		body := e.get("/stories/practice?category=conflict&after=" + q.ID).Body.String()
		if strings.Contains(body, `data-question="`+q.ID+`"`) {
			t.Fatal("another question drew the same one again")
		}
	}
}

// TestDesignSession walks a session through the seven steps without
// JavaScript, scores it, and finds it in the history with its score per step.
func TestDesignSession(t *testing.T) {
	e := newPracticeEnv(t)
	p := e.lib.Design.Prompts[0]
	wantContains(t, e.get("/design/"+p.ID).Body.String(), html.EscapeString(p.Brief), `<form method="post" action="/design/`+p.ID+`"`)
	w := e.post("/design/"+p.ID, nil)
	wantStatus(t, w, http.StatusSeeOther)
	id := location(t, w, sessionIDRe)
	path := "/design/sessions/" + itoa(id)
	if s := e.session(id); s.PromptID != p.ID || !s.StartedAt.Equal(testNow) || s.Finished() {
		t.Fatalf("new session = %+v", s)
	}

	for i, st := range e.lib.Design.Steps {
		page := e.get(path).Body.String()
		wantContains(t, page, fmt.Sprintf("Step %d of 7", i+1), "<h2 id=\"h-step\">"+html.EscapeString(st.Name)+"</h2>", html.EscapeString(st.Goal),
			fmt.Sprintf("of %d:00", st.Minutes), `data-budget="`+strconv.Itoa(st.Minutes*60)+`"`)
		since := sinceRe.FindStringSubmatch(page)[1]
		e.advance(time.Duration(i+2) * time.Minute)
		form := url.Values{"step": {st.ID}, "since": {since}, "notes": {"Notes on " + st.Name}}
		if i == 6 {
			form.Set("seconds", "123") // practice.js's count wins over the form's start
		}
		wantStatus(t, e.post(path+"/step", form), http.StatusSeeOther)
		want := (i + 2) * 60
		if i == 6 {
			want = 123
		}
		if got := e.session(id).Seconds[st.ID]; got != want {
			t.Errorf("step %s took %d s, want %d", st.ID, got, want)
		}
	}
	s := e.session(id)
	if len(s.Notes) != 7 || s.Notes["evaluation"] != "Notes on Evaluation" || s.Finished() {
		t.Fatalf("after seven steps: %+v", s)
	}

	page := e.get(path).Body.String()
	wantContains(t, page, "Score your session", "Notes on Evaluation", html.EscapeString(p.Rubric["evaluation"][0]),
		`id="rub-evaluation-0" name="check-evaluation" value="0"`, html.EscapeString(p.Pitfalls[0]), "over its time")
	if strings.Contains(page, `name="since"`) {
		t.Error("the scoring view still has a step form")
	}

	// Score: two points of the problem, all of evaluation.
	form := url.Values{"check-problem": {"0", "1"}}
	for i := range p.Rubric["evaluation"] {
		form.Add("check-evaluation", strconv.Itoa(i))
	}
	e.advance(time.Minute)
	w = e.post(path+"/score", form)
	wantStatus(t, w, http.StatusSeeOther)
	s = e.session(id)
	if !s.Finished() || !slices.Equal(s.Checked["problem"], []int{0, 1}) || len(s.Checked["evaluation"]) != len(p.Rubric["evaluation"]) {
		t.Fatalf("after scoring: %+v", s)
	}
	score := e.lib.Score(s)
	page = e.get(w.Header().Get("Location")).Body.String()
	wantContains(t, page, "Scores saved.", fmt.Sprintf(`data-total-score>%d%%`, score.Percent()), fmt.Sprintf("%d of %d", 2, len(p.Rubric["problem"])),
		`<tr data-step-score="evaluation">`, "100%", `value="1" checked`)
	if err := checkHTML(page); err != nil {
		t.Error(err)
	}

	// The history shows it with its score per step.
	body := e.get("/design").Body.String()
	wantContains(t, body, `<tr data-session="`+itoa(id)+`">`, fmt.Sprintf(`<strong data-score>%d%%</strong>`, score.Percent()),
		fmt.Sprintf(`title="Problem: 2 of %d`, len(p.Rubric["problem"])), fmt.Sprintf(`title="Evaluation: %d of %d"`, len(p.Rubric["evaluation"]), len(p.Rubric["evaluation"])),
		`<svg class="spark"`, "Evaluation</span> <strong>100%</strong>")

	// A second session: the charts draw a line between the two.
	e.finishSession(t, p, time.Minute, map[string][]int{"problem": {0}})
	body = e.get("/design").Body.String()
	if n := strings.Count(body, "<tr data-session="); n != 2 {
		t.Errorf("the history lists %d sessions, want 2", n)
	}
	wantContains(t, body, `<polyline points="6,`)
}

// TestDesignSessionRefused: bad requests get a clear 4xx and write nothing.
func TestDesignSessionRefused(t *testing.T) {
	e := newPracticeEnv(t)
	p := e.lib.Design.Prompts[0]
	wantStatus(t, e.post("/design/no-such-prompt", nil), http.StatusNotFound)
	w := e.post("/design/"+p.ID, nil)
	wantStatus(t, w, http.StatusSeeOther)
	id := location(t, w, sessionIDRe)
	path := "/design/sessions/" + itoa(id)
	since := sinceRe.FindStringSubmatch(e.get(path).Body.String())[1]
	e.advance(time.Minute)
	before := e.session(id)

	for _, tt := range []struct {
		name   string
		form   url.Values
		status int
		msg    string
	}{
		{"unknown step", url.Values{"step": {"astrology"}, "since": {since}}, http.StatusBadRequest, "there is no design step"},
		{"step out of order", url.Values{"step": {"evaluation"}, "since": {since}}, http.StatusConflict, "not at the evaluation step"},
		{"oversized notes", url.Values{"step": {"problem"}, "since": {since}, "notes": {strings.Repeat("n", practice.MaxNotes+1)}}, http.StatusRequestEntityTooLarge, "at most 20000"},
		{"negative seconds", url.Values{"step": {"problem"}, "seconds": {"-5"}}, http.StatusUnprocessableEntity, "whole number of seconds"},
		{"seconds not a number", url.Values{"step": {"problem"}, "seconds": {"soon"}}, http.StatusUnprocessableEntity, "whole number of seconds"},
		{"no start", url.Values{"step": {"problem"}}, http.StatusUnprocessableEntity, "lacks the time the step began"},
		{"start in the future", url.Values{"step": {"problem"}, "since": {strconv.FormatInt(testNow.Add(time.Hour).Unix(), 10)}}, http.StatusUnprocessableEntity, "outside the session"},
		{"start before the session", url.Values{"step": {"problem"}, "since": {strconv.FormatInt(testNow.Add(-time.Hour).Unix(), 10)}}, http.StatusUnprocessableEntity, "outside the session"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := e.post(path+"/step", tt.form)
			wantStatus(t, w, tt.status)
			wantContains(t, w.Body.String(), tt.msg)
			if s := e.session(id); len(s.Seconds) != 0 || len(s.Notes) != 0 {
				t.Errorf("a refused step wrote %+v", s)
			}
		})
	}
	// An oversized note is shown again, so that nothing typed is lost.
	w = e.post(path+"/step", url.Values{"step": {"problem"}, "since": {since}, "notes": {"kept " + strings.Repeat("n", practice.MaxNotes)}})
	wantContains(t, w.Body.String(), "kept nnn", `<textarea id="notes"`)

	w = e.post(path+"/score", url.Values{"check-problem": {"0"}})
	wantStatus(t, w, http.StatusConflict)
	wantContains(t, w.Body.String(), "steps still to do")
	wantStatus(t, e.post("/design/sessions/999/step", url.Values{"step": {"problem"}, "since": {since}}), http.StatusNotFound)

	// Walk the steps; then the scoring form is checked too.
	for _, st := range e.lib.Design.Steps {
		wantStatus(t, e.post(path+"/step", url.Values{"step": {st.ID}, "seconds": {"60"}}), http.StatusSeeOther)
	}
	wantStatus(t, e.post(path+"/step", url.Values{"step": {"problem"}, "seconds": {"60"}}), http.StatusConflict)
	before = e.session(id)
	for _, tt := range []struct {
		name string
		form url.Values
		msg  string
	}{
		{"no such point", url.Values{"check-problem": {strconv.Itoa(len(p.Rubric["problem"]))}}, "does not exist"},
		{"not a number", url.Values{"check-problem": {"first"}}, "is not a point of the rubric"},
		{"unknown step", url.Values{"check-astrology": {"0"}}, "there is no design step"},
		{"twice", url.Values{"check-problem": {"1", "1"}}, "does not exist"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := e.post(path+"/score", tt.form)
			wantStatus(t, w, http.StatusBadRequest)
			wantContains(t, w.Body.String(), tt.msg)
			if s := e.session(id); s.Finished() || len(s.Checked) != 0 {
				t.Errorf("a refused score wrote %+v", s)
			}
		})
	}
	if s := e.session(id); !s.StartedAt.Equal(before.StartedAt) || s.Finished() {
		t.Errorf("session changed: %+v", s)
	}
	wantStatus(t, e.post(path+"/score", url.Values{"check-problem": {"0"}}), http.StatusSeeOther)
	wantStatus(t, e.post(path+"/step", url.Values{"step": {"problem"}, "seconds": {"60"}}), http.StatusConflict)
}

// TestStudyPlan: a fresh database's plan starts today; Done and Skip move
// the counts and the next problem; the start date moves.
func TestStudyPlan(t *testing.T) {
	e := newPracticeEnv(t)
	w := e.get("/plan")
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	if err := checkHTML(body); err != nil {
		t.Fatal(err)
	}
	if got := e.setting(practice.SettingPlanStart); got != "2026-11-24" {
		t.Errorf("start setting = %q, want today, 2026-11-24", got)
	}
	total := len(e.lib.Plan.Items)
	wantContains(t, body, "Started Tue 24 Nov 2026", fmt.Sprintf(`<strong data-done>0</strong> <span class="of">of %d</span>`, total),
		`data-behind>0<`, "Week 1", "Week 5", "Review and mock rounds", `target="_blank" rel="noopener"`)
	if strings.Contains(body, `class="notice gentle plan-notes"`) {
		t.Error("a fresh plan has notes")
	}
	first := e.lib.Plan.Items[0]
	if today := planItemRe.FindStringSubmatch(body); today == nil || today[1] != first.ID {
		t.Fatalf("today's first problem = %v, want the plan's first, %s", today, first.ID)
	}

	// Done with today's problem: it shows as done today, and the next
	// problem of the plan takes its place.
	var easy []string
	for _, it := range e.lib.Plan.Items {
		if it.Phase == "easy" {
			easy = append(easy, it.ID)
		}
	}
	w = e.post("/plan/"+first.ID, url.Values{"status": {"done"}, "return": {"/plan#today"}})
	wantStatus(t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); loc != "/plan#today" {
		t.Errorf("redirected to %q", loc)
	}
	body = e.get("/plan").Body.String()
	if n := intAfter(t, body, "<strong data-done>"); n != 1 {
		t.Errorf("done = %d, want 1", n)
	}
	wantContains(t, body, `data-marked-today="`+first.ID+`"`, "Done today", fmt.Sprintf("data-left>%d<", total-1),
		`<tr id="item-`+first.ID+`" data-item="`+first.ID+`" data-status="done" class="marked">`)
	// Today's allowance is used: the next problem keeps its own day.
	if planItemRe.MatchString(body) {
		t.Errorf("a problem was pulled into today after today's was done")
	}
	wantContains(t, body, "data-nothing-today", `data-next="`+easy[1]+`"`)
	next := []string{"", easy[1]}

	// Skip it: the counts move, and so does the next problem.
	wantStatus(t, e.post("/plan/"+next[1], url.Values{"status": {"skipped"}}), http.StatusSeeOther)
	body = e.get("/plan").Body.String()
	if n := intAfter(t, body, "data-skipped>"); n != 1 {
		t.Errorf("skipped = %d, want 1", n)
	}
	if !strings.Contains(body, `data-next="`+easy[2]+`"`) {
		t.Errorf("the next problem after skipping %s is not %s", next[1], easy[2])
	}
	wantContains(t, body, `data-marked-today="`+next[1]+`"`, "Skipped today")
	wantContains(t, e.get("/practice").Body.String(), `<strong data-count="plan-done">1</strong> done`)
	// Undo the skip.
	wantStatus(t, e.post("/plan/"+next[1], url.Values{"status": {"clear"}}), http.StatusSeeOther)
	if n := intAfter(t, e.get("/plan").Body.String(), "data-skipped>"); n != 0 {
		t.Errorf("skipped after clearing = %d, want 0", n)
	}

	t.Run("refused", func(t *testing.T) {
		marks := func() int {
			ms, err := e.db.PlanMarks(context.Background(), e.user.ID)
			if err != nil {
				t.Fatal(err)
			}
			return len(ms)
		}
		n := marks()
		wantStatus(t, e.post("/plan/no-such-problem", url.Values{"status": {"done"}}), http.StatusNotFound)
		w := e.post("/plan/"+first.ID, url.Values{"status": {"finished"}})
		wantStatus(t, w, http.StatusBadRequest)
		wantContains(t, w.Body.String(), "done, skipped or clear")
		if marks() != n {
			t.Error("a refused mark wrote")
		}
		for _, tt := range []struct{ date, msg string }{
			{"2026-02-30", "is not a date"},
			{"next week", "is not a date"},
			{"2020-01-01", "at most a year"},
		} {
			w := e.post("/plan", url.Values{"start": {tt.date}})
			wantStatus(t, w, http.StatusUnprocessableEntity)
			wantContains(t, w.Body.String(), tt.msg, `value="`+tt.date+`"`)
			if got := e.setting(practice.SettingPlanStart); got != "2026-11-24" {
				t.Errorf("a refused date moved the start to %q", got)
			}
		}
	})

	t.Run("move the start", func(t *testing.T) {
		// Tomorrow: nothing today, and the next problem is the first not done.
		wantStatus(t, e.post("/plan", url.Values{"start": {"2026-11-25"}}), http.StatusSeeOther)
		body := e.get("/plan").Body.String()
		wantContains(t, body, "Nothing left for today.", `data-next="`+easy[1]+`"`, "on Wed 25 Nov")

		w := e.post("/plan", url.Values{"start": {"2026-11-10"}})
		wantStatus(t, w, http.StatusSeeOther)
		if got := e.setting(practice.SettingPlanStart); got != "2026-11-10" {
			t.Errorf("start = %q", got)
		}
		body = e.get("/plan").Body.String()
		wantContains(t, body, "Started Tue 10 Nov 2026", "problems behind the plan from 10 Nov")
		if n := intAfter(t, body, "data-behind>"); n == 0 {
			t.Error("two weeks late and not behind")
		}
	})
}

// TestInterviewAsks: questions chosen on an interview show there and on
// Today's checklist for it; bad choices are refused.
func TestInterviewAsks(t *testing.T) {
	e := newPracticeEnv(t)
	iv := e.interview("Acme", tracker.RoundBehavioral, "Behavioral", testNow.Add(48*time.Hour))
	path := "/interviews/" + itoa(iv.ID)
	body := e.get(path).Body.String()
	if err := checkHTML(body); err != nil {
		t.Fatal(err)
	}
	wantContains(t, body, `id="asks"`, "None chosen yet", `action="`+path+`/asks"`, "Your own question")
	if strings.Contains(body, "Not in a screen") {
		t.Error("a behavioral round shows the advice for screens")
	}
	// The questions that fit the round come first in their group.
	var fit, other practice.Ask
	for _, q := range e.lib.Asks.Questions {
		if slices.Contains(q.Rounds, "behavioral") && fit.ID == "" {
			fit = q
		}
		if !slices.Contains(q.Rounds, "behavioral") && q.Group == fit.Group && fit.ID != "" && other.ID == "" {
			other = q
		}
	}
	if other.ID != "" && strings.Index(body, `value="`+fit.ID+`"`) > strings.Index(body, `value="`+other.ID+`"`) {
		t.Errorf("%s (fits) comes after %s", fit.ID, other.ID)
	}

	second := e.lib.Asks.Questions[len(e.lib.Asks.Questions)-1]
	own := "What would you change about the retraining pipeline?"
	w := e.post(path+"/asks", url.Values{"ask": {fit.ID, second.ID, fit.ID}, "own": {own}})
	wantStatus(t, w, http.StatusSeeOther)
	asks, err := e.db.InterviewAsks(context.Background(), e.user.ID, iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(asks) != 3 || asks[0].QuestionID != fit.ID || asks[1].QuestionID != second.ID || asks[2].Text != own || asks[2].QuestionID != "" {
		t.Fatalf("asks = %+v", asks)
	}
	body = e.get(path).Body.String()
	wantContains(t, body, `<ol class="asks-chosen"><li>`+html.EscapeString(fit.Text)+`</li>`, `value="`+html.EscapeString(own)+`"`,
		`id="ask-`+fit.ID+`" name="ask" value="`+fit.ID+`" checked`, "Ask: "+html.EscapeString(own))
	today := e.get("/today").Body.String()
	wantContains(t, today, "Ask: "+html.EscapeString(fit.Text), "Ask: "+html.EscapeString(second.Text), "Ask: "+html.EscapeString(own))
	wantContains(t, e.get("/practice").Body.String(), "3 questions chosen")

	t.Run("refused", func(t *testing.T) {
		many := url.Values{}
		for _, q := range e.lib.Asks.Questions[:tracker.MaxAsks+1] {
			many.Add("ask", q.ID)
		}
		for _, tt := range []struct {
			name string
			form url.Values
			msg  string
		}{
			{"unknown question", url.Values{"ask": {"no-such-question"}}, "is not a question of the bank"},
			{"too many", many, "pick at most 10"},
			{"own too long", url.Values{"own": {strings.Repeat("q", 501)}}, "1 to 500 characters"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				w := e.post(path+"/asks", tt.form)
				wantStatus(t, w, http.StatusUnprocessableEntity)
				wantContains(t, w.Body.String(), tt.msg, `<details class="form-fold ask-picker" open>`)
				after, _ := e.db.InterviewAsks(context.Background(), e.user.ID, iv.ID)
				if len(after) != 3 {
					t.Errorf("a refused choice changed the questions: %+v", after)
				}
			})
		}
		wantStatus(t, e.post("/interviews/999/asks", url.Values{"ask": {fit.ID}}), http.StatusNotFound)
	})

	t.Run("screens", func(t *testing.T) {
		ps := e.interview("Northwind", tracker.RoundPhoneScreen, "Phone screen", testNow.Add(72*time.Hour))
		body := e.get("/interviews/" + itoa(ps.ID)).Body.String()
		// A screen lists the kit's questions to leave for later, which
		// cover the practice bank's.
		k, err := kit.Load()
		if err != nil {
			t.Fatal(err)
		}
		wantContains(t, body, "Not in a screen", html.EscapeString(k.RecruiterQuestions.Avoid[0].Text))
	})

	// Clearing every choice empties the list.
	wantStatus(t, e.post(path+"/asks", url.Values{}), http.StatusSeeOther)
	if after, _ := e.db.InterviewAsks(context.Background(), e.user.ID, iv.ID); len(after) != 0 {
		t.Errorf("after clearing: %+v", after)
	}
}

// TestPracticeExportImport: stories, design sessions, plan marks and
// questions to ask survive an export and an import.
func TestPracticeExportImport(t *testing.T) {
	src := newPracticeEnv(t)
	iv := src.interview("Acme", tracker.RoundBehavioral, "Behavioral", testNow.Add(48*time.Hour))
	wantStatus(t, src.post("/stories", storyForm(true)), http.StatusSeeOther)
	p := src.lib.Design.Prompts[1]
	sid := src.finishSession(t, p, time.Minute, map[string][]int{"problem": {0, 2}})
	src.get("/plan")
	wantStatus(t, src.post("/plan/"+src.lib.Plan.Items[0].ID, url.Values{"status": {"done"}}), http.StatusSeeOther)
	ask := src.lib.Asks.Questions[0]
	wantStatus(t, src.post("/interviews/"+itoa(iv.ID)+"/asks", url.Values{"ask": {ask.ID}, "own": {"Mine?"}}), http.StatusSeeOther)

	exported := src.get("/export.json").Body.Bytes()
	dst := newPracticeEnv(t)
	w := dst.upload("/import", "file", "offerloop-export.json", exported)
	wantStatus(t, w, http.StatusSeeOther)
	if a, b := normDump(t, exported), normDump(t, dst.get("/export.json").Body.Bytes()); a != b {
		t.Errorf("export → import → export changed the data:\n%s\n---\n%s", a, b)
	}
	if ss := dst.stories(); len(ss) != 1 || ss[0].Title != "Cut fraud false positives" {
		t.Errorf("stories after import: %+v", ss)
	}
	if s := dst.session(sid); !s.Finished() || !slices.Equal(s.Checked["problem"], []int{0, 2}) {
		t.Errorf("session after import: %+v", s)
	}
	wantContains(t, dst.get("/plan").Body.String(), "<strong data-done>1</strong>")
	wantContains(t, dst.get("/interviews/"+itoa(iv.ID)).Body.String(), html.EscapeString(ask.Text), "Ask: Mine?")
}
