package judge

import (
	"context"

	"github.com/offerloop/offerloop/internal/content"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	sharedOnce  sync.Once
	sharedJudge *Judge
	sharedErr   error
)

// testJudge returns one sandboxed judge shared by the package's tests. The
// sandbox is required: test.sh installs bubblewrap and python3-numpy.
func testJudge(t testing.TB) *Judge {
	t.Helper()
	sharedOnce.Do(func() {
		sharedJudge, sharedErr = New(Options{Workers: 2})
		if sharedErr == nil {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			sharedErr = sharedJudge.Ready(ctx)
		}
	})
	if sharedErr != nil {
		t.Fatalf("the judge cannot run here (test.sh installs bubblewrap and python3-numpy): %v", sharedErr)
	}
	return sharedJudge
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedJudge != nil {
		sharedJudge.Close()
	}
	os.Exit(code)
}

func grade(t *testing.T, id, code string) *Result {
	t.Helper()
	p, ok := Get(id)
	if !ok {
		// Load just this one, so a broken problem elsewhere does not hide
		// what this test checks (TestLibrary reports the broken one).
		var err error
		if p, err = loadProblem(content.FS(), "judge/"+id); err != nil {
			t.Fatalf("problem %q: %v", id, err)
		}
	}
	res, err := testJudge(t).Grade(context.Background(), p, code)
	if err != nil {
		t.Fatalf("grade %s: %v", id, err)
	}
	return res
}

func describe(res *Result) string {
	var b strings.Builder
	b.WriteString(res.Verdict + " " + res.Message)
	for _, c := range res.Cases {
		if c.Verdict != Accepted {
			b.WriteString("\n  " + c.Name + ": " + c.Verdict + " " + c.Message)
		}
	}
	if res.Output != "" {
		b.WriteString("\n  output: " + res.Output)
	}
	return b.String()
}

// TestProblems grades every problem's reference solution, which must be
// accepted, and every wrong solution in testdata/wrong/ID, which must get the
// verdict named on its first line ("# expect: wrong_answer").
func TestProblems(t *testing.T) {
	ps, err := Problems()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		t.Run(p.ID, func(t *testing.T) {
			res := grade(t, p.ID, p.Solution)
			if res.Verdict != Accepted {
				t.Errorf("reference solution: %s", describe(res))
			}
			files, _ := filepath.Glob(filepath.Join("testdata", "wrong", p.ID, "*.py"))
			if len(files) == 0 {
				t.Errorf("no wrong solutions in testdata/wrong/%s", p.ID)
			}
			for _, f := range files {
				src, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				first, _, _ := strings.Cut(string(src), "\n")
				want := strings.TrimSpace(strings.TrimPrefix(first, "# expect:"))
				if want == first || want == "" {
					t.Errorf("%s: first line must be '# expect: VERDICT'", f)
					continue
				}
				res := grade(t, p.ID, string(src))
				if res.Verdict != want {
					t.Errorf("%s: want %s, got %s", filepath.Base(f), want, describe(res))
				}
			}
		})
	}
}

// BenchmarkGrade grades an accepted linear-regression submission (10 cases)
// on a warm pool; the parallel variant shows throughput with every worker busy.
func BenchmarkGrade(b *testing.B) {
	j := testJudge(b)
	p, _ := Get("linear-regression")
	code := p.Solution
	b.Run("sequential", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if res, err := j.Grade(context.Background(), p, code); err != nil || res.Verdict != Accepted {
				b.Fatal(err, res)
			}
		}
	})
	b.Run("parallel", func(b *testing.B) {
		b.SetParallelism(2)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if res, err := j.Grade(context.Background(), p, code); err != nil || res.Verdict != Accepted {
					b.Error(err, res)
					return
				}
			}
		})
	})
}
