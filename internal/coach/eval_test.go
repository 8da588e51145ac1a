package coach

// The offline evaluation: the coach against a naive planner on generated
// user histories, measured on the interview days.
//
//	go test -run Eval -v ./internal/coach

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/fsrs"
	"github.com/offerloop/offerloop/internal/judge"
)

const (
	evalHistories = 40
	evalSecs      = 20.0 // seconds a review takes, for both planners
)

// history is one generated user.
type history struct {
	seed     uint64
	start    time.Time // 08:00 on the first simulated day
	cards    []Card    // deck order: bank cards first, then the user's own
	weak     map[string]bool
	reviews  []Review // the log before the start
	ivs      []Interview
	apps     []Application
	problems []Problem
	cats     []Category
	prompts  []Prompt
	minutes  []int // the daily budget, by day
	bank     *drill.Bank
}

var evalRounds = [][]string{
	{"phone_screen"},
	{"phone_screen", "ml_coding"},
	{"ml_theory", "ml_coding"},
	{"ml_theory", "behavioral"},
	{"ml_system_design", "behavioral"},
	{"ml_theory", "ml_system_design", "behavioral"},
	{"ml_theory", "ml_system_design", "ml_coding", "behavioral"},
}

var evalKinds = []string{"big-tech", "mid-size", "startup", "research-lab"}

