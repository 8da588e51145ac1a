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

const roundCols = `r.id, r.user_id, r.application_id, r.stage_id, r.position, r.kind, r.name, r.minutes`

func scanRound(sc interface{ Scan(...any) error }) (tracker.Round, error) {
	var r tracker.Round
	err := sc.Scan(&r.ID, &r.UserID, &r.ApplicationID, &r.StageID, &r.Position, &r.Kind, &r.Name, &r.Minutes)
	return r, err
}

// checkRound validates a round, giving it its kind's usual length when it has none.
func checkRound(r *tracker.Round) error {
	r.Name = strings.TrimSpace(r.Name)
	if err := tracker.CheckStageName(r.Name); err != nil {
		return err
	}
	loops, err := tracker.LoadLoops()
	if err != nil {
		return err
	}
	info, ok := loops.RoundKind(r.Kind)
	if !ok {
		return errs.Invalidf("unknown round kind %q", r.Kind)
	}
	if r.Minutes < 0 || r.Minutes > 12*60 {
		return errs.Invalidf("a round lasts between 1 minute and 12 hours, not %d minutes", r.Minutes)
	}
	if r.Minutes == 0 {
		r.Minutes = info.Minutes
	}
	return nil
}

func insertRound(ctx context.Context, tx *sql.Tx, r *tracker.Round) error {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO rounds (id, user_id, application_id, stage_id, position, kind, name, minutes)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		nullID(r.ID), r.UserID, r.ApplicationID, r.StageID, r.Position, r.Kind, r.Name, r.Minutes)
	if err != nil {
		return err
	}
	r.ID, err = res.LastInsertId()
	return err
}

// findRound returns one of the user's rounds, NotFound otherwise.
func findRound(ctx context.Context, tx *sql.Tx, userID, id int64) (tracker.Round, error) {
	r, err := scanRound(tx.QueryRowContext(ctx, `SELECT `+roundCols+` FROM rounds r WHERE r.id = ? AND r.user_id = ?`, id, userID))
	if errors.Is(err, sql.ErrNoRows) {
		return r, errs.NotFoundf("round %d not found", id)
	}
	return r, err
}

// Rounds returns an application's planned rounds in the order of their stages,
// then their own.
func (db *DB) Rounds(ctx context.Context, userID, appID int64) ([]tracker.Round, error) {
	var out []tracker.Round
	err := db.read(ctx, func(tx *sql.Tx) error {
		if err := checkApplication(ctx, tx, userID, appID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+roundCols+` FROM rounds r JOIN stages s ON s.id = r.stage_id
			WHERE r.user_id = ? AND r.application_id = ? ORDER BY s.position, r.position, r.id`, userID, appID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanRound(rows)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, wrap(err, "rounds of application %d", appID)
	}
	return out, nil
}

// AddRound appends a round to a stage of the application and fills r's id and
// position.
func (db *DB) AddRound(ctx context.Context, r *tracker.Round, at time.Time) error {
	if err := checkRound(r); err != nil {
		return err
	}
	at = db.at(at)
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkApplication(ctx, tx, r.UserID, r.ApplicationID); err != nil {
			return err
		}
		s, err := findStage(ctx, tx, r.UserID, r.StageID)
		if err != nil {
			return err
		}
		if s.ApplicationID != r.ApplicationID {
			return errs.NotFoundf("stage %d is not one of this application's stages", r.StageID)
		}
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(position), 0) + 1 FROM rounds WHERE application_id = ?`,
			r.ApplicationID).Scan(&r.Position); err != nil {
			return err
		}
		r.ID = 0
		if err := insertRound(ctx, tx, r); err != nil {
			return err
		}
		return appendEvent(ctx, tx, &tracker.Event{
			UserID: r.UserID, ApplicationID: r.ApplicationID, At: at, Kind: tracker.EventRoundAdded,
			RefID: r.ID, Summary: "Added round " + r.Name + " to " + s.Name,
		})
	})
	return wrap(err, "add round to application %d", r.ApplicationID)
}

// RenameRound renames a round.
func (db *DB) RenameRound(ctx context.Context, userID, roundID int64, name string, at time.Time) error {
	name = strings.TrimSpace(name)
	if err := tracker.CheckStageName(name); err != nil {
		return err
	}
	at = db.at(at)
	err := db.write(ctx, func(tx *sql.Tx) error {
		r, err := findRound(ctx, tx, userID, roundID)
		if err != nil {
			return err
		}
		if r.Name == name {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE rounds SET name = ? WHERE id = ?`, name, r.ID); err != nil {
			return err
		}
		return appendEvent(ctx, tx, &tracker.Event{
			UserID: userID, ApplicationID: r.ApplicationID, At: at, Kind: tracker.EventRoundRenamed,
			RefID: r.ID, Summary: "Renamed round " + r.Name + " to " + name,
		})
	})
	return wrap(err, "rename round %d", roundID)
}

// RemoveRound deletes a round; interviews tied to it stay, with no round and
// their own kind.
func (db *DB) RemoveRound(ctx context.Context, userID, roundID int64, at time.Time) error {
	at = db.at(at)
	err := db.write(ctx, func(tx *sql.Tx) error {
		r, err := findRound(ctx, tx, userID, roundID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM rounds WHERE id = ?`, r.ID); err != nil {
			return err
		}
		return appendEvent(ctx, tx, &tracker.Event{
			UserID: userID, ApplicationID: r.ApplicationID, At: at, Kind: tracker.EventRoundRemoved,
			RefID: r.ID, Summary: "Removed round " + r.Name,
		})
	})
	return wrap(err, "remove round %d", roundID)
}
