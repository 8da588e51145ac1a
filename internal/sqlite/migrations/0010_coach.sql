-- The coach's marks: an item of a day's plan marked done or skipped. Item
-- keys are the coach's (review:metrics, problem:softmax, research:12...);
-- tracker tasks are marked in task_marks, not here.
CREATE TABLE coach_marks (
	user_id  INTEGER NOT NULL REFERENCES users(id),
	day      TEXT NOT NULL, -- YYYY-MM-DD in the user's zone
	item_key TEXT NOT NULL,
	status   TEXT NOT NULL CHECK (status IN ('done', 'skipped')),
	at       TEXT NOT NULL,
	PRIMARY KEY (user_id, day, item_key)
) WITHOUT ROWID;
