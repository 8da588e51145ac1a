package offer

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/offerloop/offerloop/internal/content"
	"github.com/offerloop/offerloop/internal/errs"
)

// Guide is the negotiation content: when to negotiate, what can move, the
// offer red flags and what to have before resigning
// (internal/content/offer/negotiation.json).
type Guide struct {
	Criteria struct {
		For     []Criterion `json:"for"`
		Against []Criterion `json:"against"`
	} `json:"criteria"`
	Components []Component `json:"components"`
	RedFlags   []RedFlag   `json:"red_flags"`
	Checklist  []CheckItem `json:"checklist"`
}

// Criterion is one reason for or against negotiating.
type Criterion struct {
	Key  string `json:"key"`
	Text string `json:"text"`
	Why  string `json:"why"`
}

// Component is a part of an offer that can be negotiated.
type Component struct {
	Key  string `json:"key"`
	Name string `json:"name"`
	Room string `json:"room"`
	Note string `json:"note"`
	// MaxAskPct caps what a plan asks for: for base, percent of base; for
	// sign-on, percent of base (once); for equity, percent of the grant.
	MaxAskPct float64 `json:"max_ask_pct,omitempty"`
}

// RedFlag is a warning sign in an offer and what to do about it. Question is
// set for the flags offerloop cannot see in the data and the user must check.
type RedFlag struct {
	Key      string `json:"key"`
	Text     string `json:"text"`
	WhatToDo string `json:"what_to_do"`
	Question string `json:"question,omitempty"`
}

// CheckItem is one thing to have before resigning from a current job.
type CheckItem struct {
	Key    string `json:"key"`
	Text   string `json:"text"`
	Why    string `json:"why"`
	Detail string `json:"detail,omitempty"` // what the offer's data says about it
}

// The keys negotiate.go evaluates; the content test checks every one exists.
var (
	forKeys       = []string{"below-market", "competing-offer", "rare-skills", "accept-if-higher"}
	againstKeys   = []string{"at-or-above-market", "no-alternatives-little-experience", "need-any-job", "accept-regardless"}
	componentKeys = []string{"base", "signon", "equity", "start-date", "remote", "learning-budget", "pto"}
	flagKeys      = []string{"short-deadline", "no-written-offer", "vague-equity", "below-market-unexplained", "resign-first"}
	checkKeys     = []string{"signed-offer", "background-check", "start-date"}
)

const (
	// littleExperienceYears is the reference text's junior band: 0–2 years.
	littleExperienceYears = 2
	// shortDeadline is when a decision deadline becomes a red flag.
	shortDeadline = 48 * time.Hour
	// wellBelowPct is how far under a range's low end counts as well below it.
	wellBelowPct = 10
	// extendDays is how far past today a plan asks to move a short deadline.
	extendDays = 7
)

var guide = sync.OnceValues(func() (*Guide, error) {
	var g Guide
	if err := content.DecodeJSON("offer/negotiation.json", &g); err != nil {
		return nil, err
	}
	if err := g.validate(); err != nil {
		return nil, fmt.Errorf("content: offer/negotiation.json: %w", err)
	}
	return &g, nil
})

// NegotiationGuide returns the negotiation content shipped with offerloop.
func NegotiationGuide() (*Guide, error) { return guide() }

func (g *Guide) validate() error {
	has := func(what string, keys []string, got []string) error {
		for _, k := range keys {
			if !slices.Contains(got, k) {
				return fmt.Errorf("%s %q is missing", what, k)
			}
		}
		return nil
	}
	var fk, ak, ck, rk, xk []string
	for _, c := range g.Criteria.For {
		fk = append(fk, c.Key)
	}
	for _, c := range g.Criteria.Against {
		ak = append(ak, c.Key)
	}
	for _, c := range g.Components {
		ck = append(ck, c.Key)
	}
	for _, r := range g.RedFlags {
		rk = append(rk, r.Key)
	}
	for _, c := range g.Checklist {
		xk = append(xk, c.Key)
	}
	for _, e := range []error{has("criterion for", forKeys, fk), has("criterion against", againstKeys, ak),
		has("component", componentKeys, ck), has("red flag", flagKeys, rk), has("checklist item", checkKeys, xk)} {
		if e != nil {
			return e
		}
	}
	for _, k := range []string{"base", "signon", "equity"} {
		if c := g.component(k); c.MaxAskPct <= 0 || c.MaxAskPct > 200 {
			return fmt.Errorf("component %s needs max_ask_pct between 0 and 200", k)
		}
	}
	return nil
}

