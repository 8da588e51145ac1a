package storetest

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/fsrs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// LocalUserer is implemented by stores with a local user; the drill suite
// reviews as that user.
type LocalUserer interface {
	LocalUser(ctx context.Context) (*tracker.User, error)
}

// RunDrill runs the conformance suite of drill.Store. open must return a new,
// empty store that implements LocalUserer, and close it when the test ends.
func RunDrill(t *testing.T, open func(t *testing.T) drill.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, f *drillFixture)
	}{
		{"UserCards", testUserCards},
		{"DeleteUserCard", testDeleteUserCard},
		{"ImportUserCards", testImportUserCards},
		{"Record", testRecord},
		{"RecordConflict", testRecordConflict},
		{"DueQueue", testDueQueue},
		{"ReviewsAndNew", testReviewsAndNew},
		{"DrillIsolation", testDrillIsolation},
		{"ExportRestoreDrill", func(t *testing.T, f *drillFixture) { testExportRestoreDrill(t, f, open) }},
		{"RestoreDrillRefuses", testRestoreDrillRefuses},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, newDrillFixture(t, open(t)))
		})
	}
}

type drillFixture struct {
	ctx   context.Context
	s     drill.Store
	user  int64
	clock *clock
	sched *fsrs.Scheduler
}

func newDrillFixture(t *testing.T, s drill.Store) *drillFixture {
	t.Helper()
	f := &drillFixture{ctx: context.Background(), s: s, clock: &clock{now: start}, sched: fsrs.NewScheduler()}
	f.sched.Fuzz = false
	if c, ok := s.(Clock); ok {
		c.SetNow(f.clock.Now)
	}
	lu, ok := s.(LocalUserer)
	if !ok {
		t.Fatal("the store has no local user (storetest.LocalUserer)")
	}
	u, err := lu.LocalUser(f.ctx)
	must(t, "LocalUser", err)
	f.user = u.ID
	return f
}

// otherUser returns a second real user, or skips the test.
func (f *drillFixture) otherUser(t *testing.T) int64 {
	t.Helper()
	uc, ok := f.s.(UserCreator)
	if !ok {
		t.Skip("the store cannot create users (storetest.UserCreator)")
	}
	u, err := uc.CreateUser(f.ctx, "other")
	must(t, "CreateUser", err)
	return u.ID
}

func card(id, topic string) drill.Card {
	return drill.Card{ID: id, Topic: topic, Round: drill.RoundTheory, Difficulty: 2,
		Prompt: "What does " + id + " mean?", Answer: "It means **" + id + "**.", Tags: []string{"t1", "t2"}}
}

// rate reviews a card as user at the given time, as the drill service does,
// and returns the new progress.
func (f *drillFixture) rate(t *testing.T, user int64, cardID string, g fsrs.Rating, at time.Time) drill.Progress {
	t.Helper()
	prev, err := f.s.Progress(f.ctx, user, cardID)
	if errs.CodeOf(err) == errs.NotFound {
		prev = drill.ToProgress(user, fsrs.Card{ID: cardID, Due: at})
	} else if err != nil {
		t.Fatalf("Progress(%s): %v", cardID, err)
	}
	next, log := f.review(t, user, prev, g, at)
	must(t, "Record "+cardID, f.s.Record(f.ctx, prev, next, &log))
	if log.ID == 0 {
		t.Errorf("Record(%s) left the review id 0", cardID)
	}
	return next
}

func (f *drillFixture) review(t *testing.T, user int64, prev drill.Progress, g fsrs.Rating, at time.Time) (drill.Progress, drill.ReviewLog) {
	t.Helper()
	c, err := prev.FSRS()
	must(t, "FSRS", err)
	nc, l := f.sched.Review(c, g, at)
	next := drill.ToProgress(user, nc)
	return next, drill.ReviewLog{UserID: user, CardID: c.ID, At: at, Rating: g, StateBefore: l.Before.String(),
		StateAfter: nc.State.String(), ElapsedDays: l.ElapsedDays, Retrievability: l.Retrievability,
		Stability: nc.Stability, Difficulty: nc.Difficulty, ScheduledDays: l.ScheduledDays, Due: nc.Due, DurationMS: 4200}
}

var drillOpts = []cmp.Option{cmpopts.EquateEmpty(), cmpopts.IgnoreFields(drill.Progress{}, "Card")}

func cardIDs(ps []drill.Progress) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.CardID
	}
	return out
}

