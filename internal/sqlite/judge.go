package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/judge"
)

var _ judge.Store = (*DB)(nil)

const attemptCols = `id, problem_id, code, verdict, passed, total, time_ms, at`

func scanAttempts(rows *sql.Rows) ([]judge.Attempt, error) {
	defer rows.Close()
	var out []judge.Attempt
	for rows.Next() {
		var a judge.Attempt
		var at string
		if err := rows.Scan(&a.ID, &a.ProblemID, &a.Code, &a.Verdict, &a.Passed, &a.Total, &a.TimeMS, &at); err != nil {
			return nil, err
		}
		t, err := time.Parse(time.RFC3339Nano, at)
		if err != nil {
			return nil, fmt.Errorf("attempt %d: bad time %q", a.ID, at)
		}
		a.At = t
		out = append(out, a)
	}
	return out, rows.Err()
}

// AddAttempt stores one graded submission.
func (db *DB) AddAttempt(ctx context.Context, userID int64, a judge.Attempt) (int64, error) {
	if err := (&judge.Dump{Attempts: []judge.Attempt{a}}).Check(); err != nil {
		return 0, err
	}
	var id int64
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, userID); err != nil {
			return err
		}
		return insertAttempt(ctx, tx, userID, &a, &id)
	})
	return id, wrap(err, "add attempt")
}

func insertAttempt(ctx context.Context, tx *sql.Tx, userID int64, a *judge.Attempt, id *int64) error {
	var idArg any
	if a.ID > 0 {
		idArg = a.ID
	}
	return tx.QueryRowContext(ctx, `
		INSERT INTO judge_attempts (id, user_id, problem_id, code, verdict, passed, total, time_ms, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		idArg, userID, a.ProblemID, a.Code, a.Verdict, a.Passed, a.Total, a.TimeMS, fmtTime(a.At)).Scan(id)
}

// Attempts returns the user's attempts at one problem, newest first.
func (db *DB) Attempts(ctx context.Context, userID int64, problemID string, limit int) ([]judge.Attempt, error) {
	if limit <= 0 {
		limit = -1
	}
	var out []judge.Attempt
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+attemptCols+` FROM judge_attempts
			WHERE user_id = ? AND problem_id = ? ORDER BY at DESC, id DESC LIMIT ?`, userID, problemID, limit)
		if err != nil {
			return err
		}
		out, err = scanAttempts(rows)
		return err
	})
	return out, wrap(err, "attempts")
}

// ProgressByProblem summarises the user's attempts per problem.
func (db *DB) ProgressByProblem(ctx context.Context, userID int64) (map[string]judge.Progress, error) {
	out := map[string]judge.Progress{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `
			SELECT problem_id, COUNT(*), MAX(verdict = 'accepted'), MAX(at),
				(SELECT verdict FROM judge_attempts b WHERE b.user_id = a.user_id AND b.problem_id = a.problem_id ORDER BY at DESC, id DESC LIMIT 1)
			FROM judge_attempts a WHERE user_id = ? GROUP BY problem_id`, userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, last, verdict string
			var p judge.Progress
			if err := rows.Scan(&id, &p.Attempts, &p.Solved, &last, &verdict); err != nil {
				return err
			}
			p.LastVerdict = verdict
			if p.Last, err = time.Parse(time.RFC3339Nano, last); err != nil {
				return err
			}
			out[id] = p
		}
		return rows.Err()
	})
	return out, wrap(err, "judge progress")
}

// ExportAttempts returns every attempt of the user, oldest first.
func (db *DB) ExportAttempts(ctx context.Context, userID int64) ([]judge.Attempt, error) {
	var out []judge.Attempt
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+attemptCols+` FROM judge_attempts WHERE user_id = ? ORDER BY id`, userID)
		if err != nil {
			return err
		}
		out, err = scanAttempts(rows)
		return err
	})
	return out, wrap(err, "export attempts")
}

// restoreAttemptRows writes a checked judge dump into a user with no attempts.
func restoreAttemptRows(ctx context.Context, tx *sql.Tx, userID int64, d *judge.Dump) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM judge_attempts WHERE user_id = ?`, userID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return errs.Conflictf("the database already has judge attempts; restore into an empty database")
	}
	for i := range d.Attempts {
		var id int64
		if err := insertAttempt(ctx, tx, userID, &d.Attempts[i], &id); err != nil {
			return fmt.Errorf("judge attempts: %w", err)
		}
	}
	return nil
}
