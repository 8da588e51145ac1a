package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// redFlag returns a red-flag key from the content, for interviews that carry one.
func redFlag(t *testing.T) string {
	t.Helper()
	flags, err := tracker.LoadRedFlags()
	if err != nil {
		t.Fatalf("LoadRedFlags: %v", err)
	}
	for _, g := range flags.Groups {
		for _, fl := range g.Flags {
			return fl.Key
		}
	}
	t.Fatalf("the red-flag content has no flags")
	return ""
}

func testInterviews(t *testing.T, f *fixture) {
	f.needClock(t)
	a := f.app(t, "Acme AI", "Senior ML Engineer", day(2026, 3, 1))
	rounds, err := f.s.Rounds(f.ctx, f.user.ID, a.ID)
	must(t, "Rounds", err)
	phone := rounds[1]
	berlin := time.FixedZone("CET", 3600)
	iv := &tracker.Interview{
		UserID: f.user.ID, ApplicationID: a.ID, RoundID: phone.ID, Kind: phone.Kind,
		Title: "Technical phone screen", At: time.Date(2026, 12, 1, 16, 0, 0, 0, berlin), Minutes: 60,
		Location:     "https://meet.example/abc",
		Interviewers: []tracker.Interviewer{{Name: "Ada Lovelace", Email: "ada@acme.example"}, {Name: "Sam"}},
		RedFlags:     []string{redFlag(t)},
	}
	must(t, "ScheduleInterview", f.s.ScheduleInterview(f.ctx, iv))
	if iv.ID == 0 || !iv.CreatedAt.Equal(start) || iv.Company != "Acme AI" || iv.Role != "Senior ML Engineer" || iv.Done() || !iv.DoneAt.IsZero() {
		t.Errorf("ScheduleInterview filled %+v", iv)
	}
	when := time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC)
	if !iv.At.Equal(when) {
		t.Errorf("At = %v, want %v", iv.At, when)
	}
	found, err := f.s.FindInterview(f.ctx, f.user.ID, iv.ID)
	must(t, "FindInterview", err)
	if diff := cmp.Diff(iv, found, cmpOpts...); diff != "" {
		t.Errorf("FindInterview differs from the scheduled one (-scheduled +found):\n%s", diff)
	}
	es := f.events(t, a.ID)
	last := es[len(es)-1]
	if last.Kind != tracker.EventInterviewScheduled || last.RefID != iv.ID || last.Summary != "Scheduled Technical phone screen for 2026-12-01 15:00 UTC" {
		t.Errorf("schedule event = %+v", last)
	}

	f.clock.Advance(time.Hour)
	notes := "Asked about calibration"
	got, err := f.s.UpdateInterview(f.ctx, f.user.ID, iv.ID, tracker.InterviewUpdate{Notes: &notes}, f.now())
	must(t, "UpdateInterview(notes)", err)
	if got.Notes != notes || got.Done() || !got.DoneAt.IsZero() || got.Company != "Acme AI" {
		t.Errorf("after a notes update: %+v", got)
	}
	es = f.events(t, a.ID)
	if last := es[len(es)-1]; last.Kind != tracker.EventInterviewUpdated || last.RefID != iv.ID {
		t.Errorf("update event = %+v, want interview_updated", last)
	}

	doneAt := time.Date(2026, 12, 1, 16, 10, 0, 0, time.UTC)
	passed := tracker.OutcomePassed
	detail := "their feature store migration"
	got, err = f.s.UpdateInterview(f.ctx, f.user.ID, iv.ID, tracker.InterviewUpdate{Outcome: &passed, Detail: &detail}, doneAt)
	must(t, "UpdateInterview(passed)", err)
	if got.Outcome != passed || !got.DoneAt.Equal(doneAt) || got.Detail != detail {
		t.Errorf("after passing: outcome %q, done %v, detail %q", got.Outcome, got.DoneAt, got.Detail)
	}
	es = f.events(t, a.ID)
	if last := es[len(es)-1]; last.Kind != tracker.EventInterviewDone || !last.At.Equal(doneAt) {
		t.Errorf("done event = %+v, want interview_done at %v", last, doneAt)
	}

	pending := tracker.OutcomePending
	got, err = f.s.UpdateInterview(f.ctx, f.user.ID, iv.ID, tracker.InterviewUpdate{Outcome: &pending}, f.now())
	must(t, "UpdateInterview(pending)", err)
	if got.Done() || !got.DoneAt.IsZero() {
		t.Errorf("back to pending: outcome %q, done %v", got.Outcome, got.DoneAt)
	}

	newAt := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	minutes := 45
	people := []tracker.Interviewer{{Name: "Grace"}}
	got, err = f.s.UpdateInterview(f.ctx, f.user.ID, iv.ID, tracker.InterviewUpdate{At: &newAt, Minutes: &minutes, Interviewers: &people}, f.now())
	must(t, "UpdateInterview(time)", err)
	if !got.At.Equal(newAt) || got.Minutes != 45 || !cmp.Equal(got.Interviewers, people) {
		t.Errorf("after rescheduling: at %v, %d minutes, %v", got.At, got.Minutes, got.Interviewers)
	}

	n := len(f.events(t, a.ID))
	zero := 0
	_, err = f.s.UpdateInterview(f.ctx, f.user.ID, iv.ID, tracker.InterviewUpdate{Minutes: &zero}, f.now())
	wantCode(t, "UpdateInterview(0 minutes)", err, errs.Invalid)
	if again, _ := f.s.FindInterview(f.ctx, f.user.ID, iv.ID); again == nil || again.Minutes != 45 {
		t.Errorf("a refused update changed the interview: %+v", again)
	}
	if m := len(f.events(t, a.ID)); m != n {
		t.Errorf("a refused update appended %d events", m-n)
	}
	_, err = f.s.UpdateInterview(f.ctx, f.user.ID, iv.ID+100, tracker.InterviewUpdate{Notes: &notes}, f.now())
	wantCode(t, "UpdateInterview(unknown)", err, errs.NotFound)
	_, err = f.s.FindInterview(f.ctx, f.user.ID, iv.ID+100)
	wantCode(t, "FindInterview(unknown)", err, errs.NotFound)

	bad := &tracker.Interview{UserID: f.user.ID, ApplicationID: a.ID, At: newAt, Minutes: 30}
	wantCode(t, "ScheduleInterview(no title)", f.s.ScheduleInterview(f.ctx, bad), errs.Invalid)
	bad = &tracker.Interview{UserID: f.user.ID, ApplicationID: a.ID + 100, Title: "X", At: newAt, Minutes: 30}
	wantCode(t, "ScheduleInterview(unknown application)", f.s.ScheduleInterview(f.ctx, bad), errs.NotFound)
	bad = &tracker.Interview{UserID: f.user.ID, ApplicationID: a.ID, Title: "X", At: newAt, Minutes: 30, RedFlags: []string{"no-such-flag"}}
	wantCode(t, "ScheduleInterview(unknown red flag)", f.s.ScheduleInterview(f.ctx, bad), errs.Invalid)
}