func generate(t testing.TB, seed uint64, bank *drill.Bank, probs []*judge.Problem) *history {
	rng := rand.New(rand.NewPCG(seed, 0x0ff3e100))
	h := &history{seed: seed, start: time.Date(2026, 11, 25, 8, 0, 0, 0, london), weak: map[string]bool{}, bank: bank}
	topics := bank.Topics()
	// Two or three weak topics.
	for _, i := range rng.Perm(len(topics))[:2+rng.IntN(2)] {
		h.weak[topics[i].Key] = true
	}
	// The bank's cards and 50–350 of the user's own over the bank's topics.
	type proto struct{ id, topic, round string }
	var protos []proto
	for _, c := range bank.Cards() {
		protos = append(protos, proto{c.ID, c.Topic, string(c.Round)})
	}
	for i := range 50 + rng.IntN(300) {
		tp := topics[rng.IntN(len(topics))].Key
		round := "ml_theory"
		switch {
		case tp == "ml-system-design" || tp == "mlops":
			round = "ml_system_design"
		case rng.Float64() < 0.3:
			round = "phone_screen"
		}
		protos = append(protos, proto{fmt.Sprintf("u%d-%s", i, tp), tp, round})
	}
	titles := map[string]string{}
	for _, tp := range topics {
		titles[tp.Key] = tp.Title
	}
	p := fsrs.DefaultParameters
	for _, pr := range protos {
		c := Card{ID: pr.id, Topic: pr.topic, TopicTitle: titles[pr.topic], Round: pr.round, New: true}
		weak := h.weak[pr.topic]
		reviewedP := 0.6
		if weak {
			reviewedP = 0.75
		}
		if rng.Float64() < reviewedP {
			c.New = false
			var ago int
			if weak {
				// Low stability, hard, and failed lately.
				c.Stability = 0.3 + 2.2*rng.Float64()
				c.Difficulty = 6.5 + 2.5*rng.Float64()
				ago = 1 + rng.IntN(7)
			} else {
				c.Stability = math.Exp(math.Log(3) + (math.Log(80)-math.Log(3))*rng.Float64())
				c.Difficulty = 3 + 4*rng.Float64()
				ago = 1 + rng.IntN(40)
			}
			c.LastReview = h.start.AddDate(0, 0, -ago).Add(time.Duration(rng.IntN(600)) * time.Minute)
			c.Due = c.LastReview.Add(time.Duration(max(1, math.Round(p.IntervalDays(c.Stability, 0.9)))*24) * time.Hour)
			if ago <= 6 {
				againP := 0.08
				if weak {
					againP = 0.6
				}
				r := fsrs.Good
				if rng.Float64() < againP {
					r = fsrs.Again
				}
				h.reviews = append(h.reviews, Review{Topic: c.Topic, Rating: r, At: c.LastReview})
			}
		}
		h.cards = append(h.cards, c)
	}
	// One to three applications with an interview 4–14 days ahead.
	catNames := []string{"Conflict", "Failure", "Leadership", "Ambiguity", "Impact", "Teamwork"}
	needBy := map[string][]int64{}
	for i := range 1 + rng.IntN(3) {
		id := int64(i + 1)
		kind := evalKinds[rng.IntN(len(evalKinds))]
		rounds := evalRounds[rng.IntN(len(evalRounds))]
		company := fmt.Sprintf("Co%d", id)
		at := time.Date(2026, 11, 25+4+rng.IntN(11), 10+rng.IntN(7), 0, 0, 0, london)
		h.ivs = append(h.ivs, Interview{ID: 100 + id, ApplicationID: id, Company: company, CompanyKind: kind, Kind: rounds[0], At: at, Rounds: rounds})
		h.apps = append(h.apps, Application{ID: id, Company: company, Kind: kind, Active: true, Stage: "interviewing", Interviews: 1, AppliedDays: 20})
		if slices.Contains(rounds, "behavioral") {
			for _, j := range rng.Perm(len(catNames))[:3] {
				needBy[catNames[j]] = append(needBy[catNames[j]], 100+id)
			}
		}
	}
	slices.SortFunc(h.ivs, func(a, b Interview) int { return a.At.Compare(b.At) })
	for _, n := range catNames {
		h.cats = append(h.cats, Category{Name: n, Key: strings.ToLower(n), Status: "missing", NeededBy: needBy[n]})
	}
	for _, pr := range probs {
		pb := Problem{ID: pr.ID, Title: pr.Title, Topic: pr.Topic, Difficulty: pr.Difficulty}
		switch x := rng.Float64(); {
		case x < 0.2:
			pb.Attempts, pb.Solved, pb.LastVerdict, pb.Last = 1+rng.IntN(2), true, "accepted", h.start.AddDate(0, 0, -5)
		case x < 0.4:
			pb.Attempts, pb.LastVerdict, pb.Last = 1+rng.IntN(3), "wrong_answer", h.start.AddDate(0, 0, -2)
		}
		h.problems = append(h.problems, pb)
	}
	h.prompts = []Prompt{{ID: "feed", Title: "Feed ranking"}, {ID: "fraud", Title: "Fraud detection"}, {ID: "search", Title: "Search"}}
	last := h.ivs[len(h.ivs)-1]
	for range calendarDays(h.start, last.At) + 1 {
		h.minutes = append(h.minutes, budgetLo+rng.IntN(budgetHi-budgetLo+1))
	}
	return h
}

func calendarDays(from, to time.Time) int {
	f, t := from.In(london), to.In(london)
	fd := time.Date(f.Year(), f.Month(), f.Day(), 12, 0, 0, 0, time.UTC)
	td := time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, time.UTC)
	return int(math.Round(td.Sub(fd).Hours() / 24))
}

// world is one planner's run through a history: the true state of the
// user's memory and work.
type world struct {
	h        *history
	rng      *rand.Rand
	p        fsrs.Parameters
	cards    []Card
	byID     map[string]int
	touched  map[string]bool // cards reviewed during the run
	reviews  []Review
	problems []Problem
	cats     []Category
	design   []DesignSession
	marks    []Mark
	reviewed int
	cardSecs float64        // seconds spent on cards
	newOn    map[string]int // new cards started, by day
	bank     *drill.Bank
	bankIDs  map[string]bool
}

