package tracker

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// CalendarInput is what goes into the iCalendar file.
type CalendarInput struct {
	Instance     string // a stable id of this database, so UIDs never collide across installs
	Interviews   []*Interview
	Applications []*Application // deadlines of those at the offer stage
	Now          time.Time      // DTSTAMP
}

// WriteCalendar writes an RFC 5545 iCalendar file: one event per interview that
// was not cancelled, and one all-day event per offer decision deadline. UIDs depend
// only on the instance and the record ids, so re-importing updates rather than
// duplicates; times are UTC; lines are folded at 75 octets with CRLF endings.
func WriteCalendar(w io.Writer, in CalendarInput) error {
	cw := &icsWriter{w: w}
	stamp := in.Now.UTC().Format("20060102T150405Z")
	cw.line("BEGIN:VCALENDAR")
	cw.line("VERSION:2.0")
	cw.line("PRODID:-//offerloop//offerloop//EN")
	cw.line("CALSCALE:GREGORIAN")
	cw.line("METHOD:PUBLISH")
	cw.line("X-WR-CALNAME:offerloop interviews")
	for _, iv := range in.Interviews {
		if iv.Outcome == OutcomeCancelled {
			continue
		}
		cw.line("BEGIN:VEVENT")
		cw.line(fmt.Sprintf("UID:interview-%d-%s@offerloop", iv.ID, in.Instance))
		cw.line("DTSTAMP:" + stamp)
		cw.line("DTSTART:" + iv.At.UTC().Format("20060102T150405Z"))
		cw.line("DTEND:" + iv.End().UTC().Format("20060102T150405Z"))
		cw.line("SUMMARY:" + icsText(fmt.Sprintf("%s: %s (%s)", iv.Company, iv.Title, iv.Role)))
		var desc []string
		if len(iv.Interviewers) > 0 {
			desc = append(desc, "Interviewers: "+FormatInterviewers(iv.Interviewers))
		}
		if iv.Notes != "" {
			desc = append(desc, iv.Notes)
		}
		if len(desc) > 0 {
			cw.line("DESCRIPTION:" + icsText(strings.Join(desc, "\n\n")))
		}
		if iv.Location != "" {
			cw.line("LOCATION:" + icsText(iv.Location))
		}
		if iv.Done() {
			cw.line("STATUS:CONFIRMED")
		}
		cw.line("BEGIN:VALARM")
		cw.line("ACTION:DISPLAY")
		cw.line("DESCRIPTION:" + icsText("Interview: "+iv.Title))
		cw.line("TRIGGER:-PT30M")
		cw.line("END:VALARM")
		cw.line("END:VEVENT")
	}
	for _, a := range in.Applications {
		if a.Deadline.IsZero() || !a.Active() || a.State.StageKind != OfferStage {
			continue
		}
		cw.line("BEGIN:VEVENT")
		cw.line(fmt.Sprintf("UID:deadline-%d-%s@offerloop", a.ID, in.Instance))
		cw.line("DTSTAMP:" + stamp)
		cw.line("DTSTART;VALUE=DATE:" + a.Deadline.t.Format("20060102"))
		cw.line("DTEND;VALUE=DATE:" + a.Deadline.AddDays(1).t.Format("20060102"))
		cw.line("SUMMARY:" + icsText(fmt.Sprintf("Offer decision deadline: %s (%s)", a.Company.Name, a.Role)))
		cw.line("TRANSP:TRANSPARENT")
		cw.line("END:VEVENT")
	}
	cw.line("END:VCALENDAR")
	return cw.err
}

// icsText escapes a TEXT value (RFC 5545 §3.3.11).
func icsText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`, "\r", `\n`).Replace(s)
}

type icsWriter struct {
	w   io.Writer
	err error
}

// line writes one content line, folded so that no physical line exceeds 75
// octets, never splitting a UTF-8 sequence.
func (c *icsWriter) line(s string) {
	if c.err != nil {
		return
	}
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
	_, c.err = io.WriteString(c.w, b.String())
}
