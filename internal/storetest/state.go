package storetest

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

func at(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, time.UTC) }

func testStateDerivation(t *testing.T, f *fixture) {
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	screen := f.stage(t, a.ID, tracker.RecruiterScreen)
	phone := f.stage(t, a.ID, tracker.PhoneScreen)

	got := f.move(t, a.ID, tracker.Move{StageID: screen.ID, At: at(3, 4, 10), Note: "Call with Sam"})
	want := tracker.State{StageID: screen.ID, StageKind: tracker.RecruiterScreen, StageName: "Recruiter screen", Since: at(3, 4, 10)}
	if diff := cmp.Diff(want, got.State); diff != "" {
		t.Errorf("state after move (-want +got):\n%s", diff)
	}
	es := f.events(t, a.ID)
	if last := es[len(es)-1]; last.Kind != tracker.EventMoved || last.StageID != screen.ID || last.Summary != "Moved to Recruiter screen: Call with Sam" {
		t.Errorf("move event = %+v", last)
	}

	f.move(t, a.ID, tracker.Move{StageID: phone.ID, At: at(3, 6, 10)})
	got = f.move(t, a.ID, tracker.Move{Outcome: tracker.Rejected, At: at(3, 8, 10)})
	want = tracker.State{StageID: phone.ID, StageKind: tracker.PhoneScreen, StageName: "Phone screen", Outcome: tracker.Rejected, Since: at(3, 8, 10)}
	if diff := cmp.Diff(want, got.State); diff != "" {
		t.Errorf("state after close (-want +got):\n%s", diff)
	}
	if got.Active() {
		t.Errorf("a rejected application is active")
	}
	es = f.events(t, a.ID)
	if last := es[len(es)-1]; last.Kind != tracker.EventClosed || last.Outcome != tracker.Rejected || last.Summary != "Closed: rejected" {
		t.Errorf("close event = %+v", last)
	}
	if diff := cmp.Diff(got, f.find(t, a.ID), cmpOpts...); diff != "" {
		t.Errorf("FindApplication after close differs (-returned +found):\n%s", diff)
	}
	wantKinds := []tracker.EventKind{tracker.EventCreated, tracker.EventMoved, tracker.EventMoved, tracker.EventClosed}
	if diff := cmp.Diff(wantKinds, kinds(es)); diff != "" {
		t.Errorf("event kinds (-want +got):\n%s", diff)
	}
}

func testBackdatedMoves(t *testing.T, f *fixture) {
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	screen := f.stage(t, a.ID, tracker.RecruiterScreen)
	phone := f.stage(t, a.ID, tracker.PhoneScreen)
	take := f.stage(t, a.ID, tracker.TakeHome)

	must(t, "AddNote", f.s.AddNote(f.ctx, f.user.ID, a.ID, "later note, earlier day", at(3, 2, 9)))
	got := f.move(t, a.ID, tracker.Move{StageID: phone.ID, At: at(3, 5, 10)})
	if !got.State.Since.Equal(at(3, 5, 10)) {
		t.Errorf("Since = %v after a backdated move, want %v", got.State.Since, at(3, 5, 10))
	}
	// A move cannot precede the state it leaves.
	n := len(f.events(t, a.ID))
	_, err := f.s.MoveApplication(f.ctx, f.user.ID, a.ID, tracker.Move{StageID: screen.ID, At: at(3, 3, 10)})
	wantCode(t, "move before the current state", err, errs.Invalid)
	if m := len(f.events(t, a.ID)); m != n {
		t.Errorf("a refused move appended %d events", m-n)
	}
	// Two moves at the same time: the later one wins.
	got = f.move(t, a.ID, tracker.Move{StageID: take.ID, At: at(3, 5, 10)})
	if got.State.StageID != take.ID {
		t.Errorf("state after a second move at the same time = %s, want %s", got.State.StageName, take.Name)
	}
	wantKinds := []tracker.EventKind{tracker.EventCreated, tracker.EventNote, tracker.EventMoved, tracker.EventMoved}
	if diff := cmp.Diff(wantKinds, kinds(f.events(t, a.ID))); diff != "" {
		t.Errorf("events in time order (-want +got):\n%s", diff)
	}
	// Times order by instant, fractions of a second included.
	half := at(3, 5, 10).Add(500 * time.Millisecond)
	got = f.move(t, a.ID, tracker.Move{StageID: phone.ID, At: half})
	if got.State.StageID != phone.ID || !got.State.Since.Equal(half) {
		t.Errorf("state after a move half a second later = %s since %v, want %s since %v", got.State.StageName, got.State.Since, phone.Name, half)
	}
	es := f.events(t, a.ID)
	if last := es[len(es)-1]; !last.At.Equal(half) {
		t.Errorf("last event at %v, want %v", last.At, half)
	}
}