func (g *Guide) component(key string) Component {
	for _, c := range g.Components {
		if c.Key == key {
			return c
		}
	}
	return Component{}
}

func (g *Guide) criterion(key string) (Criterion, string) {
	for _, c := range g.Criteria.For {
		if c.Key == key {
			return c, "for"
		}
	}
	for _, c := range g.Criteria.Against {
		if c.Key == key {
			return c, "against"
		}
	}
	return Criterion{Key: key}, ""
}

func (g *Guide) flag(key string) RedFlag {
	for _, r := range g.RedFlags {
		if r.Key == key {
			return r
		}
	}
	return RedFlag{Key: key}
}

var scriptTemplates = sync.OnceValues(func() (*template.Template, error) {
	t := template.New("negotiation").Option("missingkey=error").Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }})
	for _, name := range []string{"negotiation_email.tmpl", "negotiation_email_subject.tmpl", "negotiation_call.tmpl"} {
		b, err := content.ReadFile("offer/" + name)
		if err != nil {
			return nil, err
		}
		if _, err := t.New(name).Parse(string(b)); err != nil {
			return nil, fmt.Errorf("content: offer/%s: %w", name, err)
		}
	}
	return t, nil
})

// Plan is the negotiation plan for one offer.
type Plan struct {
	Offer     string           `json:"offer"`
	Negotiate bool             `json:"negotiate"`
	Decision  string           `json:"decision"` // the verdict and its main reason, in one sentence
	Criteria  []CriterionCheck `json:"criteria"`
	// Current is the offer's yearly figure: the four-year average of the
	// yearly total, or of its cash when the anchor is a range that leaves
	// equity out.
	Current     float64     `json:"current"`
	Anchor      *Anchor     `json:"anchor,omitempty"`
	Asks        []Ask       `json:"asks,omitempty"`
	AskedYearly float64     `json:"asked_yearly,omitempty"` // Current with every ask granted
	Shortfall   float64     `json:"shortfall,omitempty"`    // the yearly part of the gap the asks leave
	Note        string      `json:"note,omitempty"`
	AlsoAsk     []Extra     `json:"also_ask"`
	Email       *Email      `json:"email,omitempty"`
	Call        string      `json:"call,omitempty"`
	Missing     []string    `json:"missing,omitempty"` // the [bracketed] slots the user must fill
	RedFlags    []FlagCheck `json:"red_flags"`
	Checklist   []CheckItem `json:"checklist"`
}

// CriterionCheck is a criterion evaluated on the offer's data.
type CriterionCheck struct {
	Key    string `json:"key"`
	Side   string `json:"side"` // for or against negotiating
	Text   string `json:"text"`
	Why    string `json:"why"`
	Met    bool   `json:"met"`
	Detail string `json:"detail"`
}

// Anchor is the yearly figure a counter-offer aims at.
type Anchor struct {
	Kind   string  `json:"kind"` // competing, market or target
	Source string  `json:"source,omitempty"`
	Value  float64 `json:"value"`
	Gap    float64 `json:"gap"` // Value − Plan.Current
	Why    string  `json:"why"`
}

// Ask is one component of a counter-offer.
type Ask struct {
	Component string  `json:"component"` // base, signon or equity
	Name      string  `json:"name"`
	Unit      string  `json:"unit"` // usd, or shares for options
	Current   float64 `json:"current"`
	Asked     float64 `json:"asked"`
	Change    float64 `json:"change"`
	ChangePct float64 `json:"change_pct"`
	Yearly    float64 `json:"yearly"` // what it adds to the four-year average
	Note      string  `json:"note"`
}

// Extra is a component worth raising that has no arithmetic.
type Extra struct {
	Component string `json:"component"`
	Name      string `json:"name"`
	Current   string `json:"current"`
	Note      string `json:"note"`
}

// Email is a drafted negotiation email.
type Email struct {
	Subject string `json:"subject"`
	Body    string `json:"body"`
}

// FlagCheck is a red flag evaluated on the offer's data: triggered, clear, or
// check when offerloop cannot see it and the user must.
type FlagCheck struct {
	Key      string `json:"key"`
	Text     string `json:"text"`
	Status   string `json:"status"`
	Detail   string `json:"detail"`
	WhatToDo string `json:"what_to_do"`
}

