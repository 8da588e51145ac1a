package drill_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/fsrs"
	"github.com/offerloop/offerloop/internal/sqlite"
)

// start is the tests' first instant: a Tuesday at noon, UTC.
var start = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

type env struct {
	t    *testing.T
	ctx  context.Context
	db   *sqlite.DB
	d    *drill.Drill
	user int64
	now  time.Time
	ivs  []drill.Interview
}

func card(id, topic string, round drill.Round) drill.Card {
	return drill.Card{ID: id, Topic: topic, Round: round, Difficulty: 2, Prompt: "Q " + id + "?", Answer: "A " + id + "."}
}

// testCards is a small bank: theory cards in two topics, phone-screen cards,
// and system-design cards.
func testCards(n int) []drill.Card {
	var cs []drill.Card
	for i := range n {
		cs = append(cs, card(fmt.Sprintf("metrics-%02d", i), "metrics", drill.RoundTheory))
	}
	cs = append(cs,
		card("reg-1", "regularization", drill.RoundTheory),
		card("reg-2", "regularization", drill.RoundPhoneScreen),
		card("clu-1", "clustering", drill.RoundPhoneScreen),
		card("sd-1", "ml-system-design", drill.RoundSystemDesign),
	)
	return cs
}

func newEnv(t *testing.T, cards []drill.Card) *env {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "drill.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	u, err := db.LocalUser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bank, err := drill.NewTestBank(cards, map[string]string{"metrics": "Metrics", "regularization": "Regularisation",
		"clustering": "Clustering", "ml-system-design": "ML system design"})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, ctx: ctx, db: db, user: u.ID, now: start}
	db.Now = func() time.Time { return e.now }
	e.d = &drill.Drill{Store: db, Bank: bank, Now: func() time.Time { return e.now }, Loc: time.UTC,
		Interviews: func(context.Context, int64) ([]drill.Interview, error) { return e.ivs, nil }}
	return e
}

func (e *env) set(key, value string) {
	e.t.Helper()
	if err := e.db.SetSetting(e.ctx, e.user, key, value); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) next(topic string) *drill.Turn {
	e.t.Helper()
	turn, err := e.d.Next(e.ctx, e.user, topic)
	if err != nil {
		e.t.Fatalf("Next(%q): %v", topic, err)
	}
	return turn
}

// rate rates a card as shown, at the current time.
func (e *env) rate(id string, g fsrs.Rating) *drill.ReviewLog {
	e.t.Helper()
	reps := 0
	if p, err := e.db.Progress(e.ctx, e.user, id); err == nil {
		reps = p.Reps
	}
	l, err := e.d.Rate(e.ctx, e.user, id, g, reps, 3000)
	if err != nil {
		e.t.Fatalf("Rate(%s, %v): %v", id, g, err)
	}
	return l
}

// graduate takes a new card to review state with Good, Good ten minutes apart.
func (e *env) graduate(id string) {
	e.t.Helper()
	e.rate(id, fsrs.Good)
	e.now = e.now.Add(10 * time.Minute)
	e.rate(id, fsrs.Good)
}

func shown(t *drill.Turn) string {
	if t.Card == nil {
		return ""
	}
	return t.Card.ID
}

