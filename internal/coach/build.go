package coach

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/fsrs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// builder holds one Build's state.
type builder struct {
	in        *Input
	loc       *time.Location
	today     time.Time // midnight today in loc
	day       string
	secs      float64 // seconds a review takes
	doneToday map[string]bool
	skipped   map[string]bool // skipped in the last three days
	doneWeek  map[string]int  // days this week with an item of the area done
	weakTopic map[string]float64
	ivs       []Interview // interviews inside the horizon
	cands     []Item
	elapsed   []int // by card index: calendar days since its last review (elapsedDays)
	curve     curve // the forgetting curve of in.Params
}

// Build makes today's plan.
func Build(in *Input) *Plan {
	b := newBuilder(in)
	b.generate()
	p := &Plan{Date: b.day, Minutes: b.minutes(), Items: []Item{}, Later: []Item{}, Done: []Item{}}
	if b.cold() {
		p.Onboarding = true
		b.onboarding(true)
	} else {
		b.onboarding(false) // the first steps not taken yet
	}
	b.choose(p)
	p.Readiness = b.readiness()
	return p
}

// generate collects the candidates of every source that is on.
func (b *builder) generate() {
	b.tasks()
	if b.in.On.Drill {
		b.cards()
	}
	if b.in.On.Judge {
		b.problems()
	}
	if b.in.On.Practice {
		b.stories()
		b.design()
		b.studyPlan()
	}
	if b.in.On.Resume {
		b.resumes()
	}
	if b.in.On.Takehome {
		b.takehomes()
	}
}

func newBuilder(in *Input) *builder {
	loc := in.Loc
	if loc == nil {
		loc = time.UTC
	}
	now := in.Now.In(loc)
	b := &builder{
		in: in, loc: loc,
		today:     time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc),
		day:       now.Format("2006-01-02"),
		secs:      in.ReviewSecs,
		doneToday: map[string]bool{}, skipped: map[string]bool{}, doneWeek: map[string]int{},
		weakTopic: map[string]float64{},
		curve:     newCurve(&in.Params),
	}
	if b.secs <= 0 {
		b.secs = 20
	}
	b.secs = min(max(b.secs, 6), 120)
	weekAgo := b.today.AddDate(0, 0, -6).Format("2006-01-02")
	skipFrom := b.today.AddDate(0, 0, -2).Format("2006-01-02")
	areaDays := map[string]bool{}
	for _, m := range in.Marks {
		switch {
		case m.Day == b.day && m.Status == "done":
			b.doneToday[m.Key] = true
		case m.Status == "skipped" && m.Day >= skipFrom:
			b.skipped[m.Key] = true
		}
		if m.Status == "done" && m.Day >= weekAgo {
			// Counted once per area and day: a theory day is several topic
			// items, and counting each would starve the area within a week.
			ad := areaOfKey(m.Key) + "|" + m.Day
			if !areaDays[ad] {
				areaDays[ad] = true
				b.doneWeek[areaOfKey(m.Key)]++
			}
		}
	}
	// A topic is weak when the last week's reviews of it often failed.
	again, total := map[string]int{}, map[string]int{}
	for _, r := range in.Reviews {
		total[r.Topic]++
		if r.Rating == fsrs.Again {
			again[r.Topic]++
		}
	}
	for t, n := range total {
		if n >= 4 {
			if rate := float64(again[t]) / float64(n); rate >= 0.25 {
				b.weakTopic[t] = rate
			}
		}
	}
	for _, iv := range in.Interviews {
		if !iv.At.Before(in.Now) && iv.At.Sub(in.Now) <= Horizon {
			b.ivs = append(b.ivs, iv)
		}
	}
	return b
}

func (b *builder) minutes() int {
	m := b.in.Minutes
	if m <= 0 {
		m = DefaultMinutes
	}
	return m
}

// areaOfKey is the area an item key belongs to: the part before the colon.
func areaOfKey(key string) string {
	kind, _, _ := strings.Cut(key, ":")
	switch kind {
	case "review", "learn":
		return "theory"
	case "problem", "plan":
		return "coding"
	case "story":
		return "behavioral"
	case "design", "design-outline":
		return "design"
	case "takehome", "takehome-fix":
		return "takehome"
	case "task", "research":
		return "tasks"
	}
	return kind
}

