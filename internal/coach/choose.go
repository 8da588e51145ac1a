package coach

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/drill"
)

// cold is true for a user with nothing recorded yet.
func (b *builder) cold() bool {
	if len(b.in.Applications) > 0 || b.in.Reviewed > 0 {
		return false
	}
	for _, p := range b.in.Problems {
		if p.Attempts > 0 {
			return false
		}
	}
	for _, c := range b.in.Categories {
		if c.Stories > 0 {
			return false
		}
	}
	return true
}

// onboarding is the first steps of a new user, so the plan has something to
// stand on: an application, the resume against its JD, a diagnostic and one
// easy problem. For a user with nothing recorded they come first, in order;
// later, each step not taken yet stays in the plan as a strong candidate.
func (b *builder) onboarding(cold bool) {
	step := func(order int, it Item) {
		it.Kind, it.Area = "onboarding", "onboarding"
		if cold {
			it.must = order
		} else {
			it.benefit = 0.12 * float64(it.Minutes) // ahead of most work
		}
		b.add(it)
	}
	if cold {
		step(1, Item{Key: "onboarding:application", Minutes: 5,
			Title: "Add the first application you are preparing for",
			Why:   "Everything else is planned around your interviews: their dates, their rounds and the company's kind. Paste the job description too.",
			Link:  "/applications/new"})
	}
	checked, withJD := false, false
	for _, a := range b.in.Applications {
		checked = checked || a.Checked
		withJD = withJD || (a.Active && a.HasJD)
	}
	if b.in.On.Resume && !checked && (cold || withJD) {
		step(2, Item{Key: "onboarding:resume", Minutes: 15,
			Title: "Check your resume against a job description",
			Why:   "It shows what an ATS and a recruiter see first, and which of the job's skills your resume does not show.",
			Link:  "/resume"})
	}
	reviewedCards := 0
	for i := range b.in.Cards {
		if !b.in.Cards[i].New {
			reviewedCards++
		}
	}
	if b.in.On.Drill && max(b.in.Reviewed, reviewedCards) < 10 {
		step(3, Item{Key: "onboarding:diagnostic", Minutes: 5,
			Title: "Answer ten theory cards as a diagnostic",
			Why:   "Ten honest ratings tell the coach which topics you know and which need work; after that the reviews are scheduled for you.",
			Link:  "/drill"})
	}
	attempted := false
	for _, p := range b.in.Problems {
		attempted = attempted || p.Attempts > 0
	}
	if b.in.On.Judge && !attempted {
		for _, p := range b.in.Problems {
			if p.Difficulty == "easy" {
				step(4, Item{Key: "onboarding:problem", Minutes: 20,
					Title: "Solve one easy problem: " + p.Title,
					Why:   "It sets up your judge history and shows what ML coding rounds ask: numpy from scratch, graded on hidden cases.",
					Link:  "/problems/" + p.ID})
				break
			}
		}
	}
}

