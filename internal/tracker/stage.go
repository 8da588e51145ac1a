package tracker

import (
	"slices"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
)

// StageKind is one step of the ML interview loop. Stages an application adds for
// itself (a hiring committee, a second onsite) carry the kind of the loop step they
// belong to and are marked custom.
type StageKind string

// Stage kinds, in loop order.
const (
	Applied         StageKind = "applied"
	RecruiterScreen StageKind = "recruiter_screen"
	PhoneScreen     StageKind = "phone_screen"
	TakeHome        StageKind = "take_home"
	Onsite          StageKind = "onsite"
	OfferStage      StageKind = "offer"
)

// StageKinds lists the loop in order.
var StageKinds = []StageKind{Applied, RecruiterScreen, PhoneScreen, TakeHome, Onsite, OfferStage}

// Label returns the kind for display.
func (k StageKind) Label() string {
	switch k {
	case Applied:
		return "Applied"
	case RecruiterScreen:
		return "Recruiter screen"
	case PhoneScreen:
		return "Phone screen"
	case TakeHome:
		return "Take-home"
	case Onsite:
		return "Onsite"
	case OfferStage:
		return "Offer"
	}
	return string(k)
}

// Order is the kind's place in the loop, -1 when unknown.
func (k StageKind) Order() int { return slices.Index(StageKinds, k) }

// Band is the funnel step the kind counts toward.
func (k StageKind) Band() Band {
	switch k {
	case RecruiterScreen, PhoneScreen, TakeHome:
		return BandScreen
	case Onsite:
		return BandOnsite
	case OfferStage:
		return BandOffer
	}
	return BandApplied
}

// ParseStageKind accepts a stage kind by name or common spelling.
func ParseStageKind(s string) (StageKind, error) {
	switch norm(s) {
	case "applied", "application", "submitted":
		return Applied, nil
	case "recruiter-screen", "recruiter", "screen", "recruiter-call":
		return RecruiterScreen, nil
	case "phone-screen", "phone", "technical-screen", "tech-screen", "technical-phone-screen":
		return PhoneScreen, nil
	case "take-home", "takehome", "assignment":
		return TakeHome, nil
	case "onsite", "on-site", "virtual-onsite", "loop", "final", "final-round":
		return Onsite, nil
	case "offer":
		return OfferStage, nil
	}
	return "", errs.Invalidf("unknown stage %q (use applied, recruiter_screen, phone_screen, take_home, onsite or offer)", s)
}

// Outcome ends an application.
type Outcome string

// Outcomes. Accepted and declined follow an offer; rejected, withdrawn and ghosted
// can end an application at any stage.
const (
	Accepted  Outcome = "accepted"
	Declined  Outcome = "declined"
	Rejected  Outcome = "rejected"
	Withdrawn Outcome = "withdrawn"
	Ghosted   Outcome = "ghosted"
)

// Outcomes lists the outcomes in display order.
var Outcomes = []Outcome{Accepted, Declined, Rejected, Withdrawn, Ghosted}

// Label returns the outcome for display.
func (o Outcome) Label() string {
	if o == "" {
		return "Active"
	}
	return strings.ToUpper(string(o[:1])) + string(o[1:])
}

// ParseOutcome accepts an outcome by name.
func ParseOutcome(s string) (Outcome, error) {
	switch norm(s) {
	case "accepted", "accept", "hired":
		return Accepted, nil
	case "declined", "decline", "turned-down":
		return Declined, nil
	case "rejected", "reject", "rejection", "no", "not-selected":
		return Rejected, nil
	case "withdrawn", "withdraw", "withdrew":
		return Withdrawn, nil
	case "ghosted", "ghost", "no-response", "no-reply", "silent":
		return Ghosted, nil
	}
	return "", errs.Invalidf("unknown outcome %q (use accepted, declined, rejected, withdrawn or ghosted)", s)
}

// Stage is one step of one application's loop.
type Stage struct {
	ID            int64     `json:"id"`
	UserID        int64     `json:"user_id"`
	ApplicationID int64     `json:"application_id"`
	Position      int       `json:"position"`
	Kind          StageKind `json:"kind"`
	Custom        bool      `json:"custom"`
	Name          string    `json:"name"`
}

// State is where an application stands, derived from its events.
type State struct {
	StageID   int64     `json:"stage_id"`
	StageKind StageKind `json:"stage_kind"`
	StageName string    `json:"stage_name"`
	Outcome   Outcome   `json:"outcome,omitempty"`
	Since     time.Time `json:"since"`
}

// Label describes the state for display: the outcome if the application ended,
// else the stage name.
func (s State) Label() string {
	if s.Outcome != "" {
		return s.Outcome.Label()
	}
	return s.StageName
}

// Move is a request to change an application's state: to a stage, or to an outcome.
type Move struct {
	StageID int64
	Outcome Outcome
	At      time.Time
	Note    string
}