// Negotiation plans every offer of f, whose comparison is c, as of now.
func Negotiation(f *File, c *Comparison, now time.Time) ([]Plan, error) {
	g, err := guide()
	if err != nil {
		return nil, err
	}
	if c == nil || len(c.Offers) != len(f.Offers) {
		return nil, fmt.Errorf("offer: the comparison does not match the offers file")
	}
	if err := validateNegotiationFields(f); err != nil {
		return nil, err
	}
	plans := make([]Plan, len(f.Offers))
	for i := range f.Offers {
		if c.Offers[i].Name != f.Offers[i].Name {
			return nil, fmt.Errorf("offer: the comparison does not match the offers file")
		}
		p, err := plan(g, f, c, i, now)
		if err != nil {
			return nil, err
		}
		plans[i] = p
	}
	return plans, nil
}

func validateNegotiationFields(f *File) error {
	if math.IsNaN(f.Target) || f.Target < 0 || f.Target > 1e9 {
		return errs.Invalidf("target must be between 0 and 1,000,000,000, not %v", f.Target)
	}
	if e := f.ExperienceYears; e != nil && (math.IsNaN(*e) || *e < 0 || *e > 70) {
		return errs.Invalidf("experience_years must be between 0 and 70, not %v", *e)
	}
	names := map[string]bool{}
	for _, o := range f.Offers {
		names[o.Name] = true
	}
	for _, n := range f.WouldAcceptAnyway {
		if !names[n] {
			return errs.Invalidf("would_accept_anyway names %q, which is not an offer in the file", n)
		}
	}
	for n := range f.Recruiters {
		if !names[n] {
			return errs.Invalidf("recruiters names %q, which is not an offer in the file", n)
		}
	}
	for i := range f.Offers {
		if _, err := deadlineOf(&f.Offers[i], time.UTC); err != nil {
			return err
		}
	}
	return nil
}

// deadlineOf is the end of the offer's deadline day (or the instant given),
// zero when there is none.
func deadlineOf(o *Offer, loc *time.Location) (time.Time, error) {
	s := strings.TrimSpace(o.Deadline)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	d, err := time.ParseInLocation("2006-01-02", s, loc)
	if err != nil {
		return time.Time{}, errs.Invalidf("offer %q: deadline %q is not a date (YYYY-MM-DD)", o.Name, o.Deadline)
	}
	return d.AddDate(0, 0, 1), nil
}

// average is the four-year average of an offer's yearly total with its own
// stock scenario, or of its cash (the total without equity) when cashOnly.
func average(o *Offer, cashOnly bool) float64 {
	sum := 0.0
	for _, y := range o.Years(o.StockGrowthPct) {
		sum += y.Total
		if cashOnly {
			sum -= y.Equity
		}
	}
	return sum / Horizon
}

