package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

const interviewCols = `i.id, i.user_id, i.application_id, i.round_id, i.kind, i.title, i.at, i.minutes, i.location,
	i.interviewers, i.notes, i.detail, i.outcome, i.red_flags, i.done_at, i.created_at`

func interviewDest(iv *tracker.Interview) []any {
	return []any{&iv.ID, &iv.UserID, &iv.ApplicationID, idCol{&iv.RoundID}, &iv.Kind, &iv.Title, timeCol{&iv.At},
		&iv.Minutes, &iv.Location, jsonCol[tracker.Interviewer]{&iv.Interviewers}, &iv.Notes, &iv.Detail,
		&iv.Outcome, jsonCol[string]{&iv.RedFlags}, timeCol{&iv.DoneAt}, timeCol{&iv.CreatedAt}}
}

// checkInterview validates iv beyond what Validate covers: its outcome and kind.
func checkInterview(iv *tracker.Interview) error {
	if err := iv.Validate(); err != nil {
		return err
	}
	if iv.Outcome != tracker.OutcomePending && !slices.Contains(tracker.InterviewOutcomes, iv.Outcome) {
		return errs.Invalidf("unknown interview outcome %q (use waiting, passed, failed or cancelled)", iv.Outcome)
	}
	if iv.Kind != "" {
		loops, err := tracker.LoadLoops()
		if err != nil {
			return err
		}
		if _, ok := loops.RoundKind(iv.Kind); !ok {
			return errs.Invalidf("unknown round kind %q", iv.Kind)
		}
	}
	return nil
}

