// Package storetest is the behaviour every tracker.Store must have. A backend's
// tests call Run with a function that opens a fresh, empty store:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) tracker.Store { return openTemp(t) })
//	}
//
// The suite uses two optional interfaces when the store has them: Clock, so that
// times are fixed, and UserCreator, so that isolation between users is tested
// with a real second user. Without them, the tests that need them are skipped or
// fall back to a user id that does not exist.
package storetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// Clock is implemented by stores whose clock can be replaced.
type Clock interface {
	SetNow(func() time.Time)
}

// UserCreator is implemented by stores that can hold more than the local user.
type UserCreator interface {
	CreateUser(ctx context.Context, name string) (*tracker.User, error)
}

// Run runs the conformance suite. open must return a new, empty store, and
// arrange for it to be closed when the test ends.
func Run(t *testing.T, open func(t *testing.T) tracker.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, f *fixture)
	}{
		{"LocalUser", testLocalUser},
		{"Version", testVersion},
		{"CreateApplication", testCreateApplication},
		{"CreateApplicationCompany", testCreateApplicationCompany},
		{"CreateApplicationInvalid", testCreateApplicationInvalid},
		{"FindApplications", testFindApplications},
		{"UpdateApplication", testUpdateApplication},
		{"DeleteApplication", testDeleteApplication},
		{"AddNote", testAddNote},
		{"StateDerivation", testStateDerivation},
		{"BackdatedMoves", testBackdatedMoves},
		{"ClosedWithoutStage", func(t *testing.T, f *fixture) { testClosedWithoutStage(t, f, open) }},
		{"MoveRules", testMoveRules},
		{"StageSteps", testStageSteps},
		{"LastActivity", testLastActivity},
		{"Stages", testStages},
		{"RemoveStage", testRemoveStage},
		{"Rounds", testRounds},
		{"Interviews", testInterviews},
		{"InterviewFilter", testInterviewFilter},
		{"Contacts", testContacts},
		{"ManualTasks", testManualTasks},
		{"TaskMarks", testTaskMarks},
		{"Settings", testSettings},
		{"Isolation", testIsolation},
		{"ExportRestore", func(t *testing.T, f *fixture) { testExportRestore(t, f, open) }},
		{"RestoreNotEmpty", testRestoreNotEmpty},
		{"RestoreDamaged", func(t *testing.T, f *fixture) { testRestoreDamaged(t, f, open) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, newFixture(t, open(t)))
		})
	}
}

// start is the fixed time the suite's clock starts at: a Tuesday noon, UTC.
var start = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// clock is a settable time source.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

type fixture struct {
	ctx     context.Context
	s       tracker.Store
	user    *tracker.User
	clock   *clock
	hasTime bool // the store uses clock
}

func newFixture(t *testing.T, s tracker.Store) *fixture {
	t.Helper()
	f := &fixture{ctx: context.Background(), s: s, clock: &clock{now: start}}
	if c, ok := s.(Clock); ok {
		c.SetNow(f.clock.Now)
		f.hasTime = true
	}
	u, err := s.LocalUser(f.ctx)
	if err != nil {
		t.Fatalf("LocalUser: %v", err)
	}
	f.user = u
	return f
}

// needClock skips a test whose expectations depend on the store's clock.
func (f *fixture) needClock(t *testing.T) {
	t.Helper()
	if !f.hasTime {
		t.Skip("the store has no settable clock (storetest.Clock)")
	}
}

// now is the time the store sees.
func (f *fixture) now() time.Time { return f.clock.Now() }

