-- The tracker: users, companies, applications and everything attached to them.
-- Times are TEXT in UTC, fixed-width RFC 3339 with nanoseconds, so that text order
-- is time order; calendar days are TEXT 'YYYY-MM-DD'; absent values are NULL.

CREATE TABLE users (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	created_at TEXT NOT NULL
);

CREATE TABLE companies (
	id         INTEGER PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id),
	name       TEXT NOT NULL,
	kind       TEXT NOT NULL,
	website    TEXT NOT NULL DEFAULT '',
	notes      TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX companies_user_name ON companies(user_id, lower(name));

CREATE TABLE applications (
	id         INTEGER PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id),
	company_id INTEGER NOT NULL REFERENCES companies(id),
	role       TEXT NOT NULL,
	level      TEXT NOT NULL DEFAULT '',
	location   TEXT NOT NULL DEFAULT '',
	source     TEXT NOT NULL DEFAULT '',
	jd_text    TEXT NOT NULL DEFAULT '',
	jd_url     TEXT NOT NULL DEFAULT '',
	applied_on TEXT,
	deadline   TEXT,
	notes      TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX applications_user ON applications(user_id, applied_on);
CREATE INDEX applications_company ON applications(company_id);

CREATE TABLE stages (
	id             INTEGER PRIMARY KEY,
	user_id        INTEGER NOT NULL REFERENCES users(id),
	application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
	position       INTEGER NOT NULL,
	kind           TEXT NOT NULL,
	custom         INTEGER NOT NULL DEFAULT 0,
	name           TEXT NOT NULL
);
CREATE INDEX stages_application ON stages(application_id, position);

CREATE TABLE rounds (
	id             INTEGER PRIMARY KEY,
	user_id        INTEGER NOT NULL REFERENCES users(id),
	application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
	stage_id       INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
	position       INTEGER NOT NULL,
	kind           TEXT NOT NULL,
	name           TEXT NOT NULL,
	minutes        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rounds_application ON rounds(application_id, position);
CREATE INDEX rounds_stage ON rounds(stage_id);

CREATE TABLE contacts (
	id             INTEGER PRIMARY KEY,
	user_id        INTEGER NOT NULL REFERENCES users(id),
	application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
	role           TEXT NOT NULL,
	name           TEXT NOT NULL,
	email          TEXT NOT NULL DEFAULT '',
	notes          TEXT NOT NULL DEFAULT '',
	created_at     TEXT NOT NULL
);
CREATE INDEX contacts_application ON contacts(application_id);

CREATE TABLE interviews (
	id             INTEGER PRIMARY KEY,
	user_id        INTEGER NOT NULL REFERENCES users(id),
	application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
	round_id       INTEGER REFERENCES rounds(id) ON DELETE SET NULL,
	kind           TEXT NOT NULL,
	title          TEXT NOT NULL,
	at             TEXT NOT NULL,
	minutes        INTEGER NOT NULL,
	location       TEXT NOT NULL DEFAULT '',
	interviewers   TEXT NOT NULL DEFAULT '[]', -- JSON array of {name, email}
	notes          TEXT NOT NULL DEFAULT '',
	detail         TEXT NOT NULL DEFAULT '',
	outcome        TEXT NOT NULL DEFAULT '',   -- '' while pending
	red_flags      TEXT NOT NULL DEFAULT '[]', -- JSON array of red-flag keys
	done_at        TEXT,
	created_at     TEXT NOT NULL
);
CREATE INDEX interviews_user_at ON interviews(user_id, at);
CREATE INDEX interviews_application ON interviews(application_id, at);
CREATE INDEX interviews_round ON interviews(round_id);

-- events is append-only: the state of an application is derived from it.
CREATE TABLE events (
	id             INTEGER PRIMARY KEY,
	user_id        INTEGER NOT NULL REFERENCES users(id),
	application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
	at             TEXT NOT NULL,
	kind           TEXT NOT NULL,
	stage_id       INTEGER REFERENCES stages(id), -- created, moved, closed
	outcome        TEXT NOT NULL DEFAULT '',      -- closed
	ref_id         INTEGER NOT NULL DEFAULT 0,
	summary        TEXT NOT NULL DEFAULT ''
);
-- An application's state is its latest state event, and its last activity the
-- time of its latest activity event: each one seek in these partial indexes,
-- the first of which also holds the funnel's stage steps in order. Their WHERE
-- clauses must stay the same as the queries' (tracker.StateKinds and
-- tracker.ActivityKinds) for the planner to use them.
CREATE INDEX events_state ON events(user_id, application_id, at, id, kind, stage_id, outcome)
	WHERE kind IN ('created','moved','closed');
CREATE INDEX events_activity ON events(application_id, at, kind)
	WHERE kind IN ('created','moved','closed','interview_scheduled','interview_done','followed_up');
CREATE INDEX events_application ON events(application_id, at, id);
CREATE INDEX events_stage ON events(stage_id);

CREATE TABLE tasks (
	id             INTEGER PRIMARY KEY,
	user_id        INTEGER NOT NULL REFERENCES users(id),
	application_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,
	title          TEXT NOT NULL,
	due            TEXT,
	done_at        TEXT,
	created_at     TEXT NOT NULL
);
CREATE INDEX tasks_user ON tasks(user_id);
CREATE INDEX tasks_application ON tasks(application_id);

CREATE TABLE task_marks (
	user_id        INTEGER NOT NULL REFERENCES users(id),
	key            TEXT NOT NULL,
	application_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,
	done_at        TEXT NOT NULL,
	PRIMARY KEY (user_id, key)
);
CREATE INDEX task_marks_application ON task_marks(application_id);

CREATE TABLE settings (
	user_id INTEGER NOT NULL REFERENCES users(id),
	key     TEXT NOT NULL,
	value   TEXT NOT NULL,
	PRIMARY KEY (user_id, key)
);