func newWorld(h *history) *world {
	w := &world{h: h, rng: rand.New(rand.NewPCG(h.seed, 0x5eed)), p: fsrs.DefaultParameters,
		cards: slices.Clone(h.cards), byID: map[string]int{}, touched: map[string]bool{},
		reviews: slices.Clone(h.reviews), problems: slices.Clone(h.problems), cats: slices.Clone(h.cats)}
	w.bank, w.bankIDs = h.bank, map[string]bool{}
	if h.bank != nil {
		for _, c := range h.bank.Cards() {
			w.bankIDs[c.ID] = true
		}
	}
	for i, c := range w.cards {
		w.byID[c.ID] = i
		if !c.New {
			w.reviewed++
		}
	}
	for i := range w.cats {
		w.cats[i].NeededBy = slices.Clone(w.cats[i].NeededBy)
	}
	return w
}

func (w *world) input(now time.Time, minutes int) *Input {
	in := &Input{Now: now, Loc: london, Minutes: minutes, Params: w.p, ReviewSecs: evalSecs,
		Applications: w.h.apps, Cards: w.servedCards(now), Reviewed: w.reviewed, Served: true,
		Problems: slices.Clone(w.problems), Categories: slices.Clone(w.cats), Design: slices.Clone(w.design),
		Prompts: w.h.prompts, Marks: w.marks, NewLeft: w.newLeft(now),
		On: Sources{Drill: true, Judge: true, Practice: true}}
	for _, iv := range w.h.ivs {
		if !iv.At.Before(now) {
			in.Interviews = append(in.Interviews, iv)
		}
	}
	weekAgo := now.AddDate(0, 0, -7)
	for _, r := range w.reviews {
		if r.At.After(weekAgo) {
			in.Reviews = append(in.Reviews, r)
		}
	}
	return in
}

// review is one simulated review at now: the user recalls the card with its
// true retrievability. A new card is learnt in passes: known at once
// sometimes, else failed and then passed on a same-day step.
func (w *world) review(id string, now time.Time) {
	c := &w.cards[w.byID[id]]
	w.touched[id] = true
	var m fsrs.Memory
	rating := fsrs.Good
	if c.New {
		if w.newOn == nil {
			w.newOn = map[string]int{}
		}
		w.newOn[now.In(london).Format("2006-01-02")]++
		know := 0.35
		if w.h.weak[c.Topic] {
			know = 0.15
		}
		if w.rng.Float64() < know {
			m = w.p.Next(nil, fsrs.Good, 0)
		} else {
			rating = fsrs.Again
			m = w.p.Next(nil, fsrs.Again, 0)
			m = w.p.Next(&m, fsrs.Good, 0)
		}
	} else {
		elapsed := max(0, calendarDays(c.LastReview, now))
		r := w.p.Retrievability(float64(elapsed), c.Stability)
		if w.rng.Float64() >= r {
			rating = fsrs.Again
		}
		m = w.p.Next(&fsrs.Memory{Stability: c.Stability, Difficulty: c.Difficulty}, rating, elapsed)
	}
	c.New, c.Stability, c.Difficulty, c.LastReview = false, m.Stability, m.Difficulty, now
	c.Due = now.Add(time.Duration(max(1, math.Round(w.p.IntervalDays(m.Stability, 0.9)))*24) * time.Hour)
	w.reviews = append(w.reviews, Review{Topic: c.Topic, Rating: rating, At: now})
	w.reviewed++
}

// do carries out a non-card item: its effect on the user's record.
func (w *world) do(it Item, now time.Time) {
	kind, rest, _ := strings.Cut(it.Key, ":")
	switch kind {
	case "problem":
		i := slices.IndexFunc(w.problems, func(p Problem) bool { return p.ID == rest })
		if i >= 0 {
			p := &w.problems[i]
			p.Attempts++
			p.Last = now
			p.LastVerdict = "wrong_answer"
			if w.rng.Float64() < 0.6 {
				p.Solved, p.LastVerdict = true, "accepted"
			}
		}
	case "story":
		i := slices.IndexFunc(w.cats, func(c Category) bool { return c.Key == rest })
		if i >= 0 {
			c := &w.cats[i]
			c.Stories++
			c.Status = "thin"
			if c.Stories >= 2 {
				c.Status = "ok"
			}
		}
	case "design":
		w.design = append(w.design, DesignSession{PromptID: rest, At: now, Percent: 40 + w.rng.IntN(45)})
	}
	w.marks = append(w.marks, Mark{Key: it.Key, Day: now.In(london).Format("2006-01-02"), Status: "done"})
}

