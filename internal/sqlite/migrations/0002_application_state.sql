-- application_state is a projection of the event log: for each application, the
-- state its latest created/moved/closed event gives and the time of its latest
-- activity. It is recomputed from the log, inside the same transaction, whenever
-- an event is appended, so it never disagrees with the log; it exists so that
-- listing 2,000 applications reads one row each instead of searching the log.
CREATE TABLE application_state (
	application_id INTEGER PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
	user_id        INTEGER NOT NULL REFERENCES users(id),
	event_kind     TEXT NOT NULL,            -- created, moved or closed
	outcome        TEXT NOT NULL DEFAULT '', -- for closed
	since          TEXT NOT NULL,
	stage_id       INTEGER REFERENCES stages(id),
	stage_kind     TEXT NOT NULL DEFAULT '',  -- the kind of stage_id, for the board's columns
	last_activity  TEXT
);
-- The board reads each column, most recent first, and counts columns, from this index.
CREATE INDEX application_state_board ON application_state(user_id, outcome, stage_kind, since);

-- Backfill from the log. The kinds are tracker.StateKinds and tracker.ActivityKinds
-- as of this migration.
INSERT INTO application_state (application_id, user_id, event_kind, outcome, since, stage_id, last_activity)
SELECT a.id, a.user_id, cur.kind, CASE WHEN cur.kind = 'closed' THEN cur.outcome ELSE '' END, cur.at,
	CASE WHEN cur.kind = 'closed' THEN (
		SELECT e.stage_id FROM events e
		WHERE e.user_id = a.user_id AND e.application_id = a.id AND e.kind IN ('created', 'moved')
		ORDER BY e.at DESC, e.id DESC LIMIT 1) ELSE cur.stage_id END,
	(SELECT MAX(e.at) FROM events e
		WHERE e.application_id = a.id
		AND e.kind IN ('created', 'moved', 'closed', 'interview_scheduled', 'interview_done', 'followed_up'))
FROM applications a
JOIN events cur ON cur.id = (
	SELECT e.id FROM events e
	WHERE e.user_id = a.user_id AND e.application_id = a.id AND e.kind IN ('created', 'moved', 'closed')
	ORDER BY e.at DESC, e.id DESC LIMIT 1);

UPDATE application_state SET stage_kind = COALESCE((SELECT kind FROM stages WHERE stages.id = application_state.stage_id), '');