func plan(g *Guide, f *File, c *Comparison, i int, now time.Time) (Plan, error) {
	o := &f.Offers[i]
	r := c.Offers[i]
	p := Plan{Offer: o.Name, Current: round2(r.Total4y / Horizon)}
	current := r.Total4y / Horizon

	// Other offers: the best yearly average among them.
	best, bestName := 0.0, ""
	for j, x := range c.Offers {
		if j != i && (bestName == "" || x.Total4y > best*Horizon) {
			best, bestName = x.Total4y/Horizon, x.Name
		}
	}
	others := len(c.Offers) - 1
	competingHigher := others > 0 && best > current

	pos := r.Market
	rangeText := fmt.Sprintf("the %d range for %s, %s–%s", c.MarketYear, marketLabel(pos), dollars(pos.Low), dollars(pos.High))
	marketDetail := ""
	switch pos.Position {
	case "below":
		marketDetail = fmt.Sprintf("%s a year is below %s", dollars(pos.Compared), rangeText)
	case "within":
		marketDetail = fmt.Sprintf("%s a year is within %s", dollars(pos.Compared), rangeText)
	case "above":
		marketDetail = fmt.Sprintf("%s a year is above %s", dollars(pos.Compared), rangeText)
	default:
		marketDetail = "no market position: " + pos.Note
	}

	little, expDetail := false, ""
	if f.ExperienceYears != nil {
		little = *f.ExperienceYears < littleExperienceYears
		expDetail = fmt.Sprintf("%s years of experience", trimFloat(*f.ExperienceYears))
	} else {
		little = o.Level == "junior"
		expDetail = fmt.Sprintf("experience_years not set; judged by the level (%s)", orDash(o.Level))
	}
	acceptRegardless := slices.Contains(f.WouldAcceptAnyway, o.Name)

	check := func(key string, met bool, detail string) {
		cr, side := g.criterion(key)
		p.Criteria = append(p.Criteria, CriterionCheck{Key: key, Side: side, Text: cr.Text, Why: cr.Why, Met: met, Detail: detail})
	}
	check("below-market", pos.Position == "below", marketDetail)
	switch {
	case others == 0:
		check("competing-offer", false, "no other offer in the file")
	case competingHigher:
		check("competing-offer", true, fmt.Sprintf("%s averages %s a year, %s more than this offer", bestName, dollars(best), dollars(best-current)))
	default:
		check("competing-offer", true, fmt.Sprintf("the best other offer, %s, averages %s a year, %s less than this one: an alternative, but no lever on pay", bestName, dollars(best), dollars(current-best)))
	}
	if len(f.RareSkills) > 0 {
		check("rare-skills", true, "you listed "+joinAnd(f.RareSkills))
	} else {
		check("rare-skills", false, "rare_skills not set in the file")
	}
	switch {
	case f.Target == 0:
		check("accept-if-higher", false, "target not set: add the yearly total you would sign for")
	case f.Target > current:
		check("accept-if-higher", true, fmt.Sprintf("your target of %s a year is %s above this offer's %s", dollars(f.Target), dollars(f.Target-current), dollars(current)))
	default:
		check("accept-if-higher", false, fmt.Sprintf("this offer's %s a year already meets your target of %s", dollars(current), dollars(f.Target)))
	}
	check("at-or-above-market", pos.Position == "within" || pos.Position == "above", marketDetail)
	noAlt := others == 0 && little
	check("no-alternatives-little-experience", noAlt, fmt.Sprintf("%d other offers; %s", others, expDetail))
	if f.NeedAnyJob {
		check("need-any-job", true, "need_any_job is set")
	} else {
		check("need-any-job", false, "need_any_job not set")
	}
	if acceptRegardless {
		check("accept-regardless", true, "this offer is listed in would_accept_anyway")
	} else {
		check("accept-regardless", false, "not listed in would_accept_anyway")
	}

	// The anchor: the larger evidence-backed gap (another offer that pays more,
	// the top of the market range), else the user's target.
	cashOnly := false
	var anchor *Anchor
	if competingHigher {
		anchor = &Anchor{Kind: "competing", Source: bestName, Value: best, Gap: best - current,
			Why: fmt.Sprintf("%s pays %s a year more; a real offer is the strongest evidence you can give", bestName, dollars(best-current))}
	}
	// A range is the anchor when the offer is below it, or within it with no
	// other offer paying more; below it with another offer paying more, the
	// larger gap wins.
	if (pos.Position == "below" || (pos.Position == "within" && !competingHigher)) && pos.High > pos.Compared {
		excl := math.Abs(pos.Compared-average(o, true)) < 0.01 && math.Abs(pos.Compared-current) >= 0.01
		if anchor == nil || pos.High-pos.Compared > anchor.Gap {
			why := fmt.Sprintf("the %d range for %s tops out at %s, %s a year above this offer", c.MarketYear, marketLabel(pos), dollars(pos.High), dollars(pos.High-pos.Compared))
			if excl {
				why += "; the range leaves equity out, so the gap is in cash"
			}
			if anchor != nil {
				why += fmt.Sprintf(", a larger gap than %s's %s", anchor.Source, dollars(anchor.Gap))
			}
			anchor = &Anchor{Kind: "market", Source: fmt.Sprintf("%d %s %s range", c.MarketYear, pos.Level, pos.CompanyKind),
				Value: pos.High, Gap: pos.High - pos.Compared, Why: why}
			cashOnly = excl
		}
	}
	if anchor == nil && f.Target > current {
		anchor = &Anchor{Kind: "target", Value: f.Target, Gap: f.Target - current,
			Why: fmt.Sprintf("no other offer pays more and the market range gives no room, so the ask is your own target, %s above this offer", dollars(f.Target-current))}
	}
	if anchor != nil && f.Target > 0 && anchor.Kind != "target" {
		if f.Target < anchor.Value {
			anchor.Why += fmt.Sprintf("; your target of %s is below it: treat the target as the least you accept", dollars(f.Target))
		} else if f.Target > anchor.Value {
			anchor.Why += fmt.Sprintf("; your target of %s is above what the evidence supports, so the ask stops here", dollars(f.Target))
		}
	}

	hard := []string{}
	if f.NeedAnyJob {
		hard = append(hard, "you need a job now whatever it pays")
	}
	if acceptRegardless {
		hard = append(hard, "you would accept this offer as it stands")
	}
	if noAlt {
		hard = append(hard, "you have no other offer and little experience")
	}
	leverage := pos.Position == "below" || competingHigher || len(f.RareSkills) > 0
	switch {
	case len(hard) > 0:
		p.Decision = "Don't counter: " + joinAnd(hard) + "."
		if pos.Position == "below" {
			p.Decision += " The offer is below market, so do ask how the figure was set."
		}
	case !leverage && (pos.Position == "within" || pos.Position == "above"):
		p.Decision = fmt.Sprintf("Don't counter: the offer is %s the market range and no other offer pays more.", map[string]string{"within": "within", "above": "above"}[pos.Position])
	case !leverage:
		p.Decision = "Don't counter: there is no market range for this offer and no other offer pays more, so nothing backs an ask."
	case anchor == nil:
		p.Decision = "Don't counter: nothing gives a figure to aim at; set target to the yearly total you would sign for."
	default:
		p.Negotiate = true
		p.Decision = "Negotiate: " + anchor.Why + "."
		if pos.Position == "within" || pos.Position == "above" {
			p.Decision += fmt.Sprintf(" That outweighs the offer being %s the market range.", pos.Position)
		}
	}

	p.AlsoAsk = extras(g, o)
	p.RedFlags = redFlags(g, o, pos, now)
	for _, it := range g.Checklist {
		if it.Key == "start-date" && o.StartDate != "" {
			it.Detail = "the offer names " + o.StartDate + "; have it confirmed in the signed letter"
		}
		p.Checklist = append(p.Checklist, it)
	}
	if !p.Negotiate {
		return p, nil
	}

	p.Anchor = anchor
	if cashOnly {
		current = average(o, true)
		p.Current = round2(current)
	}
	p.Anchor.Value, p.Anchor.Gap = round2(p.Anchor.Value), round2(p.Anchor.Value-current)
	asked, asks, note := counter(g, o, anchor.Value, cashOnly)
	p.Asks, p.Note = asks, note
	p.AskedYearly = round2(average(asked, cashOnly))
	if s := anchor.Value - p.AskedYearly; s > 0.5 {
		p.Shortfall = round2(s)
		if anchor.Kind == "competing" {
			p.Note = strings.TrimSpace(p.Note + fmt.Sprintf(" Even with every ask granted, %s pays %s a year more: decide whether the team, the work and the other factors are worth that difference.", anchor.Source, dollars(p.Shortfall)))
		} else {
			p.Note = strings.TrimSpace(p.Note + fmt.Sprintf(" The asks leave %s a year of the gap: that part is unlikely to move.", dollars(p.Shortfall)))
		}
	}
	if err := scripts(&p, f, o, pos, c.MarketYear, cashOnly, asks, now); err != nil {
		return p, err
	}
	return p, nil
}

