package web

import (
	"context"
	"net/http"

	"github.com/offerloop/offerloop/internal/tracker"
)

type funnelPage struct {
	base
	F      tracker.Funnel
	Sankey *sankey
}

// FlowRows are the diagram's flows as table rows, for readers without the picture.
func (d *funnelPage) FlowRows() []flowRow {
	var out []flowRow
	for _, fl := range d.F.Flows {
		row := flowRow{From: fl.From.Label(), Count: fl.Count}
		if fl.To >= 0 {
			row.To = fl.To.Label()
		} else {
			row.To = endLabel(fl.End)
		}
		out = append(out, row)
	}
	for _, e := range d.F.Ends {
		out = append(out, flowRow{From: tracker.BandOffer.Label(), To: e.Outcome.Label(), Count: e.Count})
	}
	return out
}

type flowRow struct {
	From, To string
	Count    int
}

func (s *Server) buildFunnel(ctx context.Context) (tracker.Funnel, error) {
	u, err := s.user(ctx)
	if err != nil {
		return tracker.Funnel{}, err
	}
	return tracker.LoadFunnel(ctx, s.store, u.ID)
}

func (s *Server) funnel(w http.ResponseWriter, r *http.Request) {
	f, err := s.buildFunnel(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := &funnelPage{F: f, Sankey: newSankey(f)}
	d.Title, d.Nav = "Funnel", "funnel"
	s.render(w, r, "funnel", d)
}

func (s *Server) apiFunnel(w http.ResponseWriter, r *http.Request) {
	f, err := s.buildFunnel(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, f)
}
