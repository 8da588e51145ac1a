package practice

import (
	"fmt"
	"sort"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
)

// PlanPhases are the study plan's phases in the order they are worked.
var PlanPhases = []string{"easy", "medium", "ml", "hard"}

// The plan's shape: new problems over the first five weeks at one or two a
// day, then a week of review and mock rounds.
const (
	PlanDays        = 42
	PlanProblemDays = 35
	MaxPerDay       = 2
)

// Plan marks.
const (
	MarkDone    = "done"
	MarkSkipped = "skipped"
)

// PlanMark records that a plan item was done or skipped.
type PlanMark struct {
	ItemID string    `json:"item"`
	Status string    `json:"status"`
	At     time.Time `json:"at"`
}

// SettingPlanStart is the settings key of the plan's start date.
const SettingPlanStart = "study_plan_start"

// Day is a calendar date at midnight UTC.
type Day = time.Time

// DayOf is the calendar date of t in loc, as a Day.
func DayOf(t time.Time, loc *time.Location) Day {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// ParseDay reads YYYY-MM-DD.
func ParseDay(s string) (Day, error) {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Day{}, errs.Invalidf("%q is not a date (YYYY-MM-DD)", s)
	}
	return d, nil
}

func daysBetween(a, b Day) int { return int(b.Sub(a).Hours() / 24) }

// PlanEntry is one item of the plan with its place in the schedule.
type PlanEntry struct {
	Item    PlanItem  `json:"item"`
	Planned Day       `json:"planned"`       // its day in the original plan from the start date
	Day     Day       `json:"day,omitempty"` // its day now; zero when done, skipped or not fitting
	Status  string    `json:"status"`        // done, skipped, today, upcoming, unscheduled
	At      time.Time `json:"at,omitempty"`  // when it was marked
}

// PlanView is the study plan as of one day.
type PlanView struct {
	Start       Day         `json:"start"`
	Today       Day         `json:"today"`
	LastDay     Day         `json:"last_day"`    // the last day new problems are scheduled
	ReviewFrom  Day         `json:"review_from"` // review and mock rounds from this day
	End         Day         `json:"end"`
	Interview   *Upcoming   `json:"interview,omitempty"` // the interview that cut the plan short
	Behind      int         `json:"behind"`
	Done        int         `json:"done"`
	Skipped     int         `json:"skipped"`
	Unscheduled int         `json:"unscheduled"`
	Total       int         `json:"total"`
	Notes       []string    `json:"notes"`
	Entries     []PlanEntry `json:"entries"`
}

// keepOrder ranks phases for what to keep when the days left cannot hold
// every problem: mediums and ML-flavoured problems are what rounds ask most.
var keepOrder = map[string]int{"medium": 0, "ml": 1, "easy": 2, "hard": 3}

