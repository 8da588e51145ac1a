package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

func taskIDs(ts []tracker.ManualTask) []int64 {
	out := make([]int64, len(ts))
	for i, x := range ts {
		out[i] = x.ID
	}
	return out
}

func testManualTasks(t *testing.T, f *fixture) {
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	create := func(appID int64, title string, due time.Time) *tracker.ManualTask {
		x := &tracker.ManualTask{UserID: f.user.ID, ApplicationID: appID, Title: title, Due: due}
		must(t, "CreateTask", f.s.CreateTask(f.ctx, x))
		if x.ID == 0 || (f.hasTime && !x.CreatedAt.Equal(start)) {
			t.Errorf("CreateTask filled %+v", x)
		}
		return x
	}
	t1 := create(0, "Update resume", at(3, 12, 9))
	t2 := create(a.ID, "Prepare system design", at(3, 11, 9))
	t3 := create(0, "Read the paper", time.Time{})

	find := func(appID int64) []tracker.ManualTask {
		ts, err := f.s.FindTasks(f.ctx, f.user.ID, appID)
		must(t, "FindTasks", err)
		return ts
	}
	if diff := cmp.Diff([]int64{t2.ID, t1.ID, t3.ID}, taskIDs(find(0))); diff != "" {
		t.Errorf("FindTasks: open by due, none last (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]tracker.ManualTask{*t2}, find(a.ID)); diff != "" {
		t.Errorf("FindTasks(application) (-want +got):\n%s", diff)
	}

	doneAt := at(3, 11, 8)
	must(t, "SetTaskDone", f.s.SetTaskDone(f.ctx, f.user.ID, t2.ID, true, doneAt))
	ts := find(0)
	if diff := cmp.Diff([]int64{t1.ID, t3.ID, t2.ID}, taskIDs(ts)); diff != "" {
		t.Errorf("FindTasks: open first (-want +got):\n%s", diff)
	}
	if !ts[2].DoneAt.Equal(doneAt) {
		t.Errorf("DoneAt = %v, want %v", ts[2].DoneAt, doneAt)
	}
	must(t, "SetTaskDone(false)", f.s.SetTaskDone(f.ctx, f.user.ID, t2.ID, false, doneAt))
	if got := find(a.ID)[0]; !got.DoneAt.IsZero() {
		t.Errorf("reopened task DoneAt = %v, want zero", got.DoneAt)
	}

	wantCode(t, "CreateTask(no title)", f.s.CreateTask(f.ctx, &tracker.ManualTask{UserID: f.user.ID, Title: " "}), errs.Invalid)
	wantCode(t, "CreateTask(unknown application)", f.s.CreateTask(f.ctx, &tracker.ManualTask{UserID: f.user.ID, ApplicationID: a.ID + 100, Title: "X"}), errs.NotFound)
	wantCode(t, "SetTaskDone(unknown)", f.s.SetTaskDone(f.ctx, f.user.ID, t3.ID+100, true, doneAt), errs.NotFound)
	_, err := f.s.FindTasks(f.ctx, f.user.ID, a.ID+100)
	wantCode(t, "FindTasks(unknown application)", err, errs.NotFound)
}

func testTaskMarks(t *testing.T, f *fixture) {
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	marks := func() map[string]time.Time {
		m, err := f.s.TaskMarks(f.ctx, f.user.ID)
		must(t, "TaskMarks", err)
		return m
	}
	if m := marks(); len(m) != 0 {
		t.Errorf("TaskMarks of a new user = %v, want none", m)
	}
	t1 := at(3, 5, 18)
	key := "thankyou:1"
	must(t, "MarkTask", f.s.MarkTask(f.ctx, tracker.TaskMark{UserID: f.user.ID, Key: key, ApplicationID: a.ID, DoneAt: t1},
		true, tracker.EventTaskDone, "Done: Send a thank-you note"))
	if diff := cmp.Diff(map[string]time.Time{key: t1}, marks()); diff != "" {
		t.Errorf("TaskMarks (-want +got):\n%s", diff)
	}
	es := f.events(t, a.ID)
	if last := es[len(es)-1]; last.Kind != tracker.EventTaskDone || last.Summary != "Done: Send a thank-you note" || !last.At.Equal(t1) {
		t.Errorf("mark event = %+v", last)
	}

	// A mark not tied to an application appends nothing.
	n := len(es)
	t2 := at(3, 6, 8)
	must(t, "MarkTask(no application)", f.s.MarkTask(f.ctx, tracker.TaskMark{UserID: f.user.ID, Key: "checklist:x", DoneAt: t2},
		true, tracker.EventTaskDone, "Done: x"))
	if m := len(f.events(t, a.ID)); m != n {
		t.Errorf("a mark without an application appended %d events", m-n)
	}
	// Marking again moves the time.
	must(t, "MarkTask(again)", f.s.MarkTask(f.ctx, tracker.TaskMark{UserID: f.user.ID, Key: key, ApplicationID: a.ID, DoneAt: t2},
		true, tracker.EventTaskDone, "Done: Send a thank-you note"))
	if diff := cmp.Diff(map[string]time.Time{key: t2, "checklist:x": t2}, marks()); diff != "" {
		t.Errorf("TaskMarks after marking again (-want +got):\n%s", diff)
	}

	must(t, "MarkTask(undo)", f.s.MarkTask(f.ctx, tracker.TaskMark{UserID: f.user.ID, Key: key, ApplicationID: a.ID, DoneAt: t2},
		false, tracker.EventTaskReopened, "Reopened: Send a thank-you note"))
	if diff := cmp.Diff(map[string]time.Time{"checklist:x": t2}, marks()); diff != "" {
		t.Errorf("TaskMarks after undo (-want +got):\n%s", diff)
	}
	es = f.events(t, a.ID)
	if last := es[len(es)-1]; last.Kind != tracker.EventTaskReopened {
		t.Errorf("undo event = %+v, want task_reopened", last)
	}
	wantCode(t, "MarkTask(no key)", f.s.MarkTask(f.ctx, tracker.TaskMark{UserID: f.user.ID, DoneAt: t2}, true, tracker.EventTaskDone, "x"), errs.Invalid)
	wantCode(t, "MarkTask(unknown application)", f.s.MarkTask(f.ctx, tracker.TaskMark{UserID: f.user.ID, Key: "k", ApplicationID: a.ID + 100, DoneAt: t2},
		true, tracker.EventTaskDone, "x"), errs.NotFound)
}

func testSettings(t *testing.T, f *fixture) {
	get := func(key string) string {
		v, err := f.s.Setting(f.ctx, f.user.ID, key)
		must(t, "Setting", err)
		return v
	}
	if v := get("follow_up_days"); v != "" {
		t.Errorf("unset setting = %q, want empty", v)
	}
	must(t, "SetSetting", f.s.SetSetting(f.ctx, f.user.ID, "follow_up_days", "7"))
	must(t, "SetSetting", f.s.SetSetting(f.ctx, f.user.ID, "theme", "dark"))
	must(t, "SetSetting(again)", f.s.SetSetting(f.ctx, f.user.ID, "follow_up_days", "10"))
	if v := get("follow_up_days"); v != "10" {
		t.Errorf("setting = %q, want 10", v)
	}
	if v := get("theme"); v != "dark" {
		t.Errorf("other setting = %q, want dark", v)
	}
	wantCode(t, "SetSetting(no key)", f.s.SetSetting(f.ctx, f.user.ID, "", "x"), errs.Invalid)
}
