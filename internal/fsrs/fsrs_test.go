package fsrs

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// The published test vectors of the reference implementations (fsrs-rs,
// ts-fsrs, py-fsrs, go-fsrs), as collected in the project's research notes.

var start = time.Date(2022, 11, 29, 12, 30, 0, 0, time.UTC)

func noFuzz(p Parameters) *Scheduler {
	s := NewScheduler()
	s.Params, s.Fuzz = p, false
	return s
}

// fill19 turns a 19-parameter FSRS-5 vector into FSRS-6 form.
func fill19(w []float64) Parameters {
	var p Parameters
	copy(p[:], w)
	p[19], p[20] = 0, 0.5
	return p
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// intervals reviews one card with the ratings, each exactly when due.
func intervals(s *Scheduler, ratings []Rating) ([]int, []State, Card) {
	c := Card{ID: "card"}
	now := start
	var ivl []int
	var before []State
	for _, g := range ratings {
		var log Log
		before = append(before, c.State)
		c, log = s.Review(c, g, now)
		ivl = append(ivl, log.ScheduledDays)
		now = c.Due
	}
	return ivl, before, c
}

const (
	A = Again
	H = Hard
	G = Good
	E = Easy
)

var tv1Ratings = []Rating{G, G, G, G, G, G, A, A, G, G, G, G, G}

func TestTV1Intervals(t *testing.T) {
	ivl, before, c := intervals(noFuzz(DefaultParameters), tv1Ratings)
	if want := []int{0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21}; !slices.Equal(ivl, want) {
		t.Errorf("intervals = %v, want %v", ivl, want)
	}
	wantStates := []State{New, Learning, Review, Review, Review, Review, Review, Relearning, Relearning, Review, Review, Review, Review}
	if !slices.Equal(before, wantStates) {
		t.Errorf("states before each review = %v, want %v", before, wantStates)
	}
	if !near(c.Stability, 20.770357, 1e-4) || !near(c.Difficulty, 9.055760, 1e-4) {
		t.Errorf("final memory = %v / %v, want 20.770357 / 9.055760", c.Stability, c.Difficulty)
	}
}

// memoryAfter applies ratings at the given elapsed days to the memory model.
func memoryAfter(p Parameters, ratings []Rating, elapsed []int) Memory {
	var m *Memory
	for i, g := range ratings {
		next := p.Next(m, g, elapsed[i])
		m = &next
	}
	return *m
}

func TestTV2MemoryState(t *testing.T) {
	ratings := []Rating{A, G, G, G, G, G}
	elapsed := []int{0, 0, 1, 3, 8, 21}
	m := memoryAfter(DefaultParameters, ratings, elapsed)
	if !near(m.Stability, 53.62691, 1e-4) || !near(m.Difficulty, 6.3574867, 1e-4) {
		t.Errorf("memory = %+v, want S 53.62691, D 6.3574867", m)
	}
	p := DefaultParameters
	p[17], p[18], p[19] = 0, 0, 0
	m = memoryAfter(p, ratings, elapsed)
	if !near(m.Stability, 53.335106, 1e-4) || !near(m.Difficulty, 6.3574867, 1e-4) {
		t.Errorf("memory without short-term = %+v, want S 53.335106, D 6.3574867", m)
	}
}

func TestTV3SameDayHardNeverLowersStability(t *testing.T) {
	m := memoryAfter(DefaultParameters, []Rating{A, H, G, E, G, G}, []int{0, 0, 1, 3, 8, 21})
	if !near(m.Stability, 51.0810, 1e-4) || !near(m.Difficulty, 6.7493, 1e-4) {
		t.Errorf("memory = %+v, want S 51.0810, D 6.7493", m)
	}
}

func TestTV4FirstReview(t *testing.T) {
	s := noFuzz(DefaultParameters)
	wantS := []float64{0.212, 1.2931, 2.3065, 8.2956}
	wantD := []float64{6.4133, 5.11217071, 2.11810397, 1}
	wantDays := []int{0, 0, 0, 8}
	wantState := []State{Learning, Learning, Learning, Review}
	for g := Again; g <= Easy; g++ {
		c, log := s.Review(Card{}, g, start)
		i := g - 1
		if !near(c.Stability, wantS[i], 1e-6) || !near(c.Difficulty, wantD[i], 1e-6) || log.ScheduledDays != wantDays[i] || c.State != wantState[i] {
			t.Errorf("first %v: S %v D %v days %d state %v; want %v %v %d %v", g, c.Stability, c.Difficulty, log.ScheduledDays, c.State, wantS[i], wantD[i], wantDays[i], wantState[i])
		}
	}
	c, _ := s.Review(Card{}, Easy, time.Date(2023, 12, 1, 4, 5, 0, 0, time.UTC))
	if r := s.Retrievability(c, c.Due); !near(r, 0.9024733, 1e-6) {
		t.Errorf("retrievability at due after Easy = %v, want 0.9024733", r)
	}
}

func TestTV5IntervalVersusRetention(t *testing.T) {
	p := DefaultParameters
	want := []int{34793, 2508, 387, 90, 27, 9, 3, 1, 1}
	for i, w := range want {
		r := float64(i+2) / 10
		if got := p.Interval(1, r, 36500); got != w {
			t.Errorf("Interval(S=1, r=%.1f) = %d, want %d", r, got, w)
		}
	}
	if got := p.Interval(1, 0.1, 36500); got != 36500 {
		t.Errorf("Interval(S=1, r=0.1) = %d, want the cap 36500", got)
	}
}

func TestTV6UnitValues(t *testing.T) {
	p := DefaultParameters
	check := func(name string, got, want []float64) {
		t.Helper()
		for i := range want {
			if !near(got[i], want[i], 1e-4) {
				t.Errorf("%s = %v, want %v", name, got, want)
				return
			}
		}
	}
	var r []float64
	for _, ts := range [][2]float64{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 4}, {5, 2}} {
		r = append(r, p.Retrievability(ts[0], ts[1]))
	}
	check("forgetting curve", r, []float64{1.0, 0.9403443, 0.9253786, 0.9185229, 0.9, 0.8261359})
	var d []float64
	for g := Again; g <= Easy; g++ {
		d = append(d, p.NextDifficulty(5, g))
	}
	check("next difficulty", d, []float64{8.341763, 6.6659956, 4.990228, 3.3144615})
	var sr, sf, ss []float64
	for i, x := range [][2]float64{{1, 0.9}, {2, 0.8}, {3, 0.7}, {4, 0.6}} {
		sr = append(sr, p.RecallStability(x[0], 5, x[1], Rating(i+1)))
		sf = append(sf, p.ForgetStability(x[0], 5, x[1]))
		ss = append(ss, p.ShortTermStability(5, Rating(i+1)))
	}
	check("recall stability", sr, []float64{25.602541, 28.226582, 58.656002, 127.226685})
	check("forget stability", sf, []float64{1.0525396, 1.1894329, 1.3680838, 1.584989})
	check("short-term stability", ss, []float64{1.596818, 5.0, 5.0, 8.12961})
	q := p
	q[20] = 0.2
	var cr []float64
	for t := 0.0; t < 4; t++ {
		cr = append(cr, q.Retrievability(t, 1))
	}
	check("retrievability with decay 0.2", cr, []float64{1.0, 0.9, 0.84028935, 0.7985001})
}

