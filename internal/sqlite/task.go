package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

const taskCols = `id, user_id, application_id, title, due, done_at, created_at`

func scanTask(sc interface{ Scan(...any) error }) (tracker.ManualTask, error) {
	var t tracker.ManualTask
	err := sc.Scan(&t.ID, &t.UserID, idCol{&t.ApplicationID}, &t.Title, timeCol{&t.Due}, timeCol{&t.DoneAt}, timeCol{&t.CreatedAt})
	return t, err
}

func insertTask(ctx context.Context, tx *sql.Tx, t *tracker.ManualTask) error {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO tasks (id, user_id, application_id, title, due, done_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		nullID(t.ID), t.UserID, nullID(t.ApplicationID), t.Title, nullTime(t.Due), nullTime(t.DoneAt), fmtTime(t.CreatedAt))
	if err != nil {
		return err
	}
	t.ID, err = res.LastInsertId()
	return err
}

func checkTask(t *tracker.ManualTask) error {
	t.Title = strings.TrimSpace(t.Title)
	if t.Title == "" {
		return errs.Invalidf("a task needs a title")
	}
	return checkText("title", t.Title, tracker.MaxShort)
}

// CreateTask stores a manual task and fills its id and creation time.
func (db *DB) CreateTask(ctx context.Context, t *tracker.ManualTask) error {
	if err := checkTask(t); err != nil {
		return err
	}
	now := db.now()
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, t.UserID); err != nil {
			return err
		}
		if t.ApplicationID != 0 {
			if err := checkApplication(ctx, tx, t.UserID, t.ApplicationID); err != nil {
				return err
			}
		}
		t.ID, t.CreatedAt = 0, now
		t.Due, t.DoneAt = t.Due.UTC(), t.DoneAt.UTC()
		return insertTask(ctx, tx, t)
	})
	return wrap(err, "create task")
}

// FindTasks returns the user's manual tasks (of one application when appID is
// set): open ones first, then by due time (none last), then as created.
func (db *DB) FindTasks(ctx context.Context, userID, appID int64) ([]tracker.ManualTask, error) {
	var out []tracker.ManualTask
	err := db.read(ctx, func(tx *sql.Tx) error {
		cond, args := "", []any{userID}
		if appID != 0 {
			if err := checkApplication(ctx, tx, userID, appID); err != nil {
				return err
			}
			cond, args = " AND application_id = ?", append(args, appID)
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+taskCols+` FROM tasks WHERE user_id = ?`+cond+`
			ORDER BY done_at IS NOT NULL, due IS NULL, due, id`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			t, err := scanTask(rows)
			if err != nil {
				return err
			}
			out = append(out, t)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, wrap(err, "find tasks")
	}
	return out, nil
}

// SetTaskDone marks a manual task done at at (now when zero), or open again
// when done is false.
func (db *DB) SetTaskDone(ctx context.Context, userID, id int64, done bool, at time.Time) error {
	var doneAt any
	if done {
		doneAt = fmtTime(db.at(at))
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE tasks SET done_at = ? WHERE id = ? AND user_id = ?`, doneAt, id, userID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return errs.NotFoundf("task %d not found", id)
		}
		return nil
	})
	return wrap(err, "set task %d done", id)
}

// MarkTask records a derived task done at m.DoneAt (now when zero), or clears
// the mark when done is false. When the mark belongs to an application an event
// of kind ev (task_done or task_reopened when empty) is appended with summary
// (the key when empty).
func (db *DB) MarkTask(ctx context.Context, m tracker.TaskMark, done bool, ev tracker.EventKind, summary string) error {
	if strings.TrimSpace(m.Key) == "" {
		return errs.Invalidf("a task mark needs a key")
	}
	if err := checkText("task key", m.Key, tracker.MaxShort); err != nil {
		return err
	}
	if err := checkText("summary", summary, tracker.MaxText); err != nil {
		return err
	}
	if ev == "" {
		ev = tracker.EventTaskReopened
		if done {
			ev = tracker.EventTaskDone
		}
	}
	if !knownEventKind(ev) {
		return errs.Invalidf("unknown event kind %q", ev)
	}
	if summary == "" {
		summary = m.Key
	}
	at := db.at(m.DoneAt)
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, m.UserID); err != nil {
			return err
		}
		if m.ApplicationID != 0 {
			if err := checkApplication(ctx, tx, m.UserID, m.ApplicationID); err != nil {
				return err
			}
		}
		if done {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO task_marks (user_id, key, application_id, done_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (user_id, key) DO UPDATE SET application_id = excluded.application_id, done_at = excluded.done_at`,
				m.UserID, m.Key, nullID(m.ApplicationID), fmtTime(at)); err != nil {
				return err
			}
		} else {
			if _, err := tx.ExecContext(ctx, `DELETE FROM task_marks WHERE user_id = ? AND key = ?`, m.UserID, m.Key); err != nil {
				return err
			}
		}
		if m.ApplicationID == 0 {
			return nil
		}
		return appendEvent(ctx, tx, &tracker.Event{
			UserID: m.UserID, ApplicationID: m.ApplicationID, At: at, Kind: ev, Summary: summary,
		})
	})
	return wrap(err, "mark task %s", m.Key)
}

// TaskMarks returns the user's marks: when each derived task was done, by key.
func (db *DB) TaskMarks(ctx context.Context, userID int64) (map[string]time.Time, error) {
	out := map[string]time.Time{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT key, done_at FROM task_marks WHERE user_id = ?`, userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k string
			var t time.Time
			if err := rows.Scan(&k, timeCol{&t}); err != nil {
				return err
			}
			out[k] = t
		}
		return rows.Err()
	})
	if err != nil {
		return nil, wrap(err, "task marks")
	}
	return out, nil
}
