package takehome

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/format")

func fmtCell(n int) *int { return &n }

// formatSample is a hand-built report with a finding of every kind of place:
// a notebook cell, a script line, a whole file and the project. Its rule ids
// other than the leakage one are not in the catalogue, so the goldens do not
// move when rule titles change.
func formatSample() *Report {
	return &Report{
		Path:  "/home/me/churn-takehome",
		Score: 48,
		Categories: map[string]int{
			"leakage": 40, "evaluation": 100, "reproducibility": 50, "documentation": 0,
			"testing": 100, "dependencies": 80, "structure": 100,
		},
		Findings: []Finding{
			{Rule: "leakage/preprocessing", Severity: High, File: "notebook.ipynb", Line: 7, Cell: fmtCell(2),
				Excerpt: "scaler = StandardScaler()\nX = scaler.fit_transform(X)\n", Message: "StandardScaler is fitted on every row before the train/test split, so the test rows shape the scaling.",
				Fix: "Split first, then fit the scaler on the training rows only (or put it in a Pipeline)."},
			{Rule: "sample/hardcoded-path", Severity: Medium, File: "src/train.py", Line: 12,
				Excerpt: `df = pd.read_csv("/home/me/data.csv")`, Message: "A path that exists only on your machine: a reviewer cannot run this.",
				Fix: "Read the path from a command-line argument or a path relative to the project."},
			{Rule: "sample/readme", Severity: Medium, Message: "There is no README: a reviewer does not know how to run it or what you found.",
				Fix: "Add a README with setup, how to run, the results and what you would do next."},
			{Rule: "sample/notebook-order", Severity: Low, File: "notebook.ipynb", Message: "Cells were run out of order (execution counts 3, 1, 2).",
				Fix: "Restart the kernel and run all cells before submitting."},
		},
		Checked: Counts{Files: 9, Scripts: 2, Notebooks: 1, CodeLines: 214, Unparsed: []string{"broken.py"}},
	}
}

func TestFormatGolden(t *testing.T) {
	clean := &Report{Path: "clean.py", Score: 100, Categories: map[string]int{}, Findings: []Finding{}, Checked: Counts{Files: 1, Scripts: 1, CodeLines: 1}}
	for _, c := range Categories {
		clean.Categories[c.Name] = 100
	}
	cases := []struct {
		name  string
		r     *Report
		write func(*bytes.Buffer, *Report) error
	}{
		{"report.txt", formatSample(), func(b *bytes.Buffer, r *Report) error { return WriteText(b, r) }},
		{"report.md", formatSample(), func(b *bytes.Buffer, r *Report) error { return WriteMarkdown(b, r) }},
		{"clean.txt", clean, func(b *bytes.Buffer, r *Report) error { return WriteText(b, r) }},
		{"clean.md", clean, func(b *bytes.Buffer, r *Report) error { return WriteMarkdown(b, r) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := c.write(&b, c.r); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "format", c.name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/takehome -run TestFormatGolden -update)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s differs from %s; run with -update and review the diff:\n%s", c.name, golden, b.String())
			}
		})
	}
}

func TestFormatWhere(t *testing.T) {
	for _, c := range []struct {
		f    Finding
		want string
	}{
		{Finding{File: "a.ipynb", Cell: fmtCell(0), Line: 3}, "a.ipynb cell 1 line 3"},
		{Finding{File: "a.py", Line: 9}, "a.py line 9"},
		{Finding{File: "data/x.csv"}, "data/x.csv"},
		{Finding{}, "the project"},
	} {
		if got := c.f.Where(); got != c.want {
			t.Errorf("Where(%+v) = %q, want %q", c.f, got, c.want)
		}
	}
}

func TestFormatJSONAndMarkdownSafety(t *testing.T) {
	r := formatSample()
	r.Findings[1].Excerpt = "s = \"```\"\n"
	r.Findings[1].Message = "# not a heading <b>"
	var b bytes.Buffer
	if err := Write(&b, r, FormatMarkdown); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	if !strings.Contains(md, "````python\ns = \"```\"\n````") {
		t.Errorf("an excerpt with a code fence is not fenced longer:\n%s", md)
	}
	if strings.Contains(md, "\n# not a heading") || strings.Contains(md, "<b>") {
		t.Errorf("a message is read as Markdown structure:\n%s", md)
	}
	b.Reset()
	if err := Write(&b, r, FormatJSON); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back.Score != r.Score || len(back.Findings) != 4 || *back.Findings[0].Cell != 2 {
		t.Errorf("JSON round trip: %v %+v", err, back)
	}
	if err := Write(&b, r, "yaml"); err == nil {
		t.Error("an unknown format is accepted")
	}
}
