-- Take-home checks: each report, attached to the application it was for (or
-- to none), so an application keeps the history of its take-home.
CREATE TABLE takehome_reports (
	id             INTEGER PRIMARY KEY,
	user_id        INTEGER NOT NULL REFERENCES users(id),
	application_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,
	source         TEXT NOT NULL, -- the folder, file or uploaded zip checked
	checked_at     TEXT NOT NULL,
	score          INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
	report         TEXT NOT NULL  -- the takehome.Report as JSON
);
CREATE INDEX takehome_reports_app ON takehome_reports(user_id, application_id, checked_at);