// runCoach follows the coach's plan each day and returns the seconds it
// spent on cards.
func (w *world) runCoach(now time.Time, minutes int) float64 {
	before := w.cardSecs
	p := Build(w.input(now, minutes))
	clock := now
	for _, it := range p.Items {
		if it.Kind == "review" || it.Kind == "learn" {
			for _, id := range it.cards {
				w.review(id, clock)
			}
			w.cardSecs += float64(it.Minutes * 60)
			w.marks = append(w.marks, Mark{Key: it.Key, Day: now.In(london).Format("2006-01-02"), Status: "done"})
		} else {
			w.do(it, clock)
		}
		clock = clock.Add(time.Duration(it.Minutes) * time.Minute)
	}
	return w.cardSecs - before
}

// runNaive is "due cards first, then anything": due cards most overdue
// first, then new cards in deck order, then the coach's other candidates in
// key order, until the minutes run out.
func (w *world) runNaive(now time.Time, minutes int) {
	w.runNaiveSecs(now, float64(minutes*60), true)
}

// runNaiveSecs is the naive plan with secs seconds; without others it does
// cards only.
func (w *world) runNaiveSecs(now time.Time, secs float64, others bool) {
	left := secs
	var due []int
	// What the drill page shows as due: due cards and those its interview
	// plan brought forward to today.
	for i, c := range w.servedCards(now) {
		if !c.New && (!c.Due.After(now) || c.Planned) {
			due = append(due, i)
		}
	}
	slices.SortStableFunc(due, func(a, b int) int { return w.cards[a].Due.Compare(w.cards[b].Due) })
	for _, i := range due {
		if left < evalSecs {
			return
		}
		w.review(w.cards[i].ID, now)
		left -= evalSecs
		w.cardSecs += evalSecs
	}
	allowed := *w.newLeft(now)
	for i := range w.cards {
		if !w.cards[i].New || allowed <= 0 {
			continue
		}
		if left < 3*evalSecs {
			return
		}
		allowed--
		w.review(w.cards[i].ID, now)
		left -= 3 * evalSecs
		w.cardSecs += 3 * evalSecs
	}
	if !others {
		return
	}
	in := w.input(now, 24*60)
	rest := slices.DeleteFunc(candidates(in), func(it Item) bool { return it.Kind == "review" || it.Kind == "learn" })
	slices.SortStableFunc(rest, func(a, b Item) int { return cmp.Compare(a.Key, b.Key) })
	for _, it := range rest {
		if float64(it.Minutes*60) <= left {
			w.do(it, now)
			left -= float64(it.Minutes * 60)
		}
	}
}

type ivScore struct {
	recall    float64 // mean recall on the day over the cards its rounds need
	coverage  float64 // share of the weak-topic cards it needs reviewed during the run
	weakR     float64 // their mean recall on the day
	weakCards int
}

// score measures the interview at the start of its day.
func (w *world) score(iv Interview) ivScore {
	day := iv.At.In(london)
	var needs []drill.Need
	for _, r := range iv.Rounds {
		needs = append(needs, drill.NeedOf(r))
	}
	var s ivScore
	n := 0
	for _, c := range w.cards {
		dc := drill.Card{Topic: c.Topic, Round: drill.Round(c.Round)}
		if !slices.ContainsFunc(needs, func(nd drill.Need) bool { return nd.Has(&dc) }) {
			continue
		}
		r := 0.0
		if !c.New {
			r = w.p.Retrievability(float64(max(0, calendarDays(c.LastReview, day))), c.Stability)
		}
		s.recall += r
		n++
		if w.h.weak[c.Topic] {
			s.weakCards++
			s.weakR += r
			if w.touched[c.ID] {
				s.coverage++
			}
		}
	}
	s.recall /= float64(max(n, 1))
	if s.weakCards > 0 {
		s.coverage /= float64(s.weakCards)
		s.weakR /= float64(s.weakCards)
	}
	return s
}

