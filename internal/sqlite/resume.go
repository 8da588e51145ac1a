package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/resume"
)

var _ resume.Store = (*DB)(nil)

const resumeCols = `id, application_id, file, score, match_score, report, at`

func scanSaved(r interface{ Scan(...any) error }) (resume.Saved, error) {
	var s resume.Saved
	var match sql.NullInt64
	var report string
	if err := r.Scan(&s.ID, idCol{&s.ApplicationID}, &s.File, &s.Score, &match, &report, timeCol{&s.At}); err != nil {
		return s, err
	}
	if match.Valid {
		m := int(match.Int64)
		s.MatchScore = &m
	}
	s.Report = &resume.Report{}
	if err := json.Unmarshal([]byte(report), s.Report); err != nil {
		return s, fmt.Errorf("resume check %d: %w", s.ID, err)
	}
	return s, nil
}

// SaveCheck stores a resume check.
func (db *DB) SaveCheck(ctx context.Context, userID int64, s *resume.Saved) error {
	if s.Report == nil {
		return errs.Invalidf("a resume check needs its report")
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, userID); err != nil {
			return err
		}
		if s.ApplicationID != 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM applications WHERE user_id = ? AND id = ?`, userID, s.ApplicationID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return errs.NotFoundf("application %d not found", s.ApplicationID)
			}
		}
		return insertSaved(ctx, tx, userID, s, false)
	})
	return wrap(err, "save resume check")
}

func insertSaved(ctx context.Context, tx *sql.Tx, userID int64, s *resume.Saved, keepID bool) error {
	report, err := json.Marshal(s.Report)
	if err != nil {
		return err
	}
	var id, match any
	if keepID {
		id = s.ID
	}
	if s.MatchScore != nil {
		match = *s.MatchScore
	}
	return tx.QueryRowContext(ctx, `INSERT INTO resume_checks (id, user_id, application_id, file, score, match_score, report, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		id, userID, nullID(s.ApplicationID), s.File, s.Score, match, string(report), fmtTime(s.At)).Scan(&s.ID)
}

func (db *DB) queryChecks(ctx context.Context, q string, args ...any) ([]resume.Saved, error) {
	return queryAll(ctx, db, scanSaved, q, args...)
}

// Checks returns an application's resume checks, newest first.
func (db *DB) Checks(ctx context.Context, userID, applicationID int64) ([]resume.Saved, error) {
	q := `SELECT ` + resumeCols + ` FROM resume_checks WHERE user_id = ? AND application_id = ? ORDER BY at DESC, id DESC`
	args := []any{userID, applicationID}
	if applicationID == 0 {
		q = `SELECT ` + resumeCols + ` FROM resume_checks WHERE user_id = ? AND application_id IS NULL ORDER BY at DESC, id DESC`
		args = args[:1]
	}
	out, err := db.queryChecks(ctx, q, args...)
	return out, wrap(err, "resume checks")
}

// SavedCheck returns one resume check.
func (db *DB) SavedCheck(ctx context.Context, userID, id int64) (resume.Saved, error) {
	out, err := db.queryChecks(ctx, `SELECT `+resumeCols+` FROM resume_checks WHERE user_id = ? AND id = ?`, userID, id)
	if err != nil {
		return resume.Saved{}, wrap(err, "resume check %d", id)
	}
	if len(out) == 0 {
		return resume.Saved{}, errs.NotFoundf("resume check %d not found", id)
	}
	return out[0], nil
}

// ExportChecks returns every resume check of the user, oldest first.
func (db *DB) ExportChecks(ctx context.Context, userID int64) ([]resume.Saved, error) {
	out, err := db.queryChecks(ctx, `SELECT `+resumeCols+` FROM resume_checks WHERE user_id = ? ORDER BY id`, userID)
	return out, wrap(err, "export resume checks")
}

// restoreResumeRows writes a checked resume dump into a user with none.
func restoreResumeRows(ctx context.Context, tx *sql.Tx, userID int64, d *resume.Dump) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM resume_checks WHERE user_id = ?`, userID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return errs.Conflictf("the database already has resume checks; restore into an empty database")
	}
	for i := range d.Checks {
		if err := insertSaved(ctx, tx, userID, &d.Checks[i], true); err != nil {
			return fmt.Errorf("resume checks: %w", err)
		}
	}
	return nil
}
