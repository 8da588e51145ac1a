package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/practice"
	"github.com/offerloop/offerloop/internal/tracker"
)

// seedPractice writes a story, a plan mark and two questions to ask at
// interview 1, for the export round trip.
func seedPractice(t *testing.T, c *cli) {
	t.Helper()
	l, err := practice.Load()
	if err != nil {
		t.Fatal(err)
	}
	c.ok("stories", "add", "--title", "Fraud precision", "--situation", "Our fraud model flagged too many good payments.",
		"--task", "I owned raising precision to 95%.", "--action", "I added velocity features and tuned the threshold.",
		"--result", "Precision rose from 87% to 96%.", "--category", "challenges,success", "--company", "Acme")
	c.ok("plan", "done", "two-sum")
	c.ok("interview", "ask", "1", l.Asks.Questions[0].ID, "--own", "What does on-call look like for this team?")
}

func TestStoriesCLI(t *testing.T) {
	c := newCLI(t)
	out := c.ok("stories", "add", "--title", "Blamed the data team", "--situation", "A launch slipped.",
		"--task", "Ship the ranking model.", "--action", "We rebuilt the pipeline and we retrained it.",
		"--result", "It shipped late because the data team was lazy.", "--category", "failure")
	for _, want := range []string{"Added story #1", "no number", "no \"I\"", "blame", "Fix:"} {
		if !strings.Contains(out, want) {
			t.Errorf("add output lacks %q:\n%s", want, out)
		}
	}
	c.ok("stories", "edit", "1", "--action", "I rebuilt the feature pipeline, I added data checks and I retrained the model.",
		"--result", "It shipped a week late, and the new checks have caught 3 bad data drops since.", "--title", "Late launch")
	var rows []storyRow
	c.json(&rows, "stories", "check", "1")
	if len(rows) != 1 || rows[0].Title != "Late launch" || rows[0].Situation != "A launch slipped." {
		t.Fatalf("edited story: %+v", rows)
	}
	for _, f := range rows[0].Findings {
		if (f.Check == "quantified" || f.Check == "first_person" || f.Check == "blame") && !f.OK {
			t.Errorf("after the edit, %s still fails: %s", f.Check, f.Message)
		}
	}

	// Coverage with an upcoming behavioral interview.
	c.ok("app", "add", "--company", "Acme", "--role", "MLE", "--applied", "2026-11-20")
	c.ok("interview", "add", "1", "--at", "2026-11-30 10:00", "--kind", "behavioral", "--title", "Behavioral")
	var list struct {
		Stories  []storyRow             `json:"stories"`
		Coverage []practice.CoverageRow `json:"coverage"`
	}
	c.json(&list, "stories", "list")
	for _, r := range list.Coverage {
		switch r.Category.ID {
		case "failure":
			if r.Status != "thin" || len(r.NeededBy) != 1 || r.NeededBy[0].Company != "Acme" {
				t.Errorf("failure coverage: %+v", r)
			}
		case "leadership":
			if r.Status != "missing" || len(r.NeededBy) != 1 {
				t.Errorf("leadership coverage: %+v", r)
			}
		case "ownership":
			if len(r.NeededBy) != 0 {
				t.Errorf("a behavioral round does not need ownership here: %+v", r)
			}
		}
	}
	text := c.ok("stories", "list")
	if !strings.Contains(text, "needed by Behavioral at Acme, Mon Nov 30") {
		t.Errorf("list text:\n%s", text)
	}

	// Practice draws a question and times the answer.
	stdout, _, code := c.run("\n", "stories", "practice", "--category", "failure")
	if code != 0 || !strings.Contains(stdout, "#1 Late launch") || !strings.Contains(stdout, "You spoke for") {
		t.Errorf("practice: exit %d\n%s", code, stdout)
	}

	// Bad input.
	c.fails(1, "stories", "add", "--title", "x", "--category", "charisma")
	c.fails(1, "stories", "add", "--situation", "no title")
	c.fails(2, "stories", "delete", "1")
	c.fails(1, "stories", "edit", "99", "--title", "x")
	c.ok("stories", "delete", "1", "--yes")
	c.fails(1, "stories", "check", "1")
}

