package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/errs"
)

var _ drill.Store = (*DB)(nil)

const userCardCols = `id, topic, round, difficulty, prompt, answer, tags, created_at, updated_at`

func scanUserCard(r interface{ Scan(...any) error }) (drill.Card, error) {
	c := drill.Card{User: true}
	err := r.Scan(&c.ID, &c.Topic, &c.Round, &c.Difficulty, &c.Prompt, &c.Answer, jsonCol[string]{&c.Tags},
		timeCol{&c.CreatedAt}, timeCol{&c.UpdatedAt})
	return c, err
}

// UserCards returns the user's own cards, oldest first.
func (db *DB) UserCards(ctx context.Context, userID int64) ([]drill.Card, error) {
	var out []drill.Card
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+userCardCols+` FROM user_cards WHERE user_id = ? ORDER BY created_at, id`, userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanUserCard(rows)
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, wrap(err, "user cards")
}

// UserCardTopics returns the user's own cards with only their id, topic and
// round: what the coach needs, without reading every prompt and answer.
func (db *DB) UserCardTopics(ctx context.Context, userID int64) ([]drill.Card, error) {
	var out []drill.Card
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, topic, round FROM user_cards WHERE user_id = ? ORDER BY created_at, id`, userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c := drill.Card{User: true}
			var round string
			if err := rows.Scan(&c.ID, &c.Topic, &round); err != nil {
				return err
			}
			c.Round = drill.Round(round)
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, wrap(err, "user cards")
}

// UserCard returns one of the user's own cards.
func (db *DB) UserCard(ctx context.Context, userID int64, id string) (drill.Card, error) {
	var c drill.Card
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = scanUserCard(tx.QueryRowContext(ctx, `SELECT `+userCardCols+` FROM user_cards WHERE user_id = ? AND id = ?`, userID, id))
		if errors.Is(err, sql.ErrNoRows) {
			return errs.NotFoundf("card %s not found", id)
		}
		return err
	})
	return c, wrap(err, "user card %s", id)
}

// SaveUserCard creates or replaces a user card.
func (db *DB) SaveUserCard(ctx context.Context, userID int64, c drill.Card) error {
	if err := c.Validate(); err != nil {
		return err
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, userID); err != nil {
			return err
		}
		return saveUserCard(ctx, tx, userID, c, db.now())
	})
	return wrap(err, "save card %s", c.ID)
}

// ImportUserCards saves many user cards in one transaction.
func (db *DB) ImportUserCards(ctx context.Context, userID int64, cards []drill.Card) error {
	seen := map[string]bool{}
	for _, c := range cards {
		if err := c.Validate(); err != nil {
			return err
		}
		if seen[c.ID] {
			return errs.Invalidf("card id %s appears twice", c.ID)
		}
		seen[c.ID] = true
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, userID); err != nil {
			return err
		}
		now := db.now()
		for i, c := range cards {
			// A nanosecond apart, so that the cards keep the file's order
			// (UserCards lists by creation time, then id).
			if err := saveUserCard(ctx, tx, userID, c, now.Add(time.Duration(i))); err != nil {
				return err
			}
		}
		return nil
	})
	return wrap(err, "import %d cards", len(cards))
}

// saveUserCard upserts a card; a replaced card keeps its creation time.
func saveUserCard(ctx context.Context, tx *sql.Tx, userID int64, c drill.Card, now time.Time) error {
	tags, err := jsonText(c.Tags)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO user_cards (user_id, id, topic, round, difficulty, prompt, answer, tags, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (user_id, id) DO UPDATE SET topic = excluded.topic, round = excluded.round,
			difficulty = excluded.difficulty, prompt = excluded.prompt, answer = excluded.answer,
			tags = excluded.tags, updated_at = excluded.updated_at`,
		userID, c.ID, c.Topic, string(c.Round), c.Difficulty, c.Prompt, c.Answer, tags, fmtTime(now), fmtTime(now))
	return err
}