func testUserCards(t *testing.T, f *drillFixture) {
	a, b := card("user-a", "nlp"), card("user-b", "cv")
	must(t, "SaveUserCard a", f.s.SaveUserCard(f.ctx, f.user, a))
	f.clock.Advance(time.Minute)
	must(t, "SaveUserCard b", f.s.SaveUserCard(f.ctx, f.user, b))
	got, err := f.s.UserCards(f.ctx, f.user)
	must(t, "UserCards", err)
	if len(got) != 2 || got[0].ID != "user-a" || got[1].ID != "user-b" {
		t.Fatalf("UserCards = %v, want user-a then user-b", got)
	}
	for _, c := range got {
		if !c.User || c.CreatedAt.IsZero() || !c.CreatedAt.Equal(c.UpdatedAt) {
			t.Errorf("card %s: User %v, created %v, updated %v", c.ID, c.User, c.CreatedAt, c.UpdatedAt)
		}
	}
	want := a
	want.User, want.CreatedAt, want.UpdatedAt = true, start, start
	if diff := cmp.Diff(want, got[0], drillOpts...); diff != "" {
		t.Errorf("UserCards[0] (-want +got):\n%s", diff)
	}

	// Replacing keeps the creation time.
	f.clock.Advance(time.Hour)
	a.Answer, a.Tags = "Changed.", nil
	must(t, "SaveUserCard again", f.s.SaveUserCard(f.ctx, f.user, a))
	c, err := f.s.UserCard(f.ctx, f.user, "user-a")
	must(t, "UserCard", err)
	if c.Answer != "Changed." || len(c.Tags) != 0 || !c.CreatedAt.Equal(start) || !c.UpdatedAt.Equal(f.clock.Now()) {
		t.Errorf("after replacing, UserCard = %+v", c)
	}
	_, err = f.s.UserCard(f.ctx, f.user, "user-zzz")
	wantCode(t, "UserCard(missing)", err, errs.NotFound)

	bad := card("bad id", "nlp")
	wantCode(t, "SaveUserCard(bad id)", f.s.SaveUserCard(f.ctx, f.user, bad), errs.Invalid)
	bad = card("ok", "nlp")
	bad.Round = "coding"
	wantCode(t, "SaveUserCard(bad round)", f.s.SaveUserCard(f.ctx, f.user, bad), errs.Invalid)
	wantCode(t, "SaveUserCard(no user)", f.s.SaveUserCard(f.ctx, f.user+1000, card("x", "nlp")), errs.NotFound)
}

func testDeleteUserCard(t *testing.T, f *drillFixture) {
	must(t, "SaveUserCard", f.s.SaveUserCard(f.ctx, f.user, card("user-a", "nlp")))
	must(t, "SaveUserCard", f.s.SaveUserCard(f.ctx, f.user, card("user-b", "nlp")))
	f.rate(t, f.user, "user-a", fsrs.Good, start)
	f.rate(t, f.user, "user-b", fsrs.Good, start)
	must(t, "DeleteUserCard", f.s.DeleteUserCard(f.ctx, f.user, "user-a"))
	_, err := f.s.Progress(f.ctx, f.user, "user-a")
	wantCode(t, "Progress of a deleted card", err, errs.NotFound)
	rs, err := f.s.Reviews(f.ctx, f.user, time.Time{})
	must(t, "Reviews", err)
	if len(rs) != 1 || rs[0].CardID != "user-b" {
		t.Errorf("after deleting user-a, reviews = %+v, want only user-b's", rs)
	}
	wantCode(t, "DeleteUserCard(again)", f.s.DeleteUserCard(f.ctx, f.user, "user-a"), errs.NotFound)
}

