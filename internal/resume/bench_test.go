package resume

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkCheckText checks a one-page plain-text resume: the issue asks for
// 1,000 a second on one core (run with -cpu 1).
func BenchmarkCheckText(b *testing.B) {
	data := []byte(strings.Join(goodResume, "\n"))
	if _, err := CheckFile("r.txt", data, "", nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := CheckFile("r.txt", data, "", nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckPDFWithJD reads a two-page PDF, checks it and matches it
// against a job description: the budget is 50 ms.
func BenchmarkCheckPDFWithJD(b *testing.B) {
	pdf, err := os.ReadFile(filepath.Join("testdata", "two-page.pdf"))
	if err != nil {
		b.Skip("testdata/two-page.pdf is missing")
	}
	jds, _ := filepath.Glob(filepath.Join("testdata", "jd-*"))
	if len(jds) == 0 {
		b.Skip("no job description in testdata")
	}
	jd, err := os.ReadFile(jds[0])
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := CheckFile("two-page.pdf", pdf, jds[0], jd); err != nil {
			b.Fatal(err)
		}
	}
}