// daysUntil counts calendar days from today to t.
func (b *builder) daysUntil(t time.Time) int {
	t = t.In(b.loc)
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, b.loc)
	return int(math.Round(d.Sub(b.today).Hours() / 24))
}

// urgency weighs an interview by how soon it is: 1 today, 0.5 in two days,
// about 0.15 in two weeks.
func urgency(days int) float64 {
	return 1 / (1 + float64(max(days, 0))/2)
}

// kindWeight weighs an area by the company kind: big tech asks for
// fundamentals and coding, startups for practical skills and the take-home,
// research labs for theory and papers.
func kindWeight(companyKind, area string) float64 {
	switch companyKind {
	case string(tracker.BigTech):
		switch area {
		case "theory", "coding":
			return 1.25
		case "design":
			return 1.1
		}
	case string(tracker.Startup), string(tracker.MidSize):
		switch area {
		case "takehome", "design":
			return 1.25
		case "theory":
			return 0.85
		}
	case string(tracker.ResearchLab):
		switch area {
		case "theory":
			return 1.4
		case "coding":
			return 0.9
		case "design":
			return 0.8
		}
	}
	return 1
}

func when(days int) string {
	switch days {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	}
	return fmt.Sprintf("in %d days", days)
}

func roundLabel(kind string) string {
	switch kind {
	case "ml_theory":
		return "ML theory"
	case "theory_deep_dive":
		return "a theory deep dive"
	case "phone_screen":
		return "a technical phone screen"
	case "ml_system_design":
		return "ML system design"
	case "ml_coding":
		return "ML coding"
	case "coding":
		return "coding"
	case "behavioral":
		return "behavioral questions"
	case "team_fit":
		return "team fit"
	case "bar_raiser":
		return "a bar raiser"
	case "paper_discussion":
		return "a paper discussion"
	case "research_presentation":
		return "a research presentation"
	case "take_home":
		return "a take-home"
	case "recruiter_screen":
		return "a recruiter screen"
	}
	return strings.ReplaceAll(kind, "_", " ")
}

func ivName(iv Interview) string {
	t := iv.Title
	if t == "" {
		t = roundLabel(iv.Kind)
	}
	return fmt.Sprintf("%s at %s", upper(t), iv.Company)
}

