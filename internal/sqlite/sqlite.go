// Package sqlite stores offerloop's data in one SQLite file, through the pure-Go
// driver modernc.org/sqlite. The SQL lives next to the Go that runs it, one file
// per noun; the schema is a list of numbered migrations embedded in the binary and
// applied when the database is opened.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// DB is an open offerloop database. Its methods are safe for concurrent use, also
// by several processes on the same file: write transactions take the write lock
// when they begin and wait for it up to the busy timeout.
type DB struct {
	db   *sql.DB
	path string

	// Now returns the current time; tests replace it. It stamps created and
	// updated times, and events whose time the caller leaves zero.
	Now func() time.Time
}

var _ tracker.Store = (*DB)(nil)

// Open opens the database at path, creating the file and its directory when
// missing, and brings its schema up to date. It refuses a database written by a
// newer offerloop.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: no database path")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("sqlite: database path %q may not contain ? or #", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("sqlite: create directory for %s: %w", path, err)
	}
	// Every connection gets the same pragmas. _txlock=immediate makes a write
	// transaction take the write lock at BEGIN, so that two writers (the CLI and
	// the server) queue under busy_timeout instead of one failing with
	// SQLITE_BUSY when it upgrades its read lock mid-transaction. Read-only
	// transactions begin deferred and do not wait for writers (WAL).
	dsn := path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-32000)&_txlock=immediate"
	sdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db := &DB{db: sdb, path: path, Now: time.Now}
	if err := db.migrate(ctx); err != nil {
		sdb.Close()
		return nil, err
	}
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error { return db.db.Close() }

// SetNow replaces the clock, for tests.
func (db *DB) SetNow(now func() time.Time) { db.Now = now }

func (db *DB) now() time.Time {
	if db.Now == nil {
		return time.Now().UTC()
	}
	return db.Now().UTC()
}

// at returns t, or the current time when t is zero.
func (db *DB) at(t time.Time) time.Time {
	if t.IsZero() {
		return db.now()
	}
	return t.UTC()
}

//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

var migrationName = regexp.MustCompile(`^(\d{4})_([a-z0-9_]+)\.sql$`)

func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := filepath.Base(n)
		m := migrationName.FindStringSubmatch(base)
		if m == nil {
			return nil, fmt.Errorf("sqlite: migration file %s is not named NNNN_name.sql", base)
		}
		v, _ := strconv.Atoi(m[1])
		b, err := migrationFiles.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: m[2], sql: string(b)})
	}
	slices.SortFunc(ms, func(a, b migration) int { return a.version - b.version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("sqlite: migrations must be numbered 1, 2, 3...: found %04d at place %d", m.version, i+1)
		}
	}
	return ms, nil
}

// SchemaVersion is the highest schema version this binary knows.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	known := len(ms)
	if _, err := db.db.ExecContext(ctx, `
		CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER PRIMARY KEY,
			name       TEXT NOT NULL,
			applied_at TEXT NOT NULL
		)`); err != nil {
		return fmt.Errorf("sqlite: open %s: %w", db.path, err)
	}
	for _, m := range ms {
		if err := db.applyMigration(ctx, m, known); err != nil {
			return err
		}
	}
	// A database with no migration left to apply is still refused when a newer
	// binary has moved it past what this one knows.
	var max int
	if err := db.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&max); err != nil {
		return fmt.Errorf("sqlite: open %s: %w", db.path, err)
	}
	if max > known {
		return newerSchema(db.path, max, known)
	}
	return nil
}

func newerSchema(path string, have, known int) error {
	return errs.Conflictf("database %s was written by a newer offerloop (schema %d, this binary knows %d); upgrade offerloop", path, have, known)
}

// applyMigration applies m unless it already is, in its own transaction, which
// re-reads the version table under the write lock so that two processes opening
// the same new file do not both apply it.
func (db *DB) applyMigration(ctx context.Context, m migration, known int) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: open %s: %w", db.path, err)
	}
	defer tx.Rollback()
	var max int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&max); err != nil {
		return fmt.Errorf("sqlite: open %s: %w", db.path, err)
	}
	if max > known {
		return newerSchema(db.path, max, known)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
		return fmt.Errorf("sqlite: open %s: %w", db.path, err)
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("sqlite: migration %04d_%s: %w", m.version, m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, fmtTime(db.now())); err != nil {
		return fmt.Errorf("sqlite: migration %04d_%s: %w", m.version, m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: migration %04d_%s: %w", m.version, m.name, err)
	}
	return nil
}

// write runs fn in a write transaction: all of it or nothing. Every write
// transaction bumps the data version.
func (db *DB) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE data_version SET n = n + 1 WHERE id = 1`); err != nil {
		return err
	}
	return tx.Commit()
}

// Version returns the data version: it changes whenever a write transaction
// commits, in this process or another one on the same file.
func (db *DB) Version(ctx context.Context) (int64, error) {
	var n int64
	err := db.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT n FROM data_version WHERE id = 1`).Scan(&n)
	})
	return n, wrap(err, "data version")
}

