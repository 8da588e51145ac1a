package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/fsrs"
	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

// seedDrill restores a drill of cards reviewed cards: the bank's and enough
// user cards to make up the number, each reviewed once and all due over the
// last days, so that every rating is followed by another due card.
func seedDrill(tb testing.TB, e *drillEnv, cards int) {
	tb.Helper()
	d := &drill.Dump{}
	var ids []string
	for _, c := range testBank(tb).Cards() {
		ids = append(ids, c.ID)
	}
	for i := 0; len(ids) < cards; i++ {
		c := drill.Card{ID: fmt.Sprintf("bench-%05d", i), Topic: "bench", Round: drill.RoundTheory, Difficulty: 2,
			Prompt: fmt.Sprintf("Benchmark question %d: why does **regularisation** help?", i),
			Answer: "It trades a little bias for less variance.\n\n- L2 shrinks weights\n- L1 zeroes some\n- `alpha` sets the strength",
			Tags:   []string{"bench"}, User: true, CreatedAt: testNow.AddDate(0, -2, 0), UpdatedAt: testNow.AddDate(0, -2, 0)}
		d.UserCards = append(d.UserCards, c)
		ids = append(ids, c.ID)
	}
	for i, id := range ids[:cards] {
		due := testNow.Add(-time.Duration(i+1) * 7 * time.Minute)
		last := due.AddDate(0, 0, -5)
		d.Progress = append(d.Progress, drill.Progress{CardID: id, UserID: e.user.ID, State: fsrs.Review.String(),
			Stability: 5, Difficulty: 5, Due: due, LastReview: last, Reps: 1})
		d.Reviews = append(d.Reviews, drill.ReviewLog{ID: int64(i + 1), UserID: e.user.ID, CardID: id, At: last, Rating: fsrs.Good,
			StateBefore: fsrs.New.String(), StateAfter: fsrs.Review.String(), Retrievability: 1, Stability: 5, Difficulty: 5,
			ScheduledDays: 5, Due: due, DurationMS: 5000})
	}
	if err := e.db.RestoreDrill(context.Background(), e.user.ID, d); err != nil {
		tb.Fatalf("RestoreDrill: %v", err)
	}
}

// BenchmarkDrillRate measures the review round trip as app.js makes it: POST
// /drill/rate with the fetch header, answered with the next card's fragment,
// over a temp-file SQLite store holding 5,000 reviewed cards, all due. With
// "interview", an ML theory interview a week ahead makes Next work out the
// interview-date plan over every card as well.
func BenchmarkDrillRate(b *testing.B) {
	for _, withInterview := range []bool{false, true} {
		name := "5000cards"
		if withInterview {
			name += "+interview"
		}
		b.Run(name, func(b *testing.B) {
			e := newDrillEnv(b, web.Config{})
			seedDrill(b, e, 5000)
			if withInterview {
				a := e.addApp("Northwind AI", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
				iv := &tracker.Interview{UserID: e.user.ID, ApplicationID: a.ID, Kind: tracker.RoundMLTheory, Title: "ML theory",
					At: testNow.AddDate(0, 0, 7), Minutes: 60}
				if err := e.db.ScheduleInterview(context.Background(), iv); err != nil {
					b.Fatal(err)
				}
			}
			id, reps := shown(b, e.get("/drill").Body.String())
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/drill/rate", strings.NewReader(rateForm(id, reps, "3", "").Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("X-Requested-With", "fetch")
				w := httptest.NewRecorder()
				e.srv.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("status %d: %s", w.Code, w.Body.String())
				}
				id, reps = shown(b, w.Body.String())
			}
		})
	}
}

// BenchmarkDrillPage renders the whole review page (the card and the
// interview-date panel) over the same 5,000 reviewed cards and an interview.
func BenchmarkDrillPage(b *testing.B) {
	e := newDrillEnv(b, web.Config{})
	seedDrill(b, e, 5000)
	a := e.addApp("Northwind AI", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	iv := &tracker.Interview{UserID: e.user.ID, ApplicationID: a.ID, Kind: tracker.RoundMLTheory, Title: "ML theory",
		At: testNow.AddDate(0, 0, 7), Minutes: 60}
	if err := e.db.ScheduleInterview(context.Background(), iv); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/drill", nil))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}
