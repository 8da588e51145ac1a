package sqlite

import (
	"context"
	"database/sql"

	"github.com/offerloop/offerloop/internal/tracker"
)

// refreshStateSQL recomputes the application_state rows of the applications
// selected by the WHERE clause appended to it, from the event log alone.
func refreshStateSQL(where string) string {
	stateKinds := inKinds(tracker.StateKinds)
	return `
		INSERT INTO application_state (application_id, user_id, event_kind, outcome, since, stage_id, stage_kind, last_activity)
		SELECT x.id, x.user_id, x.kind, x.outcome, x.at, x.stage_id, COALESCE(s.kind, ''), x.last_activity
		FROM (` + stateSelect(stateKinds) + ` WHERE ` + where + `) x
		LEFT JOIN stages s ON s.id = x.stage_id
		WHERE true
		ON CONFLICT (application_id) DO UPDATE SET
			event_kind = excluded.event_kind, outcome = excluded.outcome, since = excluded.since,
			stage_id = excluded.stage_id, stage_kind = excluded.stage_kind, last_activity = excluded.last_activity`
}

// stateSelect computes, for each application it reads, the state its log gives.
func stateSelect(stateKinds string) string {
	return `
		SELECT a.id, a.user_id, cur.kind, CASE WHEN cur.kind = 'closed' THEN cur.outcome ELSE '' END AS outcome, cur.at,
			CASE WHEN cur.kind = 'closed' THEN (
				SELECT e.stage_id FROM events e
				WHERE e.user_id = a.user_id AND e.application_id = a.id AND e.kind IN ` + stateKinds + ` AND e.kind <> 'closed'
				ORDER BY e.at DESC, e.id DESC LIMIT 1) ELSE cur.stage_id END AS stage_id,
			(SELECT MAX(e.at) FROM events e
				WHERE e.application_id = a.id AND e.kind IN ` + inKinds(tracker.ActivityKinds) + `) AS last_activity
		FROM applications a
		JOIN events cur ON cur.id = (
			SELECT e.id FROM events e
			WHERE e.user_id = a.user_id AND e.application_id = a.id AND e.kind IN ` + stateKinds + `
			ORDER BY e.at DESC, e.id DESC LIMIT 1)`
}

var (
	refreshOneSQL  = refreshStateSQL("a.id = ?")
	refreshUserSQL = refreshStateSQL("a.user_id = ?")
)

// refreshState recomputes one application's state row after its log changed.
func refreshState(ctx context.Context, tx *sql.Tx, appID int64) error {
	_, err := tx.ExecContext(ctx, refreshOneSQL, appID)
	return err
}

// refreshUserState recomputes every state row of a user, after a restore.
func refreshUserState(ctx context.Context, tx *sql.Tx, userID int64) error {
	_, err := tx.ExecContext(ctx, refreshUserSQL, userID)
	return err
}