// ResolveTarget turns a user's word ("phone_screen", "rejected", a custom stage's
// name or id) into a Move for the given stages.
func ResolveTarget(stages []Stage, target string) (Move, error) {
	t := strings.TrimSpace(target)
	if t == "" {
		return Move{}, errs.Invalidf("say where to move the application")
	}
	if o, err := ParseOutcome(t); err == nil {
		return Move{Outcome: o}, nil
	}
	for _, s := range stages {
		if strings.EqualFold(s.Name, t) {
			return Move{StageID: s.ID}, nil
		}
	}
	if k, err := ParseStageKind(t); err == nil {
		for _, s := range stages {
			if s.Kind == k && !s.Custom {
				return Move{StageID: s.ID}, nil
			}
		}
		for _, s := range stages {
			if s.Kind == k {
				return Move{StageID: s.ID}, nil
			}
		}
		return Move{}, errs.Invalidf("this application has no %s stage (add it first, or pick one of: %s)", k.Label(), stageNames(stages))
	}
	return Move{}, errs.Invalidf("unknown stage %q (pick one of: %s; or an outcome: accepted, declined, rejected, withdrawn, ghosted)", t, stageNames(stages))
}

func stageNames(stages []Stage) string {
	names := make([]string, len(stages))
	for i, s := range stages {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}

// CheckMove applies the loop's rules to a move from the current state:
//   - an application that was accepted, declined, rejected or withdrawn is closed;
//     only a ghosted one can come back to life, when the company writes again;
//   - accepting or declining needs an offer;
//   - a move to where the application already is, is refused;
//   - the move's time cannot precede the state it leaves.
func CheckMove(cur State, stages []Stage, m Move) error {
	if (m.StageID == 0) == (m.Outcome == "") {
		return errs.Invalidf("a move goes to either a stage or an outcome")
	}
	if m.At.IsZero() {
		return errs.Invalidf("a move needs a time")
	}
	if !cur.Since.IsZero() && m.At.Before(cur.Since) {
		return errs.Invalidf("the move's date %s is before the application reached %s (%s)",
			m.At.Format("2006-01-02"), cur.Label(), cur.Since.Format("2006-01-02"))
	}
	switch cur.Outcome {
	case Accepted, Declined, Rejected, Withdrawn:
		return errs.Conflictf("the application is closed (%s); add a new application to apply again", cur.Outcome)
	case Ghosted:
		if m.Outcome != "" {
			return errs.Conflictf("the application is already closed (ghosted); move it to a stage if the company wrote back")
		}
	}
	if m.Outcome != "" {
		if _, err := ParseOutcome(string(m.Outcome)); err != nil {
			return err
		}
		if (m.Outcome == Accepted || m.Outcome == Declined) && cur.StageKind != OfferStage {
			return errs.Conflictf("only an offer can be %s; the application is at %s", m.Outcome, cur.StageName)
		}
		return nil
	}
	i := slices.IndexFunc(stages, func(s Stage) bool { return s.ID == m.StageID })
	if i < 0 {
		return errs.NotFoundf("stage %d is not one of this application's stages", m.StageID)
	}
	if cur.Outcome == "" && cur.StageID == m.StageID {
		return errs.Conflictf("the application is already at %s", stages[i].Name)
	}
	return nil
}

// Band is a step of the funnel: several loop stages count toward one band.
type Band int

// Funnel bands.
const (
	BandApplied Band = iota
	BandScreen
	BandOnsite
	BandOffer
)

// Bands lists the bands in order.
var Bands = []Band{BandApplied, BandScreen, BandOnsite, BandOffer}

// Label returns the band for display.
func (b Band) Label() string {
	return [...]string{"Applied", "Screen", "Onsite", "Offer"}[b]
}

// CheckStageName validates a stage or round name.
func CheckStageName(name string) error {
	if strings.TrimSpace(name) == "" {
		return errs.Invalidf("a name is required")
	}
	return checkLen("name", name, MaxName)
}

// StateOf derives an application's state from its log: the latest created,
// moved or closed event by time, then id. A closed application keeps the stage
// it was at when it closed. Stores may keep a projection of this for speed; it
// must always equal StateOf.
func StateOf(events []Event, stages []Stage) State {
	var cur, lastStage *Event
	for i := range events {
		e := &events[i]
		if !slices.Contains(StateKinds, e.Kind) {
			continue
		}
		if cur == nil || e.At.After(cur.At) || (e.At.Equal(cur.At) && e.ID > cur.ID) {
			cur = e
		}
		if e.Kind != EventClosed && (lastStage == nil || e.At.After(lastStage.At) || (e.At.Equal(lastStage.At) && e.ID > lastStage.ID)) {
			lastStage = e
		}
	}
	if cur == nil {
		return State{}
	}
	st := State{Since: cur.At}
	stageID := cur.StageID
	if cur.Kind == EventClosed {
		st.Outcome = cur.Outcome
		stageID = 0
		if lastStage != nil {
			stageID = lastStage.StageID
		}
	}
	for _, s := range stages {
		if s.ID == stageID {
			st.StageID, st.StageKind, st.StageName = s.ID, s.Kind, s.Name
		}
	}
	return st
}
