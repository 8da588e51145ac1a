package web

import (
	"context"
	"net/http"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// taskExtras fills the manual tasks (of one application, or all when appID is
// 0), the marks, the questions to ask (which join the "during" checklists)
// and the follow-up setting.
func (s *Server) taskExtras(ctx context.Context, userID, appID int64, in *tracker.TaskInput) error {
	var err error
	if in.Manual, err = s.store.FindTasks(ctx, userID, appID); err != nil {
		return err
	}
	if in.Marks, err = s.store.TaskMarks(ctx, userID); err != nil {
		return err
	}
	if in.Asks, err = s.store.InterviewAsks(ctx, userID, 0); err != nil {
		return err
	}
	v, err := s.store.Setting(ctx, userID, tracker.SettingFollowUpDays)
	if err != nil {
		return err
	}
	if in.FollowUpDays, err = tracker.ParseFollowUpDays(v); err != nil {
		in.FollowUpDays = tracker.DefaultFollowUpDays // a bad stored value should not break Today
	}
	return nil
}

// applicationTasks derives the tasks of one application.
func (s *Server) applicationTasks(ctx context.Context, userID int64, a *tracker.Application, ivs []*tracker.Interview) ([]tracker.Task, error) {
	in := tracker.TaskInput{Applications: []*tracker.Application{a}, Interviews: ivs, Checklists: s.checks, Loc: s.cfg.Loc}
	if err := s.taskExtras(ctx, userID, a.ID, &in); err != nil {
		return nil, err
	}
	return tracker.DeriveTasks(in, s.now()), nil
}

func (s *Server) taskDone(w http.ResponseWriter, r *http.Request) { s.markTask(w, r, true) }
func (s *Server) taskUndo(w http.ResponseWriter, r *http.Request) { s.markTask(w, r, false) }

// markTask marks a task done or open again with tracker.CompleteTask, which
// finds a derived task again by key, so that the event left in the
// application's log describes the task from the timeline, not from the form.
func (s *Server) markTask(w http.ResponseWriter, r *http.Request, done bool) {
	ctx := r.Context()
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	key := formString(r, "key")
	if key == "" {
		err = errs.Invalidf("no task was named")
	} else {
		err = tracker.CompleteTask(ctx, s.store, u.ID, key, done, s.now(), s.cfg.Loc)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if wantsJSON(r) {
		writeJSON(w, http.StatusOK, map[string]any{"key": key, "done": done})
		return
	}
	seeOther(w, r, returnURL(r, "/today"))
}

// addTask stores a task the user wrote, due at the end of the chosen day.
func (s *Server) addTask(w http.ResponseWriter, r *http.Request) {
	s.appForm(w, r, "task", func(ctx context.Context, u *tracker.User, appID int64) error {
		title := formString(r, "title")
		if title == "" {
			return errs.Invalidf("a task needs a title")
		}
		if len(title) > tracker.MaxShort {
			return errs.Invalidf("the title is too long (at most %d bytes)", tracker.MaxShort)
		}
		d, err := tracker.ParseDate(formString(r, "due"))
		if err != nil {
			return err
		}
		if d.IsZero() {
			return errs.Invalidf("a task needs a due date")
		}
		due := d.Time(s.cfg.Loc).AddDate(0, 0, 1).Add(-time.Minute)
		return s.store.CreateTask(ctx, &tracker.ManualTask{UserID: u.ID, ApplicationID: appID, Title: title, Due: due, CreatedAt: s.now()})
	})
}

// taskLink is where a task leads: its interview, else its application.
func taskLink(t tracker.Task) string {
	switch {
	case t.InterviewID != 0:
		return "/interviews/" + itoa(t.InterviewID)
	case t.ApplicationID != 0:
		return "/applications/" + itoa(t.ApplicationID)
	}
	return ""
}

// taskKindLabel names where a task comes from.
func taskKindLabel(k tracker.TaskKind) string {
	switch k {
	case tracker.TaskThankYou:
		return "Thank-you"
	case tracker.TaskFollowUp:
		return "Follow-up"
	case tracker.TaskDeadline:
		return "Deadline"
	case tracker.TaskChecklist:
		return "Checklist"
	case tracker.TaskManual:
		return "To-do"
	}
	return string(k)
}
