package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/storetest"
	"github.com/offerloop/offerloop/internal/tracker"
)

func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) tracker.Store { return openTemp(t) })
}

func TestDrillStore(t *testing.T) {
	storetest.RunDrill(t, func(t *testing.T) drill.Store { return openTemp(t) })
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nested", "dir", "offerloop.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open(new file in new directory): %v", err)
	}
	versions := func(db *DB) []int {
		t.Helper()
		rows, err := db.db.QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var vs []int
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			vs = append(vs, v)
		}
		return vs
	}
	want := fmt.Sprint(seq(SchemaVersion()))
	if got := fmt.Sprint(versions(db)); got != want {
		t.Errorf("applied migrations = %s, want %s", got, want)
	}
	if SchemaVersion() < 1 {
		t.Errorf("SchemaVersion() = %d, want at least 1", SchemaVersion())
	}
	u, err := db.LocalUser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting(ctx, u.ID, "k", "v"); err != nil {
		t.Fatal(err)
	}
	var mode string
	if err := db.db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := db.db.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
	db.Close()

	// Reopening applies nothing and keeps the data.
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	if got := fmt.Sprint(versions(db)); got != want {
		t.Errorf("migrations after reopening = %s, want %s", got, want)
	}
	if v, err := db.Setting(ctx, u.ID, "k"); err != nil || v != "v" {
		t.Errorf("Setting after reopening = %q, %v; want v", v, err)
	}

	// A database from a newer offerloop is refused, and left alone.
	newer := SchemaVersion() + 1
	if _, err := db.db.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', '2030-01-01T00:00:00.000000000Z')`, newer); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(ctx, path)
	wantMsg := fmt.Sprintf("database %s was written by a newer offerloop (schema %d, this binary knows %d); upgrade offerloop", path, newer, SchemaVersion())
	if err == nil || err.Error() != wantMsg {
		t.Errorf("Open(newer schema) = %v, want %q", err, wantMsg)
	}
	if errs.Message(err) != wantMsg {
		t.Errorf("errs.Message = %q, want the same message for the user", errs.Message(err))
	}
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

func TestMigrationFiles(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if strings.TrimSpace(m.sql) == "" {
			t.Errorf("migration %04d_%s is empty", m.version, m.name)
		}
	}
}

func TestTimesAreUTC(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	zone := time.FixedZone("PST", -8*3600)
	db.Now = func() time.Time { return time.Date(2026, 3, 10, 4, 0, 0, 123456789, zone) }
	u, err := db.LocalUser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var raw string
	if err := db.db.QueryRowContext(ctx, `SELECT created_at FROM users WHERE id = ?`, u.ID).Scan(&raw); err != nil {
		t.Fatal(err)
	}
	if raw != "2026-03-10T12:00:00.123456789Z" {
		t.Errorf("stored time = %q, want UTC with nanoseconds", raw)
	}
	if u.CreatedAt.Location() != time.UTC {
		t.Errorf("read time in %v, want UTC", u.CreatedAt.Location())
	}
	// Text order is time order, whatever the fraction.
	a, b := fmtTime(time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)), fmtTime(time.Date(2026, 1, 1, 10, 0, 0, 500, time.UTC))
	if !(a < b) {
		t.Errorf("%q sorts after %q", a, b)
	}
}