func TestTV7FSRS5(t *testing.T) {
	p := fill19([]float64{0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621})
	ivl, _, _ := intervals(noFuzz(p), tv1Ratings)
	if want := []int{0, 4, 14, 44, 125, 328, 0, 0, 7, 16, 34, 71, 142}; !slices.Equal(ivl, want) {
		t.Errorf("FSRS-5 intervals = %v, want %v", ivl, want)
	}
	m := memoryAfter(p, []Rating{A, G, G, G, G, G}, []int{0, 0, 1, 3, 8, 21})
	if !near(m.Stability, 48.26549438, 1e-4) || !near(m.Difficulty, 7.10441712, 1e-4) {
		t.Errorf("FSRS-5 memory = %+v, want 48.26549438 / 7.10441712", m)
	}
}

func TestTV8FirstFSRS6Defaults(t *testing.T) {
	p := Parameters{0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57, 2.0966, 0.0069, 1.5261, 0.112, 1.0178, 1.849, 0.1133, 0.3127, 2.2934, 0.2191, 3.0004, 0.7536, 0.3332, 0.1437, 0.2}
	ivl, _, _ := intervals(noFuzz(p), tv1Ratings)
	if want := []int{0, 4, 14, 45, 135, 372, 0, 0, 2, 5, 10, 20, 40}; !slices.Equal(ivl, want) {
		t.Errorf("intervals = %v, want %v", ivl, want)
	}
	m := memoryAfter(p, []Rating{A, G, G, G, G, G, G}, []int{0, 0, 1, 3, 8, 21, 0})
	if !near(m.Stability, 49.4472, 1e-4) || !near(m.Difficulty, 6.8271, 1e-4) {
		t.Errorf("memory = %+v, want 49.4472 / 6.8271", m)
	}
}