func testImportUserCards(t *testing.T, f *drillFixture) {
	cards := []drill.Card{card("i1", "nlp"), card("i2", "nlp"), card("i3", "cv")}
	must(t, "ImportUserCards", f.s.ImportUserCards(f.ctx, f.user, cards))
	got, err := f.s.UserCards(f.ctx, f.user)
	must(t, "UserCards", err)
	if len(got) != 3 {
		t.Fatalf("after import, %d cards, want 3", len(got))
	}
	// One bad card writes nothing; nor do repeated ids.
	bad := card("i5", "nlp")
	bad.Difficulty = 9
	wantCode(t, "ImportUserCards(bad)", f.s.ImportUserCards(f.ctx, f.user, []drill.Card{card("i4", "nlp"), bad}), errs.Invalid)
	wantCode(t, "ImportUserCards(twice)", f.s.ImportUserCards(f.ctx, f.user, []drill.Card{card("i6", "nlp"), card("i6", "nlp")}), errs.Invalid)
	got, _ = f.s.UserCards(f.ctx, f.user)
	if len(got) != 3 {
		t.Errorf("failed imports wrote cards: %d, want 3", len(got))
	}
	// Importing an existing id replaces it.
	c := card("i1", "nlp")
	c.Prompt = "Replaced?"
	must(t, "ImportUserCards(replace)", f.s.ImportUserCards(f.ctx, f.user, []drill.Card{c}))
	if got, _ := f.s.UserCard(f.ctx, f.user, "i1"); got.Prompt != "Replaced?" {
		t.Errorf("after re-import, prompt = %q", got.Prompt)
	}
}

func testRecord(t *testing.T, f *drillFixture) {
	_, err := f.s.Progress(f.ctx, f.user, "bias-variance-1")
	wantCode(t, "Progress(never reviewed)", err, errs.NotFound)
	p1 := f.rate(t, f.user, "bias-variance-1", fsrs.Good, start)
	got, err := f.s.Progress(f.ctx, f.user, "bias-variance-1")
	must(t, "Progress", err)
	if diff := cmp.Diff(p1, got, drillOpts...); diff != "" {
		t.Errorf("Progress after one review (-want +got):\n%s", diff)
	}
	if got.Card.ID != "bias-variance-1" || got.Card.State != fsrs.Learning || got.Card.Reps != 1 {
		t.Errorf("Progress.Card = %+v", got.Card)
	}
	p2 := f.rate(t, f.user, "bias-variance-1", fsrs.Good, start.Add(10*time.Minute))
	if p2.State != "review" || p2.Reps != 2 {
		t.Errorf("after Good, Good: %+v", p2)
	}
	all, err := f.s.AllProgress(f.ctx, f.user)
	must(t, "AllProgress", err)
	if diff := cmp.Diff([]drill.Progress{p2}, all, drillOpts...); diff != "" {
		t.Errorf("AllProgress (-want +got):\n%s", diff)
	}
	rs, err := f.s.Reviews(f.ctx, f.user, time.Time{})
	must(t, "Reviews", err)
	if len(rs) != 2 || rs[0].StateBefore != "new" || rs[1].StateAfter != "review" || rs[1].DurationMS != 4200 || rs[0].ID >= rs[1].ID {
		t.Errorf("Reviews = %+v", rs)
	}
	// A bad review is refused before anything is written.
	prev := p2
	next, log := f.review(t, f.user, prev, fsrs.Good, start.Add(24*time.Hour))
	log.Rating = 7
	wantCode(t, "Record(rating 7)", f.s.Record(f.ctx, prev, next, &log), errs.Invalid)
	log.Rating = fsrs.Good
	log.UserID = f.user + 1
	wantCode(t, "Record(two users)", f.s.Record(f.ctx, prev, next, &log), errs.Invalid)
}

func testRecordConflict(t *testing.T, f *drillFixture) {
	p1 := f.rate(t, f.user, "c1", fsrs.Good, start)
	// Two tabs showed the card after its first review; the first rates it.
	nextA, logA := f.review(t, f.user, p1, fsrs.Good, start.Add(10*time.Minute))
	nextB, logB := f.review(t, f.user, p1, fsrs.Again, start.Add(11*time.Minute))
	must(t, "Record(first tab)", f.s.Record(f.ctx, p1, nextA, &logA))
	wantCode(t, "Record(second tab, stale)", f.s.Record(f.ctx, p1, nextB, &logB), errs.Conflict)
	got, err := f.s.Progress(f.ctx, f.user, "c1")
	must(t, "Progress", err)
	if diff := cmp.Diff(nextA, got, drillOpts...); diff != "" {
		t.Errorf("a refused review changed progress (-want +got):\n%s", diff)
	}
	rs, _ := f.s.Reviews(f.ctx, f.user, time.Time{})
	if len(rs) != 2 {
		t.Errorf("%d reviews after a refused one, want 2", len(rs))
	}
	// A stale first review of a new card conflicts too.
	fresh := drill.ToProgress(f.user, fsrs.Card{ID: "c1", Due: start})
	n, l := f.review(t, f.user, fresh, fsrs.Good, start.Add(time.Hour))
	wantCode(t, "Record(stale new card)", f.s.Record(f.ctx, fresh, n, &l), errs.Conflict)
}