func TestPlanCLI(t *testing.T) {
	c := newCLI(t) // the clock is 2026-11-25 10:00 UTC
	var v practice.PlanView
	c.json(&v, "plan", "show")
	if v.Start.Format("2006-01-02") != "2026-11-25" || v.Total < 55 || v.Done != 0 || len(v.Entries) != v.Total {
		t.Fatalf("fresh plan: start %s, %d items", v.Start, v.Total)
	}
	if v.Entries[0].Status != "today" || v.Entries[0].Item.Phase != "easy" {
		t.Errorf("first entry: %+v", v.Entries[0])
	}
	first, second := v.Entries[0].Item.ID, v.Entries[1].Item.ID
	c.ok("plan", "done", first)
	c.ok("plan", "skip", second)
	c.json(&v, "plan", "show")
	if v.Done != 1 || v.Skipped != 1 {
		t.Errorf("after marks: %d done, %d skipped", v.Done, v.Skipped)
	}
	c.ok("plan", "undo", second)
	c.json(&v, "plan", "show")
	if v.Skipped != 0 {
		t.Errorf("undo left %d skipped", v.Skipped)
	}
	// Starting three weeks ago puts the plan behind, re-spread from today.
	c.ok("plan", "start", "2026-11-04")
	c.json(&v, "plan", "show")
	if v.Behind < 20 || len(v.Notes) == 0 {
		t.Errorf("behind %d, notes %v", v.Behind, v.Notes)
	}
	for _, e := range v.Entries {
		if !e.Day.IsZero() && e.Day.Before(v.Today) {
			t.Errorf("%s scheduled in the past: %s", e.Item.ID, e.Day)
		}
	}
	// A coding interview in a week cuts the plan short.
	c.ok("plan", "start", "2026-11-25")
	c.ok("app", "add", "--company", "Acme", "--role", "MLE", "--applied", "2026-11-20")
	c.ok("interview", "add", "1", "--at", "2026-12-02 10:00", "--kind", "ml_coding")
	c.json(&v, "plan", "show")
	if v.Interview == nil || v.LastDay.Format("2006-01-02") != "2026-12-01" || v.Unscheduled == 0 {
		t.Errorf("with an interview on Dec 2: last day %s, unscheduled %d", v.LastDay, v.Unscheduled)
	}
	out := c.ok("plan", "show")
	if !strings.Contains(out, "today") || !strings.Contains(out, "leetcode.com/problems/") || !strings.Contains(out, "comes before the plan ends") {
		t.Errorf("plan show:\n%s", out)
	}
	c.fails(1, "plan", "done", "no-such-problem")
	c.fails(2, "plan", "start", "next tuesday")
	c.fails(2, "plan")
}

