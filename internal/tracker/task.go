package tracker

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
)

// TaskKind says where a task comes from.
type TaskKind string

// Task kinds.
const (
	TaskThankYou  TaskKind = "thank_you"
	TaskFollowUp  TaskKind = "follow_up"
	TaskDeadline  TaskKind = "deadline"
	TaskChecklist TaskKind = "checklist"
	TaskManual    TaskKind = "manual"
)

// Task is something the user should do, derived from the timeline or written by
// hand. Derived tasks are identified by a stable Key; their completion is a mark.
type Task struct {
	Key           string    `json:"key"`
	Kind          TaskKind  `json:"kind"`
	Title         string    `json:"title"`
	ApplicationID int64     `json:"application_id,omitempty"`
	InterviewID   int64     `json:"interview_id,omitempty"`
	Company       string    `json:"company,omitempty"`
	Role          string    `json:"role,omitempty"`
	Checklist     string    `json:"checklist,omitempty"` // for checklist items: day_before, ...
	Due           time.Time `json:"due"`
	Visible       time.Time `json:"-"` // when it starts to matter; hidden from Today before
	Done          bool      `json:"done"`
	DoneAt        time.Time `json:"done_at,omitzero"`
}

// Overdue reports whether the task is open and past due at now.
func (t Task) Overdue(now time.Time) bool { return !t.Done && now.After(t.Due) }

// Settings that shape task derivation.
const (
	SettingFollowUpDays = "follow_up_days"
	SettingYourName     = "your_name"
	DefaultFollowUpDays = 7
)

// ParseFollowUpDays reads the follow-up setting, falling back to the default.
func ParseFollowUpDays(s string) (int, error) {
	if strings.TrimSpace(s) == "" {
		return DefaultFollowUpDays, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 90 {
		return 0, errs.Invalidf("follow-up days must be a whole number from 1 to 90, not %q", s)
	}
	return n, nil
}

// TaskInput is everything task derivation reads.
type TaskInput struct {
	Applications []*Application // with State and LastActivity
	Interviews   []*Interview
	Manual       []ManualTask
	Marks        map[string]time.Time
	FollowUpDays int
	Checklists   []Checklist
	Asks         []InterviewAsk // questions to ask, added to the interview's "during" checklist
	Loc          *time.Location // the user's zone, for "the day before"
}

// How long derived tasks of a past interview stay on the list.
const afterWindow = 14 * 24 * time.Hour

// Task keys. They must never change once released: marks are stored by key.
func thankYouKey(ivID int64) string { return fmt.Sprintf("thank-you/%d", ivID) }
func checklistKey(ivID int64, list, item string) string {
	return fmt.Sprintf("checklist/%d/%s/%s", ivID, list, item)
}

// askKey names a chosen question's checklist item: by its bank id, or by
// its position for a question the user wrote.
func askKey(i int, a InterviewAsk) string {
	if a.QuestionID != "" {
		return "ask-" + a.QuestionID
	}
	return fmt.Sprintf("ask-own-%d", i+1)
}

func followUpKey(appID int64, since time.Time) string {
	return fmt.Sprintf("follow-up/%d/%s", appID, since.UTC().Format("20060102T150405"))
}
func deadlineKey(appID int64, d Date) string { return fmt.Sprintf("deadline/%d/%s", appID, d) }

// ManualKey is the key of a manual task.
func ManualKey(id int64) string { return fmt.Sprintf("manual/%d", id) }

// ParseManualKey returns the id of a manual task's key.
func ParseManualKey(key string) (int64, bool) {
	s, ok := strings.CutPrefix(key, "manual/")
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}

// DeriveTasks lists every task the timeline implies at now, done ones included,
// ordered by due time:
//   - a thank-you note for each interview that happened in the last 14 days, due
//     24 hours after it ended;
//   - the four checklists of each interview that is ahead, item by item, and the
//     after list of those that happened in the last 14 days;
//   - a follow-up when an active application before the offer has heard nothing
//     for FollowUpDays and has no interview ahead;
//   - the decision deadline of an application at the offer stage;
//   - the user's own tasks.
func DeriveTasks(in TaskInput, now time.Time) []Task {
	loc := in.Loc
	if loc == nil {
		loc = time.UTC
	}
	days := in.FollowUpDays
	if days <= 0 {
		days = DefaultFollowUpDays
	}
	apps := make(map[int64]*Application, len(in.Applications))
	for _, a := range in.Applications {
		apps[a.ID] = a
	}
	var out []Task
	add := func(t Task) {
		if at, ok := in.Marks[t.Key]; ok {
			t.Done, t.DoneAt = true, at
		}
		out = append(out, t)
	}
	asks := map[int64][]InterviewAsk{}
	for _, a := range in.Asks {
		asks[a.InterviewID] = append(asks[a.InterviewID], a)
	}
	ahead := map[int64]bool{} // applications with an interview still to come
	for _, iv := range in.Interviews {
		a := apps[iv.ApplicationID]
		if a == nil || iv.Outcome == OutcomeCancelled {
			continue
		}
		base := Task{ApplicationID: iv.ApplicationID, InterviewID: iv.ID, Company: iv.Company, Role: iv.Role}
		if !iv.Done() && iv.End().After(now) {
			ahead[iv.ApplicationID] = true
		}
		past := iv.Done() || !iv.End().After(now)
		if past && now.Sub(iv.End()) > afterWindow {
			continue
		}
		if !a.Active() && !past {
			continue
		}
		day := iv.At.In(loc)
		midnight := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc)
		for _, list := range in.Checklists {
			var due, visible time.Time
			switch list.Key {
			case DayBefore:
				due, visible = midnight.Add(-2*time.Hour), midnight.AddDate(0, 0, -1)
			case MorningOf:
				due, visible = iv.At.Add(-30*time.Minute), midnight
			case During:
				due, visible = iv.End(), iv.At.Add(-time.Hour)
			case After:
				due, visible = iv.End().Add(24*time.Hour), iv.At
			}
			if past && list.Key != After {
				continue
			}
			for _, it := range list.Items {
				if !it.AppliesTo(iv.Kind) {
					continue
				}
				t := base
				t.Key, t.Kind, t.Title, t.Checklist = checklistKey(iv.ID, list.Key, it.Key), TaskChecklist, it.Text, list.Key
				t.Due, t.Visible = due, visible
				add(t)
			}
			if list.Key == During {
				for i, a := range asks[iv.ID] {
					t := base
					t.Key, t.Kind, t.Title, t.Checklist = checklistKey(iv.ID, list.Key, askKey(i, a)), TaskChecklist, "Ask: "+a.Text, list.Key
					t.Due, t.Visible = due, visible
					add(t)
				}
			}
		}
		t := base
		t.Key, t.Kind = thankYouKey(iv.ID), TaskThankYou
		t.Title = "Send a thank-you note for " + iv.Title
		if names := firstNames(iv.Interviewers); names != "" {
			t.Title += " to " + names
		}
		t.Due, t.Visible = iv.End().Add(24*time.Hour), iv.At
		add(t)
	}
	for _, a := range in.Applications {
		if !a.Active() {
			continue
		}
		base := Task{ApplicationID: a.ID, Company: a.Company.Name, Role: a.Role}
		if a.State.StageKind == OfferStage {
			if !a.Deadline.IsZero() {
				t := base
				t.Key, t.Kind = deadlineKey(a.ID, a.Deadline), TaskDeadline
				t.Title = fmt.Sprintf("Decide on the %s offer", a.Company.Name)
				t.Due = a.Deadline.Time(loc).Add(17 * time.Hour)
				t.Visible = t.Due.AddDate(0, 0, -14)
				add(t)
			}
			continue
		}
		if ahead[a.ID] || a.LastActivity.IsZero() {
			continue
		}
		t := base
		t.Key, t.Kind = followUpKey(a.ID, a.LastActivity), TaskFollowUp
		t.Title = fmt.Sprintf("Follow up with %s: no word for %d days", a.Company.Name, days)
		t.Due = a.LastActivity.AddDate(0, 0, days)
		t.Visible = t.Due.AddDate(0, 0, -2)
		add(t)
	}
	for _, m := range in.Manual {
		t := Task{Key: ManualKey(m.ID), Kind: TaskManual, Title: m.Title, ApplicationID: m.ApplicationID, Due: m.Due, Visible: m.Due.AddDate(0, 0, -7)}
		if a := apps[m.ApplicationID]; a != nil {
			t.Company, t.Role = a.Company.Name, a.Role
		}
		if !m.DoneAt.IsZero() {
			t.Done, t.DoneAt = true, m.DoneAt
		}
		out = append(out, t)
	}
	// Stable, so that tasks due together keep the order they were made in: a
	// checklist reads in the order it was written.
	slices.SortStableFunc(out, func(x, y Task) int { return x.Due.Compare(y.Due) })
	return out
}