// DeleteUserCard deletes a user card with its progress and reviews.
func (db *DB) DeleteUserCard(ctx context.Context, userID int64, id string) error {
	err := db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM user_cards WHERE user_id = ? AND id = ?`, userID, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err == nil {
				err = errs.NotFoundf("card %s not found", id)
			}
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM card_progress WHERE user_id = ? AND card_id = ?`, userID, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM review_log WHERE user_id = ? AND card_id = ?`, userID, id)
		return err
	})
	return wrap(err, "delete card %s", id)
}

const progressCols = `card_id, user_id, state, step, stability, difficulty, due, last_review, reps, lapses`

func scanProgress(r interface{ Scan(...any) error }) (drill.Progress, error) {
	var p drill.Progress
	err := r.Scan(&p.CardID, &p.UserID, &p.State, &p.Step, &p.Stability, &p.Difficulty, timeCol{&p.Due}, timeCol{&p.LastReview}, &p.Reps, &p.Lapses)
	if err != nil {
		return p, err
	}
	p.Card, err = p.FSRS()
	return p, err
}

// queryProgress runs a query of progress rows.
func queryProgress(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]drill.Progress, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []drill.Progress
	for rows.Next() {
		p, err := scanProgress(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Progress returns the user's progress on one card.
func (db *DB) Progress(ctx context.Context, userID int64, cardID string) (drill.Progress, error) {
	var p drill.Progress
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		p, err = scanProgress(tx.QueryRowContext(ctx, `SELECT `+progressCols+` FROM card_progress WHERE user_id = ? AND card_id = ?`, userID, cardID))
		if errors.Is(err, sql.ErrNoRows) {
			return errs.NotFoundf("card %s has not been reviewed", cardID)
		}
		return err
	})
	return p, wrap(err, "progress of card %s", cardID)
}

// AllProgress returns the user's progress on every reviewed card, by card id.
func (db *DB) AllProgress(ctx context.Context, userID int64) ([]drill.Progress, error) {
	var out []drill.Progress
	err := db.read(ctx, func(tx *sql.Tx) (err error) {
		out, err = queryProgress(ctx, tx, `SELECT `+progressCols+` FROM card_progress WHERE user_id = ? ORDER BY card_id`, userID)
		return err
	})
	return out, wrap(err, "progress")
}

// idList is the column value of a list of card ids, read in SQL with
// json_each; nil means "no filter".
func idList(ids []string) (any, error) {
	if ids == nil {
		return nil, nil
	}
	return jsonText(ids)
}

// dueSQL is the due queue's query: ?1 user, ?2 now, ?3 limit, ?4 the JSON
// list of card ids when filtered. It walks card_progress_due in order.
func dueSQL(filtered bool) string {
	q := `SELECT ` + progressCols + ` FROM card_progress WHERE user_id = ?1 AND due <= ?2`
	if filtered {
		q += ` AND card_id IN (SELECT value FROM json_each(?4))`
	}
	return q + ` ORDER BY due, card_id LIMIT ?3`
}

const countDueSQL = `SELECT COUNT(*) FROM card_progress WHERE user_id = ? AND due <= ?`

// DueCards returns reviewed cards due at or before f.Now, most overdue first.
func (db *DB) DueCards(ctx context.Context, f drill.QueueFilter) ([]drill.Progress, error) {
	ids, err := idList(f.CardIDs)
	if err != nil {
		return nil, err
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	var out []drill.Progress
	err = db.read(ctx, func(tx *sql.Tx) (err error) {
		out, err = queryProgress(ctx, tx, dueSQL(ids != nil), f.UserID, fmtTime(f.Now), limit, ids)
		return err
	})
	return out, wrap(err, "due cards")
}

// CountDue counts the reviewed cards due at or before now.
func (db *DB) CountDue(ctx context.Context, userID int64, now time.Time) (int, error) {
	var n int
	err := db.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, countDueSQL, userID, fmtTime(now)).Scan(&n)
	})
	return n, wrap(err, "count due cards")
}

// NextDue returns the earliest due time after now, zero when none.
func (db *DB) NextDue(ctx context.Context, userID int64, now time.Time, cardIDs []string) (time.Time, error) {
	ids, err := idList(cardIDs)
	if err != nil {
		return time.Time{}, err
	}
	q := `SELECT MIN(due) FROM card_progress WHERE user_id = ?1 AND due > ?2`
	if ids != nil {
		q += ` AND card_id IN (SELECT value FROM json_each(?3))`
	}
	var t time.Time
	err = db.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, q, userID, fmtTime(now), ids).Scan(timeCol{&t})
	})
	return t, wrap(err, "next due card")
}

// HasProgress returns which of ids the user has reviewed.
func (db *DB) HasProgress(ctx context.Context, userID int64, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	list, err := jsonText(ids)
	if err != nil {
		return nil, err
	}
	err = db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT card_id FROM card_progress
			WHERE user_id = ? AND card_id IN (SELECT value FROM json_each(?))`, userID, list)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			out[id] = true
		}
		return rows.Err()
	})
	return out, wrap(err, "reviewed cards")
}

