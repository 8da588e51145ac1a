package drill

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/fsrs"
)

// Drill is the review service: what to show next, rating it, statistics and
// the interview-date plan. It holds no state of its own; the web app and the
// CLI build one over their store.
type Drill struct {
	Store Store
	Bank  *Bank
	Now   func() time.Time // the clock; time.Now when nil
	Loc   *time.Location   // days begin at midnight here; UTC when nil
	// Interviews, when set, returns the user's interviews still ahead, so that
	// Next serves the extra reviews the interview-date plan puts on today.
	Interviews func(ctx context.Context, userID int64) ([]Interview, error)
}

func (d *Drill) now() time.Time {
	if d.Now == nil {
		return time.Now().UTC()
	}
	return d.Now().UTC()
}

func (d *Drill) loc() *time.Location {
	if d.Loc == nil {
		return time.UTC
	}
	return d.Loc
}

// startOfDay is midnight of t's day in loc.
func startOfDay(t time.Time, loc *time.Location) time.Time {
	y, m, dd := t.In(loc).Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// Settings are a user's drill preferences.
type Settings struct {
	Retention float64         // desired retention of regular reviews
	NewPerDay int             // new cards a day
	Params    fsrs.Parameters // FSRS weights
	Target    float64         // recall wanted on interview days
	DailyCap  int             // extra reviews a day the interview plan may add
}

// Defaults of the settings without their own constant.
const (
	DefaultRetention = 0.9
	DefaultTarget    = 0.9
)

// Settings reads the user's preferences, the defaults where unset. A stored
// value out of range is Invalid, naming the setting.
func (d *Drill) Settings(ctx context.Context, userID int64) (Settings, error) {
	s := Settings{Retention: DefaultRetention, NewPerDay: DefaultNewPerDay, Target: DefaultTarget, DailyCap: DefaultInterviewCap}
	var err error
	if s.Params, err = LoadParameters(ctx, d.Store, userID); err != nil {
		return s, err
	}
	for _, f := range []struct {
		key   string
		parse func(string) error
	}{
		{SettingRetention, func(v string) (err error) { s.Retention, err = ParseRetention(v); return }},
		{SettingNewPerDay, func(v string) (err error) { s.NewPerDay, err = ParseNewPerDay(v); return }},
		{SettingTarget, func(v string) (err error) { s.Target, err = ParseTarget(v); return }},
		{SettingDailyCap, func(v string) (err error) { s.DailyCap, err = ParseDailyCap(v); return }},
	} {
		v, err := d.Store.Setting(ctx, userID, f.key)
		if err != nil {
			return s, err
		}
		if strings.TrimSpace(v) == "" {
			continue
		}
		if err := f.parse(strings.TrimSpace(v)); err != nil {
			return s, err
		}
	}
	return s, nil
}

func parseFloatIn(what, v string, lo, hi float64) (float64, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || !(f >= lo && f <= hi) {
		return 0, errs.Invalidf("%s is a number from %g to %g, not %q", what, lo, hi, v)
	}
	return f, nil
}

func parseIntIn(what, v string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < lo || n > hi {
		return 0, errs.Invalidf("%s is a whole number from %d to %d, not %q", what, lo, hi, v)
	}
	return n, nil
}

// ParseRetention reads a desired retention, 0.70 to 0.99.
func ParseRetention(v string) (float64, error) {
	return parseFloatIn("desired retention", v, 0.7, 0.99)
}

// ParseTarget reads the recall wanted on interview days, 0.70 to 0.99.
func ParseTarget(v string) (float64, error) {
	return parseFloatIn("interview-day target", v, 0.7, 0.99)
}

// ParseNewPerDay reads the number of new cards a day, 0 to 1000.
func ParseNewPerDay(v string) (int, error) { return parseIntIn("new cards a day", v, 0, 1000) }

// ParseDailyCap reads the cap on extra reviews a day, 1 to 1000.
func ParseDailyCap(v string) (int, error) {
	return parseIntIn("daily cap of extra reviews", v, 1, 1000)
}

// Scheduler returns the user's scheduler: their parameters and retention,
// interval fuzz on, days in the drill's zone.
func (d *Drill) Scheduler(ctx context.Context, userID int64) (*fsrs.Scheduler, error) {
	st, err := d.Settings(ctx, userID)
	if err != nil {
		return nil, err
	}
	return d.scheduler(st), nil
}

func (d *Drill) scheduler(st Settings) *fsrs.Scheduler {
	s := fsrs.NewScheduler()
	s.Params = st.Params
	s.DesiredRetention = st.Retention
	s.Fuzz = true
	s.Loc = d.loc()
	return s
}

// deck is every card the user can study: the bank's, then their own, oldest
// first.
type deck struct {
	cards []Card
	byID  map[string]int
}

func (d *Drill) deck(ctx context.Context, userID int64) (*deck, error) {
	user, err := d.Store.UserCards(ctx, userID)
	if err != nil {
		return nil, err
	}
	bank := d.Bank.Cards()
	k := &deck{cards: make([]Card, 0, len(bank)+len(user)), byID: make(map[string]int, len(bank)+len(user))}
	for _, c := range append(slices.Clip(bank), user...) {
		if _, dup := k.byID[c.ID]; dup {
			continue // a user card never shadows a bank card
		}
		k.byID[c.ID] = len(k.cards)
		k.cards = append(k.cards, c)
	}
	return k, nil
}

func (k *deck) card(id string) (*Card, bool) {
	i, ok := k.byID[id]
	if !ok {
		return nil, false
	}
	return &k.cards[i], true
}

// ids returns the ids of the cards of topic, or nil (no filter) for "".
func (k *deck) ids(topic string) []string {
	if topic == "" {
		return nil
	}
	out := []string{}
	for _, c := range k.cards {
		if c.Topic == topic {
			out = append(out, c.ID)
		}
	}
	return out
}

// Cards returns every card the user can study, the bank's first, filtered
// by topic unless topic is "".
func (d *Drill) Cards(ctx context.Context, userID int64, topic string) ([]Card, error) {
	k, err := d.deck(ctx, userID)
	if err != nil {
		return nil, err
	}
	if topic == "" {
		return k.cards, nil
	}
	var out []Card
	for _, c := range k.cards {
		if c.Topic == topic {
			out = append(out, c)
		}
	}
	return out, nil
}

// Card returns one bank or user card.
func (d *Drill) Card(ctx context.Context, userID int64, id string) (Card, error) {
	if c, ok := d.Bank.Card(id); ok {
		return c, nil
	}
	return d.Store.UserCard(ctx, userID, id)
}

// SaveCard creates or replaces a user card. Bank ids are refused: the bank's
// cards are content, edited in its files.
func (d *Drill) SaveCard(ctx context.Context, userID int64, c Card) error {
	if _, ok := d.Bank.Card(c.ID); ok {
		return errs.Conflictf("card %s is a bank card; give yours another id", c.ID)
	}
	c.User = true
	return d.Store.SaveUserCard(ctx, userID, c)
}

// Topics returns the bank's topics, then the topics only the user's cards
// have (titled by their key), each with its number of cards.
func (d *Drill) Topics(ctx context.Context, userID int64) ([]Topic, error) {
	k, err := d.deck(ctx, userID)
	if err != nil {
		return nil, err
	}
	return k.topics(d.Bank), nil
}

func (k *deck) topics(b *Bank) []Topic {
	var out []Topic
	at := map[string]int{}
	for _, t := range b.Topics() {
		at[t.Key] = len(out)
		out = append(out, Topic{Key: t.Key, Title: t.Title})
	}
	for _, c := range k.cards {
		i, ok := at[c.Topic]
		if !ok {
			i = len(out)
			at[c.Topic] = i
			out = append(out, Topic{Key: c.Topic, Title: c.Topic})
		}
		out[i].Count++
	}
	return out
}

// Turn is what to show next.
type Turn struct {
	Card    *Card     `json:"card"`     // nil when nothing is left for now
	New     bool      `json:"new"`      // never reviewed
	Planned bool      `json:"planned"`  // brought forward by the interview-date plan
	State   string    `json:"state"`    // the card's state before this review
	Reps    int       `json:"reps"`     // give it back to Rate, which refuses a stale showing
	Buttons []Button  `json:"buttons"`  // Again, Hard, Good, Easy
	Due     int       `json:"due"`      // reviewed cards due now, this one included
	NewLeft int       `json:"new_left"` // new cards that may still be started today
	NextDue time.Time `json:"next_due,omitzero"`
}

// Button is one rating with the interval it would give.
type Button struct {
	Rating   fsrs.Rating `json:"rating"`
	Label    string      `json:"label"`    // "Again"
	Interval string      `json:"interval"` // "10m", "2d", "3mo"
	Due      time.Time   `json:"due"`
}

// dueBatch is how many due cards Next reads at once: enough to skip a few
// whose card left the bank.
const dueBatch = 32

// Next returns the next card to show the user, of topic ("" for all): due
// reviewed cards first, most overdue first (cards the interview plan puts on
// today count as due since midnight); then new cards in bank order, then the
// user's, while the day's new-card allowance lasts. Turn.Card is nil when
// nothing is due; NextDue then says when something will be.
func (d *Drill) Next(ctx context.Context, userID int64, topic string) (*Turn, error) {
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
	ids := k.ids(topic)
	if ids != nil && len(ids) == 0 {
		return nil, errs.NotFoundf("no cards in topic %q", topic)
	}
	inTopic := func(c *Card) bool { return topic == "" || c.Topic == topic }

	// Due cards, regular and planned, merged by when they fell due.
	type cand struct {
		p       Progress
		since   time.Time
		planned bool
	}
	var cands []cand
	due, err := d.Store.DueCards(ctx, QueueFilter{UserID: userID, Topic: topic, Now: now, Limit: dueBatch, CardIDs: ids})
	if err != nil {
		return nil, err
	}
	for _, p := range due {
		if _, ok := k.card(p.CardID); ok {
			cands = append(cands, cand{p: p, since: p.Due})
		}
	}
	var count int
	if ids == nil {
		count, err = d.Store.CountDue(ctx, userID, now)
	} else {
		var all []Progress
		all, err = d.Store.DueCards(ctx, QueueFilter{UserID: userID, Topic: topic, Now: now, CardIDs: ids})
		count = len(all)
	}
	if err != nil {
		return nil, err
	}
	plan, err := d.todaysPlan(ctx, userID, now, st, sched, k)
	if err != nil {
		return nil, err
	}
	for _, p := range plan {
		if c, _ := k.card(p.CardID); inTopic(c) && p.Due.After(now) {
			cands = append(cands, cand{p: p, since: startOfDay(now, d.loc()), planned: true})
			count++
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(a.since.Compare(b.since), cmp.Compare(a.p.CardID, b.p.CardID))
	})

	t := &Turn{Due: count}
	fresh, err := d.newCards(ctx, userID, now, st, k, topic)
	if err != nil {
		return nil, err
	}
	t.NewLeft = len(fresh)
	switch {
	case len(cands) > 0:
		c, _ := k.card(cands[0].p.CardID)
		t.show(c, cands[0].p, sched, now)
		t.Planned = cands[0].planned
		return t, nil
	case len(fresh) > 0:
		t.show(fresh[0], ToProgress(userID, fsrs.Card{ID: fresh[0].ID, Due: now}), sched, now)
		t.New = true
		return t, nil
	}
	if t.NextDue, err = d.Store.NextDue(ctx, userID, now, ids); err != nil {
		return nil, err
	}
	return t, nil
}

// show fills the turn with card c and its previews.
func (t *Turn) show(c *Card, p Progress, sched *fsrs.Scheduler, now time.Time) {
	cc := *c
	t.Card = &cc
	t.State = p.State
	t.Reps = p.Reps
	fc, err := p.FSRS()
	if err != nil {
		fc = fsrs.Card{ID: p.CardID}
	}
	for i, n := range sched.Preview(fc, now) {
		g := fsrs.Rating(i + 1)
		t.Buttons = append(t.Buttons, Button{Rating: g, Label: RatingLabel(g), Interval: FormatInterval(n.Due.Sub(now)), Due: n.Due})
	}
}

// RatingLabel is the button text of a rating: Again, Hard, Good, Easy.
func RatingLabel(g fsrs.Rating) string {
	s := g.String()
	if s == "" || !g.Valid() {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// FormatInterval writes an interval the way rating buttons show it: "1m",
// "10m", "5h", "2d", "3mo", "1.5y".
func FormatInterval(d time.Duration) string {
	if d < time.Minute {
		d = time.Minute
	}
	days := d.Hours() / 24
	one := func(v float64, unit string) string {
		s := strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
		return s + unit
	}
	switch {
	case d < time.Hour:
		return strconv.Itoa(int(math.Round(d.Minutes()))) + "m"
	case d < 24*time.Hour:
		return strconv.Itoa(int(math.Round(d.Hours()))) + "h"
	case days < 30:
		return strconv.Itoa(int(math.Round(days))) + "d"
	case days < 365:
		return one(days/30.4375, "mo")
	}
	return one(days/365.25, "y")
}

// newCards returns the new cards of topic the user may still start today, in
// the order they come: the day's allowance, at most.
func (d *Drill) newCards(ctx context.Context, userID int64, now time.Time, st Settings, k *deck, topic string) ([]*Card, error) {
	started, err := d.Store.NewSince(ctx, userID, startOfDay(now, d.loc()))
	if err != nil {
		return nil, err
	}
	left := max(0, st.NewPerDay-started)
	if left == 0 {
		return nil, nil
	}
	var candidates []string
	for _, c := range k.cards {
		if topic == "" || c.Topic == topic {
			candidates = append(candidates, c.ID)
		}
	}
	seen, err := d.Store.HasProgress(ctx, userID, candidates)
	if err != nil {
		return nil, err
	}
	var out []*Card
	for _, id := range candidates {
		if len(out) == left {
			break
		}
		if !seen[id] {
			c, _ := k.card(id)
			out = append(out, c)
		}
	}
	return out, nil
}

// Rate records the user's rating of a card shown with Turn.Reps = expectReps,
// reviewed at Now. It returns the review: Invalid for a rating outside 1–4,
// NotFound for an unknown card, Conflict when the card was rated since it was
// shown (another tab, a double click).
func (d *Drill) Rate(ctx context.Context, userID int64, cardID string, rating fsrs.Rating, expectReps int, durationMS int64) (*ReviewLog, error) {
	if !rating.Valid() {
		return nil, errs.Invalidf("a rating is 1 (again), 2 (hard), 3 (good) or 4 (easy), not %d", rating)
	}
	if durationMS < 0 {
		durationMS = 0
	}
	if _, err := d.Card(ctx, userID, cardID); err != nil {
		return nil, err
	}
	now := d.now()
	sched, err := d.Scheduler(ctx, userID)
	if err != nil {
		return nil, err
	}
	prev, err := d.Store.Progress(ctx, userID, cardID)
	switch {
	case errs.CodeOf(err) == errs.NotFound:
		prev = ToProgress(userID, fsrs.Card{ID: cardID, Due: now})
	case err != nil:
		return nil, err
	}
	if prev.Reps != expectReps {
		return nil, errs.Conflictf("card %s was rated since it was shown; showing it again", cardID)
	}
	c, err := prev.FSRS()
	if err != nil {
		return nil, err
	}
	nc, l := sched.Review(c, rating, now)
	next := ToProgress(userID, nc)
	log := &ReviewLog{UserID: userID, CardID: cardID, At: now, Rating: rating, StateBefore: l.Before.String(),
		StateAfter: nc.State.String(), ElapsedDays: l.ElapsedDays, Retrievability: l.Retrievability,
		Stability: nc.Stability, Difficulty: nc.Difficulty, ScheduledDays: l.ScheduledDays, Due: nc.Due, DurationMS: durationMS}
	if err := d.Store.Record(ctx, prev, next, log); err != nil {
		return nil, err
	}
	return log, nil
}

// Stats are the numbers of the stats page.
type Stats struct {
	From        time.Time     `json:"from"` // first day of the window
	Days        []DayReviews  `json:"days"` // every day of the window, oldest first
	Reviews     int           `json:"reviews"`
	Retention   float64       `json:"retention"`     // true retention: passed / reviews of cards in review state
	RetentionOf int           `json:"retention_of"`  // reviews it is measured over; 0 means unknown
	Forecast    []DayForecast `json:"forecast"`      // the next 30 days, today (with overdue cards) first
	Topics      []TopicRecall `json:"topics"`        // recall now, by topic
	Studied     int           `json:"studied"`       // cards reviewed at least once
	Cards       int           `json:"cards"`         // cards in the deck
	DueNow      int           `json:"due_now"`       // reviewed cards due now
	AverageSecs float64       `json:"average_secs"`  // mean answer time of the window's timed reviews
	NewInWindow int           `json:"new_in_window"` // cards first reviewed in the window
}

// DayReviews counts one day's reviews.
type DayReviews struct {
	Day     time.Time `json:"day"`
	Reviews int       `json:"reviews"`
	Again   int       `json:"again"`
	New     int       `json:"new"`
}

// DayForecast counts the cards due on one day.
type DayForecast struct {
	Day     time.Time `json:"day"`
	Due     int       `json:"due"`
	Planned int       `json:"planned"` // extra reviews of the interview-date plan
}

// TopicRecall is how well the user knows one topic.
type TopicRecall struct {
	Topic       string  `json:"topic"`
	Title       string  `json:"title"`
	Cards       int     `json:"cards"`
	Reviewed    int     `json:"reviewed"`
	NotStudied  int     `json:"not_studied"`
	Recall      float64 `json:"recall"`                 // mean retrievability now of the reviewed cards
	RecallAt    float64 `json:"recall_at,omitempty"`    // the same, predicted on an interview day
	ReadyAt     float64 `json:"ready_at,omitempty"`     // RecallAt over every card, new cards counting 0
	BelowTarget int     `json:"below_target,omitempty"` // reviewed cards under the target on the interview day
}

// ForecastDays is the length of the due forecast.
const ForecastDays = 30

// Stats returns the review statistics of the last days days (30 when 0 or
// less, at most 3650), the 30-day forecast and recall by topic.
func (d *Drill) Stats(ctx context.Context, userID int64, days int) (*Stats, error) {
	if days <= 0 {
		days = 30
	}
	days = min(days, 3650)
	now := d.now()
	loc := d.loc()
	today := startOfDay(now, loc)
	st, err := d.Settings(ctx, userID)
	if err != nil {
		return nil, err
	}
	sched := d.scheduler(st)
	k, err := d.deck(ctx, userID)
	if err != nil {
		return nil, err
	}
	s := &Stats{From: today.AddDate(0, 0, -(days - 1)), Cards: len(k.cards)}
	for i := range days {
		s.Days = append(s.Days, DayReviews{Day: s.From.AddDate(0, 0, i)})
	}
	logs, err := d.Store.Reviews(ctx, userID, s.From)
	if err != nil {
		return nil, err
	}
	passed, timed := 0, 0
	var ms int64
	for _, l := range logs {
		i := sched.ElapsedDays(s.From, l.At)
		if i < 0 || i >= days {
			continue
		}
		s.Reviews++
		day := &s.Days[i]
		day.Reviews++
		if l.Rating == fsrs.Again {
			day.Again++
		}
		if l.StateBefore == fsrs.New.String() {
			day.New++
			s.NewInWindow++
		}
		if l.StateBefore == fsrs.Review.String() {
			s.RetentionOf++
			if l.Rating >= fsrs.Hard {
				passed++
			}
		}
		if l.DurationMS > 0 {
			timed++
			ms += l.DurationMS
		}
	}
	if s.RetentionOf > 0 {
		s.Retention = float64(passed) / float64(s.RetentionOf)
	}
	if timed > 0 {
		s.AverageSecs = float64(ms) / float64(timed) / 1000
	}

	progress, err := d.Store.AllProgress(ctx, userID)
	if err != nil {
		return nil, err
	}
	for i := range ForecastDays {
		s.Forecast = append(s.Forecast, DayForecast{Day: today.AddDate(0, 0, i)})
	}
	byID := map[string]*Progress{}
	for i := range progress {
		p := &progress[i]
		if _, ok := k.card(p.CardID); !ok {
			continue
		}
		byID[p.CardID] = p
		s.Studied++
		if !p.Due.After(now) {
			s.DueNow++
		}
		if i := max(0, sched.ElapsedDays(today, p.Due)); i < ForecastDays {
			s.Forecast[i].Due++
		}
	}
	if d.Interviews != nil {
		ivs, err := d.Interviews(ctx, userID)
		if err != nil {
			return nil, err
		}
		plan := buildPlan(now, loc, st, sched, k, d.Bank, byID, ivs)
		for _, ip := range plan.Interviews {
			for _, pd := range ip.Days {
				if i := sched.ElapsedDays(today, pd.Day); i >= 0 && i < ForecastDays {
					s.Forecast[i].Planned += pd.Reviews
				}
			}
		}
	}
	at := map[string]int{}
	for _, t := range k.topics(d.Bank) {
		at[t.Key] = len(s.Topics)
		s.Topics = append(s.Topics, TopicRecall{Topic: t.Key, Title: t.Title, Cards: t.Count})
	}
	for _, c := range k.cards {
		tr := &s.Topics[at[c.Topic]]
		p, ok := byID[c.ID]
		if !ok {
			tr.NotStudied++
			continue
		}
		tr.Reviewed++
		fc, err := p.FSRS()
		if err != nil {
			return nil, err
		}
		tr.Recall += sched.Retrievability(fc, now)
	}
	for i := range s.Topics {
		if t := &s.Topics[i]; t.Reviewed > 0 {
			t.Recall /= float64(t.Reviewed)
		}
	}
	return s, nil
}

// SettingField describes one drill preference for the forms and flags that
// edit it: its stored key, a short name, a check, and the default shown when
// it is unset.
type SettingField struct {
	Name    string // retention, new_per_day, target, daily_cap
	Key     string
	Check   func(string) error
	Default string
}

// SettingFields lists the drill's editable preferences in display order.
var SettingFields = []SettingField{
	{"retention", SettingRetention, func(v string) error { _, err := ParseRetention(v); return err }, strconv.FormatFloat(DefaultRetention, 'g', -1, 64)},
	{"new_per_day", SettingNewPerDay, func(v string) error { _, err := ParseNewPerDay(v); return err }, strconv.Itoa(DefaultNewPerDay)},
	{"target", SettingTarget, func(v string) error { _, err := ParseTarget(v); return err }, strconv.FormatFloat(DefaultTarget, 'g', -1, 64)},
	{"daily_cap", SettingDailyCap, func(v string) error { _, err := ParseDailyCap(v); return err }, strconv.Itoa(DefaultInterviewCap)},
}