func TestTV11NextStates(t *testing.T) {
	p := fill19([]float64{0.6845422, 1.6790825, 4.7349424, 10.042885, 7.4410233, 0.64219797, 1.071918, 0.0025195254, 1.432437, 0.1544, 0.8692766, 2.0696752, 0.0953, 0.2975, 2.4691248, 0.19542035, 3.201072, 0.18046261, 0.121442534})
	m := memoryAfter(p, []Rating{A, G, G, G}, []int{0, 1, 3, 8})
	want := [][2]float64{{2.9691455, 8.000659}, {17.091452, 7.6913934}, {31.722992, 7.382128}, {71.7502, 7.0728626}}
	for g := Again; g <= Easy; g++ {
		n := p.Next(&m, g, 21)
		if !near(n.Stability, want[g-1][0], 1e-3) || !near(n.Difficulty, want[g-1][1], 1e-4) {
			t.Errorf("next %v = %+v, want %v", g, n, want[g-1])
		}
	}
	n := p.Next(&Memory{Stability: 20.925528, Difficulty: 7.005062}, Good, 21)
	if !near(n.Stability, 40.87456, 1e-3) || !near(n.Difficulty, 6.9913807, 1e-4) {
		t.Errorf("next good = %+v, want 40.87456 / 6.9913807", n)
	}
	if got := p.IntervalDays(121.01552, 0.9); !near(got, 121.01551, 1e-3) {
		t.Errorf("IntervalDays(121.01552, 0.9) = %v", got)
	}
}

func TestTV13Fuzz(t *testing.T) {
	tests := []struct {
		ivl      float64
		min, max int
		want     [3]int
	}{
		{1.0, 1, 1000, [3]int{1, 1, 1}}, {2.49, 1, 1000, [3]int{2, 2, 2}}, {2.5, 1, 1000, [3]int{2, 3, 4}},
		{7.0, 1, 1000, [3]int{5, 7, 9}}, {17.0, 1, 1000, [3]int{14, 17, 20}}, {37.0, 1, 1000, [3]int{33, 37, 41}},
		{2.0, 2, 1000, [3]int{2, 2, 2}}, {2.0, 3, 1000, [3]int{3, 4, 4}}, {7.0, 3, 1000, [3]int{5, 7, 9}},
		{2.0, 3, 3, [3]int{3, 3, 3}}, {6.9, 3, 1000, [3]int{5, 7, 9}}, {7.1, 3, 1000, [3]int{5, 7, 9}},
		{19.9, 3, 1000, [3]int{17, 20, 23}}, {20.0, 3, 1000, [3]int{17, 20, 23}}, {20.1, 3, 1000, [3]int{17, 20, 23}},
		{100.0, 101, 1000, [3]int{101, 105, 108}}, {100.0, 1, 99, [3]int{92, 96, 99}}, {100.0, 97, 103, [3]int{97, 100, 103}},
	}
	for _, tt := range tests {
		var got [3]int
		for i, f := range []float64{0, 0.5, 0.99} {
			got[i] = FuzzInterval(tt.ivl, tt.min, tt.max, f)
		}
		if got != tt.want {
			t.Errorf("FuzzInterval(%v, %d, %d) = %v, want %v", tt.ivl, tt.min, tt.max, got, tt.want)
		}
	}
}

