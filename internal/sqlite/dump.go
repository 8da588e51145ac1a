package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"github.com/offerloop/offerloop/internal/judge"
	"github.com/offerloop/offerloop/internal/kit"
	"github.com/offerloop/offerloop/internal/practice"
	"github.com/offerloop/offerloop/internal/resume"
	"github.com/offerloop/offerloop/internal/takehome"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/offerloop/offerloop/internal/coach"
	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// Export returns every tracker row of the user, each table ordered by id. The
// fields the store derives on reads (an application's company and state, an
// interview's company and role) are left empty: they are not rows.
func (db *DB) Export(ctx context.Context, userID int64) (*tracker.Dump, error) {
	d := &tracker.Dump{Format: tracker.DumpFormat, SchemaVersion: SchemaVersion(), ExportedAt: db.now()}
	err := db.read(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, userID); err != nil {
			return err
		}
		q := func(query string, scan func(*sql.Rows) error) error {
			rows, err := tx.QueryContext(ctx, query, userID)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				if err := scan(rows); err != nil {
					return err
				}
			}
			return rows.Err()
		}
		return errors.Join(
			q(`SELECT `+companyCols+` FROM companies WHERE user_id = ? ORDER BY id`, func(r *sql.Rows) error {
				var c tracker.Company
				err := r.Scan(companyDest(&c)...)
				d.Companies = append(d.Companies, c)
				return err
			}),
			q(`SELECT `+applicationCols+` FROM applications WHERE user_id = ? ORDER BY id`, func(r *sql.Rows) error {
				var a tracker.Application
				err := r.Scan(applicationDest(&a)...)
				d.Applications = append(d.Applications, a)
				return err
			}),
			q(`SELECT `+stageCols+` FROM stages WHERE user_id = ? ORDER BY id`, func(r *sql.Rows) error {
				s, err := scanStage(r)
				d.Stages = append(d.Stages, s)
				return err
			}),
			q(`SELECT `+roundCols+` FROM rounds r WHERE r.user_id = ? ORDER BY r.id`, func(r *sql.Rows) error {
				x, err := scanRound(r)
				d.Rounds = append(d.Rounds, x)
				return err
			}),
			q(`SELECT `+contactCols+` FROM contacts WHERE user_id = ? ORDER BY id`, func(r *sql.Rows) error {
				c, err := scanContact(r)
				d.Contacts = append(d.Contacts, c)
				return err
			}),
			q(`SELECT `+interviewCols+` FROM interviews i WHERE i.user_id = ? ORDER BY i.id`, func(r *sql.Rows) error {
				var iv tracker.Interview
				err := r.Scan(interviewDest(&iv)...)
				d.Interviews = append(d.Interviews, iv)
				return err
			}),
			q(`SELECT `+eventCols+` FROM events WHERE user_id = ? ORDER BY id`, func(r *sql.Rows) error {
				e, err := scanEvent(r)
				d.Events = append(d.Events, e)
				return err
			}),
			q(`SELECT `+taskCols+` FROM tasks WHERE user_id = ? ORDER BY id`, func(r *sql.Rows) error {
				t, err := scanTask(r)
				d.Tasks = append(d.Tasks, t)
				return err
			}),
			q(`SELECT user_id, key, application_id, done_at FROM task_marks WHERE user_id = ? ORDER BY key`, func(r *sql.Rows) error {
				var m tracker.TaskMark
				err := r.Scan(&m.UserID, &m.Key, idCol{&m.ApplicationID}, timeCol{&m.DoneAt})
				d.TaskMarks = append(d.TaskMarks, m)
				return err
			}),
			q(`SELECT interview_id, question_id, text FROM interview_asks WHERE user_id = ? ORDER BY interview_id, position`, func(r *sql.Rows) error {
				var a tracker.InterviewAsk
				err := r.Scan(&a.InterviewID, &a.QuestionID, &a.Text)
				d.Asks = append(d.Asks, a)
				return err
			}),
			q(`SELECT user_id, key, value FROM settings WHERE user_id = ? ORDER BY key`, func(r *sql.Rows) error {
				var s tracker.Setting
				err := r.Scan(&s.UserID, &s.Key, &s.Value)
				d.Settings = append(d.Settings, s)
				return err
			}),
		)
	})
	if err != nil {
		return nil, wrap(err, "export user %d", userID)
	}
	return d, nil
}