// testClosedWithoutStage checks that a closed event takes its stage from the
// state before it, as the log says, even when it names no stage itself (the
// Event type sets StageID for created and moved only).
func testClosedWithoutStage(t *testing.T, f *fixture, open func(t *testing.T) tracker.Store) {
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	phone := f.stage(t, a.ID, tracker.PhoneScreen)
	f.move(t, a.ID, tracker.Move{StageID: phone.ID, At: at(3, 3, 9)})
	f.move(t, a.ID, tracker.Move{Outcome: tracker.Rejected, At: at(3, 4, 9)})
	d := f.export(t)
	for i, e := range d.Events {
		if e.Kind == tracker.EventClosed {
			d.Events[i].StageID = 0
		}
	}
	g := newFixture(t, open(t))
	must(t, "Restore", g.s.Restore(g.ctx, g.user.ID, d))
	got, err := g.s.FindApplication(g.ctx, g.user.ID, a.ID)
	must(t, "FindApplication", err)
	want := tracker.State{StageID: phone.ID, StageKind: tracker.PhoneScreen, StageName: "Phone screen", Outcome: tracker.Rejected, Since: at(3, 4, 9)}
	if diff := cmp.Diff(want, got.State); diff != "" {
		t.Errorf("state of a closed event without a stage (-want +got):\n%s", diff)
	}
	steps, err := g.s.StageSteps(g.ctx, g.user.ID)
	must(t, "StageSteps", err)
	if last := steps[len(steps)-1]; last.Outcome != tracker.Rejected || last.StageKind != "" {
		t.Errorf("last stage step = %+v, want the rejection", last)
	}
	// The list derives the same.
	as, err := g.s.FindApplications(g.ctx, tracker.ApplicationFilter{UserID: g.user.ID})
	must(t, "FindApplications", err)
	if len(as) != 1 || !cmp.Equal(as[0].State, want) {
		t.Errorf("FindApplications state = %+v, want %+v", as[0].State, want)
	}
}

func testMoveRules(t *testing.T, f *fixture) {
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	other := f.app(t, "Bolt", "ML Engineer", day(2026, 3, 1))
	phone := f.stage(t, a.ID, tracker.PhoneScreen)
	offer := f.stage(t, a.ID, tracker.OfferStage)
	applied := f.stage(t, a.ID, tracker.Applied)
	otherPhone := f.stage(t, other.ID, tracker.PhoneScreen)

	refuse := func(name string, id int64, m tracker.Move, code errs.Code) {
		t.Helper()
		before, _ := f.s.Events(f.ctx, f.user.ID, id)
		_, err := f.s.MoveApplication(f.ctx, f.user.ID, id, m)
		wantCode(t, name, err, code)
		if after, _ := f.s.Events(f.ctx, f.user.ID, id); len(after) != len(before) {
			t.Errorf("%s: a refused move appended an event", name)
		}
	}
	refuse("accept without offer", a.ID, tracker.Move{Outcome: tracker.Accepted, At: at(3, 2, 9)}, errs.Conflict)
	refuse("decline without offer", a.ID, tracker.Move{Outcome: tracker.Declined, At: at(3, 2, 9)}, errs.Conflict)
	refuse("to where it is", a.ID, tracker.Move{StageID: applied.ID, At: at(3, 2, 9)}, errs.Conflict)
	refuse("stage and outcome", a.ID, tracker.Move{StageID: phone.ID, Outcome: tracker.Rejected, At: at(3, 2, 9)}, errs.Invalid)
	refuse("another application's stage", a.ID, tracker.Move{StageID: otherPhone.ID, At: at(3, 2, 9)}, errs.NotFound)
	refuse("unknown application", other.ID+100, tracker.Move{StageID: phone.ID, At: at(3, 2, 9)}, errs.NotFound)

	f.move(t, a.ID, tracker.Move{StageID: offer.ID, At: at(3, 3, 9)})
	got := f.move(t, a.ID, tracker.Move{Outcome: tracker.Accepted, At: at(3, 4, 9)})
	if got.State.Outcome != tracker.Accepted || got.State.StageKind != tracker.OfferStage {
		t.Errorf("accepted offer state = %+v", got.State)
	}
	refuse("move an accepted application", a.ID, tracker.Move{StageID: phone.ID, At: at(3, 5, 9)}, errs.Conflict)

	f.move(t, other.ID, tracker.Move{Outcome: tracker.Rejected, At: at(3, 2, 9)})
	refuse("move a rejected application", other.ID, tracker.Move{StageID: otherPhone.ID, At: at(3, 5, 9)}, errs.Conflict)
	refuse("close a rejected application", other.ID, tracker.Move{Outcome: tracker.Withdrawn, At: at(3, 5, 9)}, errs.Conflict)

	g := f.app(t, "Corvid", "ML Engineer", day(2026, 3, 1))
	gPhone := f.stage(t, g.ID, tracker.PhoneScreen)
	f.move(t, g.ID, tracker.Move{Outcome: tracker.Ghosted, At: at(3, 5, 9)})
	refuse("close a ghosted application", g.ID, tracker.Move{Outcome: tracker.Rejected, At: at(3, 6, 9)}, errs.Conflict)
	got = f.move(t, g.ID, tracker.Move{StageID: gPhone.ID, At: at(3, 7, 9)})
	if !got.Active() || got.State.StageID != gPhone.ID {
		t.Errorf("a ghosted application moved to a stage: state %+v, want active at phone screen", got.State)
	}
}

