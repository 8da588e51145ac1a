package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/offerloop/offerloop/internal/coach"
	"github.com/offerloop/offerloop/internal/tracker"
)

func keysOf(items []coach.Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Key
	}
	return out
}

func (c *cli) plan(args ...string) coach.Plan {
	c.t.Helper()
	var p coach.Plan
	c.json(&p, append([]string{"today"}, args...)...)
	return p
}

// TestTodayColdStart: a new database gets the onboarding path, in text and
// JSON.
func TestTodayColdStart(t *testing.T) {
	c := newCLI(t)
	out := c.ok("today")
	for _, want := range []string{"a plan for 60 minutes", "Welcome to offerloop", "[onboarding:application]", "/applications/new",
		"[onboarding:diagnostic]", "Nothing due this week."} {
		if !strings.Contains(out, want) {
			t.Errorf("today on a new database lacks %q:\n%s", want, out)
		}
	}
	p := c.plan()
	if !p.Onboarding || len(p.Items) == 0 || p.Items[0].Key != "onboarding:application" || p.Minutes != 60 {
		t.Errorf("plan of a new user = %+v", p)
	}
}

// TestTodayPlan: the plan for an onsite in three days fits the minutes,
// every item says why and where, readiness covers the interview, the agenda
// follows, and --minutes is bounded.
func TestTodayPlan(t *testing.T) {
	c := newCLI(t)
	c.ok("app", "add", "--company", "Globex", "--kind", "big-tech", "--role", "ML Engineer", "--applied", "2026-11-01")
	c.ok("app", "move", "1", "onsite")
	c.ok("interview", "add", "1", "--at", "2026-11-28 10:00", "--kind", "ml_theory")
	// A few reviews, so that theory readiness has something to measure.
	c.now = "2026-11-22T09:00:00Z"
	if _, errOut, code := c.run(strings.Repeat("\n3\n", 12)+"q\n", "drill", "--limit", "12"); code != 0 {
		t.Fatalf("drill: exit %d: %s", code, errOut)
	}
	c.now = "2026-11-25T10:00:00Z"

	for _, minutes := range []string{"15", "30", "60", "120"} {
		var raw map[string]json.RawMessage
		c.json(&raw, "today", "--minutes", minutes)
		for _, field := range []string{"minutes", "items", "later", "done", "onboarding", "readiness"} {
			if _, ok := raw[field]; !ok {
				t.Errorf("today --json lacks %q", field)
			}
		}
		p := c.plan("--minutes", minutes)
		sum := 0
		for _, it := range p.Items {
			sum += it.Minutes
			if it.Why == "" || it.Link == "" || it.Kind == "" || it.Title == "" || it.Key == "" {
				t.Errorf("item without why, link, kind, title or key: %+v", it)
			}
		}
		if want := map[string]int{"15": 15, "30": 30, "60": 60, "120": 120}[minutes]; p.Minutes != want || sum > want || len(p.Items) == 0 {
			t.Errorf("--minutes %s: plan of %d minutes with %d items taking %d", minutes, p.Minutes, len(p.Items), sum)
		}
		if p.Onboarding {
			t.Errorf("a user with an application gets the onboarding path")
		}
	}
	p := c.plan()
	if len(p.Readiness) != 1 || p.Readiness[0].Company != "Globex" || len(p.Readiness[0].Parts) == 0 || len(p.Readiness[0].Actions) == 0 {
		t.Fatalf("readiness = %+v", p.Readiness)
	}
	out := c.ok("today")
	for _, want := range []string{"Plan (", "[" + p.Items[0].Key + "]", p.Items[0].Title, "→ " + p.Items[0].Link,
		"Readiness: ML theory at Globex", "Theory ", "Next: ", "Interviews ahead", "Globex: ML theory"} {
		if !strings.Contains(out, want) {
			t.Errorf("today lacks %q:\n%s", want, out)
		}
	}
	if !strings.ContainsAny(out, "█░") {
		t.Errorf("today draws no readiness bars:\n%s", out)
	}

	for _, bad := range [][]string{{"today", "--minutes", "4"}, {"today", "--minutes", "601"}, {"today", "--minutes", "x"},
		{"today", "tomorrow"}, {"today", "done"}} {
		if errOut := c.fails(2, bad...); !strings.Contains(errOut, "offerloop:") {
			t.Errorf("%v: stderr %q", bad, errOut)
		}
	}
	if errOut := c.fails(1, "today", "done", "review:nothing-like-it"); !strings.Contains(errOut, "no item") {
		t.Errorf("marking an unknown key: %q", errOut)
	}
}

