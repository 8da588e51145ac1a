package kit

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden outputs in testdata")

func load(t *testing.T) *Kit {
	t.Helper()
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestDecide(t *testing.T) {
	k := load(t)
	tests := []struct {
		name    string
		answers map[string]bool
		write   bool
	}{
		{"mass application", map[string]bool{"mass": true}, false},
		{"clear match", map[string]bool{"clear_match": true}, false},
		{"startup that does not ask", map[string]bool{"startup_no_ask": true}, false},
		{"dream company", map[string]bool{"dream": true}, true},
		{"career change", map[string]bool{"career_change": true}, true},
		{"referral", map[string]bool{"referral": true}, true},
		{"non-traditional background", map[string]bool{"nontraditional": true}, true},
		{"a referral beats a mass application", map[string]bool{"mass": true, "referral": true}, true},
		{"nothing applies", map[string]bool{}, false},
	}
	for _, tt := range tests {
		d := k.Decide(tt.answers)
		if d.Write != tt.write || len(d.Reasons) == 0 || d.Reasons[0] == "" {
			t.Errorf("%s: write=%v reasons=%v, want write=%v with a reason", tt.name, d.Write, d.Reasons, tt.write)
		}
	}
}

func ctxFor(t *testing.T) Context {
	b, err := os.ReadFile(filepath.Join("testdata", "resume.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return Context{Company: "Acme", Resume: string(b)}
}

func find(r *Report, check string) *Finding {
	for i := range r.Findings {
		if r.Findings[i].Check == check {
			return &r.Findings[i]
		}
	}
	return nil
}

func TestLetterChecks(t *testing.T) {
	k := load(t)
	good, err := os.ReadFile(filepath.Join("testdata", "letter.md"))
	if err != nil {
		t.Fatal(err)
	}
	r := k.CheckLetter(string(good), ctxFor(t))
	for _, f := range r.Findings {
		if !f.OK {
			t.Errorf("the sample letter fails %s: %s", f.Check, f.Message)
		}
	}
	if len(r.Parts) != 3 {
		t.Fatalf("parts: %+v", r.Parts)
	}
	bad := map[string]string{
		"length":         "Dear team,\n\nI like your company.\n\nI know Python.\n\nLet's talk.\n\nBest,\nAda",
		"parts":          strings.Repeat("I built ranking models at Shoply for Acme-like problems and would welcome a call. ", 15),
		"company":        strings.Replace(string(good), "Acme's post on moving", "Your post on moving", 1),
		"call_to_action": strings.Replace(string(good), "I would welcome a call to discuss how I could help Acme's search team ship its next ranking model.", "Acme's search team is shipping its next ranking model soon, and that work matters to me.", 1),
		"filler":         strings.Replace(string(good), "Dear Hiring Team,", "Dear Hiring Team,\n\nI am writing to express my interest in this role.", 1),
		"claims":         strings.Replace(string(good), "cut search abandonment 11%", "cut search abandonment 27%", 1),
		"proportion":     "Dear team,\n\n" + strings.Repeat("Acme builds the search product I admire most, for reasons I could talk about for hours. ", 9) + "\n\nI shipped a ranker that cut abandonment 11%.\n\nI would welcome a call to discuss the role.",
	}
	for check, text := range bad {
		r := k.CheckLetter(text, ctxFor(t))
		f := find(r, check)
		if f == nil || f.OK || f.Fix == "" {
			t.Errorf("%s: not flagged with a fix: %+v", check, f)
		}
	}
}

func TestPitchChecks(t *testing.T) {
	k := load(t)
	good, err := os.ReadFile(filepath.Join("testdata", "pitch.md"))
	if err != nil {
		t.Fatal(err)
	}
	r := k.CheckPitch(string(good), ctxFor(t))
	for _, f := range r.Findings {
		if !f.OK {
			t.Errorf("the sample pitch fails %s: %s", f.Check, f.Message)
		}
	}
	bad := map[string]string{
		"length":     "I am an ML engineer at Shoply.\n\nI came from analytics.\n\nI do ranking.\n\nAcme is great.",
		"quantified": strings.NewReplacer("NDCG@10", "NDCG", "40%", "a lot", "11%", "a lot", "0.36", "the old", "0.41", "higher", "9 ms p99", "low latency", "3%", "noticeably", "ten times", "much").Replace(string(good)),
		"company":    strings.Replace(strings.Replace(string(good), "That is why Acme. Your", "That is why I am looking. The", 1), "Acme", "them", -1),
		"parts":      strings.ReplaceAll(string(good), "\n\n", " "),
	}
	for check, text := range bad {
		f := find(k.CheckPitch(text, ctxFor(t)), check)
		if f == nil || f.OK {
			t.Errorf("%s: not flagged: %+v", check, f)
		}
	}
	if o := Outline(string(good)); len(o) != 4 || !strings.HasPrefix(o[0], "I'm a machine learning engineer") {
		t.Errorf("outline: %q", o)
	}
}

func TestReadme(t *testing.T) {
	k := load(t)
	r := k.CheckReadme("# Churn model\n\nPredicts churn.\n")
	if f := find(r, "numbers"); f == nil || f.OK {
		t.Errorf("no numbers not flagged: %+v", f)
	}
	if r.Passed == r.Total {
		t.Error("a two-line README passes every check")
	}
	var b strings.Builder
	b.WriteString("# Churn prediction\n\n")
	for _, s := range k.ReadmeSections {
		b.WriteString("## " + s.Patterns[0] + "\n\n" + strings.Repeat("Gradient boosting on 2M subscriber-months with a time-based split. ", 4) + "\n\n")
	}
	b.WriteString("F1 0.81 vs 0.72 for the logistic baseline.\n")
	if r := k.CheckReadme(b.String()); r.Passed != r.Total {
		t.Errorf("a complete README fails: %+v", r.Findings)
	}
}

// TestGolden compares the checker's output for the sample letter and pitch
// with testdata/*.golden.json (-update rewrites them).
func TestGolden(t *testing.T) {
	k := load(t)
	for _, c := range []struct{ file, kind string }{{"letter.md", KindLetter}, {"pitch.md", KindPitch}} {
		b, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		var r *Report
		if c.kind == KindLetter {
			r = k.CheckLetter(string(b), ctxFor(t))
		} else {
			r = k.CheckPitch(string(b), ctxFor(t))
		}
		got, _ := json.MarshalIndent(r, "", "  ")
		got = append(got, '\n')
		golden := filepath.Join("testdata", c.file+".golden.json")
		if *update {
			os.WriteFile(golden, got, 0o644)
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: output differs from %s (run with -update and review): %v", c.file, golden, err)
		}
	}
}

// FuzzCheck feeds arbitrary text to the letter, pitch and README checkers:
// none may panic, and counts stay consistent.
func FuzzCheck(f *testing.F) {
	for _, name := range []string{"letter.md", "pitch.md"} {
		b, _ := os.ReadFile(filepath.Join("testdata", name))
		f.Add(string(b))
	}
	f.Add("Dear x,\n\n\n\nBest,\n")
	f.Add("# \n\n## \n\n1. 2. 3%")
	k, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		c := Context{Company: "Acme", Resume: "cut 11% at 9 ms"}
		for _, r := range []*Report{k.CheckLetter(text, c), k.CheckPitch(text, c), k.CheckReadme(text)} {
			if r.Passed > r.Total || r.Total != len(r.Findings) {
				t.Fatalf("%s: %d passed of %d, %d findings", r.Kind, r.Passed, r.Total, len(r.Findings))
			}
		}
		Outline(text)
	})
}
