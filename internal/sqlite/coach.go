package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/offerloop/offerloop/internal/coach"
	"github.com/offerloop/offerloop/internal/errs"
)

var (
	_ coach.MarkStore = (*DB)(nil)
	_ coach.DumpStore = (*DB)(nil)
)

// CoachMarks returns the coach's marks of the days from `from` (YYYY-MM-DD)
// on, by day then key; an empty from returns them all.
func (db *DB) CoachMarks(ctx context.Context, userID int64, from string) ([]coach.Mark, error) {
	var out []coach.Mark
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT day, item_key, status FROM coach_marks WHERE user_id = ? AND day >= ? ORDER BY day, item_key`, userID, from)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var m coach.Mark
			if err := rows.Scan(&m.Day, &m.Key, &m.Status); err != nil {
				return err
			}
			out = append(out, m)
		}
		return rows.Err()
	})
	return out, wrap(err, "coach marks")
}

// MarkCoachItem records that an item of a day's plan was done or skipped;
// an empty status clears the mark. It goes through write, so the data
// version moves and cached pages show the mark at once.
func (db *DB) MarkCoachItem(ctx context.Context, userID int64, m coach.Mark, at time.Time) error {
	if err := coach.CheckMark(m, true); err != nil {
		return err
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, userID); err != nil {
			return err
		}
		if m.Status == "" {
			_, err := tx.ExecContext(ctx, `DELETE FROM coach_marks WHERE user_id = ? AND day = ? AND item_key = ?`, userID, m.Day, m.Key)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO coach_marks (user_id, day, item_key, status, at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (user_id, day, item_key) DO UPDATE SET status = excluded.status, at = excluded.at`,
			userID, m.Day, m.Key, m.Status, fmtTime(at))
		return err
	})
	return wrap(err, "mark %s", m.Key)
}

// CoachMarkDump returns every coach mark of the user with its time, for the
// export.
func (db *DB) CoachMarkDump(ctx context.Context, userID int64) ([]coach.StoredMark, error) {
	var out []coach.StoredMark
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT day, item_key, status, at FROM coach_marks WHERE user_id = ? ORDER BY day, item_key`, userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var m coach.StoredMark
			if err := rows.Scan(&m.Day, &m.Key, &m.Status, timeCol{&m.At}); err != nil {
				return err
			}
			out = append(out, m)
		}
		return rows.Err()
	})
	return out, wrap(err, "coach marks")
}

// restoreCoachRows writes a checked coach dump into a user with no marks.
func restoreCoachRows(ctx context.Context, tx *sql.Tx, userID int64, d *coach.Dump) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM coach_marks WHERE user_id = ?`, userID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return errs.Conflictf("the database already has coach marks; restore into an empty database")
	}
	for _, m := range d.Marks {
		if _, err := tx.ExecContext(ctx, `INSERT INTO coach_marks (user_id, day, item_key, status, at) VALUES (?, ?, ?, ?, ?)`,
			userID, m.Day, m.Key, m.Status, fmtTime(m.At)); err != nil {
			return fmt.Errorf("coach marks: %w", err)
		}
	}
	return nil
}
