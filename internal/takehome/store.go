package takehome

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/offerloop/offerloop/internal/errs"
)

// MaxSource caps the name a stored report keeps of what was checked (a path
// or an uploaded archive's name).
const MaxSource = 4096

// Saved is a stored take-home report, attached to an application (or to
// none).
type Saved struct {
	ID            int64     `json:"id"`
	ApplicationID int64     `json:"application_id,omitempty"`
	Source        string    `json:"source"` // the folder, file or uploaded zip checked
	Score         int       `json:"score"`
	Report        *Report   `json:"report"`
	CheckedAt     time.Time `json:"checked_at"`
}

// NewSaved wraps a report for storing.
func NewSaved(appID int64, source string, r *Report, at time.Time) Saved {
	return Saved{ApplicationID: appID, Source: source, Score: r.Score, Report: r, CheckedAt: at}
}

// High counts the report's high-severity findings.
func (s Saved) High() int {
	if s.Report == nil {
		return 0
	}
	return s.Report.Count(High)
}

// Count is the number of findings of a severity.
func (r *Report) Count(sev Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == sev {
			n++
		}
	}
	return n
}

// Check refuses a stored report the app could not have written.
func (s *Saved) Check() error {
	if s.Report == nil {
		return errs.Invalidf("a take-home report needs its findings")
	}
	if strings.TrimSpace(s.Source) == "" || len(s.Source) > MaxSource || !utf8.ValidString(s.Source) {
		return errs.Invalidf("a take-home report needs the name of what was checked")
	}
	if s.Score < 0 || s.Score > 100 || s.CheckedAt.IsZero() {
		return errs.Invalidf("a take-home report needs a score from 0 to 100 and a time")
	}
	for _, f := range s.Report.Findings {
		if f.Severity != High && f.Severity != Medium && f.Severity != Low {
			return errs.Invalidf("a take-home finding has severity %q", f.Severity)
		}
	}
	return nil
}

// Store keeps a user's take-home reports.
type Store interface {
	SaveTakehome(ctx context.Context, userID int64, s *Saved) error
	// TakehomeReports returns the reports attached to an application, or
	// every report of the user when applicationID is 0; newest first.
	TakehomeReports(ctx context.Context, userID, applicationID int64) ([]Saved, error)
	TakehomeReport(ctx context.Context, userID, id int64) (Saved, error)
}

// Dump is the take-home section of an export.
type Dump struct {
	Reports []Saved `json:"reports"`
}

// DecodeDump reads and checks the take-home section of an export.
func DecodeDump(raw []byte) (*Dump, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	var d Dump
	if err := dec.Decode(&d); err != nil {
		return nil, errs.Invalidf("the take-home section of the export is not valid: %v", err)
	}
	seen := map[int64]bool{}
	for i := range d.Reports {
		s := &d.Reports[i]
		if s.ID <= 0 || seen[s.ID] || s.ApplicationID < 0 || s.Check() != nil {
			return nil, errs.Invalidf("take-home report %d of the export is not valid", i+1)
		}
		seen[s.ID] = true
	}
	return &d, nil
}

// ExportSection returns the take-home section of an export for one user,
// oldest first.
func ExportSection(ctx context.Context, s Store, userID int64) (json.RawMessage, error) {
	rs, err := s.TakehomeReports(ctx, userID, 0)
	if err != nil {
		return nil, err
	}
	if rs == nil {
		rs = []Saved{}
	}
	slices.SortFunc(rs, func(a, b Saved) int { return cmp.Compare(a.ID, b.ID) })
	return json.Marshal(Dump{Reports: rs})
}
