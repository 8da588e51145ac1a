package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

func testLocalUser(t *testing.T, f *fixture) {
	if f.user.ID == 0 || f.user.Name == "" {
		t.Errorf("LocalUser() = %+v, want an id and a name", f.user)
	}
	again, err := f.s.LocalUser(f.ctx)
	must(t, "LocalUser again", err)
	if diff := cmp.Diff(f.user, again); diff != "" {
		t.Errorf("LocalUser() twice differs (-first +second):\n%s", diff)
	}
	if f.hasTime && !f.user.CreatedAt.Equal(start) {
		t.Errorf("LocalUser().CreatedAt = %v, want %v", f.user.CreatedAt, start)
	}
}

func testCreateApplication(t *testing.T, f *fixture) {
	f.needClock(t)
	p := plan(t, tracker.MidSize)
	a := &tracker.Application{
		UserID: f.user.ID, Company: tracker.Company{Name: "Acme AI", Kind: tracker.MidSize},
		Role: "Senior ML Engineer", Level: tracker.Senior, Source: tracker.Referral, Location: "Berlin",
		JDText: "We train models.", JDURL: "https://acme.example/jobs/1", AppliedOn: day(2026, 3, 2),
		Deadline: day(2026, 4, 1), Notes: "Referred by Kim",
	}
	must(t, "CreateApplication", f.s.CreateApplication(f.ctx, a, p))
	if a.ID == 0 || a.CompanyID == 0 || a.Company.ID != a.CompanyID {
		t.Fatalf("CreateApplication filled ids %d, company %d (%d), want them set", a.ID, a.CompanyID, a.Company.ID)
	}
	if a.Company.Name != "Acme AI" || a.Company.Kind != tracker.MidSize || a.Company.UserID != f.user.ID {
		t.Errorf("Company = %+v, want Acme AI, mid-size, of the user", a.Company)
	}
	if !a.CreatedAt.Equal(start) || !a.UpdatedAt.Equal(start) {
		t.Errorf("CreatedAt, UpdatedAt = %v, %v, want %v", a.CreatedAt, a.UpdatedAt, start)
	}
	stages := f.stages(t, a.ID)
	if len(stages) != len(p.Stages) {
		t.Fatalf("Stages() = %d stages, want %d", len(stages), len(p.Stages))
	}
	for i, s := range stages {
		want := tracker.Stage{ID: s.ID, UserID: f.user.ID, ApplicationID: a.ID, Position: i + 1, Kind: p.Stages[i].Kind, Name: p.Stages[i].Name}
		if s != want || s.ID == 0 {
			t.Errorf("stage %d = %+v, want %+v", i, s, want)
		}
	}
	applied := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	wantState := tracker.State{StageID: stages[0].ID, StageKind: tracker.Applied, StageName: "Applied", Since: applied}
	if diff := cmp.Diff(wantState, a.State); diff != "" {
		t.Errorf("State (-want +got):\n%s", diff)
	}
	if !a.LastActivity.Equal(applied) {
		t.Errorf("LastActivity = %v, want %v", a.LastActivity, applied)
	}
	found := f.find(t, a.ID)
	if diff := cmp.Diff(a, found, cmpOpts...); diff != "" {
		t.Errorf("FindApplication differs from the created one (-created +found):\n%s", diff)
	}

	rounds, err := f.s.Rounds(f.ctx, f.user.ID, a.ID)
	must(t, "Rounds", err)
	if len(rounds) != len(p.Rounds) {
		t.Fatalf("Rounds() = %d rounds, want %d", len(rounds), len(p.Rounds))
	}
	for i, r := range rounds {
		pr := p.Rounds[i]
		if r.ID == 0 || r.UserID != f.user.ID || r.ApplicationID != a.ID || r.StageID != stages[pr.Stage].ID ||
			r.Kind != pr.Round.Kind || r.Name != pr.Round.Name || r.Minutes != pr.Round.Minutes {
			t.Errorf("round %d = %+v, want %+v in stage %d", i, r, pr.Round, stages[pr.Stage].ID)
		}
	}

	es := f.events(t, a.ID)
	want := []tracker.Event{{ID: es[0].ID, UserID: f.user.ID, ApplicationID: a.ID, At: applied,
		Kind: tracker.EventCreated, StageID: stages[0].ID, Summary: "Applied for Senior ML Engineer"}}
	if diff := cmp.Diff(want, es); diff != "" {
		t.Errorf("Events (-want +got):\n%s", diff)
	}

	// Applied today, or on a day still ahead: the application starts now.
	for _, d := range []tracker.Date{tracker.DateOf(start), day(2026, 3, 12)} {
		b := f.app(t, "Bolt "+d.String(), "ML Engineer", d)
		if !b.State.Since.Equal(start) {
			t.Errorf("applied %s: State.Since = %v, want now %v", d, b.State.Since, start)
		}
	}
}

