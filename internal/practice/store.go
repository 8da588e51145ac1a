package practice

import (
	"bytes"
	"context"
	"encoding/json"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
)

// Store keeps a user's stories, design sessions and study-plan marks.
type Store interface {
	// Stories returns the user's stories, oldest first.
	Stories(ctx context.Context, userID int64) ([]Story, error)
	Story(ctx context.Context, userID, id int64) (Story, error)
	// SaveStory inserts a story when its ID is 0 (setting it), else updates it.
	SaveStory(ctx context.Context, userID int64, s *Story) error
	DeleteStory(ctx context.Context, userID, id int64) error
	// DesignSessions returns the user's sessions, newest first.
	DesignSessions(ctx context.Context, userID int64) ([]DesignSession, error)
	DesignSession(ctx context.Context, userID, id int64) (DesignSession, error)
	// SaveDesignSession inserts a session when its ID is 0, else updates it.
	SaveDesignSession(ctx context.Context, userID int64, s *DesignSession) error
	PlanMarks(ctx context.Context, userID int64) (map[string]PlanMark, error)
	// MarkPlanItem records done or skipped; an empty status clears the mark.
	MarkPlanItem(ctx context.Context, userID int64, itemID, status string, at time.Time) error
	ExportPractice(ctx context.Context, userID int64) (*Dump, error)
}

// Settings is the part of the tracker's store the plan uses for its start date.
type Settings interface {
	Setting(ctx context.Context, userID int64, key string) (string, error)
	SetSetting(ctx context.Context, userID int64, key, value string) error
}

// PlanStart returns the plan's start date, fixing it at today on first use so
// that a fresh install's plan starts the day it is first looked at.
func PlanStart(ctx context.Context, s Settings, userID int64, today Day) (Day, error) {
	raw, err := s.Setting(ctx, userID, SettingPlanStart)
	if err != nil {
		return Day{}, err
	}
	if raw != "" {
		if d, err := ParseDay(raw); err == nil {
			return d, nil
		}
	}
	if err := s.SetSetting(ctx, userID, SettingPlanStart, today.Format("2006-01-02")); err != nil {
		return Day{}, err
	}
	return today, nil
}

// Dump is the practice section of an export.
type Dump struct {
	Stories        []Story         `json:"stories"`
	DesignSessions []DesignSession `json:"design_sessions"`
	PlanMarks      []PlanMark      `json:"plan_marks"`
}

// DecodeDump reads and checks the practice section of an export.
func DecodeDump(raw []byte) (*Dump, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var d Dump
	if err := dec.Decode(&d); err != nil {
		return nil, errs.Invalidf("the practice section of the export is not valid: %v", err)
	}
	return &d, d.Check()
}

// Check refuses a dump with rows the app could not have written.
func (d *Dump) Check() error {
	l, err := Load()
	if err != nil {
		return err
	}
	ids := map[int64]bool{}
	for i := range d.Stories {
		s := &d.Stories[i]
		if s.ID <= 0 || ids[s.ID] {
			return errs.Invalidf("story %d has a missing or repeated id", i+1)
		}
		ids[s.ID] = true
		if err := s.Validate(); err != nil {
			return errs.Invalidf("story %d: %s", i+1, errs.Message(err))
		}
	}
	ids = map[int64]bool{}
	for i := range d.DesignSessions {
		s := &d.DesignSessions[i]
		if s.ID <= 0 || ids[s.ID] {
			return errs.Invalidf("design session %d has a missing or repeated id", i+1)
		}
		ids[s.ID] = true
		if err := l.CheckSession(s); err != nil {
			return errs.Invalidf("design session %d: %s", i+1, errs.Message(err))
		}
	}
	seen := map[string]bool{}
	for i, m := range d.PlanMarks {
		if m.ItemID == "" || seen[m.ItemID] || (m.Status != MarkDone && m.Status != MarkSkipped) || m.At.IsZero() {
			return errs.Invalidf("plan mark %d is not valid", i+1)
		}
		seen[m.ItemID] = true
	}
	return nil
}

// ExportSection returns the practice section of an export for one user.
func ExportSection(ctx context.Context, s Store, userID int64) (json.RawMessage, error) {
	d, err := s.ExportPractice(ctx, userID)
	if err != nil {
		return nil, err
	}
	return json.Marshal(d)
}
