package web

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/offerloop/offerloop/internal/offer"
	"github.com/offerloop/offerloop/internal/tracker"
)

// negotiationView is one offer's negotiation plan, as offer.Negotiation makes
// it, with its figures ready to print.
type negotiationView struct {
	offer.Plan
	Card        offerCard
	Open        bool // shown unfolded
	Asks        []askView
	Current     usd
	AskedYearly usd
	Shortfall   usd
	AnchorValue usd
	AnchorGap   usd
	Criteria    [2][]offer.CriterionCheck // for, against
	Mailto      string
}

type askView struct {
	offer.Ask
}

// amount prints a figure of the ask in its unit: dollars, or a count of options.
func (a askView) amount(x float64) string {
	if a.Unit == "shares" {
		return strings.TrimPrefix(money(x), "$") + " options"
	}
	return money(x)
}

// Now is the offer's figure; options are counted, the unit said once, by the ask.
func (a askView) Now() string {
	if a.Unit == "shares" {
		return strings.TrimPrefix(money(a.Ask.Current), "$")
	}
	return money(a.Ask.Current)
}

func (a askView) Asked() string { return a.amount(a.Ask.Asked) }

// Change is the ask's difference.
func (a askView) Change() string {
	if a.Unit == "shares" {
		return "+" + strings.TrimPrefix(money(a.Ask.Change), "$")
	}
	return "+" + money(a.Ask.Change)
}

// Pct is the change in percent, when there was something to raise.
func (a askView) Pct() string {
	if a.Ask.Current <= 0 {
		return ""
	}
	return "+" + strconv.FormatFloat(a.ChangePct, 'f', -1, 64) + "%"
}

func (a askView) Yearly() string { return "+" + money(a.Ask.Yearly) }

// negotiationPlans makes the plan of each offer. A mistake in the fields only
// the plan reads (a deadline that is no date, say) leaves the rest of the page
// as it is and says what to fix.
func (s *Server) negotiationPlans(ctx context.Context, userID int64, f *offer.File, c *offer.Comparison, cards []offerCard) ([]negotiationView, string) {
	plans, err := offer.Negotiation(f, c, s.now())
	if err != nil {
		if userError(err) {
			return nil, "No negotiation plan until this is fixed in the file: " + message(err) + "."
		}
		s.log.Error("negotiation plan", "err", err)
		return nil, "The negotiation plan could not be made; the comparison above is unaffected."
	}
	yourName, err := s.store.Setting(ctx, userID, tracker.SettingYourName)
	if err != nil {
		yourName = ""
	}
	var out []negotiationView
	opened := false
	for i, p := range plans {
		v := negotiationView{Plan: p, Card: cards[i], Current: usd(p.Current), AskedYearly: usd(p.AskedYearly), Shortfall: usd(p.Shortfall)}
		if p.Anchor != nil {
			v.AnchorValue, v.AnchorGap = usd(p.Anchor.Value), usd(p.Anchor.Gap)
		}
		v.RedFlags = slices.Clone(p.RedFlags)
		for j := range v.RedFlags {
			v.RedFlags[j].Detail = punctuate(sentence(v.RedFlags[j].Detail))
		}
		for _, a := range p.Asks {
			v.Asks = append(v.Asks, askView{a})
		}
		for _, cr := range p.Criteria {
			if cr.Side == "against" {
				v.Criteria[1] = append(v.Criteria[1], cr)
			} else {
				v.Criteria[0] = append(v.Criteria[0], cr)
			}
		}
		if yourName != "" {
			// The settings know the user's name: sign the drafts with it.
			fill := func(s string) string { return strings.ReplaceAll(s, "[Your name]", yourName) }
			if v.Email != nil {
				e := *v.Email
				e.Body = fill(e.Body)
				v.Email = &e
			}
			v.Call = fill(v.Call)
			var missing []string
			for _, m := range v.Missing {
				if m != "Your name" {
					missing = append(missing, m)
				}
			}
			v.Missing = missing
		}
		if v.Email != nil {
			v.Mailto = "mailto:?subject=" + url.PathEscape(v.Email.Subject) + "&body=" + url.PathEscape(v.Email.Body)
		}
		if p.Negotiate && !opened {
			v.Open, opened = true, true
		}
		out = append(out, v)
	}
	if !opened && len(out) > 0 {
		out[0].Open = true
	}
	return out, ""
}

// FlagsRaised counts the red flags that are triggered.
func (v negotiationView) FlagsRaised() int {
	n := 0
	for _, f := range v.RedFlags {
		if f.Status == "triggered" {
			n++
		}
	}
	return n
}

// punctuate ends a sentence with a full stop unless it has its own.
func punctuate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".?!") {
		return s
	}
	return s + "."
}