// counter splits the gap between the offer and the anchor into asks: base up
// to its room first, then a sign-on bonus up to its cap, then equity up to its
// cap. Each is rounded up to a round figure ($1,000, or 100 options) and the
// effect of each is measured with the offer's own arithmetic.
func counter(g *Guide, o *Offer, target float64, cashOnly bool) (*Offer, []Ask, string) {
	a := *o
	a.Signon = slices.Clone(o.Signon)
	var asks []Ask
	var note []string
	gap := func() float64 { return target - average(&a, cashOnly) }
	add := func(ask Ask, before float64) {
		ask.Change = ask.Asked - ask.Current
		if ask.Current > 0 {
			ask.ChangePct = round2(ask.Change / ask.Current * 100)
		}
		ask.Yearly = round2(average(&a, cashOnly) - before)
		asks = append(asks, ask)
	}

	// Base: each dollar also raises the bonus and compounds with raises.
	if gp := gap(); gp > 0 {
		comp := g.component("base")
		per := perUnit(&a, cashOnly, func(x *Offer) { x.Base += 1000 }) / 1000
		limit := a.Base * comp.MaxAskPct / 100
		up := math.Min(roundUp(a.Base+gp/per, 1000), roundDown(a.Base+limit, 1000))
		if up <= a.Base {
			up = math.Min(a.Base+gp/per, a.Base+limit)
		}
		before := average(&a, cashOnly)
		cur := a.Base
		a.Base = up
		add(Ask{Component: "base", Name: comp.Name, Unit: "usd", Current: cur, Asked: up,
			Note: fmt.Sprintf("%s; at most %v%% here. Bonus and raises follow it", comp.Room, comp.MaxAskPct)}, before)
	}
	// Sign-on, once in year 1.
	if gp := gap(); gp > 0 {
		comp := g.component("signon")
		limit := o.Base * comp.MaxAskPct / 100
		s := math.Min(roundUp(gp*Horizon, 1000), roundDown(limit, 1000))
		if s <= 0 {
			s = math.Min(gp*Horizon, limit)
		}
		before := average(&a, cashOnly)
		cur := 0.0
		if len(a.Signon) == 0 {
			a.Signon = Amounts{0}
		}
		cur = a.Signon[0]
		a.Signon[0] += s
		add(Ask{Component: "signon", Name: comp.Name, Unit: "usd", Current: cur, Asked: cur + s,
			Note: fmt.Sprintf("paid once in year 1, %s; offerloop asks for at most %v%% of base", comp.Room, comp.MaxAskPct)}, before)
	}
	// Equity.
	if gp := gap(); gp > 0 {
		comp := g.component("equity")
		e := &a.Equity
		switch {
		case cashOnly:
			note = append(note, "The range leaves equity out, so the asks cover cash only; raise the grant separately.")
		case e.Type == "options" && e.Shares > 0:
			per := perUnit(&a, cashOnly, func(x *Offer) { x.Equity.Shares += 100 }) / 100
			if per <= 0 {
				note = append(note, "The options are worth nothing at the assumed share price, so more of them close no gap; ask about the strike price instead.")
				break
			}
			limit := e.Shares * comp.MaxAskPct / 100
			n := math.Min(roundUp(gp/per, 100), math.Floor(limit))
			before := average(&a, cashOnly)
			cur := e.Shares
			e.Shares += n
			add(Ask{Component: "equity", Name: comp.Name, Unit: "shares", Current: cur, Asked: cur + n,
				Note: fmt.Sprintf("options, %s; offerloop asks for at most %v%% more", comp.Room, comp.MaxAskPct)}, before)
		case e.Grant > 0:
			per := perUnit(&a, cashOnly, func(x *Offer) { x.Equity.Grant += 1000 }) / 1000
			limit := e.Grant * comp.MaxAskPct / 100
			n := math.Min(roundUp(gp/per, 1000), roundDown(limit, 1000))
			if n <= 0 {
				n = math.Min(gp/per, limit)
			}
			before := average(&a, cashOnly)
			cur := e.Grant
			e.Grant += n
			add(Ask{Component: "equity", Name: comp.Name, Unit: "usd", Current: cur, Asked: cur + n,
				Note: fmt.Sprintf("grant value at grant price, %s; offerloop asks for at most %v%% more", comp.Room, comp.MaxAskPct)}, before)
		default:
			note = append(note, "The offer has no equity; asking whether a grant is possible may close the rest.")
		}
	}
	return &a, asks, strings.Join(note, " ")
}