func TestNextNewCards(t *testing.T) {
	e := newEnv(t, testCards(3))
	e.set(drill.SettingNewPerDay, "2")
	turn := e.next("")
	if shown(turn) != "metrics-00" || !turn.New || turn.Due != 0 || turn.NewLeft != 2 || turn.Reps != 0 {
		t.Fatalf("first Next = %s, %+v; want the first bank card, new, 2 left", shown(turn), turn)
	}
	var got []string
	for _, b := range turn.Buttons {
		got = append(got, b.Label+" "+b.Interval)
	}
	if want := "Again 1m, Hard 6m, Good 10m, Easy 8d"; strings.Join(got, ", ") != want {
		t.Errorf("buttons = %s, want %s", strings.Join(got, ", "), want)
	}
	e.rate("metrics-00", fsrs.Good)
	if turn := e.next(""); shown(turn) != "metrics-01" || turn.NewLeft != 1 {
		t.Errorf("after one new card, Next = %s with %d new left; want metrics-01 and 1", shown(turn), turn.NewLeft)
	}
	e.rate("metrics-01", fsrs.Easy)
	// The cap is reached and the learning card is not due for ten minutes.
	turn = e.next("")
	if turn.Card != nil || turn.NewLeft != 0 || !turn.NextDue.Equal(start.Add(10*time.Minute)) {
		t.Errorf("with the cap reached, Next = %s, %d new left, next due %v; want nothing until %v", shown(turn), turn.NewLeft, turn.NextDue, start.Add(10*time.Minute))
	}
	e.now = start.Add(10 * time.Minute)
	if turn := e.next(""); shown(turn) != "metrics-00" || turn.New || turn.Due != 1 || turn.State != "learning" || turn.Reps != 1 {
		t.Errorf("ten minutes later, Next = %s %+v; want metrics-00 due in learning", shown(turn), turn)
	}
	// The next day the allowance is back, and a topic limits the queue.
	e.now = start.Add(24 * time.Hour)
	e.rate("metrics-00", fsrs.Good)
	if turn := e.next("regularization"); shown(turn) != "reg-1" || turn.NewLeft != 2 {
		t.Errorf("Next(regularization) = %s, %d new left; want reg-1, 2", shown(turn), turn.NewLeft)
	}
	if _, err := e.d.Next(e.ctx, e.user, "nope"); errs.CodeOf(err) != errs.NotFound {
		t.Errorf("Next(unknown topic) = %v, want not found", err)
	}
}

func TestNextUserCardsAfterBank(t *testing.T) {
	e := newEnv(t, testCards(1))
	if err := e.d.SaveCard(e.ctx, e.user, card("user-1", "metrics", drill.RoundTheory)); err != nil {
		t.Fatal(err)
	}
	if err := e.d.SaveCard(e.ctx, e.user, card("metrics-00", "metrics", drill.RoundTheory)); errs.CodeOf(err) != errs.Conflict {
		t.Errorf("SaveCard(bank id) = %v, want conflict", err)
	}
	var order []string
	for range 6 {
		turn := e.next("")
		if turn.Card == nil {
			break
		}
		order = append(order, turn.Card.ID)
		e.rate(turn.Card.ID, fsrs.Easy)
	}
	if want := "metrics-00 reg-1 reg-2 clu-1 sd-1 user-1"; strings.Join(order, " ") != want {
		t.Errorf("new cards came in order %v, want %s", order, want)
	}
}

func TestNextDueOrder(t *testing.T) {
	e := newEnv(t, testCards(3))
	// Three review cards with different intervals: Easy gives the longest.
	for _, c := range []struct {
		id string
		g  fsrs.Rating
	}{{"metrics-00", fsrs.Easy}, {"metrics-01", fsrs.Easy}, {"metrics-02", fsrs.Easy}} {
		e.rate(c.id, c.g)
	}
	e.now = start.Add(time.Hour)
	e.rate("metrics-01", fsrs.Again) // relearning, due in ten minutes
	e.set(drill.SettingNewPerDay, "0")
	ps, _ := e.db.AllProgress(e.ctx, e.user)
	latest := start
	for _, p := range ps {
		if p.Due.After(latest) {
			latest = p.Due
		}
	}
	e.now = latest.Add(24 * time.Hour)
	var order []string
	for range 4 {
		turn := e.next("")
		if turn.Card == nil {
			break
		}
		if len(order) == 0 && turn.Due != 3 {
			t.Errorf("Due = %d, want 3", turn.Due)
		}
		order = append(order, turn.Card.ID)
		e.rate(turn.Card.ID, fsrs.Good)
	}
	// metrics-01 fell due first (ten minutes after its lapse); the other two
	// graduated together with Easy and fall due in id order or fuzz order.
	if len(order) != 3 || order[0] != "metrics-01" {
		t.Errorf("due order = %v, want metrics-01 first, then the other two", order)
	}
	prev := map[string]time.Time{}
	for _, p := range ps {
		prev[p.CardID] = p.Due
	}
	if len(order) == 3 && prev[order[1]].After(prev[order[2]]) {
		t.Errorf("due order %v is not most overdue first: %v", order, prev)
	}
}

