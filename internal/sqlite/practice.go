package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/practice"
	"github.com/offerloop/offerloop/internal/tracker"
)

var _ practice.Store = (*DB)(nil)

const storyCols = `id, title, situation, task, action, result, categories, companies, created_at, updated_at`

func scanStory(r interface{ Scan(...any) error }) (practice.Story, error) {
	var s practice.Story
	var cats, comps string
	if err := r.Scan(&s.ID, &s.Title, &s.Situation, &s.Task, &s.Action, &s.Result, &cats, &comps, timeCol{&s.CreatedAt}, timeCol{&s.UpdatedAt}); err != nil {
		return s, err
	}
	if err := json.Unmarshal([]byte(cats), &s.Categories); err != nil {
		return s, fmt.Errorf("story %d categories: %w", s.ID, err)
	}
	if err := json.Unmarshal([]byte(comps), &s.Companies); err != nil {
		return s, fmt.Errorf("story %d companies: %w", s.ID, err)
	}
	return s, nil
}

// Stories returns the user's stories, oldest first.
func (db *DB) Stories(ctx context.Context, userID int64) ([]practice.Story, error) {
	var out []practice.Story
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+storyCols+` FROM stories WHERE user_id = ? ORDER BY id`, userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			s, err := scanStory(rows)
			if err != nil {
				return err
			}
			out = append(out, s)
		}
		return rows.Err()
	})
	return out, wrap(err, "stories")
}

// Story returns one story.
func (db *DB) Story(ctx context.Context, userID, id int64) (practice.Story, error) {
	var s practice.Story
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		s, err = scanStory(tx.QueryRowContext(ctx, `SELECT `+storyCols+` FROM stories WHERE user_id = ? AND id = ?`, userID, id))
		if err == sql.ErrNoRows {
			return errs.NotFoundf("story %d not found", id)
		}
		return err
	})
	return s, wrap(err, "story %d", id)
}

// SaveStory inserts or updates a story.
func (db *DB) SaveStory(ctx context.Context, userID int64, s *practice.Story) error {
	if err := s.Validate(); err != nil {
		return err
	}
	now := db.now().UTC()
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, userID); err != nil {
			return err
		}
		return saveStory(ctx, tx, userID, s, now)
	})
	return wrap(err, "save story")
}

func saveStory(ctx context.Context, tx *sql.Tx, userID int64, s *practice.Story, now time.Time) error {
	cats, err := jsonText(s.Categories)
	if err != nil {
		return err
	}
	comps, err := jsonText(s.Companies)
	if err != nil {
		return err
	}
	if s.ID == 0 {
		if s.CreatedAt.IsZero() {
			s.CreatedAt = now
		}
		s.UpdatedAt = now
		return tx.QueryRowContext(ctx, `INSERT INTO stories (user_id, title, situation, task, action, result, categories, companies, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			userID, s.Title, s.Situation, s.Task, s.Action, s.Result, cats, comps, fmtTime(s.CreatedAt), fmtTime(s.UpdatedAt)).Scan(&s.ID)
	}
	s.UpdatedAt = now
	res, err := tx.ExecContext(ctx, `UPDATE stories SET title = ?, situation = ?, task = ?, action = ?, result = ?, categories = ?, companies = ?, updated_at = ?
		WHERE user_id = ? AND id = ?`, s.Title, s.Situation, s.Task, s.Action, s.Result, cats, comps, fmtTime(s.UpdatedAt), userID, s.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errs.NotFoundf("story %d not found", s.ID)
	}
	return nil
}

// DeleteStory deletes one story.
func (db *DB) DeleteStory(ctx context.Context, userID, id int64) error {
	err := db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE user_id = ? AND id = ?`, userID, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errs.NotFoundf("story %d not found", id)
		}
		return nil
	})
	return wrap(err, "delete story %d", id)
}

const sessionCols = `id, prompt_id, started_at, finished_at, notes, seconds, checked`

func scanSession(r interface{ Scan(...any) error }) (practice.DesignSession, error) {
	var s practice.DesignSession
	var notes, secs, checked string
	if err := r.Scan(&s.ID, &s.PromptID, timeCol{&s.StartedAt}, timeCol{&s.FinishedAt}, &notes, &secs, &checked); err != nil {
		return s, err
	}
	for _, f := range []struct {
		raw string
		v   any
	}{{notes, &s.Notes}, {secs, &s.Seconds}, {checked, &s.Checked}} {
		if err := json.Unmarshal([]byte(f.raw), f.v); err != nil {
			return s, fmt.Errorf("design session %d: %w", s.ID, err)
		}
	}
	return s, nil
}

