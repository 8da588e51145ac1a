package web

import (
	"net/http"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/practice"
)

// Mock-round timers: /mock lists the rounds, /mock/{id} shows one's phases
// with what to say in each; practice.js runs them as a timer that announces
// each phase. The pages read only content, so they need no store.

type mockView struct {
	R       practice.MockRound
	Link    string
	Minutes int
}

func newMockView(m practice.MockRound) mockView {
	v := mockView{R: m, Link: "/mock/" + m.ID}
	for _, p := range m.Phases {
		v.Minutes += p.Minutes
	}
	return v
}

type mockPage struct {
	base
	Rounds []mockView
	M      mockView // the round shown, on /mock/{id}
	Starts []int    // minute each phase starts at
	Segs   []mockSeg
}

// mockSeg is a phase's stretch of the timer's bar, 1000 units long.
type mockSeg struct{ X, W float64 }

func (s *Server) mockList(w http.ResponseWriter, r *http.Request) {
	d := &mockPage{}
	d.Title, d.Nav = "Mock rounds", "practice"
	for _, m := range s.lib.Mock {
		d.Rounds = append(d.Rounds, newMockView(m))
	}
	s.render(w, r, "mock", d)
}

func (s *Server) mockRound(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	m, ok := s.lib.MockRound(id)
	if !ok {
		s.fail(w, r, errs.NotFoundf("there is no mock round %q", id))
		return
	}
	d := &mockPage{M: newMockView(m)}
	d.Title, d.Nav = m.Name+" · Mock rounds", "practice"
	at := 0
	for _, p := range m.Phases {
		d.Starts = append(d.Starts, at)
		if d.M.Minutes > 0 {
			// A gap of 4 units between phases.
			x, w := float64(at)*1000/float64(d.M.Minutes), float64(p.Minutes)*1000/float64(d.M.Minutes)
			d.Segs = append(d.Segs, mockSeg{X: r1(x + 2), W: r1(max(1, w-4))})
		}
		at += p.Minutes
	}
	for _, o := range s.lib.Mock {
		d.Rounds = append(d.Rounds, newMockView(o))
	}
	s.render(w, r, "mock_round", d)
}
