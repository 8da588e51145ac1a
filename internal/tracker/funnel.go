package tracker

import (
	"math"
	"slices"
	"time"
)

// Funnel is how far applications got, and how quickly companies answered.
type Funnel struct {
	Total  int          `json:"total"`
	Bands  []BandCount  `json:"bands"`
	Flows  []Flow       `json:"flows"`
	Ends   []EndCount   `json:"ends"` // accepted and declined offers
	Reply  ReplyStats   `json:"reply"`
	BySrc  []GroupReply `json:"by_source"`
	ByKind []GroupReply `json:"by_company_kind"`
}

// BandCount is how many applications reached a band, and the share of those
// that reached the band before.
type BandCount struct {
	Band  Band    `json:"-"`
	Label string  `json:"label"`
	Count int     `json:"count"`
	Rate  float64 `json:"rate"` // Count / previous band's Count; 1 for the first band
}

// Flow is how many applications went from one band to the next (To >= 0), or
// stopped in a band with an ending: rejected, withdrawn, ghosted, or still active.
type Flow struct {
	From  Band    `json:"from"`
	To    Band    `json:"to"`            // -1 when the flow ends in From
	End   Outcome `json:"end,omitempty"` // for stopping flows; "" means still active
	Count int     `json:"count"`
}

// EndCount counts offers accepted or declined.
type EndCount struct {
	Outcome Outcome `json:"outcome"`
	Count   int     `json:"count"`
}

// ReplyStats describes the time from applying to the company's first answer: a
// move past applied, or a rejection.
type ReplyStats struct {
	Applications int     `json:"applications"`
	Replied      int     `json:"replied"`
	Rate         float64 `json:"rate"`
	MedianDays   float64 `json:"median_days"`
	MeanDays     float64 `json:"mean_days"`
	P90Days      float64 `json:"p90_days"`
	// Days to an offer, from applying, for applications that reached one.
	OfferMedianDays float64 `json:"offer_median_days"`
	Offers          int     `json:"offers"`
}

// GroupReply is ReplyStats for one source or company kind, with its funnel.
type GroupReply struct {
	Group  string     `json:"group"`
	Reply  ReplyStats `json:"reply"`
	Onsite int        `json:"onsite"`
	Offer  int        `json:"offer"`
}

// FunnelApp is one application as the funnel reads it.
type FunnelApp struct {
	ID          int64
	AppliedOn   Date
	Source      Source
	CompanyKind CompanyKind
}

type appPath struct {
	created  time.Time
	furthest Band
	outcome  Outcome
	replied  time.Duration // -1 when no reply
	offerAt  time.Duration // -1 when no offer
}

