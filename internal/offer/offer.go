// Package offer turns job offers into money per year: base with raises, bonus,
// equity by its vesting schedule and a stock scenario, sign-on, relocation and
// benefits; compares offers side by side and places each against market ranges.
package offer

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/offerloop/offerloop/internal/errs"
)

// Horizon is how many years a comparison covers.
const Horizon = 4

// Offer is one offer as the user enters it.
type Offer struct {
	Name            string             `yaml:"name" json:"name"`
	CompanyKind     string             `yaml:"company_kind" json:"company_kind"`
	Level           string             `yaml:"level" json:"level"`
	Location        string             `yaml:"location" json:"location,omitempty"`
	Base            float64            `yaml:"base" json:"base"`
	BonusTargetPct  float64            `yaml:"bonus_target_pct" json:"bonus_target_pct"`
	Signon          Amounts            `yaml:"signon" json:"signon,omitempty"`
	Equity          Equity             `yaml:"equity" json:"equity"`
	StockGrowthPct  float64            `yaml:"stock_growth_pct" json:"stock_growth_pct"`
	RaisePct        float64            `yaml:"raise_pct" json:"raise_pct"`
	RetirementMatch float64            `yaml:"retirement_match" json:"retirement_match"`
	OtherAnnual     float64            `yaml:"other_annual" json:"other_annual"`
	Relocation      float64            `yaml:"relocation" json:"relocation"`
	PTODays         int                `yaml:"pto_days" json:"pto_days,omitempty"`
	Remote          string             `yaml:"remote" json:"remote,omitempty"`
	LearningBudget  float64            `yaml:"learning_budget" json:"learning_budget,omitempty"`
	StartDate       string             `yaml:"start_date" json:"start_date,omitempty"`
	Deadline        string             `yaml:"deadline" json:"deadline,omitempty"`
	Factors         map[string]float64 `yaml:"factors" json:"factors,omitempty"` // non-pay scores, 1–5
}

// Equity is a stock grant: RSUs worth Grant at grant price, or Options on
// Shares with a Strike, priced at SharePrice.
type Equity struct {
	Type            string    `yaml:"type" json:"type,omitempty"` // rsu (default) or options
	Grant           float64   `yaml:"grant" json:"grant,omitempty"`
	Shares          float64   `yaml:"shares" json:"shares,omitempty"`
	Strike          float64   `yaml:"strike" json:"strike,omitempty"`
	SharePrice      float64   `yaml:"share_price" json:"share_price,omitempty"`
	Vesting         []float64 `yaml:"vesting" json:"vesting,omitempty"` // percent vesting in years 1..n
	Preset          string    `yaml:"preset" json:"preset,omitempty"`   // a named schedule instead of Vesting
	CliffMonths     int       `yaml:"cliff_months" json:"cliff_months,omitempty"`
	Frequency       string    `yaml:"frequency" json:"frequency,omitempty"` // annual, quarterly or monthly after the cliff
	RefresherAnnual float64   `yaml:"refresher_annual" json:"refresher_annual,omitempty"`
}

// Amounts is a list of yearly amounts; in YAML a single number means year 1.
type Amounts []float64

// UnmarshalYAML accepts a number or a list of numbers.
func (a *Amounts) UnmarshalYAML(unmarshal func(any) error) error {
	var one float64
	if err := unmarshal(&one); err == nil {
		*a = Amounts{one}
		return nil
	}
	var many []float64
	if err := unmarshal(&many); err != nil {
		return fmt.Errorf("expected a number or a list of numbers")
	}
	*a = many
	return nil
}

// Presets are the usual vesting schedules, in percent per year.
var Presets = map[string][]float64{
	"25/25/25/25": {25, 25, 25, 25},
	"5/15/40/40":  {5, 15, 40, 40},
	"33/33/34":    {33, 33, 34},
	"38/32/20/10": {38, 32, 20, 10},
	"10/20/30/40": {10, 20, 30, 40},
	// Four years, a one-year cliff, then monthly or quarterly: by year, the same
	// quarter of the grant each year.
	"monthly":   {25, 25, 25, 25},
	"quarterly": {25, 25, 25, 25},
}

