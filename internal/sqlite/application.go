package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

const applicationCols = `id, user_id, company_id, role, level, location, source, jd_text, jd_url, applied_on, deadline, notes, created_at, updated_at`

func applicationDest(a *tracker.Application) []any {
	return []any{&a.ID, &a.UserID, &a.CompanyID, &a.Role, &a.Level, &a.Location, &a.Source, &a.JDText, &a.JDURL,
		dateCol{&a.AppliedOn}, dateCol{&a.Deadline}, &a.Notes, timeCol{&a.CreatedAt}, timeCol{&a.UpdatedAt}}
}

// CreateApplication stores a new application with its company, stages, rounds
// and created event. The company is found by name, case-insensitively, or
// created (mid-size unless a.Company.Kind says otherwise); a kind given for an
// existing company replaces its kind.
func (db *DB) CreateApplication(ctx context.Context, a *tracker.Application, plan tracker.Plan) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if err := canonicalApplication(a); err != nil {
		return err
	}
	plan, err := checkPlan(plan)
	if err != nil {
		return err
	}
	now := db.now()
	var created *tracker.Application
	err = db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, a.UserID); err != nil {
			return err
		}
		if _, err := db.insertApplication(ctx, tx, a, plan, now); err != nil {
			return err
		}
		created, err = findApplication(ctx, tx, a.UserID, a.ID)
		return err
	})
	if err != nil {
		return wrap(err, "create application")
	}
	*a = *created
	return nil
}