// Restore loads a dump into the user's empty tracker, keeping every id and
// giving every row to userID. It checks the whole dump first, and writes all of
// it or nothing: Invalid for a damaged dump, Conflict when the user already has
// companies or applications or when the dump's ids are taken.
func (db *DB) Restore(ctx context.Context, userID int64, d *tracker.Dump) error {
	if err := checkDump(d); err != nil {
		return err
	}
	err := db.write(ctx, func(tx *sql.Tx) error { return restoreTracker(ctx, tx, userID, d) })
	return wrap(err, "restore")
}

// RestoreAll restores a tracker dump and a drill dump (nil for none) in one
// transaction, as Restore and RestoreDrill would one after the other, so that
// a refused drill section leaves the tracker empty too.
func (db *DB) RestoreAll(ctx context.Context, userID int64, d *tracker.Dump, dd *drill.Dump) error {
	if err := checkDump(d); err != nil {
		return err
	}
	if dd != nil {
		if err := dd.Check(); err != nil {
			return err
		}
	}
	var jd *judge.Dump
	if len(d.Judge) > 0 {
		var err error
		if jd, err = judge.DecodeDump(d.Judge); err != nil {
			return err
		}
	}
	var pd *practice.Dump
	if len(d.Practice) > 0 {
		var err error
		if pd, err = practice.DecodeDump(d.Practice); err != nil {
			return err
		}
	}
	var rd *resume.Dump
	if len(d.Resume) > 0 {
		var err error
		if rd, err = resume.DecodeDump(d.Resume); err != nil {
			return err
		}
		apps := map[int64]bool{}
		for _, a := range d.Applications {
			apps[a.ID] = true
		}
		for _, c := range rd.Checks {
			if c.ApplicationID != 0 && !apps[c.ApplicationID] {
				return errs.Invalidf("resume check %d refers to application %d, which the export lacks", c.ID, c.ApplicationID)
			}
		}
	}
	var kd *kit.Dump
	if len(d.Kit) > 0 {
		var err error
		if kd, err = kit.DecodeDump(d.Kit); err != nil {
			return err
		}
		apps := map[int64]bool{}
		for _, a := range d.Applications {
			apps[a.ID] = true
		}
		for _, doc := range kd.Docs {
			if !apps[doc.ApplicationID] {
				return errs.Invalidf("a %s refers to application %d, which the export lacks", doc.Kind, doc.ApplicationID)
			}
		}
	}
	var td *takehome.Dump
	if len(d.Takehome) > 0 {
		var err error
		if td, err = takehome.DecodeDump(d.Takehome); err != nil {
			return err
		}
		apps := map[int64]bool{}
		for _, a := range d.Applications {
			apps[a.ID] = true
		}
		for _, r := range td.Reports {
			if r.ApplicationID != 0 && !apps[r.ApplicationID] {
				return errs.Invalidf("take-home report %d refers to application %d, which the export lacks", r.ID, r.ApplicationID)
			}
		}
	}
	var cd *coach.Dump
	if len(d.Coach) > 0 {
		var err error
		if cd, err = coach.DecodeDump(d.Coach); err != nil {
			return err
		}
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := restoreTracker(ctx, tx, userID, d); err != nil {
			return err
		}
		if cd != nil {
			if err := restoreCoachRows(ctx, tx, userID, cd); err != nil {
				return err
			}
		}
		if td != nil {
			if err := restoreTakehomeRows(ctx, tx, userID, td); err != nil {
				return err
			}
		}
		if kd != nil {
			if err := restoreKitRows(ctx, tx, userID, kd); err != nil {
				return err
			}
		}
		if rd != nil {
			if err := restoreResumeRows(ctx, tx, userID, rd); err != nil {
				return err
			}
		}
		if pd != nil {
			if err := restorePracticeRows(ctx, tx, userID, pd); err != nil {
				return err
			}
		}
		if jd != nil {
			if err := restoreAttemptRows(ctx, tx, userID, jd); err != nil {
				return err
			}
		}
		if dd == nil {
			return nil
		}
		return restoreDrillRows(ctx, tx, userID, dd)
	})
	return wrap(err, "restore")
}

