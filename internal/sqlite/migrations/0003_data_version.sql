-- data_version counts committed write transactions, from any process. Readers
-- compare it to reuse what they computed from an unchanged database.
CREATE TABLE data_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n  INTEGER NOT NULL
);
INSERT INTO data_version (id, n) VALUES (1, 0);
