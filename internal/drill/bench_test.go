package drill_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/fsrs"
	"github.com/offerloop/offerloop/internal/sqlite"
)

// benchDrill is the real bank with every card reviewed once, a year ago, so
// that all are due, on a temporary database.
func benchDrill(b testing.TB) (*drill.Drill, int64, *time.Time) {
	b.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	u, err := db.LocalUser(ctx)
	if err != nil {
		b.Fatal(err)
	}
	bank, err := drill.LoadBank()
	if err != nil {
		b.Fatal(err)
	}
	now := start
	d := &drill.Drill{Store: db, Bank: bank, Now: func() time.Time { return now }, Loc: time.UTC}
	if err := db.SetSetting(ctx, u.ID, drill.SettingNewPerDay, "1000"); err != nil {
		b.Fatal(err)
	}
	for _, c := range bank.Cards() {
		if _, err := d.Rate(ctx, u.ID, c.ID, fsrs.Easy, 0, 0); err != nil {
			b.Fatal(err)
		}
	}
	now = start.AddDate(1, 0, 0)
	return d, u.ID, &now
}

// BenchmarkNext measures choosing the next card with its four previews, over
// the whole bank due, with and without an interview ahead to plan for.
func BenchmarkNext(b *testing.B) {
	d, user, now := benchDrill(b)
	ctx := context.Background()
	for _, bb := range []struct {
		name string
		ivs  []drill.Interview
	}{{"plain", nil}, {"interview", []drill.Interview{{ID: 1, At: now.AddDate(0, 0, 7), Rounds: []string{"ml_theory", "phone_screen"}}}}} {
		b.Run(bb.name, func(b *testing.B) {
			d.Interviews = func(context.Context, int64) ([]drill.Interview, error) { return bb.ivs, nil }
			for b.Loop() {
				t, err := d.Next(ctx, user, "")
				if err != nil || t.Card == nil {
					b.Fatalf("Next = %+v, %v", t, err)
				}
			}
		})
	}
}

// BenchmarkRate measures rating a card: read its progress, review, record.
func BenchmarkRate(b *testing.B) {
	d, user, now := benchDrill(b)
	ctx := context.Background()
	id := d.Bank.Cards()[0].ID
	reps := 1
	for b.Loop() {
		*now = now.Add(time.Minute)
		if _, err := d.Rate(ctx, user, id, fsrs.Good, reps, 2000); err != nil {
			b.Fatal(err)
		}
		reps++
	}
}
