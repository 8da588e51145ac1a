package storetest

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

func positions(ss []tracker.Stage) []int {
	out := make([]int, len(ss))
	for i, s := range ss {
		out[i] = s.Position
	}
	return out
}

func testStages(t *testing.T, f *fixture) {
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	other := f.app(t, "Bolt", "ML Engineer", day(2026, 3, 1))
	phone := f.stage(t, a.ID, tracker.PhoneScreen)

	team, err := f.s.AddStage(f.ctx, f.user.ID, a.ID, phone.ID, "Team match", at(3, 2, 9))
	must(t, "AddStage", err)
	if team.ID == 0 || !team.Custom || team.Kind != tracker.PhoneScreen || team.Name != "Team match" || team.ApplicationID != a.ID {
		t.Errorf("AddStage after phone screen = %+v, want a custom phone_screen stage", team)
	}
	hc, err := f.s.AddStage(f.ctx, f.user.ID, a.ID, 0, "Hiring committee", at(3, 2, 10))
	must(t, "AddStage(at the end)", err)
	if hc.Kind != tracker.OfferStage || !hc.Custom {
		t.Errorf("AddStage at the end = %+v, want a custom offer stage", hc)
	}
	ss := f.stages(t, a.ID)
	if got, want := names(ss), "Applied, Recruiter screen, Phone screen, Team match, Take-home, Onsite, Offer, Hiring committee"; got != want {
		t.Errorf("stages = %s, want %s", got, want)
	}
	if diff := cmp.Diff([]int{1, 2, 3, 4, 5, 6, 7, 8}, positions(ss)); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(*team, ss[3]); diff != "" {
		t.Errorf("added stage as returned and as listed (-returned +listed):\n%s", diff)
	}

	_, err = f.s.AddStage(f.ctx, f.user.ID, a.ID, 0, "team MATCH", at(3, 2, 9))
	wantCode(t, "AddStage(same name)", err, errs.Conflict)
	_, err = f.s.AddStage(f.ctx, f.user.ID, a.ID, 0, " ", at(3, 2, 9))
	wantCode(t, "AddStage(no name)", err, errs.Invalid)
	_, err = f.s.AddStage(f.ctx, f.user.ID, a.ID, f.stage(t, other.ID, tracker.Onsite).ID, "X", at(3, 2, 9))
	wantCode(t, "AddStage(after another application's stage)", err, errs.NotFound)
	_, err = f.s.AddStage(f.ctx, f.user.ID, other.ID+100, 0, "X", at(3, 2, 9))
	wantCode(t, "AddStage(unknown application)", err, errs.NotFound)

	must(t, "RenameStage", f.s.RenameStage(f.ctx, f.user.ID, team.ID, "Team matching", at(3, 3, 9)))
	if got := f.stages(t, a.ID)[3].Name; got != "Team matching" {
		t.Errorf("renamed stage = %q", got)
	}
	wantCode(t, "RenameStage(taken)", f.s.RenameStage(f.ctx, f.user.ID, team.ID, "onsite", at(3, 3, 9)), errs.Conflict)
	wantCode(t, "RenameStage(empty)", f.s.RenameStage(f.ctx, f.user.ID, team.ID, "", at(3, 3, 9)), errs.Invalid)
	wantCode(t, "RenameStage(unknown)", f.s.RenameStage(f.ctx, f.user.ID, hc.ID+100, "X", at(3, 3, 9)), errs.NotFound)

	// A custom stage is a place like any other.
	got := f.move(t, a.ID, tracker.Move{StageID: team.ID, At: at(3, 4, 9)})
	if got.State.StageID != team.ID || got.State.StageName != "Team matching" || got.State.StageKind != tracker.PhoneScreen {
		t.Errorf("state at the custom stage = %+v", got.State)
	}

	es := f.events(t, a.ID)
	wantKinds := []tracker.EventKind{tracker.EventCreated, tracker.EventStageAdded, tracker.EventStageAdded, tracker.EventStageRenamed, tracker.EventMoved}
	if diff := cmp.Diff(wantKinds, kinds(es)); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if es[1].RefID != team.ID || es[3].RefID != team.ID {
		t.Errorf("stage events refer to %d and %d, want %d", es[1].RefID, es[3].RefID, team.ID)
	}
}