type runResult struct {
	recall, coverage, weakR float64
	hasWeak                 bool
	cardShare               float64 // share of the minutes spent on cards
}

// The planners simulate compares.
const (
	planCoach = iota
	planNaive
	planNaiveSameCardTime // the naive order of cards, in the minutes the coach gave cards that day
)

// simulate runs a planner through the history; cardSecs, for
// planNaiveSameCardTime, is the coach's seconds on cards by day, and the
// coach's run fills it.
func simulate(h *history, planner int, cardSecs []float64) runResult {
	w := newWorld(h)
	var scores []ivScore
	total := 0
	next := 0
	for d, minutes := range h.minutes {
		now := h.start.AddDate(0, 0, d)
		// Interviews on this day are measured before its work.
		for next < len(h.ivs) && calendarDays(now, h.ivs[next].At) <= 0 {
			scores = append(scores, w.score(h.ivs[next]))
			next++
		}
		if next == len(h.ivs) {
			break
		}
		total += minutes
		switch planner {
		case planCoach:
			cardSecs[d] = w.runCoach(now, minutes)
		case planNaive:
			w.runNaive(now, minutes)
		case planNaiveSameCardTime:
			w.runNaiveSecs(now, cardSecs[d], false)
		}
	}
	var res runResult
	nw := 0
	for _, s := range scores {
		res.recall += s.recall
		if s.weakCards > 0 {
			res.coverage += s.coverage
			res.weakR += s.weakR
			nw++
		}
	}
	res.recall /= float64(len(scores))
	if nw > 0 {
		res.hasWeak = true
		res.coverage /= float64(nw)
		res.weakR /= float64(nw)
	}
	res.cardShare = w.cardSecs / float64(60*max(total, 1))
	return res
}

// The daily budget of the generated histories, in minutes.
var budgetLo, budgetHi = 45, 60

// TestEval runs the evaluation twice: with a comfortable 45–60 minutes a
// day, where both planners can review most of the deck, and with a busy
// 20–30 minutes, where choosing what to review matters most.
func TestEval(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation")
	}
	for _, b := range [][2]int{{45, 60}, {20, 30}} {
		t.Run(fmt.Sprintf("%d-%dmin", b[0], b[1]), func(t *testing.T) {
			budgetLo, budgetHi = b[0], b[1]
			defer func() { budgetLo, budgetHi = 45, 60 }()
			runEval(t)
		})
	}
}