func testDueQueue(t *testing.T, f *drillFixture) {
	// Three cards graduate on day 0 with different intervals: Easy (the
	// longest), Good, and Again-then-Good (in learning).
	day0 := start
	f.rate(t, f.user, "easy", fsrs.Easy, day0)
	f.rate(t, f.user, "good", fsrs.Good, day0)
	f.rate(t, f.user, "good", fsrs.Good, day0.Add(10*time.Minute))
	f.rate(t, f.user, "learning", fsrs.Again, day0)
	all, err := f.s.AllProgress(f.ctx, f.user)
	must(t, "AllProgress", err)
	due := map[string]time.Time{}
	for _, p := range all {
		due[p.CardID] = p.Due
	}
	if !(due["learning"].Before(due["good"]) && due["good"].Before(due["easy"])) {
		t.Fatalf("due times not in the expected order: %v", due)
	}
	q := func(now time.Time, limit int, ids []string) []string {
		t.Helper()
		ps, err := f.s.DueCards(f.ctx, drill.QueueFilter{UserID: f.user, Now: now, Limit: limit, CardIDs: ids})
		must(t, "DueCards", err)
		return cardIDs(ps)
	}
	far := due["easy"].Add(time.Hour)
	tests := []struct {
		name  string
		now   time.Time
		limit int
		ids   []string
		want  []string
	}{
		{"before any", day0, 0, nil, nil},
		{"exactly when due", due["learning"], 0, nil, []string{"learning"}},
		{"most overdue first", far, 0, nil, []string{"learning", "good", "easy"}},
		{"limit", far, 2, nil, []string{"learning", "good"}},
		{"ids", far, 0, []string{"easy", "good", "nope"}, []string{"good", "easy"}},
		{"no ids", far, 0, []string{}, nil},
	}
	for _, tt := range tests {
		if got := q(tt.now, tt.limit, tt.ids); !cmp.Equal(got, tt.want, cmpopts.EquateEmpty()) {
			t.Errorf("%s: DueCards = %v, want %v", tt.name, got, tt.want)
		}
		n, err := f.s.CountDue(f.ctx, f.user, tt.now)
		must(t, "CountDue", err)
		if tt.ids == nil && tt.limit == 0 && n != len(tt.want) {
			t.Errorf("%s: CountDue = %d, want %d", tt.name, n, len(tt.want))
		}
	}
	next, err := f.s.NextDue(f.ctx, f.user, day0, nil)
	must(t, "NextDue", err)
	if !next.Equal(due["learning"]) {
		t.Errorf("NextDue = %v, want %v", next, due["learning"])
	}
	next, err = f.s.NextDue(f.ctx, f.user, day0, []string{"easy"})
	must(t, "NextDue(easy)", err)
	if !next.Equal(due["easy"]) {
		t.Errorf("NextDue(easy) = %v, want %v", next, due["easy"])
	}
	next, err = f.s.NextDue(f.ctx, f.user, far, nil)
	must(t, "NextDue(after all)", err)
	if !next.IsZero() {
		t.Errorf("NextDue after every due time = %v, want zero", next)
	}
	seen, err := f.s.HasProgress(f.ctx, f.user, []string{"easy", "never", "good"})
	must(t, "HasProgress", err)
	if !cmp.Equal(seen, map[string]bool{"easy": true, "good": true}) {
		t.Errorf("HasProgress = %v", seen)
	}
}

func testReviewsAndNew(t *testing.T, f *drillFixture) {
	day := func(d int) time.Time { return start.AddDate(0, 0, d) }
	f.rate(t, f.user, "a", fsrs.Good, day(0))
	f.rate(t, f.user, "a", fsrs.Good, day(0).Add(10*time.Minute))
	f.rate(t, f.user, "b", fsrs.Good, day(1))
	f.rate(t, f.user, "c", fsrs.Again, day(1).Add(time.Hour))
	f.rate(t, f.user, "a", fsrs.Good, day(3))
	rs, err := f.s.Reviews(f.ctx, f.user, day(1))
	must(t, "Reviews", err)
	var got []string
	for _, r := range rs {
		got = append(got, r.CardID)
	}
	if want := []string{"b", "c", "a"}; !cmp.Equal(got, want) {
		t.Errorf("Reviews(from day 1) = %v, want %v", got, want)
	}
	for _, tt := range []struct {
		from time.Time
		want int
	}{{day(0), 3}, {day(1), 2}, {day(1).Add(30 * time.Minute), 1}, {day(2), 0}} {
		n, err := f.s.NewSince(f.ctx, f.user, tt.from)
		must(t, "NewSince", err)
		if n != tt.want {
			t.Errorf("NewSince(%v) = %d, want %d", tt.from, n, tt.want)
		}
	}
}

