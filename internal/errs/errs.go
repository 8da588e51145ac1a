// Package errs defines the error codes every offerloop capability speaks, so that
// the web layer and the CLI can map a domain failure to an HTTP status or an exit
// code in one place without knowing which package produced it.
package errs

import (
	"errors"
	"fmt"
)

// Code classifies a failure the user can act on.
type Code string

// Error codes. Internal is any failure that is not the user's to fix.
const (
	Internal     Code = "internal"
	Invalid      Code = "invalid"
	NotFound     Code = "not_found"
	Conflict     Code = "conflict"
	Unauthorized Code = "unauthorized"
	TooLarge     Code = "too_large"
	// Unavailable is a service that cannot run here (the judge without its
	// sandbox or Python); the message says what to install.
	Unavailable Code = "unavailable"
)

// Error is a failure with a code and a message written for the user.
type Error struct {
	Code    Code
	Message string
}

func (e *Error) Error() string { return e.Message }

// E returns an Error with a formatted message.
func E(code Code, format string, args ...any) error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalidf reports input that breaks a rule.
func Invalidf(format string, args ...any) error { return E(Invalid, format, args...) }

// NotFoundf reports a missing record.
func NotFoundf(format string, args ...any) error { return E(NotFound, format, args...) }

// Conflictf reports an action that clashes with the current state.
func Conflictf(format string, args ...any) error { return E(Conflict, format, args...) }

// CodeOf returns the code of the first Error in err's chain, Internal otherwise,
// and "" for a nil error.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// Message returns the user-facing message of the first Error in err's chain, or a
// generic message for internal failures, whose details belong in the log.
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
