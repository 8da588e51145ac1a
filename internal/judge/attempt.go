package judge

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
)

// Attempt is one graded submission as stored: the code and its verdict.
type Attempt struct {
	ID        int64     `json:"id"`
	ProblemID string    `json:"problem"`
	Code      string    `json:"code"`
	Verdict   string    `json:"verdict"`
	Passed    int       `json:"passed"`
	Total     int       `json:"total"`
	TimeMS    float64   `json:"time_ms"`
	At        time.Time `json:"at"`
}

// Progress is a user's record on one problem.
type Progress struct {
	Attempts    int       `json:"attempts"`
	Solved      bool      `json:"solved"`
	LastVerdict string    `json:"last_verdict"`
	Last        time.Time `json:"last"`
}

// Store keeps attempts per user.
type Store interface {
	AddAttempt(ctx context.Context, userID int64, a Attempt) (int64, error)
	// Attempts returns the user's attempts at one problem, newest first, at
	// most limit of them (all when limit <= 0).
	Attempts(ctx context.Context, userID int64, problemID string, limit int) ([]Attempt, error)
	// ProgressByProblem summarises every problem the user attempted.
	ProgressByProblem(ctx context.Context, userID int64) (map[string]Progress, error)
	// ExportAttempts returns every attempt, oldest first.
	ExportAttempts(ctx context.Context, userID int64) ([]Attempt, error)
}

// Verdicts lists every verdict an attempt may carry.
var Verdicts = []string{Accepted, WrongAnswer, RuntimeError, TimeLimit, MemoryLimit, OutputLimit, SyntaxError, InternalError}

// FromResult makes the attempt to store for a graded submission.
func FromResult(code string, r *Result, at time.Time) Attempt {
	return Attempt{ProblemID: r.Problem, Code: code, Verdict: r.Verdict, Passed: r.Passed, Total: r.Total, TimeMS: r.TimeMS, At: at}
}

// Dump is the judge's section of an export.
type Dump struct {
	Attempts []Attempt `json:"attempts"`
}

// DecodeDump reads and checks the judge section of an export.
func DecodeDump(raw []byte) (*Dump, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var d Dump
	if err := dec.Decode(&d); err != nil {
		return nil, errs.Invalidf("the judge section of the export is not valid: %v", err)
	}
	return &d, d.Check()
}

// Check refuses attempts no judge could have made.
func (d *Dump) Check() error {
	for i, a := range d.Attempts {
		if !idPattern.MatchString(a.ProblemID) || !contains(Verdicts, a.Verdict) ||
			a.Passed < 0 || a.Total < a.Passed || a.TimeMS < 0 || a.At.IsZero() || len(a.Code) > MaxSourceLength {
			return errs.Invalidf("judge attempt %d is not valid (problem %q, verdict %q)", i+1, a.ProblemID, a.Verdict)
		}
	}
	return nil
}

// String describes an attempt in one line.
func (a Attempt) String() string {
	return fmt.Sprintf("%s  %-22s %d/%d", a.At.Format("2006-01-02 15:04"), a.Verdict, a.Passed, a.Total)
}

// ExportSection returns the judge's section of an export for one user.
func ExportSection(ctx context.Context, s Store, userID int64) (json.RawMessage, error) {
	as, err := s.ExportAttempts(ctx, userID)
	if err != nil {
		return nil, err
	}
	if as == nil {
		as = []Attempt{}
	}
	return json.Marshal(Dump{Attempts: as})
}
