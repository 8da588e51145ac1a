package tracker

import (
	"context"
	"encoding/json"
	"time"
)

// EventKind names what happened to an application.
type EventKind string

// Event kinds. Created, Moved and Closed carry the state; the rest are history.
const (
	EventCreated            EventKind = "created"
	EventMoved              EventKind = "moved"
	EventClosed             EventKind = "closed"
	EventEdited             EventKind = "edited"
	EventNote               EventKind = "note"
	EventStageAdded         EventKind = "stage_added"
	EventStageRenamed       EventKind = "stage_renamed"
	EventStageRemoved       EventKind = "stage_removed"
	EventRoundAdded         EventKind = "round_added"
	EventRoundRenamed       EventKind = "round_renamed"
	EventRoundRemoved       EventKind = "round_removed"
	EventInterviewScheduled EventKind = "interview_scheduled"
	EventInterviewUpdated   EventKind = "interview_updated"
	EventInterviewDone      EventKind = "interview_done"
	EventContactAdded       EventKind = "contact_added"
	EventContactRemoved     EventKind = "contact_removed"
	EventTaskDone           EventKind = "task_done"
	EventTaskReopened       EventKind = "task_reopened"
	EventFollowedUp         EventKind = "followed_up"
)

// StateKinds are the event kinds that set an application's state.
var StateKinds = []EventKind{EventCreated, EventMoved, EventClosed}

// ActivityKinds are the event kinds that count as contact with the company, for
// deciding when it has gone silent.
var ActivityKinds = []EventKind{EventCreated, EventMoved, EventClosed, EventInterviewScheduled, EventInterviewDone, EventFollowedUp}

// Event is one entry of an application's append-only log.
type Event struct {
	ID            int64     `json:"id"`
	UserID        int64     `json:"user_id"`
	ApplicationID int64     `json:"application_id"`
	At            time.Time `json:"at"`
	Kind          EventKind `json:"kind"`
	StageID       int64     `json:"stage_id"` // for created and moved
	Outcome       Outcome   `json:"outcome"`  // for closed
	RefID         int64     `json:"ref_id"`   // the interview, contact, stage or round concerned
	Summary       string    `json:"summary"`  // a sentence for the timeline
}

// StageStep is a state event with its stage, as the funnel reads it.
type StageStep struct {
	ApplicationID int64
	At            time.Time
	StageKind     StageKind // for created and moved
	Outcome       Outcome   // for closed
}

// ApplicationFilter selects applications.
type ApplicationFilter struct {
	UserID     int64
	ActiveOnly bool
	ClosedOnly bool
	StageKind  StageKind // only applications whose current stage has this kind
	Since      time.Time // only applications that reached their state at or after this
	Query      string    // matches company or role, case-insensitively
	// RecentFirst orders by the time the application reached its state, newest
	// first, instead of by applied date.
	RecentFirst bool
	Limit       int // 0 means no limit
	// Brief reads only what task derivation needs: the id, the company's name,
	// the role, the outcome, stage kind and time of the state, the deadline and
	// the last activity.
	Brief bool
}

// StateCount is how many applications are in one place of the board: active at
// a stage kind, or closed (Closed true, StageKind the stage they left).
type StateCount struct {
	StageKind StageKind `json:"stage_kind"`
	Closed    bool      `json:"closed"`
	Count     int       `json:"count"`
}

// ApplicationUpdate changes the fields that are set.
type ApplicationUpdate struct {
	Role, Location, JDText, JDURL, Notes *string
	CompanyKind                          *CompanyKind
	Level                                *Level
	Source                               *Source
	AppliedOn, Deadline                  *Date
}

// InterviewFilter selects interviews.
type InterviewFilter struct {
	UserID        int64
	ApplicationID int64     // 0 for all
	From, To      time.Time // zero for unbounded; matches At in [From, To)
	PendingOnly   bool
}

// InterviewUpdate changes the fields that are set. Setting Outcome to anything
// but pending marks the interview done.
type InterviewUpdate struct {
	Title, Location, Notes, Detail *string
	At                             *time.Time
	Minutes                        *int
	Kind                           *RoundKind
	Interviewers                   *[]Interviewer
	RedFlags                       *[]string
	Outcome                        *InterviewOutcome
}

// ManualTask is a to-do the user wrote themselves.
type ManualTask struct {
	ID            int64     `json:"id"`
	UserID        int64     `json:"user_id"`
	ApplicationID int64     `json:"application_id"` // 0 when not tied to one
	Title         string    `json:"title"`
	Due           time.Time `json:"due"`
	DoneAt        time.Time `json:"done_at"`
	CreatedAt     time.Time `json:"created_at"`
}

