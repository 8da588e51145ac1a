package web

import (
	"time"

	"github.com/offerloop/offerloop/internal/offer"
)

// negotiationView is one offer's negotiation plan.
type negotiationView struct{}

// negotiationPlans is the negotiation plan of each offer, or a note saying
// why there is none.
func negotiationPlans(f *offer.File, c *offer.Comparison, now time.Time) ([]negotiationView, string) {
	return nil, "The negotiation plan is not part of this build yet."
}
