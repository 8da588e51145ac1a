// Package practice trains the rounds that flashcards and the judge cannot: the
// behavioral round (a STAR story bank with checks and coverage), ML system
// design (timed sessions on the seven-step framework, scored against a
// rubric), the coding study plan to the interview day, mock-round timers, and
// the questions to ask interviewers.
package practice

import (
	"fmt"
	"sync"

	"github.com/offerloop/offerloop/internal/content"
)

// Category is a behavioral competency interviewers probe.
type Category struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	About string `json:"about"`
}

// Question is a behavioral question from the bank.
type Question struct {
	ID         string   `json:"id"`
	Text       string   `json:"text"`
	Categories []string `json:"categories"` // the first is the primary one
	ML         bool     `json:"ml"`
	ListenFor  string   `json:"listen_for"`
	FollowUps  []string `json:"follow_ups"`
	Keywords   []string `json:"keywords"`
}

// Behavioral is the behavioral content: categories, what each round kind
// probes, and the question bank.
type Behavioral struct {
	Categories []Category          `json:"categories"`
	RoundNeeds map[string][]string `json:"round_needs"`
	Questions  []Question          `json:"questions"`
}

// AskGroup groups the questions a candidate asks.
type AskGroup struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	About string `json:"about"`
}

// Ask is a question to ask an interviewer.
type Ask struct {
	ID     string   `json:"id"`
	Group  string   `json:"group"`
	Text   string   `json:"text"`
	Why    string   `json:"why"`
	Rounds []string `json:"rounds"`
}

// Asks is the bank of questions to ask interviewers.
type Asks struct {
	Groups     []AskGroup `json:"groups"`
	Questions  []Ask      `json:"questions"`
	AvoidEarly []struct {
		Text string `json:"text"`
		Why  string `json:"why"`
	} `json:"avoid_early"`
}

// Step is one step of the ML system design framework.
type Step struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Minutes int      `json:"minutes"`
	Goal    string   `json:"goal"`
	Do      []string `json:"do"`
}

// Prompt is an ML system design question with its rubric per step.
type Prompt struct {
	ID         string              `json:"id"`
	Title      string              `json:"title"`
	Domain     string              `json:"domain"`
	Difficulty string              `json:"difficulty"`
	Brief      string              `json:"brief"`
	Rubric     map[string][]string `json:"rubric"`
	Pitfalls   []string            `json:"pitfalls"`
}

// Design is the design-practice content.
type Design struct {
	Steps   []Step   `json:"steps"`
	Prompts []Prompt `json:"prompts"`
}

// PlanItem is one problem of the coding study plan.
type PlanItem struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	URL        string `json:"url"`
	Difficulty string `json:"difficulty"`
	Pattern    string `json:"pattern"`
	Phase      string `json:"phase"` // easy, medium, hard or ml
	Why        string `json:"why"`
}

// StudyPlan is the six-week coding plan's content.
type StudyPlan struct {
	About string     `json:"about"`
	Items []PlanItem `json:"items"`
}

// Phase is one timed phase of a mock round.
type Phase struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Minutes int    `json:"minutes"`
	Say     string `json:"say"`
}

// MockRound is a mock-round timer: its phases in order.
type MockRound struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	About  string  `json:"about"`
	Phases []Phase `json:"phases"`
}

// Library is all the practice content, loaded once.
type Library struct {
	Behavioral Behavioral
	Asks       Asks
	Design     Design
	Plan       StudyPlan
	Mock       []MockRound
}

var (
	libOnce sync.Once
	lib     *Library
	libErr  error
)

// Load returns the practice content, checked.
func Load() (*Library, error) {
	libOnce.Do(func() { lib, libErr = load() })
	return lib, libErr
}

func load() (*Library, error) {
	l := &Library{}
	var mock struct {
		Rounds []MockRound `json:"rounds"`
	}
	for name, v := range map[string]any{
		"practice/behavioral.json":       &l.Behavioral,
		"practice/questions_to_ask.json": &l.Asks,
		"practice/design.json":           &l.Design,
		"practice/studyplan.json":        &l.Plan,
		"practice/mock.json":             &mock,
	} {
		if err := content.DecodeJSON(name, v); err != nil {
			return nil, err
		}
	}
	l.Mock = mock.Rounds
	return l, l.check()
}