func TestRate(t *testing.T) {
	e := newEnv(t, testCards(1))
	l := e.rate("metrics-00", fsrs.Good)
	if l.ID == 0 || l.StateBefore != "new" || l.StateAfter != "learning" || l.DurationMS != 3000 || !l.At.Equal(start) || !l.Due.Equal(start.Add(10*time.Minute)) {
		t.Errorf("Rate = %+v", l)
	}
	tests := []struct {
		name   string
		id     string
		rating fsrs.Rating
		reps   int
		want   errs.Code
	}{
		{"stale", "metrics-00", fsrs.Good, 0, errs.Conflict},
		{"ahead", "metrics-00", fsrs.Good, 5, errs.Conflict},
		{"rating 0", "metrics-00", 0, 1, errs.Invalid},
		{"rating 5", "metrics-00", 5, 1, errs.Invalid},
		{"unknown card", "nope", fsrs.Good, 0, errs.NotFound},
	}
	for _, tt := range tests {
		_, err := e.d.Rate(e.ctx, e.user, tt.id, tt.rating, tt.reps, 0)
		if errs.CodeOf(err) != tt.want {
			t.Errorf("%s: Rate = %v, want %s", tt.name, err, tt.want)
		}
	}
	if rs, _ := e.db.Reviews(e.ctx, e.user, time.Time{}); len(rs) != 1 {
		t.Errorf("refused ratings wrote reviews: %d, want 1", len(rs))
	}
	e.set(drill.SettingRetention, "1.5")
	if _, err := e.d.Rate(e.ctx, e.user, "metrics-00", fsrs.Good, 1, 0); errs.CodeOf(err) != errs.Invalid || !strings.Contains(err.Error(), "retention") {
		t.Errorf("Rate with a bad retention setting = %v, want invalid naming it", err)
	}
}

func TestFormatInterval(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "1m"}, {time.Minute, "1m"}, {330 * time.Second, "6m"}, {10 * time.Minute, "10m"}, {5 * time.Hour, "5h"},
		{24 * time.Hour, "1d"}, {2 * 24 * time.Hour, "2d"}, {29 * 24 * time.Hour, "29d"}, {91 * 24 * time.Hour, "3mo"},
		{45 * 24 * time.Hour, "1.5mo"}, {365 * 24 * time.Hour, "1y"}, {548 * 24 * time.Hour, "1.5y"},
	}
	for _, tt := range tests {
		if got := drill.FormatInterval(tt.d); got != tt.want {
			t.Errorf("FormatInterval(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestStats(t *testing.T) {
	e := newEnv(t, testCards(4))
	e.set(drill.SettingNewPerDay, "100")
	// Day 0: four cards learnt. Later, each is reviewed when due: three pass,
	// one lapses.
	for _, id := range []string{"metrics-00", "metrics-01", "metrics-02", "metrics-03"} {
		e.now = start
		e.graduate(id)
	}
	e.now = start.AddDate(0, 0, 3)
	e.rate("metrics-00", fsrs.Good)
	e.rate("metrics-01", fsrs.Hard)
	e.rate("metrics-02", fsrs.Easy)
	e.rate("metrics-03", fsrs.Again)
	e.now = start.AddDate(0, 0, 4)
	s, err := e.d.Stats(e.ctx, e.user, 7)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Days) != 7 || !s.From.Equal(time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("Stats window: %d days from %v", len(s.Days), s.From)
	}
	day := func(d time.Time) drill.DayReviews {
		for _, x := range s.Days {
			if x.Day.Equal(d) {
				return x
			}
		}
		return drill.DayReviews{}
	}
	if d0 := day(time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)); d0.Reviews != 8 || d0.New != 4 || d0.Again != 0 {
		t.Errorf("day 0 = %+v, want 8 reviews, 4 new", d0)
	}
	if d3 := day(time.Date(2026, 3, 13, 0, 0, 0, 0, time.UTC)); d3.Reviews != 4 || d3.Again != 1 {
		t.Errorf("day 3 = %+v, want 4 reviews, 1 again", d3)
	}
	if s.Reviews != 12 || s.RetentionOf != 4 || s.Retention != 0.75 {
		t.Errorf("reviews %d, retention %v over %d; want 12, 0.75 over 4", s.Reviews, s.Retention, s.RetentionOf)
	}
	if s.Studied != 4 || s.Cards != 8 || s.AverageSecs != 3 {
		t.Errorf("studied %d of %d, average %vs; want 4 of 8, 3s", s.Studied, s.Cards, s.AverageSecs)
	}
	if len(s.Forecast) != drill.ForecastDays {
		t.Fatalf("forecast of %d days", len(s.Forecast))
	}
	n := 0
	for _, f := range s.Forecast {
		n += f.Due
	}
	if n != 4 || s.Forecast[0].Due < 1 { // the lapsed card is due today
		t.Errorf("forecast %+v: %d due in 30 days, want 4 with the lapsed one today", s.Forecast[:5], n)
	}
	var metrics drill.TopicRecall
	for _, tr := range s.Topics {
		if tr.Topic == "metrics" {
			metrics = tr
		}
	}
	if metrics.Cards != 4 || metrics.Reviewed != 4 || metrics.NotStudied != 0 || !(metrics.Recall > 0.5 && metrics.Recall < 1) {
		t.Errorf("metrics recall = %+v", metrics)
	}
	if len(s.Topics) != 4 {
		t.Errorf("topics = %+v, want the four of the bank", s.Topics)
	}
}

