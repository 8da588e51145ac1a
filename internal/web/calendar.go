package web

import (
	"bytes"
	"context"
	"io"
	"net/http"

	"github.com/offerloop/offerloop/internal/tracker"
)

// calendar serves every interview, past and ahead, and the offer deadlines as
// an iCalendar file to import or subscribe to. Its UIDs carry cfg.Instance, or
// when that is empty the database's own id, as the CLI's calendar does.
func (s *Server) calendar(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if s.cfg.Instance != "" {
		err = s.writeCalendar(ctx, &buf, u.ID)
	} else {
		err = tracker.Calendar(ctx, s.store, u.ID, s.now(), &buf)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/calendar; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="offerloop.ics"`)
	h.Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

// writeCalendar writes the calendar with the configured instance id in its UIDs.
func (s *Server) writeCalendar(ctx context.Context, w io.Writer, userID int64) error {
	ivs, err := s.store.FindInterviews(ctx, tracker.InterviewFilter{UserID: userID})
	if err != nil {
		return err
	}
	apps, err := s.store.FindApplications(ctx, tracker.ApplicationFilter{UserID: userID, ActiveOnly: true})
	if err != nil {
		return err
	}
	return tracker.WriteCalendar(w, tracker.CalendarInput{Instance: s.cfg.Instance, Interviews: ivs, Applications: apps, Now: s.now()})
}