func TestMockCLI(t *testing.T) {
	c := newCLI(t)
	out := c.ok("mock", "coding", "--fast", "100000")
	for _, want := range []string{"Phase 1 of 5: Clarify, 2 min", "Phase 3 of 5: Implement, 30 min", "one minute left in Implement", "[50:00] Time."} {
		if !strings.Contains(out, want) {
			t.Errorf("mock coding lacks %q:\n%s", want, out)
		}
	}
	out = c.ok("mock", "phone", "--fast", "100000")
	if !strings.Contains(out, "Phase 4 of 4: Your questions, 5 min") || !strings.Contains(out, "[35:00] Time.") {
		t.Errorf("mock phone:\n%s", out)
	}
	// Ctrl-C stops it.
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var buf syncBuffer
	go func() {
		done <- run(ctx, []string{"mock", "coding"}, c.getenv, strings.NewReader(""), &buf, &buf)
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	if err := <-done; err != nil || !strings.Contains(buf.String(), "Stopped.") {
		t.Errorf("cancelled mock: %v\n%s", err, buf.String())
	}
	c.fails(2, "mock", "chess")
	c.fails(2, "mock")
}

func TestInterviewAsks(t *testing.T) {
	c := newCLI(t)
	l, err := practice.Load()
	if err != nil {
		t.Fatal(err)
	}
	out := c.ok("asks", "--round", "recruiter_screen")
	if !strings.Contains(out, l.Asks.Questions[0].ID) || !strings.Contains(out, "Avoid in early rounds") {
		t.Errorf("asks:\n%s", out)
	}
	c.ok("app", "add", "--company", "Acme", "--role", "MLE", "--applied", "2026-11-20")
	c.ok("interview", "add", "1", "--at", "2026-11-26 15:00", "--kind", "team_fit", "--title", "Hiring manager")
	q := l.Asks.Questions[3]
	c.ok("interview", "ask", "1", q.ID, "--own", "How do you decide what to retrain first?")
	var asks []tracker.InterviewAsk
	c.json(&asks, "interview", "ask", "1")
	if len(asks) != 2 || asks[0].QuestionID != q.ID || asks[1].Text != "How do you decide what to retrain first?" {
		t.Fatalf("asks: %+v", asks)
	}
	var show struct {
		Tasks []tracker.Task `json:"tasks"`
	}
	c.json(&show, "app", "show", "1")
	found := 0
	for _, tk := range show.Tasks {
		if tk.Checklist == tracker.During && (tk.Title == "Ask: "+q.Text || tk.Title == "Ask: How do you decide what to retrain first?") {
			found++
		}
	}
	if found != 2 {
		t.Errorf("the interview's checklist has %d of the 2 chosen questions: %+v", found, show.Tasks)
	}
	c.ok("interview", "ask", "1", "--clear")
	c.json(&asks, "interview", "ask", "1")
	if len(asks) != 0 {
		t.Errorf("after --clear: %+v", asks)
	}
	c.fails(1, "interview", "ask", "1", "no-such-question")
	c.fails(1, "interview", "ask", "99", q.ID)
	c.fails(1, "interview", "ask", "1", "--own", " ")
}

func TestDesignCLI(t *testing.T) {
	c := newCLI(t)
	l, err := practice.Load()
	if err != nil {
		t.Fatal(err)
	}
	out := c.ok("design", "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(l.Design.Prompts) || len(lines) < 15 {
		t.Errorf("design list: %d lines for %d prompts", len(lines), len(l.Design.Prompts))
	}
	p := l.Design.Prompts[0]
	if !strings.HasPrefix(lines[0], p.ID) {
		t.Errorf("first line %q, want prompt %s", lines[0], p.ID)
	}
	show := c.ok("design", "show", p.ID)
	if !strings.Contains(show, p.Brief) || !strings.Contains(show, p.Rubric["evaluation"][0]) {
		t.Errorf("design show:\n%s", show)
	}
	// Notes for seven steps, then the points covered per step.
	var in strings.Builder
	for i, st := range practice.StepIDs {
		fmt.Fprintf(&in, "notes for %s\nline two %d\n.\n", st, i)
	}
	in.WriteString("1 2\n1\n\n2 2 99 x\n1,3\n\n1\n")
	stdout, errOut, code := c.run(in.String(), "design", "start", p.ID)
	if code != 0 {
		t.Fatalf("design start: exit %d\n%s%s", code, stdout, errOut)
	}
	for _, want := range []string{"Step 1 of 7: Problem, 5 min", "Step 7 of 7: Maintenance, 5 min", "Score yourself", "Session #1: 7 of"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("design start lacks %q:\n%s", want, stdout)
		}
	}
	var hist []sessionRow
	c.json(&hist, "design", "history")
	if len(hist) != 1 || !hist[0].Finished() || hist[0].Score.Checked != 7 {
		t.Fatalf("history: %+v", hist)
	}
	h := hist[0]
	if h.Notes["links"] != "notes for links\nline two 4" || len(h.Checked["problem"]) != 2 || len(h.Checked["overview"]) != 0 || len(h.Checked["bottlenecks"]) != 1 {
		t.Errorf("saved session: notes %q, checked %v", h.Notes["links"], h.Checked)
	}
	if text := c.ok("design", "history"); !strings.Contains(text, p.ID) || !strings.Contains(text, "2/") {
		t.Errorf("history text:\n%s", text)
	}
	c.fails(1, "design", "start", "design-a-toaster")
	c.fails(2, "design", "show")
}