// planOf returns the plan and the planned day of each card, in days from today.
func (e *env) plan(ivs ...drill.Interview) (*drill.Plan, map[string]int) {
	e.t.Helper()
	p, err := e.d.Plan(e.ctx, e.user, ivs)
	if err != nil {
		e.t.Fatal(err)
	}
	days := map[string]int{}
	for _, c := range e.d.Bank.Cards() {
		if day, ok := p.PlannedDay(c.ID); ok {
			days[c.ID] = int(day.Sub(p.Today).Hours() / 24)
		}
	}
	return p, days
}

func interview(at time.Time, rounds ...string) drill.Interview {
	return drill.Interview{ID: 1, Company: "Acme", At: at, Rounds: rounds}
}

func TestPlan(t *testing.T) {
	e := newEnv(t, testCards(6))
	e.set(drill.SettingNewPerDay, "100")
	for i := range 5 {
		e.now = start
		e.graduate(fmt.Sprintf("metrics-%02d", i))
	}
	// The plans are made the next morning: the cards were last reviewed
	// yesterday, with a stability of about 2.3 days.
	e.now = start.Add(20 * time.Hour)
	today := time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC)

	t.Run("below target gets a day before the interview", func(t *testing.T) {
		at := today.AddDate(0, 0, 10).Add(14 * time.Hour)
		iv := interview(at, "ml_theory")
		p, days := e.plan(iv)
		ip := p.Interviews[0]
		if ip.Reviewed != 5 || ip.NotStudied != 4 || ip.Cards != 9 || ip.BelowTarget != 5 {
			t.Errorf("interview plan: %d reviewed, %d new, %d cards, %d below target; want 5, 4, 9, 5", ip.Reviewed, ip.NotStudied, ip.Cards, ip.BelowTarget)
		}
		if !(ip.RecallAt < 0.9 && ip.Recall > ip.RecallAt && ip.ReadyAt < ip.RecallAt) {
			t.Errorf("recall now %v, on the day %v, ready %v", ip.Recall, ip.RecallAt, ip.ReadyAt)
		}
		if len(days) != 5 {
			t.Fatalf("planned days = %v, want the five reviewed cards", days)
		}
		for id, d := range days {
			if d < 0 || d >= 10 {
				t.Errorf("card %s planned on day %d, want within [0, 10)", id, d)
			}
		}
		// Nothing is planned for today, so Next serves no review early.
		e.ivs = []drill.Interview{iv}
		defer func() { e.ivs = nil }()
		if turn := e.next("metrics"); turn.Planned || !turn.New || turn.Due != 0 {
			t.Errorf("Next = %s %+v, want a new card and nothing due", shown(turn), turn)
		}
		var tr drill.TopicRecall
		for _, x := range ip.Topics {
			if x.Topic == "metrics" {
				tr = x
			}
		}
		if tr.Reviewed != 5 || tr.NotStudied != 1 || tr.BelowTarget != 5 || tr.Title != "Metrics" {
			t.Errorf("metrics topic = %+v", tr)
		}
		for _, x := range ip.Topics {
			if x.Topic == "ml-system-design" {
				t.Errorf("a theory round needs system-design cards: %+v", x)
			}
		}
	})

	t.Run("the cap spreads reviews", func(t *testing.T) {
		e.set(drill.SettingDailyCap, "2")
		p, days := e.plan(interview(today.AddDate(0, 0, 5).Add(9*time.Hour), "ml_theory"))
		perDay := map[int]int{}
		for _, d := range days {
			perDay[d]++
		}
		if want := map[int]int{4: 2, 3: 2, 2: 1}; fmt.Sprint(perDay) != fmt.Sprint(want) {
			t.Errorf("reviews a day = %v, want %v", perDay, want)
		}
		if ip := p.Interviews[0]; ip.Unplanned != 0 || len(ip.Days) != 3 {
			t.Errorf("unplanned %d, days %+v", ip.Unplanned, ip.Days)
		}
	})

	t.Run("never before today", func(t *testing.T) {
		e.set(drill.SettingDailyCap, "1")
		p, days := e.plan(interview(today.AddDate(0, 0, 2).Add(9*time.Hour), "ml_theory"))
		perDay := map[int]int{}
		for _, d := range days {
			perDay[d]++
		}
		if want := map[int]int{1: 1, 0: 1}; fmt.Sprint(perDay) != fmt.Sprint(want) {
			t.Errorf("reviews a day = %v, want %v", perDay, want)
		}
		if ip := p.Interviews[0]; ip.Unplanned != 3 {
			t.Errorf("unplanned = %d, want 3", ip.Unplanned)
		}
	})

	t.Run("an interview tomorrow plans for today and Next serves it", func(t *testing.T) {
		e.set(drill.SettingDailyCap, "60")
		e.set(drill.SettingTarget, "0.95") // recall tomorrow would be about 0.91
		iv := interview(today.AddDate(0, 0, 1).Add(9*time.Hour), "phone_screen", "ml_theory")
		p, days := e.plan(iv)
		if len(days) != 5 {
			t.Fatalf("planned = %v, want 5 cards", days)
		}
		for id, d := range days {
			if d != 0 {
				t.Errorf("card %s planned on day %d, want today", id, d)
			}
		}
		if !p.Today.Equal(today) {
			t.Errorf("plan's today = %v", p.Today)
		}
		e.ivs = []drill.Interview{iv}
		defer func() { e.ivs = nil }()
		turn := e.next("")
		if turn.Card == nil || !turn.Planned || turn.Due != 5 || !strings.HasPrefix(turn.Card.ID, "metrics-") {
			t.Fatalf("Next with an interview tomorrow = %s %+v; want a planned metrics card, 5 due", shown(turn), turn)
		}
		e.rate(turn.Card.ID, fsrs.Good)
		if turn2 := e.next(""); turn2.Card == nil || turn2.Card.ID == turn.Card.ID || turn2.Due != 4 {
			t.Errorf("after rating it, Next = %s with %d due; want another planned card and 4 due", shown(turn2), turn2.Due)
		}
		// A card reviewed today is not planned for today again.
		s, _ := e.d.Stats(e.ctx, e.user, 7)
		if s.Forecast[0].Planned != 4 {
			t.Errorf("forecast today plans %d extra reviews, want 4", s.Forecast[0].Planned)
		}
	})

	t.Run("past interviews and rounds without cards", func(t *testing.T) {
		p, days := e.plan(interview(start.AddDate(0, 0, -3), "ml_theory"), interview(start.AddDate(0, 0, 3), "coding"))
		if len(days) != 0 || len(p.Interviews) != 1 || p.Interviews[0].Cards != 0 {
			t.Errorf("plan = %+v, days %v; want one empty interview", p, days)
		}
	})
}

