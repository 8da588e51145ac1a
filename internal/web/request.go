package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// pathID reads a numeric path value; anything else names no record.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errs.NotFoundf("there is no record %q", r.PathValue(name))
	}
	return id, nil
}

// returnURL is where a form asked to go back to, if it is a path on this site,
// else fallback. Only local paths are followed, so a crafted form cannot send
// the user elsewhere.
func returnURL(r *http.Request, fallback string) string {
	ret := r.FormValue("return")
	if ret == "" && r.Method == http.MethodGet {
		ret = r.URL.Query().Get("return")
	}
	if localPath(ret) {
		return ret
	}
	return fallback
}

func localPath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, `/\`) {
		return false
	}
	u, err := url.Parse(p)
	return err == nil && u.Scheme == "" && u.Host == ""
}

// seeOther redirects after a POST, so that reloading does not send it again.
func seeOther(w http.ResponseWriter, r *http.Request, to string) {
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// parseForm reads an urlencoded or multipart form, capping its size.
func (s *Server) parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 2*tracker.MaxText+64<<10)
	if err := r.ParseForm(); err != nil {
		if err := tooLarge(err, 2*tracker.MaxText); errs.CodeOf(err) == errs.TooLarge {
			return err
		}
		return errs.Invalidf("cannot read the form")
	}
	return nil
}

func formString(r *http.Request, key string) string {
	return strings.TrimSpace(r.PostFormValue(key))
}

// formText keeps a multi-line value as typed, less trailing space and with
// Windows line endings made plain.
func formText(r *http.Request, key string) string {
	return strings.TrimRight(strings.ReplaceAll(r.PostFormValue(key), "\r\n", "\n"), " \n\t")
}

// formInt reads an optional whole number.
func formInt(r *http.Request, key, label string) (int, error) {
	v := formString(r, key)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, errs.Invalidf("%s must be a whole number, not %q", label, v)
	}
	return n, nil
}

// formID reads an optional id from a select.
func formID(r *http.Request, key string) (int64, error) {
	v := formString(r, key)
	if v == "" || v == "0" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id < 0 {
		return 0, errs.Invalidf("%q is not a choice of the list", v)
	}
	return id, nil
}

// formMoment reads a date field and a time field as a moment in the user's zone.
func (s *Server) formMoment(r *http.Request, dateKey, timeKey string) (time.Time, error) {
	d, t := formString(r, dateKey), formString(r, timeKey)
	if d == "" {
		return time.Time{}, errs.Invalidf("a date is required")
	}
	if t == "" {
		return time.Time{}, errs.Invalidf("a time is required")
	}
	at, err := time.ParseInLocation("2006-01-02 15:04", d+" "+t, s.cfg.Loc)
	if err != nil {
		at, err = time.ParseInLocation("2006-01-02 15:04:05", d+" "+t, s.cfg.Loc)
	}
	if err != nil {
		return time.Time{}, errs.Invalidf("%q at %q is not a date and time (use YYYY-MM-DD and HH:MM)", d, t)
	}
	return at, nil
}

// formFor reads what every form posted to a record's page starts with: the
// record's id from the path, the parsed form and the user. On failure it has
// answered the request, and ok is false.
func (s *Server) formFor(w http.ResponseWriter, r *http.Request) (id int64, u *tracker.User, ok bool) {
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return 0, nil, false
	}
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return 0, nil, false
	}
	if u, err = s.user(r.Context()); err != nil {
		s.fail(w, r, err)
		return 0, nil, false
	}
	return id, u, true
}