// perUnit is how much change moves the offer's four-year average.
func perUnit(o *Offer, cashOnly bool, change func(*Offer)) float64 {
	x := *o
	x.Signon = slices.Clone(o.Signon)
	change(&x)
	return average(&x, cashOnly) - average(o, cashOnly)
}

func roundUp(x, step float64) float64   { return math.Ceil(x/step-1e-9) * step }
func roundDown(x, step float64) float64 { return math.Floor(x/step+1e-9) * step }

func extras(g *Guide, o *Offer) []Extra {
	stated := func(s string) string {
		if s == "" {
			return "not stated"
		}
		return s
	}
	var out []Extra
	for _, k := range []string{"start-date", "remote", "learning-budget", "pto"} {
		comp := g.component(k)
		x := Extra{Component: k, Name: comp.Name, Note: comp.Note}
		switch k {
		case "start-date":
			x.Current = stated(o.StartDate)
		case "remote":
			x.Current = stated(o.Remote)
		case "learning-budget":
			x.Current = "none stated"
			if o.LearningBudget > 0 {
				x.Current = dollars(o.LearningBudget) + " a year"
			}
		case "pto":
			x.Current = "not stated"
			if o.PTODays > 0 {
				x.Current = fmt.Sprintf("%d days", o.PTODays)
			}
			if o.CompanyKind == "big-tech" {
				x.Note = "At a big company leave is set by policy for the level: spend your asks elsewhere unless it matters a lot to you."
			}
		}
		out = append(out, x)
	}
	return out
}

