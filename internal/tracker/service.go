package tracker

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
)

// The functions in this file combine store reads with the rules above, so that
// the web app and the CLI compute Today, the funnel and task completion the same
// way.

// interviewLookback is how far back Today looks for interviews whose thank-you
// notes and after-lists may still be open.
const interviewLookback = afterWindow + 24*time.Hour

// LoadTasks derives every task of the user at now, with the interviews it
// read: those of the active applications, and the thank-you notes and after
// lists of applications closed in the last two weeks (a rejection can arrive
// before the thank-you note has gone out).
func LoadTasks(ctx context.Context, s Store, userID int64, now time.Time, loc *time.Location) ([]Task, []*Interview, error) {
	apps, err := s.FindApplications(ctx, ApplicationFilter{UserID: userID, ActiveOnly: true, Brief: true})
	if err != nil {
		return nil, nil, err
	}
	closed, err := s.FindApplications(ctx, ApplicationFilter{UserID: userID, ClosedOnly: true, Since: now.Add(-interviewLookback), Brief: true})
	if err != nil {
		return nil, nil, err
	}
	apps = append(apps, closed...)
	ivs, err := s.FindInterviews(ctx, InterviewFilter{UserID: userID, From: now.Add(-interviewLookback)})
	if err != nil {
		return nil, nil, err
	}
	manual, err := s.FindTasks(ctx, userID, 0)
	if err != nil {
		return nil, nil, err
	}
	marks, err := s.TaskMarks(ctx, userID)
	if err != nil {
		return nil, nil, err
	}
	raw, err := s.Setting(ctx, userID, SettingFollowUpDays)
	if err != nil {
		return nil, nil, err
	}
	days, err := ParseFollowUpDays(raw)
	if err != nil {
		days = DefaultFollowUpDays
	}
	lists, err := LoadChecklists()
	if err != nil {
		return nil, nil, err
	}
	asks, err := s.InterviewAsks(ctx, userID, 0)
	if err != nil {
		return nil, nil, err
	}
	tasks := DeriveTasks(TaskInput{
		Applications: apps, Interviews: ivs, Manual: manual, Marks: marks,
		FollowUpDays: days, Checklists: lists, Asks: asks, Loc: loc,
	}, now)
	return tasks, ivs, nil
}

// Today returns the agenda at now.
func Today(ctx context.Context, s Store, userID int64, now time.Time, loc *time.Location) (Agenda, error) {
	tasks, ivs, err := LoadTasks(ctx, s, userID, now, loc)
	if err != nil {
		return Agenda{}, err
	}
	return BuildAgenda(tasks, ivs, now, loc), nil
}

// CompleteTask marks the task with key done (or open again). Derived tasks are
// looked up at now so that their application and kind are known.
func CompleteTask(ctx context.Context, s Store, userID int64, key string, done bool, now time.Time, loc *time.Location) error {
	if id, ok := ParseManualKey(key); ok {
		return s.SetTaskDone(ctx, userID, id, done, now)
	}
	tasks, _, err := LoadTasks(ctx, s, userID, now, loc)
	if err != nil {
		return err
	}
	for _, t := range tasks {
		if t.Key != key {
			continue
		}
		if t.Done == done {
			return nil
		}
		kind, summary := MarkEvent(t, done)
		return s.MarkTask(ctx, TaskMark{UserID: userID, Key: key, ApplicationID: t.ApplicationID, DoneAt: now}, done, kind, summary)
	}
	return errs.NotFoundf("no open task %q (it may have been done already or no longer apply)", key)
}

// LoadFunnel computes the funnel of all the user's applications.
func LoadFunnel(ctx context.Context, s Store, userID int64) (Funnel, error) {
	apps, err := s.FindApplications(ctx, ApplicationFilter{UserID: userID})
	if err != nil {
		return Funnel{}, err
	}
	steps, err := s.StageSteps(ctx, userID)
	if err != nil {
		return Funnel{}, err
	}
	fa := make([]FunnelApp, len(apps))
	for i, a := range apps {
		fa[i] = FunnelApp{ID: a.ID, AppliedOn: a.AppliedOn, Source: a.Source, CompanyKind: a.Company.Kind}
	}
	return BuildFunnel(fa, steps), nil
}