// choose fills the plan: rule-bound items first, then the best benefit per
// minute with a penalty for repeating an area, until the time is used.
func (b *builder) choose(p *Plan) {
	budget := p.Minutes
	var must, rest []Item
	for _, it := range b.cands {
		if b.doneToday[it.Key] {
			p.Done = append(p.Done, it)
			continue
		}
		if it.must > 0 {
			must = append(must, it)
		} else if it.benefit > 0.005 {
			rest = append(rest, it)
		}
	}
	p.Done = append(p.Done, b.doneElsewhere()...)
	slices.SortStableFunc(must, func(x, y Item) int { return cmp.Or(cmp.Compare(x.must, y.must), cmp.Compare(y.benefit, x.benefit)) })
	used := 0
	// chosen weighs what each area already has in today's plan: an item
	// counts as a fraction up to a quarter of an hour, so four short topic
	// reviews weigh what one 50-minute design session does.
	chosen := map[string]float64{}
	weigh := func(it Item) float64 { return min(1, float64(it.Minutes)/15) }
	for _, it := range must {
		if used+it.Minutes <= budget {
			p.Items = append(p.Items, it)
			used += it.Minutes
			chosen[it.Area] += weigh(it)
		} else {
			p.Later = append(p.Later, it)
		}
	}
	taken := make([]bool, len(rest))
	areaMinutes := map[string]int{}
	// No area takes more than two thirds of the time while another area
	// has something that fits: an interview loop has several kinds of round.
	capMinutes := budget * 2 / 3
	othersFit := func(area string) bool {
		for i, it := range rest {
			if !taken[i] && it.Area != area && used+it.Minutes <= budget {
				return true
			}
		}
		return false
	}
	for {
		best, bestScore := -1, 0.0
		for i, it := range rest {
			if taken[i] || used+it.Minutes > budget {
				continue
			}
			if areaMinutes[it.Area]+it.Minutes > capMinutes && othersFit(it.Area) {
				continue
			}
			score := it.benefit / float64(it.Minutes)
			score *= math.Pow(0.55, chosen[it.Area])
			if it.Area != "tasks" {
				score *= math.Pow(0.85, float64(b.doneWeek[it.Area]))
			}
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			break
		}
		taken[best] = true
		p.Items = append(p.Items, rest[best])
		used += rest[best].Minutes
		areaMinutes[rest[best].Area] += rest[best].Minutes
		chosen[rest[best].Area] += weigh(rest[best])
	}
	// Later: what matters most among what did not fit.
	var left []Item
	for i, it := range rest {
		if !taken[i] {
			left = append(left, it)
		}
	}
	slices.SortStableFunc(left, func(x, y Item) int { return cmp.Compare(y.benefit, x.benefit) })
	for _, it := range left[:min(3, len(left))] {
		if it.benefit >= 0.3 {
			p.Later = append(p.Later, it)
		}
	}
}

// ---- readiness ----

func (b *builder) readiness() []Readiness {
	out := []Readiness{}
	appByID := map[int64]Application{}
	for _, a := range b.in.Applications {
		appByID[a.ID] = a
	}
	for _, iv := range b.ivs {
		days := b.daysUntil(iv.At)
		// Readiness is for the rounds of the interview's own stage.
		iv.Rounds = iv.own()
		r := Readiness{Interview: iv.ID, Application: iv.ApplicationID, Company: iv.Company, Title: iv.Title, At: iv.At, Days: days, Parts: []Component{}, Actions: []Item{}}
		if r.Title == "" {
			r.Title = upper(roundLabel(iv.Kind))
		}
		if c, ok := b.theoryReadiness(iv, days); ok {
			r.Parts = append(r.Parts, c)
		}
		if c, ok := b.codingReadiness(iv); ok {
			r.Parts = append(r.Parts, c)
		}
		if c, ok := b.behavioralReadiness(iv); ok {
			r.Parts = append(r.Parts, c)
		}
		if c, ok := b.designReadiness(iv); ok {
			r.Parts = append(r.Parts, c)
		}
		if a, ok := appByID[iv.ApplicationID]; ok && b.in.On.Resume && a.HasJD {
			c := Component{Area: "resume", Label: "Resume match"}
			if a.Match != nil {
				c.Score = *a.Match
				c.Detail = fmt.Sprintf("Your resume matches its job description at %d%%.", *a.Match)
			} else {
				c.Detail = "Your resume has not been checked against its job description."
			}
			r.Parts = append(r.Parts, c)
		}
		if c, ok := b.checklistReadiness(iv); ok {
			r.Parts = append(r.Parts, c)
		}
		sum := 0
		for _, c := range r.Parts {
			sum += c.Score
		}
		if len(r.Parts) > 0 {
			r.Overall = int(math.Round(float64(sum) / float64(len(r.Parts))))
		}
		var acts []Item
		for _, it := range b.cands {
			if (it.iv == iv.ID || (it.iv == 0 && it.Application != nil && *it.Application == iv.ApplicationID)) && !b.doneToday[it.Key] && it.Kind != "task" && it.Kind != "research" {
				acts = append(acts, it)
			}
		}
		slices.SortStableFunc(acts, func(x, y Item) int { return cmp.Compare(y.benefit, x.benefit) })
		r.Actions = append(r.Actions, acts[:min(3, len(acts))]...)
		out = append(out, r)
	}
	return out
}