func redFlags(g *Guide, o *Offer, pos Position, now time.Time) []FlagCheck {
	var out []FlagCheck
	add := func(key, status, detail string) {
		r := g.flag(key)
		out = append(out, FlagCheck{Key: key, Text: r.Text, Status: status, Detail: detail, WhatToDo: r.WhatToDo})
	}
	dl, _ := deadlineOf(o, now.Location())
	switch left := dl.Sub(now); {
	case dl.IsZero():
		add("short-deadline", "check", "no deadline in the file: ask the recruiter for the decision date in writing")
	case left < 0:
		add("short-deadline", "triggered", fmt.Sprintf("the deadline, %s, has passed: ask whether the offer still stands", dl.Add(-time.Nanosecond).Format("Monday, January 2")))
	case left < shortDeadline:
		add("short-deadline", "triggered", fmt.Sprintf("the deadline, end of %s, is %d hours away", dl.Add(-time.Nanosecond).Format("Monday, January 2"), int(left.Hours())))
	default:
		add("short-deadline", "clear", fmt.Sprintf("the deadline, end of %s, is %d days away", dl.Add(-time.Nanosecond).Format("Monday, January 2"), int(left.Hours()/24)))
	}
	add("no-written-offer", "check", g.flag("no-written-offer").Question)
	e := o.Equity
	switch {
	case e.Grant == 0 && e.Shares == 0:
		add("vague-equity", "clear", "the offer has no equity")
	case len(e.Vesting) == 0 && e.Preset == "":
		add("vague-equity", "triggered", "no vesting schedule given; offerloop assumed 25% a year")
	case e.Type == "options" && e.Strike == 0:
		add("vague-equity", "triggered", "no strike price given for the options")
	default:
		sched := e.Preset
		if sched == "" {
			parts := make([]string, len(e.Vesting))
			for i, v := range e.Vesting {
				parts[i] = trimFloat(v)
			}
			sched = strings.Join(parts, "/")
		}
		d := "the grant and its vesting (" + sched + ") are stated"
		if e.CliffMonths == 0 {
			d += "; confirm whether there is a cliff"
		}
		add("vague-equity", "clear", d)
	}
	switch pos.Position {
	case "below":
		under := (pos.Low - pos.Compared) / pos.Low * 100
		if under > wellBelowPct {
			add("below-market-unexplained", "triggered", fmt.Sprintf("%s a year is %.0f%% under the range's low end of %s", dollars(pos.Compared), under, dollars(pos.Low)))
		} else {
			add("below-market-unexplained", "check", fmt.Sprintf("%s a year is %.0f%% under the range's low end of %s: has anyone explained why?", dollars(pos.Compared), under, dollars(pos.Low)))
		}
	case "within", "above":
		add("below-market-unexplained", "clear", "the offer is "+pos.Position+" the market range")
	default:
		add("below-market-unexplained", "check", "no market range for this level and company kind: compare it with current figures for the role")
	}
	add("resign-first", "check", g.flag("resign-first").Question)
	return out
}

type scriptAsk struct{ Phrase, From string }

type scriptData struct {
	Offer, Greeting                   string
	CurrentYearly, AskedYearly, Basis string
	Anchor, AnchorValue               string
	Competing                         string
	MarketYear                        int
	MarketLabel, MarketRange          string
	Skills                            string
	Asks                              []scriptAsk
	BaseFourYears                     string
	Deadline, ExtendTo                string
	ShortDeadline                     bool
}

var (
	levelWords = map[string]string{"junior": "junior", "mid": "mid-level", "senior": "senior", "staff": "staff"}
	kindWords  = map[string]string{"big-tech": "big-tech companies", "mid-size": "mid-size companies", "startup": "startups", "research-lab": "research labs"}
)