// BuildFunnel computes the funnel from the applications and their state events
// (ordered by application, time and id, as Store.StageSteps returns them). An
// application counts toward every band up to the furthest it reached, even if it
// skipped some (an imported application that starts at the onsite), and even if
// it was later rejected.
func BuildFunnel(apps []FunnelApp, steps []StageStep) Funnel {
	paths := make(map[int64]*appPath, len(apps))
	for _, a := range apps {
		paths[a.ID] = &appPath{replied: -1, offerAt: -1}
	}
	byID := make(map[int64]FunnelApp, len(apps))
	for _, a := range apps {
		byID[a.ID] = a
	}
	for _, s := range steps {
		p := paths[s.ApplicationID]
		if p == nil {
			continue
		}
		start := byID[s.ApplicationID].AppliedOn.Time(time.UTC)
		if p.created.IsZero() {
			p.created = s.At
		}
		// A state set at the very instant the application was created is an
		// import, not an answer: it says how far it got, not how quickly.
		known := s.At.After(p.created)
		if s.Outcome != "" {
			p.outcome = s.Outcome
			if s.Outcome == Rejected && p.replied < 0 && known {
				p.replied = max(0, s.At.Sub(start))
			}
			continue
		}
		p.outcome = "" // a ghosted application that comes back is active again
		b := s.StageKind.Band()
		if b > p.furthest {
			p.furthest = b
		}
		if b > BandApplied && p.replied < 0 && known {
			p.replied = max(0, s.At.Sub(start))
		}
		if b == BandOffer && p.offerAt < 0 && known {
			p.offerAt = max(0, s.At.Sub(start))
		}
	}
	f := Funnel{Total: len(apps)}
	reached := make([]int, len(Bands))
	stops := map[Band]map[Outcome]int{}
	ends := map[Outcome]int{}
	for _, a := range apps {
		p := paths[a.ID]
		for b := BandApplied; b <= p.furthest; b++ {
			reached[b]++
		}
		if p.furthest == BandOffer && (p.outcome == Accepted || p.outcome == Declined) {
			ends[p.outcome]++
			continue
		}
		if stops[p.furthest] == nil {
			stops[p.furthest] = map[Outcome]int{}
		}
		stops[p.furthest][p.outcome]++
	}
	for i, b := range Bands {
		rate := 1.0
		if i > 0 {
			rate = ratio(reached[b], reached[b-1])
		}
		f.Bands = append(f.Bands, BandCount{Band: b, Label: b.Label(), Count: reached[b], Rate: rate})
		if i+1 < len(Bands) && reached[b+1] > 0 {
			f.Flows = append(f.Flows, Flow{From: b, To: b + 1, Count: reached[b+1]})
		}
		for _, o := range []Outcome{"", Rejected, Withdrawn, Ghosted, Accepted, Declined} {
			if n := stops[b][o]; n > 0 {
				f.Flows = append(f.Flows, Flow{From: b, To: -1, End: o, Count: n})
			}
		}
	}
	for _, o := range []Outcome{Accepted, Declined} {
		if ends[o] > 0 {
			f.Ends = append(f.Ends, EndCount{Outcome: o, Count: ends[o]})
		}
	}
	f.Reply = replyStats(apps, paths, func(FunnelApp) bool { return true })
	for _, s := range Sources {
		f.BySrc = append(f.BySrc, groupReply(string(s), apps, paths, func(a FunnelApp) bool { return a.Source == s }))
	}
	for _, k := range CompanyKinds {
		f.ByKind = append(f.ByKind, groupReply(k.Label(), apps, paths, func(a FunnelApp) bool { return a.CompanyKind == k }))
	}
	return f
}

func groupReply(name string, apps []FunnelApp, paths map[int64]*appPath, keep func(FunnelApp) bool) GroupReply {
	g := GroupReply{Group: name, Reply: replyStats(apps, paths, keep)}
	for _, a := range apps {
		if keep(a) {
			if p := paths[a.ID]; p.furthest >= BandOnsite {
				g.Onsite++
				if p.furthest == BandOffer {
					g.Offer++
				}
			}
		}
	}
	return g
}

func replyStats(apps []FunnelApp, paths map[int64]*appPath, keep func(FunnelApp) bool) ReplyStats {
	var r ReplyStats
	var days, offers []float64
	for _, a := range apps {
		if !keep(a) {
			continue
		}
		r.Applications++
		p := paths[a.ID]
		if p.replied >= 0 {
			days = append(days, p.replied.Hours()/24)
		}
		if p.offerAt >= 0 {
			offers = append(offers, p.offerAt.Hours()/24)
		}
	}
	r.Replied, r.Offers = len(days), len(offers)
	r.Rate = ratio(len(days), r.Applications)
	if len(days) > 0 {
		slices.Sort(days)
		var sum float64
		for _, d := range days {
			sum += d
		}
		r.MeanDays = round1(sum / float64(len(days)))
		r.MedianDays = round1(quantile(days, 0.5))
		r.P90Days = round1(quantile(days, 0.9))
	}
	if len(offers) > 0 {
		slices.Sort(offers)
		r.OfferMedianDays = round1(quantile(offers, 0.5))
	}
	return r
}

// quantile interpolates linearly between the closest ranks of sorted xs.
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 1 {
		return xs[0]
	}
	pos := q * float64(len(xs)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(xs)-1)
	return xs[lo] + (xs[hi]-xs[lo])*(pos-float64(lo))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
