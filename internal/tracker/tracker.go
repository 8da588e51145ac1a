// Package tracker follows a job search through the ML interview loop: companies,
// applications and their stages, planned rounds, interviews, contacts, the tasks
// the timeline implies (thank-you notes, follow-ups, deadlines, checklists), the
// funnel and the calendar.
//
// The current stage of an application is never stored: it is derived from an
// append-only log of events, so that history, and therefore the funnel, stays
// right whatever happens later.
package tracker

import (
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/offerloop/offerloop/internal/errs"
)

// CompanyKind shapes the interview loop a company runs.
type CompanyKind string

// Company kinds.
const (
	BigTech     CompanyKind = "big-tech"
	MidSize     CompanyKind = "mid-size"
	Startup     CompanyKind = "startup"
	ResearchLab CompanyKind = "research-lab"
)

// CompanyKinds lists the kinds in display order.
var CompanyKinds = []CompanyKind{BigTech, MidSize, Startup, ResearchLab}

// Label returns the kind for display.
func (k CompanyKind) Label() string {
	switch k {
	case BigTech:
		return "Big tech"
	case MidSize:
		return "Mid-size"
	case Startup:
		return "Startup"
	case ResearchLab:
		return "Research lab"
	}
	return string(k)
}

// Level is the seniority a role is hired at.
type Level string

// Levels.
const (
	Junior Level = "junior"
	Mid    Level = "mid"
	Senior Level = "senior"
	Staff  Level = "staff"
)

// Levels lists the levels in order.
var Levels = []Level{Junior, Mid, Senior, Staff}

// Source is how the application reached the company.
type Source string

// Sources.
const (
	Referral  Source = "referral"
	Recruiter Source = "recruiter"
	Cold      Source = "cold"
)

// Sources lists the sources in display order.
var Sources = []Source{Referral, Recruiter, Cold}

// ParseCompanyKind accepts a kind in its canonical form or a common spelling.
func ParseCompanyKind(s string) (CompanyKind, error) {
	switch norm(s) {
	case "big-tech", "bigtech", "faang", "big":
		return BigTech, nil
	case "mid-size", "midsize", "mid", "scaleup", "scale-up":
		return MidSize, nil
	case "startup", "start-up":
		return Startup, nil
	case "research-lab", "research", "lab", "researchlab":
		return ResearchLab, nil
	}
	return "", errs.Invalidf("unknown company kind %q (use big-tech, mid-size, startup or research-lab)", s)
}

// ParseLevel accepts a level by name.
func ParseLevel(s string) (Level, error) {
	switch norm(s) {
	case "junior", "entry", "new-grad":
		return Junior, nil
	case "mid", "mid-level", "intermediate":
		return Mid, nil
	case "senior", "sr":
		return Senior, nil
	case "staff", "principal":
		return Staff, nil
	}
	return "", errs.Invalidf("unknown level %q (use junior, mid, senior or staff)", s)
}

// ParseSource accepts a source by name.
func ParseSource(s string) (Source, error) {
	switch norm(s) {
	case "referral", "referred":
		return Referral, nil
	case "recruiter", "inbound", "recruiter-outreach":
		return Recruiter, nil
	case "cold", "direct", "online", "job-board", "applied":
		return Cold, nil
	}
	return "", errs.Invalidf("unknown source %q (use referral, recruiter or cold)", s)
}

func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("_", "-", " ", "-").Replace(s)
	return s
}

// User owns data. Local mode has exactly one.
type User struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
}

// Company is an employer the user applies to.
type Company struct {
	ID        int64       `json:"id"`
	UserID    int64       `json:"user_id"`
	Name      string      `json:"name"`
	Kind      CompanyKind `json:"kind"`
	Website   string      `json:"website"`
	Notes     string      `json:"notes"`
	CreatedAt time.Time   `json:"created_at"`
}

// Application is one role applied for at one company.
type Application struct {
	ID        int64     `json:"id"`
	UserID    int64     `json:"user_id"`
	CompanyID int64     `json:"company_id"`
	Role      string    `json:"role"`
	Level     Level     `json:"level"`
	Location  string    `json:"location"`
	Source    Source    `json:"source"`
	JDText    string    `json:"jd_text"`
	JDURL     string    `json:"jd_url"`
	AppliedOn Date      `json:"applied_on"`
	Deadline  Date      `json:"deadline"` // offer decision deadline; zero when none
	Notes     string    `json:"notes"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`

	// Filled by the store on reads, never written.
	Company      Company   `json:"-"`
	State        State     `json:"-"`
	LastActivity time.Time `json:"-"`
}

// Limits on free text, so that one paste cannot bloat the database.
const (
	MaxName  = 200
	MaxText  = 100_000 // job descriptions, notes
	MaxShort = 2_000
)

