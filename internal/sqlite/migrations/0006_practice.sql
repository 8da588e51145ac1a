-- Practice rounds: behavioral stories, ML system design sessions, marks on the
-- coding study plan, and the questions a user will ask at each interview.
CREATE TABLE stories (
	id         INTEGER PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id),
	title      TEXT NOT NULL,
	situation  TEXT NOT NULL DEFAULT '',
	task       TEXT NOT NULL DEFAULT '',
	action     TEXT NOT NULL DEFAULT '',
	result     TEXT NOT NULL DEFAULT '',
	categories TEXT NOT NULL DEFAULT '[]', -- JSON array of category ids
	companies  TEXT NOT NULL DEFAULT '[]', -- JSON array of company names
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX stories_user ON stories(user_id, id);

CREATE TABLE design_sessions (
	id          INTEGER PRIMARY KEY,
	user_id     INTEGER NOT NULL REFERENCES users(id),
	prompt_id   TEXT NOT NULL,
	started_at  TEXT NOT NULL,
	finished_at TEXT,
	notes       TEXT NOT NULL DEFAULT '{}', -- JSON: step id -> notes
	seconds     TEXT NOT NULL DEFAULT '{}', -- JSON: step id -> seconds spent
	checked     TEXT NOT NULL DEFAULT '{}'  -- JSON: step id -> rubric point indices
);
CREATE INDEX design_sessions_user ON design_sessions(user_id, started_at);

CREATE TABLE plan_marks (
	user_id INTEGER NOT NULL REFERENCES users(id),
	item_id TEXT NOT NULL,
	status  TEXT NOT NULL CHECK (status IN ('done', 'skipped')),
	at      TEXT NOT NULL,
	PRIMARY KEY (user_id, item_id)
) WITHOUT ROWID;

CREATE TABLE interview_asks (
	user_id      INTEGER NOT NULL REFERENCES users(id),
	interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
	position     INTEGER NOT NULL,
	question_id  TEXT NOT NULL,
	text         TEXT NOT NULL,
	PRIMARY KEY (interview_id, position)
) WITHOUT ROWID;
CREATE INDEX interview_asks_user ON interview_asks(user_id);
