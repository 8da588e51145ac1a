package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// appValues are the application form's fields as the user typed them, so that
// an invalid form comes back as it was sent.
type appValues struct {
	Company, Kind, Role, Level, Location, Source, Applied, Deadline, JDURL, JDText, Notes string
}

type applicationFormPage struct {
	base
	App     *tracker.Application // nil when creating
	V       appValues
	Error   string
	Kinds   []tracker.CompanyKind
	Levels  []tracker.Level
	Sources []tracker.Source
}

func (s *Server) applicationForm(a *tracker.Application, v appValues, err error) *applicationFormPage {
	d := &applicationFormPage{App: a, V: v, Kinds: tracker.CompanyKinds, Levels: tracker.Levels, Sources: tracker.Sources}
	if err != nil {
		d.Error = message(err)
	}
	d.Title, d.Nav = "New application", "new"
	if a != nil {
		d.Title, d.Nav = "Edit "+a.Title(), "board"
	}
	return d
}

func (s *Server) newApplication(w http.ResponseWriter, r *http.Request) {
	v := appValues{Kind: string(tracker.MidSize), Applied: s.dateValue(s.now())}
	s.render(w, r, "application_form", s.applicationForm(nil, v, nil))
}

func readAppValues(r *http.Request) appValues {
	return appValues{
		Company:  formString(r, "company"),
		Kind:     formString(r, "kind"),
		Role:     formString(r, "role"),
		Level:    formString(r, "level"),
		Location: formString(r, "location"),
		Source:   formString(r, "source"),
		Applied:  formString(r, "applied_on"),
		Deadline: formString(r, "deadline"),
		JDURL:    formString(r, "jd_url"),
		JDText:   formText(r, "jd_text"),
		Notes:    formText(r, "notes"),
	}
}

