package web

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// scheduleInterview adds an interview to an application, for one of its
// planned rounds or of a kind chosen on the spot.
func (s *Server) scheduleInterview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, u, ok := s.formFor(w, r)
	if !ok {
		return
	}
	iv, err := s.readNewInterview(ctx, r, u.ID, id)
	if err == nil {
		err = s.store.ScheduleInterview(ctx, iv)
	}
	if err != nil {
		s.applicationFormError(w, r, id, "interview", err)
		return
	}
	seeOther(w, r, "/interviews/"+itoa(iv.ID))
}

func (s *Server) readNewInterview(ctx context.Context, r *http.Request, userID, appID int64) (*tracker.Interview, error) {
	iv := &tracker.Interview{UserID: userID, ApplicationID: appID, Title: formString(r, "title"),
		Location: formString(r, "location"), CreatedAt: s.now()}
	roundID, err := formID(r, "round")
	if err != nil {
		return nil, err
	}
	minutes := 0
	if roundID != 0 {
		rounds, err := s.store.Rounds(ctx, userID, appID)
		if err != nil {
			return nil, err
		}
		i := slices.IndexFunc(rounds, func(rd tracker.Round) bool { return rd.ID == roundID })
		if i < 0 {
			return nil, errs.Invalidf("that round is not one of this application's rounds")
		}
		iv.RoundID, iv.Kind, minutes = roundID, rounds[i].Kind, rounds[i].Minutes
		if iv.Title == "" {
			iv.Title = rounds[i].Name
		}
	} else {
		info, ok := s.loops.RoundKind(tracker.RoundKind(formString(r, "kind")))
		if !ok {
			return nil, errs.Invalidf("pick a planned round or a kind of round")
		}
		iv.Kind, minutes = info.Kind, info.Minutes
		if iv.Title == "" {
			iv.Title = info.Name
		}
	}
	if err := s.readInterviewFields(r, iv); err != nil {
		return nil, err
	}
	if iv.Minutes == 0 {
		iv.Minutes = minutes
	}
	return iv, iv.Validate()
}

// readInterviewFields reads the fields the schedule and edit forms share.
func (s *Server) readInterviewFields(r *http.Request, iv *tracker.Interview) error {
	var err error
	if iv.At, err = s.formMoment(r, "date", "time"); err != nil {
		return err
	}
	if iv.Minutes, err = formInt(r, "minutes", "the duration"); err != nil {
		return err
	}
	iv.Interviewers, err = tracker.ParseInterviewers(r.PostFormValue("interviewers"))
	return err
}

type interviewPage struct {
	base
	IV         *tracker.Interview
	App        *tracker.Application
	RoundKinds []tracker.RoundKindInfo
	Outcomes   []tracker.InterviewOutcome
	Flags      *tracker.RedFlags
	Flagged    map[string]bool
	Lists      []checklistView
	ThankYou   *tracker.Task
	Draft      tracker.Draft
	Form       formState
	Past       bool                   // it has ended but its outcome is not recorded yet
	Asks       []tracker.InterviewAsk // the questions to ask, in order
	AskGroups  []askGroupView         // the bank, for the picker
	OwnAsk     string                 // the user's own question
	AvoidEarly bool                   // a screen: show what not to ask yet
	Avoid      []avoidView
	MaxAsks    int
	Screen     *screenKit // a recruiter or phone screen: what to say
}

// askGroupView is a group of the bank of questions to ask, the ones that fit
// the interview's kind of round first.
type askGroupView struct {
	ID, Name, About string
	Asks            []askOption // the ones that fit the round first
	Fits            int
}

// Fitting are the group's questions that suit the round.
func (g askGroupView) Fitting() []askOption { return g.Asks[:g.Fits] }

// Rest are the others, folded away unless one of them is ticked.
func (g askGroupView) Rest() []askOption { return g.Asks[g.Fits:] }

// RestChecked reports whether one of the folded questions is ticked.
func (g askGroupView) RestChecked() bool {
	for _, a := range g.Rest() {
		if a.Checked {
			return true
		}
	}
	return false
}

type askOption struct {
	ID, Text, Why string
	Fits          bool
	Checked       bool
}

type avoidView struct{ Text, Why string }

// checklistView is one of the four checklists of an interview.
type checklistView struct {
	Key, Title string
	Tasks      []tracker.Task
	Open       bool      // shown unfolded
	Due        time.Time // when the list should be done
}

// current reports whether the list is the one to work on now: it has started to
// matter and still has open items.
func (c checklistView) current(now time.Time) bool {
	for _, t := range c.Tasks {
		if !t.Done && !now.Before(t.Visible) {
			return true
		}
	}
	return false
}

// Done counts the checked items.
func (c checklistView) Done() int {
	n := 0
	for _, t := range c.Tasks {
		if t.Done {
			n++
		}
	}
	return n
}

func (s *Server) showInterview(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderInterview(w, r, http.StatusOK, id, formState{})
}

