package fsrs

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// simulate makes review histories of cards whose memory follows truth: each
// review comes after roughly the interval for 90% recall (between half and
// twice it), and is recalled with the probability truth predicts.
func simulate(truth Parameters, cards, reviews int, seed uint64) []History {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	pick := func(recalled bool) Rating {
		if !recalled {
			return Again
		}
		switch x := rng.Float64(); {
		case x < 0.15:
			return Hard
		case x < 0.9:
			return Good
		}
		return Easy
	}
	var hs []History
	for range cards {
		g := pick(rng.Float64() < 0.8)
		mem := truth.Next(nil, g, 0)
		h := History{{Rating: g}}
		for range reviews {
			ivl := max(1, int(math.Round(truth.IntervalDays(mem.Stability, 0.9)*(0.5+1.5*rng.Float64()))))
			g := pick(rng.Float64() < truth.Retrievability(float64(ivl), mem.Stability))
			mem = truth.Next(&mem, g, ivl)
			h = append(h, Step{Rating: g, ElapsedDays: ivl})
		}
		hs = append(hs, h)
	}
	return hs
}

func TestOptimizeRecoversParameters(t *testing.T) {
	truth := DefaultParameters
	truth[0], truth[1], truth[2], truth[3] = 0.5, 2.0, 5.0, 15.0
	truth[8] = 1.4
	truth[20] = 0.5
	cards, iterations := 300, 80
	if raceEnabled { // the race detector makes every step ten times slower
		cards, iterations = 120, 25
	}
	hs := simulate(truth, cards, 8, 1)
	res, err := Optimize(hs, DefaultParameters, iterations)
	if err != nil {
		t.Fatal(err)
	}
	ideal := Evaluate(truth, hs)
	t.Logf("log loss: defaults %.4f, fitted %.4f, truth %.4f; RMSE(bins) %.4f → %.4f (truth %.4f); %d iterations in %v",
		res.Before.LogLoss, res.After.LogLoss, ideal.LogLoss, res.Before.RMSE, res.After.RMSE, ideal.RMSE, res.Iterations, res.Elapsed)
	if !res.Improved || res.After.LogLoss >= res.Before.LogLoss {
		t.Fatalf("the fit did not lower log loss: %+v", res)
	}
	if res.After.LogLoss > ideal.LogLoss+0.005 {
		t.Errorf("fitted log loss %.4f is far from the true parameters' %.4f", res.After.LogLoss, ideal.LogLoss)
	}
	// The parameters the data pins down move toward the truth.
	for _, i := range []int{2, 20} {
		before := math.Abs(DefaultParameters[i] - truth[i])
		after := math.Abs(res.Parameters[i] - truth[i])
		if after >= before {
			t.Errorf("w%d: default %.3f, fitted %.3f, truth %.3f: no closer", i, DefaultParameters[i], res.Parameters[i], truth[i])
		}
	}
	if err := res.Parameters.Validate(); err != nil {
		t.Error(err)
	}
}

func TestOptimizeKeepsDefaultsWithoutEnoughData(t *testing.T) {
	hs := simulate(DefaultParameters, 20, 5, 2)
	res, err := Optimize(hs, DefaultParameters, 10)
	if !errors.Is(err, ErrTooFewReviews) || res.Parameters != DefaultParameters {
		t.Errorf("Optimize on %d reviews = %v, %v; want the defaults and ErrTooFewReviews", res.Before.Reviews, res.Parameters, err)
	}
}

func TestOptimizeDoesNotWorsenTheTruth(t *testing.T) {
	hs := simulate(DefaultParameters, 150, 6, 3)
	res, err := Optimize(hs, DefaultParameters, 10)
	if err != nil {
		t.Fatal(err)
	}
	if res.After.LogLoss > res.Before.LogLoss {
		t.Errorf("log loss rose from %.4f to %.4f", res.Before.LogLoss, res.After.LogLoss)
	}
}

func TestHistories(t *testing.T) {
	s := NewScheduler()
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	hs := Histories(s, []ReviewLine{
		{"a", Good, t0}, {"b", Again, t0}, {"a", Good, t0.Add(10 * time.Minute)}, {"a", Hard, t0.Add(72 * time.Hour)},
	})
	if len(hs) != 2 || len(hs[0]) != 3 || hs[0][1].ElapsedDays != 0 || hs[0][2].ElapsedDays != 3 || hs[0][2].Rating != Hard {
		t.Errorf("Histories = %+v", hs)
	}
}
