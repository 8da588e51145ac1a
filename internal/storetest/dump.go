package storetest

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// fill gives an application a row in every table that hangs off it.
func (f *fixture) fill(t *testing.T, a *tracker.Application) {
	t.Helper()
	uid := f.user.ID
	phone := f.stage(t, a.ID, tracker.PhoneScreen)
	onsite := f.stage(t, a.ID, tracker.Onsite)
	_, err := f.s.AddStage(f.ctx, uid, a.ID, onsite.ID, "Hiring committee", at(3, 2, 9))
	must(t, "AddStage", err)
	r := &tracker.Round{UserID: uid, ApplicationID: a.ID, StageID: onsite.ID, Kind: tracker.RoundBarRaiser, Name: "Bar raiser", Minutes: 60}
	must(t, "AddRound", f.s.AddRound(f.ctx, r, at(3, 2, 10)))
	must(t, "AddContact", f.s.AddContact(f.ctx, &tracker.Contact{UserID: uid, ApplicationID: a.ID, Role: tracker.ContactRecruiter, Name: "Kim", Email: "kim@example.com"}))
	f.move(t, a.ID, tracker.Move{StageID: phone.ID, At: at(3, 3, 9), Note: "screen booked"})
	iv := &tracker.Interview{UserID: uid, ApplicationID: a.ID, RoundID: r.ID, Kind: r.Kind, Title: "Bar raiser", At: at(3, 20, 14), Minutes: 60,
		Interviewers: []tracker.Interviewer{{Name: "Ada", Email: "ada@example.com"}}, RedFlags: []string{redFlag(t)}, Notes: "n", Detail: "d"}
	must(t, "ScheduleInterview", f.s.ScheduleInterview(f.ctx, iv))
	waiting := tracker.OutcomeUnknown
	_, err = f.s.UpdateInterview(f.ctx, uid, iv.ID, tracker.InterviewUpdate{Outcome: &waiting}, at(3, 20, 15))
	must(t, "UpdateInterview", err)
	must(t, "CreateTask", f.s.CreateTask(f.ctx, &tracker.ManualTask{UserID: uid, ApplicationID: a.ID, Title: "Send portfolio", Due: at(3, 21, 9)}))
	must(t, "MarkTask", f.s.MarkTask(f.ctx, tracker.TaskMark{UserID: uid, Key: fmt.Sprintf("thankyou:%d", iv.ID), ApplicationID: a.ID, DoneAt: at(3, 20, 18)},
		true, tracker.EventTaskDone, "Done: thank-you note"))
	must(t, "AddNote", f.s.AddNote(f.ctx, uid, a.ID, "went well", at(3, 20, 19)))
}

// seed gives the user data in every table.
func (f *fixture) seed(t *testing.T) {
	t.Helper()
	a := f.appOf(t, f.user.ID, "Acme AI", tracker.BigTech, "ML Engineer", day(2026, 3, 1))
	b := f.appOf(t, f.user.ID, "Bolt", tracker.Startup, "Research Engineer", day(2026, 3, 2))
	c := f.appOf(t, f.user.ID, "Corvid", tracker.ResearchLab, "Research Scientist", day(2026, 2, 20))
	f.fill(t, a)
	f.fill(t, b)
	f.move(t, c.ID, tracker.Move{Outcome: tracker.Ghosted, At: at(3, 5, 9)})
	must(t, "CreateTask", f.s.CreateTask(f.ctx, &tracker.ManualTask{UserID: f.user.ID, Title: "Update resume"}))
	must(t, "MarkTask", f.s.MarkTask(f.ctx, tracker.TaskMark{UserID: f.user.ID, Key: "checklist:day_before:sleep", DoneAt: at(3, 19, 22)},
		true, tracker.EventTaskDone, ""))
	must(t, "SetSetting", f.s.SetSetting(f.ctx, f.user.ID, "follow_up_days", "9"))
}