// Record appends a review and stores the card's new progress, refusing with
// Conflict when the stored progress is no longer prev.
func (db *DB) Record(ctx context.Context, prev, next drill.Progress, log *drill.ReviewLog) error {
	userID := next.UserID
	if prev.UserID != userID || log.UserID != userID || prev.CardID != next.CardID || log.CardID != next.CardID {
		return errs.Invalidf("a review must be of one card of one user")
	}
	if err := next.Check(); err != nil {
		return err
	}
	if err := log.Check(); err != nil {
		return err
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, userID); err != nil {
			return err
		}
		var reps int
		err := tx.QueryRowContext(ctx, `SELECT reps FROM card_progress WHERE user_id = ? AND card_id = ?`, userID, next.CardID).Scan(&reps)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if reps != prev.Reps {
			return errs.Conflictf("card %s was reviewed meanwhile (%d reviews, expected %d); show it again", next.CardID, reps, prev.Reps)
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO card_progress (`+progressCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (user_id, card_id) DO UPDATE SET state = excluded.state, step = excluded.step,
				stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
				last_review = excluded.last_review, reps = excluded.reps, lapses = excluded.lapses`,
			next.CardID, userID, next.State, next.Step, next.Stability, next.Difficulty, fmtTime(next.Due),
			nullTime(next.LastReview), next.Reps, next.Lapses); err != nil {
			return err
		}
		return insertReview(ctx, tx, userID, log)
	})
	return wrap(err, "record review of card %s", next.CardID)
}

func insertReview(ctx context.Context, tx *sql.Tx, userID int64, r *drill.ReviewLog) error {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO review_log (id, user_id, card_id, at, rating, state_before, state_after, elapsed_days,
			retrievability, stability, difficulty, scheduled_days, due, duration_ms)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullID(r.ID), userID, r.CardID, fmtTime(r.At), int(r.Rating), r.StateBefore, r.StateAfter, r.ElapsedDays,
		r.Retrievability, r.Stability, r.Difficulty, r.ScheduledDays, fmtTime(r.Due), r.DurationMS)
	if err != nil {
		return err
	}
	r.ID, err = res.LastInsertId()
	return err
}

const reviewCols = `id, user_id, card_id, at, rating, state_before, state_after, elapsed_days, retrievability,
	stability, difficulty, scheduled_days, due, duration_ms`