// read runs fn in a read-only transaction, which sees one snapshot and does not
// wait for writers.
func (db *DB) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// wrap adds context to a failure that is not the user's, and maps constraint
// violations to error codes. Domain errors pass through unchanged so that their
// message reaches the user as written.
func wrap(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	var e *errs.Error
	if errors.As(err, &e) {
		return err
	}
	what := fmt.Sprintf(format, args...)
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return fmt.Errorf("sqlite: %s: %w", what, &errs.Error{Code: errs.Conflict, Message: what + ": it already exists"})
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return fmt.Errorf("sqlite: %s: %w", what, &errs.Error{Code: errs.Invalid, Message: what + ": it refers to a record that does not exist"})
		}
	}
	return fmt.Errorf("sqlite: %s: %w", what, err)
}

// timeFormat is RFC 3339 with a fixed nine-digit fraction, in UTC, so that
// comparing the text compares the times.
const timeFormat = "2006-01-02T15:04:05.000000000Z07:00"

func fmtTime(t time.Time) string { return t.UTC().Format(timeFormat) }

// nullTime is the column value of t: NULL when zero.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return fmtTime(t)
}

// nullDate is the column value of d: NULL when zero.
func nullDate(d tracker.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// nullID is the column value of a reference: NULL when zero.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func text(v any) (string, bool, error) {
	switch v := v.(type) {
	case nil:
		return "", false, nil
	case string:
		return v, true, nil
	case []byte:
		return string(v), true, nil
	}
	return "", false, fmt.Errorf("want text, got %T", v)
}

// timeCol scans a time column, NULL as the zero time.
type timeCol struct{ t *time.Time }

func (c timeCol) Scan(v any) error {
	if t, ok := v.(time.Time); ok {
		*c.t = t.UTC()
		return nil
	}
	s, ok, err := text(v)
	if err != nil || !ok {
		*c.t = time.Time{}
		return err
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("bad time %q: %w", s, err)
	}
	*c.t = t.UTC()
	return nil
}

// dateCol scans a date column, NULL or empty text as the zero date.
type dateCol struct{ d *tracker.Date }

func (c dateCol) Scan(v any) error {
	s, _, err := text(v)
	if err != nil {
		return err
	}
	d, err := tracker.ParseDate(s)
	if err != nil {
		return fmt.Errorf("bad date %q", s)
	}
	*c.d = d
	return nil
}

// idCol scans a reference column, NULL as 0.
type idCol struct{ id *int64 }

func (c idCol) Scan(v any) error {
	var n sql.NullInt64
	if err := n.Scan(v); err != nil {
		return err
	}
	*c.id = n.Int64
	return nil
}

// strCol scans a text column, NULL as "".
type strCol struct{ s *string }

func (c strCol) Scan(v any) error {
	s, _, err := text(v)
	*c.s = s
	return err
}

// jsonCol scans a JSON column into a slice, an empty array as nil.
type jsonCol[T any] struct{ v *[]T }

func (c jsonCol[T]) Scan(v any) error {
	s, _, err := text(v)
	if err != nil {
		return err
	}
	*c.v = nil
	if s == "" {
		return nil
	}
	var out []T
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return fmt.Errorf("bad JSON %q: %w", s, err)
	}
	if len(out) > 0 {
		*c.v = out
	}
	return nil
}

// jsonText is the column value of a slice: a JSON array, [] when empty.
func jsonText[T any](v []T) (string, error) {
	if v == nil {
		v = []T{}
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// inKinds is an SQL list of event kinds, such as ('created','moved').
func inKinds(kinds []tracker.EventKind) string {
	q := make([]string, len(kinds))
	for i, k := range kinds {
		q[i] = "'" + strings.ReplaceAll(string(k), "'", "''") + "'"
	}
	return "(" + strings.Join(q, ",") + ")"
}

// queryAll runs a query in a read transaction and scans every row with scan.
func queryAll[T any](ctx context.Context, db *DB, scan func(interface{ Scan(...any) error }) (T, error), q string, args ...any) ([]T, error) {
	var out []T
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			v, err := scan(rows)
			if err != nil {
				return err
			}
			out = append(out, v)
		}
		return rows.Err()
	})
	return out, err
}