func testRemoveStage(t *testing.T, f *fixture) {
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	take := f.stage(t, a.ID, tracker.TakeHome)
	phone := f.stage(t, a.ID, tracker.PhoneScreen)
	rounds, err := f.s.Rounds(f.ctx, f.user.ID, a.ID)
	must(t, "Rounds", err)
	var takeRounds int
	for _, r := range rounds {
		if r.StageID == take.ID {
			takeRounds++
		}
	}
	if takeRounds == 0 {
		t.Fatalf("the mid-size plan has no take-home round to remove with its stage")
	}

	must(t, "RemoveStage", f.s.RemoveStage(f.ctx, f.user.ID, take.ID, at(3, 2, 9)))
	ss := f.stages(t, a.ID)
	if got, want := names(ss), "Applied, Recruiter screen, Phone screen, Onsite, Offer"; got != want {
		t.Errorf("stages after removal = %s, want %s", got, want)
	}
	if diff := cmp.Diff([]int{1, 2, 3, 4, 5}, positions(ss)); diff != "" {
		t.Errorf("positions after removal (-want +got):\n%s", diff)
	}
	after, err := f.s.Rounds(f.ctx, f.user.ID, a.ID)
	must(t, "Rounds", err)
	if len(after) != len(rounds)-takeRounds {
		t.Errorf("%d rounds after removing a stage with %d of %d, want %d", len(after), takeRounds, len(rounds), len(rounds)-takeRounds)
	}
	es := f.events(t, a.ID)
	if last := es[len(es)-1]; last.Kind != tracker.EventStageRemoved || last.RefID != take.ID {
		t.Errorf("last event = %+v, want stage_removed of %d", last, take.ID)
	}

	err = f.s.RemoveStage(f.ctx, f.user.ID, ss[0].ID, at(3, 2, 9))
	wantCode(t, "RemoveStage(visited)", err, errs.Conflict)
	if err != nil && errs.Message(err) != "cannot remove Applied: the application has been in it" {
		t.Errorf("RemoveStage(visited) message = %q", errs.Message(err))
	}
	f.move(t, a.ID, tracker.Move{StageID: phone.ID, At: at(3, 3, 9)})
	f.move(t, a.ID, tracker.Move{Outcome: tracker.Rejected, At: at(3, 4, 9)})
	wantCode(t, "RemoveStage(visited, closed)", f.s.RemoveStage(f.ctx, f.user.ID, phone.ID, at(3, 5, 9)), errs.Conflict)
	wantCode(t, "RemoveStage(removed)", f.s.RemoveStage(f.ctx, f.user.ID, take.ID, at(3, 5, 9)), errs.NotFound)
	if got := f.find(t, a.ID).State; got.StageID != phone.ID || got.Outcome != tracker.Rejected {
		t.Errorf("state = %+v, want rejected at phone screen", got)
	}
}