// sameUser gives every row of a copy of d to userID, to compare dumps of two
// stores.
func sameUser(t *testing.T, d *tracker.Dump, userID int64) *tracker.Dump {
	t.Helper()
	c := copyDump(t, d)
	for i := range c.Companies {
		c.Companies[i].UserID = userID
	}
	for i := range c.Applications {
		c.Applications[i].UserID = userID
	}
	for i := range c.Stages {
		c.Stages[i].UserID = userID
	}
	for i := range c.Rounds {
		c.Rounds[i].UserID = userID
	}
	for i := range c.Contacts {
		c.Contacts[i].UserID = userID
	}
	for i := range c.Interviews {
		c.Interviews[i].UserID = userID
	}
	for i := range c.Events {
		c.Events[i].UserID = userID
	}
	for i := range c.Tasks {
		c.Tasks[i].UserID = userID
	}
	for i := range c.TaskMarks {
		c.TaskMarks[i].UserID = userID
	}
	for i := range c.Settings {
		c.Settings[i].UserID = userID
	}
	return c
}

// copyDump copies d through JSON, as an export file carries it.
func copyDump(t *testing.T, d *tracker.Dump) *tracker.Dump {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatalf("marshal dump: %v", err)
	}
	var c tracker.Dump
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatalf("unmarshal dump: %v", err)
	}
	return &c
}

var dumpOpts = append([]cmp.Option{cmpopts.IgnoreFields(tracker.Dump{}, "ExportedAt")}, cmpOpts...)

func testExportRestore(t *testing.T, f *fixture, open func(t *testing.T) tracker.Store) {
	f.seed(t)
	d := f.export(t)
	if d.Format != tracker.DumpFormat || d.SchemaVersion <= 0 || (f.hasTime && !d.ExportedAt.Equal(f.now())) {
		t.Errorf("export header = %q, schema %d, exported %v", d.Format, d.SchemaVersion, d.ExportedAt)
	}
	for name, n := range map[string]int{
		"companies": len(d.Companies), "applications": len(d.Applications), "stages": len(d.Stages), "rounds": len(d.Rounds),
		"contacts": len(d.Contacts), "interviews": len(d.Interviews), "events": len(d.Events), "tasks": len(d.Tasks),
		"task marks": len(d.TaskMarks), "settings": len(d.Settings),
	} {
		if n == 0 {
			t.Errorf("the seeded export has no %s", name)
		}
	}
	for i := 1; i < len(d.Events); i++ {
		if d.Events[i].ID <= d.Events[i-1].ID {
			t.Errorf("exported events are not ordered by id")
			break
		}
	}

	g := newFixture(t, open(t))
	must(t, "Restore", g.s.Restore(g.ctx, g.user.ID, copyDump(t, d)))
	got := g.export(t)
	if diff := cmp.Diff(sameUser(t, d, g.user.ID), got, dumpOpts...); diff != "" {
		t.Errorf("export after restore differs (-exported +restored and exported):\n%s", diff)
	}

	// What the store derives from the rows is the same too.
	want, err := f.s.FindApplications(f.ctx, tracker.ApplicationFilter{UserID: f.user.ID})
	must(t, "FindApplications", err)
	have, err := g.s.FindApplications(g.ctx, tracker.ApplicationFilter{UserID: g.user.ID})
	must(t, "FindApplications(restored)", err)
	ignoreUser := cmp.FilterPath(func(p cmp.Path) bool {
		sf, ok := p.Last().(cmp.StructField)
		return ok && sf.Name() == "UserID"
	}, cmp.Ignore())
	if diff := cmp.Diff(want, have, append(cmpOpts, ignoreUser)...); diff != "" {
		t.Errorf("applications after restore differ (-original +restored):\n%s", diff)
	}
	wantIvs, err := f.s.FindInterviews(f.ctx, tracker.InterviewFilter{UserID: f.user.ID})
	must(t, "FindInterviews", err)
	haveIvs, err := g.s.FindInterviews(g.ctx, tracker.InterviewFilter{UserID: g.user.ID})
	must(t, "FindInterviews(restored)", err)
	if diff := cmp.Diff(wantIvs, haveIvs, append(cmpOpts, ignoreUser)...); diff != "" {
		t.Errorf("interviews after restore differ (-original +restored):\n%s", diff)
	}

	// The restored store goes on: new rows do not collide with restored ids.
	n := g.appOf(t, g.user.ID, "Delta", tracker.MidSize, "MLE", day(2026, 3, 9))
	for _, a := range d.Applications {
		if a.ID == n.ID {
			t.Errorf("a new application after restore reused id %d", n.ID)
		}
	}
	if n.CompanyID == d.Companies[0].ID {
		t.Errorf("a new company after restore reused id %d", n.CompanyID)
	}
}

