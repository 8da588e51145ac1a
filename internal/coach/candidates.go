package coach

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/fsrs"
)

// ---- drill cards ----

// recallOn predicts a reviewed card's recall on day (midnight in loc).
func (b *builder) recallOn(c *Card, day time.Time) float64 {
	if c.New || c.Stability <= 0 {
		return 0
	}
	return b.in.Params.Retrievability(float64(max(0, b.calDays(c.LastReview, day))), c.Stability)
}

func (b *builder) calDays(from, to time.Time) int {
	f, t := from.In(b.loc), to.In(b.loc)
	fd := time.Date(f.Year(), f.Month(), f.Day(), 12, 0, 0, 0, time.UTC)
	td := time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, time.UTC)
	return int(math.Round(td.Sub(fd).Hours() / 24))
}

// gain is the expected rise in recall on a day `days` from today if the card
// is reviewed today: the user recalls it with probability R now (rated
// Good) or forgets it (Again), and FSRS says what stability follows each.
func (b *builder) gain(c *Card, days int) float64 {
	m := b.memo(c, b.calDays(c.LastReview, b.today))
	return b.gainWith(c, &m, days)
}

// cardMemo is what a card's gain needs whatever the interview, worked out
// once a Build: a review costs a few Next and Retrievability calls, and a
// card is weighed for every interview ahead.
type cardMemo struct {
	elapsed          int     // calendar days since the last review
	rNow             float64 // recall now
	good, again, new float64 // stability after a Good or an Again review today; after learning a new card
}

func (b *builder) memo(c *Card, elapsed int) cardMemo {
	p := &b.in.Params
	if c.New || c.Stability <= 0 {
		// Learning a new card today: about two in three stick at first.
		return cardMemo{new: p.Next(nil, fsrs.Good, 0).Stability}
	}
	m := cardMemo{elapsed: elapsed}
	if elapsed <= 0 {
		return m // reviewed today already
	}
	m.rNow = p.Retrievability(float64(elapsed), c.Stability)
	mem := fsrs.Memory{Stability: c.Stability, Difficulty: max(c.Difficulty, 1)}
	m.good = p.Next(&mem, fsrs.Good, elapsed).Stability
	m.again = p.Next(&mem, fsrs.Again, elapsed).Stability
	return m
}

func (b *builder) gainWith(c *Card, m *cardMemo, days int) float64 {
	r := b.curve.at
	days = max(days, 0)
	if c.New || c.Stability <= 0 {
		return 0.65 * r(float64(days), m.new)
	}
	if m.elapsed <= 0 {
		return 0
	}
	without := r(float64(m.elapsed+days), c.Stability)
	with := m.rNow*r(float64(days), m.good) + (1-m.rNow)*r(float64(days), m.again)
	return max(0, with-without)
}

// elapsedDays returns, by card index, the calendar days from each card's
// last review to today, worked out once a Build.
func (b *builder) elapsedDays() []int {
	if b.elapsed == nil {
		b.elapsed = make([]int, len(b.in.Cards))
		for i := range b.in.Cards {
			if c := &b.in.Cards[i]; !c.New && c.Stability > 0 {
				b.elapsed[i] = b.calDays(c.LastReview, b.today)
			}
		}
	}
	return b.elapsed
}

// recallAfter predicts a reviewed card's recall `days` from today, knowing
// the days since its last review.
func (b *builder) recallAfter(c *Card, elapsed, days int) float64 {
	if c.New || c.Stability <= 0 {
		return 0
	}
	return b.curve.at(float64(max(0, elapsed+days)), c.Stability)
}

// curve is fsrs.Parameters.Retrievability with the constants of the
// parameters worked out once: (1 + factor·t/s)^decay, factor chosen so
// that R(s, s) = 0.9. Build calls it tens of thousands of times, and the
// parameters' method recomputes the factor, a power, on every call.
type curve struct{ factor, decay float64 }

func newCurve(p *fsrs.Parameters) curve {
	decay := -p[20]
	return curve{factor: math.Pow(0.9, 1/decay) - 1, decay: decay}
}