func testDrillIsolation(t *testing.T, f *drillFixture) {
	other := f.otherUser(t)
	must(t, "SaveUserCard", f.s.SaveUserCard(f.ctx, f.user, card("mine", "nlp")))
	f.rate(t, f.user, "mine", fsrs.Good, start)
	f.rate(t, f.user, "bank-1", fsrs.Again, start)

	cards, err := f.s.UserCards(f.ctx, other)
	must(t, "UserCards", err)
	if len(cards) != 0 {
		t.Errorf("UserCards as another user = %v", cards)
	}
	_, err = f.s.UserCard(f.ctx, other, "mine")
	wantCode(t, "UserCard as another user", err, errs.NotFound)
	_, err = f.s.Progress(f.ctx, other, "mine")
	wantCode(t, "Progress as another user", err, errs.NotFound)
	wantCode(t, "DeleteUserCard as another user", f.s.DeleteUserCard(f.ctx, other, "mine"), errs.NotFound)
	far := start.AddDate(1, 0, 0)
	if ps, _ := f.s.AllProgress(f.ctx, other); len(ps) != 0 {
		t.Errorf("AllProgress as another user = %v", cardIDs(ps))
	}
	if ps, _ := f.s.DueCards(f.ctx, drill.QueueFilter{UserID: other, Now: far}); len(ps) != 0 {
		t.Errorf("DueCards as another user = %v", cardIDs(ps))
	}
	if n, _ := f.s.CountDue(f.ctx, other, far); n != 0 {
		t.Errorf("CountDue as another user = %d", n)
	}
	if m, _ := f.s.HasProgress(f.ctx, other, []string{"mine", "bank-1"}); len(m) != 0 {
		t.Errorf("HasProgress as another user = %v", m)
	}
	if rs, _ := f.s.Reviews(f.ctx, other, time.Time{}); len(rs) != 0 {
		t.Errorf("Reviews as another user = %d", len(rs))
	}
	if n, _ := f.s.NewSince(f.ctx, other, time.Time{}); n != 0 {
		t.Errorf("NewSince as another user = %d", n)
	}
	if nd, _ := f.s.NextDue(f.ctx, other, start, nil); !nd.IsZero() {
		t.Errorf("NextDue as another user = %v", nd)
	}
	// Reviewing the same bank card as the other user starts their own
	// progress: the first user's row neither conflicts nor changes.
	f.rate(t, other, "bank-1", fsrs.Good, start)
	mine, err := f.s.Progress(f.ctx, f.user, "bank-1")
	must(t, "Progress", err)
	if mine.Reps != 1 || mine.State != "learning" || mine.Card.Step != 0 {
		t.Errorf("another user's review changed mine: %+v", mine)
	}
	d, err := f.s.ExportDrill(f.ctx, other)
	must(t, "ExportDrill", err)
	if len(d.UserCards) != 0 || len(d.Progress) != 1 || len(d.Reviews) != 1 {
		t.Errorf("ExportDrill of the other user: %d cards, %d progress, %d reviews; want 0, 1, 1", len(d.UserCards), len(d.Progress), len(d.Reviews))
	}
	// A user card of the same id is the other user's own.
	must(t, "SaveUserCard as other", f.s.SaveUserCard(f.ctx, other, card("mine", "cv")))
	if c, _ := f.s.UserCard(f.ctx, f.user, "mine"); c.Topic != "nlp" {
		t.Errorf("another user's card replaced mine: topic %s", c.Topic)
	}
}

// drillSeed gives the user a user card, progress in several states and reviews.
func (f *drillFixture) drillSeed(t *testing.T) {
	t.Helper()
	must(t, "SaveUserCard", f.s.SaveUserCard(f.ctx, f.user, card("user-1", "nlp")))
	c := card("user-2", "cv")
	c.Tags = nil
	must(t, "SaveUserCard", f.s.SaveUserCard(f.ctx, f.user, c))
	f.rate(t, f.user, "user-1", fsrs.Good, start)
	f.rate(t, f.user, "user-1", fsrs.Good, start.Add(10*time.Minute))
	f.rate(t, f.user, "user-1", fsrs.Again, start.AddDate(0, 0, 3))
	f.rate(t, f.user, "bank-1", fsrs.Hard, start.Add(time.Hour))
	f.rate(t, f.user, "bank-2", fsrs.Easy, start.Add(2*time.Hour))
}