func TestNeedOf(t *testing.T) {
	tests := []struct {
		round string
		card  drill.Card
		want  bool
	}{
		{"ml_theory", card("x", "clustering", drill.RoundPhoneScreen), true},
		{"ml_theory", card("x", "mlops", drill.RoundTheory), false},
		{"phone_screen", card("x", "clustering", drill.RoundPhoneScreen), true},
		{"phone_screen", card("x", "metrics", drill.RoundTheory), true},
		{"phone_screen", card("x", "clustering", drill.RoundTheory), false},
		{"ml_system_design", card("x", "mlops", drill.RoundTheory), true},
		{"ml_system_design", card("x", "metrics", drill.RoundSystemDesign), true},
		{"ml_system_design", card("x", "metrics", drill.RoundTheory), false},
		{"behavioral", card("x", "stories", drill.RoundBehavioral), true},
		{"coding", card("x", "metrics", drill.RoundTheory), false},
	}
	for _, tt := range tests {
		n := drill.NeedOf(tt.round)
		if got := n.Has(&tt.card); got != tt.want {
			t.Errorf("NeedOf(%s).Has(%s/%s) = %v, want %v", tt.round, tt.card.Topic, tt.card.Round, got, tt.want)
		}
	}
}

// TestNextImportedCardsInFileOrder: the new cards of an imported deck come in
// the file's order, not in the order of their ids (generated ids are hashes,
// which would shuffle a deck written from basics to harder questions).
func TestNextImportedCardsInFileOrder(t *testing.T) {
	e := newEnv(t, testCards(1))
	deck := []drill.Card{card("z-basics", "mine", drill.RoundTheory), card("a-middle", "mine", drill.RoundTheory), card("m-hard", "mine", drill.RoundTheory)}
	if err := e.db.ImportUserCards(e.ctx, e.user, deck); err != nil {
		t.Fatal(err)
	}
	var order []string
	for range 4 {
		turn := e.next("mine")
		if turn.Card == nil {
			break
		}
		order = append(order, turn.Card.ID)
		e.rate(turn.Card.ID, fsrs.Easy)
	}
	if want := "z-basics a-middle m-hard"; strings.Join(order, " ") != want {
		t.Errorf("imported cards came in order %v, want %s", order, want)
	}
}

// TestPlanReviewedTodayBeforeTomorrow: a card lapsed today, with the
// interview tomorrow, falls below the target and has no day left for an extra
// review; the plan must count it as unplanned rather than drop it silently
// (the panel then claimed no extra review was needed).
func TestPlanReviewedTodayBeforeTomorrow(t *testing.T) {
	e := newEnv(t, testCards(2))
	e.graduate("metrics-00")
	e.graduate("metrics-01")
	e.now = start.Add(20 * time.Hour) // the next morning
	e.rate("metrics-00", fsrs.Again)  // a lapse today
	today := time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC)
	p, days := e.plan(interview(today.AddDate(0, 0, 1).Add(9*time.Hour), "ml_theory"))
	ip := p.Interviews[0]
	if _, ok := days["metrics-00"]; ok {
		t.Fatalf("a card reviewed today is planned again: %v", days)
	}
	if ip.BelowTarget == 0 {
		t.Fatalf("the lapsed card is not below the target: %+v", ip)
	}
	if planned := len(days); ip.Unplanned+planned != ip.BelowTarget {
		t.Errorf("%d below target, %d planned, %d unplanned: every card below the target is planned or unplanned", ip.BelowTarget, planned, ip.Unplanned)
	}
}
