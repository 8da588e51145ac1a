package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/offerloop/offerloop/internal/practice"
	"github.com/offerloop/offerloop/internal/tracker"
)

// The practice pages train the rounds flashcards and the judge cannot: the
// behavioral story bank (story.go), timed ML system design sessions
// (design.go), the coding study plan (plan.go) and mock-round timers
// (mock.go). /practice sums the four up. The content (questions, prompts,
// plan, timers) is internal/practice's; the user's stories, sessions and
// plan marks are in Config.Practice, and without it the pages say so.

// practiceUser returns the practice store and the user, or answers the
// request with the notice that practice is off.
func (s *Server) practiceUser(w http.ResponseWriter, r *http.Request) (practice.Store, *tracker.User, bool) {
	if s.practice == nil {
		if wantsJSON(r) {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "practice is not enabled on this server"})
			return nil, nil, false
		}
		d := &practiceOffPage{}
		d.Title, d.Nav = "Practice", "practice"
		s.renderStatus(w, r, http.StatusNotFound, "practice_off", d)
		return nil, nil, false
	}
	u, err := s.user(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return s.practice, u, true
}

type practiceOffPage struct{ base }

// upcomingInterview is one interview ahead with the round kinds it prepares
// for: practice.UpcomingInterviews gives one entry per kind.
type upcomingInterview struct {
	ID             int64
	Title, Company string
	At             practice.Day
	When           string // "Thu 3 Dec"
	Kinds          []string
}

// Name is how the practice pages refer to the interview: "Onsite at Acme
// on Thu 3 Dec".
func (u upcomingInterview) Name() string {
	name := u.Title
	if name == "" {
		name = "An interview"
	}
	if u.Company != "" {
		name += " at " + u.Company
	}
	return name + " on " + u.When
}

// Link is the interview's page.
func (u upcomingInterview) Link() string { return "/interviews/" + itoa(u.ID) }

func (s *Server) upcoming(ctx context.Context, userID int64) ([]practice.Upcoming, error) {
	return practice.UpcomingInterviews(ctx, s.store, userID, s.now())
}

// interviewsOf folds the upcoming entries into one per interview, soonest
// first.
func (s *Server) interviewsOf(up []practice.Upcoming) []upcomingInterview {
	var out []upcomingInterview
	index := map[int64]int{}
	for _, u := range up {
		i, ok := index[u.InterviewID]
		if !ok {
			i = len(out)
			index[u.InterviewID] = i
			out = append(out, upcomingInterview{ID: u.InterviewID, Title: u.Title, Company: u.Company, At: u.At, When: s.day(u.At)})
		}
		out[i].Kinds = append(out[i].Kinds, u.Kind)
	}
	return out
}

// practicePage is the hub: one panel per area with its counts.
type practicePage struct {
	base
	Stories      int
	Gaps         []coverageView // categories with no story, or too few
	Needs        []interviewNeed
	Sessions     int
	Last         *sessionRow // the last scored design session
	Open         *sessionRow // the latest session not scored yet
	Prompts      int
	DesignMins   int
	Plan         practice.PlanView
	PlanToday    []planRow
	PlanNext     *planRow
	Mock         []mockView
	Interviews   []upcomingInterview
	AsksChosen   map[int64]int
	Questions    int
	Categories   int
	StoriesAimed string
}

func (s *Server) practiceHub(w http.ResponseWriter, r *http.Request) {
	st, u, ok := s.practiceUser(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	d := &practicePage{Prompts: len(s.lib.Design.Prompts), DesignMins: s.lib.DesignMinutes(), AsksChosen: map[int64]int{},
		Questions: len(s.lib.Behavioral.Questions), Categories: len(s.lib.Behavioral.Categories)}
	d.Title, d.Nav = "Practice", "practice"
	up, err := s.upcoming(ctx, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	stories, err := st.Stories(ctx, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Stories = len(stories)
	cov := s.coverage(stories, up)
	for _, c := range cov.Rows {
		if c.Row.Status != "ok" {
			d.Gaps = append(d.Gaps, c)
		}
	}
	d.Needs = cov.Needs
	sessions, err := st.DesignSessions(ctx, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, ss := range sessions { // newest first
		row := s.sessionRow(ss)
		if ss.Finished() {
			d.Sessions++
			if d.Last == nil {
				d.Last = &row
			}
		} else if d.Open == nil {
			d.Open = &row
		}
	}
	pv, err := s.studyPlan(ctx, u.ID, up)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Plan = pv
	for _, e := range pv.Entries {
		if e.Status == "today" {
			d.PlanToday = append(d.PlanToday, s.planRow(e))
		}
	}
	if len(d.PlanToday) == 0 {
		if e, ok := nextPlanned(pv); ok {
			row := s.planRow(e)
			d.PlanNext = &row
		}
	}
	for _, m := range s.lib.Mock {
		d.Mock = append(d.Mock, newMockView(m))
	}
	d.Interviews = s.interviewsOf(up)
	if len(d.Interviews) > 0 {
		asks, err := s.store.InterviewAsks(ctx, u.ID, 0)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, a := range asks {
			d.AsksChosen[a.InterviewID]++
		}
	}
	s.render(w, r, "practice", d)
}

// categoryNames lists categories by name: "Conflict, Failure".
func (s *Server) categoryNames(ids []string) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		names = append(names, s.categoryName(id))
	}
	return strings.Join(names, ", ")
}

func (s *Server) categoryName(id string) string {
	if c, ok := s.lib.Category(id); ok {
		return c.Name
	}
	return id
}
