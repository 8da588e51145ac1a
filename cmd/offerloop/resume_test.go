package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fixture(name string) string {
	return filepath.Join("..", "..", "internal", "resume", "testdata", name)
}

func TestResumeCLI(t *testing.T) {
	c := newCLI(t)
	out := c.ok("resume", "check", fixture("one-column.pdf"), "--jd", fixture("jd-mle.md"))
	for _, want := range []string{"/100", "Fix:", "Match with the job description:", "Matched", "Missing"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	// The JSON has the fields.
	raw := c.ok("resume", "check", fixture("resume.md"), "--jd", fixture("jd-nlp.txt"), "--json")
	var r map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file", "pages", "words", "sections", "contact", "bullets", "findings", "match", "score"} {
		if _, ok := r[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	var m struct {
		Score     int                        `json:"score"`
		Breakdown map[string]json.RawMessage `json:"breakdown"`
		Matched   []struct{ Term, Resume, JD string }
		Missing   []struct{ Term, JD string }
	}
	if err := json.Unmarshal(r["match"], &m); err != nil || m.Score <= 0 || len(m.Matched) == 0 || len(m.Breakdown) == 0 {
		t.Errorf("match: %v %+v", err, m)
	}
	for _, tm := range m.Matched {
		if tm.Resume == "" || tm.JD == "" {
			t.Errorf("matched term without its places: %+v", tm)
		}
	}
	raw = c.ok("resume", "check", fixture("resume.txt"), "--json")
	if err := json.Unmarshal([]byte(raw), &r); err != nil || string(r["match"]) != "null" {
		t.Errorf("without a JD, match must be null: %s", r["match"])
	}

	// Before and after: a revision that fixes two weak bullets.
	dir := t.TempDir()
	oldB, err := os.ReadFile(fixture("resume.md"))
	if err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(dir, "old.md")
	os.WriteFile(old, oldB, 0o644)
	revised := string(oldB)
	var weak []string
	for _, line := range strings.Split(revised, "\n") {
		l := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "-*"))
		if strings.HasPrefix(l, "Responsible for") || strings.HasPrefix(l, "Worked on") || strings.HasPrefix(l, "Helped") {
			weak = append(weak, l)
		}
	}
	if len(weak) == 0 {
		t.Fatal("the Markdown fixture has no weak bullet to fix")
	}
	for _, w := range weak {
		revised = strings.Replace(revised, w, "Cut support-ticket handling time 35% by shipping a BERT router, up from the keyword baseline", 1)
	}
	newF := filepath.Join(dir, "new.md")
	os.WriteFile(newF, []byte(revised), 0o644)
	var d struct {
		ScoreFrom int `json:"score_from"`
		ScoreTo   int `json:"score_to"`
		Fixed     []struct{ Code, Text string }
	}
	raw = c.ok("resume", "diff", old, newF, "--jd", fixture("jd-nlp.txt"), "--json")
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		t.Fatal(err)
	}
	if d.ScoreTo <= d.ScoreFrom || len(d.Fixed) < len(weak) {
		t.Errorf("diff: %d -> %d, %d fixed for %d weak bullets", d.ScoreFrom, d.ScoreTo, len(d.Fixed), len(weak))
	}
	text := c.ok("resume", "diff", old, newF)
	if !strings.Contains(text, "Fixed (") || !strings.Contains(text, "bullet/weak-start") {
		t.Errorf("diff text:\n%s", text)
	}

	// Files that cannot be read get a clear error and exit 1.
	if e := c.fails(1, "resume", "check", fixture("scan.pdf")); !strings.Contains(e, "scanned") {
		t.Errorf("scan: %s", e)
	}
	if e := c.fails(1, "resume", "check", fixture("encrypted.pdf")); !strings.Contains(e, "encrypted") {
		t.Errorf("encrypted: %s", e)
	}
	c.fails(1, "resume", "check", filepath.Join(dir, "missing.pdf"))
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, []byte(strings.Repeat("x", 6<<20)), 0o644)
	if e := c.fails(1, "resume", "check", big); !strings.Contains(e, "larger") {
		t.Errorf("oversize: %s", e)
	}
	c.fails(2, "resume", "check")
	c.fails(2, "resume", "diff", old)
	c.fails(2, "resume")
}
