package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/judge"
)

const lrRight = `import numpy as np

def linear_regression(X, y):
    return np.linalg.lstsq(X, y, rcond=None)[0]
`

const lrWrong = `import numpy as np

def linear_regression(X, y):
    return np.linalg.lstsq(X, y, rcond=None)[0].reshape(-1, 1)
`

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestJudgeCLI(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	right := writeFile(t, dir, "right.py", lrRight)
	wrong := writeFile(t, dir, "wrong.py", lrWrong)

	out := c.ok("judge", "linear-regression", right)
	if !strings.Contains(out, "linear-regression: accepted, 10 of 10 cases passed") || !strings.Contains(out, "sandbox: bubblewrap") {
		t.Errorf("accepted run printed:\n%s", out)
	}
	out, _, code := c.run("", "judge", "linear-regression", wrong)
	if code != 1 || !strings.Contains(out, "wrong answer") || !strings.Contains(out, "expected shape (2,), got shape (2, 1)") {
		t.Errorf("wrong run: exit %d\n%s", code, out)
	}
	var res judge.Result
	stdout, _, code := c.run("", "judge", "linear-regression", wrong, "--json")
	if code != 1 {
		t.Errorf("--json wrong answer: exit %d", code)
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("--json: %v\n%s", err, stdout)
	}
	if res.Problem != "linear-regression" || res.Verdict != judge.WrongAnswer || res.Total != 10 || len(res.Cases) != 10 || res.Passed != 0 {
		t.Errorf("--json result: %+v", res)
	}
	for _, cr := range res.Cases {
		if cr.Hidden && strings.Contains(cr.Message, "expected 1") {
			t.Errorf("hidden case %q shows data: %s", cr.Name, cr.Message)
		}
	}

	// The attempts are stored: the list marks the problem solved.
	var rows []problemRow
	c.json(&rows, "problems", "list", "--topic", "regression")
	found := false
	for _, r := range rows {
		if r.ID == "linear-regression" {
			found = true
			if r.Status != "solved" || r.Attempts != 3 || r.LastVerdict != judge.WrongAnswer {
				t.Errorf("list row after 3 attempts: %+v", r)
			}
		}
		if r.Topic != "regression" {
			t.Errorf("--topic regression listed %s (%s)", r.ID, r.Topic)
		}
	}
	if !found {
		t.Error("linear-regression missing from the list")
	}

	// Usage and input errors.
	c.fails(2, "judge", "linear-regression")
	c.fails(2, "judge", "linear-regression", right, "--judge-workers", "0")
	if e := c.fails(1, "judge", "no-such-problem", right); !strings.Contains(e, "problems list") {
		t.Errorf("unknown problem: %s", e)
	}
	if e := c.fails(1, "judge", "linear-regression", filepath.Join(dir, "missing.py")); !strings.Contains(e, "cannot read") {
		t.Errorf("missing file: %s", e)
	}
	big := writeFile(t, dir, "big.py", strings.Repeat("#", judge.MaxSourceLength+1))
	if e := c.fails(1, "judge", "linear-regression", big); !strings.Contains(e, "at most 64 KiB") {
		t.Errorf("oversized file: %s", e)
	}
	c.fails(2, "problems", "list", "--topic", "astrology")
	c.fails(2, "problems")
}

func TestProblemsShowAndStart(t *testing.T) {
	c := newCLI(t)
	out := c.ok("problems", "show", "softmax")
	for _, want := range []string{"softmax(z)", "Example:", "z = array([1., 2., 3.])", "softmax(...) returns"} {
		if !strings.Contains(out, want) {
			t.Errorf("show softmax lacks %q:\n%s", want, out)
		}
	}
	dir := t.TempDir()
	out = c.ok("problems", "start", "softmax", dir)
	path := filepath.Join(dir, "softmax.py")
	if !strings.Contains(out, path) {
		t.Errorf("start printed %q", out)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), "def softmax(z)") {
		t.Fatalf("starter file: %v\n%s", err, b)
	}
	// The starter runs and is not accepted (it raises NotImplementedError).
	stdout, _, code := c.run("", "judge", "softmax", path)
	if code != 1 || !strings.Contains(stdout, "NotImplementedError") {
		t.Errorf("starter graded: exit %d\n%s", code, stdout)
	}
	// A second start leaves the user's file alone.
	os.WriteFile(path, []byte("mine"), 0o644)
	if e := c.fails(1, "problems", "start", "softmax", dir); !strings.Contains(e, "already exists") {
		t.Errorf("second start: %s", e)
	}
	if b, _ := os.ReadFile(path); string(b) != "mine" {
		t.Error("start overwrote the user's file")
	}
	var rows []problemRow
	c.json(&rows, "problems", "list")
	if len(rows) < 30 {
		t.Errorf("%d problems; the library has at least 30", len(rows))
	}
}

// syncBuffer is a bytes.Buffer safe to read while the watcher writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestJudgeWatch(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	file := writeFile(t, dir, "sol.py", lrWrong)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"judge", "--watch", "linear-regression", file}, c.getenv, strings.NewReader(""), &out, &errb)
	}()
	waitFor := func(what string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for !strings.Contains(out.String(), what) {
			if time.Now().After(deadline) {
				t.Fatalf("watch never printed %q:\n%s%s", what, out.String(), errb.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitFor("Watching")
	if !strings.Contains(out.String(), "wrong answer") {
		t.Errorf("first run:\n%s", out.String())
	}
	time.Sleep(20 * time.Millisecond)
	if err := os.WriteFile(file, []byte(lrRight+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("accepted, 10 of 10")
	cancel()
	if err := <-done; err != nil {
		t.Errorf("watch ended with %v", err)
	}
}
