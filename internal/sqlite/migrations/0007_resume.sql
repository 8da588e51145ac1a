-- Resume checks: each report, attached to the application it was for (or to
-- none), so an application keeps its resume's history against its JD.
CREATE TABLE resume_checks (
	id             INTEGER PRIMARY KEY,
	user_id        INTEGER NOT NULL REFERENCES users(id),
	application_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,
	file           TEXT NOT NULL,
	score          INTEGER NOT NULL,
	match_score    INTEGER,
	report         TEXT NOT NULL, -- the resume.Report as JSON
	at             TEXT NOT NULL
);
CREATE INDEX resume_checks_app ON resume_checks(user_id, application_id, at);
