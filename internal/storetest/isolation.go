package storetest

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// testIsolation checks that one user can neither see nor change another's rows.
// The other user is a real one when the store can create users, else an id no
// user has.
func testIsolation(t *testing.T, f *fixture) {
	f.seed(t)
	before := f.export(t)
	other := f.user.ID + 1000
	real := false
	if uc, ok := f.s.(UserCreator); ok {
		u, err := uc.CreateUser(f.ctx, "other")
		must(t, "CreateUser", err)
		other, real = u.ID, true
	}
	a := before.Applications[0]
	var stage tracker.Stage
	for _, s := range before.Stages {
		if s.ApplicationID == a.ID {
			stage = s
			break
		}
	}
	round, contact, iv, task := before.Rounds[0], before.Contacts[0], before.Interviews[0], before.Tasks[0]

	if real {
		// The other user has a company of the same name, of their own.
		o := f.appOf(t, other, "Acme AI", tracker.Startup, "MLE", day(2026, 3, 1))
		if o.CompanyID == a.CompanyID || o.Company.Kind != tracker.Startup {
			t.Errorf("the other user's Acme AI = company %d (%s), want a new one", o.CompanyID, o.Company.Kind)
		}
		if k := f.find(t, a.ID).Company.Kind; k != tracker.BigTech {
			t.Errorf("another user's application changed the company kind to %s", k)
		}
	}

	notFound := func(name string, err error) {
		t.Helper()
		wantCode(t, name+" as another user", err, errs.NotFound)
	}
	// Reads.
	_, err := f.s.FindApplication(f.ctx, other, a.ID)
	notFound("FindApplication", err)
	_, err = f.s.Events(f.ctx, other, a.ID)
	notFound("Events", err)
	_, err = f.s.Stages(f.ctx, other, a.ID)
	notFound("Stages", err)
	_, err = f.s.Rounds(f.ctx, other, a.ID)
	notFound("Rounds", err)
	_, err = f.s.Contacts(f.ctx, other, a.ID)
	notFound("Contacts", err)
	_, err = f.s.FindInterview(f.ctx, other, iv.ID)
	notFound("FindInterview", err)
	_, err = f.s.FindTasks(f.ctx, other, a.ID)
	notFound("FindTasks(application)", err)

	apps, err := f.s.FindApplications(f.ctx, tracker.ApplicationFilter{UserID: other})
	must(t, "FindApplications", err)
	for _, x := range apps {
		if x.UserID != other {
			t.Errorf("FindApplications as another user returned application %d of user %d", x.ID, x.UserID)
		}
	}
	ivs, err := f.s.FindInterviews(f.ctx, tracker.InterviewFilter{UserID: other})
	must(t, "FindInterviews", err)
	if len(ivs) != 0 {
		t.Errorf("FindInterviews as another user returned %d interviews", len(ivs))
	}
	tasks, err := f.s.FindTasks(f.ctx, other, 0)
	must(t, "FindTasks", err)
	if len(tasks) != 0 {
		t.Errorf("FindTasks as another user returned %d tasks", len(tasks))
	}
	marks, err := f.s.TaskMarks(f.ctx, other)
	must(t, "TaskMarks", err)
	if len(marks) != 0 {
		t.Errorf("TaskMarks as another user = %v", marks)
	}
	steps, err := f.s.StageSteps(f.ctx, other)
	must(t, "StageSteps", err)
	for _, s := range steps {
		if s.ApplicationID == a.ID {
			t.Errorf("StageSteps as another user include application %d", a.ID)
		}
	}
	v, err := f.s.Setting(f.ctx, other, "follow_up_days")
	must(t, "Setting", err)
	if v != "" {
		t.Errorf("Setting as another user = %q", v)
	}
	if real {
		d, err := f.s.Export(f.ctx, other)
		must(t, "Export", err)
		if len(d.Applications) != 1 || d.Applications[0].ID == a.ID {
			t.Errorf("Export of the other user has %d applications, want only their own", len(d.Applications))
		}
		if len(d.Interviews)+len(d.Contacts)+len(d.Tasks)+len(d.TaskMarks)+len(d.Settings) != 0 {
			t.Errorf("Export of the other user includes the first user's rows")
		}
		// Restoring into a user that has data is refused, whoever's data it is.
		wantCode(t, "Restore as another user with data", f.s.Restore(f.ctx, other, copyDump(t, before)), errs.Conflict)
	}

	// Writes.
	role := "hijacked"
	_, err = f.s.UpdateApplication(f.ctx, other, a.ID, tracker.ApplicationUpdate{Role: &role}, at(3, 9, 9))
	notFound("UpdateApplication", err)
	notFound("DeleteApplication", f.s.DeleteApplication(f.ctx, other, a.ID))
	_, err = f.s.MoveApplication(f.ctx, other, a.ID, tracker.Move{Outcome: tracker.Withdrawn, At: at(3, 30, 9)})
	notFound("MoveApplication", err)
	notFound("AddNote", f.s.AddNote(f.ctx, other, a.ID, "x", at(3, 9, 9)))
	_, err = f.s.AddStage(f.ctx, other, a.ID, 0, "X", at(3, 9, 9))
	notFound("AddStage", err)
	notFound("RenameStage", f.s.RenameStage(f.ctx, other, stage.ID, "X", at(3, 9, 9)))
	notFound("RemoveStage", f.s.RemoveStage(f.ctx, other, stage.ID, at(3, 9, 9)))
	notFound("AddRound", f.s.AddRound(f.ctx, &tracker.Round{UserID: other, ApplicationID: a.ID, StageID: stage.ID, Kind: tracker.RoundCoding, Name: "X", Minutes: 60}, at(3, 9, 9)))
	notFound("RenameRound", f.s.RenameRound(f.ctx, other, round.ID, "X", at(3, 9, 9)))
	notFound("RemoveRound", f.s.RemoveRound(f.ctx, other, round.ID, at(3, 9, 9)))
	notFound("ScheduleInterview", f.s.ScheduleInterview(f.ctx, &tracker.Interview{UserID: other, ApplicationID: a.ID, Kind: tracker.RoundCoding, Title: "X", At: at(3, 20, 9), Minutes: 30}))
	notes := "x"
	_, err = f.s.UpdateInterview(f.ctx, other, iv.ID, tracker.InterviewUpdate{Notes: &notes}, at(3, 9, 9))
	notFound("UpdateInterview", err)
	notFound("AddContact", f.s.AddContact(f.ctx, &tracker.Contact{UserID: other, ApplicationID: a.ID, Role: tracker.ContactOther, Name: "X"}))
	notFound("RemoveContact", f.s.RemoveContact(f.ctx, other, contact.ID, at(3, 9, 9)))
	notFound("CreateTask", f.s.CreateTask(f.ctx, &tracker.ManualTask{UserID: other, ApplicationID: a.ID, Title: "X"}))
	notFound("SetTaskDone", f.s.SetTaskDone(f.ctx, other, task.ID, true, at(3, 9, 9)))
	notFound("MarkTask", f.s.MarkTask(f.ctx, tracker.TaskMark{UserID: other, Key: "k", ApplicationID: a.ID, DoneAt: at(3, 9, 9)}, true, tracker.EventTaskDone, "x"))
	if real {
		must(t, "SetSetting as another user", f.s.SetSetting(f.ctx, other, "follow_up_days", "3"))
	}

	if diff := cmp.Diff(before, f.export(t), dumpOpts...); diff != "" {
		t.Errorf("another user's calls changed the first user's data (-before +after):\n%s", diff)
	}
}
