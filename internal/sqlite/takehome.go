package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/takehome"
)

var _ takehome.Store = (*DB)(nil)

const takehomeCols = `id, application_id, source, checked_at, score, report`

func scanTakehome(r interface{ Scan(...any) error }) (takehome.Saved, error) {
	var s takehome.Saved
	var report string
	if err := r.Scan(&s.ID, idCol{&s.ApplicationID}, &s.Source, timeCol{&s.CheckedAt}, &s.Score, &report); err != nil {
		return s, err
	}
	s.Report = &takehome.Report{}
	if err := json.Unmarshal([]byte(report), s.Report); err != nil {
		return s, fmt.Errorf("take-home report %d: %w", s.ID, err)
	}
	return s, nil
}

// SaveTakehome stores a take-home report, attached to its application when
// it has one.
func (db *DB) SaveTakehome(ctx context.Context, userID int64, s *takehome.Saved) error {
	if err := s.Check(); err != nil {
		return err
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
		return insertTakehome(ctx, tx, userID, s, false)
	})
	return wrap(err, "save take-home report")
}

func insertTakehome(ctx context.Context, tx *sql.Tx, userID int64, s *takehome.Saved, keepID bool) error {
	report, err := json.Marshal(s.Report)
	if err != nil {
		return err
	}
	var id any
	if keepID {
		id = s.ID
	}
	return tx.QueryRowContext(ctx, `INSERT INTO takehome_reports (id, user_id, application_id, source, checked_at, score, report)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		id, userID, nullID(s.ApplicationID), s.Source, fmtTime(s.CheckedAt), s.Score, string(report)).Scan(&s.ID)
}

func (db *DB) queryTakehome(ctx context.Context, q string, args ...any) ([]takehome.Saved, error) {
	return queryAll(ctx, db, scanTakehome, q, args...)
}

// TakehomeReports returns an application's take-home reports, or all of the
// user's when applicationID is 0, newest first.
func (db *DB) TakehomeReports(ctx context.Context, userID, applicationID int64) ([]takehome.Saved, error) {
	q := `SELECT ` + takehomeCols + ` FROM takehome_reports WHERE user_id = ? AND application_id = ? ORDER BY checked_at DESC, id DESC`
	args := []any{userID, applicationID}
	if applicationID == 0 {
		q = `SELECT ` + takehomeCols + ` FROM takehome_reports WHERE user_id = ? ORDER BY checked_at DESC, id DESC`
		args = args[:1]
	}
	out, err := db.queryTakehome(ctx, q, args...)
	return out, wrap(err, "take-home reports")
}

// TakehomeReport returns one take-home report.
func (db *DB) TakehomeReport(ctx context.Context, userID, id int64) (takehome.Saved, error) {
	out, err := db.queryTakehome(ctx, `SELECT `+takehomeCols+` FROM takehome_reports WHERE user_id = ? AND id = ?`, userID, id)
	if err != nil {
		return takehome.Saved{}, wrap(err, "take-home report %d", id)
	}
	if len(out) == 0 {
		return takehome.Saved{}, errs.NotFoundf("take-home report %d not found", id)
	}
	return out[0], nil
}

// restoreTakehomeRows writes a checked take-home dump into a user with none.
func restoreTakehomeRows(ctx context.Context, tx *sql.Tx, userID int64, d *takehome.Dump) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM takehome_reports WHERE user_id = ?`, userID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return errs.Conflictf("the database already has take-home reports; restore into an empty database")
	}
	for i := range d.Reports {
		if err := insertTakehome(ctx, tx, userID, &d.Reports[i], true); err != nil {
			return fmt.Errorf("take-home reports: %w", err)
		}
	}
	return nil
}