func insertInterview(ctx context.Context, tx *sql.Tx, iv *tracker.Interview) error {
	people, err := jsonText(iv.Interviewers)
	if err != nil {
		return err
	}
	flags, err := jsonText(iv.RedFlags)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `
		INSERT INTO interviews (id, user_id, application_id, round_id, kind, title, at, minutes, location,
			interviewers, notes, detail, outcome, red_flags, done_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullID(iv.ID), iv.UserID, iv.ApplicationID, nullID(iv.RoundID), iv.Kind, iv.Title, fmtTime(iv.At), iv.Minutes,
		iv.Location, people, iv.Notes, iv.Detail, iv.Outcome, flags, nullTime(iv.DoneAt), fmtTime(iv.CreatedAt))
	if err != nil {
		return err
	}
	iv.ID, err = res.LastInsertId()
	return err
}

// ScheduleInterview stores an interview and appends an interview_scheduled
// event. An interview tied to a round takes the round's kind unless it has one;
// one with neither is of kind other. It fills iv's id, times, company and role.
func (db *DB) ScheduleInterview(ctx context.Context, iv *tracker.Interview) error {
	if err := checkInterview(iv); err != nil {
		return err
	}
	now := db.now()
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkApplication(ctx, tx, iv.UserID, iv.ApplicationID); err != nil {
			return err
		}
		if iv.RoundID != 0 {
			r, err := findRound(ctx, tx, iv.UserID, iv.RoundID)
			if err != nil {
				return err
			}
			if r.ApplicationID != iv.ApplicationID {
				return errs.NotFoundf("round %d is not one of this application's rounds", iv.RoundID)
			}
			if iv.Kind == "" {
				iv.Kind = r.Kind
			}
		}
		if iv.Kind == "" {
			iv.Kind = tracker.RoundOther
		}
		iv.ID, iv.CreatedAt, iv.At = 0, now, iv.At.UTC()
		if iv.Done() && iv.DoneAt.IsZero() {
			iv.DoneAt = now
		}
		if !iv.Done() {
			iv.DoneAt = time.Time{}
		}
		if err := insertInterview(ctx, tx, iv); err != nil {
			return err
		}
		if err := appendEvent(ctx, tx, &tracker.Event{
			UserID: iv.UserID, ApplicationID: iv.ApplicationID, At: now, Kind: tracker.EventInterviewScheduled,
			RefID: iv.ID, Summary: "Scheduled " + iv.Title + " for " + iv.At.Format("2006-01-02 15:04 MST"),
		}); err != nil {
			return err
		}
		found, err := findInterview(ctx, tx, iv.UserID, iv.ID)
		if err != nil {
			return err
		}
		*iv = *found
		return nil
	})
	return wrap(err, "schedule interview")
}

// FindInterview returns one interview with its company and role.
func (db *DB) FindInterview(ctx context.Context, userID, id int64) (*tracker.Interview, error) {
	var iv *tracker.Interview
	err := db.read(ctx, func(tx *sql.Tx) (err error) {
		iv, err = findInterview(ctx, tx, userID, id)
		return err
	})
	if err != nil {
		return nil, wrap(err, "find interview %d", id)
	}
	return iv, nil
}

func findInterview(ctx context.Context, tx *sql.Tx, userID, id int64) (*tracker.Interview, error) {
	ivs, err := selectInterviews(ctx, tx, ` AND i.id = ?`, []any{id}, userID)
	if err != nil {
		return nil, err
	}
	if len(ivs) == 0 {
		return nil, errs.NotFoundf("interview %d not found", id)
	}
	return ivs[0], nil
}

// FindInterviews returns interviews ordered by time.
func (db *DB) FindInterviews(ctx context.Context, f tracker.InterviewFilter) ([]*tracker.Interview, error) {
	var where []string
	var args []any
	if f.ApplicationID != 0 {
		where, args = append(where, `i.application_id = ?`), append(args, f.ApplicationID)
	}
	if !f.From.IsZero() {
		where, args = append(where, `i.at >= ?`), append(args, fmtTime(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, `i.at < ?`), append(args, fmtTime(f.To))
	}
	if f.PendingOnly {
		where = append(where, `i.outcome = ''`)
	}
	cond := ""
	if len(where) > 0 {
		cond = " AND " + strings.Join(where, " AND ")
	}
	var out []*tracker.Interview
	err := db.read(ctx, func(tx *sql.Tx) (err error) {
		out, err = selectInterviews(ctx, tx, cond, args, f.UserID)
		return err
	})
	if err != nil {
		return nil, wrap(err, "find interviews")
	}
	return out, nil
}

func selectInterviews(ctx context.Context, tx *sql.Tx, cond string, args []any, userID int64) ([]*tracker.Interview, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT `+interviewCols+`, c.name, a.role
		FROM interviews i
		JOIN applications a ON a.id = i.application_id
		JOIN companies c ON c.id = a.company_id
		WHERE i.user_id = ?`+cond+`
		ORDER BY i.at, i.id`, append([]any{userID}, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*tracker.Interview
	for rows.Next() {
		iv := new(tracker.Interview)
		if err := rows.Scan(append(interviewDest(iv), &iv.Company, &iv.Role)...); err != nil {
			return nil, err
		}
		out = append(out, iv)
	}
	return out, rows.Err()
}

// UpdateInterview changes the fields that are set. An outcome leaving pending
// marks the interview done at at and appends interview_done; any other change
// appends interview_updated. Nothing is appended when nothing changed.
func (db *DB) UpdateInterview(ctx context.Context, userID, id int64, u tracker.InterviewUpdate, at time.Time) (*tracker.Interview, error) {
	at = db.at(at)
	var out *tracker.Interview
	err := db.write(ctx, func(tx *sql.Tx) error {
		iv, err := findInterview(ctx, tx, userID, id)
		if err != nil {
			return err
		}
		wasDone := iv.Done()
		var changed []string
		setStr := func(name string, dst *string, v *string) {
			if v != nil && *v != *dst {
				*dst = *v
				changed = append(changed, name)
			}
		}
		setStr("title", &iv.Title, u.Title)
		setStr("location", &iv.Location, u.Location)
		setStr("notes", &iv.Notes, u.Notes)
		setStr("detail", &iv.Detail, u.Detail)
		if u.At != nil && !u.At.Equal(iv.At) {
			iv.At = u.At.UTC()
			changed = append(changed, "time")
		}
		if u.Minutes != nil && *u.Minutes != iv.Minutes {
			iv.Minutes = *u.Minutes
			changed = append(changed, "length")
		}
		if u.Kind != nil && *u.Kind != iv.Kind {
			iv.Kind = *u.Kind
			changed = append(changed, "kind")
		}
		if u.Interviewers != nil && !slices.Equal(*u.Interviewers, iv.Interviewers) {
			iv.Interviewers = *u.Interviewers
			changed = append(changed, "interviewers")
		}
		if u.RedFlags != nil && !slices.Equal(*u.RedFlags, iv.RedFlags) {
			iv.RedFlags = *u.RedFlags
			changed = append(changed, "red flags")
		}
		if u.Outcome != nil && *u.Outcome != iv.Outcome {
			iv.Outcome = *u.Outcome
			changed = append(changed, "outcome")
		}
		if iv.Kind == "" {
			iv.Kind = tracker.RoundOther
		}
		if err := checkInterview(iv); err != nil {
			return err
		}
		if len(changed) == 0 {
			out = iv
			return nil
		}
		switch {
		case !iv.Done():
			iv.DoneAt = time.Time{}
		case !wasDone:
			iv.DoneAt = at
		}
		people, err := jsonText(iv.Interviewers)
		if err != nil {
			return err
		}
		flags, err := jsonText(iv.RedFlags)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE interviews SET kind = ?, title = ?, at = ?, minutes = ?, location = ?, interviewers = ?,
				notes = ?, detail = ?, outcome = ?, red_flags = ?, done_at = ?
			WHERE id = ?`,
			iv.Kind, iv.Title, fmtTime(iv.At), iv.Minutes, iv.Location, people,
			iv.Notes, iv.Detail, iv.Outcome, flags, nullTime(iv.DoneAt), iv.ID); err != nil {
			return err
		}
		e := tracker.Event{UserID: userID, ApplicationID: iv.ApplicationID, At: at, RefID: iv.ID}
		if iv.Done() && !wasDone {
			e.Kind, e.Summary = tracker.EventInterviewDone, "Done: "+iv.Title+" ("+iv.Outcome.Label()+")"
		} else {
			e.Kind, e.Summary = tracker.EventInterviewUpdated, "Updated "+iv.Title+": "+strings.Join(changed, ", ")
		}
		if err := appendEvent(ctx, tx, &e); err != nil {
			return err
		}
		out, err = findInterview(ctx, tx, userID, id)
		return err
	})
	if err != nil {
		return nil, wrap(err, "update interview %d", id)
	}
	return out, nil
}
