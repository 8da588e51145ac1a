package drill

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/fsrs"
)

// Dump is every drill row of one user: the export's "drill" section. Bank cards
// are content, not data, and are not in it.
type Dump struct {
	UserCards []Card      `json:"user_cards"`
	Progress  []Progress  `json:"progress"`
	Reviews   []ReviewLog `json:"reviews"`
}

// DecodeDump reads a drill export section strictly: unknown fields or
// trailing data are refused.
func DecodeDump(data []byte) (*Dump, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var d Dump
	if err := dec.Decode(&d); err != nil {
		return nil, errs.Invalidf("the export's drill section is damaged: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errs.Invalidf("the export's drill section has more after its closing brace")
	}
	return &d, nil
}

// Check validates a dump before anything is written: every card, every
// progress row and every review, and that no id repeats.
func (d *Dump) Check() error {
	if d == nil {
		return errs.Invalidf("no drill dump to restore")
	}
	bad := func(format string, args ...any) error {
		return errs.Invalidf("the export's drill section is damaged: "+format, args...)
	}
	ids := map[string]bool{}
	for _, c := range d.UserCards {
		if err := c.Validate(); err != nil {
			return bad("%s", errs.Message(err))
		}
		if ids[c.ID] {
			return bad("user card %s appears twice", c.ID)
		}
		ids[c.ID] = true
	}
	ids = map[string]bool{}
	for _, p := range d.Progress {
		if p.CardID == "" || ids[p.CardID] {
			return bad("progress of card %q is empty or repeated", p.CardID)
		}
		ids[p.CardID] = true
		if err := p.Check(); err != nil {
			return bad("progress of card %s: %s", p.CardID, errs.Message(err))
		}
	}
	seen := map[int64]bool{}
	for _, r := range d.Reviews {
		if r.ID <= 0 || seen[r.ID] {
			return bad("review id %d is not positive or repeated", r.ID)
		}
		seen[r.ID] = true
		if err := r.Check(); err != nil {
			return bad("review %d: %s", r.ID, errs.Message(err))
		}
	}
	return nil
}

// Check validates a progress row as stores keep it.
func (p *Progress) Check() error {
	st, err := fsrs.ParseState(p.State)
	if err != nil {
		return errs.Invalidf("state %q is unknown", p.State)
	}
	if len(p.CardID) > MaxID {
		return errs.Invalidf("card id is longer than %d bytes", MaxID)
	}
	if p.Reps < 0 || p.Lapses < 0 || p.Step < 0 {
		return errs.Invalidf("negative counts")
	}
	if st != fsrs.New && !(finite(p.Stability) && p.Stability > 0 && finite(p.Difficulty)) {
		return errs.Invalidf("stability %v or difficulty %v is not a positive number", p.Stability, p.Difficulty)
	}
	if p.Due.IsZero() {
		return errs.Invalidf("no due time")
	}
	return nil
}

// Check validates a review log row.
func (r *ReviewLog) Check() error {
	if r.CardID == "" || len(r.CardID) > MaxID {
		return errs.Invalidf("no card id")
	}
	if !r.Rating.Valid() {
		return errs.Invalidf("rating %d is not 1–4", r.Rating)
	}
	for _, s := range []string{r.StateBefore, r.StateAfter} {
		if _, err := fsrs.ParseState(s); err != nil {
			return errs.Invalidf("state %q is unknown", s)
		}
	}
	if r.At.IsZero() {
		return errs.Invalidf("no time")
	}
	if !finite(r.Retrievability) || !finite(r.Stability) || !finite(r.Difficulty) {
		return errs.Invalidf("a number is not finite")
	}
	if r.ElapsedDays < 0 || r.ScheduledDays < 0 || r.DurationMS < 0 {
		return errs.Invalidf("negative days or duration")
	}
	return nil
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
