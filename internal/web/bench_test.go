package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

// seedLarge restores a tracker of apps applications with ten events each
// (created, moves through the loop, closings and notes) and an interview for
// every tenth, through the store's Restore, which is much faster than one
// transaction per event.
func seedLarge(tb testing.TB, e *env, apps int) {
	tb.Helper()
	d := &tracker.Dump{Format: tracker.DumpFormat, SchemaVersion: 1, ExportedAt: testNow}
	start := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	var stageID, eventID, ivID int64
	for i := range apps {
		id := int64(i + 1)
		kind := tracker.CompanyKinds[i%len(tracker.CompanyKinds)]
		applied := start.Add(time.Duration(i) * 3 * time.Hour)
		d.Companies = append(d.Companies, tracker.Company{ID: id, Name: fmt.Sprintf("Company %04d", i), Kind: kind, CreatedAt: applied})
		d.Applications = append(d.Applications, tracker.Application{
			ID: id, CompanyID: id, Role: "Machine Learning Engineer", Level: tracker.Levels[i%4], Source: tracker.Sources[i%3],
			Location: "London", AppliedOn: tracker.DateOf(applied), CreatedAt: applied, UpdatedAt: applied,
		})
		first := stageID + 1
		for p, k := range tracker.StageKinds {
			stageID++
			d.Stages = append(d.Stages, tracker.Stage{ID: stageID, ApplicationID: id, Position: p + 1, Kind: k, Name: k.Label()})
		}
		ev := func(k tracker.EventKind, at time.Time, stage int64, o tracker.Outcome, summary string) {
			eventID++
			d.Events = append(d.Events, tracker.Event{ID: eventID, ApplicationID: id, At: at, Kind: k, StageID: stage, Outcome: o, Summary: summary})
		}
		ev(tracker.EventCreated, applied, first, "", "Applied")
		// Spread the applications over the loop: a fifth stays at applied, the
		// rest move on a few stages; two thirds of them end, as most
		// applications of a long search do.
		steps := i % 5
		at := applied
		for s := 1; s <= steps; s++ {
			at = at.Add(48 * time.Hour)
			ev(tracker.EventMoved, at, first+int64(s), "", "Moved")
		}
		n := 1 + steps
		if i%3 != 0 {
			at = at.Add(72 * time.Hour)
			ev(tracker.EventClosed, at, 0, tracker.Rejected, "Rejected")
			n++
		}
		for ; n < 10; n++ {
			at = at.Add(time.Hour)
			ev(tracker.EventNote, at, 0, "", "A note")
		}
		// One application in ten had an interview after its screen; one in a
		// hundred of the active ones has one in the coming fortnight.
		if i%10 == 0 {
			ivID++
			when := at.Add(-24 * time.Hour)
			if i%300 == 0 {
				when = testNow.Add(time.Duration(i%14*24+10) * time.Hour)
			}
			d.Interviews = append(d.Interviews, tracker.Interview{ID: ivID, ApplicationID: id, Kind: tracker.RoundMLCoding,
				Title: "ML coding", At: when, Minutes: 60, CreatedAt: applied})
		}
	}
	if err := e.db.Restore(context.Background(), e.user.ID, d); err != nil {
		tb.Fatalf("Restore: %v", err)
	}
}

// BenchmarkBoard renders the board of 2,000 applications with 20,000 events
// from a temp-file SQLite database, without the page cache: "page" is the
// whole request; "store" is reading every application, what the board did
// before it read column by column.
func BenchmarkBoard(b *testing.B) {
	e := newEnv(b, web.Config{NoPageCache: true})
	seedLarge(b, e, 2000)
	b.Run("page", func(b *testing.B) {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("GET / = %d", w.Code)
		}
		b.SetBytes(int64(w.Body.Len()))
		b.ReportAllocs()
		for b.Loop() {
			w := httptest.NewRecorder()
			e.srv.ServeHTTP(w, req)
		}
	})
	b.Run("store", func(b *testing.B) {
		ctx := context.Background()
		b.ReportAllocs()
		for b.Loop() {
			if _, err := e.db.FindApplications(ctx, tracker.ApplicationFilter{UserID: e.user.ID}); err != nil {
				b.Fatal(err)
			}
			if _, err := e.db.FindInterviews(ctx, tracker.InterviewFilter{UserID: e.user.ID, From: testNow, PendingOnly: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkToday and BenchmarkFunnel cover the other pages that read every
// active or every application, rendered afresh each time.
func BenchmarkToday(b *testing.B) { benchPage(b, "/today", true) }

func BenchmarkFunnel(b *testing.B) { benchPage(b, "/funnel", true) }

// BenchmarkBoardCached serves the board from the page cache, as repeated
// views of an unchanged database are.
func BenchmarkBoardCached(b *testing.B) { benchPage(b, "/", false) }

func benchPage(b *testing.B, path string, fresh bool) {
	e := newEnv(b, web.Config{NoPageCache: fresh})
	seedLarge(b, e, 2000)
	req := httptest.NewRequest(http.MethodGet, path, nil)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("GET %s = %d", path, w.Code)
		}
	}
}

func TestLargeBoard(t *testing.T) {
	if testing.Short() {
		t.Skip("seeds 2,000 applications")
	}
	e := newEnv(t, web.Config{})
	seedLarge(t, e, 2000)
	w := e.get("/")
	wantStatus(t, w, http.StatusOK)
	wantContains(t, w.Body.String(), "2000 applications", "Show all")
	if err := checkHTML(w.Body.String()); err != nil {
		t.Error(err)
	}
}
