package fsrs

import (
	"math"
	"sync/atomic"
)

// derived holds what a scheduler's parameters and retention make constant, so
// that a review costs a handful of transcendental calls instead of a dozen.
type derived struct {
	p       Parameters
	r       float64
	decay   float64 // −w20
	factor  float64 // 0.9^(1/decay) − 1
	ivlMul  float64 // interval = S · ivlMul
	expW8   float64 // e^w8
	d0Easy  float64 // unclamped initial difficulty of Easy
	stBonus [4]float64
}

type derivedCache struct{ v atomic.Pointer[derived] }

// derive returns the constants of p and r, from the cache when they match.
func (c *derivedCache) derive(p *Parameters, r float64) *derived {
	if d := c.v.Load(); d != nil && d.p == *p && d.r == r {
		return d
	}
	d := &derived{p: *p, r: r, decay: p.decay(), factor: p.factor(), expW8: math.Exp(p[8]), d0Easy: p.InitDifficulty(Easy)}
	d.ivlMul = (math.Pow(r, 1/d.decay) - 1) / d.factor
	for g := Again; g <= Easy; g++ {
		d.stBonus[g-1] = math.Exp(p[17] * (float64(g) - 3 + p[18]))
	}
	c.v.Store(d)
	return d
}

func (d *derived) retrievability(t, s float64) float64 {
	if t <= 0 {
		return 1
	}
	return math.Pow(1+d.factor*t/s, d.decay)
}

// next is Parameters.next with the constants precomputed; the published
// vectors, which run through the scheduler, check that the two agree.
func (d *derived) next(m *Memory, g Rating, elapsedDays int, r float64) Memory {
	p := &d.p
	if m == nil {
		return Memory{Stability: clampS(p.InitStability(g)), Difficulty: clampD(p.InitDifficulty(g))}
	}
	delta := -p[6] * float64(g-3)
	damped := m.Difficulty + delta*(10-m.Difficulty)/9
	nd := clampD(p[7]*d.d0Easy + (1-p[7])*damped)
	s := m.Stability
	var ns float64
	switch {
	case elapsedDays <= 0:
		inc := d.stBonus[g-1]
		if p[19] != 0 {
			inc *= math.Pow(s, -p[19])
		}
		if g >= Hard {
			inc = math.Max(inc, 1)
		}
		ns = s * inc
	case g == Again:
		long := p[11] * math.Pow(m.Difficulty, -p[12]) * (math.Pow(s+1, p[13]) - 1) * math.Exp(p[14]*(1-r))
		ns = math.Min(long, s/d.stBonus[2]) // e^(w17·w18) is the bonus of Good
	default:
		hard, easy := 1.0, 1.0
		if g == Hard {
			hard = p[15]
		}
		if g == Easy {
			easy = p[16]
		}
		ns = s * (1 + d.expW8*(11-m.Difficulty)*math.Pow(s, -p[9])*(math.Exp(p[10]*(1-r))-1)*hard*easy)
	}
	return Memory{Stability: clampS(ns), Difficulty: nd}
}

func (d *derived) interval(s float64, max int) int {
	i := math.Round(s * d.ivlMul)
	if i < 1 {
		return 1
	}
	if i > float64(max) {
		return max
	}
	return int(i)
}
