// Command seed fills an offerloop database with a realistic large job search for
// benchmarks: N applications across company kinds, moved through the loop with
// rejections and ghosting, interviews, notes, up to a total number of events.
//
//	go run ./bench/seed -db /tmp/bench.db -apps 2000 -events 20000
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"time"

	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/tracker"
)

func main() {
	path := flag.String("db", "", "database file to create (must not exist)")
	apps := flag.Int("apps", 2000, "applications")
	events := flag.Int("events", 20000, "total events")
	flag.Parse()
	if *path == "" {
		log.Fatal("seed: -db is required")
	}
	if _, err := os.Stat(*path); err == nil {
		log.Fatalf("seed: %s exists; give a new file", *path)
	}
	if err := seed(context.Background(), *path, *apps, *events); err != nil {
		log.Fatal(err)
	}
}

func seed(ctx context.Context, path string, nApps, nEvents int) error {
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	now := time.Now().UTC()
	clock := now.AddDate(0, -6, 0)
	db.Now = func() time.Time { return clock }
	u, err := db.LocalUser(ctx)
	if err != nil {
		return err
	}
	loops, err := tracker.LoadLoops()
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	kinds := tracker.CompanyKinds
	roles := []string{"ML Engineer", "Senior ML Engineer", "Applied Scientist", "Research Engineer", "Staff ML Engineer", "MLOps Engineer"}
	var ids []int64
	count := 0
	for i := range nApps {
		k := kinds[rng.IntN(len(kinds))]
		a := tracker.Application{UserID: u.ID, Role: roles[rng.IntN(len(roles))], Level: tracker.Levels[rng.IntN(4)],
			Source: tracker.Sources[rng.IntN(3)], Location: "Remote",
			AppliedOn: tracker.DateOf(now.AddDate(0, 0, -rng.IntN(170)-5))}
		a.Company = tracker.Company{Name: fmt.Sprintf("Company %d", i%700), Kind: k}
		plan, err := loops.NewPlan(k)
		if err != nil {
			return err
		}
		clock = a.AppliedOn.Time(time.UTC).Add(time.Hour)
		if err := db.CreateApplication(ctx, &a, plan); err != nil {
			return err
		}
		ids = append(ids, a.ID)
		count++
	}
	for count < nEvents {
		id := ids[rng.IntN(len(ids))]
		a, err := db.FindApplication(ctx, u.ID, id)
		if err != nil {
			return err
		}
		clock = a.State.Since.Add(time.Duration(1+rng.IntN(96)) * time.Hour)
		if clock.After(now) {
			clock = now
		}
		screened := a.State.StageKind != tracker.Applied && a.State.StageKind != tracker.OfferStage
		switch r := rng.IntN(10); {
		case !a.Active() || r < 5 || (r >= 8 && !screened):
			err = db.AddNote(ctx, u.ID, id, "Talked to the recruiter about the team's roadmap.", clock)
		case r < 7:
			stages, err2 := db.Stages(ctx, u.ID, id)
			if err2 != nil {
				return err2
			}
			next := -1
			for i, s := range stages {
				if s.ID == a.State.StageID && i+1 < len(stages) {
					next = i + 1
				}
			}
			if next < 0 {
				err = db.AddNote(ctx, u.ID, id, "Waiting.", clock)
				break
			}
			_, err = db.MoveApplication(ctx, u.ID, id, tracker.Move{StageID: stages[next].ID, At: clock})
		case r < 8:
			o := []tracker.Outcome{tracker.Rejected, tracker.Ghosted, tracker.Withdrawn}[rng.IntN(3)]
			_, err = db.MoveApplication(ctx, u.ID, id, tracker.Move{Outcome: o, At: clock})
		default:
			iv := tracker.Interview{UserID: u.ID, ApplicationID: id, Kind: tracker.RoundMLCoding, Title: "ML coding",
				At: clock.Add(time.Duration(24+rng.IntN(72)) * time.Hour), Minutes: 60,
				Interviewers: []tracker.Interviewer{{Name: "Ana Ruiz", Email: "ana@example.com"}}}
			err = db.ScheduleInterview(ctx, &iv)
		}
		if err != nil {
			return err
		}
		count++
	}
	fmt.Printf("seeded %s: %d applications, %d events\n", path, nApps, count)
	return nil
}