func TestLearningSteps(t *testing.T) {
	s := noFuzz(DefaultParameters)
	c, _ := s.Review(Card{}, Good, start) // step 0 → 1
	if c.Step != 1 || !c.Due.Equal(start.Add(10*time.Minute)) {
		t.Fatalf("after Good on step 0: step %d due %v", c.Step, c.Due)
	}
	h, _ := s.Review(Card{}, Hard, start)
	if !h.Due.Equal(start.Add(330 * time.Second)) {
		t.Errorf("Hard on step 0 due after %v, want 5m30s", h.Due.Sub(start))
	}
	h, _ = s.Review(c, Hard, start)
	if !h.Due.Equal(start.Add(10 * time.Minute)) {
		t.Errorf("Hard on step 1 due after %v, want 10m", h.Due.Sub(start))
	}
	a, _ := s.Review(c, Again, start)
	if a.Step != 0 || !a.Due.Equal(start.Add(time.Minute)) {
		t.Errorf("Again on step 1: step %d, due after %v", a.Step, a.Due.Sub(start))
	}
	s.LearningSteps = nil
	g, log := s.Review(Card{}, Good, start)
	if g.State != Review || log.ScheduledDays != 2 {
		t.Errorf("with no learning steps, Good graduates: state %v days %d", g.State, log.ScheduledDays)
	}
	s.RelearningSteps = nil
	l, _ := s.Review(g, Again, g.Due)
	if l.State != Review || l.Lapses != 1 {
		t.Errorf("a lapse with no relearning steps stays in Review: %v, lapses %d", l.State, l.Lapses)
	}
}

func TestElapsedDaysUsesTheZone(t *testing.T) {
	s := NewScheduler()
	a := time.Date(2026, 3, 7, 22, 0, 0, 0, time.UTC)
	b := time.Date(2026, 3, 8, 3, 0, 0, 0, time.UTC)
	if got := s.ElapsedDays(a, b); got != 1 {
		t.Errorf("UTC: ElapsedDays = %d, want 1", got)
	}
	s.Loc = time.FixedZone("PST", -8*3600)
	if got := s.ElapsedDays(a, b); got != 0 {
		t.Errorf("PST: ElapsedDays = %d, want 0 (both on 7 March)", got)
	}
	ny, err := time.LoadLocation("America/New_York")
	if err == nil { // across the DST change of 8 March 2026
		s.Loc = ny
		if got := s.ElapsedDays(time.Date(2026, 3, 7, 17, 0, 0, 0, ny), time.Date(2026, 3, 9, 9, 0, 0, 0, ny)); got != 2 {
			t.Errorf("across DST: ElapsedDays = %d, want 2", got)
		}
	}
}

// TestProperties checks, for random rating sequences at random times: stability
// positive and finite, difficulty in [1, 10], retrievability in (0, 1],
// intervals never shorter for a better rating, due never before the review.
func TestProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	s := NewScheduler()
	for n := range 2000 {
		c := Card{ID: string(rune('a' + n%26))}
		now := start
		for range 30 {
			now = now.Add(time.Duration(rng.IntN(40*24*60)) * time.Minute)
			r := s.Retrievability(c, now)
			if !(r > 0 && r <= 1) || math.IsNaN(r) {
				t.Fatalf("retrievability %v", r)
			}
			opts := s.Preview(c, now)
			for g := Again; g <= Easy; g++ {
				o := opts[g-1]
				if math.IsNaN(o.Stability) || o.Stability <= 0 || math.IsInf(o.Stability, 0) || o.Difficulty < 1 || o.Difficulty > 10 {
					t.Fatalf("%v gives S %v D %v", g, o.Stability, o.Difficulty)
				}
				if o.Due.Before(now) {
					t.Fatalf("%v due %v before the review at %v", g, o.Due, now)
				}
				if g > Again && o.Due.Before(opts[g-2].Due) && !(opts[g-2].State == Review && o.State == Review && s.Fuzz) {
					t.Fatalf("%v due %v before %v due %v (card %+v)", g, o.Due, g-1, opts[g-2].Due, c)
				}
			}
			c, _ = s.Review(c, Rating(1+rng.IntN(4)), now)
		}
	}
}

func TestParametersValidate(t *testing.T) {
	p := DefaultParameters
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	p[20] = 2
	if p.Validate() == nil {
		t.Error("w20 = 2 accepted")
	}
	p.Clamp()
	if p[20] != 0.8 || p.Validate() != nil {
		t.Errorf("Clamp gave w20 = %v", p[20])
	}
}

func BenchmarkReview(b *testing.B) {
	s := NewScheduler()
	c := Card{ID: "bench"}
	now := start
	ratings := []Rating{G, G, H, G, A, G, E, G}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c, _ = s.Review(c, ratings[i%len(ratings)], now)
		now = c.Due
		i++
		if i%64 == 0 {
			c, now = Card{ID: "bench"}, start
		}
	}
}
