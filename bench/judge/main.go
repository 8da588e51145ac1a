// Command judge measures the ML coding judge on this machine: grading latency
// on a warm pool, sustained throughput, latency from an empty pool, and the
// cold sandboxed numpy import the warm pool avoids.
//
//	go run ./bench/judge [-n 500] [-seconds 5]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/offerloop/offerloop/internal/judge"
)

const solution = `import numpy as np

def linear_regression(X, y):
    return np.linalg.lstsq(X, y, rcond=None)[0]
`

func main() {
	n := flag.Int("n", 500, "sequential submissions for the warm latency")
	seconds := flag.Float64("seconds", 5, "duration of the throughput run")
	flag.Parse()
	if err := run(*n, *seconds); err != nil {
		fmt.Fprintln(os.Stderr, "bench/judge:", err)
		os.Exit(1)
	}
}

func pct(d []time.Duration, p float64) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[int(p*float64(len(s)-1))]
}

func msf(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func run(n int, seconds float64) error {
	ctx := context.Background()
	p, ok := judge.Get("linear-regression")
	if !ok {
		_, err := judge.Problems()
		return fmt.Errorf("no linear-regression problem: %v", err)
	}
	fmt.Printf("machine: %d CPUs, %s/%s; problem linear-regression, %d cases\n", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, len(p.Cases))

	// 1. The cold sandboxed import the warm pool avoids.
	cold, err := judge.ColdCommand("-c", "import numpy")
	if err != nil {
		return err
	}
	var colds []time.Duration
	for i := 0; i < 10; i++ {
		start := time.Now()
		if out, err := exec.Command(cold[0], cold[1:]...).CombinedOutput(); err != nil {
			return fmt.Errorf("cold import: %v: %s", err, out)
		}
		colds = append(colds, time.Since(start))
	}
	fmt.Printf("cold sandboxed python3 -c 'import numpy': p50 %s (10 runs)\n", msf(pct(colds, 0.5)))

	// 2. Warm pool, one submission at a time.
	j, err := judge.New(judge.Options{})
	if err != nil {
		return err
	}
	defer j.Close()
	wait, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := j.Ready(wait); err != nil {
		return err
	}
	time.Sleep(500 * time.Millisecond) // let every worker warm up
	var lat []time.Duration
	for i := 0; i < n; i++ {
		start := time.Now()
		res, err := j.Grade(ctx, p, solution)
		if err != nil {
			return err
		}
		if res.Verdict != judge.Accepted {
			return fmt.Errorf("verdict %s", res.Verdict)
		}
		lat = append(lat, time.Since(start))
	}
	fmt.Printf("warm pool (%d workers), sequential: p50 %s, p90 %s, p99 %s (%d submissions)\n",
		j.Workers(), msf(pct(lat, 0.5)), msf(pct(lat, 0.9)), msf(pct(lat, 0.99)), n)

	// 3. Sustained throughput with concurrent submitters.
	var done atomic.Int64
	var mu sync.Mutex
	var tl []time.Duration
	deadline := time.Now().Add(time.Duration(seconds * float64(time.Second)))
	var wg sync.WaitGroup
	clients := 2 * j.Workers()
	start := time.Now()
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				t0 := time.Now()
				res, err := j.Grade(ctx, p, solution)
				if err != nil || res.Verdict != judge.Accepted {
					fmt.Fprintln(os.Stderr, "throughput run:", err, res)
					os.Exit(1)
				}
				d := time.Since(t0)
				mu.Lock()
				tl = append(tl, d)
				mu.Unlock()
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	el := time.Since(start).Seconds()
	fmt.Printf("sustained, %d concurrent clients: %.0f submissions/s over %.1f s; p50 %s, p99 %s\n",
		clients, float64(done.Load())/el, el, msf(pct(tl, 0.5)), msf(pct(tl, 0.99)))
	j.Close()

	// 4. Empty pool: a fresh judge per submission, graded at once.
	var emp []time.Duration
	for i := 0; i < 15; i++ {
		start := time.Now()
		ej, err := judge.New(judge.Options{Workers: 1})
		if err != nil {
			return err
		}
		res, err := ej.Grade(ctx, p, solution)
		if err != nil || res.Verdict != judge.Accepted {
			return fmt.Errorf("empty pool: %v %v", err, res)
		}
		emp = append(emp, time.Since(start))
		ej.Close()
	}
	fmt.Printf("empty pool (worker started on demand): p50 %s, p90 %s (15 submissions)\n", msf(pct(emp, 0.5)), msf(pct(emp, 0.9)))
	return nil
}
