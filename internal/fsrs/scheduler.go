package fsrs

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// State is where a card is in its life.
type State int8

// Card states.
const (
	New State = iota
	Learning
	Review
	Relearning
)

func (s State) String() string {
	switch s {
	case New:
		return "new"
	case Learning:
		return "learning"
	case Review:
		return "review"
	case Relearning:
		return "relearning"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// ParseState is the inverse of String.
func ParseState(s string) (State, error) {
	for st := New; st <= Relearning; st++ {
		if st.String() == s {
			return st, nil
		}
	}
	return 0, fmt.Errorf("fsrs: unknown state %q", s)
}

// Card is the scheduling state of one card.
type Card struct {
	ID         string // seeds the interval fuzz, so the same history gives the same due dates
	State      State
	Step       int // the learning or relearning step the card is on
	Stability  float64
	Difficulty float64
	Due        time.Time
	LastReview time.Time
	Reps       int
	Lapses     int
}

// Memory returns the card's memory state, nil for a new card.
func (c *Card) Memory() *Memory {
	if c.State == New {
		return nil
	}
	return &Memory{Stability: c.Stability, Difficulty: c.Difficulty}
}

// Scheduler turns ratings into due dates.
type Scheduler struct {
	Params           Parameters
	DesiredRetention float64         // probability of recall at which a card is due again
	LearningSteps    []time.Duration // delays for new cards before they graduate
	RelearningSteps  []time.Duration // delays after a lapse
	MaxInterval      int             // days
	Fuzz             bool            // spread review intervals of 3 days and more a little
	Loc              *time.Location  // days begin at midnight here; UTC when nil

	cache derivedCache
}

// NewScheduler returns a scheduler with the defaults: FSRS-6 default
// parameters, retention 0.9, learning steps 1 and 10 minutes, relearning step
// 10 minutes, intervals of at most 36,500 days, fuzz on.
func NewScheduler() *Scheduler {
	return &Scheduler{
		Params:           DefaultParameters,
		DesiredRetention: 0.9,
		LearningSteps:    []time.Duration{time.Minute, 10 * time.Minute},
		RelearningSteps:  []time.Duration{10 * time.Minute},
		MaxInterval:      36500,
		Fuzz:             true,
	}
}

// Validate checks the scheduler's settings.
func (s *Scheduler) Validate() error {
	if err := s.Params.Validate(); err != nil {
		return err
	}
	if !(s.DesiredRetention >= 0.7 && s.DesiredRetention <= 0.99) {
		return fmt.Errorf("fsrs: desired retention %v is outside [0.70, 0.99]", s.DesiredRetention)
	}
	if s.MaxInterval < 1 || s.MaxInterval > 36500 {
		return fmt.Errorf("fsrs: maximum interval %d is outside [1, 36500]", s.MaxInterval)
	}
	for _, d := range append(append([]time.Duration{}, s.LearningSteps...), s.RelearningSteps...) {
		if d <= 0 || d >= 24*time.Hour {
			return errors.New("fsrs: learning steps must be between 0 and 1 day")
		}
	}
	return nil
}

// ElapsedDays is the number of calendar days from a to b in the scheduler's
// zone: 0 on the same day.
func (s *Scheduler) ElapsedDays(a, b time.Time) int {
	loc := s.Loc
	if loc == nil {
		loc = time.UTC
	}
	ay, am, ad := a.In(loc).Date()
	by, bm, bd := b.In(loc).Date()
	return int(math.Round(time.Date(by, bm, bd, 12, 0, 0, 0, time.UTC).Sub(time.Date(ay, am, ad, 12, 0, 0, 0, time.UTC)).Hours() / 24))
}

// Retrievability is the card's predicted probability of recall at now, 1 for a
// card not yet reviewed.
func (s *Scheduler) Retrievability(c Card, now time.Time) float64 {
	if c.State == New || c.LastReview.IsZero() {
		return 1
	}
	return s.Params.Retrievability(float64(s.ElapsedDays(c.LastReview, now)), c.Stability)
}

// Log describes one review.
type Log struct {
	Rating         Rating
	ElapsedDays    int     // whole days since the previous review; 0 for the first
	Retrievability float64 // predicted recall just before the review; 1 for a new card
	ScheduledDays  int     // the interval given, 0 for a (re)learning step
	Before         State
}

// Review applies rating g at now and returns the card's new state.
func (s *Scheduler) Review(c Card, g Rating, now time.Time) (Card, Log) {
	d := s.cache.derive(&s.Params, s.DesiredRetention)
	log := Log{Rating: g, Before: c.State, Retrievability: 1}
	if c.State != New && !c.LastReview.IsZero() {
		log.ElapsedDays = max(0, s.ElapsedDays(c.LastReview, now))
		log.Retrievability = d.retrievability(float64(log.ElapsedDays), c.Stability)
	}
	m := d.next(c.Memory(), g, log.ElapsedDays, log.Retrievability)
	c.Stability, c.Difficulty = m.Stability, m.Difficulty
	c.LastReview = now
	c.Reps++

	steps := s.LearningSteps
	if c.State == Review || c.State == Relearning {
		steps = s.RelearningSteps
	}
	switch c.State {
	case New, Learning, Relearning:
		if c.State == New {
			c.State, c.Step = Learning, 0
		}
		if len(steps) == 0 || c.Step >= len(steps) {
			s.graduate(d, &c, now, &log)
			break
		}
		switch g {
		case Again:
			c.Step = 0
			c.Due = now.Add(steps[0])
		case Hard:
			c.Due = now.Add(hardDelay(steps, c.Step))
		case Good:
			if c.Step+1 >= len(steps) {
				s.graduate(d, &c, now, &log)
			} else {
				c.Step++
				c.Due = now.Add(steps[c.Step])
			}
		case Easy:
			s.graduate(d, &c, now, &log)
		}
	case Review:
		if g == Again {
			c.Lapses++
			if len(s.RelearningSteps) > 0 {
				c.State, c.Step = Relearning, 0
				c.Due = now.Add(s.RelearningSteps[0])
				break
			}
		}
		s.graduate(d, &c, now, &log)
	}
	return c, log
}

// hardDelay is the delay of Hard on a learning step: the mean of the first two
// steps on step 0 (1.5 times the only step when there is one), else the step.
func hardDelay(steps []time.Duration, step int) time.Duration {
	if step == 0 {
		if len(steps) == 1 {
			return steps[0] * 3 / 2
		}
		return (steps[0] + steps[1]) / 2
	}
	return steps[step]
}

// graduate puts the card in Review with the interval its stability gives.
func (s *Scheduler) graduate(d *derived, c *Card, now time.Time, log *Log) {
	days := d.interval(c.Stability, s.MaxInterval)
	if s.Fuzz {
		days = FuzzInterval(float64(days), 1, s.MaxInterval, fuzzFactor(c.ID, c.Reps))
	}
	c.State, c.Step = Review, 0
	c.Due = now.AddDate(0, 0, days)
	log.ScheduledDays = days
}

// Preview returns the card's state after each rating, Again to Easy, without
// changing it: the intervals shown on the rating buttons.
func (s *Scheduler) Preview(c Card, now time.Time) [4]Card {
	var out [4]Card
	for g := Again; g <= Easy; g++ {
		out[g-1], _ = s.Review(c, g, now)
	}
	return out
}

// fuzzFactor derives a number in [0, 1) from the card and its review count, so
// that replaying a history gives the same intervals: FNV-1a over the id and the
// count, then a final mix.
func fuzzFactor(id string, reps int) float64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h = (h ^ uint64(id[i])) * prime
	}
	h = (h ^ uint64(reps)) * prime
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return float64(h>>11) / (1 << 53)
}

// FuzzInterval spreads an interval over a range that widens with it (Anki's
// fuzz): none below 2.5 days, then ±1 day plus 15% of the part between 2.5 and
// 7 days, 10% of the part between 7 and 20, and 5% beyond. The interval is first
// clamped to [min, max], and so is the range; factor in [0, 1) picks the day.
func FuzzInterval(interval float64, min, max int, factor float64) int {
	if min > max {
		min = max
	}
	interval = math.Min(math.Max(interval, float64(min)), float64(max))
	delta := 0.0
	if interval >= 2.5 {
		delta = 1 + 0.15*math.Max(math.Min(interval, 7)-2.5, 0) +
			0.10*math.Max(math.Min(interval, 20)-7, 0) +
			0.05*math.Max(interval-20, 0)
	}
	lo := int(math.Round(interval - delta))
	hi := int(math.Round(interval + delta))
	if hi >= min {
		lo, hi = maxInt(lo, min), minInt(hi, max)
	} else {
		lo, hi = min, min
	}
	if lo == hi && hi > 2 && hi < max {
		hi = lo + 1
	}
	return int(math.Floor(float64(lo) + factor*float64(hi-lo+1)))
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}
