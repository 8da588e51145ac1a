package resume

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata/golden")

// TestGoldenReports checks every sample resume, alone and against a job
// description, and compares the JSON report with testdata/golden. Run with
// -update to rewrite them after a deliberate change, and read the diff.
func TestGoldenReports(t *testing.T) {
	cases := []struct{ file, jd string }{
		{"one-column.pdf", "jd-mle.md"},
		{"two-column.pdf", "jd-mle.md"},
		{"two-page.pdf", ""},
		{"resume.docx", "jd-nlp.txt"},
		{"resume.md", "jd-nlp.txt"},
		{"resume.txt", ""},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			var jd []byte
			if c.jd != "" {
				if jd, err = os.ReadFile(filepath.Join("testdata", c.jd)); err != nil {
					t.Fatal(err)
				}
			}
			r, err := CheckFile(c.file, data, c.jd, jd)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", c.file+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/resume -run TestGoldenReports -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("report for %s differs from %s; run with -update and review the diff", c.file, golden)
			}
		})
	}
}