// StepIDs are the framework's steps in order.
var StepIDs = []string{"problem", "requirements", "overview", "bottlenecks", "links", "evaluation", "maintenance"}

// CategoryIDs are the behavioral categories in order.
var CategoryIDs = []string{"leadership", "conflict", "challenges", "success", "failure", "ownership", "ambiguity", "influence"}

func (l *Library) check() error {
	bad := func(format string, args ...any) error { return fmt.Errorf("practice content: "+format, args...) }
	if len(l.Behavioral.Categories) != len(CategoryIDs) {
		return bad("%d behavioral categories, want %d", len(l.Behavioral.Categories), len(CategoryIDs))
	}
	for i, c := range l.Behavioral.Categories {
		if c.ID != CategoryIDs[i] || c.Name == "" {
			return bad("category %d is %q, want %q", i, c.ID, CategoryIDs[i])
		}
	}
	seen := map[string]bool{}
	for _, q := range l.Behavioral.Questions {
		if q.ID == "" || seen[q.ID] || q.Text == "" || len(q.Categories) == 0 {
			return bad("behavioral question %q is incomplete or repeated", q.ID)
		}
		seen[q.ID] = true
		for _, c := range q.Categories {
			if !contains(CategoryIDs, c) {
				return bad("question %s: unknown category %q", q.ID, c)
			}
		}
	}
	for kind, cats := range l.Behavioral.RoundNeeds {
		for _, c := range cats {
			if !contains(CategoryIDs, c) {
				return bad("round %s needs unknown category %q", kind, c)
			}
		}
	}
	groups := map[string]bool{}
	for _, g := range l.Asks.Groups {
		groups[g.ID] = true
	}
	for _, q := range l.Asks.Questions {
		if q.ID == "" || seen[q.ID] || q.Text == "" || !groups[q.Group] {
			return bad("question to ask %q is incomplete, repeated or in an unknown group", q.ID)
		}
		seen[q.ID] = true
	}
	if len(l.Design.Steps) != len(StepIDs) {
		return bad("%d design steps, want %d", len(l.Design.Steps), len(StepIDs))
	}
	for i, s := range l.Design.Steps {
		if s.ID != StepIDs[i] || s.Minutes <= 0 {
			return bad("design step %d is %q, want %q with minutes", i, s.ID, StepIDs[i])
		}
	}
	for _, p := range l.Design.Prompts {
		if p.ID == "" || seen[p.ID] || p.Brief == "" {
			return bad("design prompt %q is incomplete or repeated", p.ID)
		}
		seen[p.ID] = true
		for _, s := range StepIDs {
			if len(p.Rubric[s]) == 0 {
				return bad("design prompt %s has no rubric for step %s", p.ID, s)
			}
		}
	}
	for _, it := range l.Plan.Items {
		if it.ID == "" || seen["plan/"+it.ID] || it.URL == "" || !contains(PlanPhases, it.Phase) {
			return bad("study plan item %q is incomplete, repeated or in an unknown phase", it.ID)
		}
		seen["plan/"+it.ID] = true
	}
	for _, r := range l.Mock {
		if r.ID == "" || len(r.Phases) == 0 {
			return bad("mock round %q has no phases", r.ID)
		}
	}
	return nil
}

// Prompt returns a design prompt by id.
func (l *Library) Prompt(id string) (Prompt, bool) {
	for _, p := range l.Design.Prompts {
		if p.ID == id {
			return p, true
		}
	}
	return Prompt{}, false
}

// MockRound returns a mock round by id.
func (l *Library) MockRound(id string) (MockRound, bool) {
	for _, r := range l.Mock {
		if r.ID == id {
			return r, true
		}
	}
	return MockRound{}, false
}

// Category returns a behavioral category by id.
func (l *Library) Category(id string) (Category, bool) {
	for _, c := range l.Behavioral.Categories {
		if c.ID == id {
			return c, true
		}
	}
	return Category{}, false
}

// Ask returns a question to ask by id.
func (l *Library) Ask(id string) (Ask, bool) {
	for _, q := range l.Asks.Questions {
		if q.ID == id {
			return q, true
		}
	}
	return Ask{}, false
}

// DesignMinutes is the whole framework's time budget.
func (l *Library) DesignMinutes() int {
	n := 0
	for _, s := range l.Design.Steps {
		n += s.Minutes
	}
	return n
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