func upper(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func appRef(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// add keeps a candidate unless it was done today or skipped lately.
func (b *builder) add(it Item) {
	if b.skipped[it.Key] && it.must == 0 {
		return
	}
	if it.Area == "" {
		it.Area = areaOfKey(it.Key)
	}
	it.Minutes = max(it.Minutes, 1)
	b.cands = append(b.cands, it)
}

// ---- tasks ----

func (b *builder) tasks() {
	now := b.in.Now
	soon := map[int64]Interview{} // interviews today, tomorrow or within 36 hours
	for _, iv := range b.ivs {
		if b.daysUntil(iv.At) <= 1 || iv.At.Sub(now) <= 36*time.Hour {
			soon[iv.ID] = iv
		}
	}
	checklists := map[int64][]tracker.Task{}
	for _, t := range b.in.Tasks {
		if t.Done || now.Before(t.Visible) {
			continue
		}
		if t.Kind == tracker.TaskChecklist {
			if _, ok := soon[t.InterviewID]; ok {
				checklists[t.InterviewID] = append(checklists[t.InterviewID], t)
				continue
			}
		}
		due := t.Due.In(b.loc)
		overdue := t.Overdue(now)
		if !overdue && b.daysUntil(due) > 0 && !(t.Kind == tracker.TaskDeadline && b.daysUntil(due) <= 1) {
			continue // later this week: Today's agenda lists it (an offer deadline tomorrow is today's work)
		}
		it := Item{Key: "task:" + t.Key, Kind: "task", Title: t.Title, TaskKey: t.Key, Application: appRef(t.ApplicationID), Area: "tasks", Link: taskLink(t)}
		switch t.Kind {
		case tracker.TaskThankYou:
			it.Minutes = 10
			if overdue {
				it.must = 1
				it.Why = fmt.Sprintf("The thank-you note to %s was due %s; a late one still helps, a missing one is noticed.", t.Company, ago(b, due))
			} else {
				// Due today: as time-bound as an overdue one.
				it.must = 1
				it.benefit = 6
				it.Why = fmt.Sprintf("Send it while %s still remembers the conversation: within a day of the interview.", t.Company)
			}
		case tracker.TaskFollowUp:
			it.Minutes = 5
			it.benefit = 3
			it.Why = fmt.Sprintf("%s has been silent; a short, polite follow-up gets an answer or frees you to move on.", t.Company)
		case tracker.TaskDeadline:
			it.Minutes = 20
			it.benefit = 8
			it.Why = fmt.Sprintf("The %s offer deadline is %s; decide, or ask for more time, before it passes.", t.Company, dueText(b, due))
			if overdue || b.daysUntil(due) <= 1 {
				it.must = 3
			}
		case tracker.TaskChecklist:
			it.Minutes = 5
			it.benefit = 2
			switch t.Checklist {
			case tracker.After:
				it.Why = fmt.Sprintf("From the after-the-interview checklist for %s: notes taken the same day are the ones that help in the next round.", t.Company)
			case tracker.DayBefore:
				it.Why = fmt.Sprintf("From the day-before checklist for %s.", t.Company)
			default:
				it.Why = fmt.Sprintf("From the checklist for your interview at %s.", t.Company)
			}
		default:
			it.Minutes = 15
			it.benefit = 2.5
			it.Why = "A task of your own, due " + dueText(b, due) + "."
		}
		b.add(it)
	}
	ids := make([]int64, 0, len(soon))
	for id := range soon {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(x, y int64) int { return soon[x].At.Compare(soon[y].At) })
	for _, id := range ids {
		iv := soon[id]
		days := b.daysUntil(iv.At)
		items := checklists[id]
		if len(items) > 0 {
			names := make([]string, 0, 3)
			for _, t := range items[:min(3, len(items))] {
				names = append(names, strings.TrimSuffix(t.Title, "."))
			}
			b.add(Item{Key: fmt.Sprintf("task:checklist:%d:%s", id, b.day), Kind: "task", Area: "tasks", must: 2, iv: id,
				Title:       fmt.Sprintf("Work through the checklist for %s (%d left)", ivName(iv), len(items)),
				Minutes:     min(5+3*len(items), 25),
				Why:         fmt.Sprintf("%s is %s at %s. Still open: %s.", ivName(iv), when(days), iv.At.In(b.loc).Format("15:04"), strings.Join(names, "; ")),
				Link:        fmt.Sprintf("/interviews/%d", id),
				Application: appRef(iv.ApplicationID)})
		}
		b.add(Item{Key: fmt.Sprintf("research:%d", id), Kind: "research", Area: "tasks", must: 2, iv: id,
			Title:       fmt.Sprintf("Research %s before %s", iv.Company, when(days)),
			Minutes:     20,
			Why:         fmt.Sprintf("%s is %s. Re-read the job description and your notes, and look up the team's products, papers and recent news, so your answers and questions are about them.", ivName(iv), when(days)),
			Link:        fmt.Sprintf("/applications/%d", iv.ApplicationID),
			Application: appRef(iv.ApplicationID)})
	}
}

func taskLink(t tracker.Task) string {
	switch {
	case t.InterviewID != 0:
		return fmt.Sprintf("/interviews/%d", t.InterviewID)
	case t.ApplicationID != 0:
		return fmt.Sprintf("/applications/%d", t.ApplicationID)
	}
	return "/today"
}

func ago(b *builder, t time.Time) string {
	switch d := -b.daysUntil(t); {
	case d <= 0:
		return "earlier today"
	case d == 1:
		return "yesterday"
	default:
		return fmt.Sprintf("%d days ago", d)
	}
}

func dueText(b *builder, t time.Time) string {
	switch d := b.daysUntil(t); {
	case d < 0:
		return ago(b, t)
	case d == 0:
		return "today at " + t.In(b.loc).Format("15:04")
	case d == 1:
		return "tomorrow"
	default:
		return t.In(b.loc).Format("Mon 2 Jan")
	}
}
