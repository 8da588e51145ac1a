package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

func checkSettingKey(key string) error {
	if strings.TrimSpace(key) == "" {
		return errs.Invalidf("a setting needs a key")
	}
	return checkText("setting key", key, tracker.MaxName)
}

// Setting returns a preference, or "" when unset.
func (db *DB) Setting(ctx context.Context, userID int64, key string) (string, error) {
	if err := checkSettingKey(key); err != nil {
		return "", err
	}
	var v string
	err := db.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE user_id = ? AND key = ?`, userID, key).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	if err != nil {
		return "", wrap(err, "setting %s", key)
	}
	return v, nil
}

// SetSetting stores a preference.
func (db *DB) SetSetting(ctx context.Context, userID int64, key, value string) error {
	if err := checkSettingKey(key); err != nil {
		return err
	}
	if err := checkText("setting value", value, tracker.MaxText); err != nil {
		return err
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, userID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO settings (user_id, key, value) VALUES (?, ?, ?)
			ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value`, userID, key, value)
		return err
	})
	return wrap(err, "set setting %s", key)
}