func testRestoreNotEmpty(t *testing.T, f *fixture) {
	f.seed(t)
	d := f.export(t)
	err := f.s.Restore(f.ctx, f.user.ID, copyDump(t, d))
	wantCode(t, "Restore(into data)", err, errs.Conflict)
	if diff := cmp.Diff(d, f.export(t), dumpOpts...); diff != "" {
		t.Errorf("a refused restore changed the data (-before +after):\n%s", diff)
	}
}

func testRestoreDamaged(t *testing.T, f *fixture, open func(t *testing.T) tracker.Store) {
	f.seed(t)
	d := f.export(t)
	g := newFixture(t, open(t))
	tests := []struct {
		name string
		edit func(d *tracker.Dump)
	}{
		{"event of a missing application", func(d *tracker.Dump) { d.Events[len(d.Events)-1].ApplicationID = 9999 }},
		{"event of a missing stage", func(d *tracker.Dump) { d.Events[0].StageID = 9999 }},
		{"application of a missing company", func(d *tracker.Dump) { d.Applications[1].CompanyID = 9999 }},
		{"round of a missing stage", func(d *tracker.Dump) { d.Rounds[0].StageID = 9999 }},
		{"interview of a missing round", func(d *tracker.Dump) { d.Interviews[0].RoundID = 9999 }},
		{"contact of a missing application", func(d *tracker.Dump) { d.Contacts[0].ApplicationID = 9999 }},
		{"task of a missing application", func(d *tracker.Dump) { d.Tasks[0].ApplicationID = 9999 }},
		{"mark of a missing application", func(d *tracker.Dump) { d.TaskMarks[0].ApplicationID = 9999 }},
		{"stage of another application", func(d *tracker.Dump) { d.Events[0].StageID = d.Stages[len(d.Stages)-1].ID }},
		{"repeated id", func(d *tracker.Dump) { d.Stages[1].ID = d.Stages[0].ID }},
		{"wrong format", func(d *tracker.Dump) { d.Format = "something-else" }},
		{"newer schema", func(d *tracker.Dump) { d.SchemaVersion = 1 << 20 }},
		{"invalid application", func(d *tracker.Dump) { d.Applications[0].Role = "" }},
	}
	for _, tt := range tests {
		c := copyDump(t, d)
		tt.edit(c)
		wantCode(t, "Restore("+tt.name+")", g.s.Restore(g.ctx, g.user.ID, c), errs.Invalid)
	}
	got := g.export(t)
	if n := len(got.Companies) + len(got.Applications) + len(got.Stages) + len(got.Rounds) + len(got.Contacts) +
		len(got.Interviews) + len(got.Events) + len(got.Tasks) + len(got.TaskMarks) + len(got.Settings); n != 0 {
		t.Errorf("refused restores wrote %d rows", n)
	}
	// The store still takes the intact dump.
	must(t, "Restore(intact)", g.s.Restore(g.ctx, g.user.ID, copyDump(t, d)))
}
