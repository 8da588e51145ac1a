package tracker

import (
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/offerloop/offerloop/internal/content"
	"github.com/offerloop/offerloop/internal/errs"
)

// InterviewOutcome is how an interview went, as far as the user knows.
type InterviewOutcome string

// Interview outcomes. An empty outcome means the interview is still ahead.
const (
	OutcomePending   InterviewOutcome = ""
	OutcomePassed    InterviewOutcome = "passed"
	OutcomeFailed    InterviewOutcome = "failed"
	OutcomeUnknown   InterviewOutcome = "waiting" // done, no verdict yet
	OutcomeCancelled InterviewOutcome = "cancelled"
)

// InterviewOutcomes lists the outcomes a finished interview can have.
var InterviewOutcomes = []InterviewOutcome{OutcomeUnknown, OutcomePassed, OutcomeFailed, OutcomeCancelled}

// Label returns the outcome for display.
func (o InterviewOutcome) Label() string {
	switch o {
	case OutcomePending:
		return "Scheduled"
	case OutcomePassed:
		return "Passed"
	case OutcomeFailed:
		return "Did not pass"
	case OutcomeUnknown:
		return "Done, waiting to hear"
	case OutcomeCancelled:
		return "Cancelled"
	}
	return string(o)
}

// ParseInterviewOutcome accepts an outcome by name.
func ParseInterviewOutcome(s string) (InterviewOutcome, error) {
	switch norm(s) {
	case "waiting", "done", "unknown", "":
		return OutcomeUnknown, nil
	case "passed", "pass", "advanced", "went-well":
		return OutcomePassed, nil
	case "failed", "fail", "did-not-pass", "rejected":
		return OutcomeFailed, nil
	case "cancelled", "canceled":
		return OutcomeCancelled, nil
	}
	return "", errs.Invalidf("unknown interview outcome %q (use waiting, passed, failed or cancelled)", s)
}

// Interviewer is a person on the other side of an interview.
type Interviewer struct {
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
}

// Interview is one scheduled conversation.
type Interview struct {
	ID            int64            `json:"id"`
	UserID        int64            `json:"user_id"`
	ApplicationID int64            `json:"application_id"`
	RoundID       int64            `json:"round_id"` // 0 when not tied to a planned round
	Kind          RoundKind        `json:"kind"`
	Title         string           `json:"title"`
	At            time.Time        `json:"at"`
	Minutes       int              `json:"minutes"`
	Location      string           `json:"location"` // video link, address
	Interviewers  []Interviewer    `json:"interviewers"`
	Notes         string           `json:"notes"`
	Detail        string           `json:"detail"` // a specific point from the conversation, for the thank-you note
	Outcome       InterviewOutcome `json:"outcome"`
	RedFlags      []string         `json:"red_flags"`
	DoneAt        time.Time        `json:"done_at"`
	CreatedAt     time.Time        `json:"created_at"`

	// Filled by the store on reads.
	Company string `json:"-"`
	Role    string `json:"-"`
}

// End is when the interview is planned to finish.
func (iv *Interview) End() time.Time { return iv.At.Add(time.Duration(iv.Minutes) * time.Minute) }

// Done reports whether the interview has happened (or was cancelled).
func (iv *Interview) Done() bool { return iv.Outcome != OutcomePending }

// Validate checks an interview before it is saved.
func (iv *Interview) Validate() error {
	if iv.ApplicationID == 0 {
		return errs.Invalidf("an interview belongs to an application")
	}
	if iv.At.IsZero() {
		return errs.Invalidf("an interview needs a date and time")
	}
	if y := iv.At.Year(); y < 1970 || y > 2200 {
		return errs.Invalidf("interview date %s is out of range", iv.At.Format("2006-01-02"))
	}
	if iv.Minutes <= 0 || iv.Minutes > 12*60 {
		return errs.Invalidf("an interview lasts between 1 minute and 12 hours, not %d minutes", iv.Minutes)
	}
	if strings.TrimSpace(iv.Title) == "" {
		return errs.Invalidf("an interview needs a title")
	}
	for _, f := range []struct{ name, v string }{{"title", iv.Title}, {"location", iv.Location}} {
		if err := checkLen(f.name, f.v, MaxShort); err != nil {
			return err
		}
	}
	for _, f := range []struct{ name, v string }{{"notes", iv.Notes}, {"detail", iv.Detail}} {
		if err := checkLen(f.name, f.v, MaxText); err != nil {
			return err
		}
	}
	if len(iv.Interviewers) > 20 {
		return errs.Invalidf("at most 20 interviewers")
	}
	for _, p := range iv.Interviewers {
		if strings.TrimSpace(p.Name) == "" {
			return errs.Invalidf("every interviewer needs a name")
		}
		if err := checkLen("interviewer", p.Name, MaxName); err != nil {
			return err
		}
		if err := checkEmail(p.Email); err != nil {
			return err
		}
	}
	flags, err := LoadRedFlags()
	if err != nil {
		return err
	}
	for _, f := range iv.RedFlags {
		if _, ok := flags.Find(f); !ok {
			return errs.Invalidf("unknown red flag %q", f)
		}
	}
	return nil
}