// restoreTracker writes a checked dump into the user's empty tracker.
func restoreTracker(ctx context.Context, tx *sql.Tx, userID int64, d *tracker.Dump) error {
	if err := checkUser(ctx, tx, userID); err != nil {
		return err
	}
	var apps, companies int
	if err := tx.QueryRowContext(ctx, `SELECT
			(SELECT COUNT(*) FROM applications WHERE user_id = ?1),
			(SELECT COUNT(*) FROM companies WHERE user_id = ?1)`, userID).Scan(&apps, &companies); err != nil {
		return err
	}
	if apps > 0 {
		return errs.Conflictf("the database already has %d applications; restore into an empty database", apps)
	}
	if companies > 0 {
		return errs.Conflictf("the database already has %d companies; restore into an empty database", companies)
	}
	return restoreRows(ctx, tx, userID, d)
}

func restoreRows(ctx context.Context, tx *sql.Tx, userID int64, d *tracker.Dump) error {
	taken := func(table string, err error) error {
		var se *sqlite.Error
		if errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY || se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE) {
			return errs.Conflictf("the dump's %s ids are already used in this database; restore into an empty database", table)
		}
		return fmt.Errorf("%s: %w", table, err)
	}
	for _, c := range d.Companies {
		c.UserID = userID
		if err := insertCompany(ctx, tx, &c); err != nil {
			return taken("companies", err)
		}
	}
	for _, a := range d.Applications {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO applications (id, user_id, company_id, role, level, location, source, jd_text, jd_url,
				applied_on, deadline, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.ID, userID, a.CompanyID, a.Role, a.Level, a.Location, a.Source, a.JDText, a.JDURL,
			nullDate(a.AppliedOn), nullDate(a.Deadline), a.Notes, fmtTime(a.CreatedAt), fmtTime(a.UpdatedAt)); err != nil {
			return taken("applications", err)
		}
	}
	for _, s := range d.Stages {
		s.UserID = userID
		if err := insertStage(ctx, tx, &s); err != nil {
			return taken("stages", err)
		}
	}
	for _, r := range d.Rounds {
		r.UserID = userID
		if err := insertRound(ctx, tx, &r); err != nil {
			return taken("rounds", err)
		}
	}
	for _, c := range d.Contacts {
		c.UserID = userID
		if err := insertContact(ctx, tx, &c); err != nil {
			return taken("contacts", err)
		}
	}
	for _, iv := range d.Interviews {
		iv.UserID = userID
		if err := insertInterview(ctx, tx, &iv); err != nil {
			return taken("interviews", err)
		}
	}
	if err := insertAsks(ctx, tx, userID, 0, d.Asks); err != nil {
		return taken("interview questions", err)
	}
	for _, e := range d.Events {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO events (id, user_id, application_id, at, kind, stage_id, outcome, ref_id, summary)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.ID, userID, e.ApplicationID, fmtTime(e.At), e.Kind, nullID(e.StageID), e.Outcome, e.RefID, e.Summary); err != nil {
			return taken("events", err)
		}
	}
	if err := refreshUserState(ctx, tx, userID); err != nil {
		return fmt.Errorf("application state: %w", err)
	}
	for _, t := range d.Tasks {
		t.UserID = userID
		if err := insertTask(ctx, tx, &t); err != nil {
			return taken("tasks", err)
		}
	}
	for _, m := range d.TaskMarks {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO task_marks (user_id, key, application_id, done_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (user_id, key) DO UPDATE SET application_id = excluded.application_id, done_at = excluded.done_at`,
			userID, m.Key, nullID(m.ApplicationID), fmtTime(m.DoneAt)); err != nil {
			return fmt.Errorf("task marks: %w", err)
		}
	}
	for _, s := range d.Settings {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO settings (user_id, key, value) VALUES (?, ?, ?)
			ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value`, userID, s.Key, s.Value); err != nil {
			return fmt.Errorf("settings: %w", err)
		}
	}
	return nil
}

