package practice

import (
	"context"
	"sort"
	"time"

	"github.com/offerloop/offerloop/internal/tracker"
)

// UpcomingInterviews lists the interviews ahead as practice needs them: one
// entry per interview and round kind still ahead in its loop, soonest first.
func UpcomingInterviews(ctx context.Context, s tracker.Store, userID int64, now time.Time) ([]Upcoming, error) {
	ahead, err := tracker.InterviewsAhead(ctx, s, userID, now)
	if err != nil {
		return nil, err
	}
	var out []Upcoming
	for _, a := range ahead {
		for _, k := range a.Rounds {
			out = append(out, Upcoming{InterviewID: a.Interview.ID, Company: a.Interview.Company, Title: a.Interview.Title, Kind: string(k), At: a.Interview.At, Own: k == a.Interview.Kind})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out, nil
}

// codingKinds are the round kinds the coding study plan prepares for.
var codingKinds = []string{"coding", "ml_coding", "phone_screen"}

// NextCoding returns the soonest scheduled interview that is itself a coding
// round (or a phone screen), or nil: the study plan finishes the day before
// it. Coding rounds later in a loop, not yet scheduled, do not count.
func NextCoding(up []Upcoming) *Upcoming {
	for i := range up {
		if up[i].Own && contains(codingKinds, up[i].Kind) {
			u := up[i]
			return &u
		}
	}
	return nil
}