func (b *builder) theoryReadiness(iv Interview, days int) (Component, bool) {
	if !b.in.On.Drill || len(b.in.Cards) == 0 {
		return Component{}, false
	}
	var needs []drill.Need
	for _, r := range iv.Rounds {
		n := drill.NeedOf(r)
		if len(n.Topics) > 0 || len(n.Rounds) > 0 || n.Theory {
			needs = append(needs, n)
		}
	}
	if len(needs) == 0 {
		return Component{}, false
	}
	elapsed := b.elapsedDays()
	type agg struct {
		title    string
		sum      float64
		n, fresh int
	}
	topics := map[string]*agg{}
	total, count, notStudied := 0.0, 0, 0
	for i := range b.in.Cards {
		c := &b.in.Cards[i]
		dc := drill.Card{Topic: c.Topic, Round: drill.Round(c.Round)}
		needed := false
		for _, n := range needs {
			if n.Has(&dc) {
				needed = true
				break
			}
		}
		if !needed {
			continue
		}
		r := b.recallAfter(c, elapsed[i], days)
		total += r
		count++
		if c.New {
			notStudied++
		}
		a := topics[c.Topic]
		if a == nil {
			a = &agg{title: c.TopicTitle}
			topics[c.Topic] = a
		}
		a.sum += r
		a.n++
	}
	if count == 0 {
		return Component{}, false
	}
	weakest, weakestR := "", 2.0
	keys := make([]string, 0, len(topics))
	for k := range topics {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if r := topics[k].sum / float64(topics[k].n); r < weakestR {
			weakest, weakestR = topics[k].title, r
		}
	}
	c := Component{Area: "theory", Label: "Theory", Score: int(math.Round(100 * total / float64(count)))}
	c.Detail = fmt.Sprintf("Predicted recall on the day: %.2f over the %d cards it asks about", total/float64(count), count)
	if notStudied > 0 {
		c.Detail += fmt.Sprintf(", %d of them not studied yet", notStudied)
	}
	c.Detail += fmt.Sprintf("; weakest topic %s (%.2f).", weakest, weakestR)
	return c, true
}

func (b *builder) codingReadiness(iv Interview) (Component, bool) {
	if !b.in.On.Judge || len(b.in.Problems) == 0 {
		return Component{}, false
	}
	if !slices.ContainsFunc(iv.Rounds, func(r string) bool { return r == "ml_coding" || r == "phone_screen" || r == "coding" }) {
		return Component{}, false
	}
	solved, tried, lastOK := 0, 0, 0
	for _, p := range b.in.Problems {
		if p.Solved {
			solved++
		}
		if p.Attempts > 0 {
			tried++
			if p.LastVerdict == "accepted" {
				lastOK++
			}
		}
	}
	// A third of the library solved counts as ready for the breadth; the
	// rest of the score is how often the latest run was accepted.
	breadth := min(1, float64(solved)/math.Max(1, float64(len(b.in.Problems))/3))
	form := 0.0
	if tried > 0 {
		form = float64(lastOK) / float64(tried)
	}
	c := Component{Area: "coding", Label: "ML coding", Score: int(math.Round(100 * (0.6*breadth + 0.4*form)))}
	c.Detail = fmt.Sprintf("%d of %d problems solved; the latest run was accepted on %d of the %d you tried.", solved, len(b.in.Problems), lastOK, tried)
	if tried == 0 {
		c.Detail = fmt.Sprintf("None of the %d problems tried yet.", len(b.in.Problems))
	}
	return c, true
}

