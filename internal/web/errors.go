package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/offerloop/offerloop/internal/errs"
)

var errForbiddenOrigin = &errs.Error{Code: errs.Unauthorized, Message: "this form was sent from another site, so it was refused"}

// status maps a domain error code to an HTTP status. It is the only place that
// does. form reports whether the response re-renders the form the user sent, in
// which case invalid input is 422 rather than 400.
func status(err error, form bool) int {
	switch errs.CodeOf(err) {
	case "":
		return http.StatusOK
	case errs.Invalid:
		if form {
			return http.StatusUnprocessableEntity
		}
		return http.StatusBadRequest
	case errs.NotFound:
		return http.StatusNotFound
	case errs.Conflict:
		return http.StatusConflict
	case errs.TooLarge:
		return http.StatusRequestEntityTooLarge
	case errs.Unauthorized:
		return http.StatusForbidden
	case errs.Unavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// userError reports whether err is the user's to fix, so a form can be shown
// again with its message, rather than a failure of ours.
func userError(err error) bool {
	switch errs.CodeOf(err) {
	case errs.Invalid, errs.Conflict, errs.TooLarge:
		return true
	}
	return false
}

// message is what the user reads about err; internal details stay in the log.
func message(err error) string { return errs.Message(err) }

// logInternal logs an internal failure once, where it is answered.
func (s *Server) logInternal(r *http.Request, err error) {
	if errs.CodeOf(err) == errs.Internal {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
}

// fail answers a request with err: as JSON for the API and for scripts that ask
// for it, else as an error page with a way back.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	s.logInternal(r, err)
	code := status(err, false)
	if wantsJSON(r) {
		writeJSON(w, code, map[string]string{"error": message(err)})
		return
	}
	d := errorPage{Status: code, StatusText: http.StatusText(code), Message: message(err), Back: returnURL(r, "")}
	d.Title = http.StatusText(code)
	s.renderStatus(w, r, code, "error", &d)
}

type errorPage struct {
	base
	Status     int
	StatusText string
	Message    string
	Back       string
}

func wantsJSON(r *http.Request) bool {
	return strings.HasPrefix(r.URL.Path, "/api/") || strings.Contains(r.Header.Get("Accept"), "application/json")
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}

// notFound is the answer to an unknown route.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, errs.NotFoundf("there is no page at %s", r.URL.Path))
}

// tooLarge converts a body-size failure into the domain's TooLarge code.
func tooLarge(err error, limit int64) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return errs.E(errs.TooLarge, "the file is too large: the limit is %s", byteSize(limit))
	}
	return err
}