func (c curve) at(elapsedDays, s float64) float64 {
	if elapsedDays <= 0 {
		return 1
	}
	// exp(decay·log1p(x)) is (1+x)^decay; math.Pow's general case costs
	// about twice as much, and this runs for every card and interview.
	return math.Exp(c.decay * math.Log1p(c.factor*elapsedDays/s))
}

type cardValue struct {
	c     *Card
	value float64
	iv    int // index in b.ivs of the interview it matters most for, -1 for none
}

type topicGroup struct {
	key, title string
	isNew      bool
	cards      []cardValue
	ivGain     map[int]float64
	ownIv      map[int]bool // the interview's own rounds ask about the topic
}

func (b *builder) cards() {
	if len(b.in.Cards) == 0 {
		return
	}
	needs := make([][]drill.Need, len(b.ivs))
	later := make([][]bool, len(b.ivs)) // the need is a later round's
	for i, iv := range b.ivs {
		for _, r := range iv.Rounds {
			n := drill.NeedOf(r)
			if len(n.Topics) > 0 || len(n.Rounds) > 0 || n.Theory {
				needs[i] = append(needs[i], n)
				later[i] = append(later[i], iv.later(r))
			}
		}
	}
	ivDays := make([]int, len(b.ivs))
	ivWeight := make([]float64, len(b.ivs))
	for i, iv := range b.ivs {
		ivDays[i] = b.daysUntil(iv.At)
		ivWeight[i] = urgency(ivDays[i]) * kindWeight(iv.CompanyKind, "theory")
	}
	groups := map[string]*topicGroup{}
	now := b.in.Now
	elapsed := b.elapsedDays()
	tonight := b.today.AddDate(0, 0, 1)
	for ci := range b.in.Cards {
		c := &b.in.Cards[ci]
		if b.in.Served && !c.New && !c.Planned && !c.Due.Before(tonight) {
			continue // the drill page would not show it today
		}
		dc := drill.Card{Topic: c.Topic, Round: drill.Round(c.Round)}
		best, bestIv := 0.0, -1
		v := 0.0
		var m cardMemo
		memoized := false
		// Interviews on the same day share the card's gain: worked out once.
		var dayGain [32]float64
		var dayKnown [32]bool
		for i := range b.ivs {
			needed, own := false, false
			for j, n := range needs[i] {
				if n.Has(&dc) {
					needed = true
					own = own || !later[i][j]
				}
			}
			if !needed {
				continue
			}
			if !memoized {
				m, memoized = b.memo(c, elapsed[ci]), true
			}
			d := ivDays[i]
			var raw float64
			if d >= 0 && d < len(dayGain) {
				if !dayKnown[d] {
					dayGain[d], dayKnown[d] = b.gainWith(c, &m, d), true
				}
				raw = dayGain[d]
			} else {
				raw = b.gainWith(c, &m, d)
			}
			g := raw * ivWeight[i]
			if !own {
				g *= 0.5 // a round after this interview: further off
			}
			v += g
			if g > best {
				best, bestIv = g, i
			}
		}
		if bestIv < 0 {
			// Not needed by an interview ahead: keep due cards from slipping.
			if c.New || c.Due.After(now) {
				continue
			}
			v = 0.3 * (1 - b.recallAfter(c, elapsed[ci], 0))
		}
		if w, ok := b.weakTopic[c.Topic]; ok {
			v *= 1 + w
		}
		if v <= 0.001 {
			continue
		}
		kind := "review"
		if c.New {
			kind = "learn"
		}
		key := kind + ":" + c.Topic
		g := groups[key]
		if g == nil {
			g = &topicGroup{key: key, title: c.TopicTitle, isNew: c.New, ivGain: map[int]float64{}}
			if g.title == "" {
				g.title = c.Topic
			}
			groups[key] = g
		}
		g.cards = append(g.cards, cardValue{c: c, value: v, iv: bestIv})
		if bestIv >= 0 {
			g.ivGain[bestIv] += best
			if g.ownIv == nil {
				g.ownIv = map[int]bool{}
			}
			for j, n := range needs[bestIv] {
				if !later[bestIv][j] && n.Has(&dc) {
					g.ownIv[bestIv] = true
				}
			}
		}
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b.allowNew(groups, keys)
	for _, k := range keys {
		if len(groups[k].cards) > 0 {
			b.cardItem(groups[k], ivDays)
		}
	}
}

// cardItem turns a topic's cards into one item of at most 15 minutes.
func (b *builder) cardItem(g *topicGroup, ivDays []int) {
	slices.SortFunc(g.cards, func(x, y cardValue) int { return cmp.Compare(y.value, x.value) })
	per := b.secs
	if g.isNew {
		per *= 3 // a new card takes a few passes to learn
	}
	n := min(len(g.cards), max(1, int(15*60/per)))
	benefit := 0.0
	var sumNow float64
	ids := make([]string, 0, n)
	for _, cv := range g.cards[:n] {
		benefit += cv.value
		sumNow += b.recallOn(cv.c, b.today)
		ids = append(ids, cv.c.ID)
	}
	minutes := int(math.Ceil(float64(n) * per / 60))
	it := Item{Key: g.key, Kind: "review", Area: "theory", benefit: benefit, Minutes: max(minutes, 3),
		Link: "/drill?topic=" + g.cards[0].c.Topic, cards: ids}
	if g.isNew {
		it.Kind = "learn"
		it.Title = fmt.Sprintf("Learn %d new %s cards", n, g.title)
	} else {
		it.Title = fmt.Sprintf("Review %d %s cards", n, g.title)
	}
	// Why: the interview this topic matters most for, or the due cards.
	bestIv, bestGain := -1, 0.0
	for i, gn := range g.ivGain {
		if gn > bestGain || (gn == bestGain && i < bestIv) {
			bestIv, bestGain = i, gn
		}
	}
	weak := ""
	if w, ok := b.weakTopic[g.cards[0].c.Topic]; ok {
		weak = fmt.Sprintf(" You missed %.0f%% of them this week.", w*100)
	}
	if bestIv >= 0 {
		iv := b.ivs[bestIv]
		it.iv = iv.ID
		it.Application = appRef(iv.ApplicationID)
		asks := "asks about"
		if !g.ownIv[bestIv] {
			asks = "leads to rounds that ask about"
		}
		if g.isNew {
			it.Why = fmt.Sprintf("%s is %s and %s %s; you have not studied these cards yet.%s", ivName(iv), when(ivDays[bestIv]), asks, g.title, weak)
		} else {
			var onDay float64
			day := b.today.AddDate(0, 0, ivDays[bestIv])
			for _, cv := range g.cards[:n] {
				onDay += b.recallOn(cv.c, day)
			}
			it.Why = fmt.Sprintf("%s is %s and %s %s; your recall on these cards is %.2f now and would be %.2f on the day without a review.%s",
				ivName(iv), when(ivDays[bestIv]), asks, g.title, sumNow/float64(n), onDay/float64(n), weak)
		}
	} else {
		it.Why = fmt.Sprintf("%d %s cards are due; reviewing them on time keeps recall near its target for little effort.%s", len(g.cards), g.title, weak)
		if n < len(g.cards) {
			it.Why = fmt.Sprintf("%d %s cards are due; these %d are the most at risk of being forgotten.%s", len(g.cards), g.title, n, weak)
		}
	}
	b.add(it)
}

// ---- judge problems ----

func (b *builder) problems() {
	if len(b.in.Problems) == 0 {
		return
	}
	type ivw struct {
		iv     Interview
		days   int
		weight float64
		phone  bool
	}
	var coding []ivw
	for _, iv := range b.ivs {
		days := b.daysUntil(iv.At)
		for _, r := range iv.Rounds {
			if r == "ml_coding" || r == "phone_screen" || r == "coding" {
				w := urgency(days) * kindWeight(iv.CompanyKind, "coding")
				if iv.later(r) {
					w *= 0.5
				}
				if r == "phone_screen" {
					w *= 0.6
				}
				if r == "coding" {
					w *= 0.4 // general coding: the study plan matters more
				}
				coding = append(coding, ivw{iv, days, w, r == "phone_screen"})
				break
			}
		}
	}
	attempted := slices.ContainsFunc(b.in.Problems, func(p Problem) bool { return p.Attempts > 0 })
	if len(coding) == 0 && !attempted {
		return // the first steps suggest one easy problem; no coding round asks for more yet
	}
	failedByTopic, triedByTopic := map[string]int{}, map[string]int{}
	for _, p := range b.in.Problems {
		if p.Attempts > 0 {
			triedByTopic[p.Topic]++
			if !p.Solved {
				failedByTopic[p.Topic]++
			}
		}
	}
	var items []Item
	for _, p := range b.in.Problems {
		if p.Solved {
			continue
		}
		base := 0.45
		why := ""
		switch {
		case p.Attempts > 0:
			base = 0.9
			why = fmt.Sprintf("Your last run on it was %s (%s); solving it now fixes a gap you already found.", strings.ReplaceAll(p.LastVerdict, "_", " "), ago(b, p.Last))
		case failedByTopic[p.Topic] > 0:
			base = 0.65
			why = fmt.Sprintf("Not tried yet, and %s is a weak topic: %d of your %d problems there are not solved.", p.Topic, failedByTopic[p.Topic], triedByTopic[p.Topic])
		case triedByTopic[p.Topic] == 0:
			base = 0.55
			why = fmt.Sprintf("You have not tried any %s problem yet.", p.Topic)
		default:
			why = "Not tried yet."
		}
		weight, best := 0.0, -1
		for i, c := range coding {
			w := c.weight
			if c.phone && p.Difficulty == "hard" {
				w *= 0.4
			}
			weight += w
			if best < 0 || w > coding[best].weight {
				best = i
			}
		}
		if len(coding) == 0 {
			weight = 0.15 // no coding round ahead: keep the skill warm
		}
		switch p.Difficulty {
		case "medium":
			base *= 1.1
		case "hard":
			base *= 0.8
		}
		it := Item{Key: "problem:" + p.ID, Kind: "problem", Area: "coding", Title: "Solve " + p.Title,
			Minutes: problemMinutes(p.Difficulty), benefit: base * weight, Link: "/problems/" + p.ID}
		if best >= 0 {
			c := coding[best]
			it.iv = c.iv.ID
			it.Application = appRef(c.iv.ApplicationID)
			it.Why = fmt.Sprintf("%s is %s. %s", ivName(c.iv), when(c.days), why)
		} else {
			it.Why = why + " No coding round is scheduled, so one problem keeps the skill warm."
		}
		items = append(items, it)
	}
	slices.SortStableFunc(items, func(x, y Item) int { return cmp.Compare(y.benefit, x.benefit) })
	for _, it := range items[:min(4, len(items))] {
		b.add(it)
	}
}

func problemMinutes(d string) int {
	switch d {
	case "easy":
		return 20
	case "hard":
		return 45
	}
	return 30
}

// ---- stories, design and the study plan ----

func (b *builder) stories() {
	var items []Item
	for _, cat := range b.in.Categories {
		if cat.Status == "ok" {
			continue
		}
		best, bestIv := 0.0, -1
		for _, id := range cat.NeededBy {
			for i, iv := range b.ivs {
				if iv.ID == id {
					if w := urgency(b.daysUntil(iv.At)) * kindWeight(iv.CompanyKind, "behavioral"); w > best {
						best, bestIv = w, i
					}
				}
			}
		}
		if bestIv < 0 {
			continue
		}
		iv := b.ivs[bestIv]
		it := Item{Key: "story:" + cat.Key, Kind: "story", Area: "behavioral", iv: iv.ID, Application: appRef(iv.ApplicationID),
			Link: "/stories/new?category=" + cat.Key}
		if cat.Status == "missing" {
			it.Title = "Write a story about " + strings.ToLower(cat.Name)
			it.Minutes = 20
			it.benefit = 1.1 * best
			it.Why = fmt.Sprintf("%s is %s and will probe %s; you have no story for it yet.", ivName(iv), when(b.daysUntil(iv.At)), strings.ToLower(cat.Name))
		} else {
			it.Title = "Add a second story about " + strings.ToLower(cat.Name)
			it.Minutes = 15
			it.benefit = 0.45 * best
			it.Why = fmt.Sprintf("%s is %s and will probe %s; one story is thin when a follow-up asks for another example.", ivName(iv), when(b.daysUntil(iv.At)), strings.ToLower(cat.Name))
		}
		items = append(items, it)
	}
	slices.SortStableFunc(items, func(x, y Item) int { return cmp.Compare(y.benefit, x.benefit) })
	for _, it := range items[:min(3, len(items))] {
		b.add(it)
	}
}

func (b *builder) design() {
	var target *Interview
	days := 0
	for i, iv := range b.ivs {
		if slices.Contains(iv.Rounds, "ml_system_design") {
			target, days = &b.ivs[i], b.daysUntil(iv.At)
			break
		}
	}
	if target == nil || len(b.in.Prompts) == 0 {
		return
	}
	last, lastPct, recent := time.Time{}, -1, 0
	done := map[string]bool{}
	for _, s := range b.in.Design {
		done[s.PromptID] = true
		if s.At.After(last) {
			last, lastPct = s.At, s.Percent
		}
		if b.in.Now.Sub(s.At) < 30*24*time.Hour {
			recent++
		}
	}
	prompt := b.in.Prompts[0]
	for _, p := range b.in.Prompts {
		if !done[p.ID] {
			prompt = p
			break
		}
	}
	gap := 0.6
	why := fmt.Sprintf("%s is %s and has an ML system design round; you have not practised one on the clock yet.", ivName(*target), when(days))
	if lastPct >= 0 {
		gap = 1 - float64(lastPct)/100
		why = fmt.Sprintf("%s is %s and has an ML system design round; your last timed session (%s) scored %d%%.", ivName(*target), when(days), ago(b, last), lastPct)
	}
	w := urgency(days) * kindWeight(target.CompanyKind, "design")
	if target.later("ml_system_design") {
		w *= 0.5
		why = strings.Replace(why, "and has an ML system design round", "and the loop goes on to an ML system design round", 1)
	}
	benefit := (0.6 + 1.6*gap) * w
	if !last.IsZero() && b.calDays(last, b.today) <= 1 {
		benefit *= 0.35 // one yesterday: let it settle
	}
	b.add(Item{Key: "design:" + prompt.ID, Kind: "design", Area: "design", iv: target.ID, Application: appRef(target.ApplicationID),
		Title: "Timed design session: " + prompt.Title, Minutes: 50, benefit: benefit, Why: why, Link: "/design/" + prompt.ID})
	if b.minutes() < 50 {
		b.add(Item{Key: "design-outline:" + prompt.ID, Kind: "design", Area: "design", iv: target.ID, Application: appRef(target.ApplicationID),
			Title: "Outline the first three design steps aloud: " + prompt.Title, Minutes: 20, benefit: benefit * 0.45,
			Why:  why + " A full session does not fit today; clarifying the problem, the metrics and the data is where most answers go wrong.",
			Link: "/design/" + prompt.ID})
	}
}

func (b *builder) studyPlan() {
	codingSoon := 0.0
	for _, iv := range b.ivs {
		if slices.Contains(iv.Rounds, "coding") || slices.Contains(iv.Rounds, "phone_screen") {
			codingSoon = max(codingSoon, urgency(b.daysUntil(iv.At))*kindWeight(iv.CompanyKind, "coding"))
		}
	}
	for _, p := range b.in.PlanToday {
		why := "Today's problem in your coding study plan"
		if p.Pattern != "" {
			why += " (" + p.Pattern + ")"
		}
		why += "."
		if b.in.PlanBehind > 0 {
			why += fmt.Sprintf(" You are %d behind; the plan has spread them over the days left.", b.in.PlanBehind)
		}
		b.add(Item{Key: "plan:" + p.ID, Kind: "plan", Area: "coding", Title: "Study plan: " + p.Title,
			Minutes: problemMinutes(p.Difficulty), benefit: 0.35 + 0.5*codingSoon, Why: why, Link: p.URL})
	}
}

// ---- resume and take-home ----

func (b *builder) resumes() {
	var items []Item
	for _, a := range b.in.Applications {
		if !a.Active || !a.HasJD || a.Stage == "offer" {
			continue
		}
		early := a.Stage == "applied" || a.Stage == "" || a.Stage == "recruiter_screen"
		boost := 1.0
		if a.Interviews > 0 {
			boost = 1.4
		}
		it := Item{Key: fmt.Sprintf("resume:%d", a.ID), Kind: "resume", Area: "resume", Application: appRef(a.ID), Minutes: 20,
			Link: fmt.Sprintf("/applications/%d#resume", a.ID)}
		switch {
		case a.Match == nil && early:
			it.Title = "Match your resume to the " + a.Company + " job description"
			it.benefit = 0.4 * boost
			it.Why = "You have the job description but have not checked your resume against it: the keywords it is missing are the first thing an ATS and a recruiter notice."
		case a.Match != nil && *a.Match < 40:
			it.Title = "Tailor your resume to the " + a.Company + " job description"
			it.benefit = 0.7 * boost
			it.Why = fmt.Sprintf("Your resume matches the %s job description at %d%%; below 40%% an ATS often filters it out before a person reads it.", a.Company, *a.Match)
		case a.Match != nil && *a.Match < 60 && early:
			it.Title = "Raise your resume's match with " + a.Company
			it.benefit = 0.25 * boost
			it.Why = fmt.Sprintf("Your resume matches the %s job description at %d%%; the missing skills list says what to add, if you have them.", a.Company, *a.Match)
		default:
			continue
		}
		items = append(items, it)
	}
	slices.SortStableFunc(items, func(x, y Item) int { return cmp.Compare(y.benefit, x.benefit) })
	for _, it := range items[:min(2, len(items))] {
		b.add(it)
	}
}

func (b *builder) takehomes() {
	for _, a := range b.in.Applications {
		if !a.Active || !a.TakeHome {
			continue
		}
		w := kindWeight(a.Kind, "takehome")
		switch {
		case a.Takehome == nil:
			b.add(Item{Key: fmt.Sprintf("takehome:%d", a.ID), Kind: "takehome", Area: "takehome", Application: appRef(a.ID), Minutes: 15,
				Title:   "Check the " + a.Company + " take-home before you send it",
				benefit: 1.0 * w,
				Why:     "Reviewers reject take-homes for data leakage, no baseline, no README or a notebook that does not run; the check finds these in a minute.",
				Link:    fmt.Sprintf("/applications/%d/takehome", a.ID)})
		case a.Takehome.High > 0:
			b.add(Item{Key: fmt.Sprintf("takehome-fix:%d", a.ID), Kind: "takehome", Area: "takehome", Application: appRef(a.ID), Minutes: 45,
				Title:   fmt.Sprintf("Fix the %d red flags in the %s take-home", a.Takehome.High, a.Company),
				benefit: 0.9 * w,
				Why:     fmt.Sprintf("The last check (%s) scored %d and found %d high-severity problems; each is a reason a reviewer may stop reading.", ago(b, a.Takehome.At), a.Takehome.Score, a.Takehome.High),
				Link:    fmt.Sprintf("/takehome/reports/%d", a.Takehome.ID)})
		}
	}
}

// allowNew keeps, across topics, only the most valuable new cards the
// drill's daily allowance still admits: the drill page would not show more.
func (b *builder) allowNew(groups map[string]*topicGroup, keys []string) {
	if b.in.NewLeft == nil {
		return
	}
	left := *b.in.NewLeft
	var all []cardValue
	for _, k := range keys {
		if groups[k].isNew {
			all = append(all, groups[k].cards...)
		}
	}
	if len(all) <= left {
		return
	}
	slices.SortStableFunc(all, func(x, y cardValue) int { return cmp.Compare(y.value, x.value) })
	keep := make(map[*Card]bool, left)
	for _, cv := range all[:left] {
		keep[cv.c] = true
	}
	for _, k := range keys {
		g := groups[k]
		if !g.isNew {
			continue
		}
		kept := g.cards[:0]
		for _, cv := range g.cards {
			if keep[cv.c] {
				kept = append(kept, cv)
			}
		}
		g.cards = kept
	}
}