// TestConcurrentWriters runs writers on two handles of one file, as the CLI and
// the server do, and checks that none fails and no event is lost.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	var dbs [2]*DB
	for i := range dbs {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs[i] = db
	}
	u, err := dbs[0].LocalUser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	loops, err := tracker.LoadLoops()
	if err != nil {
		t.Fatal(err)
	}
	p, err := loops.NewPlan(tracker.MidSize)
	if err != nil {
		t.Fatal(err)
	}
	const workers, ops = 8, 50
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	// Each worker has an application of its own to move, so that every move is
	// allowed; notes and new applications interleave with the moves.
	apps := make([]int64, workers)
	for w := range apps {
		a := &tracker.Application{UserID: u.ID, Company: tracker.Company{Name: fmt.Sprintf("Co %d", w)}, Role: "MLE", AppliedOn: tracker.DateOf(base)}
		if err := dbs[0].CreateApplication(ctx, a, p); err != nil {
			t.Fatal(err)
		}
		apps[w] = a.ID
	}
	var wg sync.WaitGroup
	errc := make(chan error, workers*ops)
	var mu sync.Mutex
	wantEvents := 0 // events appended by the workers
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			db := dbs[w%2]
			stages, err := db.Stages(ctx, u.ID, apps[w])
			if err != nil {
				errc <- err
				return
			}
			n := 0
			for i := 0; i < ops; i++ {
				at := base.Add(time.Duration(i+1) * time.Minute)
				switch i % 3 {
				case 0:
					// Alternate between the second and third stages.
					_, err = db.MoveApplication(ctx, u.ID, apps[w], tracker.Move{StageID: stages[1+(i/3)%2].ID, At: at})
				case 1:
					err = db.AddNote(ctx, u.ID, apps[w], fmt.Sprintf("note %d/%d", w, i), at)
				case 2:
					a := &tracker.Application{UserID: u.ID, Company: tracker.Company{Name: fmt.Sprintf("Co %d", (w+i)%5)}, Role: fmt.Sprintf("Role %d-%d", w, i), AppliedOn: tracker.DateOf(base)}
					err = db.CreateApplication(ctx, a, p)
				}
				if err != nil {
					errc <- fmt.Errorf("worker %d op %d: %w", w, i, err)
					continue
				}
				n++
				if _, err := db.FindApplications(ctx, tracker.ApplicationFilter{UserID: u.ID, ActiveOnly: true}); err != nil {
					errc <- fmt.Errorf("worker %d read %d: %w", w, i, err)
				}
				if _, err := db.Events(ctx, u.ID, apps[w]); err != nil {
					errc <- fmt.Errorf("worker %d read events %d: %w", w, i, err)
				}
			}
			mu.Lock()
			wantEvents += n
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Error(err)
	}
	var got int
	if err := dbs[1].db.QueryRowContext(ctx, `SELECT COUNT(*) FROM events`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if want := wantEvents + workers; got != want {
		t.Errorf("%d events, want %d (%d created before, %d by the workers)", got, want, workers, wantEvents)
	}
	if wantEvents != workers*ops {
		t.Errorf("%d of %d writes succeeded", wantEvents, workers*ops)
	}
}

// seedBench fills a database with n applications and about 10n events, in one
// transaction, straight into the tables.
func seedBench(b *testing.B, db *DB, n int) int64 { return seedBenchT(b, db, n) }

