package practice

import (
	"time"
	"unicode/utf8"

	"github.com/offerloop/offerloop/internal/errs"
)

// DesignSession is one timed practice of a design prompt: the user's notes
// and time per step, and the rubric points they ticked when scoring.
type DesignSession struct {
	ID         int64             `json:"id"`
	PromptID   string            `json:"prompt"`
	StartedAt  time.Time         `json:"started_at"`
	FinishedAt time.Time         `json:"finished_at"` // zero while in progress
	Notes      map[string]string `json:"notes"`
	Seconds    map[string]int    `json:"seconds"` // time spent per step
	Checked    map[string][]int  `json:"checked"` // rubric points ticked per step, by index
}

// MaxNotes caps one step's notes.
const MaxNotes = 20000

// Finished reports whether the session was scored.
func (s DesignSession) Finished() bool { return !s.FinishedAt.IsZero() }

// Check refuses a session that does not fit its prompt.
func (l *Library) CheckSession(s *DesignSession) error {
	p, ok := l.Prompt(s.PromptID)
	if !ok {
		return errs.E(errs.NotFound, "no design prompt %q", s.PromptID)
	}
	if s.StartedAt.IsZero() {
		return errs.Invalidf("a design session needs its start time")
	}
	if s.Finished() && s.FinishedAt.Before(s.StartedAt) {
		return errs.Invalidf("a design session cannot finish before it starts")
	}
	if s.Notes == nil {
		s.Notes = map[string]string{}
	}
	if s.Seconds == nil {
		s.Seconds = map[string]int{}
	}
	if s.Checked == nil {
		s.Checked = map[string][]int{}
	}
	for k, v := range s.Notes {
		if !contains(StepIDs, k) {
			return errs.Invalidf("unknown design step %q", k)
		}
		if utf8.RuneCountInString(v) > MaxNotes || len(v) > 4*MaxNotes {
			return errs.Invalidf("the notes for %s are longer than %d characters", k, MaxNotes)
		}
	}
	for k, v := range s.Seconds {
		if !contains(StepIDs, k) || v < 0 || v > 24*3600 {
			return errs.Invalidf("bad time for design step %q", k)
		}
	}
	for k, idx := range s.Checked {
		if !contains(StepIDs, k) {
			return errs.Invalidf("unknown design step %q", k)
		}
		seen := map[int]bool{}
		for _, i := range idx {
			if i < 0 || i >= len(p.Rubric[k]) || seen[i] {
				return errs.Invalidf("rubric point %d of step %s does not exist", i, k)
			}
			seen[i] = true
		}
	}
	return nil
}

// StepScore is one step of a scored session.
type StepScore struct {
	Step    Step `json:"step"`
	Checked int  `json:"checked"`
	Total   int  `json:"total"`
	Seconds int  `json:"seconds"`
}

// Percent is the share of the step's rubric covered.
func (s StepScore) Percent() int {
	if s.Total == 0 {
		return 0
	}
	return s.Checked * 100 / s.Total
}

// Over reports whether the step ran past its time budget.
func (s StepScore) Over() bool { return s.Seconds > s.Step.Minutes*60 }

// SessionScore is a session's score per step and in all.
type SessionScore struct {
	Steps   []StepScore `json:"steps"`
	Checked int         `json:"checked"`
	Total   int         `json:"total"`
	Seconds int         `json:"seconds"`
}

// Percent is the share of the whole rubric covered.
func (s SessionScore) Percent() int {
	if s.Total == 0 {
		return 0
	}
	return s.Checked * 100 / s.Total
}

// Score scores a session against its prompt's rubric.
func (l *Library) Score(s DesignSession) SessionScore {
	p, _ := l.Prompt(s.PromptID)
	var out SessionScore
	for _, st := range l.Design.Steps {
		ss := StepScore{Step: st, Checked: len(s.Checked[st.ID]), Total: len(p.Rubric[st.ID]), Seconds: s.Seconds[st.ID]}
		out.Steps = append(out.Steps, ss)
		out.Checked += ss.Checked
		out.Total += ss.Total
		out.Seconds += ss.Seconds
	}
	return out
}