// PresetNames lists the presets in display order.
var PresetNames = []string{"25/25/25/25", "5/15/40/40", "33/33/34", "38/32/20/10", "10/20/30/40", "monthly", "quarterly"}

// Schedule is the vesting in percent per year the equity follows.
func (e Equity) Schedule() []float64 {
	if e.Preset != "" {
		return Presets[e.Preset]
	}
	if len(e.Vesting) == 0 && (e.Grant > 0 || e.Shares > 0) {
		return Presets["25/25/25/25"]
	}
	return e.Vesting
}

var (
	kinds  = []string{"big-tech", "mid-size", "startup", "research-lab"}
	levels = []string{"junior", "mid", "senior", "staff"}
)

// Validate checks one offer; where says which offer for messages.
func (o *Offer) Validate() error {
	name := o.Name
	if strings.TrimSpace(name) == "" {
		return errs.Invalidf("every offer needs a name")
	}
	bad := func(format string, args ...any) error {
		return errs.Invalidf("offer %q: %s", name, fmt.Sprintf(format, args...))
	}
	if o.CompanyKind != "" && !slices.Contains(kinds, o.CompanyKind) {
		return bad("company_kind %q is not one of %s", o.CompanyKind, strings.Join(kinds, ", "))
	}
	if o.Level != "" && !slices.Contains(levels, o.Level) {
		return bad("level %q is not one of %s", o.Level, strings.Join(levels, ", "))
	}
	money := []struct {
		field string
		v     float64
	}{{"base", o.Base}, {"retirement_match", o.RetirementMatch}, {"other_annual", o.OtherAnnual}, {"relocation", o.Relocation},
		{"learning_budget", o.LearningBudget}, {"equity.grant", o.Equity.Grant}, {"equity.shares", o.Equity.Shares},
		{"equity.strike", o.Equity.Strike}, {"equity.share_price", o.Equity.SharePrice}, {"equity.refresher_annual", o.Equity.RefresherAnnual}}
	for i, s := range o.Signon {
		money = append(money, struct {
			field string
			v     float64
		}{"signon[" + strconv.Itoa(i) + "]", s})
	}
	for _, m := range money {
		if math.IsNaN(m.v) || m.v < 0 || m.v > 1e9 {
			return bad("%s must be between 0 and 1,000,000,000, not %v", m.field, m.v)
		}
	}
	if o.Base <= 0 {
		return bad("base salary is required")
	}
	for _, p := range []struct {
		field     string
		v, lo, hi float64
	}{{"bonus_target_pct", o.BonusTargetPct, 0, 200}, {"stock_growth_pct", o.StockGrowthPct, -90, 200}, {"raise_pct", o.RaisePct, -50, 100}} {
		if math.IsNaN(p.v) || p.v < p.lo || p.v > p.hi {
			return bad("%s must be between %v and %v, not %v", p.field, p.lo, p.hi, p.v)
		}
	}
	if len(o.Signon) > 10 {
		return bad("sign-on lists at most 10 years")
	}
	e := o.Equity
	switch e.Type {
	case "", "rsu":
		if e.Shares > 0 || e.Strike > 0 {
			return bad("equity: shares and strike are for options (type: options); RSUs give grant, the value at grant price")
		}
	case "options":
		if e.Shares <= 0 || e.SharePrice <= 0 {
			return bad("equity: options need shares and share_price (and usually strike)")
		}
		if e.Grant > 0 {
			return bad("equity: options are valued from shares, strike and share_price; leave grant out")
		}
	default:
		return bad("equity type %q is not rsu or options", e.Type)
	}
	if e.Preset != "" {
		if _, ok := Presets[e.Preset]; !ok {
			return bad("equity preset %q is not one of %s", e.Preset, strings.Join(PresetNames, ", "))
		}
		if len(e.Vesting) > 0 {
			return bad("equity: give either vesting or preset, not both")
		}
	}
	if len(e.Vesting) > 10 {
		return bad("equity vesting lists at most 10 years")
	}
	sum := 0.0
	for _, v := range e.Schedule() {
		if math.IsNaN(v) || v < 0 || v > 100 {
			return bad("equity vesting percentages must be between 0 and 100")
		}
		sum += v
	}
	if (e.Grant > 0 || e.Shares > 0) && math.Abs(sum-100) > 0.01 {
		return bad("equity vesting adds up to %v%%; it must add up to 100%%", round2(sum))
	}
	if e.CliffMonths < 0 || e.CliffMonths > 24 {
		return bad("equity cliff_months must be between 0 and 24")
	}
	switch e.Frequency {
	case "", "annual", "quarterly", "monthly":
	default:
		return bad("equity frequency %q is not annual, quarterly or monthly", e.Frequency)
	}
	for k, v := range o.Factors {
		if v < 1 || v > 5 {
			return bad("factor %s is scored 1 to 5, not %v", k, v)
		}
	}
	return nil
}

