// Package drill is the question bank and its spaced-repetition review: ML
// theory and phone-screen cards, scheduled with FSRS-6 (internal/fsrs) so that
// each review is spent where recall is weakest, up to the day of each interview.
package drill

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/fsrs"
)

// Round is the interview round a card prepares for.
type Round string

// Rounds a card can belong to. They are tracker round kinds.
const (
	RoundTheory       Round = "ml_theory"
	RoundPhoneScreen  Round = "phone_screen"
	RoundSystemDesign Round = "ml_system_design"
	RoundBehavioral   Round = "behavioral"
)

// Rounds lists the rounds in display order.
var Rounds = []Round{RoundTheory, RoundPhoneScreen, RoundSystemDesign, RoundBehavioral}

// Card is one question with its model answer. Bank cards come from the content
// files; user cards are written by the user. Both are reviewed the same way.
type Card struct {
	ID         string    `json:"id"`
	Topic      string    `json:"topic"`
	Round      Round     `json:"round"`
	Difficulty int       `json:"difficulty"` // 1–3
	Prompt     string    `json:"prompt"`
	Answer     string    `json:"answer"` // Markdown
	Tags       []string  `json:"tags"`
	User       bool      `json:"user"` // written by the user, not from the bank
	CreatedAt  time.Time `json:"created_at,omitzero"`
	UpdatedAt  time.Time `json:"updated_at,omitzero"`
}

// Limits on a card's text.
const (
	MaxPrompt = 2_000
	MaxAnswer = 20_000
	MaxID     = 80
	MaxTag    = 40
)

// Validate checks a card.
func (c *Card) Validate() error {
	// "." and ".." would be cleaned out of the card's URL, /cards/{id}.
	if c.ID == "" || len(c.ID) > MaxID || strings.ContainsAny(c.ID, " \t\n/") || c.ID == "." || c.ID == ".." {
		return errs.Invalidf("card id %q must be 1–%d characters without spaces or slashes, and not . or ..", c.ID, MaxID)
	}
	if c.Topic == "" {
		return errs.Invalidf("card %s needs a topic", c.ID)
	}
	if err := CheckTopic(c.Topic); err != nil {
		return errs.Invalidf("card %s: %s", c.ID, errs.Message(err))
	}
	switch c.Round {
	case RoundTheory, RoundPhoneScreen, RoundSystemDesign, RoundBehavioral:
	default:
		return errs.Invalidf("card %s: unknown round %q (use ml_theory, phone_screen, ml_system_design or behavioral)", c.ID, c.Round)
	}
	if c.Difficulty < 1 || c.Difficulty > 3 {
		return errs.Invalidf("card %s: difficulty is 1, 2 or 3, not %d", c.ID, c.Difficulty)
	}
	if strings.TrimSpace(c.Prompt) == "" || strings.TrimSpace(c.Answer) == "" {
		return errs.Invalidf("card %s needs a prompt and an answer", c.ID)
	}
	if len(c.Prompt) > MaxPrompt || len(c.Answer) > MaxAnswer {
		return errs.Invalidf("card %s is too long (prompt at most %d bytes, answer %d)", c.ID, MaxPrompt, MaxAnswer)
	}
	for _, t := range c.Tags {
		if t == "" || len(t) > MaxTag || strings.ContainsFunc(t, unicode.IsSpace) {
			return errs.Invalidf("card %s: tag %q must be 1–%d characters without spaces", c.ID, t, MaxTag)
		}
	}
	for _, s := range append([]string{c.ID, c.Topic, c.Prompt, c.Answer}, c.Tags...) {
		if !utf8.ValidString(s) {
			return errs.Invalidf("card %s is not valid UTF-8 text", c.ID)
		}
	}
	return nil
}

// Progress is a user's scheduling state of one card.
type Progress struct {
	CardID string    `json:"card_id"`
	UserID int64     `json:"user_id"`
	Card   fsrs.Card `json:"-"`
	// Flattened for storage and export.
	State      string    `json:"state"`
	Step       int       `json:"step"`
	Stability  float64   `json:"stability"`
	Difficulty float64   `json:"difficulty"`
	Due        time.Time `json:"due"`
	LastReview time.Time `json:"last_review,omitzero"`
	Reps       int       `json:"reps"`
	Lapses     int       `json:"lapses"`
}

// ReviewLog is one review, appended and never changed.
type ReviewLog struct {
	ID             int64       `json:"id"`
	UserID         int64       `json:"user_id"`
	CardID         string      `json:"card_id"`
	At             time.Time   `json:"at"`
	Rating         fsrs.Rating `json:"rating"`
	StateBefore    string      `json:"state_before"`
	StateAfter     string      `json:"state_after"`
	ElapsedDays    int         `json:"elapsed_days"`
	Retrievability float64     `json:"retrievability"` // before the review; 1 for a new card
	Stability      float64     `json:"stability"`      // after
	Difficulty     float64     `json:"difficulty"`     // after
	ScheduledDays  int         `json:"scheduled_days"`
	Due            time.Time   `json:"due"`
	DurationMS     int64       `json:"duration_ms"` // time to answer, 0 when unknown
}