func seedBenchT(b testing.TB, db *DB, n int) int64 {
	b.Helper()
	ctx := context.Background()
	u, err := db.LocalUser(ctx)
	if err != nil {
		b.Fatal(err)
	}
	loops, _ := tracker.LoadLoops()
	p, _ := loops.NewPlan(tracker.MidSize)
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	err = db.write(ctx, func(tx *sql.Tx) error {
		for i := 0; i < n; i++ {
			now := base.Add(time.Duration(i) * time.Hour)
			c := tracker.Company{UserID: u.ID, Name: fmt.Sprintf("Company %d", i%400), Kind: tracker.MidSize, CreatedAt: now}
			if i < 400 {
				if err := insertCompany(ctx, tx, &c); err != nil {
					return err
				}
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO applications (user_id, company_id, role, applied_on, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)`, u.ID, i%400+1, fmt.Sprintf("ML Engineer %d", i), tracker.DateOf(now).String(), fmtTime(now), fmtTime(now))
			if err != nil {
				return err
			}
			appID, _ := res.LastInsertId()
			var stageIDs []int64
			for j, s := range p.Stages {
				s.UserID, s.ApplicationID, s.Position = u.ID, appID, j+1
				if err := insertStage(ctx, tx, &s); err != nil {
					return err
				}
				stageIDs = append(stageIDs, s.ID)
			}
			add := func(k tracker.EventKind, at time.Time, stage int64, o tracker.Outcome) error {
				return appendEvent(ctx, tx, &tracker.Event{UserID: u.ID, ApplicationID: appID, At: at, Kind: k, StageID: stage, Outcome: o, Summary: string(k)})
			}
			if err := add(tracker.EventCreated, now, stageIDs[0], ""); err != nil {
				return err
			}
			// Nine more: moves through the loop, notes, interviews, and a close for a third.
			for j := 1; j <= 9; j++ {
				at := now.Add(time.Duration(j) * 24 * time.Hour)
				switch {
				case j == 9 && i%3 == 0:
					err = add(tracker.EventClosed, at, stageIDs[4], tracker.Rejected)
				case j%2 == 1 && j/2+1 < len(stageIDs):
					err = add(tracker.EventMoved, at, stageIDs[j/2+1], "")
				case j%4 == 0:
					err = add(tracker.EventInterviewScheduled, at, 0, "")
				default:
					err = add(tracker.EventNote, at, 0, "")
				}
				if err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return u.ID
}

func BenchmarkFindApplications(b *testing.B) {
	db := openTemp(b)
	userID := seedBench(b, db, 2000)
	ctx := context.Background()
	var events int
	db.db.QueryRow(`SELECT COUNT(*) FROM events`).Scan(&events)
	b.ResetTimer()
	for b.Loop() {
		as, err := db.FindApplications(ctx, tracker.ApplicationFilter{UserID: userID})
		if err != nil {
			b.Fatal(err)
		}
		if len(as) != 2000 {
			b.Fatalf("%d applications, want 2000", len(as))
		}
	}
	b.ReportMetric(float64(events), "events")
}

func BenchmarkFindApplicationsActive(b *testing.B) {
	db := openTemp(b)
	userID := seedBench(b, db, 2000)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := db.FindApplications(ctx, tracker.ApplicationFilter{UserID: userID, ActiveOnly: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFindApplication(b *testing.B) {
	db := openTemp(b)
	userID := seedBench(b, db, 2000)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := db.FindApplication(ctx, userID, 1000); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStageSteps(b *testing.B) {
	db := openTemp(b)
	userID := seedBench(b, db, 2000)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := db.StageSteps(ctx, userID); err != nil {
			b.Fatal(err)
		}
	}
}

// TestQueryPlans checks that deriving state reads the partial indexes of events
// and never scans or sorts the log: the indexes' WHERE clauses must match the
// queries', which a change to tracker.StateKinds or ActivityKinds would break.
func TestQueryPlans(t *testing.T) {
	db := openTemp(t)
	tests := []struct {
		name  string
		query string
		args  []any
		want  []string
	}{
		{"applications", func() string { q, _ := listSQL(tracker.ApplicationFilter{}); return q }(), []any{1}, []string{"SEARCH st USING INTEGER PRIMARY KEY"}},
		{"board column", func() string {
			q, _ := listSQL(tracker.ApplicationFilter{ActiveOnly: true, StageKind: tracker.Onsite, RecentFirst: true, Limit: 50})
			return q
		}(), []any{1, "onsite", 50}, []string{"application_state_board"}},
		{"application", applicationSQL, []any{1, 1}, []string{"SEARCH st USING INTEGER PRIMARY KEY"}},
		{"refresh state", refreshOneSQL, []any{1}, []string{"events_state", "events_activity"}},
		{"refresh user state", refreshUserSQL, []any{1}, []string{"events_state", "events_activity"}},
		{"stage steps", stageStepsSQL, []any{1}, []string{"COVERING INDEX events_state"}},
		{"due cards", dueSQL(false), []any{1, "2026", 20}, []string{"card_progress_due"}},
		{"due cards of a topic", dueSQL(true), []any{1, "2026", 20, `["a","b"]`}, []string{"card_progress_due"}},
		{"count due", countDueSQL, []any{1, "2026"}, []string{"COVERING INDEX card_progress_due"}},
	}
	for _, tt := range tests {
		rows, err := db.db.Query("EXPLAIN QUERY PLAN "+tt.query, tt.args...)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		all := strings.Join(plan, "\n")
		for _, w := range tt.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: plan does not use %s:\n%s", tt.name, w, all)
			}
		}
		for _, bad := range []string{"SCAN e", "SCAN events", "TEMP B-TREE"} {
			if strings.Contains(all, bad) {
				t.Errorf("%s: plan has %q:\n%s", tt.name, bad, all)
			}
		}
	}
}

// seedProgress writes n reviewed cards for the user in one transaction, due
// from 30 days ago to a year ahead (about one in thirteen due now).
func seedProgress(b testing.TB, db *DB, userID int64, n int, now time.Time) {
	b.Helper()
	ctx := context.Background()
	err := db.write(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT INTO card_progress (`+progressCols+`) VALUES (?, ?, 'review', 0, ?, 5.0, ?, ?, ?, 0)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i := 0; i < n; i++ {
			due := now.Add(time.Duration((i*7919)%(395*24)-30*24) * time.Hour)
			if _, err := st.ExecContext(ctx, fmt.Sprintf("card-%06d", i), userID, 1+float64(i%300), fmtTime(due), fmtTime(due.AddDate(0, 0, -10)), 1+i%9); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkDueQueue measures what the drill asks for each card shown: the
// first 20 due cards and the count of due cards, over 100,000 reviewed cards,
// of which one in thirteen is due, then all of them (a year later).
func BenchmarkDueQueue(b *testing.B) {
	db := openTemp(b)
	ctx := context.Background()
	u, err := db.LocalUser(ctx)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	seedProgress(b, db, u.ID, 100_000, now)
	for _, bb := range []struct {
		name string
		now  time.Time
	}{{"today", now}, {"all-due", now.AddDate(2, 0, 0)}} {
		b.Run(bb.name, func(b *testing.B) {
			var due int
			for b.Loop() {
				ps, err := db.DueCards(ctx, drill.QueueFilter{UserID: u.ID, Now: bb.now, Limit: 20})
				if err != nil || len(ps) != 20 {
					b.Fatalf("DueCards = %d cards, %v", len(ps), err)
				}
				if due, err = db.CountDue(ctx, u.ID, bb.now); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(due), "due")
		})
	}
}
