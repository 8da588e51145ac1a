package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

type replayOut struct {
	Card           string   `json:"card"`
	State          string   `json:"state"`
	Stability      float64  `json:"stability"`
	Difficulty     float64  `json:"difficulty"`
	Due            string   `json:"due"`
	ScheduledDays  int      `json:"scheduled_days"`
	Retrievability *float64 `json:"retrievability"`
}

func decodeReplay(t *testing.T, out string) []replayOut {
	t.Helper()
	var rs []replayOut
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var r replayOut
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("output line %q: %v", sc.Text(), err)
		}
		rs = append(rs, r)
	}
	return rs
}

// TestSRSReplayPublishedVector replays the FSRS-6 reference sequence (Good×6,
// Again×2, Good×5, each review when due) through the CLI, feeding each due
// time back as the next review's time.
func TestSRSReplayPublishedVector(t *testing.T) {
	c := newCLI(t)
	ratings := []int{3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3}
	at := time.Date(2022, 11, 29, 12, 30, 0, 0, time.UTC)
	var lines strings.Builder
	var got []int
	for i, g := range ratings {
		fmt.Fprintf(&lines, `{"card":"tv1","rating":%d,"time":%q}`+"\n", g, at.Format(time.RFC3339))
		out, errOut, code := c.run(lines.String(), "srs", "replay", "--no-fuzz", "--json")
		if code != 0 {
			t.Fatalf("replay: exit %d: %s", code, errOut)
		}
		rs := decodeReplay(t, out)
		last := rs[len(rs)-1]
		if i == 0 && last.Retrievability != nil {
			t.Errorf("first review's retrievability = %v, want null", *last.Retrievability)
		}
		got = append(got, last.ScheduledDays)
		at, _ = time.Parse(time.RFC3339, last.Due)
	}
	want := []int{0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("replayed intervals = %v, want %v", got, want)
	}
}

func TestSRSReplayLongLogAndErrors(t *testing.T) {
	c := newCLI(t)
	rng := rand.New(rand.NewPCG(1, 2))
	var in strings.Builder
	t0 := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	const n = 20000
	for i := range n {
		fmt.Fprintf(&in, `{"card":"c%d","rating":%d,"time":%q}`+"\n", rng.IntN(300), 1+rng.IntN(4), t0.Add(time.Duration(i)*17*time.Minute).Format(time.RFC3339))
	}
	out, errOut, code := c.run(in.String(), "srs", "replay")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rs := decodeReplay(t, out)
	if len(rs) != n {
		t.Fatalf("%d output lines for %d reviews", len(rs), n)
	}
	for _, r := range rs {
		if r.Stability <= 0 || r.Difficulty < 1 || r.Difficulty > 10 || (r.Retrievability != nil && (*r.Retrievability <= 0 || *r.Retrievability > 1)) {
			t.Fatalf("bad output %+v", r)
		}
	}
	again, _, _ := c.run(in.String(), "srs", "replay")
	if again != out {
		t.Error("replaying the same log twice gave different output (fuzz must be deterministic)")
	}
	bad := `{"card":"a","rating":3,"time":"2026-01-02T00:00:00Z"}` + "\n" + `{"card":"a","rating":3,"time":"2026-01-01T00:00:00Z"}` + "\n"
	if _, msg, code := c.run(bad, "srs", "replay"); code != 1 || !strings.Contains(msg, "line 2") {
		t.Errorf("time going backwards: exit %d, %q", code, msg)
	}
	if _, msg, code := c.run(`{"card":"a","rating":9,"time":"2026-01-02T00:00:00Z"}`, "srs", "replay"); code != 1 || !strings.Contains(msg, "line 1") {
		t.Errorf("rating 9: exit %d, %q", code, msg)
	}
	c.fails(2, "srs", "replay", "--retention", "1.5")
}

func TestSRSOptimizeFromFile(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	small := filepath.Join(dir, "small.jsonl")
	os.WriteFile(small, []byte(`{"card":"a","rating":3,"time":"2026-01-02T00:00:00Z"}`+"\n"), 0o600)
	if msg := c.fails(1, "srs", "optimize", "--file", small); !strings.Contains(msg, "needs 400") {
		t.Errorf("too few reviews: %q", msg)
	}
	// A history whose recall follows a faster forgetting curve than the defaults.
	rng := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	t0 := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	for card := range 150 {
		at := t0.Add(time.Duration(card) * time.Hour)
		ivl := 1.0
		for range 7 {
			rating := 3
			if rng.Float64() > 0.75 {
				rating = 1
			}
			fmt.Fprintf(&b, `{"card":"c%d","rating":%d,"time":%q}`+"\n", card, rating, at.Format(time.RFC3339))
			at = at.Add(time.Duration(ivl*24) * time.Hour)
			ivl *= 2.2
		}
	}
	big := filepath.Join(dir, "big.jsonl")
	os.WriteFile(big, []byte(b.String()), 0o600)
	var res struct {
		Before struct {
			LogLoss float64 `json:"log_loss"`
		} `json:"before"`
		After struct {
			LogLoss float64 `json:"log_loss"`
		} `json:"after"`
		Improved bool `json:"improved"`
	}
	c.json(&res, "srs", "optimize", "--file", big, "--iterations", "20")
	if !res.Improved || res.After.LogLoss >= res.Before.LogLoss {
		t.Errorf("optimize = %+v, want a lower log loss", res)
	}
	c.fails(2, "srs", "optimize", "--file", big, "--save")
}

func TestAppendFloat(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 1: "1", 2.3065: "2.3065", 0.9024733: "0.902473", 53.626903: "53.626903", 36500: "36500", 0.0000004: "0", 1.9999999: "2"} {
		if got := string(appendFloat(nil, in)); got != want {
			t.Errorf("appendFloat(%v) = %s, want %s", in, got, want)
		}
	}
}

// TestSRSReplayBadLineKeepsWholeLines: a bad line stops the replay, but the
// lines before it are all written, whole, however many there are (the
// output is buffered in 64 KiB blocks, which once ended mid-line).
func TestSRSReplayBadLineKeepsWholeLines(t *testing.T) {
	c := newCLI(t)
	var in strings.Builder
	const n = 3000
	for i := range n {
		fmt.Fprintf(&in, `{"card":"c%d","rating":3,"time":"2026-01-02T00:00:00Z"}`+"\n", i)
	}
	in.WriteString("not json\n")
	out, msg, code := c.run(in.String(), "srs", "replay", "--json")
	if code != 1 || !strings.Contains(msg, fmt.Sprintf("line %d", n+1)) {
		t.Fatalf("exit %d, %q; want 1 naming line %d", code, msg, n+1)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != n || !strings.HasSuffix(out, "\n") {
		t.Fatalf("%d output lines (ends with newline: %v), want %d", len(lines), strings.HasSuffix(out, "\n"), n)
	}
	for i, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("output line %d is not JSON: %q", i+1, l)
		}
	}
}
