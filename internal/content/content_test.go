package content

import (
	"encoding/json"
	"io/fs"
	"strings"
	"testing"
)

// TestEveryFileLoads reads every content file: JSON must parse, and nothing may
// be empty. Each capability's own tests check the meaning of its files.
func TestEveryFileLoads(t *testing.T) {
	n := 0
	err := fs.WalkDir(FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		b, err := ReadFile(path)
		if err != nil {
			return err
		}
		if len(strings.TrimSpace(string(b))) == 0 {
			t.Errorf("%s is empty", path)
		}
		if strings.HasSuffix(path, ".json") && !json.Valid(b) {
			t.Errorf("%s is not valid JSON", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no content files embedded")
	}
}