// Schedule lays the plan out from start as of today. Done and skipped items
// keep their marks; the rest are spread evenly, at most MaxPerDay a day, from
// today (or the start, if later) to the end of week five, or to the day
// before the next interview when that comes sooner. Items that cannot fit are
// left unscheduled, hard ones first.
func (l *Library) Schedule(start, today Day, marks map[string]PlanMark, next *Upcoming, loc *time.Location) PlanView {
	items := l.orderedItems()
	v := PlanView{Start: start, Today: today, Total: len(items), Notes: []string{}}
	v.End = start.AddDate(0, 0, PlanDays-1)
	v.LastDay = start.AddDate(0, 0, PlanProblemDays-1)
	planned := spread(len(items), start, PlanProblemDays)
	var pending []int
	for i, it := range items {
		e := PlanEntry{Item: it, Planned: planned[i]}
		if m, ok := marks[it.ID]; ok {
			e.Status, e.At = m.Status, m.At
			if m.Status == MarkDone {
				v.Done++
			} else {
				v.Skipped++
			}
		} else {
			pending = append(pending, i)
			if planned[i].Before(today) {
				v.Behind++
			}
		}
		v.Entries = append(v.Entries, e)
	}
	first := start
	if today.After(first) {
		first = today
	}
	last := v.LastDay
	if next != nil {
		iv := DayOf(next.At, loc)
		if cut := iv.AddDate(0, 0, -1); cut.Before(last) {
			last = cut
			v.Interview = next
			v.End = iv
		}
	}
	if last.Before(first) {
		last = first
	}
	// Problems marked today keep their place in today's allowance, so that
	// finishing one does not pull tomorrow's into today.
	var withToday []int
	if first.Equal(today) {
		for i, it := range items {
			if m, ok := marks[it.ID]; ok && DayOf(m.At, loc).Equal(today) {
				withToday = append(withToday, i)
			}
		}
	}
	if need := first.AddDate(0, 0, (len(pending)+len(withToday)+MaxPerDay-1)/MaxPerDay-1); v.Interview == nil && need.After(last) {
		// Behind with no interview to meet: the problems push the review
		// week back rather than drop out of the plan.
		last = need
		v.End = last.AddDate(0, 0, PlanDays-PlanProblemDays)
	}
	v.LastDay = last
	v.ReviewFrom = last.AddDate(0, 0, 1)
	if v.ReviewFrom.After(v.End) {
		v.ReviewFrom = v.End
	}
	days := daysBetween(first, last) + 1
	fit := pending
	capacity := days*MaxPerDay - len(withToday)
	if capacity < 0 {
		capacity = 0
	}
	if len(pending) > capacity {
		keep := append([]int(nil), pending...)
		sort.SliceStable(keep, func(a, b int) bool {
			return keepOrder[items[keep[a]].Phase] < keepOrder[items[keep[b]].Phase]
		})
		keep = keep[:capacity]
		sort.Ints(keep)
		fit = keep
		v.Unscheduled = len(pending) - capacity
	}
	// The marked items take the first slots (today's), the rest follow.
	slots := append(append([]int(nil), withToday...), fit...)
	when := spread(len(slots), first, days)
	scheduled := map[int]Day{}
	for k, i := range slots {
		scheduled[i] = when[k]
	}
	for _, i := range pending {
		e := &v.Entries[i]
		d, ok := scheduled[i]
		switch {
		case !ok:
			e.Status = "unscheduled"
		case d.Equal(today):
			e.Status, e.Day = "today", d
		default:
			e.Status, e.Day = "upcoming", d
		}
	}
	if v.Behind > 0 {
		v.Notes = append(v.Notes, fmt.Sprintf("%d problems behind the plan from %s; what is left is spread from %s to %s, at most %d a day.",
			v.Behind, start.Format("2 Jan"), first.Format("2 Jan"), last.Format("2 Jan"), MaxPerDay))
	}
	if v.Interview != nil {
		v.Notes = append(v.Notes, fmt.Sprintf("%s at %s on %s comes before the plan ends, so new problems stop the day before it.",
			orDefault(v.Interview.Title, "An interview"), orDefault(v.Interview.Company, "a company"), DayOf(v.Interview.At, loc).Format("Mon 2 Jan")))
	}
	if v.Unscheduled > 0 {
		v.Notes = append(v.Notes, fmt.Sprintf("%d problems do not fit in the days left; the hard ones were left out first. Do them after, or skip them.", v.Unscheduled))
	}
	return v
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// orderedItems are the plan's items by phase, in content order within each.
func (l *Library) orderedItems() []PlanItem {
	var out []PlanItem
	for _, ph := range PlanPhases {
		for _, it := range l.Plan.Items {
			if it.Phase == ph {
				out = append(out, it)
			}
		}
	}
	return out
}

// spread gives n items days over a run of d days from first, as evenly as
// whole items allow: day k gets floor((k+1)n/d) - floor(kn/d) of them.
func spread(n int, first Day, d int) []Day {
	out := make([]Day, 0, n)
	if d < 1 {
		d = 1
	}
	for k := 0; k < d && len(out) < n; k++ {
		for c := (k+1)*n/d - k*n/d; c > 0; c-- {
			out = append(out, first.AddDate(0, 0, k))
		}
	}
	for len(out) < n {
		out = append(out, first.AddDate(0, 0, d-1))
	}
	return out
}

// PlanItem returns a plan item by id.
func (l *Library) PlanItem(id string) (PlanItem, bool) {
	for _, it := range l.Plan.Items {
		if it.ID == id {
			return it, true
		}
	}
	return PlanItem{}, false
}
