package resume

import (
	"bytes"
	"context"
	"encoding/json"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
)

// Saved is a stored resume check: the report, attached to an application
// (or to none) so that each application keeps its history.
type Saved struct {
	ID            int64     `json:"id"`
	ApplicationID int64     `json:"application_id,omitempty"`
	File          string    `json:"file"`
	Score         int       `json:"score"`
	MatchScore    *int      `json:"match_score,omitempty"`
	Report        *Report   `json:"report"`
	At            time.Time `json:"at"`
}

// Store keeps a user's resume checks.
type Store interface {
	SaveCheck(ctx context.Context, userID int64, s *Saved) error
	// Checks returns the checks attached to an application (0: those
	// attached to none), newest first.
	Checks(ctx context.Context, userID, applicationID int64) ([]Saved, error)
	SavedCheck(ctx context.Context, userID, id int64) (Saved, error)
	ExportChecks(ctx context.Context, userID int64) ([]Saved, error)
}

// NewSaved wraps a report for storing.
func NewSaved(appID int64, r *Report, at time.Time) Saved {
	s := Saved{ApplicationID: appID, File: r.File, Score: r.Score, Report: r, At: at}
	if r.Match != nil {
		m := r.Match.Score
		s.MatchScore = &m
	}
	return s
}

// Dump is the resume section of an export.
type Dump struct {
	Checks []Saved `json:"checks"`
}

// DecodeDump reads and checks the resume section of an export.
func DecodeDump(raw []byte) (*Dump, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	var d Dump
	if err := dec.Decode(&d); err != nil {
		return nil, errs.Invalidf("the resume section of the export is not valid: %v", err)
	}
	seen := map[int64]bool{}
	for i, c := range d.Checks {
		if c.ID <= 0 || seen[c.ID] || c.Report == nil || c.At.IsZero() || c.Score < 0 || c.Score > 100 {
			return nil, errs.Invalidf("resume check %d of the export is not valid", i+1)
		}
		seen[c.ID] = true
	}
	return &d, nil
}

// ExportSection returns the resume section of an export for one user.
func ExportSection(ctx context.Context, s Store, userID int64) (json.RawMessage, error) {
	cs, err := s.ExportChecks(ctx, userID)
	if err != nil {
		return nil, err
	}
	if cs == nil {
		cs = []Saved{}
	}
	return json.Marshal(Dump{Checks: cs})
}
