package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

// countingStore is the real SQLite store, counting the board's reads.
type countingStore struct {
	*sqlite.DB
	counts *atomic.Int64
}

func (s countingStore) CountApplications(ctx context.Context, userID int64) ([]tracker.StateCount, error) {
	s.counts.Add(1)
	return s.DB.CountApplications(ctx, userID)
}

// TestPageCache checks that the board is rendered once for repeated requests,
// and afresh after any write (here through a second handle on the same file, as
// the CLI would) or when the minute changes.
func TestPageCache(t *testing.T) {
	e := newEnv(t, web.Config{})
	e.addApp("Acme", tracker.Startup, "MLE", tracker.NewDate(2026, 11, 1))
	var renders atomic.Int64
	var mu sync.Mutex
	now := testNow
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv, err := web.New(web.Config{Now: clock, Loc: testLoc, VersionFresh: -1}, countingStore{e.db, &renders}, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.srv = srv
	for range 3 {
		wantStatus(t, e.get("/"), http.StatusOK)
	}
	if n := renders.Load(); n != 1 {
		t.Errorf("three requests rendered the board %d times, want 1", n)
	}
	other, err := sqlite.Open(context.Background(), e.db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	u, _ := other.LocalUser(context.Background())
	a := tracker.Application{UserID: u.ID, Role: "Research Engineer", AppliedOn: tracker.NewDate(2026, 11, 2)}
	a.Company.Name = "Globex"
	loops, _ := tracker.LoadLoops()
	plan, _ := loops.NewPlan(tracker.ResearchLab)
	if err := other.CreateApplication(context.Background(), &a, plan); err != nil {
		t.Fatal(err)
	}
	body := e.get("/").Body.String()
	if !strings.Contains(body, "Globex") || renders.Load() != 2 {
		t.Errorf("after another process wrote, renders = %d and the board shows Globex: %v", renders.Load(), strings.Contains(body, "Globex"))
	}
	mu.Lock()
	now = now.Add(time.Minute)
	mu.Unlock()
	e.get("/")
	if n := renders.Load(); n != 3 {
		t.Errorf("a minute later, renders = %d, want 3", n)
	}
	e.get("/?q=acme")
	if n := renders.Load(); n != 3 { // a search does not count columns
		t.Errorf("a search changed the count renders to %d", n)
	}
}

// TestPageCacheSeesOwnWrites uses the default version memo: a form posted to
// the server must show on the page it redirects to, at once.
func TestPageCacheSeesOwnWrites(t *testing.T) {
	e := newEnv(t, web.Config{VersionFresh: time.Hour})
	a := e.addApp("Acme", tracker.Startup, "MLE", tracker.NewDate(2026, 11, 1))
	e.get("/") // fill the cache and the memo
	w := e.post("/applications/"+strconv.FormatInt(a.ID, 10)+"/move", url.Values{"target": {"phone_screen"}, "return": {"/"}})
	wantStatus(t, w, http.StatusSeeOther)
	body := e.get("/").Body.String()
	if !strings.Contains(body, `data-column="phone_screen"`) || !strings.Contains(body[strings.Index(body, `data-column="phone_screen"`):], "Acme") {
		t.Errorf("after a move through the server, the cached board still shows the old state")
	}
}
