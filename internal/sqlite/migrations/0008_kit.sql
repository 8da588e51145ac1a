-- The application kit: each application's cover letter and pitch.
CREATE TABLE kit_docs (
	user_id        INTEGER NOT NULL REFERENCES users(id),
	application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
	kind           TEXT NOT NULL CHECK (kind IN ('letter', 'pitch')),
	text           TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	PRIMARY KEY (application_id, kind)
) WITHOUT ROWID;
CREATE INDEX kit_docs_user ON kit_docs(user_id);