func testInterviewFilter(t *testing.T, f *fixture) {
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	b := f.app(t, "Bolt", "Research Scientist", day(2026, 3, 1))
	schedule := func(appID int64, title string, when time.Time) *tracker.Interview {
		iv := &tracker.Interview{UserID: f.user.ID, ApplicationID: appID, Kind: tracker.RoundBehavioral, Title: title, At: when, Minutes: 45}
		must(t, "ScheduleInterview", f.s.ScheduleInterview(f.ctx, iv))
		return iv
	}
	// Scheduled out of time order on purpose.
	third := schedule(a.ID, "third", at(3, 15, 10))
	first := schedule(a.ID, "first", at(3, 11, 10))
	second := schedule(b.ID, "second", at(3, 12, 10))
	passed := tracker.OutcomePassed
	_, err := f.s.UpdateInterview(f.ctx, f.user.ID, third.ID, tracker.InterviewUpdate{Outcome: &passed}, at(3, 15, 11))
	must(t, "UpdateInterview", err)

	tests := []struct {
		name   string
		filter tracker.InterviewFilter
		want   []int64
	}{
		{"all by time", tracker.InterviewFilter{}, []int64{first.ID, second.ID, third.ID}},
		{"application", tracker.InterviewFilter{ApplicationID: a.ID}, []int64{first.ID, third.ID}},
		{"from, inclusive", tracker.InterviewFilter{From: at(3, 12, 10)}, []int64{second.ID, third.ID}},
		{"to, exclusive", tracker.InterviewFilter{To: at(3, 12, 10)}, []int64{first.ID}},
		{"window", tracker.InterviewFilter{From: at(3, 11, 11), To: at(3, 15, 11)}, []int64{second.ID, third.ID}},
		{"pending", tracker.InterviewFilter{PendingOnly: true}, []int64{first.ID, second.ID}},
		{"other zone", tracker.InterviewFilter{From: time.Date(2026, 3, 12, 11, 0, 0, 0, time.FixedZone("CET", 3600))}, []int64{second.ID, third.ID}},
	}
	for _, tt := range tests {
		tt.filter.UserID = f.user.ID
		got, err := f.s.FindInterviews(f.ctx, tt.filter)
		must(t, tt.name, err)
		var gotIDs []int64
		for _, iv := range got {
			gotIDs = append(gotIDs, iv.ID)
			if iv.Company == "" || iv.Role == "" {
				t.Errorf("FindInterviews(%s): interview %d lacks company or role", tt.name, iv.ID)
			}
		}
		if diff := cmp.Diff(tt.want, gotIDs, cmpOpts...); diff != "" {
			t.Errorf("FindInterviews(%s) (-want +got):\n%s", tt.name, diff)
		}
	}
}