// DesignSessions returns the user's design sessions, newest first.
func (db *DB) DesignSessions(ctx context.Context, userID int64) ([]practice.DesignSession, error) {
	var out []practice.DesignSession
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+sessionCols+` FROM design_sessions WHERE user_id = ? ORDER BY started_at DESC, id DESC`, userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			s, err := scanSession(rows)
			if err != nil {
				return err
			}
			out = append(out, s)
		}
		return rows.Err()
	})
	return out, wrap(err, "design sessions")
}

// DesignSession returns one design session.
func (db *DB) DesignSession(ctx context.Context, userID, id int64) (practice.DesignSession, error) {
	var s practice.DesignSession
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		s, err = scanSession(tx.QueryRowContext(ctx, `SELECT `+sessionCols+` FROM design_sessions WHERE user_id = ? AND id = ?`, userID, id))
		if err == sql.ErrNoRows {
			return errs.NotFoundf("design session %d not found", id)
		}
		return err
	})
	return s, wrap(err, "design session %d", id)
}

// SaveDesignSession inserts or updates a design session.
func (db *DB) SaveDesignSession(ctx context.Context, userID int64, s *practice.DesignSession) error {
	lib, err := practice.Load()
	if err != nil {
		return err
	}
	if err := lib.CheckSession(s); err != nil {
		return err
	}
	err = db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, userID); err != nil {
			return err
		}
		return saveSession(ctx, tx, userID, s, false)
	})
	return wrap(err, "save design session")
}

func saveSession(ctx context.Context, tx *sql.Tx, userID int64, s *practice.DesignSession, keepID bool) error {
	var cols [3]string
	for i, v := range []any{s.Notes, s.Seconds, s.Checked} {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		cols[i] = string(b)
	}
	if s.ID == 0 || keepID {
		var id any
		if keepID {
			id = s.ID
		}
		return tx.QueryRowContext(ctx, `INSERT INTO design_sessions (id, user_id, prompt_id, started_at, finished_at, notes, seconds, checked)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			id, userID, s.PromptID, fmtTime(s.StartedAt), nullTime(s.FinishedAt), cols[0], cols[1], cols[2]).Scan(&s.ID)
	}
	res, err := tx.ExecContext(ctx, `UPDATE design_sessions SET finished_at = ?, notes = ?, seconds = ?, checked = ?
		WHERE user_id = ? AND id = ? AND prompt_id = ?`, nullTime(s.FinishedAt), cols[0], cols[1], cols[2], userID, s.ID, s.PromptID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errs.NotFoundf("design session %d not found", s.ID)
	}
	return nil
}

// PlanMarks returns the user's marks on the study plan.
func (db *DB) PlanMarks(ctx context.Context, userID int64) (map[string]practice.PlanMark, error) {
	out := map[string]practice.PlanMark{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT item_id, status, at FROM plan_marks WHERE user_id = ? ORDER BY item_id`, userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var m practice.PlanMark
			if err := rows.Scan(&m.ItemID, &m.Status, timeCol{&m.At}); err != nil {
				return err
			}
			out[m.ItemID] = m
		}
		return rows.Err()
	})
	return out, wrap(err, "plan marks")
}

