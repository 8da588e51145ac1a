package web

import (
	"fmt"
	"html/template"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/offerloop/offerloop/internal/tracker"
)

func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"static":    s.static.url,
		"when":      s.when,
		"day":       s.day,
		"clock":     s.clock,
		"relDay":    s.relDay,
		"due":       s.due,
		"ago":       s.ago,
		"dateValue": s.dateValue,
		"timeValue": s.timeValue,
		"dateOf":    func(d tracker.Date) string { return friendlyDate(d) },
		"plural":    plural,
		"pct":       pct,
		"num":       num,
		"lines":     lines,
		"lower":     strings.ToLower,
		"pathEsc":   url.PathEscape, // a path segment, such as the id in /cards/{id}
		"sentence":  sentence,
		"groupTable": func(title string, rows []tracker.GroupReply) groupTable {
			return groupTable{Title: title, Rows: rows}
		},
		"levelLabel": func(s string) string { return levelLabel(tracker.Level(s)) },
		"interviewers": func(ps []tracker.Interviewer) string {
			return tracker.FormatInterviewers(ps)
		},
		"since": s.daysSince,
		"taskRow": func(t tracker.Task, here string) taskRow {
			return taskRow{T: t, Here: here, Now: s.now()}
		},
		"lists": func(ls []checklistView, here string) checklistsData {
			return checklistsData{Lists: ls, Here: here}
		},
		"taskLink":      taskLink,
		"taskKind":      taskKindLabel,
		"roundKindName": s.roundKindName,
		"verdictName":   verdictName,
		"verdictClass":  verdictClass,
		"inc":           func(i int) int { return i + 1 },
		"scoreLevel":    scoreLevel,
		"coachKind":     coachKindLabel,
		"coachRow":      newCoachRow,
		"mmss":          mmss,
		"count":         count,
		"pts":           pts,
		"signed":        signed,
	}
}

// when is a moment in the user's zone, such as "Tue 1 Dec, 15:00".
func (s *Server) when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(s.cfg.Loc)
	if t.Year() != s.now().In(s.cfg.Loc).Year() {
		return t.Format("Mon 2 Jan 2006, 15:04")
	}
	return t.Format("Mon 2 Jan, 15:04")
}

// day is the calendar day of a moment, such as "Tue 1 Dec".
func (s *Server) day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(s.cfg.Loc)
	if t.Year() != s.now().In(s.cfg.Loc).Year() {
		return t.Format("Mon 2 Jan 2006")
	}
	return t.Format("Mon 2 Jan")
}

func (s *Server) clock(t time.Time) string { return t.In(s.cfg.Loc).Format("15:04") }

func friendlyDate(d tracker.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time(time.UTC).Format("Mon 2 Jan 2006")
}

// dayDiff is the number of calendar days from now to t in the user's zone.
func (s *Server) dayDiff(t time.Time) int {
	loc := s.cfg.Loc
	n := s.now().In(loc)
	a := time.Date(n.Year(), n.Month(), n.Day(), 12, 0, 0, 0, time.UTC)
	tt := t.In(loc)
	b := time.Date(tt.Year(), tt.Month(), tt.Day(), 12, 0, 0, 0, time.UTC)
	return int(math.Round(b.Sub(a).Hours() / 24))
}

// relDay says when t is relative to today: "today", "tomorrow", "in 3 days",
// "yesterday", "4 days ago".
func (s *Server) relDay(t time.Time) string {
	switch d := s.dayDiff(t); {
	case d == 0:
		return "today"
	case d == 1:
		return "tomorrow"
	case d == -1:
		return "yesterday"
	case d > 1:
		return fmt.Sprintf("in %d days", d)
	default:
		return fmt.Sprintf("%d days ago", -d)
	}
}

// due describes a deadline: "2 days overdue", "due today at 17:00", "due in 3 days".
func (s *Server) due(t time.Time) string {
	d := s.dayDiff(t)
	switch {
	case t.Before(s.now()) && d < 0:
		return plural(-d, "day") + " overdue"
	case t.Before(s.now()):
		return "overdue since " + s.clock(t)
	case d == 0:
		return "due today at " + s.clock(t)
	case d == 1:
		return "due tomorrow at " + s.clock(t)
	}
	return fmt.Sprintf("due in %d days", d)
}

// ago is the whole days since t, as "today", "1 day", "12 days".
func (s *Server) ago(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := -s.dayDiff(t)
	if d <= 0 {
		return "today"
	}
	return plural(d, "day")
}

func (s *Server) dateValue(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(s.cfg.Loc).Format("2006-01-02")
}

func (s *Server) timeValue(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(s.cfg.Loc).Format("15:04")
}

func (s *Server) checklistTitle(key string) string {
	for _, c := range s.checks {
		if c.Key == key {
			return c.Title
		}
	}
	return key
}

func (s *Server) roundKindName(k tracker.RoundKind) string {
	if info, ok := s.loops.RoundKind(k); ok {
		return info.Name
	}
	return string(k)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// count is plural for nouns with an irregular plural: count(2, "story", "stories").
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func pct(x float64) string { return strconv.Itoa(int(math.Round(x*100))) + "%" }

// num formats a count of days with at most one decimal.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func lines(s string) []string { return strings.Split(strings.TrimRight(s, "\n"), "\n") }

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// taskRow is what the task partial reads.
type taskRow struct {
	T    tracker.Task
	Here string
	Now  time.Time
}

// checklistsData is what the checklists partial reads.
type checklistsData struct {
	Lists []checklistView
	Here  string
}

// groupTable is what the funnel's group-table template reads.
type groupTable struct {
	Title string
	Rows  []tracker.GroupReply
}

// sentence capitalises a message for display: errors are written lowercase, as
// Go errors are, but read as sentences on a page.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