// checkDump validates a dump before anything is written: its format and
// version, every row's fields, and that every reference points at a row of the
// dump itself.
func checkDump(d *tracker.Dump) error {
	if d == nil {
		return errs.Invalidf("no dump to restore")
	}
	if d.Format != tracker.DumpFormat {
		return errs.Invalidf("not an offerloop export (format %q, want %q)", d.Format, tracker.DumpFormat)
	}
	if d.SchemaVersion > SchemaVersion() {
		return errs.Invalidf("the export was written by a newer offerloop (schema %d, this binary knows %d); upgrade offerloop", d.SchemaVersion, SchemaVersion())
	}
	bad := func(format string, args ...any) error {
		return errs.Invalidf("the export is damaged: "+format, args...)
	}
	ids := func(table string, id int64, seen map[int64]bool) error {
		if id <= 0 {
			return bad("%s id %d is not positive", table, id)
		}
		if seen[id] {
			return bad("%s id %d appears twice", table, id)
		}
		seen[id] = true
		return nil
	}
	rowErr := func(table string, id int64, err error) error {
		return bad("%s %d: %s", table, id, errs.Message(err))
	}

	companies := map[int64]tracker.Company{}
	names := map[string]bool{}
	seen := map[int64]bool{}
	for _, c := range d.Companies {
		if err := ids("company", c.ID, seen); err != nil {
			return err
		}
		if k, err := tracker.ParseCompanyKind(string(c.Kind)); err != nil || k != c.Kind {
			return bad("company %d has kind %q", c.ID, c.Kind)
		}
		if strings.TrimSpace(c.Name) == "" || names[strings.ToLower(c.Name)] {
			return bad("company %d has an empty or repeated name %q", c.ID, c.Name)
		}
		names[strings.ToLower(c.Name)] = true
		companies[c.ID] = c
	}
	apps := map[int64]bool{}
	for _, a := range d.Applications {
		if err := ids("application", a.ID, apps); err != nil {
			return err
		}
		c, ok := companies[a.CompanyID]
		if !ok {
			return bad("application %d refers to company %d, which it lacks", a.ID, a.CompanyID)
		}
		a.Company = c
		if err := a.Validate(); err != nil {
			return rowErr("application", a.ID, err)
		}
	}
	stageApp := map[int64]int64{}
	seen = map[int64]bool{}
	for _, s := range d.Stages {
		if err := ids("stage", s.ID, seen); err != nil {
			return err
		}
		if !apps[s.ApplicationID] {
			return bad("stage %d refers to application %d, which it lacks", s.ID, s.ApplicationID)
		}
		if s.Kind.Order() < 0 {
			return bad("stage %d has kind %q", s.ID, s.Kind)
		}
		if err := tracker.CheckStageName(s.Name); err != nil {
			return rowErr("stage", s.ID, err)
		}
		stageApp[s.ID] = s.ApplicationID
	}
	roundApp := map[int64]int64{}
	seen = map[int64]bool{}
	for _, r := range d.Rounds {
		if err := ids("round", r.ID, seen); err != nil {
			return err
		}
		if !apps[r.ApplicationID] || stageApp[r.StageID] != r.ApplicationID {
			return bad("round %d refers to application %d and stage %d, which it lacks", r.ID, r.ApplicationID, r.StageID)
		}
		if err := checkRound(&r); err != nil {
			return rowErr("round", r.ID, err)
		}
		roundApp[r.ID] = r.ApplicationID
	}
	seen = map[int64]bool{}
	for _, c := range d.Contacts {
		if err := ids("contact", c.ID, seen); err != nil {
			return err
		}
		if !apps[c.ApplicationID] {
			return bad("contact %d refers to application %d, which it lacks", c.ID, c.ApplicationID)
		}
		if err := c.Validate(); err != nil {
			return rowErr("contact", c.ID, err)
		}
	}
	seen = map[int64]bool{}
	for _, iv := range d.Interviews {
		if err := ids("interview", iv.ID, seen); err != nil {
			return err
		}
		if !apps[iv.ApplicationID] {
			return bad("interview %d refers to application %d, which it lacks", iv.ID, iv.ApplicationID)
		}
		if iv.RoundID != 0 && roundApp[iv.RoundID] != iv.ApplicationID {
			return bad("interview %d refers to round %d, which it lacks", iv.ID, iv.RoundID)
		}
		if err := checkInterview(&iv); err != nil {
			return rowErr("interview", iv.ID, err)
		}
	}
	seen = map[int64]bool{}
	for _, e := range d.Events {
		if err := ids("event", e.ID, seen); err != nil {
			return err
		}
		if !apps[e.ApplicationID] {
			return bad("event %d refers to application %d, which it lacks", e.ID, e.ApplicationID)
		}
		if !knownEventKind(e.Kind) {
			return bad("event %d has kind %q", e.ID, e.Kind)
		}
		if e.StageID != 0 && stageApp[e.StageID] != e.ApplicationID {
			return bad("event %d refers to stage %d, which it lacks", e.ID, e.StageID)
		}
		if (e.Kind == tracker.EventCreated || e.Kind == tracker.EventMoved) && e.StageID == 0 {
			return bad("event %d (%s) has no stage", e.ID, e.Kind)
		}
		if e.Kind == tracker.EventClosed {
			if o, err := tracker.ParseOutcome(string(e.Outcome)); err != nil || o != e.Outcome {
				return bad("event %d has outcome %q", e.ID, e.Outcome)
			}
		}
		if e.At.IsZero() {
			return bad("event %d has no time", e.ID)
		}
	}
	seen = map[int64]bool{}
	for _, t := range d.Tasks {
		if err := ids("task", t.ID, seen); err != nil {
			return err
		}
		if t.ApplicationID != 0 && !apps[t.ApplicationID] {
			return bad("task %d refers to application %d, which it lacks", t.ID, t.ApplicationID)
		}
		if err := checkTask(&t); err != nil {
			return rowErr("task", t.ID, err)
		}
	}
	keys := map[string]bool{}
	for _, m := range d.TaskMarks {
		if m.Key == "" || keys[m.Key] {
			return bad("task mark %q is empty or repeated", m.Key)
		}
		keys[m.Key] = true
		if m.ApplicationID != 0 && !apps[m.ApplicationID] {
			return bad("task mark %q refers to application %d, which it lacks", m.Key, m.ApplicationID)
		}
		if m.DoneAt.IsZero() {
			return bad("task mark %q has no time", m.Key)
		}
	}
	keys = map[string]bool{}
	for _, s := range d.Settings {
		if s.Key == "" || keys[s.Key] {
			return bad("setting %q is empty or repeated", s.Key)
		}
		keys[s.Key] = true
	}
	interviews := map[int64]bool{}
	for _, iv := range d.Interviews {
		interviews[iv.ID] = true
	}
	for _, a := range d.Asks {
		if !interviews[a.InterviewID] {
			return bad("a question to ask refers to interview %d, which it lacks", a.InterviewID)
		}
	}
	if err := tracker.CheckAsks(d.Asks); err != nil {
		return err
	}
	return nil
}