// TaskMark records that a derived task (a thank-you note, a checklist item, a
// follow-up) was done.
type TaskMark struct {
	UserID        int64     `json:"user_id"`
	Key           string    `json:"key"`
	ApplicationID int64     `json:"application_id"`
	DoneAt        time.Time `json:"done_at"`
}

// Setting is a per-user preference.
type Setting struct {
	UserID int64  `json:"user_id"`
	Key    string `json:"key"`
	Value  string `json:"value"`
}

// Store is what the tracker needs from storage. Every method is one transaction:
// it either does all it says or nothing. Methods return errs codes: NotFound for
// records that do not exist or belong to another user, Invalid for bad input,
// Conflict for actions the current state forbids.
type Store interface {
	// LocalUser returns the single user of local mode, creating it on first use.
	LocalUser(ctx context.Context) (*User, error)
	// Version returns a number that changes whenever any data changes, through
	// this store or another process on the same database, so that readers can
	// reuse what they computed from unchanged data.
	Version(ctx context.Context) (int64, error)

	// CreateApplication stores a new application, finding or creating its company
	// by name (case-insensitively), its plan's stages and rounds, and a created
	// event at the applied date (at the creation time when applied today or later).
	// It fills a's ids and times.
	CreateApplication(ctx context.Context, a *Application, plan Plan) error
	// FindApplication returns one application with its company and derived state.
	FindApplication(ctx context.Context, userID, id int64) (*Application, error)
	// FindApplications returns applications with company and state, newest
	// applied first (or as f orders them). Lists leave JDText empty: read one
	// application for its job description.
	FindApplications(ctx context.Context, f ApplicationFilter) ([]*Application, error)
	// CountApplications counts the user's applications by stage kind, active and
	// closed apart.
	CountApplications(ctx context.Context, userID int64) ([]StateCount, error)
	// UpdateApplication changes fields and appends an edited event.
	UpdateApplication(ctx context.Context, userID, id int64, u ApplicationUpdate, at time.Time) (*Application, error)
	// DeleteApplication removes an application and everything attached to it.
	DeleteApplication(ctx context.Context, userID, id int64) error
	// MoveApplication checks m against the current state with CheckMove and, if it
	// passes, appends the moved or closed event, atomically.
	MoveApplication(ctx context.Context, userID, id int64, m Move) (*Application, error)
	// AddNote appends a note to the application's timeline.
	AddNote(ctx context.Context, userID, id int64, text string, at time.Time) error

	// Stages returns an application's stages in order.
	Stages(ctx context.Context, userID, appID int64) ([]Stage, error)
	// AddStage inserts a custom stage after the stage afterID (0: at the end) with
	// the kind of the stage it follows.
	AddStage(ctx context.Context, userID, appID, afterID int64, name string, at time.Time) (*Stage, error)
	// RenameStage renames a stage.
	RenameStage(ctx context.Context, userID, stageID int64, name string, at time.Time) error
	// RemoveStage deletes a stage the application has never been in; otherwise Conflict.
	RemoveStage(ctx context.Context, userID, stageID int64, at time.Time) error

	// Rounds returns an application's planned rounds in order.
	Rounds(ctx context.Context, userID, appID int64) ([]Round, error)
	// AddRound appends a round to a stage of the application.
	AddRound(ctx context.Context, r *Round, at time.Time) error
	// RenameRound renames a round.
	RenameRound(ctx context.Context, userID, roundID int64, name string, at time.Time) error
	// RemoveRound deletes a round; interviews that were tied to it keep their kind.
	RemoveRound(ctx context.Context, userID, roundID int64, at time.Time) error

	// Events returns an application's log, oldest first.
	Events(ctx context.Context, userID, appID int64) ([]Event, error)
	// StageSteps returns every state event of the user's applications, ordered by
	// application, then time, then id.
	StageSteps(ctx context.Context, userID int64) ([]StageStep, error)

	// ScheduleInterview stores an interview and appends an event. It fills iv.ID.
	ScheduleInterview(ctx context.Context, iv *Interview) error
	// FindInterview returns one interview with its company and role.
	FindInterview(ctx context.Context, userID, id int64) (*Interview, error)
	// FindInterviews returns interviews ordered by time.
	FindInterviews(ctx context.Context, f InterviewFilter) ([]*Interview, error)
	// UpdateInterview changes fields and appends an event (interview_done when
	// the outcome leaves pending).
	UpdateInterview(ctx context.Context, userID, id int64, u InterviewUpdate, at time.Time) (*Interview, error)

	// AddContact stores a contact and appends an event.
	AddContact(ctx context.Context, c *Contact) error
	// Contacts returns an application's contacts.
	Contacts(ctx context.Context, userID, appID int64) ([]Contact, error)
	// RemoveContact deletes a contact.
	RemoveContact(ctx context.Context, userID, id int64, at time.Time) error

	// CreateTask stores a manual task.
	CreateTask(ctx context.Context, t *ManualTask) error
	// FindTasks returns manual tasks, open ones first.
	FindTasks(ctx context.Context, userID, appID int64) ([]ManualTask, error)
	// SetTaskDone marks a manual task done (or open again when done is false).
	SetTaskDone(ctx context.Context, userID, id int64, done bool, at time.Time) error
	// MarkTask records a derived task done, or clears the mark when done is false;
	// when it belongs to an application, an event of kind ev is appended.
	MarkTask(ctx context.Context, m TaskMark, done bool, ev EventKind, summary string) error
	// TaskMarks returns the user's marks by key.
	TaskMarks(ctx context.Context, userID int64) (map[string]time.Time, error)

	// Setting returns a preference, or "" when unset.
	Setting(ctx context.Context, userID int64, key string) (string, error)
	// SetSetting stores a preference.
	SetSetting(ctx context.Context, userID int64, key, value string) error

	// InterviewAsks returns the questions the user chose to ask, for one
	// interview or, when interviewID is 0, for all of them.
	InterviewAsks(ctx context.Context, userID, interviewID int64) ([]InterviewAsk, error)
	// SetInterviewAsks replaces the questions to ask at one interview.
	SetInterviewAsks(ctx context.Context, userID, interviewID int64, asks []InterviewAsk) error

	// Export returns all of the user's tracker data.
	Export(ctx context.Context, userID int64) (*Dump, error)
	// Restore loads a Dump into an empty tracker, keeping every id; Conflict when
	// the user already has data.
	Restore(ctx context.Context, userID int64, d *Dump) error
}