func firstNames(ps []Interviewer) string {
	var names []string
	for _, p := range ps {
		if f := strings.Fields(p.Name); len(f) > 0 {
			names = append(names, f[0])
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// MarkEvent is the event a completed derived task leaves in the log: a follow-up
// counts as contact with the company, so the silence clock restarts.
func MarkEvent(t Task, done bool) (EventKind, string) {
	switch {
	case !done:
		return EventTaskReopened, "Reopened: " + t.Title
	case t.Kind == TaskFollowUp:
		return EventFollowedUp, "Followed up"
	}
	return EventTaskDone, "Done: " + t.Title
}

// Agenda is what the Today page shows.
type Agenda struct {
	Now        time.Time    `json:"now"`
	Overdue    []Task       `json:"overdue"`
	Today      []Task       `json:"today"`
	ThisWeek   []Task       `json:"this_week"`
	Interviews []*Interview `json:"interviews"` // from now to the end of the week ahead
	DoneToday  int          `json:"done_today"`
}

// BuildAgenda sorts open tasks into overdue, due today and due in the next seven
// days, and lists the interviews of the next seven days. Checklist items appear
// only once visible (the day-before list from the day before).
func BuildAgenda(tasks []Task, interviews []*Interview, now time.Time, loc *time.Location) Agenda {
	if loc == nil {
		loc = time.UTC
	}
	n := now.In(loc)
	endOfDay := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, loc).AddDate(0, 0, 1)
	endOfWeek := endOfDay.AddDate(0, 0, 7)
	startOfDay := endOfDay.AddDate(0, 0, -1)
	ag := Agenda{Now: now}
	for _, t := range tasks {
		if t.Done {
			if !t.DoneAt.Before(startOfDay) {
				ag.DoneToday++
			}
			continue
		}
		if !t.Visible.IsZero() && now.Before(t.Visible) {
			continue
		}
		switch {
		case t.Overdue(now):
			ag.Overdue = append(ag.Overdue, t)
		case t.Due.Before(endOfDay):
			ag.Today = append(ag.Today, t)
		case t.Due.Before(endOfWeek):
			ag.ThisWeek = append(ag.ThisWeek, t)
		}
	}
	for _, iv := range interviews {
		if !iv.Done() && iv.End().After(now) && iv.At.Before(endOfWeek) {
			ag.Interviews = append(ag.Interviews, iv)
		}
	}
	return ag
}
