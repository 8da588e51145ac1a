package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

const stageCols = `id, user_id, application_id, position, kind, custom, name`

func scanStage(sc interface{ Scan(...any) error }) (tracker.Stage, error) {
	var s tracker.Stage
	err := sc.Scan(&s.ID, &s.UserID, &s.ApplicationID, &s.Position, &s.Kind, &s.Custom, &s.Name)
	return s, err
}

func insertStage(ctx context.Context, tx *sql.Tx, s *tracker.Stage) error {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO stages (id, user_id, application_id, position, kind, custom, name)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		nullID(s.ID), s.UserID, s.ApplicationID, s.Position, s.Kind, s.Custom, s.Name)
	if err != nil {
		return err
	}
	s.ID, err = res.LastInsertId()
	return err
}

func selectStages(ctx context.Context, tx *sql.Tx, userID, appID int64) ([]tracker.Stage, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+stageCols+` FROM stages
		WHERE user_id = ? AND application_id = ? ORDER BY position, id`, userID, appID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tracker.Stage
	for rows.Next() {
		s, err := scanStage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// findStage returns one of the user's stages, NotFound otherwise.
func findStage(ctx context.Context, tx *sql.Tx, userID, id int64) (tracker.Stage, error) {
	s, err := scanStage(tx.QueryRowContext(ctx, `SELECT `+stageCols+` FROM stages WHERE id = ? AND user_id = ?`, id, userID))
	if errors.Is(err, sql.ErrNoRows) {
		return s, errs.NotFoundf("stage %d not found", id)
	}
	return s, err
}

// renumberStages sets the positions of the stages, in order, to 1, 2, 3...
func renumberStages(ctx context.Context, tx *sql.Tx, stages []tracker.Stage) error {
	for i, s := range stages {
		if s.Position == i+1 {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stages SET position = ? WHERE id = ?`, i+1, s.ID); err != nil {
			return err
		}
	}
	return nil
}

// checkStageNameFree returns Conflict when another stage of the application has
// the name, since a stage is named to move an application to it.
func checkStageNameFree(stages []tracker.Stage, name string, except int64) error {
	for _, s := range stages {
		if s.ID != except && strings.EqualFold(s.Name, name) {
			return errs.Conflictf("the application already has a stage named %s", s.Name)
		}
	}
	return nil
}

// Stages returns an application's stages in order.
func (db *DB) Stages(ctx context.Context, userID, appID int64) ([]tracker.Stage, error) {
	var out []tracker.Stage
	err := db.read(ctx, func(tx *sql.Tx) (err error) {
		if err := checkApplication(ctx, tx, userID, appID); err != nil {
			return err
		}
		out, err = selectStages(ctx, tx, userID, appID)
		return err
	})
	if err != nil {
		return nil, wrap(err, "stages of application %d", appID)
	}
	return out, nil
}

// AddStage inserts a custom stage after the stage afterID (0: at the end) with
// the kind of the stage it follows.
func (db *DB) AddStage(ctx context.Context, userID, appID, afterID int64, name string, at time.Time) (*tracker.Stage, error) {
	name = strings.TrimSpace(name)
	if err := tracker.CheckStageName(name); err != nil {
		return nil, err
	}
	at = db.at(at)
	var added tracker.Stage
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkApplication(ctx, tx, userID, appID); err != nil {
			return err
		}
		stages, err := selectStages(ctx, tx, userID, appID)
		if err != nil {
			return err
		}
		if err := checkStageNameFree(stages, name, 0); err != nil {
			return err
		}
		i := len(stages) - 1
		if afterID != 0 {
			i = slices.IndexFunc(stages, func(s tracker.Stage) bool { return s.ID == afterID })
			if i < 0 {
				return errs.NotFoundf("stage %d is not one of this application's stages", afterID)
			}
		}
		added = tracker.Stage{UserID: userID, ApplicationID: appID, Kind: tracker.Applied, Custom: true, Name: name}
		if i >= 0 {
			added.Kind = stages[i].Kind
		}
		if err := insertStage(ctx, tx, &added); err != nil {
			return err
		}
		stages = slices.Insert(stages, i+1, added)
		if err := renumberStages(ctx, tx, stages); err != nil {
			return err
		}
		added.Position = i + 2
		return appendEvent(ctx, tx, &tracker.Event{
			UserID: userID, ApplicationID: appID, At: at, Kind: tracker.EventStageAdded,
			RefID: added.ID, Summary: "Added stage " + name,
		})
	})
	if err != nil {
		return nil, wrap(err, "add stage to application %d", appID)
	}
	return &added, nil
}

// RenameStage renames a stage.
func (db *DB) RenameStage(ctx context.Context, userID, stageID int64, name string, at time.Time) error {
	name = strings.TrimSpace(name)
	if err := tracker.CheckStageName(name); err != nil {
		return err
	}
	at = db.at(at)
	err := db.write(ctx, func(tx *sql.Tx) error {
		s, err := findStage(ctx, tx, userID, stageID)
		if err != nil {
			return err
		}
		if s.Name == name {
			return nil
		}
		stages, err := selectStages(ctx, tx, userID, s.ApplicationID)
		if err != nil {
			return err
		}
		if err := checkStageNameFree(stages, name, s.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stages SET name = ? WHERE id = ?`, name, s.ID); err != nil {
			return err
		}
		return appendEvent(ctx, tx, &tracker.Event{
			UserID: userID, ApplicationID: s.ApplicationID, At: at, Kind: tracker.EventStageRenamed,
			RefID: s.ID, Summary: "Renamed stage " + s.Name + " to " + name,
		})
	})
	return wrap(err, "rename stage %d", stageID)
}

// RemoveStage deletes a stage the application has never been in, with its
// rounds; Conflict when the application has been in it, since its history
// refers to it.
func (db *DB) RemoveStage(ctx context.Context, userID, stageID int64, at time.Time) error {
	at = db.at(at)
	err := db.write(ctx, func(tx *sql.Tx) error {
		s, err := findStage(ctx, tx, userID, stageID)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM events WHERE stage_id = ?`, s.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return errs.Conflictf("cannot remove %s: the application has been in it", s.Name)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM rounds WHERE stage_id = ?`, s.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM stages WHERE id = ?`, s.ID); err != nil {
			return err
		}
		stages, err := selectStages(ctx, tx, userID, s.ApplicationID)
		if err != nil {
			return err
		}
		if err := renumberStages(ctx, tx, stages); err != nil {
			return err
		}
		return appendEvent(ctx, tx, &tracker.Event{
			UserID: userID, ApplicationID: s.ApplicationID, At: at, Kind: tracker.EventStageRemoved,
			RefID: s.ID, Summary: "Removed stage " + s.Name,
		})
	})
	return wrap(err, "remove stage %d", stageID)
}
