package web

import (
	"context"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/offer"
	"github.com/offerloop/offerloop/internal/tracker"
)

// deadlineRow says where one offer's decision deadline went in the tracker.
type deadlineRow struct {
	Offer string
	Date  tracker.Date
	// Where is one of:
	//   application: the deadline of an application at the offer stage
	//   task:        a to-do "Decide on the NAME offer"
	//   pending:     not in the tracker yet (shown before a save sends it)
	//   invalid:     the deadline is not a date
	Where   string
	Changed bool // this save wrote it
	App     *tracker.Application
	// AppDeadline is the application's own deadline when it differs from the file's.
	AppDeadline tracker.Date
	TaskDue     time.Time
	TaskDone    bool
	TaskStale   bool // the to-do was made for another day than the file now says
	Problem     string
}

// decideTitle is the to-do an offer's deadline becomes when no application
// at the offer stage matches it.
func decideTitle(name string) string { return "Decide on the " + name + " offer" }

// offerDeadlines matches each offer's deadline to the tracker. An offer whose
// name is the company of an active application at the offer stage (ignoring
// case) sets that application's deadline, which gives the tracker's deadline
// task and calendar event; any other gets a to-do due at 17:00 on the day,
// unless a to-do of that title exists. With write false it only reports.
func (s *Server) offerDeadlines(ctx context.Context, userID int64, f *offer.File, write bool) ([]deadlineRow, error) {
	var rows []deadlineRow
	var apps []*tracker.Application
	var tasks []tracker.ManualTask
	loaded := false
	for _, o := range f.Offers {
		if strings.TrimSpace(o.Deadline) == "" {
			continue
		}
		row := deadlineRow{Offer: o.Name}
		d, due, err := s.offerDeadline(o.Deadline)
		if err != nil {
			row.Where, row.Problem = "invalid", message(err)
			rows = append(rows, row)
			continue
		}
		row.Date = d
		if !loaded {
			loaded = true
			if apps, err = s.store.FindApplications(ctx, tracker.ApplicationFilter{UserID: userID, ActiveOnly: true, StageKind: tracker.OfferStage}); err != nil {
				return nil, err
			}
			if tasks, err = s.store.FindTasks(ctx, userID, 0); err != nil {
				return nil, err
			}
		}
		matched := false
		for _, a := range apps {
			if !a.Active() || a.State.StageKind != tracker.OfferStage || !strings.EqualFold(strings.TrimSpace(a.Company.Name), strings.TrimSpace(o.Name)) {
				continue
			}
			matched = true
			r := row
			r.Where, r.App = "application", a
			if a.Deadline.String() != d.String() {
				if write {
					if _, err := s.store.UpdateApplication(ctx, userID, a.ID, tracker.ApplicationUpdate{Deadline: &d}, s.now()); err != nil {
						return nil, err
					}
					a.Deadline, r.Changed = d, true
				} else {
					r.Where, r.AppDeadline = "pending", a.Deadline
				}
			}
			rows = append(rows, r)
		}
		if matched {
			continue
		}
		title := decideTitle(o.Name)
		found := false
		for _, t := range tasks {
			if strings.EqualFold(t.Title, title) {
				found = true
				row.Where, row.TaskDue, row.TaskDone = "task", t.Due, !t.DoneAt.IsZero()
				row.TaskStale = !row.TaskDone && tracker.DateOf(t.Due.In(s.cfg.Loc)).String() != d.String()
				break
			}
		}
		if !found {
			if write {
				t := tracker.ManualTask{UserID: userID, Title: title, Due: due, CreatedAt: s.now()}
				if err := s.store.CreateTask(ctx, &t); err != nil {
					return nil, err
				}
				tasks = append(tasks, t)
				row.Where, row.TaskDue, row.Changed = "task", t.Due, true
			} else {
				row.Where = "pending"
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// offerDeadline reads an offer's deadline: a day (due at 17:00 that day, as
// the tracker's deadline tasks are) or, as the negotiation plan also accepts,
// an RFC 3339 instant (due then, on that day in the user's zone).
func (s *Server) offerDeadline(v string) (tracker.Date, time.Time, error) {
	v = strings.TrimSpace(v)
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return tracker.DateOf(t.In(s.cfg.Loc)), t, nil
	}
	d, err := tracker.ParseDate(v)
	if err != nil {
		return tracker.Date{}, time.Time{}, err
	}
	return d, d.Time(s.cfg.Loc).Add(17 * time.Hour), nil
}