func testCreateApplicationCompany(t *testing.T, f *fixture) {
	a := f.appOf(t, f.user.ID, "Acme AI", tracker.MidSize, "ML Engineer", day(2026, 3, 1))
	b := f.appOf(t, f.user.ID, "acme ai", "", "Research Engineer", day(2026, 3, 2))
	if b.CompanyID != a.CompanyID || b.Company.Name != "Acme AI" || b.Company.Kind != tracker.MidSize {
		t.Errorf("second application's company = %d %+v, want the first's (%d, Acme AI, mid-size)", b.CompanyID, b.Company, a.CompanyID)
	}
	c := f.appOf(t, f.user.ID, "ACME AI", tracker.Startup, "MLE", day(2026, 3, 3))
	if c.CompanyID != a.CompanyID || c.Company.Kind != tracker.Startup {
		t.Errorf("third application's company = %d %+v, want %d with kind startup", c.CompanyID, c.Company, a.CompanyID)
	}
	if got := f.find(t, a.ID).Company.Kind; got != tracker.Startup {
		t.Errorf("first application's company kind = %s after a new kind was given, want startup", got)
	}
	d := f.appOf(t, f.user.ID, "Deep Corp", "", "MLE", day(2026, 3, 3))
	if d.CompanyID == a.CompanyID || d.Company.Kind != tracker.MidSize {
		t.Errorf("new company without a kind = %d %+v, want a new mid-size company", d.CompanyID, d.Company)
	}
	if n := len(f.export(t).Companies); n != 2 {
		t.Errorf("export has %d companies, want 2", n)
	}
}

func testCreateApplicationInvalid(t *testing.T, f *fixture) {
	good := func() *tracker.Application {
		return &tracker.Application{UserID: f.user.ID, Company: tracker.Company{Name: "Acme"}, Role: "MLE", AppliedOn: day(2026, 3, 1)}
	}
	p := plan(t, tracker.MidSize)
	badRound := plan(t, tracker.MidSize)
	badRound.Rounds[0].Stage = len(badRound.Stages)
	tests := []struct {
		name string
		edit func(a *tracker.Application)
		plan tracker.Plan
		code errs.Code
	}{
		{"no role", func(a *tracker.Application) { a.Role = " " }, p, errs.Invalid},
		{"no company", func(a *tracker.Application) { a.Company.Name = "" }, p, errs.Invalid},
		{"no applied date", func(a *tracker.Application) { a.AppliedOn = tracker.Date{} }, p, errs.Invalid},
		{"bad url", func(a *tracker.Application) { a.JDURL = "ftp://x" }, p, errs.Invalid},
		{"no stages", func(a *tracker.Application) {}, tracker.Plan{}, errs.Invalid},
		{"round of no stage", func(a *tracker.Application) {}, badRound, errs.Invalid},
		{"unknown user", func(a *tracker.Application) { a.UserID = f.user.ID + 1000 }, p, errs.NotFound},
		{"unknown company id", func(a *tracker.Application) { a.Company.Name, a.CompanyID = "", 999 }, p, errs.NotFound},
	}
	for _, tt := range tests {
		a := good()
		tt.edit(a)
		wantCode(t, tt.name, f.s.CreateApplication(f.ctx, a, tt.plan), tt.code)
	}
	d := f.export(t)
	if len(d.Applications)+len(d.Companies)+len(d.Stages)+len(d.Events) != 0 {
		t.Errorf("failed creations left rows: %d applications, %d companies, %d stages, %d events",
			len(d.Applications), len(d.Companies), len(d.Stages), len(d.Events))
	}
}