// insertApplication writes a (already validated and canonical) with its company,
// stages, rounds and created event inside tx, and returns the ids of its stages
// in plan order.
func (db *DB) insertApplication(ctx context.Context, tx *sql.Tx, a *tracker.Application, plan tracker.Plan, now time.Time) ([]int64, error) {
	c, err := db.company(ctx, tx, a, now)
	if err != nil {
		return nil, err
	}
	a.CompanyID, a.CreatedAt, a.UpdatedAt = c.ID, now, now
	res, err := tx.ExecContext(ctx, `
		INSERT INTO applications (user_id, company_id, role, level, location, source, jd_text, jd_url,
			applied_on, deadline, notes, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.UserID, a.CompanyID, a.Role, a.Level, a.Location, a.Source, a.JDText, a.JDURL,
		nullDate(a.AppliedOn), nullDate(a.Deadline), a.Notes, fmtTime(now), fmtTime(now))
	if err != nil {
		return nil, err
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return nil, err
	}
	stageIDs := make([]int64, len(plan.Stages))
	for i, s := range plan.Stages {
		s.ID, s.UserID, s.ApplicationID, s.Position = 0, a.UserID, a.ID, i+1
		if err := insertStage(ctx, tx, &s); err != nil {
			return nil, err
		}
		stageIDs[i] = s.ID
	}
	for i, pr := range plan.Rounds {
		r := pr.Round
		r.ID, r.UserID, r.ApplicationID, r.StageID, r.Position = 0, a.UserID, a.ID, stageIDs[pr.Stage], i+1
		if err := insertRound(ctx, tx, &r); err != nil {
			return nil, err
		}
	}
	// An application entered after the fact starts on the day it was sent.
	at := now
	if a.AppliedOn.Before(tracker.DateOf(now)) {
		at = a.AppliedOn.Time(time.UTC)
	}
	if err := appendEvent(ctx, tx, &tracker.Event{
		UserID: a.UserID, ApplicationID: a.ID, At: at, Kind: tracker.EventCreated,
		StageID: stageIDs[0], Summary: "Applied for " + a.Role,
	}); err != nil {
		return nil, err
	}
	return stageIDs, nil
}

// canonicalApplication replaces the spellings Validate accepts ("faang", "sr")
// by the canonical values.
func canonicalApplication(a *tracker.Application) error {
	a.Company.Name = strings.TrimSpace(a.Company.Name)
	a.Role = strings.TrimSpace(a.Role)
	if a.Company.Kind != "" {
		k, err := tracker.ParseCompanyKind(string(a.Company.Kind))
		if err != nil {
			return err
		}
		a.Company.Kind = k
	}
	if a.Level != "" {
		l, err := tracker.ParseLevel(string(a.Level))
		if err != nil {
			return err
		}
		a.Level = l
	}
	if a.Source != "" {
		s, err := tracker.ParseSource(string(a.Source))
		if err != nil {
			return err
		}
		a.Source = s
	}
	return nil
}

// checkPlan validates a plan and returns it with its names trimmed and its
// rounds' lengths filled in.
func checkPlan(p tracker.Plan) (tracker.Plan, error) {
	if len(p.Stages) == 0 {
		return p, errs.Invalidf("an application needs at least one stage")
	}
	out := tracker.Plan{Stages: make([]tracker.Stage, len(p.Stages)), Rounds: make([]tracker.PlannedRound, len(p.Rounds))}
	seen := map[string]bool{}
	for i, s := range p.Stages {
		s.Name = strings.TrimSpace(s.Name)
		if s.Kind.Order() < 0 {
			return p, errs.Invalidf("unknown stage kind %q", s.Kind)
		}
		if err := tracker.CheckStageName(s.Name); err != nil {
			return p, err
		}
		k := strings.ToLower(s.Name)
		if seen[k] {
			return p, errs.Invalidf("two stages are named %s", s.Name)
		}
		seen[k] = true
		out.Stages[i] = s
	}
	for i, r := range p.Rounds {
		if r.Stage < 0 || r.Stage >= len(p.Stages) {
			return p, errs.Invalidf("round %q belongs to stage %d, which the plan lacks", r.Round.Name, r.Stage)
		}
		if err := checkRound(&r.Round); err != nil {
			return p, err
		}
		out.Rounds[i] = r
	}
	return out, nil
}

// company finds the application's company, creating it when new and updating
// its kind when a different one is given.
func (db *DB) company(ctx context.Context, tx *sql.Tx, a *tracker.Application, now time.Time) (tracker.Company, error) {
	var c tracker.Company
	var err error
	if a.CompanyID != 0 {
		c, err = findCompany(ctx, tx, `id = ?`, a.UserID, a.CompanyID)
		if errors.Is(err, sql.ErrNoRows) {
			return c, errs.NotFoundf("company %d not found", a.CompanyID)
		}
	} else {
		c, err = findCompany(ctx, tx, `lower(name) = lower(?)`, a.UserID, a.Company.Name)
		if errors.Is(err, sql.ErrNoRows) {
			c = tracker.Company{UserID: a.UserID, Name: a.Company.Name, Kind: a.Company.Kind, CreatedAt: now}
			if c.Kind == "" {
				c.Kind = tracker.MidSize
			}
			return c, insertCompany(ctx, tx, &c)
		}
	}
	if err != nil {
		return c, err
	}
	if a.Company.Kind != "" && a.Company.Kind != c.Kind {
		c.Kind = a.Company.Kind
		if _, err := tx.ExecContext(ctx, `UPDATE companies SET kind = ? WHERE id = ?`, c.Kind, c.ID); err != nil {
			return c, err
		}
	}
	return c, nil
}

const companyCols = `id, user_id, name, kind, website, notes, created_at`

func companyDest(c *tracker.Company) []any {
	return []any{&c.ID, &c.UserID, &c.Name, &c.Kind, &c.Website, &c.Notes, timeCol{&c.CreatedAt}}
}

func findCompany(ctx context.Context, tx *sql.Tx, where string, userID int64, arg any) (tracker.Company, error) {
	var c tracker.Company
	err := tx.QueryRowContext(ctx, `SELECT `+companyCols+` FROM companies WHERE user_id = ? AND `+where, userID, arg).
		Scan(companyDest(&c)...)
	return c, err
}

func insertCompany(ctx context.Context, tx *sql.Tx, c *tracker.Company) error {
	q := `INSERT INTO companies (user_id, name, kind, website, notes, created_at) VALUES (?, ?, ?, ?, ?, ?)`
	args := []any{c.UserID, c.Name, c.Kind, c.Website, c.Notes, fmtTime(c.CreatedAt)}
	if c.ID != 0 {
		q = `INSERT INTO companies (id, user_id, name, kind, website, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
		args = append([]any{c.ID}, args...)
	}
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return err
	}
	c.ID, err = res.LastInsertId()
	return err
}

// FindApplication returns one application with its company and derived state.
func (db *DB) FindApplication(ctx context.Context, userID, id int64) (*tracker.Application, error) {
	var a *tracker.Application
	err := db.read(ctx, func(tx *sql.Tx) (err error) {
		a, err = findApplication(ctx, tx, userID, id)
		return err
	})
	if err != nil {
		return nil, wrap(err, "find application %d", id)
	}
	return a, nil
}