func queryReviews(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]drill.ReviewLog, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []drill.ReviewLog
	for rows.Next() {
		var r drill.ReviewLog
		if err := rows.Scan(&r.ID, &r.UserID, &r.CardID, timeCol{&r.At}, &r.Rating, &r.StateBefore, &r.StateAfter, &r.ElapsedDays,
			&r.Retrievability, &r.Stability, &r.Difficulty, &r.ScheduledDays, timeCol{&r.Due}, &r.DurationMS); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Reviews returns the user's reviews at or after from, oldest first.
func (db *DB) Reviews(ctx context.Context, userID int64, from time.Time) ([]drill.ReviewLog, error) {
	var out []drill.ReviewLog
	err := db.read(ctx, func(tx *sql.Tx) (err error) {
		out, err = queryReviews(ctx, tx, `SELECT `+reviewCols+` FROM review_log WHERE user_id = ? AND at >= ? ORDER BY at, id`,
			userID, fmtTime(from))
		return err
	})
	return out, wrap(err, "reviews")
}

// NewSince counts the distinct cards whose first review was at or after from.
func (db *DB) NewSince(ctx context.Context, userID int64, from time.Time) (int, error) {
	var n int
	err := db.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT COUNT(DISTINCT card_id) FROM review_log
			WHERE user_id = ? AND at >= ? AND state_before = 'new'`, userID, fmtTime(from)).Scan(&n)
	})
	return n, wrap(err, "new cards")
}

// ExportDrill returns the user's drill rows: user cards by creation, progress by
// card, reviews by id.
func (db *DB) ExportDrill(ctx context.Context, userID int64) (*drill.Dump, error) {
	d := &drill.Dump{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, userID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+userCardCols+` FROM user_cards WHERE user_id = ? ORDER BY created_at, id`, userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanUserCard(rows)
			if err != nil {
				return err
			}
			d.UserCards = append(d.UserCards, c)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if d.Progress, err = queryProgress(ctx, tx, `SELECT `+progressCols+` FROM card_progress WHERE user_id = ? ORDER BY card_id`, userID); err != nil {
			return err
		}
		d.Reviews, err = queryReviews(ctx, tx, `SELECT `+reviewCols+` FROM review_log WHERE user_id = ? ORDER BY id`, userID)
		return err
	})
	if err != nil {
		return nil, wrap(err, "export drill of user %d", userID)
	}
	return d, nil
}

// RestoreDrill loads a dump into the user's empty drill tables, keeping review
// ids and card times.
func (db *DB) RestoreDrill(ctx context.Context, userID int64, d *drill.Dump) error {
	if err := d.Check(); err != nil {
		return err
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, userID); err != nil {
			return err
		}
		return restoreDrillRows(ctx, tx, userID, d)
	})
	return wrap(err, "restore drill")
}

// restoreDrillRows writes a checked dump, refusing a user with drill rows.
func restoreDrillRows(ctx context.Context, tx *sql.Tx, userID int64, d *drill.Dump) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM user_cards WHERE user_id = ?1) +
		(SELECT COUNT(*) FROM card_progress WHERE user_id = ?1) +
		(SELECT COUNT(*) FROM review_log WHERE user_id = ?1)`, userID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return errs.Conflictf("the database already has drill cards or reviews; restore into an empty database")
	}
	for _, c := range d.UserCards {
		tags, err := jsonText(c.Tags)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO user_cards (user_id, id, topic, round, difficulty, prompt, answer, tags, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			userID, c.ID, c.Topic, string(c.Round), c.Difficulty, c.Prompt, c.Answer, tags, fmtTime(c.CreatedAt), fmtTime(c.UpdatedAt)); err != nil {
			return fmt.Errorf("user cards: %w", err)
		}
	}
	for _, p := range d.Progress {
		if _, err := tx.ExecContext(ctx, `INSERT INTO card_progress (`+progressCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.CardID, userID, p.State, p.Step, p.Stability, p.Difficulty, fmtTime(p.Due), nullTime(p.LastReview), p.Reps, p.Lapses); err != nil {
			return fmt.Errorf("progress: %w", err)
		}
	}
	for _, r := range d.Reviews {
		if err := insertReview(ctx, tx, userID, &r); err != nil {
			var se *sqlite.Error
			if errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY {
				return errs.Conflictf("the dump's review ids are already used in this database; restore into an empty database")
			}
			return fmt.Errorf("reviews: %w", err)
		}
	}
	return nil
}