// Year is one year of an offer's pay.
type Year struct {
	Year   int     `json:"year"`
	Base   float64 `json:"base"`
	Bonus  float64 `json:"bonus"`
	Equity float64 `json:"equity"`
	Signon float64 `json:"signon"`
	Other  float64 `json:"other"` // retirement match, other yearly value, relocation in year 1
	Total  float64 `json:"total"`
}

// Years computes the first Horizon years of the offer with the stock growing
// growthPct a year (the offer's own scenario unless overridden by the caller).
//
//	base_n   = base · (1 + raise)^(n−1)
//	bonus_n  = base_n · bonus_target_pct / 100
//	equity_n = grant · vesting[n] / 100 · (1 + growth)^(n−1), plus refreshers
//	           (refresher_annual granted each year from year 2 on the same
//	           schedule); options are worth vested shares · max(0, price_n − strike)
//	other_n  = retirement_match + other_annual (+ relocation in year 1)
func (o *Offer) Years(growthPct float64) []Year {
	sched := o.Equity.Schedule()
	g := 1 + growthPct/100
	out := make([]Year, Horizon)
	for n := 1; n <= Horizon; n++ {
		y := Year{Year: n}
		y.Base = o.Base * math.Pow(1+o.RaisePct/100, float64(n-1))
		y.Bonus = y.Base * o.BonusTargetPct / 100
		growth := math.Pow(g, float64(n-1))
		if n <= len(sched) {
			y.Equity += o.equityValue(sched[n-1], growth)
		}
		// Refresher granted at the start of year k (k ≥ 2) vests sched[n−k] in year n.
		for k := 2; k <= n; k++ {
			if i := n - k; i < len(sched) {
				y.Equity += o.Equity.RefresherAnnual * sched[i] / 100 * growth
			}
		}
		if n <= len(o.Signon) {
			y.Signon = o.Signon[n-1]
		}
		y.Other = o.RetirementMatch + o.OtherAnnual
		if n == 1 {
			y.Other += o.Relocation
		}
		y.Base, y.Bonus, y.Equity, y.Signon, y.Other = round2(y.Base), round2(y.Bonus), round2(y.Equity), round2(y.Signon), round2(y.Other)
		y.Total = round2(y.Base + y.Bonus + y.Equity + y.Signon + y.Other)
		out[n-1] = y
	}
	return out
}

func (o *Offer) equityValue(pct, growth float64) float64 {
	e := o.Equity
	if e.Type == "options" {
		return e.Shares * pct / 100 * math.Max(0, e.SharePrice*growth-e.Strike)
	}
	return e.Grant * pct / 100 * growth
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