// MarkPlanItem records a plan item done or skipped, or clears its mark.
func (db *DB) MarkPlanItem(ctx context.Context, userID int64, itemID, status string, at time.Time) error {
	if status != "" && status != practice.MarkDone && status != practice.MarkSkipped {
		return errs.Invalidf("a plan item is marked done or skipped, not %q", status)
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, userID); err != nil {
			return err
		}
		if status == "" {
			_, err := tx.ExecContext(ctx, `DELETE FROM plan_marks WHERE user_id = ? AND item_id = ?`, userID, itemID)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO plan_marks (user_id, item_id, status, at) VALUES (?, ?, ?, ?)
			ON CONFLICT (user_id, item_id) DO UPDATE SET status = excluded.status, at = excluded.at`, userID, itemID, status, fmtTime(at))
		return err
	})
	return wrap(err, "mark plan item %s", itemID)
}

// ExportPractice returns every practice row of the user.
func (db *DB) ExportPractice(ctx context.Context, userID int64) (*practice.Dump, error) {
	d := &practice.Dump{Stories: []practice.Story{}, DesignSessions: []practice.DesignSession{}, PlanMarks: []practice.PlanMark{}}
	var err error
	if d.Stories, err = db.Stories(ctx, userID); err != nil {
		return nil, err
	}
	if d.DesignSessions, err = db.DesignSessions(ctx, userID); err != nil {
		return nil, err
	}
	marks, err := db.PlanMarks(ctx, userID)
	if err != nil {
		return nil, err
	}
	for _, m := range marks {
		d.PlanMarks = append(d.PlanMarks, m)
	}
	sortMarks(d.PlanMarks)
	if d.Stories == nil {
		d.Stories = []practice.Story{}
	}
	if d.DesignSessions == nil {
		d.DesignSessions = []practice.DesignSession{}
	}
	return d, nil
}

func sortMarks(ms []practice.PlanMark) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].ItemID < ms[j-1].ItemID; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// restorePracticeRows writes a checked practice dump into a user with none.
func restorePracticeRows(ctx context.Context, tx *sql.Tx, userID int64, d *practice.Dump) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM stories WHERE user_id = ?1) +
		(SELECT COUNT(*) FROM design_sessions WHERE user_id = ?1) +
		(SELECT COUNT(*) FROM plan_marks WHERE user_id = ?1)`, userID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return errs.Conflictf("the database already has stories, design sessions or plan marks; restore into an empty database")
	}
	for i := range d.Stories {
		s := d.Stories[i]
		cats, _ := jsonText(s.Categories)
		comps, _ := jsonText(s.Companies)
		if _, err := tx.ExecContext(ctx, `INSERT INTO stories (id, user_id, title, situation, task, action, result, categories, companies, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, s.ID, userID, s.Title, s.Situation, s.Task, s.Action, s.Result, cats, comps,
			fmtTime(s.CreatedAt), fmtTime(s.UpdatedAt)); err != nil {
			return fmt.Errorf("stories: %w", err)
		}
	}
	for i := range d.DesignSessions {
		if err := saveSession(ctx, tx, userID, &d.DesignSessions[i], true); err != nil {
			return fmt.Errorf("design sessions: %w", err)
		}
	}
	for _, m := range d.PlanMarks {
		if _, err := tx.ExecContext(ctx, `INSERT INTO plan_marks (user_id, item_id, status, at) VALUES (?, ?, ?, ?)`,
			userID, m.ItemID, m.Status, fmtTime(m.At)); err != nil {
			return fmt.Errorf("plan marks: %w", err)
		}
	}
	return nil
}

// InterviewAsks returns the questions the user chose to ask, for one
// interview, or for all of them when interviewID is 0.
func (db *DB) InterviewAsks(ctx context.Context, userID, interviewID int64) ([]tracker.InterviewAsk, error) {
	var out []tracker.InterviewAsk
	err := db.read(ctx, func(tx *sql.Tx) error {
		var out2 []tracker.InterviewAsk
		var err error
		out2, err = selectAsks(ctx, tx, userID, interviewID)
		out = out2
		return err
	})
	return out, wrap(err, "interview questions")
}

func selectAsks(ctx context.Context, tx *sql.Tx, userID, interviewID int64) ([]tracker.InterviewAsk, error) {
	q := `SELECT interview_id, question_id, text FROM interview_asks WHERE user_id = ?`
	args := []any{userID}
	if interviewID != 0 {
		q += ` AND interview_id = ?`
		args = append(args, interviewID)
	}
	rows, err := tx.QueryContext(ctx, q+` ORDER BY interview_id, position`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tracker.InterviewAsk
	for rows.Next() {
		var a tracker.InterviewAsk
		if err := rows.Scan(&a.InterviewID, &a.QuestionID, &a.Text); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SetInterviewAsks replaces the questions the user will ask at an interview.
func (db *DB) SetInterviewAsks(ctx context.Context, userID, interviewID int64, asks []tracker.InterviewAsk) error {
	if err := tracker.CheckAsks(asks); err != nil {
		return err
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM interviews WHERE user_id = ? AND id = ?`, userID, interviewID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return errs.NotFoundf("interview %d not found", interviewID)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM interview_asks WHERE user_id = ? AND interview_id = ?`, userID, interviewID); err != nil {
			return err
		}
		return insertAsks(ctx, tx, userID, interviewID, asks)
	})
	return wrap(err, "set interview questions")
}

func insertAsks(ctx context.Context, tx *sql.Tx, userID, interviewID int64, asks []tracker.InterviewAsk) error {
	for i, a := range asks {
		id := interviewID
		if id == 0 {
			id = a.InterviewID
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO interview_asks (user_id, interview_id, position, question_id, text) VALUES (?, ?, ?, ?, ?)`,
			userID, id, i, a.QuestionID, a.Text); err != nil {
			return err
		}
	}
	return nil
}