func marketLabel(pos Position) string {
	return fmt.Sprintf("%s ML engineers at %s", levelWords[pos.Level], kindWords[pos.CompanyKind])
}

func scripts(p *Plan, f *File, o *Offer, pos Position, year int, cashOnly bool, asks []Ask, now time.Time) error {
	t, err := scriptTemplates()
	if err != nil {
		return err
	}
	d := scriptData{
		Offer: o.Name, Greeting: strings.TrimSpace(f.Recruiters[o.Name]),
		CurrentYearly: dollars(p.Current), AskedYearly: dollars(p.AskedYearly),
		Anchor: p.Anchor.Kind, AnchorValue: dollars(p.Anchor.Value),
		MarketYear:  year,
		MarketLabel: marketLabel(pos),
		MarketRange: dollars(pos.Low) + "–" + dollars(pos.High),
		Skills:      joinAnd(f.RareSkills),
	}
	if p.Anchor.Kind == "competing" {
		d.Competing = p.Anchor.Source
	}
	if cashOnly {
		d.Basis = " in cash, leaving equity aside"
		d.MarketRange += " in cash before equity"
	}
	for _, a := range asks {
		switch a.Component {
		case "base":
			d.Asks = append(d.Asks, scriptAsk{"a base salary of " + dollars(a.Asked), dollars(a.Current)})
			d.BaseFourYears = dollars(a.Yearly * Horizon)
		case "signon":
			from := dollars(a.Current)
			if a.Current == 0 {
				from = ""
			}
			d.Asks = append(d.Asks, scriptAsk{"a sign-on bonus of " + dollars(a.Asked) + " in the first year", from})
		case "equity":
			if a.Unit == "shares" {
				d.Asks = append(d.Asks, scriptAsk{fmt.Sprintf("%s options", count(a.Asked)), count(a.Current)})
			} else {
				d.Asks = append(d.Asks, scriptAsk{"an equity grant worth " + dollars(a.Asked), dollars(a.Current)})
			}
		}
	}
	if dl, _ := deadlineOf(o, now.Location()); !dl.IsZero() {
		d.Deadline = dl.Add(-time.Nanosecond).Format("Monday, January 2")
		if dl.Sub(now) < shortDeadline {
			d.ShortDeadline = true
			d.ExtendTo = now.AddDate(0, 0, extendDays).Format("Monday, January 2")
		}
	}
	var body, subject, call strings.Builder
	for _, x := range []struct {
		name string
		w    *strings.Builder
	}{{"negotiation_email.tmpl", &body}, {"negotiation_email_subject.tmpl", &subject}, {"negotiation_call.tmpl", &call}} {
		if err := t.ExecuteTemplate(x.w, x.name, d); err != nil {
			return fmt.Errorf("negotiation script %s: %w", x.name, err)
		}
	}
	p.Email = &Email{Subject: strings.TrimSpace(subject.String()), Body: strings.TrimSpace(body.String()) + "\n"}
	p.Call = collapseBlank(strings.TrimSpace(call.String())) + "\n"
	p.Missing = slots(p.Email.Body + p.Call)
	return nil
}

// slots lists the distinct [bracketed] slots in a text, in order.
func slots(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			return out
		}
		if k := s[i+1 : i+j]; !slices.Contains(out, k) {
			out = append(out, k)
		}
		s = s[i+j+1:]
	}
}

func collapseBlank(s string) string {
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return s
}

func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func trimFloat(x float64) string { return fmt.Sprintf("%g", x) }

// dollars formats whole dollars with thousands separators: $1,234,567.
func dollars(x float64) string {
	if x < 0 {
		return "−" + dollars(-x)
	}
	return "$" + count(x)
}

func count(x float64) string {
	s := fmt.Sprintf("%.0f", x)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Names is a list of strings in YAML. It decodes through a generic value
// because the YAML library panics decoding some tagged values straight into a
// slice.
type Names []string

// UnmarshalYAML accepts a list of strings.
func (n *Names) UnmarshalYAML(unmarshal func(any) error) error {
	var v any
	if err := unmarshal(&v); err != nil {
		return err
	}
	l, ok := v.([]any)
	if !ok && v != nil {
		return fmt.Errorf("expected a list of names")
	}
	out := Names{}
	for _, x := range l {
		s, ok := x.(string)
		if !ok {
			return fmt.Errorf("expected a list of names, not %v", x)
		}
		out = append(out, s)
	}
	*n = out
	return nil
}