// Validate checks the fields a user sets.
func (a *Application) Validate() error {
	if strings.TrimSpace(a.Company.Name) == "" && a.CompanyID == 0 {
		return errs.Invalidf("company is required")
	}
	if strings.TrimSpace(a.Role) == "" {
		return errs.Invalidf("role is required")
	}
	if err := checkLen("company", a.Company.Name, MaxName); err != nil {
		return err
	}
	if err := checkLen("role", a.Role, MaxName); err != nil {
		return err
	}
	if err := checkLen("location", a.Location, MaxName); err != nil {
		return err
	}
	if err := checkLen("job description", a.JDText, MaxText); err != nil {
		return err
	}
	if err := checkLen("notes", a.Notes, MaxText); err != nil {
		return err
	}
	if a.Company.Kind != "" {
		if _, err := ParseCompanyKind(string(a.Company.Kind)); err != nil {
			return err
		}
	}
	if a.Level != "" {
		if _, err := ParseLevel(string(a.Level)); err != nil {
			return err
		}
	}
	if a.Source != "" {
		if _, err := ParseSource(string(a.Source)); err != nil {
			return err
		}
	}
	if a.JDURL != "" {
		if err := checkURL(a.JDURL); err != nil {
			return err
		}
	}
	if a.AppliedOn.IsZero() {
		return errs.Invalidf("applied date is required")
	}
	if err := a.AppliedOn.checkRange("applied date"); err != nil {
		return err
	}
	if !a.Deadline.IsZero() {
		if err := a.Deadline.checkRange("deadline"); err != nil {
			return err
		}
	}
	return nil
}

func checkLen(field, s string, max int) error {
	if len(s) > max {
		return errs.Invalidf("%s is too long (%d bytes, at most %d)", field, len(s), max)
	}
	if !utf8.ValidString(s) {
		return errs.Invalidf("%s is not valid UTF-8 text", field)
	}
	return nil
}

func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errs.Invalidf("%q is not a web address (it should start with https://)", s)
	}
	return checkLen("url", s, MaxShort)
}

// Active reports whether the application is still open.
func (a *Application) Active() bool { return a.State.Outcome == "" }

// Title is "Role at Company".
func (a *Application) Title() string {
	return fmt.Sprintf("%s at %s", a.Role, a.Company.Name)
}

// ContactRole is who a contact is to the application.
type ContactRole string

// Contact roles.
const (
	ContactRecruiter     ContactRole = "recruiter"
	ContactHiringManager ContactRole = "hiring_manager"
	ContactInterviewer   ContactRole = "interviewer"
	ContactReferrer      ContactRole = "referrer"
	ContactOther         ContactRole = "other"
)

// ContactRoles lists the roles in display order.
var ContactRoles = []ContactRole{ContactRecruiter, ContactHiringManager, ContactInterviewer, ContactReferrer, ContactOther}

// Label returns the role for display.
func (r ContactRole) Label() string {
	switch r {
	case ContactRecruiter:
		return "Recruiter"
	case ContactHiringManager:
		return "Hiring manager"
	case ContactInterviewer:
		return "Interviewer"
	case ContactReferrer:
		return "Referrer"
	}
	return "Other"
}

// Contact is a person at the company.
type Contact struct {
	ID            int64       `json:"id"`
	UserID        int64       `json:"user_id"`
	ApplicationID int64       `json:"application_id"`
	Role          ContactRole `json:"role"`
	Name          string      `json:"name"`
	Email         string      `json:"email"`
	Notes         string      `json:"notes"`
	CreatedAt     time.Time   `json:"created_at"`
}

// Validate checks a contact.
func (c *Contact) Validate() error {
	if strings.TrimSpace(c.Name) == "" {
		return errs.Invalidf("contact name is required")
	}
	switch c.Role {
	case ContactRecruiter, ContactHiringManager, ContactInterviewer, ContactReferrer, ContactOther:
	default:
		return errs.Invalidf("unknown contact role %q (use recruiter, hiring_manager, interviewer, referrer or other)", c.Role)
	}
	if err := checkLen("name", c.Name, MaxName); err != nil {
		return err
	}
	if err := checkEmail(c.Email); err != nil {
		return err
	}
	return checkLen("notes", c.Notes, MaxText)
}

func checkEmail(s string) error {
	if s == "" {
		return nil
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s {
		return errs.Invalidf("%q is not an email address", s)
	}
	return nil
}

// Date is a calendar day with no time of day or zone, such as an applied date.
type Date struct{ t time.Time }

// NewDate returns the calendar day of y-m-d.
func NewDate(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date { return NewDate(t.Date()) }

// ParseDate parses YYYY-MM-DD, rejecting impossible days such as 2026-02-30.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, errs.Invalidf("%q is not a date (use YYYY-MM-DD, a real day)", s)
	}
	return Date{t}, nil
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// Time returns midnight of the day in loc.
func (d Date) Time(loc *time.Location) time.Time {
	y, m, dd := d.t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// AddDays returns the day n days later.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

func (d Date) checkRange(field string) error {
	if y := d.t.Year(); y < 1970 || y > 2200 {
		return errs.Invalidf("%s %s is out of range", field, d)
	}
	return nil
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
