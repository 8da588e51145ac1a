package web

import (
	"context"
	"net/http"
	"sort"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/practice"
)

// The coding study plan: /plan lays the plan's problems out from its start
// date (practice.Schedule, as of today in the user's zone, cut short by the
// next interview with a coding round), today's problems first with Done and
// Skip buttons, then the weeks. POST /plan/{itemID} marks a problem; POST
// /plan moves the start date.

// planStartRange is how far from today the start date may be moved.
const planStartRange = 365

func (s *Server) dayNow() practice.Day { return practice.DayOf(s.now(), s.cfg.Loc) }

// studyPlan schedules the user's plan as of today.
func (s *Server) studyPlan(ctx context.Context, userID int64, up []practice.Upcoming) (practice.PlanView, error) {
	today := s.dayNow()
	start, err := practice.PlanStart(ctx, s.store, userID, today)
	if err != nil {
		return practice.PlanView{}, err
	}
	marks, err := s.practice.PlanMarks(ctx, userID)
	if err != nil {
		return practice.PlanView{}, err
	}
	return s.lib.Schedule(start, today, marks, practice.NextCoding(up), s.cfg.Loc), nil
}

// planRow is one problem of the plan as the pages show it.
type planRow struct {
	E      practice.PlanEntry
	Day    string // its day: scheduled, or planned once marked
	Status string // the label
	Marked bool   // done or skipped
	Action string // where its buttons post
}

var planStatusLabels = map[string]string{
	practice.MarkDone: "Done", practice.MarkSkipped: "Skipped", "today": "Today", "upcoming": "Planned", "unscheduled": "Does not fit",
}

func (s *Server) planRow(e practice.PlanEntry) planRow {
	row := planRow{E: e, Status: planStatusLabels[e.Status], Action: "/plan/" + e.Item.ID}
	row.Marked = e.Status == practice.MarkDone || e.Status == practice.MarkSkipped
	if d := entryDay(e); !d.IsZero() {
		row.Day = d.Format("Mon 2 Jan")
	}
	return row
}

// entryDay is where an entry sits in the weeks: its scheduled day, or its
// planned one once it is marked; zero when it does not fit.
func entryDay(e practice.PlanEntry) practice.Day {
	switch e.Status {
	case practice.MarkDone, practice.MarkSkipped:
		return e.Planned
	}
	return e.Day
}

// nextPlanned is the soonest problem scheduled after today.
func nextPlanned(v practice.PlanView) (practice.PlanEntry, bool) {
	var best practice.PlanEntry
	found := false
	for _, e := range v.Entries {
		if e.Status == "upcoming" && (!found || e.Day.Before(best.Day)) {
			best, found = e, true
		}
	}
	return best, found
}

type planPage struct {
	base
	V           practice.PlanView
	About       string
	Today       []planRow
	MarkedToday []planRow // problems marked done or skipped today
	Next        *planRow
	Weeks       []planWeek
	Unscheduled []planRow
	ReviewFrom  string
	End         string
	Start       string // the start date's form value
	Percent     int    // done or skipped, of all
	Left        int
	Error       string
}

type planWeek struct {
	N        int
	From, To string
	Rows     []planRow
	Done     int
	Current  bool
}

func (s *Server) planPageData(ctx context.Context, userID int64) (*planPage, error) {
	up, err := s.upcoming(ctx, userID)
	if err != nil {
		return nil, err
	}
	v, err := s.studyPlan(ctx, userID, up)
	if err != nil {
		return nil, err
	}
	d := &planPage{V: v, About: s.lib.Plan.About, Start: v.Start.Format("2006-01-02"),
		ReviewFrom: v.ReviewFrom.Format("Mon 2 Jan"), End: v.End.Format("Mon 2 Jan")}
	d.Title, d.Nav = "Study plan", "practice"
	if v.Total > 0 {
		d.Percent = (v.Done + v.Skipped) * 100 / v.Total
	}
	d.Left = v.Total - v.Done - v.Skipped
	type placed struct {
		day practice.Day
		row planRow
	}
	var rows []placed
	for _, e := range v.Entries {
		row := s.planRow(e)
		if row.Marked && practice.DayOf(e.At, s.cfg.Loc).Equal(v.Today) {
			d.MarkedToday = append(d.MarkedToday, row)
		}
		switch e.Status {
		case "today":
			d.Today = append(d.Today, row)
		case "unscheduled":
			d.Unscheduled = append(d.Unscheduled, row)
			continue
		}
		rows = append(rows, placed{entryDay(e), row})
	}
	if len(d.Today) == 0 {
		if e, ok := nextPlanned(v); ok {
			row := s.planRow(e)
			d.Next = &row
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].day.Before(rows[j].day) })
	for _, p := range rows {
		n := int(p.day.Sub(v.Start).Hours()/24)/7 + 1
		if n < 1 {
			n = 1
		}
		if len(d.Weeks) == 0 || d.Weeks[len(d.Weeks)-1].N != n {
			from := v.Start.AddDate(0, 0, 7*(n-1))
			to := from.AddDate(0, 0, 6)
			d.Weeks = append(d.Weeks, planWeek{N: n, From: from.Format("Mon 2 Jan"), To: to.Format("Mon 2 Jan"),
				Current: !v.Today.Before(from) && !v.Today.After(to)})
		}
		wk := &d.Weeks[len(d.Weeks)-1]
		wk.Rows = append(wk.Rows, p.row)
		if p.row.Marked {
			wk.Done++
		}
	}
	return d, nil
}

func (s *Server) planShow(w http.ResponseWriter, r *http.Request) {
	_, u, ok := s.practiceUser(w, r)
	if !ok {
		return
	}
	d, err := s.planPageData(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "plan", d)
}

// planStart moves the plan's start date.
func (s *Server) planStart(w http.ResponseWriter, r *http.Request) {
	_, u, ok := s.practiceUser(w, r)
	if !ok {
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	raw := formString(r, "start")
	day, err := practice.ParseDay(raw)
	if err == nil {
		if diff := int(day.Sub(s.dayNow()).Hours() / 24); diff > planStartRange || diff < -planStartRange {
			err = errs.Invalidf("the plan can start at most a year before or after today, not on %s", raw)
		}
	}
	if err == nil {
		err = s.store.SetSetting(r.Context(), u.ID, practice.SettingPlanStart, day.Format("2006-01-02"))
	}
	if err != nil {
		if !userError(err) {
			s.fail(w, r, err)
			return
		}
		d, perr := s.planPageData(r.Context(), u.ID)
		if perr != nil {
			s.fail(w, r, perr)
			return
		}
		d.Error, d.Start = message(err), raw
		s.renderStatus(w, r, status(err, true), "plan", d)
		return
	}
	seeOther(w, r, "/plan")
}

// planMark marks a problem done or skipped, or clears its mark.
func (s *Server) planMark(w http.ResponseWriter, r *http.Request) {
	st, u, ok := s.practiceUser(w, r)
	if !ok {
		return
	}
	id := r.PathValue("item")
	if _, ok := s.lib.PlanItem(id); !ok {
		s.fail(w, r, errs.NotFoundf("there is no problem %q in the study plan", id))
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	status := formString(r, "status")
	switch status {
	case practice.MarkDone, practice.MarkSkipped:
	case "clear":
		status = ""
	default:
		s.fail(w, r, errs.Invalidf("a problem is marked done, skipped or clear, not %q", status))
		return
	}
	if err := st.MarkPlanItem(r.Context(), u.ID, id, status, s.now()); err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, returnURL(r, "/plan"))
}