func testStageSteps(t *testing.T, f *fixture) {
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	b := f.app(t, "Bolt", "ML Engineer", day(2026, 3, 2))
	f.move(t, b.ID, tracker.Move{StageID: f.stage(t, b.ID, tracker.Onsite).ID, At: at(3, 4, 9)})
	f.move(t, a.ID, tracker.Move{StageID: f.stage(t, a.ID, tracker.PhoneScreen).ID, At: at(3, 5, 9)})
	must(t, "AddNote", f.s.AddNote(f.ctx, f.user.ID, a.ID, "not a step", at(3, 6, 9)))
	f.move(t, a.ID, tracker.Move{Outcome: tracker.Withdrawn, At: at(3, 7, 9)})

	got, err := f.s.StageSteps(f.ctx, f.user.ID)
	must(t, "StageSteps", err)
	want := []tracker.StageStep{
		{ApplicationID: a.ID, At: at(3, 1, 0), StageKind: tracker.Applied},
		{ApplicationID: a.ID, At: at(3, 5, 9), StageKind: tracker.PhoneScreen},
		{ApplicationID: a.ID, At: at(3, 7, 9), Outcome: tracker.Withdrawn},
		{ApplicationID: b.ID, At: at(3, 2, 0), StageKind: tracker.Applied},
		{ApplicationID: b.ID, At: at(3, 4, 9), StageKind: tracker.Onsite},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("StageSteps (-want +got):\n%s", diff)
	}
}

func testLastActivity(t *testing.T, f *fixture) {
	f.needClock(t)
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	if !a.LastActivity.Equal(at(3, 1, 0)) {
		t.Errorf("LastActivity = %v, want the applied day", a.LastActivity)
	}
	must(t, "AddNote", f.s.AddNote(f.ctx, f.user.ID, a.ID, "a note is not contact", at(3, 9, 9)))
	if got := f.find(t, a.ID).LastActivity; !got.Equal(at(3, 1, 0)) {
		t.Errorf("LastActivity after a note = %v, want unchanged", got)
	}
	iv := &tracker.Interview{UserID: f.user.ID, ApplicationID: a.ID, Kind: tracker.RoundRecruiterScreen,
		Title: "Recruiter call", At: at(3, 12, 15), Minutes: 30}
	must(t, "ScheduleInterview", f.s.ScheduleInterview(f.ctx, iv))
	if got := f.find(t, a.ID).LastActivity; !got.Equal(start) {
		t.Errorf("LastActivity after scheduling = %v, want now %v", got, start)
	}
	followed := start.Add(2 * time.Hour)
	must(t, "MarkTask", f.s.MarkTask(f.ctx, tracker.TaskMark{UserID: f.user.ID, Key: "followup:x", ApplicationID: a.ID, DoneAt: followed},
		true, tracker.EventFollowedUp, "Followed up"))
	if got := f.find(t, a.ID).LastActivity; !got.Equal(followed) {
		t.Errorf("LastActivity after following up = %v, want %v", got, followed)
	}
}

func names(ss []tracker.Stage) string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Name)
	}
	return strings.Join(out, ", ")
}