// application builds the application the values describe and validates it.
func (v appValues) application() (*tracker.Application, error) {
	a := &tracker.Application{
		Role: v.Role, Location: v.Location, JDURL: v.JDURL, JDText: v.JDText, Notes: v.Notes,
	}
	a.Company.Name = v.Company
	var err error
	if v.Kind != "" {
		if a.Company.Kind, err = tracker.ParseCompanyKind(v.Kind); err != nil {
			return nil, err
		}
	}
	if v.Level != "" {
		if a.Level, err = tracker.ParseLevel(v.Level); err != nil {
			return nil, err
		}
	}
	if v.Source != "" {
		if a.Source, err = tracker.ParseSource(v.Source); err != nil {
			return nil, err
		}
	}
	if a.AppliedOn, err = tracker.ParseDate(v.Applied); err != nil {
		return nil, err
	}
	if a.Deadline, err = tracker.ParseDate(v.Deadline); err != nil {
		return nil, err
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	return a, nil
}

func (s *Server) createApplication(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	v := readAppValues(r)
	a, err := v.application()
	if err == nil {
		err = s.create(ctx, a)
	}
	if userError(err) {
		s.renderStatus(w, r, status(err, true), "application_form", s.applicationForm(nil, v, err))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, "/applications/"+itoa(a.ID))
}

func (s *Server) create(ctx context.Context, a *tracker.Application) error {
	u, err := s.user(ctx)
	if err != nil {
		return err
	}
	a.UserID = u.ID
	plan, err := s.loops.NewPlan(a.Company.Kind)
	if err != nil {
		return err
	}
	return s.store.CreateApplication(ctx, a, plan)
}

// stageView is a stage with its rounds, as the application page lists them.
type stageView struct {
	tracker.Stage
	Rounds  []tracker.Round
	Current bool
}

// formState remembers which form of a page failed, why, and what was typed.
type formState struct {
	Name   string
	Err    string
	Values url.Values
}

// Failed returns the error of the named form, if it is the one that failed.
func (f formState) Failed(name string) string {
	if f.Name == name {
		return f.Err
	}
	return ""
}

// V returns what the user typed into the named form's field, when that form
// failed, else def.
func (f formState) V(name, key, def string) string {
	if f.Name == name && f.Values.Has(key) {
		return f.Values.Get(key)
	}
	return def
}

type applicationPage struct {
	base
	App          *tracker.Application
	Template     tracker.LoopTemplate
	Stages       []stageView
	Rounds       []tracker.Round
	Events       []tracker.Event
	Interviews   []*tracker.Interview
	Contacts     []tracker.Contact
	Tasks        []tracker.Task // all but checklist items, which live on the interview page
	Checklists   map[int64]checklistCount
	RoundKinds   []tracker.RoundKindInfo
	ContactRoles []tracker.ContactRole
	Resume       *resumePanel   // nil when the resume checker is off
	Kit          *kitPanel      // nil when the kit is off
	Takehome     *takehomePanel // nil when the take-home checker is off
	Form         formState
	Today        string
	Now          time.Time
}

// checklistCount is how much of one interview's checklists is done.
type checklistCount struct{ Done, Total int }

func (s *Server) showApplication(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderApplication(w, r, http.StatusOK, id, formState{})
}

// applicationFormError shows the application page again with the error next to
// the form that failed and the user's input kept; internal failures are a 500.
func (s *Server) applicationFormError(w http.ResponseWriter, r *http.Request, id int64, form string, err error) {
	if !userError(err) {
		s.fail(w, r, err)
		return
	}
	s.renderApplication(w, r, status(err, true), id, formState{Name: form, Err: message(err), Values: r.PostForm})
}

func (s *Server) renderApplication(w http.ResponseWriter, r *http.Request, code int, id int64, fs formState) {
	d, err := s.loadApplication(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Form = fs
	s.renderStatus(w, r, code, "application", d)
}

func (s *Server) loadApplication(ctx context.Context, id int64) (*applicationPage, error) {
	u, err := s.user(ctx)
	if err != nil {
		return nil, err
	}
	a, err := s.store.FindApplication(ctx, u.ID, id)
	if err != nil {
		return nil, err
	}
	d := &applicationPage{App: a, RoundKinds: s.loops.RoundKinds, ContactRoles: tracker.ContactRoles,
		Today: s.dateValue(s.now()), Now: s.now()}
	d.Title, d.Nav = a.Title(), "board"
	d.Template, _ = s.loops.Template(a.Company.Kind)
	stages, err := s.store.Stages(ctx, u.ID, id)
	if err != nil {
		return nil, err
	}
	if d.Rounds, err = s.store.Rounds(ctx, u.ID, id); err != nil {
		return nil, err
	}
	for _, st := range stages {
		v := stageView{Stage: st, Current: a.Active() && st.ID == a.State.StageID}
		for _, rd := range d.Rounds {
			if rd.StageID == st.ID {
				v.Rounds = append(v.Rounds, rd)
			}
		}
		d.Stages = append(d.Stages, v)
	}
	if d.Events, err = s.store.Events(ctx, u.ID, id); err != nil {
		return nil, err
	}
	slices.Reverse(d.Events)
	if d.Interviews, err = s.store.FindInterviews(ctx, tracker.InterviewFilter{UserID: u.ID, ApplicationID: id}); err != nil {
		return nil, err
	}
	if d.Contacts, err = s.store.Contacts(ctx, u.ID, id); err != nil {
		return nil, err
	}
	if d.Resume, err = s.resumePanel(ctx, u.ID, a); err != nil {
		return nil, err
	}
	if d.Kit, err = s.kitPanel(ctx, u.ID, a); err != nil {
		return nil, err
	}
	if d.Takehome, err = s.takehomePanel(ctx, u.ID, a); err != nil {
		return nil, err
	}
	tasks, err := s.applicationTasks(ctx, u.ID, a, d.Interviews)
	if err != nil {
		return nil, err
	}
	d.Checklists = map[int64]checklistCount{}
	for _, t := range tasks {
		if t.Kind != tracker.TaskChecklist {
			d.Tasks = append(d.Tasks, t)
			continue
		}
		c := d.Checklists[t.InterviewID]
		c.Total++
		if t.Done {
			c.Done++
		}
		d.Checklists[t.InterviewID] = c
	}
	return d, nil
}

// MoveTargets are the choices of the application page's move select: its own
// stages by name, then the outcomes.
func (d *applicationPage) MoveTargets() template.HTML {
	var b strings.Builder
	cur := ""
	if d.App.Active() {
		cur = d.App.State.StageName
	} else {
		cur = string(d.App.State.Outcome)
	}
	b.WriteString(`<optgroup label="Stage">`)
	for _, st := range d.Stages {
		option(&b, st.Name, st.Name, cur)
	}
	b.WriteString(`</optgroup><optgroup label="Close as">`)
	for _, o := range tracker.Outcomes {
		option(&b, string(o), o.Label(), cur)
	}
	b.WriteString(`</optgroup>`)
	return template.HTML(b.String())
}

// daysSince counts whole days from a date to today.
func (s *Server) daysSince(d tracker.Date) string {
	return s.ago(d.Time(s.cfg.Loc))
}

func (s *Server) editApplication(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.findApplication(ctx, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := appValues{
		Company: a.Company.Name, Kind: string(a.Company.Kind), Role: a.Role, Level: string(a.Level),
		Location: a.Location, Source: string(a.Source), Applied: a.AppliedOn.String(), Deadline: a.Deadline.String(),
		JDURL: a.JDURL, JDText: a.JDText, Notes: a.Notes,
	}
	s.render(w, r, "application_form", s.applicationForm(a, v, nil))
}

func (s *Server) findApplication(ctx context.Context, r *http.Request) (*tracker.Application, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	u, err := s.user(ctx)
	if err != nil {
		return nil, err
	}
	return s.store.FindApplication(ctx, u.ID, id)
}

func (s *Server) updateApplication(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.findApplication(ctx, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	v := readAppValues(r)
	v.Company = a.Company.Name // the company is not edited here
	na, err := v.application()
	if err == nil {
		u := tracker.ApplicationUpdate{
			Role: &na.Role, Location: &na.Location, JDText: &na.JDText, JDURL: &na.JDURL, Notes: &na.Notes,
			CompanyKind: &na.Company.Kind, Level: &na.Level, Source: &na.Source,
			AppliedOn: &na.AppliedOn, Deadline: &na.Deadline,
		}
		if na.Company.Kind == "" {
			u.CompanyKind = nil
		}
		_, err = s.store.UpdateApplication(ctx, a.UserID, a.ID, u, s.now())
	}
	if userError(err) {
		s.renderStatus(w, r, status(err, true), "application_form", s.applicationForm(a, v, err))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, "/applications/"+itoa(a.ID))
}

type deletePage struct {
	base
	App   *tracker.Application
	Error string
}

func (s *Server) confirmDeleteApplication(w http.ResponseWriter, r *http.Request) {
	a, err := s.findApplication(r.Context(), r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := &deletePage{App: a}
	d.Title, d.Nav = "Delete "+a.Title(), "board"
	s.render(w, r, "application_delete", d)
}

// deleteApplication removes an application once the user has typed its company
// name, which is harder to do by accident than a click.
func (s *Server) deleteApplication(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.findApplication(ctx, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	if !strings.EqualFold(formString(r, "confirm"), strings.TrimSpace(a.Company.Name)) {
		err := errs.Invalidf("type the company name, %s, to confirm", a.Company.Name)
		d := &deletePage{App: a, Error: message(err)}
		d.Title, d.Nav = "Delete "+a.Title(), "board"
		s.renderStatus(w, r, status(err, true), "application_delete", d)
		return
	}
	if err := s.store.DeleteApplication(ctx, a.UserID, a.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, "/")
}

func (s *Server) addNote(w http.ResponseWriter, r *http.Request) {
	s.appForm(w, r, "note", func(ctx context.Context, u *tracker.User, id int64) error {
		text := formText(r, "text")
		if strings.TrimSpace(text) == "" {
			return errs.Invalidf("write something in the note")
		}
		if len(text) > tracker.MaxText {
			return errs.Invalidf("the note is too long (at most %d bytes)", tracker.MaxText)
		}
		return s.store.AddNote(ctx, u.ID, id, text, s.now())
	})
}

// appForm runs one of the application page's small forms: parse, act, and
// either redirect back to the page or show it again with the error.
func (s *Server) appForm(w http.ResponseWriter, r *http.Request, form string, act func(ctx context.Context, u *tracker.User, appID int64) error) {
	ctx := r.Context()
	id, u, ok := s.formFor(w, r)
	if !ok {
		return
	}
	if err := act(ctx, u, id); err != nil {
		s.applicationFormError(w, r, id, form, err)
		return
	}
	seeOther(w, r, returnURL(r, "/applications/"+itoa(id)))
}

// apiApplication is an application as the JSON API shows it.
type apiApplicationJSON struct {
	*tracker.Application
	Company     string              `json:"company"`
	CompanyKind tracker.CompanyKind `json:"company_kind"`
	State       string              `json:"state"`
	StageKind   tracker.StageKind   `json:"stage_kind"`
	StageName   string              `json:"stage_name"`
	Outcome     tracker.Outcome     `json:"outcome,omitempty"`
	Since       string              `json:"since"`
}

func apiApp(a *tracker.Application) apiApplicationJSON {
	return apiApplicationJSON{
		Application: a, Company: a.Company.Name, CompanyKind: a.Company.Kind, State: a.State.Label(),
		StageKind: a.State.StageKind, StageName: a.State.StageName, Outcome: a.State.Outcome,
		Since: a.State.Since.UTC().Format("2006-01-02T15:04:05Z"),
	}
}

func (s *Server) apiApplications(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	apps, err := s.store.FindApplications(ctx, tracker.ApplicationFilter{UserID: u.ID, Query: r.URL.Query().Get("q"), ActiveOnly: r.URL.Query().Get("active") == "1"})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]apiApplicationJSON, len(apps))
	for i, a := range apps {
		out[i] = apiApp(a)
	}
	writeJSON(w, http.StatusOK, map[string]any{"applications": out})
}

func (s *Server) apiApplication(w http.ResponseWriter, r *http.Request) {
	d, err := func() (*applicationPage, error) {
		id, err := pathID(r, "id")
		if err != nil {
			return nil, err
		}
		return s.loadApplication(r.Context(), id)
	}()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	stages := make([]tracker.Stage, len(d.Stages))
	for i, st := range d.Stages {
		stages[i] = st.Stage
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"application": apiApp(d.App),
		"stages":      stages,
		"rounds":      d.Rounds,
		"interviews":  d.Interviews,
		"contacts":    d.Contacts,
		"events":      d.Events,
		"tasks":       d.Tasks,
	})
}
