package drill

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/offerloop/offerloop/internal/fsrs"
)

// Interview is an interview ahead, as the tracker knows it. The caller loads
// it from the tracker's store: the drill does not import the tracker.
type Interview struct {
	ID      int64     `json:"id"`
	Company string    `json:"company"`
	At      time.Time `json:"at"`
	Rounds  []string  `json:"rounds"` // tracker round kinds: ml_theory, phone_screen...
}

// Need is the set of cards that prepare for one kind of round: every card of
// Topics, every card written for Rounds whatever its topic, and, with Theory,
// every topic but the system-design ones.
type Need struct {
	Topics []string
	Rounds []Round
	Theory bool
}

// Topic groups the needs refer to. A new bank topic joins the theory rounds
// by itself; only system design, the fundamentals and deep learning are named.
var (
	systemDesignTopics = []string{"ml-system-design", "mlops"}
	fundamentalTopics  = []string{"bias-variance", "fitting", "regularization", "cross-validation", "metrics", "probability-statistics"}
	deepLearningTopics = []string{"neural-networks", "transformers", "optimization", "loss-functions"}
)

// NeedOf says which cards prepare for a tracker round kind. It is the one
// place that says so:
//
//	ml_theory, theory_deep_dive          every topic but ml-system-design and mlops
//	phone_screen                         cards written for phone screens, and the fundamentals
//	                                     (bias-variance, fitting, regularization, cross-validation,
//	                                     metrics, probability-statistics)
//	ml_system_design                     ml-system-design and mlops, and cards written for design rounds
//	paper_discussion,                    neural-networks, transformers, optimization, loss-functions
//	research_presentation
//	behavioral, team_fit, bar_raiser     cards written for behavioral rounds
//
// Other kinds (coding, take-home, recruiter screen) need no cards.
func NeedOf(roundKind string) Need {
	switch roundKind {
	case "ml_theory", "theory_deep_dive":
		return Need{Theory: true}
	case "phone_screen":
		return Need{Topics: fundamentalTopics, Rounds: []Round{RoundPhoneScreen}}
	case "ml_system_design":
		return Need{Topics: systemDesignTopics, Rounds: []Round{RoundSystemDesign}}
	case "paper_discussion", "research_presentation":
		return Need{Topics: deepLearningTopics}
	case "behavioral", "team_fit", "bar_raiser":
		return Need{Rounds: []Round{RoundBehavioral}}
	}
	return Need{}
}

// Has reports whether c prepares for the need.
func (n Need) Has(c *Card) bool {
	if n.Theory && !slices.Contains(systemDesignTopics, c.Topic) {
		return true
	}
	return slices.Contains(n.Topics, c.Topic) || slices.Contains(n.Rounds, c.Round)
}

// needsOf is the union of the needs of rounds.
func needsOf(rounds []string) func(c *Card) bool {
	ns := make([]Need, 0, len(rounds))
	for _, r := range rounds {
		ns = append(ns, NeedOf(r))
	}
	return func(c *Card) bool {
		for _, n := range ns {
			if n.Has(c) {
				return true
			}
		}
		return false
	}
}

// Plan is the interview-date plan: for each interview ahead, how well the user
// will know what it asks on the day, and the extra reviews that lift every
// reviewed card to the target by then.
type Plan struct {
	Today      time.Time       `json:"today"`
	Target     float64         `json:"target"`
	DailyCap   int             `json:"daily_cap"`
	Interviews []InterviewPlan `json:"interviews"`
	Days       []PlanDay       `json:"days"` // extra reviews a day, all interviews together

	due map[string]int // card → the day (from today) of its extra review
}

// InterviewPlan is the plan for one interview.
type InterviewPlan struct {
	Interview   Interview     `json:"interview"`
	Day         time.Time     `json:"day"` // midnight of the interview's day
	Cards       int           `json:"cards"`
	Reviewed    int           `json:"reviewed"`
	NotStudied  int           `json:"not_studied"`
	Recall      float64       `json:"recall"`    // mean recall now of the reviewed cards it needs
	RecallAt    float64       `json:"recall_at"` // the same, predicted on the day, without extra reviews
	ReadyAt     float64       `json:"ready_at"`  // RecallAt over every card it needs, new cards counting 0
	BelowTarget int           `json:"below_target"`
	Topics      []TopicRecall `json:"topics"`
	Days        []PlanDay     `json:"days"`      // its extra reviews, by day
	Unplanned   int           `json:"unplanned"` // below target, but no day before the interview had room
}

// PlanDay counts extra reviews on one day.
type PlanDay struct {
	Day     time.Time `json:"day"`
	Reviews int       `json:"reviews"`
}