// FindApplications returns applications with company and state, the latest
// applied first.
func (db *DB) FindApplications(ctx context.Context, f tracker.ApplicationFilter) ([]*tracker.Application, error) {
	var as []*tracker.Application
	q := strings.ToLower(strings.TrimSpace(f.Query))
	err := db.read(ctx, func(tx *sql.Tx) (err error) {
		limit := f.Limit
		if q != "" {
			limit = 0 // the query is matched here, Unicode-aware, before the limit
		}
		lf := f
		lf.Limit = limit
		as, err = listApplications(ctx, tx, lf)
		return err
	})
	if err != nil {
		return nil, wrap(err, "find applications")
	}
	if q == "" {
		return as, nil
	}
	var out []*tracker.Application
	for _, a := range as {
		if strings.Contains(strings.ToLower(a.Company.Name), q) || strings.Contains(strings.ToLower(a.Role), q) {
			out = append(out, a)
			if f.Limit > 0 && len(out) == f.Limit {
				break
			}
		}
	}
	return out, nil
}

func findApplication(ctx context.Context, tx *sql.Tx, userID, id int64) (*tracker.Application, error) {
	return selectApplication(ctx, tx, userID, id)
}

// checkApplication returns NotFound unless the user owns the application.
func checkApplication(ctx context.Context, tx *sql.Tx, userID, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM applications WHERE id = ? AND user_id = ?`, id, userID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return errs.NotFoundf("application %d not found", id)
	}
	return nil
}

// selectApplication reads one application with its company, state and job
// description.
func selectApplication(ctx context.Context, tx *sql.Tx, userID, id int64) (*tracker.Application, error) {
	a := new(tracker.Application)
	dest := applicationDest(a)
	dest = append(dest, companyDest(&a.Company)...)
	dest = append(dest, strCol{(*string)(&a.State.Outcome)}, timeCol{&a.State.Since},
		idCol{&a.State.StageID}, strCol{(*string)(&a.State.StageKind)}, strCol{&a.State.StageName}, timeCol{&a.LastActivity})
	err := tx.QueryRowContext(ctx, applicationSQL, userID, id).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errs.NotFoundf("application %d not found", id)
	}
	return a, err
}

const applicationSQL = `
	SELECT a.id, a.user_id, a.company_id, a.role, a.level, a.location, a.source, a.jd_text, a.jd_url,
		a.applied_on, a.deadline, a.notes, a.created_at, a.updated_at,
		c.id, c.user_id, c.name, c.kind, c.website, c.notes, c.created_at,
		st.outcome, st.since, s.id, s.kind, s.name, st.last_activity
	FROM applications a
	JOIN companies c ON c.id = a.company_id
	LEFT JOIN application_state st ON st.application_id = a.id
	LEFT JOIN stages s ON s.id = st.stage_id
	WHERE a.user_id = ?1 AND a.id = ?2`

// listApplications reads the applications f selects (all but its Query, which
// FindApplications matches in Go). Lists read only the columns that lists
// show: with the pure-Go driver every column of every row has a cost, and a
// board reads thousands of rows. The job description, the company's notes and
// website, and the creation times are left out.
func listApplications(ctx context.Context, tx *sql.Tx, f tracker.ApplicationFilter) ([]*tracker.Application, error) {
	query, args := listSQL(f)
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*tracker.Application
	for rows.Next() {
		a := &tracker.Application{UserID: f.UserID}
		var err error
		if f.Brief {
			err = rows.Scan(&a.ID, &a.Role, dateCol{&a.Deadline}, &a.Company.Name,
				strCol{(*string)(&a.State.Outcome)}, strCol{(*string)(&a.State.StageKind)}, timeCol{&a.State.Since}, timeCol{&a.LastActivity})
		} else {
			err = rows.Scan(&a.ID, &a.CompanyID, &a.Role, &a.Level, &a.Location, &a.Source, &a.JDURL,
				dateCol{&a.AppliedOn}, dateCol{&a.Deadline}, &a.Notes, &a.Company.Name, &a.Company.Kind,
				strCol{(*string)(&a.State.Outcome)}, timeCol{&a.State.Since},
				idCol{&a.State.StageID}, strCol{(*string)(&a.State.StageKind)}, strCol{&a.State.StageName}, timeCol{&a.LastActivity})
		}
		if err != nil {
			return nil, err
		}
		a.Company.ID, a.Company.UserID = a.CompanyID, f.UserID
		out = append(out, a)
	}
	return out, rows.Err()
}

// listSQL builds the query of listApplications.
func listSQL(f tracker.ApplicationFilter) (string, []any) {
	var b strings.Builder
	if f.Brief {
		b.WriteString(`
		SELECT a.id, a.role, a.deadline, c.name, st.outcome, st.stage_kind, st.since, st.last_activity`)
	} else {
		b.WriteString(`
		SELECT a.id, a.company_id, a.role, a.level, a.location, a.source, a.jd_url,
			a.applied_on, a.deadline, a.notes, c.name, c.kind,
			st.outcome, st.since, s.id, s.kind, s.name, st.last_activity`)
	}
	fromState := f.StageKind != "" || f.ClosedOnly || f.ActiveOnly || f.RecentFirst || !f.Since.IsZero()
	if fromState {
		// Board columns: walk the state index, most recent first, and stop at
		// the limit. CROSS JOIN keeps SQLite from starting at applications.
		b.WriteString(`
		FROM application_state st
		CROSS JOIN applications a ON a.id = st.application_id
		JOIN companies c ON c.id = a.company_id
		LEFT JOIN stages s ON s.id = st.stage_id
		WHERE st.user_id = ?`)
	} else {
		b.WriteString(`
		FROM applications a
		JOIN companies c ON c.id = a.company_id
		LEFT JOIN application_state st ON st.application_id = a.id
		LEFT JOIN stages s ON s.id = st.stage_id
		WHERE a.user_id = ?`)
	}
	args := []any{f.UserID}
	switch {
	case f.ActiveOnly && fromState:
		b.WriteString(` AND st.outcome = ''`)
	case f.ActiveOnly:
		b.WriteString(` AND (st.outcome IS NULL OR st.outcome = '')`)
	}
	if f.ClosedOnly {
		b.WriteString(` AND st.outcome <> ''`)
	}
	if f.StageKind != "" {
		b.WriteString(` AND st.stage_kind = ?`)
		args = append(args, f.StageKind)
	}
	if !f.Since.IsZero() {
		b.WriteString(` AND st.since >= ?`)
		args = append(args, fmtTime(f.Since))
	}
	if f.RecentFirst {
		b.WriteString(` ORDER BY st.since DESC, st.application_id DESC`)
	} else {
		b.WriteString(` ORDER BY a.applied_on DESC, a.id DESC`)
	}
	if f.Limit > 0 {
		b.WriteString(` LIMIT ?`)
		args = append(args, f.Limit)
	}
	return b.String(), args
}

// CountApplications counts applications by the kind of their stage, active and
// closed apart, from the state projection alone.
func (db *DB) CountApplications(ctx context.Context, userID int64) ([]tracker.StateCount, error) {
	var out []tracker.StateCount
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `
			SELECT stage_kind, outcome <> '', COUNT(*) FROM application_state
			WHERE user_id = ? GROUP BY stage_kind, outcome <> '' ORDER BY 2, 1`, userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c tracker.StateCount
			if err := rows.Scan(strCol{(*string)(&c.StageKind)}, &c.Closed, &c.Count); err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, wrap(err, "count applications")
}

// UpdateApplication changes the fields that are set and appends an edited event
// naming them. Nothing changes, and no event is appended, when every field set
// already has its value.
func (db *DB) UpdateApplication(ctx context.Context, userID, id int64, u tracker.ApplicationUpdate, at time.Time) (*tracker.Application, error) {
	at = db.at(at)
	var out *tracker.Application
	err := db.write(ctx, func(tx *sql.Tx) error {
		a, err := findApplication(ctx, tx, userID, id)
		if err != nil {
			return err
		}
		var changed []string
		setStr := func(name string, dst *string, v *string) {
			if v != nil && *v != *dst {
				*dst = *v
				changed = append(changed, name)
			}
		}
		setStr("role", &a.Role, u.Role)
		setStr("location", &a.Location, u.Location)
		setStr("job description", &a.JDText, u.JDText)
		setStr("job link", &a.JDURL, u.JDURL)
		setStr("notes", &a.Notes, u.Notes)
		if err := canonicalUpdate(&u); err != nil {
			return err
		}
		if u.Level != nil && *u.Level != a.Level {
			a.Level = *u.Level
			changed = append(changed, "level")
		}
		if u.Source != nil && *u.Source != a.Source {
			a.Source = *u.Source
			changed = append(changed, "source")
		}
		if u.AppliedOn != nil && *u.AppliedOn != a.AppliedOn {
			a.AppliedOn = *u.AppliedOn
			changed = append(changed, "applied date")
		}
		if u.Deadline != nil && *u.Deadline != a.Deadline {
			a.Deadline = *u.Deadline
			changed = append(changed, "deadline")
		}
		kind := a.Company.Kind
		if u.CompanyKind != nil {
			a.Company.Kind = *u.CompanyKind
		}
		if err := a.Validate(); err != nil {
			return err
		}
		if err := canonicalApplication(a); err != nil {
			return err
		}
		if a.Company.Kind != kind {
			changed = append(changed, "company kind")
			if _, err := tx.ExecContext(ctx, `UPDATE companies SET kind = ? WHERE id = ?`, a.Company.Kind, a.CompanyID); err != nil {
				return err
			}
		}
		if len(changed) == 0 {
			out = a
			return nil
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE applications SET role = ?, level = ?, location = ?, source = ?, jd_text = ?, jd_url = ?,
				applied_on = ?, deadline = ?, notes = ?, updated_at = ?
			WHERE id = ? AND user_id = ?`,
			a.Role, a.Level, a.Location, a.Source, a.JDText, a.JDURL,
			nullDate(a.AppliedOn), nullDate(a.Deadline), a.Notes, fmtTime(db.now()), id, userID); err != nil {
			return err
		}
		if err := appendEvent(ctx, tx, &tracker.Event{
			UserID: userID, ApplicationID: id, At: at, Kind: tracker.EventEdited,
			Summary: "Edited " + strings.Join(changed, ", "),
		}); err != nil {
			return err
		}
		out, err = findApplication(ctx, tx, userID, id)
		return err
	})
	if err != nil {
		return nil, wrap(err, "update application %d", id)
	}
	return out, nil
}

