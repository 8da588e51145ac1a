package judge

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLibrary loads every problem and checks what a problem must have.
func TestLibrary(t *testing.T) {
	ps, err := Problems()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if !strings.Contains(p.Starter, "def "+p.Entry+"(") || !strings.Contains(p.Solution, "def "+p.Entry+"(") {
			t.Errorf("%s: starter and solution must define %s", p.ID, p.Entry)
		}
		if !strings.HasPrefix(p.Signature, p.Entry+"(") {
			t.Errorf("%s: signature %q does not start with the entry point", p.ID, p.Signature)
		}
		vis, hidden := 0, 0
		for _, c := range p.Cases {
			if c.Visible {
				vis++
			} else {
				hidden++
			}
			if err := runCheck(CheckInput{Spec: c.Check, Calls: c.Calls, Got: c.Expected, Want: c.Expected, Extra: c.Extra}); err != nil {
				t.Errorf("%s case %q: the expected output fails its own check: %v", p.ID, c.Name, err)
			}
		}
		if vis == 0 || hidden < 3 {
			t.Errorf("%s: needs visible examples and at least 3 hidden cases (has %d visible, %d hidden)", p.ID, vis, hidden)
		}
		if len(strings.TrimSpace(p.Statement)) < 200 {
			t.Errorf("%s: statement too short", p.ID)
		}
	}
}

// TestCasesReproducible regenerates every problem's cases.json from its gen.py
// and reference solution, in a copy, and requires the committed file: the
// randomised cases come from fixed seeds, and nobody edited a case by hand.
func TestCasesReproducible(t *testing.T) {
	ps, err := Problems()
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	args := []string{"-I", "gencases.py"}
	for _, p := range ps {
		src := filepath.Join("..", "content", "judge", p.ID)
		dst := filepath.Join(tmp, p.ID)
		if err := os.MkdirAll(dst, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"problem.json", "gen.py", "solution.py"} {
			b, err := os.ReadFile(filepath.Join(src, name))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dst, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		args = append(args, dst)
	}
	cmd := exec.Command(Python, args...)
	cmd.Env = []string{"OPENBLAS_NUM_THREADS=1", "PATH=/usr/bin:/bin"}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gencases.py: %v\n%s", err, out)
	}
	for _, p := range ps {
		want, _ := os.ReadFile(filepath.Join("..", "content", "judge", p.ID, "cases.json"))
		got, _ := os.ReadFile(filepath.Join(tmp, p.ID, "cases.json"))
		if !bytes.Equal(got, want) {
			t.Errorf("%s: cases.json differs from what gen.py and solution.py generate; run /usr/bin/python3 internal/judge/gencases.py internal/content/judge/%s", p.ID, p.ID)
		}
	}
}
