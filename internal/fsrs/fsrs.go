// Package fsrs implements FSRS-6, the Free Spaced Repetition Scheduler: a memory
// model (stability, difficulty, retrievability) with 21 parameters, and the
// scheduler around it (learning and relearning steps, intervals, fuzz). It
// follows the published formulas and reproduces the reference implementations'
// test vectors (fsrs-rs, ts-fsrs, py-fsrs, go-fsrs). It is pure: no I/O, no
// clock, no global state.
package fsrs

import (
	"fmt"
	"math"
	"sync/atomic"
)

// Rating is the user's answer to a review.
type Rating int8

// Ratings. Again is the only failing grade; Hard is a pass.
const (
	Again Rating = 1
	Hard  Rating = 2
	Good  Rating = 3
	Easy  Rating = 4
)

// Valid reports whether r is one of the four ratings.
func (r Rating) Valid() bool { return r >= Again && r <= Easy }

func (r Rating) String() string {
	switch r {
	case Again:
		return "again"
	case Hard:
		return "hard"
	case Good:
		return "good"
	case Easy:
		return "easy"
	}
	return fmt.Sprintf("Rating(%d)", int(r))
}

// Parameters are the 21 weights w0…w20 of FSRS-6.
type Parameters [21]float64

// DefaultParameters are the FSRS-6 defaults: the per-parameter median of the
// parameters fitted on the 10,000 collections of the open benchmark.
var DefaultParameters = Parameters{
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
	1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
}

// Bounds are the ranges each parameter must lie in (lower, upper).
var Bounds = [21][2]float64{
	{0.001, 100}, {0.001, 100}, {0.001, 100}, {0.001, 100},
	{1, 10}, {0.001, 4}, {0.001, 4}, {0.001, 0.75}, {0, 4.5}, {0, 0.8}, {0.001, 3.5},
	{0.001, 5}, {0.001, 0.25}, {0.001, 0.9}, {0, 4}, {0, 1}, {1, 6},
	{0, 2}, {0, 2}, {0.01, 0.8}, {0.1, 0.8},
}

// Validate checks every parameter against Bounds.
func (p *Parameters) Validate() error {
	for i, v := range p {
		if math.IsNaN(v) || v < Bounds[i][0] || v > Bounds[i][1] {
			return fmt.Errorf("fsrs: parameter w%d = %v is outside [%v, %v]", i, v, Bounds[i][0], Bounds[i][1])
		}
	}
	return nil
}

// Clamp moves every parameter into its bounds.
func (p *Parameters) Clamp() {
	for i := range p {
		p[i] = math.Min(math.Max(p[i], Bounds[i][0]), Bounds[i][1])
	}
}

// Limits on the memory state.
const (
	MinStability  = 0.001
	MaxStability  = 36500
	MinDifficulty = 1
	MaxDifficulty = 10
)

// Memory is the memory state of one card.
type Memory struct {
	Stability  float64 // days for recall to fall from 100% to 90%
	Difficulty float64 // 1 (easy) to 10 (hard)
}

func (p *Parameters) decay() float64 { return -p[20] }

// factor is chosen so that R(S, S) = 0.9. It is a power, and planning calls
// it for every card and day, so the last decay's factor is kept: the same
// value, computed once.
func (p *Parameters) factor() float64 {
	d := p.decay()
	if c := lastFactor.Load(); c != nil && c[0] == d {
		return c[1]
	}
	f := math.Pow(0.9, 1/d) - 1
	lastFactor.Store(&[2]float64{d, f})
	return f
}

// lastFactor holds the last decay and its factor.
var lastFactor atomic.Pointer[[2]float64]

// Retrievability is the predicted probability of recall after elapsed days
// with stability s: (1 + factor·t/s)^decay.
func (p *Parameters) Retrievability(elapsedDays, s float64) float64 {
	if elapsedDays <= 0 {
		return 1
	}
	return math.Pow(1+p.factor()*elapsedDays/s, p.decay())
}

