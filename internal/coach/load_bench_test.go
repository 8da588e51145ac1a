package coach_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/coach"
	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/fsrs"
	"github.com/offerloop/offerloop/internal/judge"
	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/tracker"
)

// BenchmarkLoadAndBuild times Load from a SQLite database holding the same
// volume as BenchmarkBuild, and Build on what it read.
func BenchmarkLoadAndBuild(b *testing.B) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	u, err := db.LocalUser(ctx)
	if err != nil {
		b.Fatal(err)
	}
	loops, err := tracker.LoadLoops()
	if err != nil {
		b.Fatal(err)
	}
	bank, err := drill.LoadBank()
	if err != nil {
		b.Fatal(err)
	}
	in := coach.BenchInput(b)
	kinds := []tracker.CompanyKind{tracker.BigTech, tracker.MidSize, tracker.Startup, tracker.ResearchLab}
	ivKinds := []tracker.RoundKind{"phone_screen", "ml_theory", "ml_system_design", "ml_coding"}
	for i := range 50 {
		plan, err := loops.NewPlan(kinds[i%4])
		if err != nil {
			b.Fatal(err)
		}
		a := &tracker.Application{UserID: u.ID, Company: tracker.Company{Name: fmt.Sprintf("Co %d", i), Kind: kinds[i%4]}, Role: "MLE",
			AppliedOn: tracker.DateOf(coach.BenchNow.AddDate(0, 0, -20))}
		if err := db.CreateApplication(ctx, a, plan); err != nil {
			b.Fatal(err)
		}
		if i < 10 {
			iv := &tracker.Interview{UserID: u.ID, ApplicationID: a.ID, Kind: ivKinds[i%4], Title: "Round", At: coach.BenchAt(1+2*i, 10), Minutes: 60}
			if err := db.ScheduleInterview(ctx, iv); err != nil {
				b.Fatal(err)
			}
		}
	}
	// 5,000 cards: the bank's and the user's own, all reviewed.
	d := &drill.Dump{}
	ids := []string{}
	for _, c := range bank.Cards() {
		ids = append(ids, c.ID)
	}
	for i := 0; len(ids) < 5000; i++ {
		c := in.Cards[i]
		uc := drill.Card{ID: "u" + c.ID, Topic: c.Topic, Round: drill.Round(c.Round), Difficulty: 2, Prompt: "Question " + c.ID, Answer: "Answer"}
		d.UserCards = append(d.UserCards, uc)
		ids = append(ids, uc.ID)
	}
	for i, id := range ids {
		c := in.Cards[i]
		d.Progress = append(d.Progress, drill.Progress{CardID: id, UserID: u.ID, State: "review", Stability: c.Stability, Difficulty: c.Difficulty,
			Due: c.Due.UTC(), LastReview: c.LastReview.UTC(), Reps: 3, Lapses: 1})
		if i%10 == 0 {
			d.Reviews = append(d.Reviews, drill.ReviewLog{ID: int64(len(d.Reviews) + 1), UserID: u.ID, CardID: id, At: coach.BenchAt(-(i % 7), 9).UTC(), Rating: fsrs.Good,
				StateBefore: "review", StateAfter: "review", ElapsedDays: 3, Retrievability: 0.9, Stability: c.Stability, Difficulty: c.Difficulty, ScheduledDays: 5, DurationMS: 12000})
		}
	}
	if err := db.RestoreDrill(ctx, u.ID, d); err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, p := range in.Problems {
		for range p.Attempts {
			if n == 200 {
				break
			}
			if _, err := db.AddAttempt(ctx, u.ID, judge.Attempt{ProblemID: p.ID, Code: "def f(): pass", Verdict: p.LastVerdict, Passed: 1, Total: 3, At: p.Last.UTC()}); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	st := coach.Stores{Tracker: db, Drill: &drill.Drill{Store: db, Bank: bank, Now: func() time.Time { return coach.BenchNow }, Loc: coach.BenchLoc}, Judge: db}
	check, _, err := coach.Load(ctx, st, u.ID, coach.BenchNow, coach.BenchLoc, 60)
	if err != nil {
		b.Fatal(err)
	}
	if len(check.Cards) != 5000 || len(check.Applications) != 50 || len(check.Interviews) != 10 {
		b.Fatalf("loaded %d cards, %d applications, %d interviews", len(check.Cards), len(check.Applications), len(check.Interviews))
	}
	var loadNS, buildNS time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		in, _, err := coach.Load(ctx, st, u.ID, coach.BenchNow, coach.BenchLoc, 60)
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		coach.Build(in)
		loadNS += t1.Sub(t0)
		buildNS += time.Since(t1)
	}
	b.ReportMetric(float64(loadNS.Microseconds())/float64(b.N)/1000, "load-ms/op")
	b.ReportMetric(float64(buildNS.Microseconds())/float64(b.N)/1000, "build-ms/op")
}