// ParseInterviewers reads "Name <email>, Name" lists as people type them.
func ParseInterviewers(s string) ([]Interviewer, error) {
	var out []Interviewer
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if strings.Contains(part, "@") {
			a, err := mail.ParseAddress(part)
			if err != nil {
				return nil, errs.Invalidf("cannot read interviewer %q (write Name <email> or just a name)", part)
			}
			name := a.Name
			if name == "" {
				name = a.Address
			}
			out = append(out, Interviewer{Name: name, Email: a.Address})
			continue
		}
		out = append(out, Interviewer{Name: part})
	}
	return out, nil
}

// FormatInterviewers is the inverse of ParseInterviewers.
func FormatInterviewers(ps []Interviewer) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Name
		if p.Email != "" {
			parts[i] = fmt.Sprintf("%s <%s>", p.Name, p.Email)
		}
	}
	return strings.Join(parts, ", ")
}

// RedFlag is a warning sign about a company, a role, a process or an offer.
type RedFlag struct {
	Key  string `json:"key"`
	Text string `json:"text"`
	Why  string `json:"why"`
}

// RedFlagGroup groups red flags by what they are about.
type RedFlagGroup struct {
	Key   string    `json:"key"`
	Title string    `json:"title"`
	Flags []RedFlag `json:"flags"`
}

// RedFlags is the content of tracker/redflags.json.
type RedFlags struct {
	Groups []RedFlagGroup `json:"groups"`
}

// Find returns a flag by key.
func (r *RedFlags) Find(key string) (RedFlag, bool) {
	for _, g := range r.Groups {
		for _, f := range g.Flags {
			if f.Key == key {
				return f, true
			}
		}
	}
	return RedFlag{}, false
}

var loadRedFlags = sync.OnceValues(func() (*RedFlags, error) {
	var r RedFlags
	if err := content.DecodeJSON("tracker/redflags.json", &r); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, g := range r.Groups {
		if g.Key == "" || g.Title == "" || len(g.Flags) == 0 {
			return nil, fmt.Errorf("content: tracker/redflags.json: group %q needs a key, a title and flags", g.Key)
		}
		for _, f := range g.Flags {
			if f.Key == "" || f.Text == "" || f.Why == "" || seen[f.Key] {
				return nil, fmt.Errorf("content: tracker/redflags.json: flag %q needs a unique key, text and why", f.Key)
			}
			seen[f.Key] = true
		}
	}
	return &r, nil
})

// LoadRedFlags returns the red-flag checklist from the content files.
func LoadRedFlags() (*RedFlags, error) { return loadRedFlags() }

// Checklist is one of the four interview checklists.
type Checklist struct {
	Key   string          `json:"key"` // day_before, morning_of, during, after
	Title string          `json:"title"`
	Items []ChecklistItem `json:"items"`
}

// ChecklistItem is one line of a checklist. Rounds, when set, limits the item to
// interviews of those round kinds.
type ChecklistItem struct {
	Key    string      `json:"key"`
	Text   string      `json:"text"`
	Rounds []RoundKind `json:"rounds,omitempty"`
}

// AppliesTo reports whether the item belongs on an interview of kind k.
func (it ChecklistItem) AppliesTo(k RoundKind) bool {
	return len(it.Rounds) == 0 || slices.Contains(it.Rounds, k)
}

// Checklist keys, in the order they are worked through.
const (
	DayBefore = "day_before"
	MorningOf = "morning_of"
	During    = "during"
	After     = "after"
)

var loadChecklists = sync.OnceValues(func() ([]Checklist, error) {
	var doc struct {
		Checklists []Checklist `json:"checklists"`
	}
	if err := content.DecodeJSON("tracker/checklists.json", &doc); err != nil {
		return nil, err
	}
	want := []string{DayBefore, MorningOf, During, After}
	if len(doc.Checklists) != len(want) {
		return nil, fmt.Errorf("content: tracker/checklists.json: want the lists %v", want)
	}
	for i, c := range doc.Checklists {
		if c.Key != want[i] || c.Title == "" || len(c.Items) == 0 {
			return nil, fmt.Errorf("content: tracker/checklists.json: list %d should be %s with a title and items", i, want[i])
		}
		seen := map[string]bool{}
		for _, it := range c.Items {
			if it.Key == "" || it.Text == "" || seen[it.Key] {
				return nil, fmt.Errorf("content: tracker/checklists.json: %s item %q needs a unique key and text", c.Key, it.Key)
			}
			seen[it.Key] = true
		}
	}
	return doc.Checklists, nil
})

// LoadChecklists returns the four interview checklists from the content files.
func LoadChecklists() ([]Checklist, error) { return loadChecklists() }

// InterviewAsk is a question the user will ask at an interview, chosen from
// the practice bank (QuestionID) or written by the user (QuestionID empty).
type InterviewAsk struct {
	InterviewID int64  `json:"interview_id"`
	QuestionID  string `json:"question_id,omitempty"`
	Text        string `json:"text"`
}

// MaxAsks caps the questions chosen for one interview.
const MaxAsks = 10

// CheckAsks refuses empty, overlong or too many questions.
func CheckAsks(asks []InterviewAsk) error {
	per := map[int64]int{}
	for _, a := range asks {
		if strings.TrimSpace(a.Text) == "" || len(a.Text) > 500 {
			return errs.Invalidf("a question to ask must have 1 to 500 characters")
		}
		if per[a.InterviewID]++; per[a.InterviewID] > MaxAsks {
			return errs.Invalidf("at most %d questions to ask per interview", MaxAsks)
		}
	}
	return nil
}
