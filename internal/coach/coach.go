// Package coach answers the user's daily question: with the time I have and
// the interviews I have coming, what should I do today? It builds the plan
// the way a recommender is built: candidates from every source (tracker
// tasks, drill cards, judge problems, stories, design practice, the study
// plan, resume matches, take-home checks), ranked by expected benefit per
// minute for the interviews ahead, then re-ranked for variety and fitted to
// the time budget under rules that always hold. It also scores readiness
// for each interview, round by round.
//
// Build is pure: everything comes in through Input (load.go fills it from
// the stores), so the plan can be benchmarked and evaluated offline on
// generated histories.
package coach

import (
	"slices"
	"time"

	"github.com/offerloop/offerloop/internal/fsrs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// DefaultMinutes is the time budget when the user gives none.
const DefaultMinutes = 60

// Horizon is how far ahead interviews shape the plan.
const Horizon = 21 * 24 * time.Hour

// Item is one thing to do today.
type Item struct {
	Key         string `json:"key"`
	Kind        string `json:"kind"` // task, research, review, learn, problem, story, design, plan, resume, takehome, onboarding
	Title       string `json:"title"`
	Minutes     int    `json:"minutes"`
	Why         string `json:"why"`
	Link        string `json:"link"`
	Application *int64 `json:"application"`
	// TaskKey is set for tracker tasks: marking the item done marks the task.
	TaskKey string `json:"task_key,omitempty"`
	Area    string `json:"area"`

	benefit float64  // expected benefit of doing it today, in recall-points
	must    int      // > 0: placed first, in this order, never pushed out
	iv      int64    // the interview it prepares for, if any
	cards   []string // for review and learn items: the ids of the cards it covers
}

// Plan is today's plan.
type Plan struct {
	Date    string `json:"date"`
	Minutes int    `json:"minutes"`
	Items   []Item `json:"items"`
	// Later lists what matters but does not fit today's minutes.
	Later []Item `json:"later"`
	// Done lists what was marked done today.
	Done []Item `json:"done"`
	// Onboarding is true for a new user: the plan is the first steps.
	Onboarding bool        `json:"onboarding"`
	Readiness  []Readiness `json:"readiness"`
}

// Input is everything the coach looks at.
type Input struct {
	Now     time.Time
	Loc     *time.Location
	Minutes int

	Tasks        []tracker.Task // open tasks: overdue, due today and this week
	Interviews   []Interview    // pending interviews ahead, soonest first
	Applications []Application

	Cards      []Card
	Params     fsrs.Parameters
	ReviewSecs float64 // average seconds a review takes; 0 means unknown
	// NewLeft is how many new cards the drill still allows today (its
	// new-cards-a-day setting less those started today); nil for no limit.
	NewLeft *int
	// Served is true when Planned is known: a reviewed card is then a
	// candidate only if the drill page will show it today, because it is
	// due by tonight or the drill's interview plan brought it forward.
	Served   bool
	Reviews  []Review
	Reviewed int // reviews ever

	Problems []Problem

	Categories []Category // behavioral story coverage
	Design     []DesignSession
	Prompts    []Prompt // design prompts, in the library's order
	PlanToday  []PlanItem
	PlanBehind int

	Marks []Mark

	// On says which sources are available; a source that is off yields no
	// candidates and no readiness.
	On Sources
}

// Sources says which parts of offerloop are on.
type Sources struct {
	Drill, Judge, Practice, Resume, Takehome bool
}

// Interview is an interview ahead.
type Interview struct {
	ID            int64
	ApplicationID int64
	Company       string
	CompanyKind   string // big-tech, mid-size, startup, research-lab
	Title         string
	Kind          string // the interview's own round kind
	At            time.Time
	Rounds        []string // round kinds it covers or that follow it
	// Own lists the round kinds of the interview's own stage (an onsite's
	// rounds; a phone screen alone); empty when unknown, then Rounds count.
	Own []string
}

// own is the rounds the interview itself covers.
func (iv *Interview) own() []string {
	if len(iv.Own) > 0 {
		return iv.Own
	}
	return iv.Rounds
}

// later says whether a round kind comes after this interview, in a later
// stage of the loop.
func (iv *Interview) later(kind string) bool {
	return len(iv.Own) > 0 && !slices.Contains(iv.Own, kind)
}

// Application is an application as the coach needs it.
type Application struct {
	ID          int64
	Company     string
	Title       string
	Kind        string
	Active      bool
	Stage       string // tracker stage kind
	HasJD       bool
	Match       *int // the latest resume match against the JD, nil when never matched
	Checked     bool // a resume check exists for it
	TakeHome    bool // it has a take-home stage or round ahead
	Takehome    *TakehomeReport
	Interviews  int // interviews ahead
	AppliedDays int // days since applying
}

// TakehomeReport is the latest take-home check of an application.
type TakehomeReport struct {
	ID    int64
	Score int
	High  int
	At    time.Time
}

// Card is a drill card with its memory. A new card has zero Stability.
type Card struct {
	ID         string
	Topic      string
	TopicTitle string
	Round      string
	New        bool
	Due        time.Time
	LastReview time.Time
	Stability  float64
	Difficulty float64
	// Planned: the drill's interview-date plan puts an extra review of it
	// on today.
	Planned bool
}

// Review is a review of the last seven days.
type Review struct {
	Topic  string
	Rating fsrs.Rating
	At     time.Time
}

// Problem is a judge problem with the user's progress on it.
type Problem struct {
	ID          string
	Title       string
	Topic       string
	Difficulty  string // easy, medium, hard
	Attempts    int
	Solved      bool
	LastVerdict string
	Last        time.Time
}

// Category is a behavioral category with the user's story coverage.
type Category struct {
	Name     string
	Key      string
	Stories  int
	Status   string  // missing, thin, ok
	NeededBy []int64 // interviews ahead whose rounds probe it
}

// DesignSession is a finished system-design practice session.
type DesignSession struct {
	PromptID string
	At       time.Time
	Percent  int
}

// Prompt is a system-design prompt.
type Prompt struct {
	ID, Title string
}

// PlanItem is a study-plan problem scheduled for today.
type PlanItem struct {
	ID, Title, URL, Difficulty, Pattern string
}

// Mark is an item marked done or skipped on a day.
type Mark struct {
	Key    string
	Day    string // YYYY-MM-DD in the user's zone
	Status string // done or skipped
}

// Readiness is how ready the user is for one interview, round area by area.
type Readiness struct {
	Interview   int64       `json:"interview"`
	Application int64       `json:"application"`
	Company     string      `json:"company"`
	Title       string      `json:"title"`
	At          time.Time   `json:"at"`
	Days        int         `json:"days"`
	Overall     int         `json:"overall"`
	Parts       []Component `json:"parts"`
	Actions     []Item      `json:"actions"` // the two or three items that would raise it most
}

// Component is one part of readiness, 0 to 100.
type Component struct {
	Area   string `json:"area"` // theory, coding, behavioral, design, resume, checklists
	Label  string `json:"label"`
	Score  int    `json:"score"`
	Detail string `json:"detail"`
}
