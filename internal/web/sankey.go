package web

import (
	"fmt"
	"strings"

	"github.com/offerloop/offerloop/internal/tracker"
)

// sankey is the funnel drawn as a Sankey diagram: a column per band, node
// heights proportional to counts, forward flows as ribbons to the next band and
// stopping flows as ribbons to small labelled end nodes. It is computed here and
// drawn by the template as plain SVG, so the page needs no script.
type sankey struct {
	W, H  float64
	Nodes []sankeyNode
	Links []sankeyLink
}

type sankeyNode struct {
	X, Y, W, H     float64
	Class          string
	Label          string
	LabelX, LabelY float64
	Anchor         string // text-anchor
	Title          string
}

type sankeyLink struct {
	D     string // the ribbon's path
	Class string
	Title string
}

// Layout of the diagram, in SVG user units.
const (
	skWidth    = 960.0
	skLeft     = 4.0
	skRight    = 150.0
	skTop      = 40.0
	skHeight   = 280.0 // the height of the first band's node
	skNodeW    = 14.0
	skEndW     = 8.0
	skGap      = 18.0 // between a band's next node and its end nodes
	skEndGap   = 12.0 // between end nodes
	skMinEndH  = 3.0
	skLastEndX = 56.0 // end nodes of the last band, right of it
)

// endLabel names a stopping flow.
func endLabel(o tracker.Outcome) string {
	if o == "" {
		return "Still active"
	}
	return o.Label()
}

func endClass(o tracker.Outcome) string {
	if o == "" {
		return "active"
	}
	return string(o)
}

func newSankey(f tracker.Funnel) *sankey {
	if f.Total == 0 || len(f.Bands) == 0 {
		return nil
	}
	sk := &sankey{W: skWidth}
	n := len(f.Bands)
	colGap := (skWidth - skLeft - skRight - skNodeW) / float64(n-1)
	scale := skHeight / float64(f.Total)
	x := func(b int) float64 { return skLeft + float64(b)*colGap }
	h := func(count int) float64 { return float64(count) * scale }
	bottom := skTop + skHeight

	for i, bc := range f.Bands {
		nh := max(h(bc.Count), 1)
		if bc.Count == 0 {
			nh = 0
		}
		label := fmt.Sprintf("%s · %d", bc.Label, bc.Count)
		if i > 0 {
			label += " (" + pct(bc.Rate) + ")"
		}
		anchor, lx := "start", x(i)
		sk.Nodes = append(sk.Nodes, sankeyNode{X: x(i), Y: skTop, W: skNodeW, H: nh, Class: "band",
			Label: label, LabelX: lx, LabelY: skTop - 12, Anchor: anchor,
			Title: fmt.Sprintf("%s: %d applications", bc.Label, bc.Count)})
	}

	for i, bc := range f.Bands {
		// Outflows leave the node top down: forward first, then the endings.
		y0 := skTop
		var ends []tracker.Flow
		for _, fl := range f.Flows {
			if int(fl.From) != i {
				continue
			}
			if fl.To >= 0 {
				fh := h(fl.Count)
				to := int(fl.To)
				sk.Links = append(sk.Links, sankeyLink{
					D:     ribbon(x(i)+skNodeW, y0, x(to), skTop, fh),
					Class: "flow",
					Title: fmt.Sprintf("%s → %s: %d", bc.Label, f.Bands[to].Label, fl.Count),
				})
				y0 += fh
				continue
			}
			ends = append(ends, fl)
		}
		if i == n-1 {
			for _, e := range f.Ends {
				ends = append(ends, tracker.Flow{From: bc.Band, To: -1, End: e.Outcome, Count: e.Count})
			}
		}
		// End nodes sit between this band and the next, below the next node.
		ex, ey := x(i)+colGap/2-skEndW/2, skTop+skGap
		if i+1 < n {
			ey += h(f.Bands[i+1].Count)
		} else {
			ex, ey = x(i)+skNodeW+skLastEndX, skTop
		}
		for _, e := range ends {
			fh := h(e.Count)
			eh := max(fh, skMinEndH)
			sk.Links = append(sk.Links, sankeyLink{
				D:     ribbon(x(i)+skNodeW, y0, ex, ey+(eh-fh)/2, fh),
				Class: "end " + endClass(e.End),
				Title: fmt.Sprintf("%s → %s: %d", bc.Label, endLabel(e.End), e.Count),
			})
			sk.Nodes = append(sk.Nodes, sankeyNode{X: ex, Y: ey, W: skEndW, H: eh, Class: "end " + endClass(e.End),
				Label: fmt.Sprintf("%s %d", endLabel(e.End), e.Count), LabelX: ex + skEndW + 4, LabelY: ey + eh/2 + 4,
				Anchor: "start", Title: fmt.Sprintf("Stopped at %s, %s: %d", bc.Label, strings.ToLower(endLabel(e.End)), e.Count)})
			y0 += fh
			ey += eh + skEndGap
		}
		bottom = max(bottom, ey)
	}
	sk.H = bottom + 16
	return sk
}

// ribbon is a filled band of height h from (x0, y0) to (x1, y1), its edges
// cubic Bézier curves with horizontal tangents at both ends.
func ribbon(x0, y0, x1, y1, h float64) string {
	xm := (x0 + x1) / 2
	return fmt.Sprintf("M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1fL%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1fZ",
		x0, y0, xm, y0, xm, y1, x1, y1,
		x1, y1+h, xm, y1+h, xm, y0+h, x0, y0+h)
}
