-- The drill: the user's own cards, each reviewed card's scheduling state, and
-- the append-only review log. Bank cards are content, not rows: card_progress and
-- review_log refer to bank and user cards alike by their text id, so they have no
-- foreign key to user_cards.

CREATE TABLE user_cards (
	user_id    INTEGER NOT NULL REFERENCES users(id),
	id         TEXT NOT NULL,
	topic      TEXT NOT NULL,
	round      TEXT NOT NULL,
	difficulty INTEGER NOT NULL,
	prompt     TEXT NOT NULL,
	answer     TEXT NOT NULL,
	tags       TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (user_id, id)
) WITHOUT ROWID;

CREATE TABLE card_progress (
	user_id     INTEGER NOT NULL REFERENCES users(id),
	card_id     TEXT NOT NULL,
	state       TEXT NOT NULL, -- new, learning, review, relearning
	step        INTEGER NOT NULL DEFAULT 0,
	stability   REAL NOT NULL,
	difficulty  REAL NOT NULL,
	due         TEXT NOT NULL,
	last_review TEXT,
	reps        INTEGER NOT NULL,
	lapses      INTEGER NOT NULL,
	PRIMARY KEY (user_id, card_id)
) WITHOUT ROWID;
-- The due queue: a user's cards in due order.
CREATE INDEX card_progress_due ON card_progress(user_id, due);

CREATE TABLE review_log (
	id             INTEGER PRIMARY KEY,
	user_id        INTEGER NOT NULL REFERENCES users(id),
	card_id        TEXT NOT NULL,
	at             TEXT NOT NULL,
	rating         INTEGER NOT NULL,
	state_before   TEXT NOT NULL,
	state_after    TEXT NOT NULL,
	elapsed_days   INTEGER NOT NULL,
	retrievability REAL NOT NULL,
	stability      REAL NOT NULL,
	difficulty     REAL NOT NULL,
	scheduled_days INTEGER NOT NULL,
	due            TEXT NOT NULL,
	duration_ms    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX review_log_user_at ON review_log(user_id, at);
CREATE INDEX review_log_card ON review_log(user_id, card_id, at);