func copyDrill(t *testing.T, d *drill.Dump) *drill.Dump {
	t.Helper()
	b, err := json.Marshal(d)
	must(t, "marshal", err)
	out, err := drill.DecodeDump(b)
	must(t, "DecodeDump", err)
	return out
}

func testExportRestoreDrill(t *testing.T, f *drillFixture, open func(t *testing.T) drill.Store) {
	f.drillSeed(t)
	d, err := f.s.ExportDrill(f.ctx, f.user)
	must(t, "ExportDrill", err)
	if len(d.UserCards) != 2 || len(d.Progress) != 3 || len(d.Reviews) != 5 {
		t.Fatalf("ExportDrill: %d cards, %d progress, %d reviews; want 2, 3, 5", len(d.UserCards), len(d.Progress), len(d.Reviews))
	}
	g := newDrillFixture(t, open(t))
	g.clock.Advance(48 * time.Hour) // restored rows keep their own times
	must(t, "RestoreDrill", g.s.RestoreDrill(g.ctx, g.user, copyDrill(t, d)))
	got, err := g.s.ExportDrill(g.ctx, g.user)
	must(t, "ExportDrill", err)
	want := copyDrill(t, d)
	for i := range want.Progress {
		want.Progress[i].UserID = g.user
	}
	for i := range want.Reviews {
		want.Reviews[i].UserID = g.user
	}
	if diff := cmp.Diff(want, got, drillOpts...); diff != "" {
		t.Errorf("export → restore → export changed the drill (-want +got):\n%s", diff)
	}
	// The restored progress schedules as before.
	due, err := g.s.DueCards(g.ctx, drill.QueueFilter{UserID: g.user, Now: start.AddDate(1, 0, 0)})
	must(t, "DueCards", err)
	if len(due) != 3 {
		t.Errorf("after restore, %d cards due in a year, want 3", len(due))
	}
}

func testRestoreDrillRefuses(t *testing.T, f *drillFixture) {
	f.drillSeed(t)
	d, err := f.s.ExportDrill(f.ctx, f.user)
	must(t, "ExportDrill", err)
	wantCode(t, "RestoreDrill(not empty)", f.s.RestoreDrill(f.ctx, f.user, copyDrill(t, d)), errs.Conflict)
	damage := []struct {
		name string
		fn   func(d *drill.Dump)
	}{
		{"bad card", func(d *drill.Dump) { d.UserCards[0].Round = "x" }},
		{"repeated card", func(d *drill.Dump) { d.UserCards[1].ID = d.UserCards[0].ID }},
		{"bad state", func(d *drill.Dump) { d.Progress[0].State = "lost" }},
		{"repeated progress", func(d *drill.Dump) { d.Progress[1].CardID = d.Progress[0].CardID }},
		{"bad rating", func(d *drill.Dump) { d.Reviews[0].Rating = 0 }},
		{"repeated review", func(d *drill.Dump) { d.Reviews[1].ID = d.Reviews[0].ID }},
		{"no review time", func(d *drill.Dump) { d.Reviews[2].At = time.Time{} }},
	}
	other := f.otherUser(t)
	for _, tt := range damage {
		c := copyDrill(t, d)
		tt.fn(c)
		wantCode(t, "RestoreDrill("+tt.name+")", f.s.RestoreDrill(f.ctx, other, c), errs.Invalid)
	}
	// Review ids are kept, so restoring next to the same rows is refused and
	// writes nothing.
	wantCode(t, "RestoreDrill(ids taken)", f.s.RestoreDrill(f.ctx, other, copyDrill(t, d)), errs.Conflict)
	if got, _ := f.s.ExportDrill(f.ctx, other); len(got.UserCards)+len(got.Progress)+len(got.Reviews) != 0 {
		t.Errorf("a refused restore wrote rows: %+v", got)
	}
	if _, err := drill.DecodeDump([]byte(`{"user_cards":[],"surprise":1}`)); errs.CodeOf(err) != errs.Invalid {
		t.Errorf("DecodeDump(unknown field) = %v, want invalid", err)
	}
}
