package sqlite

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/offerloop/offerloop/internal/coach"
	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// TestCoachMarks marks items done and skipped, changes and clears marks,
// reads them from a day on, and checks that every write moves the data
// version (the page cache depends on it).
func TestCoachMarks(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	u, err := db.LocalUser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	version := func() int64 {
		t.Helper()
		v, err := db.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	v0 := version()
	for _, m := range []coach.Mark{
		{Key: "review:metrics", Day: "2026-03-01", Status: "done"},
		{Key: "problem:softmax", Day: "2026-03-02", Status: "skipped"},
		{Key: "review:metrics", Day: "2026-03-02", Status: "done"},
	} {
		if err := db.MarkCoachItem(ctx, u.ID, m, at); err != nil {
			t.Fatalf("MarkCoachItem(%+v): %v", m, err)
		}
	}
	if v := version(); v != v0+3 {
		t.Errorf("data version moved from %d to %d after three marks, want +3", v0, v)
	}
	got, err := db.CoachMarks(ctx, u.ID, "2026-03-02")
	want := []coach.Mark{{Key: "problem:softmax", Day: "2026-03-02", Status: "skipped"}, {Key: "review:metrics", Day: "2026-03-02", Status: "done"}}
	if err != nil || !cmp.Equal(got, want) {
		t.Fatalf("CoachMarks from 2026-03-02 = %+v, %v; want %+v", got, err, want)
	}
	// Marking again changes the status; an empty status clears it.
	if err := db.MarkCoachItem(ctx, u.ID, coach.Mark{Key: "problem:softmax", Day: "2026-03-02", Status: "done"}, at); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkCoachItem(ctx, u.ID, coach.Mark{Key: "review:metrics", Day: "2026-03-02"}, at); err != nil {
		t.Fatal(err)
	}
	got, _ = db.CoachMarks(ctx, u.ID, "")
	want = []coach.Mark{{Key: "review:metrics", Day: "2026-03-01", Status: "done"}, {Key: "problem:softmax", Day: "2026-03-02", Status: "done"}}
	if !cmp.Equal(got, want) {
		t.Errorf("after changing and clearing: %+v, want %+v", got, want)
	}
	for _, bad := range []coach.Mark{
		{Key: "review:metrics", Day: "2026-3-2", Status: "done"},
		{Key: "review:metrics", Day: "2026-02-30", Status: "done"},
		{Key: "review:metrics", Day: "2026-03-02", Status: "later"},
		{Key: "", Day: "2026-03-02", Status: "done"},
		{Key: "two words", Day: "2026-03-02", Status: "done"},
		{Key: strings.Repeat("k", coach.MaxKey+1), Day: "2026-03-02", Status: "done"},
	} {
		if err := db.MarkCoachItem(ctx, u.ID, bad, at); errs.CodeOf(err) != errs.Invalid {
			t.Errorf("MarkCoachItem(%+v) = %v, want Invalid", bad, err)
		}
	}
	if err := db.MarkCoachItem(ctx, 999, coach.Mark{Key: "x", Day: "2026-03-02", Status: "done"}, at); err == nil {
		t.Errorf("marking for a user that does not exist succeeded")
	}
}

// TestCoachExportRoundTrip exports marks and restores them into an empty
// database; a damaged section refuses the whole file.
func TestCoachExportRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	u, _ := db.LocalUser(ctx)
	loops, _ := tracker.LoadLoops()
	p, _ := loops.NewPlan(tracker.Startup)
	a := &tracker.Application{UserID: u.ID, Company: tracker.Company{Name: "Acme", Kind: tracker.Startup}, Role: "MLE", AppliedOn: tracker.NewDate(2026, 3, 1)}
	if err := db.CreateApplication(ctx, a, p); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	db.MarkCoachItem(ctx, u.ID, coach.Mark{Key: "review:metrics", Day: "2026-03-02", Status: "done"}, at)
	db.MarkCoachItem(ctx, u.ID, coach.Mark{Key: "research:1", Day: "2026-03-02", Status: "skipped"}, at.Add(time.Minute))
	all, err := db.CoachMarkDump(ctx, u.ID)
	if err != nil || len(all) != 2 {
		t.Fatalf("CoachMarkDump = %+v, %v", all, err)
	}
	d, err := db.Export(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Coach, err = coach.ExportSection(ctx, db, u.ID); err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(d)
	d2, err := tracker.DecodeDump(raw)
	if err != nil {
		t.Fatal(err)
	}
	dst := openTemp(t)
	u2, _ := dst.LocalUser(ctx)
	if err := dst.RestoreAll(ctx, u2.ID, d2, nil); err != nil {
		t.Fatal(err)
	}
	back, err := dst.CoachMarkDump(ctx, u2.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(all, back); diff != "" {
		t.Errorf("restored marks differ (-exported +restored):\n%s", diff)
	}
	for _, c := range []struct{ from, to, msg string }{
		{`"day":"2026-03-02"`, `"day":"02/03/2026"`, "YYYY-MM-DD"},
		{`"status":"done"`, `"status":"finished"`, "done or skipped"},
	} {
		d3, _ := tracker.DecodeDump(raw)
		d3.Coach = json.RawMessage(strings.Replace(string(d3.Coach), c.from, c.to, 1))
		fresh := openTemp(t)
		u3, _ := fresh.LocalUser(ctx)
		err := fresh.RestoreAll(ctx, u3.ID, d3, nil)
		if errs.CodeOf(err) != errs.Invalid || !strings.Contains(errs.Message(err), c.msg) {
			t.Errorf("restoring with %s: %v, want Invalid naming %q", c.to, err, c.msg)
		}
		if apps, _ := fresh.FindApplications(ctx, tracker.ApplicationFilter{UserID: u3.ID}); len(apps) != 0 {
			t.Errorf("a refused restore wrote %d applications", len(apps))
		}
	}
}

// TestUserCardTopics: the coach's lean list has every user card with its
// topic and round, in the order UserCards gives, and nothing else.
func TestUserCardTopics(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	u, err := db.LocalUser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []drill.Card{
		{ID: "u-b", Topic: "metrics", Round: drill.RoundTheory, Difficulty: 2, Prompt: "What is AUC?", Answer: "The area under the ROC curve.", User: true},
		{ID: "u-a", Topic: "mlops", Round: drill.RoundSystemDesign, Difficulty: 1, Prompt: "What is drift?", Answer: "A change in the data.", User: true},
	} {
		if err := db.SaveUserCard(ctx, u.ID, c); err != nil {
			t.Fatal(err)
		}
	}
	full, err := db.UserCards(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	lean, err := db.UserCardTopics(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(lean) != len(full) || len(lean) != 2 {
		t.Fatalf("lean %d cards, full %d", len(lean), len(full))
	}
	for i := range full {
		want := drill.Card{ID: full[i].ID, Topic: full[i].Topic, Round: full[i].Round, User: true}
		if diff := cmp.Diff(want, lean[i]); diff != "" {
			t.Errorf("card %d (-want +got):\n%s", i, diff)
		}
	}
}