func testContacts(t *testing.T, f *fixture) {
	f.needClock(t)
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	c1 := &tracker.Contact{UserID: f.user.ID, ApplicationID: a.ID, Role: tracker.ContactRecruiter, Name: "Kim Park", Email: "kim@acme.example", Notes: "prefers email"}
	c2 := &tracker.Contact{UserID: f.user.ID, ApplicationID: a.ID, Role: tracker.ContactHiringManager, Name: "Lee"}
	must(t, "AddContact", f.s.AddContact(f.ctx, c1))
	must(t, "AddContact", f.s.AddContact(f.ctx, c2))
	if c1.ID == 0 || c2.ID == 0 || !c1.CreatedAt.Equal(start) {
		t.Errorf("AddContact filled %+v", c1)
	}
	got, err := f.s.Contacts(f.ctx, f.user.ID, a.ID)
	must(t, "Contacts", err)
	if diff := cmp.Diff([]tracker.Contact{*c1, *c2}, got); diff != "" {
		t.Errorf("Contacts (-want +got):\n%s", diff)
	}
	must(t, "RemoveContact", f.s.RemoveContact(f.ctx, f.user.ID, c1.ID, f.now()))
	got, _ = f.s.Contacts(f.ctx, f.user.ID, a.ID)
	if diff := cmp.Diff([]tracker.Contact{*c2}, got); diff != "" {
		t.Errorf("Contacts after removal (-want +got):\n%s", diff)
	}
	wantKinds := []tracker.EventKind{tracker.EventCreated, tracker.EventContactAdded, tracker.EventContactAdded, tracker.EventContactRemoved}
	es := f.events(t, a.ID)
	if diff := cmp.Diff(wantKinds, kinds(es)); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if es[1].RefID != c1.ID || es[3].RefID != c1.ID {
		t.Errorf("contact events refer to %d and %d, want %d", es[1].RefID, es[3].RefID, c1.ID)
	}
	wantCode(t, "RemoveContact(again)", f.s.RemoveContact(f.ctx, f.user.ID, c1.ID, at(3, 5, 9)), errs.NotFound)
	wantCode(t, "AddContact(bad email)", f.s.AddContact(f.ctx, &tracker.Contact{UserID: f.user.ID, ApplicationID: a.ID, Role: tracker.ContactOther, Name: "X", Email: "not an email"}), errs.Invalid)
	wantCode(t, "AddContact(bad role)", f.s.AddContact(f.ctx, &tracker.Contact{UserID: f.user.ID, ApplicationID: a.ID, Role: "boss", Name: "X"}), errs.Invalid)
	wantCode(t, "AddContact(unknown application)", f.s.AddContact(f.ctx, &tracker.Contact{UserID: f.user.ID, ApplicationID: a.ID + 100, Role: tracker.ContactOther, Name: "X"}), errs.NotFound)
	_, err = f.s.Contacts(f.ctx, f.user.ID, a.ID+100)
	wantCode(t, "Contacts(unknown application)", err, errs.NotFound)
}
