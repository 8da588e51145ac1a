// Package content gives every capability read access to offerloop's content files
// (checklists, interview templates, red flags, scripts): data written by people and
// reviewed like code, embedded in the binary so it works offline.
package content

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
)

//go:embed tracker drill offer judge practice resume kit
var files embed.FS

// FS returns the embedded content tree.
func FS() fs.FS { return files }

// ReadFile returns one content file by its path, such as "tracker/checklists.json".
func ReadFile(name string) ([]byte, error) {
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("content: %w", err)
	}
	return b, nil
}

// DecodeJSON decodes one JSON content file into v, refusing unknown fields so a
// typo in a content file fails its test instead of silently dropping data.
func DecodeJSON(name string, v any) error {
	b, err := ReadFile(name)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("content: decode %s: %w", name, err)
	}
	return nil
}
