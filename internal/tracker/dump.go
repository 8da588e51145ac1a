package tracker

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"github.com/offerloop/offerloop/internal/errs"
)

// DecodeDump reads an offerloop export strictly: unknown fields, trailing data
// or another format are refused rather than half-restored.
func DecodeDump(data []byte) (*Dump, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var d Dump
	if err := dec.Decode(&d); err != nil {
		return nil, jsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errs.Invalidf("the file has more after the export's closing brace")
	}
	if d.Format != DumpFormat {
		return nil, errs.Invalidf("this is not an offerloop export (its format is %q, want %q)", d.Format, DumpFormat)
	}
	return &d, nil
}

func jsonError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var e *errs.Error
	switch {
	case errors.As(err, &e):
		return err
	case errors.As(err, &se):
		return errs.Invalidf("the file is not valid JSON (at byte %d: %v)", se.Offset, se)
	case errors.As(err, &te):
		return errs.Invalidf("the file does not look like an offerloop export: %s should be %s", te.Field, te.Type)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errs.Invalidf("the file ends in the middle of the JSON; it may be cut short")
	}
	return errs.Invalidf("the file does not look like an offerloop export: %v", err)
}