func runEval(t *testing.T) {
	bank, err := drill.LoadBank()
	if err != nil {
		t.Fatal(err)
	}
	probs, err := judge.Problems()
	if err != nil {
		t.Fatal(err)
	}
	type agg struct {
		coach, naive, wins, n float64
	}
	var recall, coverage, weakR, share, recallEq, coverageEq agg
	add := func(a *agg, c, n float64) {
		a.coach += c
		a.naive += n
		a.n++
		if c > n+1e-9 {
			a.wins++
		} else if math.Abs(c-n) <= 1e-9 {
			a.wins += 0.5
		}
	}
	cards, ivs := 0, 0
	for i := range evalHistories {
		h := generate(t, uint64(1000+i), bank, probs)
		cards += len(h.cards)
		ivs += len(h.ivs)
		secs := make([]float64, len(h.minutes))
		c, n := simulate(h, planCoach, secs), simulate(h, planNaive, nil)
		eq := simulate(h, planNaiveSameCardTime, secs)
		add(&recall, c.recall, n.recall)
		add(&share, c.cardShare, n.cardShare)
		add(&recallEq, c.recall, eq.recall)
		if c.hasWeak {
			add(&coverage, c.coverage, n.coverage)
			add(&weakR, c.weakR, n.weakR)
			add(&coverageEq, c.coverage, eq.coverage)
		}
	}
	t.Logf("%d histories, %.0f cards and %.1f interviews each on average, %d–%d minutes a day, %.0f s a review",
		evalHistories, float64(cards)/evalHistories, float64(ivs)/evalHistories, budgetLo, budgetHi, evalSecs)
	t.Logf("%-40s %8s %8s %9s", "metric (mean over histories)", "coach", "naive", "coach wins")
	row := func(name string, a agg) {
		t.Logf("%-40s %8.3f %8.3f %6.0f/%-3.0f", name, a.coach/a.n, a.naive/a.n, a.wins, a.n)
	}
	row("recall on the day, cards its rounds need", recall)
	row("weak-topic cards reviewed (coverage)", coverage)
	row("weak-topic recall on the day", weakR)
	row("share of minutes on cards", share)
	t.Logf("diagnostic: the naive order of cards given only the minutes the coach gave cards each day")
	row("recall on the day (same card minutes)", recallEq)
	row("weak-topic coverage (same card minutes)", coverageEq)
	if !(recall.coach > recall.naive) {
		t.Errorf("the coach's mean recall on the day %.3f is not above the naive plan's %.3f", recall.coach/recall.n, recall.naive/recall.n)
	}
	if !(coverage.coach > coverage.naive) {
		t.Errorf("the coach's weak-topic coverage %.3f is not above the naive plan's %.3f", coverage.coach/coverage.n, coverage.naive/coverage.n)
	}
}

// evalNewPerDay is the drill's default allowance of new cards a day; both
// planners keep to it, as the drill page does.
const evalNewPerDay = 20

// newLeft is what the allowance still admits today.
func (w *world) newLeft(now time.Time) *int {
	day := now.In(london).Format("2006-01-02")
	n := evalNewPerDay - w.newOn[day]
	return &n
}

// evalStore shows the simulated deck to the real drill, so the evaluation
// sees the extra reviews the drill's interview-date plan brings forward,
// as its page would serve them.
type evalStore struct {
	drill.Store // not called by Plan
	w           *world
}

func (st evalStore) UserCards(ctx context.Context, userID int64) ([]drill.Card, error) {
	var out []drill.Card
	for _, c := range st.w.cards {
		if !st.w.bankIDs[c.ID] {
			out = append(out, drill.Card{ID: c.ID, Topic: c.Topic, Round: drill.Round(c.Round), Difficulty: 2, Prompt: "q", Answer: "a", User: true})
		}
	}
	return out, nil
}

func (st evalStore) AllProgress(ctx context.Context, userID int64) ([]drill.Progress, error) {
	var out []drill.Progress
	for _, c := range st.w.cards {
		if !c.New {
			out = append(out, drill.Progress{CardID: c.ID, UserID: userID, State: "review", Stability: c.Stability,
				Difficulty: max(c.Difficulty, 1), Due: c.Due, LastReview: c.LastReview, Reps: 3})
		}
	}
	return out, nil
}

func (st evalStore) Setting(ctx context.Context, userID int64, key string) (string, error) {
	return "", nil
}

// servedCards is the deck with the cards the drill's plan puts on today
// marked Planned.
func (w *world) servedCards(now time.Time) []Card {
	cards := slices.Clone(w.cards)
	var ivs []drill.Interview
	for _, iv := range w.h.ivs {
		if !iv.At.Before(now) {
			ivs = append(ivs, drill.Interview{ID: iv.ID, Company: iv.Company, At: iv.At, Rounds: iv.Rounds})
		}
	}
	if len(ivs) == 0 || w.bank == nil {
		return cards
	}
	d := &drill.Drill{Store: evalStore{w: w}, Bank: w.bank, Now: func() time.Time { return now }, Loc: london}
	plan, err := d.Plan(context.Background(), 1, ivs)
	if err != nil {
		panic(err)
	}
	for i := range cards {
		if day, ok := plan.PlannedDay(cards[i].ID); ok && day.Equal(plan.Today) {
			cards[i].Planned = true
		}
	}
	return cards
}