// IntervalDays is the real-valued interval after which recall falls to the
// desired retention r: s/factor·(r^(1/decay) − 1).
func (p *Parameters) IntervalDays(s, r float64) float64 {
	return s / p.factor() * (math.Pow(r, 1/p.decay()) - 1)
}

// Interval rounds IntervalDays and clamps it to [1, max].
func (p *Parameters) Interval(s, r float64, max int) int {
	i := math.Round(p.IntervalDays(s, r))
	if i < 1 {
		return 1
	}
	if i > float64(max) {
		return max
	}
	return int(i)
}

// InitStability is the stability after the first rating.
func (p *Parameters) InitStability(g Rating) float64 { return math.Max(p[g-1], MinStability) }

// InitDifficulty is the difficulty after the first rating, unclamped.
func (p *Parameters) InitDifficulty(g Rating) float64 {
	return p[4] - math.Exp(p[5]*float64(g-1)) + 1
}

func clampD(d float64) float64 { return math.Min(math.Max(d, MinDifficulty), MaxDifficulty) }
func clampS(s float64) float64 { return math.Min(math.Max(s, MinStability), MaxStability) }

// NextDifficulty applies linear damping, then mean reversion toward the
// unclamped initial difficulty of Easy.
func (p *Parameters) NextDifficulty(d float64, g Rating) float64 {
	delta := -p[6] * float64(g-3)
	damped := d + delta*(10-d)/9
	return clampD(p[7]*p.InitDifficulty(Easy) + (1-p[7])*damped)
}

// RecallStability is the stability after a successful review (Hard, Good,
// Easy) with difficulty d, stability s and retrievability r before it.
func (p *Parameters) RecallStability(d, s, r float64, g Rating) float64 {
	hard, easy := 1.0, 1.0
	if g == Hard {
		hard = p[15]
	}
	if g == Easy {
		easy = p[16]
	}
	return s * (1 + math.Exp(p[8])*(11-d)*math.Pow(s, -p[9])*(math.Exp(p[10]*(1-r))-1)*hard*easy)
}

// ForgetStability is the stability after a lapse, capped so that a lapse never
// raises stability above what the same-day steps would give.
func (p *Parameters) ForgetStability(d, s, r float64) float64 {
	long := p[11] * math.Pow(d, -p[12]) * (math.Pow(s+1, p[13]) - 1) * math.Exp(p[14]*(1-r))
	return math.Min(long, s/math.Exp(p[17]*p[18]))
}

// ShortTermStability is the stability after a review on the same day as the
// previous one. A pass never lowers stability.
func (p *Parameters) ShortTermStability(s float64, g Rating) float64 {
	inc := math.Exp(p[17]*(float64(g)-3+p[18])) * math.Pow(s, -p[19])
	if g >= Hard {
		inc = math.Max(inc, 1)
	}
	return s * inc
}

// Next returns the memory state after rating g, elapsedDays whole days after
// the previous review. A nil m means the card is new.
func (p *Parameters) Next(m *Memory, g Rating, elapsedDays int) Memory {
	r := 1.0
	if m != nil && elapsedDays > 0 {
		r = p.Retrievability(float64(elapsedDays), m.Stability)
	}
	return p.next(m, g, elapsedDays, r)
}

// next is Next with the retrievability before the review already known.
func (p *Parameters) next(m *Memory, g Rating, elapsedDays int, r float64) Memory {
	if m == nil {
		return Memory{Stability: clampS(p.InitStability(g)), Difficulty: clampD(p.InitDifficulty(g))}
	}
	d := p.NextDifficulty(m.Difficulty, g)
	var s float64
	switch {
	case elapsedDays <= 0:
		s = p.ShortTermStability(m.Stability, g)
	case g == Again:
		s = p.ForgetStability(m.Difficulty, m.Stability, r)
	default:
		s = p.RecallStability(m.Difficulty, m.Stability, r, g)
	}
	return Memory{Stability: clampS(s), Difficulty: d}
}