func (s *Server) renderInterview(w http.ResponseWriter, r *http.Request, code int, id int64, fs formState) {
	d, err := s.loadInterview(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Form = fs
	if fs.Name == "asks" {
		// Show the picker as it was sent.
		ticked := map[string]bool{}
		for _, q := range fs.Values["ask"] {
			ticked[q] = true
		}
		for i := range d.AskGroups {
			for k := range d.AskGroups[i].Asks {
				a := &d.AskGroups[i].Asks[k]
				a.Checked = ticked[a.ID]
			}
		}
		d.OwnAsk = fs.Values.Get("own")
	}
	s.renderStatus(w, r, code, "interview", d)
}

func (s *Server) loadInterview(ctx context.Context, id int64) (*interviewPage, error) {
	u, err := s.user(ctx)
	if err != nil {
		return nil, err
	}
	iv, err := s.store.FindInterview(ctx, u.ID, id)
	if err != nil {
		return nil, err
	}
	a, err := s.store.FindApplication(ctx, u.ID, iv.ApplicationID)
	if err != nil {
		return nil, err
	}
	d := &interviewPage{IV: iv, App: a, RoundKinds: s.loops.RoundKinds, Outcomes: tracker.InterviewOutcomes,
		Flags: s.flags, Flagged: map[string]bool{}}
	d.Title, d.Nav = iv.Title+" · "+iv.Company, "today"
	d.Past = !iv.Done() && !iv.End().After(s.now())
	for _, f := range iv.RedFlags {
		d.Flagged[f] = true
	}
	tasks, err := s.applicationTasks(ctx, u.ID, a, []*tracker.Interview{iv})
	if err != nil {
		return nil, err
	}
	d.Lists = s.groupChecklists(tasks, iv.ID)
	for i := range d.Lists {
		d.Lists[i].Open = d.Lists[i].current(s.now())
	}
	for _, t := range tasks {
		if t.Kind == tracker.TaskThankYou && t.InterviewID == iv.ID {
			d.ThankYou = &t
		}
	}
	name, err := s.store.Setting(ctx, u.ID, tracker.SettingYourName)
	if err != nil {
		return nil, err
	}
	if d.Draft, err = tracker.ThankYou(iv, name); err != nil {
		return nil, err
	}
	if d.Asks, err = s.store.InterviewAsks(ctx, u.ID, iv.ID); err != nil {
		return nil, err
	}
	chosen := map[string]bool{}
	for _, a := range d.Asks {
		if a.QuestionID == "" {
			if d.OwnAsk == "" {
				d.OwnAsk = a.Text
			}
			continue
		}
		chosen[a.QuestionID] = true
	}
	d.AskGroups = s.askGroups(iv.Kind, chosen)
	d.MaxAsks = tracker.MaxAsks
	if iv.Kind == "recruiter_screen" || iv.Kind == "phone_screen" {
		d.AvoidEarly = true
		// The kit's list of what not to ask a recruiter yet covers the
		// practice bank's and says more, so a screen shows only the kit's.
		for _, a := range s.kitc.RecruiterQuestions.Avoid {
			d.Avoid = append(d.Avoid, avoidView{Text: a.Text, Why: a.Why})
		}
		d.Screen = s.screenKit(iv.Kind, a.ID)
	}
	return d, nil
}

// askGroups is the bank of questions to ask for an interview of kind, with
// chosen ticked: in each group the questions that fit the round come first,
// and groups with such questions come before the others.
func (s *Server) askGroups(kind tracker.RoundKind, chosen map[string]bool) []askGroupView {
	var out []askGroupView
	for _, g := range s.lib.Asks.Groups {
		v := askGroupView{ID: g.ID, Name: g.Name, About: g.About}
		var rest []askOption
		for _, q := range s.lib.Asks.Questions {
			if q.Group != g.ID {
				continue
			}
			o := askOption{ID: q.ID, Text: q.Text, Why: q.Why, Fits: slices.Contains(q.Rounds, string(kind)), Checked: chosen[q.ID]}
			if o.Fits {
				v.Asks = append(v.Asks, o)
				v.Fits++
			} else {
				rest = append(rest, o)
			}
		}
		v.Asks = append(v.Asks, rest...)
		out = append(out, v)
	}
	slices.SortStableFunc(out, func(a, b askGroupView) int {
		switch {
		case a.Fits > 0 && b.Fits == 0:
			return -1
		case a.Fits == 0 && b.Fits > 0:
			return 1
		}
		return 0
	})
	return out
}

// saveAsks replaces the questions to ask at the interview: the ticked ones
// from the bank, in the picker's order, then the user's own.
func (s *Server) saveAsks(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, u, ok := s.formFor(w, r)
	if !ok {
		return
	}
	if _, err := s.store.FindInterview(ctx, u.ID, id); err != nil {
		s.fail(w, r, err)
		return
	}
	asks := []tracker.InterviewAsk{}
	seen := map[string]bool{}
	var err error
	for _, qid := range r.PostForm["ask"] {
		q, ok := s.lib.Ask(qid)
		if !ok {
			err = errs.Invalidf("%q is not a question of the bank", qid)
			break
		}
		if !seen[qid] {
			seen[qid] = true
			asks = append(asks, tracker.InterviewAsk{InterviewID: id, QuestionID: q.ID, Text: q.Text})
		}
	}
	if own := formString(r, "own"); err == nil && own != "" {
		asks = append(asks, tracker.InterviewAsk{InterviewID: id, Text: own})
	}
	if err == nil && len(asks) > tracker.MaxAsks {
		err = errs.Invalidf("you chose %d questions; pick at most %d, since an interview leaves time for three or four", len(asks), tracker.MaxAsks)
	}
	if err == nil {
		err = s.store.SetInterviewAsks(ctx, u.ID, id, asks)
	}
	if userError(err) {
		s.renderInterview(w, r, status(err, true), id, formState{Name: "asks", Err: message(err), Values: r.PostForm})
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, "/interviews/"+itoa(id)+"#asks")
}

// groupChecklists sorts an interview's checklist tasks into the four lists, in
// the order they are worked through; lists with nothing in them are left out.
func (s *Server) groupChecklists(tasks []tracker.Task, ivID int64) []checklistView {
	var out []checklistView
	for _, c := range s.checks {
		v := checklistView{Key: c.Key, Title: c.Title}
		for _, t := range tasks {
			if t.Kind == tracker.TaskChecklist && t.InterviewID == ivID && t.Checklist == c.Key {
				v.Tasks = append(v.Tasks, t)
			}
		}
		if len(v.Tasks) > 0 {
			v.Due = v.Tasks[0].Due
			out = append(out, v)
		}
	}
	return out
}

// interviewForm runs one of the interview page's forms.
func (s *Server) interviewForm(w http.ResponseWriter, r *http.Request, form string, act func(ctx context.Context, iv *tracker.Interview) (tracker.InterviewUpdate, error)) {
	ctx := r.Context()
	id, u, ok := s.formFor(w, r)
	if !ok {
		return
	}
	iv, err := s.store.FindInterview(ctx, u.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	upd, err := act(ctx, iv)
	if err == nil {
		_, err = s.store.UpdateInterview(ctx, u.ID, id, upd, s.now())
	}
	if userError(err) {
		s.renderInterview(w, r, status(err, true), id, formState{Name: form, Err: message(err), Values: r.PostForm})
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, returnURL(r, "/interviews/"+itoa(id)))
}

func (s *Server) updateInterview(w http.ResponseWriter, r *http.Request) {
	s.interviewForm(w, r, "edit", func(ctx context.Context, iv *tracker.Interview) (tracker.InterviewUpdate, error) {
		next := *iv
		next.Title, next.Location, next.Notes = formString(r, "title"), formString(r, "location"), formText(r, "notes")
		if k := tracker.RoundKind(formString(r, "kind")); k != "" {
			if _, ok := s.loops.RoundKind(k); !ok {
				return tracker.InterviewUpdate{}, errs.Invalidf("pick a kind of round from the list")
			}
			next.Kind = k
		}
		if err := s.readInterviewFields(r, &next); err != nil {
			return tracker.InterviewUpdate{}, err
		}
		if next.Minutes == 0 {
			next.Minutes = iv.Minutes
		}
		if err := next.Validate(); err != nil {
			return tracker.InterviewUpdate{}, err
		}
		return tracker.InterviewUpdate{
			Title: &next.Title, Location: &next.Location, Notes: &next.Notes, At: &next.At,
			Minutes: &next.Minutes, Kind: &next.Kind, Interviewers: &next.Interviewers,
		}, nil
	})
}

// finishInterview records how an interview went, with notes and the detail the
// thank-you note is built around.
func (s *Server) finishInterview(w http.ResponseWriter, r *http.Request) {
	s.interviewForm(w, r, "done", func(ctx context.Context, iv *tracker.Interview) (tracker.InterviewUpdate, error) {
		o, err := tracker.ParseInterviewOutcome(formString(r, "outcome"))
		if err != nil {
			return tracker.InterviewUpdate{}, err
		}
		next := *iv
		next.Notes, next.Detail, next.Outcome = formText(r, "notes"), formText(r, "detail"), o
		if err := next.Validate(); err != nil {
			return tracker.InterviewUpdate{}, err
		}
		return tracker.InterviewUpdate{Notes: &next.Notes, Detail: &next.Detail, Outcome: &next.Outcome}, nil
	})
}

func (s *Server) saveRedFlags(w http.ResponseWriter, r *http.Request) {
	s.interviewForm(w, r, "flags", func(ctx context.Context, iv *tracker.Interview) (tracker.InterviewUpdate, error) {
		flags := []string{}
		for _, f := range r.PostForm["flag"] {
			if _, ok := s.flags.Find(f); !ok {
				return tracker.InterviewUpdate{}, errs.Invalidf("unknown red flag %q", f)
			}
			if !slices.Contains(flags, f) {
				flags = append(flags, f)
			}
		}
		return tracker.InterviewUpdate{RedFlags: &flags}, nil
	})
}
