package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/kit"
)

var _ kit.Store = (*DB)(nil)

// SaveDoc stores an application's letter or pitch, replacing the last one.
func (db *DB) SaveDoc(ctx context.Context, userID int64, d *kit.Doc) error {
	if err := d.Check(); err != nil {
		return err
	}
	d.UpdatedAt = db.now().UTC()
	err := db.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM applications WHERE user_id = ? AND id = ?`, userID, d.ApplicationID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return errs.NotFoundf("application %d not found", d.ApplicationID)
		}
		return upsertDoc(ctx, tx, userID, d)
	})
	return wrap(err, "save %s", d.Kind)
}

func upsertDoc(ctx context.Context, tx *sql.Tx, userID int64, d *kit.Doc) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO kit_docs (user_id, application_id, kind, text, updated_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (application_id, kind) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
		userID, d.ApplicationID, d.Kind, d.Text, fmtTime(d.UpdatedAt))
	return err
}

// Docs returns an application's letter and pitch, or all of the user's.
func (db *DB) Docs(ctx context.Context, userID, applicationID int64) ([]kit.Doc, error) {
	var out []kit.Doc
	err := db.read(ctx, func(tx *sql.Tx) error {
		q := `SELECT application_id, kind, text, updated_at FROM kit_docs WHERE user_id = ?`
		args := []any{userID}
		if applicationID != 0 {
			q += ` AND application_id = ?`
			args = append(args, applicationID)
		}
		rows, err := tx.QueryContext(ctx, q+` ORDER BY application_id, kind`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d kit.Doc
			if err := rows.Scan(&d.ApplicationID, &d.Kind, &d.Text, timeCol{&d.UpdatedAt}); err != nil {
				return err
			}
			out = append(out, d)
		}
		return rows.Err()
	})
	return out, wrap(err, "kit documents")
}

// restoreKitRows writes a checked kit dump into a user with none.
func restoreKitRows(ctx context.Context, tx *sql.Tx, userID int64, d *kit.Dump) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM kit_docs WHERE user_id = ?`, userID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return errs.Conflictf("the database already has cover letters or pitches; restore into an empty database")
	}
	for i := range d.Docs {
		if err := upsertDoc(ctx, tx, userID, &d.Docs[i]); err != nil {
			return fmt.Errorf("kit documents: %w", err)
		}
	}
	return nil
}
