package web

import (
	"context"
	"net/http"
	"slices"

	"github.com/offerloop/offerloop/internal/coach"
	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

type todayPage struct {
	base
	Plan       *coach.Plan
	Used       int              // minutes the plan's items take
	Budgets    []int            // the time budgets offered
	Custom     bool             // the budget is not one of Budgets
	Apps       map[int64]string // application names, for the items' links
	Charts     []readinessChart
	Skipped    []string // sources left out of the plan, and why
	Marking    bool     // marks can be stored
	BadMinutes string   // why ?minutes= was not used
	Agenda     tracker.Agenda
	Sections   []taskSection
	Cards      []interviewCard
	Later      []*tracker.Interview // interviews this week past the first cardsShown
	Open       int                  // open tasks shown in the sections
}

type taskSection struct {
	Key, Title, Empty string
	Entries           []taskEntry
	Count             int // open tasks in the section
	More              int // entries left out of a long section
}

// cardsShown is how many of the week's interviews Today shows as cards with
// their checklists; the later ones are listed in a line each.
const cardsShown = 3

// sectionShown caps a Today section: past a few dozen lines a list stops being
// an agenda, and the page must stay quick for thousands of applications.
// "?all=KEY" shows one section whole.
const sectionShown = 25

// taskEntry is one line of a Today section: a task, or the open items of one
// interview's checklist folded together, so that ten after-interview items do
// not bury the follow-ups.
type taskEntry struct {
	Task  tracker.Task
	Group *checklistGroup
}

type checklistGroup struct {
	checklistView
	Interview string // "ML coding at Acme"
	Link      string
}

// entries folds the checklist items of each interview's list into one entry,
// at the place of its first item.
func entries(ts []tracker.Task) []taskEntry {
	var out []taskEntry
	groups := map[string]*checklistGroup{}
	for _, t := range ts {
		if t.Kind != tracker.TaskChecklist {
			out = append(out, taskEntry{Task: t})
			continue
		}
		k := itoa(t.InterviewID) + "/" + t.Checklist
		g := groups[k]
		if g == nil {
			g = &checklistGroup{Link: taskLink(t)}
			g.Key, g.Due = t.Checklist, t.Due
			groups[k] = g
			out = append(out, taskEntry{Group: g})
		}
		g.Tasks = append(g.Tasks, t)
	}
	return out
}

// interviewCard is an upcoming interview with its checklists.
type interviewCard struct {
	IV    *tracker.Interview
	Lists []checklistView
}

func (s *Server) agenda(ctx context.Context) (tracker.Agenda, []tracker.Task, []*tracker.Interview, error) {
	u, err := s.user(ctx)
	if err != nil {
		return tracker.Agenda{}, nil, nil, err
	}
	now := s.now()
	tasks, ivs, err := tracker.LoadTasks(ctx, s.store, u.ID, now, s.cfg.Loc)
	if err != nil {
		return tracker.Agenda{}, nil, nil, err
	}
	return tracker.BuildAgenda(tasks, ivs, now, s.cfg.Loc), tasks, ivs, nil
}

func (s *Server) today(w http.ResponseWriter, r *http.Request) {
	ag, tasks, ivs, err := s.agenda(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := &todayPage{Agenda: ag, Budgets: coachBudgets, Marking: s.marks() != nil}
	d.Title, d.Nav = "Today", "today"
	minutes, err := budget(r)
	if err != nil {
		d.BadMinutes = errs.Message(err) + "; this plan is for " + itoa(coach.DefaultMinutes) + "."
		minutes = coach.DefaultMinutes
	}
	plan, in, skipped, err := s.coachPlan(r.Context(), minutes)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Plan, d.Custom, d.Apps = plan, !slices.Contains(coachBudgets, plan.Minutes), map[int64]string{}
	for _, it := range plan.Items {
		d.Used += it.Minutes
	}
	for _, a := range in.Applications {
		d.Apps[a.ID] = a.Company
	}
	for _, e := range skipped {
		d.Skipped = append(d.Skipped, errs.Message(e))
	}
	for _, rd := range plan.Readiness {
		d.Charts = append(d.Charts, newReadinessChart(rd))
	}
	carded := map[int64]bool{}
	for i, iv := range ag.Interviews {
		if i >= cardsShown {
			d.Later = append(d.Later, iv)
			continue
		}
		carded[iv.ID] = true
		lists := s.groupChecklists(tasks, iv.ID)
		for i := range lists {
			lists[i].Open = lists[i].current(s.now())
		}
		d.Cards = append(d.Cards, interviewCard{IV: iv, Lists: lists})
	}
	titles := map[int64]string{}
	for _, iv := range ivs {
		titles[iv.ID] = iv.Title + " at " + iv.Company
	}
	// Checklist items of the interviews shown as cards are ticked there.
	section := func(key, title, empty string, ts []tracker.Task) taskSection {
		var keep []tracker.Task
		for _, t := range ts {
			if t.Kind == tracker.TaskChecklist && carded[t.InterviewID] {
				continue
			}
			keep = append(keep, t)
		}
		d.Open += len(keep)
		sec := taskSection{Key: key, Title: title, Empty: empty, Entries: entries(keep), Count: len(keep)}
		if len(sec.Entries) > sectionShown && r.URL.Query().Get("all") != key {
			sec.More = len(sec.Entries) - sectionShown
			sec.Entries = sec.Entries[:sectionShown]
		}
		for _, e := range sec.Entries {
			if e.Group != nil {
				e.Group.Title = s.checklistTitle(e.Group.Key)
				e.Group.Interview = titles[e.Group.Tasks[0].InterviewID]
			}
		}
		return sec
	}
	d.Sections = []taskSection{
		section("overdue", "Overdue", "", ag.Overdue),
		section("today", "Today", "Nothing else is due today.", ag.Today),
		section("week", "This week", "Nothing due in the next seven days.", ag.ThisWeek),
	}
	s.render(w, r, "today", d)
}

func (s *Server) apiToday(w http.ResponseWriter, r *http.Request) {
	ag, _, _, err := s.agenda(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ag)
}
