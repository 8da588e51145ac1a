package drill_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/offerloop/offerloop/internal/drill"
)

// TestPlanWithIsPlan: the plan over cards and progress the caller passes is
// the plan Plan reads from the store, also when the cards carry only their
// id, topic and round.
func TestPlanWithIsPlan(t *testing.T) {
	d, userID, now := benchDrill(t)
	ctx := context.Background()
	ivs := []drill.Interview{{ID: 1, Company: "Acme", At: now.AddDate(0, 0, 5), Rounds: []string{"ml_theory"}}}
	want, err := d.Plan(ctx, userID, ivs)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Interviews) != 1 || want.Interviews[0].Reviewed == 0 || len(want.Days) == 0 {
		t.Fatalf("the fixture plans nothing: %+v", want)
	}
	cards, err := d.Cards(ctx, userID, "")
	if err != nil {
		t.Fatal(err)
	}
	lean := make([]drill.Card, len(cards))
	for i, c := range cards {
		lean[i] = drill.Card{ID: c.ID, Topic: c.Topic, Round: c.Round}
	}
	progress, err := d.Store.AllProgress(ctx, userID)
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.PlanWith(ctx, userID, ivs, lean, progress)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(drill.Plan{})); diff != "" {
		t.Errorf("PlanWith differs from Plan (-want +got):\n%s", diff)
	}
}
