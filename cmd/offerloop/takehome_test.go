package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/offerloop/offerloop/internal/takehome"
)

// takehomeProject writes a small take-home: a script that reads a file by a
// path only its author has, and no README.
func takehomeProject(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "churn")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src := "import pandas as pd\nfrom sklearn.model_selection import train_test_split\n\n" +
		"df = pd.read_csv(\"/home/me/data.csv\")\nX_train, X_test = train_test_split(df, test_size=0.2)\nprint(len(X_train))\n"
	if err := os.WriteFile(filepath.Join(dir, "train.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func takehomeZip(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestTakehomeCLI(t *testing.T) {
	c := newCLI(t)
	dir := takehomeProject(t)

	out, errOut, code := c.run("", "takehome", "check", dir)
	if code != 0 || !strings.Contains(out, "Score: ") || !strings.Contains(out, "Checked 1 file: 1 script") {
		t.Fatalf("check: exit %d\n%s%s", code, out, errOut)
	}
	if errOut != "" {
		t.Errorf("check wrote to stderr (no progress bar off a terminal): %q", errOut)
	}
	var r takehome.Report
	c.json(&r, "takehome", "check", dir)
	if r.Path != dir || r.Checked.Scripts != 1 || r.Score < 0 || r.Score > 100 || len(r.Categories) != len(takehome.Categories) {
		t.Errorf("check --json: %+v", r)
	}
	if md := c.ok("takehome", "check", dir, "--format", "markdown"); !strings.HasPrefix(md, "# Take-home check: `"+dir+"`") || !strings.Contains(md, "| Category | Score | Weight |") {
		t.Errorf("markdown:\n%s", md)
	}
	// A single script, and a zip of the project.
	c.ok("takehome", "check", filepath.Join(dir, "train.py"))
	zipPath := filepath.Join(t.TempDir(), "churn.zip")
	os.WriteFile(zipPath, takehomeZip(t, map[string]string{"churn/train.py": "x = 1\n", "churn/README.md": "# Churn\n"}), 0o644)
	c.json(&r, "takehome", "check", zipPath)
	if r.Checked.Files != 2 || r.Checked.Scripts != 1 {
		t.Errorf("zip: %+v", r.Checked)
	}

	// Errors reading the path: exit 1 with what went wrong.
	if msg := c.fails(1, "takehome", "check", filepath.Join(dir, "missing")); !strings.Contains(msg, "does not exist") {
		t.Errorf("missing folder: %q", msg)
	}
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("hi"), 0o644)
	if msg := c.fails(1, "takehome", "check", notes); !strings.Contains(msg, "not a folder") {
		t.Errorf("a text file: %q", msg)
	}
	bad := filepath.Join(t.TempDir(), "bad.zip")
	os.WriteFile(bad, []byte("not a zip"), 0o644)
	if msg := c.fails(1, "takehome", "check", bad); !strings.Contains(msg, "not a zip") {
		t.Errorf("a broken zip: %q", msg)
	}
	// Usage errors: exit 2.
	c.fails(2, "takehome")
	c.fails(2, "takehome", "check")
	c.fails(2, "takehome", "check", dir, "--format", "xml")
	c.fails(2, "takehome", "frobnicate")
	c.fails(2, "takehome", "show", "x")

	// Stored with an application, listed and shown.
	if out := c.ok("takehome", "list"); !strings.Contains(out, "No take-home reports yet") {
		t.Errorf("empty list: %s", out)
	}
	c.fails(1, "takehome", "check", dir, "--app", "7")
	c.ok("app", "add", "--company", "Acme", "--kind", "startup", "--role", "MLE", "--applied", "2026-11-20")
	out = c.ok("takehome", "check", dir, "--app", "1")
	if !strings.Contains(out, "Saved as take-home report 1 with application 1") {
		t.Errorf("check --app:\n%s", out)
	}
	c.ok("takehome", "check", dir) // not stored
	var list []struct {
		ID            int64  `json:"id"`
		ApplicationID int64  `json:"application_id"`
		Source        string `json:"source"`
		Score         int    `json:"score"`
	}
	c.json(&list, "takehome", "list", "--app", "1")
	if len(list) != 1 || list[0].ID != 1 || list[0].ApplicationID != 1 || list[0].Source != dir {
		t.Errorf("list --app 1: %+v", list)
	}
	if out := c.ok("takehome", "list"); !strings.Contains(out, dir) || !strings.Contains(out, "SCORE") {
		t.Errorf("list:\n%s", out)
	}
	var shown takehome.Report
	c.json(&shown, "takehome", "show", "1")
	if shown.Path != dir || shown.Score != list[0].Score {
		t.Errorf("show --json: %+v", shown)
	}
	if out := c.ok("takehome", "show", "1", "--format", "markdown"); !strings.HasPrefix(out, "# Take-home check") {
		t.Errorf("show --format markdown:\n%s", out)
	}
	c.fails(1, "takehome", "show", "9")
	c.fails(1, "takehome", "list", "--app", "9")

	// The report travels in the export.
	file := filepath.Join(t.TempDir(), "export.json")
	c.ok("export", file)
	raw, _ := os.ReadFile(file)
	var d struct {
		Takehome takehome.Dump `json:"takehome"`
	}
	if err := json.Unmarshal(raw, &d); err != nil || len(d.Takehome.Reports) != 1 {
		t.Fatalf("export's takehome section: %v %+v", err, d.Takehome)
	}
	dst := newCLI(t)
	dst.ok("import", file)
	dst.json(&list, "takehome", "list", "--app", "1")
	if len(list) != 1 || list[0].Source != dir {
		t.Errorf("after import: %+v", list)
	}
}

func TestTakehomeProgressBar(t *testing.T) {
	var b bytes.Buffer
	bar := &progressBar{w: &b}
	bar.update(1, 5) // too few files to draw
	if b.Len() != 0 {
		t.Errorf("a bar for 5 files: %q", b.String())
	}
	bar.update(10, 40)
	bar.update(40, 40)
	bar.clear()
	got := b.String()
	if !strings.Contains(got, "\r[#######") || !strings.Contains(got, "40/40 Python files") || !strings.HasSuffix(got, "\r\033[K") {
		t.Errorf("bar: %q", got)
	}
	if newProgressBar(&b).w != nil {
		t.Error("a bar on a buffer, which is not a terminal")
	}
}
