package sqlite

import (
	"context"
	"database/sql"
	"slices"

	"github.com/offerloop/offerloop/internal/tracker"
)

const eventCols = `id, user_id, application_id, at, kind, stage_id, outcome, ref_id, summary`

func scanEvent(sc interface{ Scan(...any) error }) (tracker.Event, error) {
	var e tracker.Event
	err := sc.Scan(&e.ID, &e.UserID, &e.ApplicationID, timeCol{&e.At}, &e.Kind, idCol{&e.StageID}, &e.Outcome, &e.RefID, &e.Summary)
	return e, err
}

// appendEvent adds e to its application's log and fills e.ID.
func appendEvent(ctx context.Context, tx *sql.Tx, e *tracker.Event) error {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO events (user_id, application_id, at, kind, stage_id, outcome, ref_id, summary)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		e.UserID, e.ApplicationID, fmtTime(e.At), e.Kind, nullID(e.StageID), e.Outcome, e.RefID, e.Summary)
	if err != nil {
		return err
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if slices.Contains(tracker.ActivityKinds, e.Kind) || slices.Contains(tracker.StateKinds, e.Kind) {
		return refreshState(ctx, tx, e.ApplicationID)
	}
	return nil
}

// Events returns an application's log, oldest first.
func (db *DB) Events(ctx context.Context, userID, appID int64) ([]tracker.Event, error) {
	var out []tracker.Event
	err := db.read(ctx, func(tx *sql.Tx) error {
		if err := checkApplication(ctx, tx, userID, appID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+eventCols+` FROM events
			WHERE user_id = ? AND application_id = ? ORDER BY at, id`, userID, appID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			e, err := scanEvent(rows)
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, wrap(err, "events of application %d", appID)
	}
	return out, nil
}

// stageStepsSQL reads the user's state events in the order of the events_state
// index, so that nothing is sorted.
var stageStepsSQL = `
	SELECT e.application_id, e.at,
		CASE WHEN e.kind = 'closed' THEN '' ELSE COALESCE(s.kind, '') END,
		CASE WHEN e.kind = 'closed' THEN e.outcome ELSE '' END
	FROM events e
	LEFT JOIN stages s ON s.id = e.stage_id
	WHERE e.user_id = ? AND e.kind IN ` + inKinds(tracker.StateKinds) + `
	ORDER BY e.application_id, e.at, e.id`

// StageSteps returns every state event of the user's applications, ordered by
// application, then time, then id. Closed steps carry their outcome and no stage
// kind.
func (db *DB) StageSteps(ctx context.Context, userID int64) ([]tracker.StageStep, error) {
	var out []tracker.StageStep
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, stageStepsSQL, userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s tracker.StageStep
			if err := rows.Scan(&s.ApplicationID, timeCol{&s.At}, &s.StageKind, &s.Outcome); err != nil {
				return err
			}
			out = append(out, s)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, wrap(err, "stage steps")
	}
	return out, nil
}

var eventKinds = []tracker.EventKind{
	tracker.EventCreated, tracker.EventMoved, tracker.EventClosed, tracker.EventEdited, tracker.EventNote,
	tracker.EventStageAdded, tracker.EventStageRenamed, tracker.EventStageRemoved,
	tracker.EventRoundAdded, tracker.EventRoundRenamed, tracker.EventRoundRemoved,
	tracker.EventInterviewScheduled, tracker.EventInterviewUpdated, tracker.EventInterviewDone,
	tracker.EventContactAdded, tracker.EventContactRemoved,
	tracker.EventTaskDone, tracker.EventTaskReopened, tracker.EventFollowedUp,
}

func knownEventKind(k tracker.EventKind) bool { return slices.Contains(eventKinds, k) }