// Plan works out the interview-date plan for interviews (in any order; past
// ones are left out).
func (d *Drill) Plan(ctx context.Context, userID int64, interviews []Interview) (*Plan, error) {
	now := d.now()
	st, err := d.Settings(ctx, userID)
	if err != nil {
		return nil, err
	}
	sched := d.scheduler(st)
	k, err := d.deck(ctx, userID)
	if err != nil {
		return nil, err
	}
	progress, err := d.progressOf(ctx, userID, k)
	if err != nil {
		return nil, err
	}
	return buildPlan(now, d.loc(), st, sched, k, d.Bank, progress, interviews), nil
}

// PlanWith is Plan over cards and progress the caller has already read
// (cards as Cards returns them, or with only id, topic and round), so a
// caller that needs them too reads them once.
func (d *Drill) PlanWith(ctx context.Context, userID int64, interviews []Interview, cards []Card, progress []Progress) (*Plan, error) {
	st, err := d.Settings(ctx, userID)
	if err != nil {
		return nil, err
	}
	k := &deck{cards: cards, byID: make(map[string]int, len(cards))}
	for i, c := range cards {
		if _, dup := k.byID[c.ID]; !dup {
			k.byID[c.ID] = i
		}
	}
	byID := make(map[string]*Progress, len(progress))
	for i := range progress {
		if _, ok := k.byID[progress[i].CardID]; ok {
			byID[progress[i].CardID] = &progress[i]
		}
	}
	return buildPlan(d.now(), d.loc(), st, d.scheduler(st), k, d.Bank, byID, interviews), nil
}

// progressOf returns the user's progress on the cards of the deck, by id.
func (d *Drill) progressOf(ctx context.Context, userID int64, k *deck) (map[string]*Progress, error) {
	all, err := d.Store.AllProgress(ctx, userID)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*Progress, len(all))
	for i := range all {
		if _, ok := k.card(all[i].CardID); ok {
			out[all[i].CardID] = &all[i]
		}
	}
	return out, nil
}

// todaysPlan returns the progress of the cards the plan puts on today, none
// when the service has no interviews or the user none ahead.
func (d *Drill) todaysPlan(ctx context.Context, userID int64, now time.Time, st Settings, sched *fsrs.Scheduler, k *deck) ([]Progress, error) {
	if d.Interviews == nil {
		return nil, nil
	}
	ivs, err := d.Interviews(ctx, userID)
	if err != nil || len(ivs) == 0 {
		return nil, err
	}
	progress, err := d.progressOf(ctx, userID, k)
	if err != nil {
		return nil, err
	}
	plan := buildPlan(now, d.loc(), st, sched, k, d.Bank, progress, ivs)
	var out []Progress
	for id, day := range plan.due {
		if day == 0 {
			out = append(out, *progress[id])
		}
	}
	return out, nil
}

