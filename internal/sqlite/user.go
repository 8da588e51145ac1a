package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// localUserName names the one user of local mode.
const localUserName = "local"

// LocalUser returns the single user of local mode (the first user), creating it
// on first use.
func (db *DB) LocalUser(ctx context.Context) (*tracker.User, error) {
	var u tracker.User
	first := func(tx *sql.Tx) (bool, error) {
		err := tx.QueryRowContext(ctx, `SELECT id, name, created_at FROM users ORDER BY id LIMIT 1`).
			Scan(&u.ID, &u.Name, timeCol{&u.CreatedAt})
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		return err == nil, err
	}
	// Most calls find the user; only the first takes the write lock.
	var found bool
	err := db.read(ctx, func(tx *sql.Tx) (err error) {
		found, err = first(tx)
		return err
	})
	if err == nil && !found {
		err = db.write(ctx, func(tx *sql.Tx) error {
			if found, err := first(tx); err != nil || found {
				return err
			}
			u = tracker.User{Name: localUserName, CreatedAt: db.now()}
			return insertUser(ctx, tx, &u)
		})
	}
	if err != nil {
		return nil, wrap(err, "local user")
	}
	return &u, nil
}

// CreateUser adds a user. Local mode has one (LocalUser); a server for many
// users, and the store tests, add more.
func (db *DB) CreateUser(ctx context.Context, name string) (*tracker.User, error) {
	if strings.TrimSpace(name) == "" {
		return nil, errs.Invalidf("a user needs a name")
	}
	if err := tracker.CheckStageName(name); err != nil { // same length and text rules
		return nil, err
	}
	u := tracker.User{Name: name, CreatedAt: db.now()}
	if err := db.write(ctx, func(tx *sql.Tx) error { return insertUser(ctx, tx, &u) }); err != nil {
		return nil, wrap(err, "create user")
	}
	return &u, nil
}

func insertUser(ctx context.Context, tx *sql.Tx, u *tracker.User) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO users (name, created_at) VALUES (?, ?)`, u.Name, fmtTime(u.CreatedAt))
	if err != nil {
		return err
	}
	u.ID, err = res.LastInsertId()
	return err
}

// checkUser returns NotFound unless the user exists.
func checkUser(ctx context.Context, tx *sql.Tx, userID int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE id = ?`, userID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return errs.NotFoundf("user %d not found", userID)
	}
	return nil
}
