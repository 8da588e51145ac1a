package coach

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/offerloop/offerloop/internal/errs"
)

// Mark statuses.
const (
	StatusDone    = "done"
	StatusSkipped = "skipped"
)

// MaxKey is the longest item key a mark may carry.
const MaxKey = 200

// CheckMark says whether a mark can be stored: a real day, a known status
// (empty clears, when clear is true) and a key of printable text.
func CheckMark(m Mark, clear bool) error {
	if d, err := time.Parse("2006-01-02", m.Day); err != nil || d.Format("2006-01-02") != m.Day {
		return errs.Invalidf("a coach mark needs a day as YYYY-MM-DD, not %q", m.Day)
	}
	switch m.Status {
	case StatusDone, StatusSkipped:
	case "":
		if !clear {
			return errs.Invalidf("a coach mark needs a status: done or skipped")
		}
	default:
		return errs.Invalidf("a coach mark's status is done or skipped, not %q", m.Status)
	}
	if strings.TrimSpace(m.Key) == "" || len(m.Key) > MaxKey || !utf8.ValidString(m.Key) ||
		strings.ContainsFunc(m.Key, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) }) {
		return errs.Invalidf("%q is not a plan item's key", m.Key)
	}
	return nil
}

// StoredMark is a mark as stored and exported, with when it was made.
type StoredMark struct {
	Day    string    `json:"day"`
	Key    string    `json:"key"`
	Status string    `json:"status"`
	At     time.Time `json:"at"`
}

// Dump is the coach's section of an export: every mark.
type Dump struct {
	Marks []StoredMark `json:"marks"`
}

// DumpStore lists every mark of a user, for the export.
type DumpStore interface {
	CoachMarkDump(ctx context.Context, userID int64) ([]StoredMark, error)
}

// DecodeDump reads and checks the coach's section of an export.
func DecodeDump(raw []byte) (*Dump, error) {
	var d Dump
	if err := json.NewDecoder(bytes.NewReader(raw)).Decode(&d); err != nil {
		return nil, errs.Invalidf("the coach section of the export is not valid: %v", err)
	}
	seen := map[[2]string]bool{}
	for i, m := range d.Marks {
		if err := CheckMark(Mark{Key: m.Key, Day: m.Day, Status: m.Status}, false); err != nil {
			return nil, errs.Invalidf("coach mark %d of the export: %s", i+1, errs.Message(err))
		}
		if m.At.IsZero() {
			return nil, errs.Invalidf("coach mark %d of the export has no time", i+1)
		}
		k := [2]string{m.Day, m.Key}
		if seen[k] {
			return nil, errs.Invalidf("coach mark %d of the export repeats %s on %s", i+1, m.Key, m.Day)
		}
		seen[k] = true
	}
	return &d, nil
}

// ExportSection returns the coach's section of an export for one user,
// by day then key.
func ExportSection(ctx context.Context, s DumpStore, userID int64) (json.RawMessage, error) {
	ms, err := s.CoachMarkDump(ctx, userID)
	if err != nil {
		return nil, err
	}
	if ms == nil {
		ms = []StoredMark{}
	}
	slices.SortFunc(ms, func(a, b StoredMark) int { return cmp.Or(cmp.Compare(a.Day, b.Day), cmp.Compare(a.Key, b.Key)) })
	return json.Marshal(Dump{Marks: ms})
}