func ids(as []*tracker.Application) []int64 {
	out := make([]int64, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func testFindApplications(t *testing.T, f *fixture) {
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	b := f.app(t, "Bolt", "Research Scientist", day(2026, 3, 5))
	c := f.app(t, "Corvid Labs", "Senior ML Engineer", day(2026, 3, 3))
	d := f.app(t, "Ökolab", "Data Scientist", day(2026, 2, 1))
	f.move(t, b.ID, tracker.Move{Outcome: tracker.Rejected, At: start})
	phone := func(id int64) int64 {
		stages, err := f.s.Stages(f.ctx, f.user.ID, id)
		must(t, "Stages", err)
		for _, s := range stages {
			if s.Kind == tracker.PhoneScreen {
				return s.ID
			}
		}
		t.Fatalf("application %d has no phone screen", id)
		return 0
	}
	f.move(t, c.ID, tracker.Move{StageID: phone(c.ID), At: start.Add(time.Hour)})
	f.move(t, a.ID, tracker.Move{StageID: phone(a.ID), At: start.Add(2 * time.Hour)})

	tests := []struct {
		name   string
		filter tracker.ApplicationFilter
		want   []int64
	}{
		{"all, latest applied first", tracker.ApplicationFilter{}, []int64{b.ID, c.ID, a.ID, d.ID}},
		{"active", tracker.ApplicationFilter{ActiveOnly: true}, []int64{c.ID, a.ID, d.ID}},
		{"query role", tracker.ApplicationFilter{Query: "ml eng"}, []int64{c.ID, a.ID}},
		{"query company", tracker.ApplicationFilter{Query: "BOLT"}, []int64{b.ID}},
		{"query unicode", tracker.ApplicationFilter{Query: "ÖKO"}, []int64{d.ID}},
		{"query nothing", tracker.ApplicationFilter{Query: "quantum"}, nil},
		{"limit", tracker.ApplicationFilter{Limit: 2}, []int64{b.ID, c.ID}},
		{"query and limit", tracker.ApplicationFilter{Query: "ml", Limit: 1}, []int64{c.ID}},
		{"active and query", tracker.ApplicationFilter{ActiveOnly: true, Query: "s"}, []int64{c.ID, d.ID}},
		{"stage kind, most recently moved first", tracker.ApplicationFilter{ActiveOnly: true, StageKind: tracker.PhoneScreen, RecentFirst: true}, []int64{a.ID, c.ID}},
		{"stage kind with limit", tracker.ApplicationFilter{ActiveOnly: true, StageKind: tracker.PhoneScreen, RecentFirst: true, Limit: 1}, []int64{a.ID}},
		{"active at applied", tracker.ApplicationFilter{ActiveOnly: true, StageKind: tracker.Applied}, []int64{d.ID}},
		{"closed", tracker.ApplicationFilter{ClosedOnly: true, RecentFirst: true}, []int64{b.ID}},
		{"moved since", tracker.ApplicationFilter{Since: start.Add(time.Hour), RecentFirst: true}, []int64{a.ID, c.ID}},
		{"closed since", tracker.ApplicationFilter{ClosedOnly: true, Since: start.Add(time.Minute)}, nil},
	}
	for _, tt := range tests {
		tt.filter.UserID = f.user.ID
		got, err := f.s.FindApplications(f.ctx, tt.filter)
		must(t, tt.name, err)
		if diff := cmp.Diff(tt.want, ids(got), cmpOpts...); diff != "" {
			t.Errorf("FindApplications(%s) ids (-want +got):\n%s", tt.name, diff)
		}
	}
	all, err := f.s.FindApplications(f.ctx, tracker.ApplicationFilter{UserID: f.user.ID})
	must(t, "FindApplications", err)
	// Lists leave out the job description, the company's details and the times.
	listOpts := append([]cmp.Option{
		cmpopts.IgnoreFields(tracker.Application{}, "JDText", "CreatedAt", "UpdatedAt"),
		cmpopts.IgnoreFields(tracker.Company{}, "Website", "Notes", "CreatedAt"),
	}, cmpOpts...)
	for _, got := range all {
		if got.JDText != "" {
			t.Errorf("FindApplications returned the job description of %d", got.ID)
		}
		if diff := cmp.Diff(f.find(t, got.ID), got, listOpts...); diff != "" {
			t.Errorf("FindApplications differs from FindApplication(%d) (-one +many):\n%s", got.ID, diff)
		}
		// The state the store reports is the state its log gives.
		evs, err := f.s.Events(f.ctx, f.user.ID, got.ID)
		must(t, "Events", err)
		stages, err := f.s.Stages(f.ctx, f.user.ID, got.ID)
		must(t, "Stages", err)
		if diff := cmp.Diff(tracker.StateOf(evs, stages), got.State, cmpOpts...); diff != "" {
			t.Errorf("state of %d differs from tracker.StateOf its events (-log +store):\n%s", got.ID, diff)
		}
	}
	// A brief list carries what task derivation reads, the same as a full one.
	brief, err := f.s.FindApplications(f.ctx, tracker.ApplicationFilter{UserID: f.user.ID, ActiveOnly: true, Brief: true})
	must(t, "FindApplications(brief)", err)
	full, err := f.s.FindApplications(f.ctx, tracker.ApplicationFilter{UserID: f.user.ID, ActiveOnly: true})
	must(t, "FindApplications(active)", err)
	type briefView struct {
		ID            int64
		Role, Company string
		Deadline      tracker.Date
		Outcome       tracker.Outcome
		Kind          tracker.StageKind
		Since         time.Time
		LastActivity  time.Time
	}
	view := func(as []*tracker.Application) (out []briefView) {
		for _, a := range as {
			out = append(out, briefView{a.ID, a.Role, a.Company.Name, a.Deadline, a.State.Outcome, a.State.StageKind, a.State.Since, a.LastActivity})
		}
		return out
	}
	if diff := cmp.Diff(view(full), view(brief), append([]cmp.Option{cmp.AllowUnexported(tracker.Date{})}, cmpOpts...)...); diff != "" {
		t.Errorf("brief list differs from the full one (-full +brief):\n%s", diff)
	}
	counts, err := f.s.CountApplications(f.ctx, f.user.ID)
	must(t, "CountApplications", err)
	wantCounts := []tracker.StateCount{
		{StageKind: tracker.Applied, Count: 1},
		{StageKind: tracker.PhoneScreen, Count: 2},
		{StageKind: tracker.Applied, Closed: true, Count: 1},
	}
	if diff := cmp.Diff(wantCounts, counts, cmpopts.SortSlices(func(x, y tracker.StateCount) bool {
		return fmt.Sprint(x.Closed, x.StageKind) < fmt.Sprint(y.Closed, y.StageKind)
	})); diff != "" {
		t.Errorf("CountApplications (-want +got):\n%s", diff)
	}
	_, err = f.s.FindApplication(f.ctx, f.user.ID, d.ID+100)
	wantCode(t, "FindApplication(unknown)", err, errs.NotFound)
}

func testUpdateApplication(t *testing.T, f *fixture) {
	f.needClock(t)
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	f.clock.Advance(time.Hour)
	role, notes := "Staff ML Engineer", "Met the team at NeurIPS"
	got, err := f.s.UpdateApplication(f.ctx, f.user.ID, a.ID, tracker.ApplicationUpdate{Role: &role, Notes: &notes}, f.now())
	must(t, "UpdateApplication", err)
	if got.Role != role || got.Notes != notes || !got.UpdatedAt.Equal(f.now()) || !got.CreatedAt.Equal(start) {
		t.Errorf("after update: role %q, notes %q, updated %v, created %v", got.Role, got.Notes, got.UpdatedAt, got.CreatedAt)
	}
	es := f.events(t, a.ID)
	last := es[len(es)-1]
	if last.Kind != tracker.EventEdited || last.Summary != "Edited role, notes" || !last.At.Equal(f.now()) {
		t.Errorf("last event = %+v, want edited \"Edited role, notes\" at now", last)
	}
	if diff := cmp.Diff(got, f.find(t, a.ID), cmpOpts...); diff != "" {
		t.Errorf("FindApplication after update differs (-returned +found):\n%s", diff)
	}

	kind, level, source := tracker.BigTech, tracker.Staff, tracker.Cold
	applied, deadline := day(2026, 2, 27), day(2026, 4, 15)
	loc, jd, url := "Remote", "New JD", "https://acme.example/j/2"
	got, err = f.s.UpdateApplication(f.ctx, f.user.ID, a.ID, tracker.ApplicationUpdate{
		CompanyKind: &kind, Level: &level, Source: &source, AppliedOn: &applied, Deadline: &deadline,
		Location: &loc, JDText: &jd, JDURL: &url,
	}, f.now())
	must(t, "UpdateApplication(all)", err)
	if got.Company.Kind != kind || got.Level != level || got.Source != source || got.AppliedOn != applied ||
		got.Deadline != deadline || got.Location != loc || got.JDText != jd || got.JDURL != url {
		t.Errorf("after update of every field: %+v", got)
	}
	if k := f.find(t, a.ID).Company.Kind; k != kind {
		t.Errorf("company kind after update = %s, want %s", k, kind)
	}

	// An invalid update changes nothing.
	n := len(f.events(t, a.ID))
	empty := " "
	_, err = f.s.UpdateApplication(f.ctx, f.user.ID, a.ID, tracker.ApplicationUpdate{Role: &empty}, f.now())
	wantCode(t, "UpdateApplication(empty role)", err, errs.Invalid)
	if r := f.find(t, a.ID).Role; r != role {
		t.Errorf("role after a failed update = %q, want %q", r, role)
	}
	if m := len(f.events(t, a.ID)); m != n {
		t.Errorf("failed update appended %d events", m-n)
	}
	_, err = f.s.UpdateApplication(f.ctx, f.user.ID, a.ID+100, tracker.ApplicationUpdate{Role: &role}, f.now())
	wantCode(t, "UpdateApplication(unknown)", err, errs.NotFound)
}

func testDeleteApplication(t *testing.T, f *fixture) {
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	b := f.app(t, "Bolt", "ML Engineer", day(2026, 3, 2))
	for _, x := range []*tracker.Application{a, b} {
		f.fill(t, x)
	}
	must(t, "DeleteApplication", f.s.DeleteApplication(f.ctx, f.user.ID, a.ID))
	_, err := f.s.FindApplication(f.ctx, f.user.ID, a.ID)
	wantCode(t, "FindApplication(deleted)", err, errs.NotFound)
	_, err = f.s.Events(f.ctx, f.user.ID, a.ID)
	wantCode(t, "Events(deleted)", err, errs.NotFound)
	wantCode(t, "DeleteApplication(again)", f.s.DeleteApplication(f.ctx, f.user.ID, a.ID), errs.NotFound)

	d := f.export(t)
	check := func(table string, appIDs []int64) {
		for _, id := range appIDs {
			if id == a.ID {
				t.Errorf("%s of the deleted application remain", table)
				return
			}
		}
		if len(appIDs) == 0 {
			t.Errorf("no %s of the other application remain", table)
		}
	}
	var s, r, c, i, e, tk, m []int64
	for _, x := range d.Stages {
		s = append(s, x.ApplicationID)
	}
	for _, x := range d.Rounds {
		r = append(r, x.ApplicationID)
	}
	for _, x := range d.Contacts {
		c = append(c, x.ApplicationID)
	}
	for _, x := range d.Interviews {
		i = append(i, x.ApplicationID)
	}
	for _, x := range d.Events {
		e = append(e, x.ApplicationID)
	}
	for _, x := range d.Tasks {
		tk = append(tk, x.ApplicationID)
	}
	for _, x := range d.TaskMarks {
		m = append(m, x.ApplicationID)
	}
	check("stages", s)
	check("rounds", r)
	check("contacts", c)
	check("interviews", i)
	check("events", e)
	check("tasks", tk)
	check("task marks", m)
	if len(d.Applications) != 1 || d.Applications[0].ID != b.ID || len(d.Companies) != 2 {
		t.Errorf("after delete: %d applications, %d companies; want the other application and both companies", len(d.Applications), len(d.Companies))
	}
}

func testAddNote(t *testing.T, f *fixture) {
	a := f.app(t, "Acme AI", "ML Engineer", day(2026, 3, 1))
	at := time.Date(2026, 3, 4, 9, 30, 0, 0, time.UTC)
	must(t, "AddNote", f.s.AddNote(f.ctx, f.user.ID, a.ID, "Recruiter said two weeks", at))
	es := f.events(t, a.ID)
	last := es[len(es)-1]
	if last.Kind != tracker.EventNote || last.Summary != "Recruiter said two weeks" || !last.At.Equal(at) {
		t.Errorf("note event = %+v", last)
	}
	if got := f.find(t, a.ID); !cmp.Equal(got.State, a.State) || !got.LastActivity.Equal(a.LastActivity) {
		t.Errorf("a note changed the state or activity: %+v, %v", got.State, got.LastActivity)
	}
	wantCode(t, "AddNote(empty)", f.s.AddNote(f.ctx, f.user.ID, a.ID, "  ", at), errs.Invalid)
	wantCode(t, "AddNote(unknown)", f.s.AddNote(f.ctx, f.user.ID, a.ID+100, "x", at), errs.NotFound)
}
