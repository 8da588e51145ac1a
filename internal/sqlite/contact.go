package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

const contactCols = `id, user_id, application_id, role, name, email, notes, created_at`

func scanContact(sc interface{ Scan(...any) error }) (tracker.Contact, error) {
	var c tracker.Contact
	err := sc.Scan(&c.ID, &c.UserID, &c.ApplicationID, &c.Role, &c.Name, &c.Email, &c.Notes, timeCol{&c.CreatedAt})
	return c, err
}

func insertContact(ctx context.Context, tx *sql.Tx, c *tracker.Contact) error {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO contacts (id, user_id, application_id, role, name, email, notes, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		nullID(c.ID), c.UserID, c.ApplicationID, c.Role, c.Name, c.Email, c.Notes, fmtTime(c.CreatedAt))
	if err != nil {
		return err
	}
	c.ID, err = res.LastInsertId()
	return err
}

// AddContact stores a contact, appends a contact_added event and fills c's id
// and creation time.
func (db *DB) AddContact(ctx context.Context, c *tracker.Contact) error {
	c.Name = strings.TrimSpace(c.Name)
	if err := c.Validate(); err != nil {
		return err
	}
	now := db.now()
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkApplication(ctx, tx, c.UserID, c.ApplicationID); err != nil {
			return err
		}
		c.ID, c.CreatedAt = 0, now
		if err := insertContact(ctx, tx, c); err != nil {
			return err
		}
		return appendEvent(ctx, tx, &tracker.Event{
			UserID: c.UserID, ApplicationID: c.ApplicationID, At: now, Kind: tracker.EventContactAdded,
			RefID: c.ID, Summary: "Added contact " + c.Name + " (" + c.Role.Label() + ")",
		})
	})
	return wrap(err, "add contact to application %d", c.ApplicationID)
}

// Contacts returns an application's contacts in the order they were added.
func (db *DB) Contacts(ctx context.Context, userID, appID int64) ([]tracker.Contact, error) {
	var out []tracker.Contact
	err := db.read(ctx, func(tx *sql.Tx) error {
		if err := checkApplication(ctx, tx, userID, appID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+contactCols+` FROM contacts
			WHERE user_id = ? AND application_id = ? ORDER BY id`, userID, appID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanContact(rows)
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, wrap(err, "contacts of application %d", appID)
	}
	return out, nil
}

// RemoveContact deletes a contact and appends a contact_removed event.
func (db *DB) RemoveContact(ctx context.Context, userID, id int64, at time.Time) error {
	at = db.at(at)
	err := db.write(ctx, func(tx *sql.Tx) error {
		c, err := scanContact(tx.QueryRowContext(ctx, `SELECT `+contactCols+` FROM contacts WHERE id = ? AND user_id = ?`, id, userID))
		if errors.Is(err, sql.ErrNoRows) {
			return errs.NotFoundf("contact %d not found", id)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM contacts WHERE id = ?`, id); err != nil {
			return err
		}
		return appendEvent(ctx, tx, &tracker.Event{
			UserID: userID, ApplicationID: c.ApplicationID, At: at, Kind: tracker.EventContactRemoved,
			RefID: c.ID, Summary: "Removed contact " + c.Name,
		})
	})
	return wrap(err, "remove contact %d", id)
}
