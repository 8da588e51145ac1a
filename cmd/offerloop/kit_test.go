package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/offerloop/offerloop/internal/kit"
)

func kitFixture(name string) string {
	return filepath.Join("..", "..", "internal", "kit", "testdata", name)
}

func TestKitCLI(t *testing.T) {
	c := newCLI(t)
	c.ok("app", "add", "--company", "Acme", "--role", "MLE", "--applied", "2026-11-20")

	out := c.ok("letter", "decide", "--referral", "--mass")
	if !strings.HasPrefix(out, "Write a cover letter.") {
		t.Errorf("referral + mass: %s", out)
	}
	if out := c.ok("letter", "decide", "--mass"); !strings.HasPrefix(out, "Skip") {
		t.Errorf("mass: %s", out)
	}

	var r kit.Report
	c.json(&r, "letter", "check", kitFixture("letter.md"), "--app", "1", "--resume", kitFixture("resume.txt"))
	if r.Kind != "letter" || r.Passed != r.Total || len(r.Parts) != 3 {
		t.Errorf("sample letter: %+v", r)
	}
	// A letter with a figure the resume lacks, for another company, saved.
	dir := t.TempDir()
	b, _ := os.ReadFile(kitFixture("letter.md"))
	bad := filepath.Join(dir, "bad.md")
	os.WriteFile(bad, []byte(strings.ReplaceAll(strings.Replace(string(b), "11%", "27%", 1), "Acme", "Initech")), 0o644)
	out = c.ok("letter", "check", bad, "--app", "1", "--resume", kitFixture("resume.txt"), "--save")
	for _, want := range []string{"does not name Acme", "Figures not in your resume: 27%", "Saved with application 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("bad letter lacks %q:\n%s", want, out)
		}
	}
	c.json(&r, "pitch", "check", kitFixture("pitch.md"), "--company", "Acme", "--app", "1", "--save")
	if r.Kind != "pitch" || len(r.Parts) != 4 {
		t.Errorf("pitch: %+v", r)
	}
	stdout, _, code := c.run("\n", "pitch", "practice", "--app", "1")
	if code != 0 || !strings.Contains(stdout, "1. I'm a machine learning engineer") || !strings.Contains(stdout, "spoken; aim for three minutes") {
		t.Errorf("practice: exit %d\n%s", code, stdout)
	}
	// The saved letter and pitch travel in the export.
	file := filepath.Join(dir, "export.json")
	c.ok("export", file)
	raw, _ := os.ReadFile(file)
	var d struct {
		Kit kit.Dump `json:"kit"`
	}
	if err := json.Unmarshal(raw, &d); err != nil || len(d.Kit.Docs) != 2 {
		t.Errorf("export kit section: %v %+v", err, d.Kit)
	}
	dst := newCLI(t)
	dst.ok("import", file)
	dst.ok("pitch", "practice", "--app", "1")

	out = c.ok("scripts", "--round", "recruiter_screen")
	if !strings.Contains(out, "Say:") || !strings.Contains(out, "Avoid early:") {
		t.Errorf("scripts:\n%s", out)
	}
	out = c.ok("portfolio", "--readme", kitFixture("letter.md"))
	if !strings.Contains(out, "GitHub portfolio checklist") || !strings.Contains(out, "XX") {
		t.Errorf("portfolio:\n%s", out)
	}
	c.fails(2, "letter", "check", kitFixture("letter.md"), "--save")
	c.fails(1, "letter", "check", kitFixture("letter.md"), "--app", "9")
	c.fails(1, "pitch", "practice", "--app", "9")
	c.fails(2, "scripts", "--round", "ml_coding")
	c.fails(2, "letter")
}
