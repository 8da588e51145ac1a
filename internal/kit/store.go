package kit

import (
	"bytes"
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/offerloop/offerloop/internal/errs"
)

// Kinds of kit documents kept with an application.
const (
	KindLetter = "letter"
	KindPitch  = "pitch"
)

// MaxDoc caps a letter or pitch.
const MaxDoc = 20000

// Doc is a cover letter or pitch kept with an application.
type Doc struct {
	ApplicationID int64     `json:"application_id"`
	Kind          string    `json:"kind"`
	Text          string    `json:"text"`
	UpdatedAt     time.Time `json:"updated_at"`
}

// Check refuses a document the app could not have written.
func (d *Doc) Check() error {
	if d.Kind != KindLetter && d.Kind != KindPitch {
		return errs.Invalidf("a kit document is a letter or a pitch, not %q", d.Kind)
	}
	if n := utf8.RuneCountInString(d.Text); n > MaxDoc || len(d.Text) > 4*MaxDoc {
		return errs.E(errs.TooLarge, "the %s is %d characters long; the limit is %d", d.Kind, n, MaxDoc)
	}
	if strings.TrimSpace(d.Text) == "" {
		return errs.Invalidf("the %s is empty", d.Kind)
	}
	return nil
}

// Store keeps each application's letter and pitch.
type Store interface {
	SaveDoc(ctx context.Context, userID int64, d *Doc) error
	// Docs returns an application's documents (letter, pitch), or every
	// document of the user when applicationID is 0.
	Docs(ctx context.Context, userID, applicationID int64) ([]Doc, error)
}

// Dump is the kit's section of an export.
type Dump struct {
	Docs []Doc `json:"docs"`
}

// DecodeDump reads and checks the kit section of an export.
func DecodeDump(raw []byte) (*Dump, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var d Dump
	if err := dec.Decode(&d); err != nil {
		return nil, errs.Invalidf("the kit section of the export is not valid: %v", err)
	}
	seen := map[string]bool{}
	for i := range d.Docs {
		doc := &d.Docs[i]
		key := doc.Kind + "/" + strconv.FormatInt(doc.ApplicationID, 10)
		if err := doc.Check(); err != nil || doc.ApplicationID <= 0 || doc.UpdatedAt.IsZero() || seen[key] {
			return nil, errs.Invalidf("kit document %d of the export is not valid", i+1)
		}
		seen[key] = true
	}
	return &d, nil
}

// ExportSection returns the kit section of an export for one user.
func ExportSection(ctx context.Context, s Store, userID int64) (json.RawMessage, error) {
	ds, err := s.Docs(ctx, userID, 0)
	if err != nil {
		return nil, err
	}
	if ds == nil {
		ds = []Doc{}
	}
	return json.Marshal(Dump{Docs: ds})
}
