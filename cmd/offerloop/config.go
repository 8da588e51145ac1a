package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/sqlite"
	"github.com/offerloop/offerloop/internal/tracker"
)

// flags is a command's flag set with the options every command shares.
type flags struct {
	*flag.FlagSet
	db   *string
	json *bool
	e    *env
}

func newFlags(e *env, name, usage string, withJSON bool) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f := &flags{FlagSet: fs, e: e}
	f.db = fs.String("db", "", "database file (default: OFFERLOOP_DB, else the user data directory)")
	if withJSON {
		f.json = fs.Bool("json", false, "print JSON")
	}
	fs.Usage = func() { fmt.Fprint(e.stdout, usage) }
	return f
}

// parse reads flags anywhere among the arguments ("app move 3 onsite --note x")
// and returns the positional ones. -h prints the command's usage.
func (f *flags) parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				f.Usage()
				return nil, flag.ErrHelp
			}
			return nil, usagef("%s: %v", f.Name(), err)
		}
		rest := f.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// parseID parses the arguments of a command that starts with the id of a
// record (what: "application" or "interview"): at least n positional
// arguments, exactly n when exact. It returns the id and all the positional
// arguments.
func (f *flags) parseID(args []string, n int, exact bool, what, usage string) (int64, []string, error) {
	pos, err := f.parse(args)
	if err != nil {
		return 0, nil, err
	}
	if len(pos) < n || (exact && len(pos) != n) {
		return 0, nil, usagef("%s", usage)
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(pos[0], "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, nil, usagef("%q is not an %s id", pos[0], what)
	}
	return id, pos, nil
}

func (f *flags) wantJSON() bool { return f.json != nil && *f.json }

// dbPath resolves the database: the flag, then OFFERLOOP_DB, then the XDG data
// directory, then ~/.local/share.
func dbPath(flagValue string, getenv func(string) string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if p := getenv("OFFERLOOP_DB"); p != "" {
		return p, nil
	}
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "offerloop", "offerloop.db"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("cannot find the data directory: set HOME, XDG_DATA_HOME or OFFERLOOP_DB, or pass --db")
	}
	return filepath.Join(home, ".local", "share", "offerloop", "offerloop.db"), nil
}

// session is an open database with its local user, the clock and the zone.
type session struct {
	db   *sqlite.DB
	user *tracker.User
	now  func() time.Time
	loc  *time.Location
}

func (s *session) Close() error { return s.db.Close() }

func (f *flags) open(ctx context.Context) (*session, error) {
	path, err := dbPath(*f.db, f.e.getenv)
	if err != nil {
		return nil, err
	}
	now, loc, err := clock(f.e.getenv)
	if err != nil {
		return nil, err
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	db.Now = now
	u, err := db.LocalUser(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	return &session{db: db, user: u, now: now, loc: loc}, nil
}

// clock returns the time source and zone. OFFERLOOP_NOW (RFC 3339) freezes the
// clock, for tests and demos; TZ chooses the zone dates are shown and read in.
func clock(getenv func(string) string) (func() time.Time, *time.Location, error) {
	loc := time.Local
	if tz := getenv("TZ"); tz != "" {
		l, err := time.LoadLocation(strings.TrimPrefix(tz, ":"))
		if err != nil {
			return nil, nil, fmt.Errorf("TZ=%q: %w", tz, err)
		}
		loc = l
	}
	if s := getenv("OFFERLOOP_NOW"); s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return nil, nil, fmt.Errorf("OFFERLOOP_NOW=%q is not an RFC 3339 time: %w", s, err)
		}
		return func() time.Time { return t }, loc, nil
	}
	return time.Now, loc, nil
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// parseWhen reads a date and time as people type them, in loc:
// "2026-12-01 15:00", "2026-12-01T15:00", or RFC 3339 with a zone.
func parseWhen(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, l := range []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, usagef("cannot read the time %q (use \"2026-12-01 15:00\")", s)
}

// parseDay reads a date, or a date and time; a bare date means the start of it.
func parseDay(s string, loc *time.Location) (time.Time, error) {
	if d, err := tracker.ParseDate(s); err == nil && !d.IsZero() {
		return d.Time(loc), nil
	}
	return parseWhen(s, loc)
}