// SettingInstance holds the random id that keeps calendar UIDs unique per database.
const SettingInstance = "instance_id"

// InstanceID returns the database's calendar id, creating it on first use.
func InstanceID(ctx context.Context, s Store, userID int64) (string, error) {
	id, err := s.Setting(ctx, userID, SettingInstance)
	if err != nil || id != "" {
		return id, err
	}
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("instance id: %w", err)
	}
	id = hex.EncodeToString(b)
	return id, s.SetSetting(ctx, userID, SettingInstance, id)
}

// Calendar writes the user's interviews and offer deadlines as iCalendar.
func Calendar(ctx context.Context, s Store, userID int64, now time.Time, w io.Writer) error {
	inst, err := InstanceID(ctx, s, userID)
	if err != nil {
		return err
	}
	ivs, err := s.FindInterviews(ctx, InterviewFilter{UserID: userID})
	if err != nil {
		return err
	}
	apps, err := s.FindApplications(ctx, ApplicationFilter{UserID: userID, ActiveOnly: true})
	if err != nil {
		return err
	}
	return WriteCalendar(w, CalendarInput{Instance: inst, Interviews: ivs, Applications: apps, Now: now})
}

// InterviewAhead is a pending interview with the kinds of round it prepares
// for: its own kind, then those of its application's planned rounds still
// ahead (in the current stage or later), since an onsite day is booked as
// one interview but holds several rounds.
type InterviewAhead struct {
	Interview *Interview
	Rounds    []RoundKind
}

// InterviewsAhead returns the user's pending interviews from now on, oldest
// first, with the rounds each prepares for.
func InterviewsAhead(ctx context.Context, s Store, userID int64, now time.Time) ([]InterviewAhead, error) {
	ivs, err := s.FindInterviews(ctx, InterviewFilter{UserID: userID, From: now, PendingOnly: true})
	if err != nil {
		return nil, err
	}
	ahead := map[int64][]RoundKind{} // application → round kinds still ahead
	out := make([]InterviewAhead, 0, len(ivs))
	for _, iv := range ivs {
		kinds, ok := ahead[iv.ApplicationID]
		if !ok {
			if kinds, err = roundsAhead(ctx, s, userID, iv.ApplicationID); err != nil {
				return nil, err
			}
			ahead[iv.ApplicationID] = kinds
		}
		rounds := []RoundKind{iv.Kind}
		for _, k := range kinds {
			if !slices.Contains(rounds, k) {
				rounds = append(rounds, k)
			}
		}
		out = append(out, InterviewAhead{Interview: iv, Rounds: rounds})
	}
	return out, nil
}

// roundsAhead lists the kinds of an active application's planned rounds in
// its current stage or later; none once it is closed.
func roundsAhead(ctx context.Context, s Store, userID, appID int64) ([]RoundKind, error) {
	a, err := s.FindApplication(ctx, userID, appID)
	if err != nil {
		return nil, err
	}
	if a.State.Outcome != "" {
		return nil, nil
	}
	stages, err := s.Stages(ctx, userID, appID)
	if err != nil {
		return nil, err
	}
	pos := map[int64]int{}
	current := 0
	for _, st := range stages {
		pos[st.ID] = st.Position
		if st.ID == a.State.StageID {
			current = st.Position
		}
	}
	rounds, err := s.Rounds(ctx, userID, appID)
	if err != nil {
		return nil, err
	}
	var out []RoundKind
	for _, r := range rounds {
		if pos[r.StageID] >= current && !slices.Contains(out, r.Kind) {
			out = append(out, r.Kind)
		}
	}
	return out, nil
}