// canonicalUpdate replaces accepted spellings in u by the canonical values.
func canonicalUpdate(u *tracker.ApplicationUpdate) error {
	if u.Level != nil && *u.Level != "" {
		l, err := tracker.ParseLevel(string(*u.Level))
		if err != nil {
			return err
		}
		u.Level = &l
	}
	if u.Source != nil && *u.Source != "" {
		s, err := tracker.ParseSource(string(*u.Source))
		if err != nil {
			return err
		}
		u.Source = &s
	}
	if u.CompanyKind != nil {
		k, err := tracker.ParseCompanyKind(string(*u.CompanyKind))
		if err != nil {
			return err
		}
		u.CompanyKind = &k
	}
	return nil
}

// DeleteApplication removes an application and everything attached to it. Its
// company stays.
func (db *DB) DeleteApplication(ctx context.Context, userID, id int64) error {
	err := db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM applications WHERE id = ? AND user_id = ?`, id, userID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return errs.NotFoundf("application %d not found", id)
		}
		return nil
	})
	return wrap(err, "delete application %d", id)
}

// MoveApplication checks m against the current state and appends the moved or
// closed event. A zero m.At means now.
func (db *DB) MoveApplication(ctx context.Context, userID, id int64, m tracker.Move) (*tracker.Application, error) {
	if m.At.IsZero() {
		m.At = db.now()
	}
	m.At = m.At.UTC()
	if err := checkText("note", m.Note, tracker.MaxText); err != nil {
		return nil, err
	}
	var out *tracker.Application
	err := db.write(ctx, func(tx *sql.Tx) error {
		a, err := findApplication(ctx, tx, userID, id)
		if err != nil {
			return err
		}
		stages, err := selectStages(ctx, tx, userID, id)
		if err != nil {
			return err
		}
		if err := tracker.CheckMove(a.State, stages, m); err != nil {
			return err
		}
		e := tracker.Event{UserID: userID, ApplicationID: id, At: m.At}
		if m.Outcome != "" {
			e.Kind, e.Outcome, e.StageID = tracker.EventClosed, m.Outcome, a.State.StageID
			e.Summary = "Closed: " + string(m.Outcome)
		} else {
			e.Kind, e.StageID = tracker.EventMoved, m.StageID
			for _, s := range stages {
				if s.ID == m.StageID {
					e.Summary = "Moved to " + s.Name
				}
			}
		}
		if n := strings.TrimSpace(m.Note); n != "" {
			e.Summary += ": " + n
		}
		if err := appendEvent(ctx, tx, &e); err != nil {
			return err
		}
		out, err = findApplication(ctx, tx, userID, id)
		return err
	})
	if err != nil {
		return nil, wrap(err, "move application %d", id)
	}
	return out, nil
}

// AddNote appends a note to the application's timeline.
func (db *DB) AddNote(ctx context.Context, userID, id int64, text string, at time.Time) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return errs.Invalidf("a note needs text")
	}
	if err := checkText("note", text, tracker.MaxText); err != nil {
		return err
	}
	at = db.at(at)
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkApplication(ctx, tx, userID, id); err != nil {
			return err
		}
		return appendEvent(ctx, tx, &tracker.Event{
			UserID: userID, ApplicationID: id, At: at, Kind: tracker.EventNote, Summary: text,
		})
	})
	return wrap(err, "add note to application %d", id)
}

// checkText applies tracker's limits on free text.
func checkText(field, s string, max int) error {
	if len(s) > max {
		return errs.Invalidf("%s is too long (%d bytes, at most %d)", field, len(s), max)
	}
	if !utf8.ValidString(s) {
		return errs.Invalidf("%s is not valid UTF-8 text", field)
	}
	return nil
}
