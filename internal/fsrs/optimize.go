package fsrs

import (
	"errors"
	"math"
	"sort"
	"time"
)

// Step is one review in a card's history as the optimizer sees it.
type Step struct {
	Rating      Rating
	ElapsedDays int // whole days since the previous review; 0 for the first and for same-day reviews
}

// History is one card's reviews, oldest first.
type History []Step

// Histories groups a review log by card, oldest first, with elapsed days
// counted as the scheduler counts them.
func Histories(s *Scheduler, reviews []ReviewLine) []History {
	byCard := map[string][]ReviewLine{}
	var order []string
	for _, r := range reviews {
		if _, ok := byCard[r.Card]; !ok {
			order = append(order, r.Card)
		}
		byCard[r.Card] = append(byCard[r.Card], r)
	}
	out := make([]History, 0, len(order))
	for _, id := range order {
		rs := byCard[id]
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].Time.Before(rs[j].Time) })
		h := make(History, len(rs))
		for i, r := range rs {
			h[i].Rating = r.Rating
			if i > 0 {
				h[i].ElapsedDays = max(0, s.ElapsedDays(rs[i-1].Time, r.Time))
			}
		}
		out = append(out, h)
	}
	return out
}

// Metrics describe how well parameters predict a history: the mean binary
// cross-entropy (log loss) of the predicted recall against what happened, and
// RMSE(bins), the root mean square gap between predicted and observed recall
// over reviews grouped into 20 bins of predicted recall, weighted by count.
type Metrics struct {
	Reviews int     `json:"reviews"` // reviews a day or more after the previous one: the ones predicted
	LogLoss float64 `json:"log_loss"`
	RMSE    float64 `json:"rmse_bins"`
}

// Evaluate computes the metrics of p on the histories. Same-day reviews move
// the memory state but are not predicted, as in the reference optimizer.
func Evaluate(p Parameters, hs []History) Metrics {
	var m Metrics
	var bins [20]struct{ n, pred, real float64 }
	var sum float64
	d := (&derivedCache{}).derive(&p, 0.9)
	for _, h := range hs {
		var mem *Memory
		var cur Memory
		for _, st := range h {
			r := 1.0
			if mem != nil && st.ElapsedDays > 0 {
				r = d.retrievability(float64(st.ElapsedDays), mem.Stability)
				y := 0.0
				if st.Rating > Again {
					y = 1
				}
				pr := math.Min(math.Max(r, 1e-6), 1-1e-6)
				sum += -(y*math.Log(pr) + (1-y)*math.Log(1-pr))
				m.Reviews++
				b := &bins[min(int(r*20), 19)]
				b.n++
				b.pred += r
				b.real += y
			}
			cur = d.next(mem, st.Rating, st.ElapsedDays, r)
			mem = &cur
		}
	}
	if m.Reviews == 0 {
		return m
	}
	m.LogLoss = sum / float64(m.Reviews)
	var se float64
	for _, b := range bins {
		if b.n > 0 {
			se += b.n * math.Pow(b.pred/b.n-b.real/b.n, 2)
		}
	}
	m.RMSE = math.Sqrt(se / float64(m.Reviews))
	return m
}

// MinOptimizeReviews is how many predicted reviews the optimizer wants before
// it fits anything: below it, the defaults are better than a fit to noise.
const MinOptimizeReviews = 400

// ErrTooFewReviews means the history is too short to fit parameters.
var ErrTooFewReviews = errors.New("fsrs: too few reviews to optimise (need 400 made a day or more apart)")

// OptimizeResult is the outcome of Optimize.
type OptimizeResult struct {
	Parameters Parameters `json:"parameters"`
	Before     Metrics    `json:"before"`
	After      Metrics    `json:"after"`
	Improved   bool       `json:"improved"` // false: keep the starting parameters
	Iterations int        `json:"iterations"`
	Elapsed    time.Duration
}

// Optimize fits the 21 parameters to the histories by minimising log loss,
// starting from init: Adam on numerical gradients (central differences), every
// step clamped to Bounds, with a light pull toward init so that parameters the
// data says little about stay where they were. The result is kept only if it
// lowers the log loss; otherwise Improved is false and init is returned.
func Optimize(hs []History, init Parameters, iterations int) (OptimizeResult, error) {
	began := time.Now()
	res := OptimizeResult{Parameters: init, Before: Evaluate(init, hs)}
	if res.Before.Reviews < MinOptimizeReviews {
		return res, ErrTooFewReviews
	}
	if iterations <= 0 {
		iterations = 150
	}
	// Each parameter moves in units of its allowed range.
	var scale Parameters
	for i := range scale {
		scale[i] = Bounds[i][1] - Bounds[i][0]
		if scale[i] > 10 {
			scale[i] = 10
		}
	}
	const (
		lr     = 0.01
		beta1  = 0.9
		beta2  = 0.999
		eps    = 1e-8
		h      = 1e-4
		lambda = 1e-3
	)
	loss := func(p Parameters) float64 {
		l := Evaluate(p, hs).LogLoss
		for i := range p {
			z := (p[i] - init[i]) / scale[i]
			l += lambda * z * z
		}
		return l
	}
	p := init
	best, bestLoss := p, loss(p)
	var m, v Parameters
	for it := 1; it <= iterations; it++ {
		var grad Parameters
		for i := range p {
			up, down := p, p
			up[i] = math.Min(p[i]+h*scale[i], Bounds[i][1])
			down[i] = math.Max(p[i]-h*scale[i], Bounds[i][0])
			if up[i] == down[i] {
				continue
			}
			grad[i] = (loss(up) - loss(down)) / ((up[i] - down[i]) / scale[i])
		}
		for i := range p {
			m[i] = beta1*m[i] + (1-beta1)*grad[i]
			v[i] = beta2*v[i] + (1-beta2)*grad[i]*grad[i]
			mh := m[i] / (1 - math.Pow(beta1, float64(it)))
			vh := v[i] / (1 - math.Pow(beta2, float64(it)))
			p[i] -= lr * scale[i] * mh / (math.Sqrt(vh) + eps)
		}
		p.Clamp()
		if l := loss(p); l < bestLoss {
			best, bestLoss = p, l
		}
		res.Iterations = it
	}
	res.After = Evaluate(best, hs)
	if res.After.LogLoss < res.Before.LogLoss {
		res.Parameters, res.Improved = best, true
	} else {
		res.After = res.Before
	}
	res.Elapsed = time.Since(began)
	return res, nil
}