func (b *builder) behavioralReadiness(iv Interview) (Component, bool) {
	if !b.in.On.Practice || !slices.ContainsFunc(iv.Rounds, func(r string) bool {
		return r == "behavioral" || r == "team_fit" || r == "bar_raiser" || r == "recruiter_screen" || r == "phone_screen" || r == "research_presentation"
	}) {
		return Component{}, false
	}
	var have float64
	var missing []string
	n := 0
	for _, cat := range b.in.Categories {
		if !slices.Contains(cat.NeededBy, iv.ID) {
			continue
		}
		n++
		switch cat.Status {
		case "ok":
			have++
		case "thin":
			have += 0.5
		default:
			missing = append(missing, strings.ToLower(cat.Name))
		}
	}
	if n == 0 {
		return Component{}, false
	}
	c := Component{Area: "behavioral", Label: "Behavioral", Score: int(math.Round(100 * have / float64(n)))}
	c.Detail = fmt.Sprintf("Stories cover %d of the %d categories its rounds probe.", n-len(missing), n)
	if len(missing) > 0 {
		c.Detail += " Missing: " + strings.Join(missing[:min(3, len(missing))], ", ") + "."
	}
	return c, true
}

func (b *builder) designReadiness(iv Interview) (Component, bool) {
	if !b.in.On.Practice || !slices.Contains(iv.Rounds, "ml_system_design") {
		return Component{}, false
	}
	recent, sum := 0, 0
	for _, s := range b.in.Design {
		if b.in.Now.Sub(s.At).Hours() < 30*24 {
			recent++
			sum += s.Percent
		}
	}
	c := Component{Area: "design", Label: "ML system design"}
	if recent == 0 {
		c.Detail = "No timed design session in the last 30 days."
		return c, true
	}
	mean := float64(sum) / float64(recent)
	c.Score = int(math.Round(40*min(1, float64(recent)/3) + 0.6*mean))
	c.Detail = fmt.Sprintf("%d timed sessions in the last 30 days, scoring %.0f%% on average.", recent, mean)
	return c, true
}

func (b *builder) checklistReadiness(iv Interview) (Component, bool) {
	total, done := 0, 0
	for _, t := range b.in.Tasks {
		// Items not due by tomorrow (the day-before list, three days out)
		// do not count against readiness yet.
		if t.InterviewID == iv.ID && t.Kind == "checklist" && (t.Done || !t.Due.After(b.in.Now.Add(24*time.Hour))) {
			total++
			if t.Done {
				done++
			}
		}
	}
	if total == 0 {
		return Component{}, false
	}
	return Component{Area: "checklists", Label: "Checklists", Score: 100 * done / total,
		Detail: fmt.Sprintf("%d of %d checklist items done.", done, total)}, true
}

// doneElsewhere lists today's done marks whose items are no longer
// candidates (all of a topic's cards reviewed, a problem solved), so the
// plan still shows what was done today.
func (b *builder) doneElsewhere() []Item {
	have := map[string]bool{}
	for _, it := range b.cands {
		have[it.Key] = true
	}
	topics, problems, prompts := map[string]string{}, map[string]string{}, map[string]string{}
	for _, c := range b.in.Cards {
		topics[c.Topic] = c.TopicTitle
	}
	for _, p := range b.in.Problems {
		problems[p.ID] = p.Title
	}
	for _, p := range b.in.Prompts {
		prompts[p.ID] = p.Title
	}
	keys := make([]string, 0, len(b.doneToday))
	for k := range b.doneToday {
		if !have[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out []Item
	for _, k := range keys {
		kind, rest, _ := strings.Cut(k, ":")
		it := Item{Key: k, Kind: kind, Area: areaOfKey(k), Why: "Marked done today."}
		name := func(m map[string]string) string {
			if t := m[rest]; t != "" {
				return t
			}
			return rest
		}
		switch kind {
		case "review":
			it.Title = "Reviewed " + name(topics) + " cards"
		case "learn":
			it.Title = "Learned new " + name(topics) + " cards"
		case "problem":
			it.Title = "Worked on " + name(problems)
		case "design", "design-outline":
			it.Kind = "design"
			it.Title = "Design practice: " + name(prompts)
		case "story":
			it.Title = "Wrote a story about " + rest
		case "plan":
			it.Title = "Study-plan problem " + rest
		case "research":
			it.Title = "Researched the company"
		case "resume":
			it.Title = "Worked on the resume match"
		case "takehome", "takehome-fix":
			it.Kind = "takehome"
			it.Title = "Worked on the take-home"
		case "onboarding":
			it.Title = "Onboarding step: " + rest
		default:
			continue // tracker tasks show as done in the agenda
		}
		out = append(out, it)
	}
	return out
}