// QueueFilter selects the cards to review.
type QueueFilter struct {
	UserID int64
	Topic  string    // "" for all; stores do not read it (they know no bank topics): the service passes CardIDs
	Now    time.Time // due at or before
	Limit  int       // at most this many; 0 for all
	// CardIDs, when not nil, limits the queue to these cards (the cards of
	// one topic).
	CardIDs []string
}

// Store is what the drill needs from storage. Bank cards are not stored: the
// store holds user cards, progress and the review log. Methods return errs codes
// as tracker.Store does.
type Store interface {
	// UserCards returns the user's own cards, oldest first (then by id).
	UserCards(ctx context.Context, userID int64) ([]Card, error)
	// UserCard returns one user card, NotFound when the user has none of that id.
	UserCard(ctx context.Context, userID int64, id string) (Card, error)
	// SaveUserCard creates or replaces a user card (Invalid unless it passes
	// Card.Validate). A replaced card keeps its creation time.
	SaveUserCard(ctx context.Context, userID int64, c Card) error
	// DeleteUserCard deletes a user card and its progress and reviews,
	// NotFound when the user has no card of that id.
	DeleteUserCard(ctx context.Context, userID int64, id string) error
	// ImportUserCards saves many user cards in one transaction: all or none.
	ImportUserCards(ctx context.Context, userID int64, cards []Card) error

	// Progress returns the user's progress on one card, NotFound when never reviewed.
	Progress(ctx context.Context, userID int64, cardID string) (Progress, error)
	// AllProgress returns the user's progress on every reviewed card.
	AllProgress(ctx context.Context, userID int64) ([]Progress, error)
	// DueCards returns the ids of reviewed cards due at or before f.Now, most
	// overdue first, at most f.Limit (the caller filters topics by id).
	DueCards(ctx context.Context, f QueueFilter) ([]Progress, error)
	// CountDue counts reviewed cards due at or before now.
	CountDue(ctx context.Context, userID int64, now time.Time) (int, error)
	// HasProgress returns which of ids the user has reviewed.
	HasProgress(ctx context.Context, userID int64, ids []string) (map[string]bool, error)
	// NextDue returns the earliest due time of the user's reviewed cards after
	// now (limited to cardIDs when not nil), zero when there is none.
	NextDue(ctx context.Context, userID int64, now time.Time, cardIDs []string) (time.Time, error)
	// Record appends a review (setting log.ID) and stores the new progress,
	// atomically. It fails with Conflict when the card's progress changed
	// since prev was read (prev.Reps differs), so that two tabs cannot both
	// rate one showing.
	Record(ctx context.Context, prev Progress, next Progress, log *ReviewLog) error
	// Reviews returns the user's review log, oldest first; from zero for all.
	Reviews(ctx context.Context, userID int64, from time.Time) ([]ReviewLog, error)
	// NewSince counts the distinct cards first reviewed at or after from.
	NewSince(ctx context.Context, userID int64, from time.Time) (int, error)

	// ExportDrill returns the user's drill rows: user cards, progress and the
	// review log.
	ExportDrill(ctx context.Context, userID int64) (*Dump, error)
	// RestoreDrill loads a dump into the user's empty drill tables, keeping
	// review ids, all or nothing: Invalid for a damaged dump, Conflict when
	// the user already has drill rows or the dump's review ids are taken.
	RestoreDrill(ctx context.Context, userID int64, d *Dump) error

	// Setting and SetSetting store preferences (fsrs parameters, retention,
	// new cards per day) as tracker.Store does.
	Setting(ctx context.Context, userID int64, key string) (string, error)
	SetSetting(ctx context.Context, userID int64, key, value string) error
}

// ToProgress flattens an fsrs card for storage.
func ToProgress(userID int64, c fsrs.Card) Progress {
	return Progress{CardID: c.ID, UserID: userID, Card: c, State: c.State.String(), Step: c.Step,
		Stability: c.Stability, Difficulty: c.Difficulty, Due: c.Due, LastReview: c.LastReview, Reps: c.Reps, Lapses: c.Lapses}
}

// FSRS rebuilds the fsrs card of a stored progress.
func (p Progress) FSRS() (fsrs.Card, error) {
	st, err := fsrs.ParseState(p.State)
	if err != nil {
		return fsrs.Card{}, fmt.Errorf("drill: card %s: %w", p.CardID, err)
	}
	return fsrs.Card{ID: p.CardID, State: st, Step: p.Step, Stability: p.Stability, Difficulty: p.Difficulty,
		Due: p.Due, LastReview: p.LastReview, Reps: p.Reps, Lapses: p.Lapses}, nil
}

// Settings keys.
const (
	SettingRetention    = "drill_retention"   // desired retention, 0.70–0.99, default 0.9
	SettingNewPerDay    = "drill_new_per_day" // new cards a day, default 20
	SettingParameters   = "drill_parameters"  // 21 comma-separated FSRS weights, default the FSRS-6 defaults
	SettingTarget       = "drill_target"      // recall wanted on interview days, default 0.9
	SettingDailyCap     = "drill_daily_cap"   // reviews a day interview mode may add, default 60
	DefaultNewPerDay    = 20
	DefaultInterviewCap = 60
)