// buildPlan is the plan's arithmetic. Days are counted from today (0). For an
// interview on day I, a reviewed card it needs whose predicted recall on day I
// is under the target gets an extra review on the latest day d in [today,
// I−1] (today when the interview is today or tomorrow) such that a Good review
// on d (Parameters.Next) keeps recall on day I at the target; when no day
// does, on I−1, which comes closest. Then, from the latest day back, each day
// keeps at most the daily cap of extra reviews (all interviews together),
// the cards of least stability first, and moves the rest a day earlier; what
// does not fit by today is counted as unplanned. A card reviewed today is
// not planned for today again. Interviews are planned in time order, and a
// card planned for an earlier one is not planned twice: after that review the
// plan is worked out again.
func buildPlan(now time.Time, loc *time.Location, st Settings, sched *fsrs.Scheduler, k *deck, bank *Bank, progress map[string]*Progress, interviews []Interview) *Plan {
	today := startOfDay(now, loc)
	plan := &Plan{Today: today, Target: st.Target, DailyCap: st.DailyCap, due: map[string]int{}}
	ivs := slices.Clone(interviews)
	slices.SortStableFunc(ivs, func(a, b Interview) int { return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.ID, b.ID)) })
	load := map[int]int{}
	titles := map[string]string{}
	for _, t := range k.topics(bank) {
		titles[t.Key] = t.Title
	}
	type want struct {
		id     string
		day    int     // the latest day that reaches the target
		lo     int     // the earliest day it may have
		stable float64 // stability after the review: the least stable stay latest
	}
	for _, iv := range ivs {
		at := sched.ElapsedDays(today, iv.At)
		if at < 0 {
			continue
		}
		hi := max(at-1, 0)
		ip := InterviewPlan{Interview: iv, Day: startOfDay(iv.At, loc)}
		needs := needsOf(iv.Rounds)
		topicAt := map[string]int{}
		var wants []want
		for i := range k.cards {
			c := &k.cards[i]
			if !needs(c) {
				continue
			}
			ti, ok := topicAt[c.Topic]
			if !ok {
				ti = len(ip.Topics)
				topicAt[c.Topic] = ti
				ip.Topics = append(ip.Topics, TopicRecall{Topic: c.Topic, Title: titles[c.Topic]})
			}
			tr := &ip.Topics[ti]
			tr.Cards++
			ip.Cards++
			var fc fsrs.Card
			studied := false
			if p := progress[c.ID]; p != nil {
				var err error
				fc, err = p.FSRS()
				studied = err == nil && fc.State != fsrs.New && !fc.LastReview.IsZero()
			}
			if !studied {
				tr.NotStudied++
				ip.NotStudied++
				continue
			}
			tr.Reviewed++
			ip.Reviewed++
			rNow := sched.Retrievability(fc, now)
			rAt := sched.Params.Retrievability(float64(max(0, sched.ElapsedDays(fc.LastReview, iv.At))), fc.Stability)
			tr.Recall += rNow
			tr.RecallAt += rAt
			ip.Recall += rNow
			ip.RecallAt += rAt
			if rAt >= st.Target {
				continue
			}
			tr.BelowTarget++
			ip.BelowTarget++
			if _, done := plan.due[c.ID]; done {
				continue
			}
			lo := 0
			if !fc.LastReview.Before(today) {
				lo = 1
			}
			if lo > hi {
				ip.Unplanned++ // reviewed today, and no day left before the interview
				continue
			}
			day, s := latestDay(sched, fc, today, at, lo, hi, st.Target)
			wants = append(wants, want{id: c.ID, day: day, lo: lo, stable: s})
		}
		for i := range ip.Topics {
			t := &ip.Topics[i]
			if t.Reviewed > 0 {
				t.ReadyAt = t.RecallAt / float64(t.Cards)
				t.Recall /= float64(t.Reviewed)
				t.RecallAt /= float64(t.Reviewed)
			}
		}
		if ip.Reviewed > 0 {
			ip.ReadyAt = ip.RecallAt / float64(ip.Cards)
			ip.Recall /= float64(ip.Reviewed)
			ip.RecallAt /= float64(ip.Reviewed)
		}

		// Spread under the cap, from the latest day back to today.
		byDay := map[int][]want{}
		for _, w := range wants {
			byDay[w.day] = append(byDay[w.day], w)
		}
		days := map[int]int{}
		var carry []want
		for day := hi; day >= 0; day-- {
			bucket := append(carry, byDay[day]...)
			carry = nil
			slices.SortFunc(bucket, func(a, b want) int { return cmp.Or(cmp.Compare(a.stable, b.stable), cmp.Compare(a.id, b.id)) })
			for _, w := range bucket {
				switch {
				case w.lo > day:
					ip.Unplanned++
				case load[day] < st.DailyCap:
					load[day]++
					days[day]++
					plan.due[w.id] = day
				default:
					carry = append(carry, w)
				}
			}
		}
		ip.Unplanned += len(carry)
		for _, day := range sortedKeys(days) {
			ip.Days = append(ip.Days, PlanDay{Day: today.AddDate(0, 0, day), Reviews: days[day]})
		}
		plan.Interviews = append(plan.Interviews, ip)
	}
	for _, day := range sortedKeys(load) {
		plan.Days = append(plan.Days, PlanDay{Day: today.AddDate(0, 0, day), Reviews: load[day]})
	}
	return plan
}

// latestDay returns the latest day in [lo, hi] on which a Good review keeps
// the card's recall on day at at the target, hi when none does, and the
// stability that review gives.
func latestDay(sched *fsrs.Scheduler, c fsrs.Card, today time.Time, at, lo, hi int, target float64) (int, float64) {
	m := c.Memory()
	good := func(day int) float64 {
		elapsed := max(0, sched.ElapsedDays(c.LastReview, today.AddDate(0, 0, day)))
		return sched.Params.Next(m, fsrs.Good, elapsed).Stability
	}
	for day := hi; day >= lo; day-- {
		s := good(day)
		if sched.Params.Retrievability(float64(at-day), s) >= target {
			return day, s
		}
	}
	return hi, good(hi)
}

func sortedKeys(m map[int]int) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// PlannedDay returns the day of the card's extra review, if the plan has one.
func (p *Plan) PlannedDay(cardID string) (time.Time, bool) {
	day, ok := p.due[cardID]
	if !ok {
		return time.Time{}, false
	}
	return p.Today.AddDate(0, 0, day), true
}
