package takehome

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The corpus under testdata/corpus holds leaking scripts and notebooks, each
// with a clean twin, and hard negatives. A leak is labelled where it happens
// with a trailing comment "# expect: leakage/<rule>"; several labels for the
// same rule in one file are alternative locations, and the detector must hit
// one of them.

var expectRe = regexp.MustCompile(`#\s*expect:\s*(leakage/[a-z-]+)`)

type loc struct {
	cell, line int
}

// expectations reads the labels of one corpus program.
func expectations(t *testing.T, src *Source) map[string][]loc {
	out := map[string][]loc{}
	for _, c := range src.Chunks {
		for i, l := range strings.Split(c.Raw, "\n") {
			for _, m := range expectRe.FindAllStringSubmatch(l, -1) {
				if _, ok := RuleByID(m[1]); !ok {
					t.Errorf("%s: unknown rule %q in a label", src.File, m[1])
				}
				out[m[1]] = append(out[m[1]], loc{c.Cell, i + 1})
			}
		}
	}
	return out
}

func corpusFiles(t *testing.T) []string {
	var files []string
	err := filepath.WalkDir("testdata/corpus", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := filepath.Ext(p); !d.IsDir() && (ext == ".py" || ext == ".ipynb") && filepath.Base(p) != "mknb.py" {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 60 {
		t.Fatalf("the corpus has %d programs; expected at least 60", len(files))
	}
	return files
}

type tally struct {
	leaks, hit        int // labelled leaks, and those found at a labelled line
	findings, correct int // findings, and those at a labelled line
	files, fpFiles    int // files without a label for the rule, and those flagged
}

// TestCorpusPrecisionRecall measures the leakage rules on the corpus and
// fails when precision or recall of any rule is below 0.9.
func TestCorpusPrecisionRecall(t *testing.T) {
	tallies := map[string]*tally{}
	for _, r := range leakageRules {
		tallies[r.ID] = &tally{}
	}
	for _, file := range corpusFiles(t) {
		rep, err := CheckPath(context.Background(), file, Options{})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		p, _ := LoadPath(context.Background(), file)
		src := loadSource(context.Background(), p.Files[0])
		if src.ReadErr != "" {
			t.Fatalf("%s: %s", file, src.ReadErr)
		}
		if src.unparsed() {
			t.Errorf("%s: does not parse", file)
		}
		want := expectations(t, src)
		got := map[string][]loc{}
		for _, f := range rep.Findings {
			if !strings.HasPrefix(f.Rule, "leakage/") {
				continue
			}
			got[f.Rule] = append(got[f.Rule], loc{cellKey(f.Cell), f.Line})
		}
		for _, r := range leakageRules {
			tl := tallies[r.ID]
			w, g := want[r.ID], got[r.ID]
			for _, l := range g {
				tl.findings++
				if slices.Contains(w, l) {
					tl.correct++
				} else {
					t.Logf("%s: %s at cell %d line %d is not labelled", file, r.ID, l.cell, l.line)
				}
			}
			if len(w) > 0 {
				tl.leaks++
				found := false
				for _, l := range g {
					if slices.Contains(w, l) {
						found = true
					}
				}
				if found {
					tl.hit++
				} else {
					t.Logf("%s: missed %s (labelled at %v, found %v)", file, r.ID, w, g)
				}
			} else {
				tl.files++
				if len(g) > 0 {
					tl.fpFiles++
				}
			}
		}
	}
	fmt.Printf("%-26s %6s %6s %9s %9s %10s\n", "rule", "leaks", "found", "precision", "recall", "clean-FP")
	for _, r := range leakageRules {
		tl := tallies[r.ID]
		prec, rec := ratio(tl.correct, tl.findings), ratio(tl.hit, tl.leaks)
		fmt.Printf("%-26s %6d %6d %9.2f %9.2f %6d/%d\n", r.ID, tl.leaks, tl.hit, prec, rec, tl.fpFiles, tl.files)
		if tl.leaks < 5 {
			t.Errorf("%s: only %d labelled leaks in the corpus", r.ID, tl.leaks)
		}
		if prec < 0.9 || rec < 0.9 {
			t.Errorf("%s: precision %.2f, recall %.2f; both must be at least 0.90", r.ID, prec, rec)
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