// TestTodayMarks: done moves an item to done, skip takes it off the plan,
// undo brings both back; a tracker task on the plan is marked in the
// tracker.
func TestTodayMarks(t *testing.T) {
	c := newCLI(t)
	c.ok("app", "add", "--company", "Globex", "--kind", "big-tech", "--role", "ML Engineer", "--applied", "2026-11-01")
	c.ok("app", "move", "1", "onsite")
	c.ok("interview", "add", "1", "--at", "2026-11-28 10:00", "--kind", "ml_theory")
	c.ok("interview", "add", "1", "--at", "2026-11-21 10:00", "--kind", "recruiter_screen")
	c.ok("interview", "done", "2", "--outcome", "passed")

	p := c.plan("--minutes", "120")
	var thanks, first, second string
	for _, it := range p.Items {
		switch {
		case it.TaskKey == "thank-you/2":
			thanks = it.Key
		case it.TaskKey == "" && first == "":
			first = it.Key
		case it.TaskKey == "" && second == "":
			second = it.Key
		}
	}
	if thanks == "" || first == "" || second == "" {
		t.Fatalf("the plan lacks the overdue thank-you note or two other items: %+v", keysOf(p.Items))
	}
	if out := c.ok("today", "done", first); !strings.Contains(out, "Done: "+first) {
		t.Errorf("today done: %q", out)
	}
	c.ok("today", "skip", second)
	p = c.plan("--minutes", "120")
	if !slices.Contains(keysOf(p.Done), first) || slices.Contains(keysOf(p.Items), first) {
		t.Errorf("after done, %s is not in done: items %v, done %v", first, keysOf(p.Items), keysOf(p.Done))
	}
	if slices.Contains(keysOf(p.Items), second) || slices.Contains(keysOf(p.Later), second) {
		t.Errorf("after skip, %s is still planned: items %v, later %v", second, keysOf(p.Items), keysOf(p.Later))
	}
	if out := c.ok("today"); !strings.Contains(out, "Done today") || !strings.Contains(out, "["+first+"]") {
		t.Errorf("today does not list what was done:\n%s", out)
	}
	// The next day the skip still holds; the done mark was for yesterday.
	c.now = "2026-11-26T10:00:00Z"
	p = c.plan("--minutes", "120")
	if slices.Contains(keysOf(p.Items), second) || slices.Contains(keysOf(p.Done), first) {
		t.Errorf("the next day: items %v, done %v", keysOf(p.Items), keysOf(p.Done))
	}
	c.now = "2026-11-25T10:00:00Z"
	c.ok("today", "undo", first, second)
	p = c.plan("--minutes", "120")
	if len(p.Done) != 0 || !slices.Contains(keysOf(p.Items), first) || !slices.Contains(keysOf(append(p.Items, p.Later...)), second) {
		t.Errorf("after undo: items %v, later %v, done %v", keysOf(p.Items), keysOf(p.Later), keysOf(p.Done))
	}

	// The thank-you note is a tracker task: done marks the task.
	c.ok("today", "done", thanks)
	var ag tracker.Agenda
	c.json(&ag, "agenda")
	for _, task := range append(ag.Overdue, ag.Today...) {
		if task.Key == "thank-you/2" {
			t.Errorf("the thank-you task is still open after today done %s", thanks)
		}
	}
	if ag.DoneToday == 0 {
		t.Errorf("agenda counts no task done today")
	}
	c.ok("today", "undo", thanks)
	c.json(&ag, "agenda")
	found := false
	for _, task := range append(ag.Overdue, ag.Today...) {
		found = found || task.Key == "thank-you/2"
	}
	if !found {
		t.Errorf("today undo %s did not reopen the task: %+v", thanks, ag)
	}

	// Marks travel in the export's coach section.
	c.ok("today", "skip", first)
	file := filepath.Join(t.TempDir(), "backup.json")
	c.ok("export", file)
	var d struct {
		Coach coach.Dump `json:"coach"`
	}
	if err := json.Unmarshal([]byte(mustRead(t, file)), &d); err != nil || len(d.Coach.Marks) != 1 || d.Coach.Marks[0].Key != first {
		t.Fatalf("export's coach section: %v %+v", err, d.Coach)
	}
	dst := newCLI(t)
	dst.ok("import", file)
	if p := dst.plan("--minutes", "120"); slices.Contains(keysOf(p.Items), first) {
		t.Errorf("after import, the skipped %s is planned again", first)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestAgenda: the agenda moved from 'today --json' to 'agenda --json', and
// 'agenda' prints its text.
func TestAgenda(t *testing.T) {
	c := newCLI(t)
	out := c.ok("agenda")
	if !strings.Contains(out, "Nothing due this week. Add applications") {
		t.Errorf("agenda on a new database:\n%s", out)
	}
	c.ok("app", "add", "--company", "Initech", "--role", "MLE", "--applied", "2026-11-01")
	var ag tracker.Agenda
	c.json(&ag, "agenda")
	if len(ag.Overdue) != 1 || ag.Overdue[0].Kind != tracker.TaskFollowUp {
		t.Errorf("agenda overdue = %+v", ag.Overdue)
	}
	if out := c.ok("agenda"); !strings.Contains(out, "Overdue") || !strings.Contains(out, ag.Overdue[0].Key) {
		t.Errorf("agenda text:\n%s", out)
	}
}
