-- The judge: every graded submission, with its code and verdict. Problems are
-- content, not rows, so problem_id is the problem's text id.
CREATE TABLE judge_attempts (
	id         INTEGER PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id),
	problem_id TEXT NOT NULL,
	code       TEXT NOT NULL,
	verdict    TEXT NOT NULL,
	passed     INTEGER NOT NULL,
	total      INTEGER NOT NULL,
	time_ms    REAL NOT NULL,
	at         TEXT NOT NULL
);
CREATE INDEX judge_attempts_problem ON judge_attempts(user_id, problem_id, at);