// Dump is every tracker table of one user, lossless.
type Dump struct {
	Format        string        `json:"format"` // "offerloop-export"
	SchemaVersion int           `json:"schema_version"`
	ExportedAt    time.Time     `json:"exported_at"`
	Companies     []Company     `json:"companies"`
	Applications  []Application `json:"applications"`
	Stages        []Stage       `json:"stages"`
	Rounds        []Round       `json:"rounds"`
	Contacts      []Contact     `json:"contacts"`
	Interviews    []Interview   `json:"interviews"`
	Events        []Event       `json:"events"`
	Tasks         []ManualTask  `json:"tasks"`
	TaskMarks     []TaskMark    `json:"task_marks"`
	Settings      []Setting     `json:"settings"`
	// Asks are the questions chosen for each interview, in order.
	Asks []InterviewAsk `json:"asks,omitempty"`
	// Drill is the drill's section of the export (a drill.Dump), carried
	// as it is: the tracker neither reads nor restores it.
	Drill json.RawMessage `json:"drill,omitempty"`
	// Judge is the ML coding judge's section (a judge.Dump: every attempt),
	// carried the same way.
	Judge json.RawMessage `json:"judge,omitempty"`
	// Practice is the practice rounds' section (a practice.Dump: stories,
	// design sessions, study-plan marks), carried the same way.
	Practice json.RawMessage `json:"practice,omitempty"`
	// Resume is the resume checker's section (a resume.Dump: every saved
	// check, attached to its application), carried the same way.
	Resume json.RawMessage `json:"resume,omitempty"`
	// Kit is the application kit's section (a kit.Dump: each application's
	// cover letter and pitch), carried the same way.
	Kit json.RawMessage `json:"kit,omitempty"`
	// Takehome is the take-home checker's section (a takehome.Dump: every
	// stored report, attached to its application or to none), carried the
	// same way.
	Takehome json.RawMessage `json:"takehome,omitempty"`
	// Coach is the coach's section (a coach.Dump: every item marked done or
	// skipped on a day's plan), carried the same way.
	Coach json.RawMessage `json:"coach,omitempty"`
}

// DumpFormat identifies an offerloop export file.
const DumpFormat = "offerloop-export"