// plan returns the usual plan of a company kind.
func plan(t *testing.T, k tracker.CompanyKind) tracker.Plan {
	t.Helper()
	loops, err := tracker.LoadLoops()
	if err != nil {
		t.Fatal(err)
	}
	p, err := loops.NewPlan(k)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// app creates an application of a mid-size company applied for on the given day.
func (f *fixture) app(t *testing.T, company, role string, applied tracker.Date) *tracker.Application {
	t.Helper()
	return f.appOf(t, f.user.ID, company, tracker.MidSize, role, applied)
}

func (f *fixture) appOf(t *testing.T, userID int64, company string, kind tracker.CompanyKind, role string, applied tracker.Date) *tracker.Application {
	t.Helper()
	a := &tracker.Application{
		UserID: userID, Company: tracker.Company{Name: company, Kind: kind},
		Role: role, AppliedOn: applied, Level: tracker.Senior, Source: tracker.Referral,
	}
	if err := f.s.CreateApplication(f.ctx, a, plan(t, kind)); err != nil {
		t.Fatalf("CreateApplication(%s, %s): %v", company, role, err)
	}
	return a
}

func (f *fixture) find(t *testing.T, id int64) *tracker.Application {
	t.Helper()
	a, err := f.s.FindApplication(f.ctx, f.user.ID, id)
	if err != nil {
		t.Fatalf("FindApplication(%d): %v", id, err)
	}
	return a
}

func (f *fixture) stages(t *testing.T, appID int64) []tracker.Stage {
	t.Helper()
	ss, err := f.s.Stages(f.ctx, f.user.ID, appID)
	if err != nil {
		t.Fatalf("Stages(%d): %v", appID, err)
	}
	return ss
}

// stage returns the application's first stage of kind k.
func (f *fixture) stage(t *testing.T, appID int64, k tracker.StageKind) tracker.Stage {
	t.Helper()
	for _, s := range f.stages(t, appID) {
		if s.Kind == k {
			return s
		}
	}
	t.Fatalf("application %d has no %s stage", appID, k)
	return tracker.Stage{}
}

func (f *fixture) events(t *testing.T, appID int64) []tracker.Event {
	t.Helper()
	es, err := f.s.Events(f.ctx, f.user.ID, appID)
	if err != nil {
		t.Fatalf("Events(%d): %v", appID, err)
	}
	return es
}

func (f *fixture) move(t *testing.T, appID int64, m tracker.Move) *tracker.Application {
	t.Helper()
	a, err := f.s.MoveApplication(f.ctx, f.user.ID, appID, m)
	if err != nil {
		t.Fatalf("MoveApplication(%d, %+v): %v", appID, m, err)
	}
	return a
}

func (f *fixture) export(t *testing.T) *tracker.Dump {
	t.Helper()
	d, err := f.s.Export(f.ctx, f.user.ID)
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	return d
}

// wantCode fails unless err carries code.
func wantCode(t *testing.T, what string, err error, code errs.Code) {
	t.Helper()
	if got := errs.CodeOf(err); got != code {
		t.Errorf("%s: error %v (code %q), want code %q", what, err, got, code)
	}
}

func must(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func day(y int, m time.Month, d int) tracker.Date { return tracker.NewDate(y, m, d) }

// kinds lists the kinds of events.
func kinds(es []tracker.Event) []tracker.EventKind {
	out := make([]tracker.EventKind, len(es))
	for i, e := range es {
		out[i] = e.Kind
	}
	return out
}

// cmpOpts compares tracker values: dates by day, times by instant, and empty
// slices as nil.
var cmpOpts = []cmp.Option{
	cmp.Comparer(func(a, b tracker.Date) bool { return a.String() == b.String() }),
	cmpopts.EquateEmpty(),
}

// testVersion checks that the data version moves with every write and only then.
func testVersion(t *testing.T, f *fixture) {
	v0, err := f.s.Version(f.ctx)
	must(t, "Version", err)
	a := f.app(t, "Acme", "MLE", day(2026, 3, 1))
	v1, err := f.s.Version(f.ctx)
	must(t, "Version", err)
	if v1 == v0 {
		t.Errorf("Version unchanged (%d) after CreateApplication", v1)
	}
	if _, err := f.s.FindApplications(f.ctx, tracker.ApplicationFilter{UserID: f.user.ID}); err != nil {
		t.Fatal(err)
	}
	if v, _ := f.s.Version(f.ctx); v != v1 {
		t.Errorf("Version changed from %d to %d after a read", v1, v)
	}
	must(t, "SetSetting", f.s.SetSetting(f.ctx, f.user.ID, "k", "v"))
	must(t, "AddNote", f.s.AddNote(f.ctx, f.user.ID, a.ID, "hello", start))
	if v, _ := f.s.Version(f.ctx); v == v1 {
		t.Errorf("Version unchanged (%d) after a setting and a note", v)
	}
	// A write that fails changes nothing, the version included.
	v2, _ := f.s.Version(f.ctx)
	if err := f.s.AddNote(f.ctx, f.user.ID, a.ID+1000, "nobody", start); err == nil {
		t.Fatal("AddNote to a missing application succeeded")
	}
	if v, _ := f.s.Version(f.ctx); v != v2 {
		t.Errorf("Version changed from %d to %d after a failed write", v2, v)
	}
}