func testRounds(t *testing.T, f *fixture) {
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	other := f.app(t, "Bolt", "ML Engineer", day(2026, 3, 1))
	onsite := f.stage(t, a.ID, tracker.Onsite)
	before, err := f.s.Rounds(f.ctx, f.user.ID, a.ID)
	must(t, "Rounds", err)

	r := &tracker.Round{UserID: f.user.ID, ApplicationID: a.ID, StageID: onsite.ID, Kind: tracker.RoundPaperDiscussion, Name: "Paper discussion", Minutes: 50}
	must(t, "AddRound", f.s.AddRound(f.ctx, r, at(3, 2, 9)))
	if r.ID == 0 {
		t.Fatalf("AddRound left the id 0")
	}
	got, err := f.s.Rounds(f.ctx, f.user.ID, a.ID)
	must(t, "Rounds", err)
	if len(got) != len(before)+1 {
		t.Fatalf("%d rounds after AddRound, want %d", len(got), len(before)+1)
	}
	// The new round is the onsite's last, and the onsite has the last rounds of the plan.
	if diff := cmp.Diff(*r, got[len(got)-1]); diff != "" {
		t.Errorf("added round (-returned +listed):\n%s", diff)
	}

	must(t, "RenameRound", f.s.RenameRound(f.ctx, f.user.ID, r.ID, "Paper deep dive", at(3, 2, 10)))
	got, _ = f.s.Rounds(f.ctx, f.user.ID, a.ID)
	if name := got[len(got)-1].Name; name != "Paper deep dive" {
		t.Errorf("renamed round = %q", name)
	}
	wantCode(t, "RenameRound(empty)", f.s.RenameRound(f.ctx, f.user.ID, r.ID, " ", at(3, 2, 10)), errs.Invalid)

	// An interview of a removed round stays, with its kind.
	iv := &tracker.Interview{UserID: f.user.ID, ApplicationID: a.ID, RoundID: r.ID, Kind: r.Kind, Title: "Paper", At: at(3, 20, 14), Minutes: 50}
	must(t, "ScheduleInterview", f.s.ScheduleInterview(f.ctx, iv))
	must(t, "RemoveRound", f.s.RemoveRound(f.ctx, f.user.ID, r.ID, at(3, 3, 9)))
	got, _ = f.s.Rounds(f.ctx, f.user.ID, a.ID)
	if len(got) != len(before) {
		t.Errorf("%d rounds after RemoveRound, want %d", len(got), len(before))
	}
	kept, err := f.s.FindInterview(f.ctx, f.user.ID, iv.ID)
	must(t, "FindInterview", err)
	if kept.RoundID != 0 || kept.Kind != tracker.RoundPaperDiscussion {
		t.Errorf("interview of the removed round: round %d, kind %s; want 0, paper_discussion", kept.RoundID, kept.Kind)
	}
	wantCode(t, "RemoveRound(again)", f.s.RemoveRound(f.ctx, f.user.ID, r.ID, at(3, 3, 9)), errs.NotFound)
	wantCode(t, "RenameRound(removed)", f.s.RenameRound(f.ctx, f.user.ID, r.ID, "X", at(3, 3, 9)), errs.NotFound)

	wantKinds := []tracker.EventKind{tracker.EventCreated, tracker.EventRoundAdded, tracker.EventRoundRenamed, tracker.EventRoundRemoved}
	var got2 []tracker.EventKind
	for _, e := range f.events(t, a.ID) {
		if e.Kind != tracker.EventInterviewScheduled {
			got2 = append(got2, e.Kind)
		}
	}
	if diff := cmp.Diff(wantKinds, got2); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}

	bad := &tracker.Round{UserID: f.user.ID, ApplicationID: a.ID, StageID: f.stage(t, other.ID, tracker.Onsite).ID, Kind: tracker.RoundCoding, Name: "Coding", Minutes: 60}
	wantCode(t, "AddRound(another application's stage)", f.s.AddRound(f.ctx, bad, at(3, 3, 9)), errs.NotFound)
	bad = &tracker.Round{UserID: f.user.ID, ApplicationID: a.ID, StageID: onsite.ID, Kind: tracker.RoundCoding, Name: "", Minutes: 60}
	wantCode(t, "AddRound(no name)", f.s.AddRound(f.ctx, bad, at(3, 3, 9)), errs.Invalid)
	_, err = f.s.Rounds(f.ctx, f.user.ID, other.ID+100)
	wantCode(t, "Rounds(unknown application)", err, errs.NotFound)
}
