package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/offer"
)

const offerUsage = `usage: offerloop offer compare FILE [--market FILE] [--json]
       offerloop offer plan FILE [--market FILE] [--json]

compare sets 1–5 offers side by side year by year; plan says, for each offer,
whether to negotiate and why, what to ask for with the numbers, an email and a
call script filled with them, the offer's red flags and what to have before
resigning. Both read a YAML file:

  offers:
    - name: Acme AI
      company_kind: big-tech        # big-tech, mid-size, startup, research-lab
      level: mid                    # junior, mid, senior, staff
      base: 185000
      bonus_target_pct: 15
      signon: [50000, 25000]        # year 1, year 2, ...; one number means year 1
      equity:
        grant: 400000               # RSU value at grant price
        vesting: [5, 15, 40, 40]    # percent per year, or preset: 25/25/25/25,
                                    # 5/15/40/40, 33/33/34, 38/32/20/10, 10/20/30/40,
                                    # monthly, quarterly
        cliff_months: 12
        refresher_annual: 0         # granted each year from year 2, same schedule
        # options instead: type: options, shares, strike, share_price
      stock_growth_pct: 0           # per year, on equity vesting after year 1
      raise_pct: 0                  # per year on base, from year 2
      retirement_match: 9000        # per year
      other_annual: 0
      relocation: 10000             # year 1
      deadline: 2026-12-10
      factors: {growth: 4, team: 5} # optional non-pay scores, 1–5
  weights: {pay: 3, growth: 2, team: 2}   # optional: rank by a weighted decision matrix

  # optional, for the plan:
  target: 320000                # the yearly total (four-year average) you want
  experience_years: 4           # unset: a junior level counts as little experience
  rare_skills: [LLM serving]    # skills few candidates have; the scripts name them
  need_any_job: false           # true: you must take a job now, whatever it pays
  would_accept_anyway: [Acme AI]  # offers you would take exactly as they are
  recruiters: {Acme AI: Dana}   # how to greet each offer's recruiter

Year n total = base_n + bonus_n + equity vesting in year n + sign-on for year n +
retirement match + other yearly value (+ relocation in year 1). The four-year
total is also shown with the stock at −30%, 0 and +30% a year, and each offer is
placed below, within or above the 2025 US range for its level and company kind
(--market loads a newer table in the same JSON shape as the one shipped).

The plan negotiates an offer when something backs an ask (it is below market,
another offer pays more, or you have rare skills) and nothing argues against
it (you need any job, would accept it as it is, or have no other offer and
under two years of experience). The ask aims at the other offer's yearly
average or the top of the market range, whichever is the larger gap (the
range only when no other offer pays more, unless the offer is below it), else
at your target; it asks for base first (at most 10% more), then a sign-on
bonus (at most 20% of base), then equity (at most double the grant). Deadlines
are read as the end of that day; under 48 hours from now is a red flag.
`

func runOffer(_ context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("offer needs a subcommand: compare or plan")
	}
	sub := args[0]
	switch sub {
	case "compare", "plan":
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, offerUsage)
		return nil
	default:
		return usagef("unknown offer subcommand %q", args[0])
	}
	f := newFlags(e, "offer "+sub, offerUsage, true)
	marketFile := f.String("market", "", "market ranges (JSON)")
	pos, err := f.parse(args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("offer %s needs one offers file (- for standard input)", sub)
	}
	data, err := readLimited(e, pos[0], offer.MaxFileBytes)
	if err != nil {
		return err
	}
	file, err := offer.Parse(data)
	if err != nil {
		return err
	}
	m, err := offer.DefaultMarket()
	if err != nil {
		return err
	}
	if *marketFile != "" {
		b, err := readLimited(e, *marketFile, offer.MaxFileBytes)
		if err != nil {
			return err
		}
		if m, err = offer.ParseMarket(b); err != nil {
			return err
		}
	}
	c, err := offer.Compare(file, m)
	if err != nil {
		return err
	}
	if sub == "plan" {
		now, loc, err := clock(e.getenv)
		if err != nil {
			return err
		}
		plans, err := offer.Negotiation(file, c, now().In(loc))
		if err != nil {
			return err
		}
		if f.wantJSON() {
			return printJSON(e.stdout, struct {
				Plans []offer.Plan `json:"plans"`
			}{plans})
		}
		printPlans(e.stdout, plans)
		return nil
	}
	if f.wantJSON() {
		return printJSON(e.stdout, c)
	}
	printComparison(e.stdout, c)
	return nil
}

// readLimited reads a file, or standard input for "-", refusing more than max bytes.
func readLimited(e *env, path string, max int64) ([]byte, error) {
	var r io.Reader = e.stdin
	if path != "-" {
		fh, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer fh.Close()
		r = fh
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, errs.E(errs.TooLarge, "%s is larger than %d KiB", path, max>>10)
	}
	return b, nil
}

func money(x float64) string {
	neg := x < 0
	if neg {
		x = -x
	}
	s := fmt.Sprintf("%.0f", x)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "−$" + b.String()
	}
	return "$" + b.String()
}

func printComparison(w io.Writer, c *offer.Comparison) {
	tw := tabwriter.NewWriter(w, 0, 4, 3, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "\t")
	for _, r := range c.Offers {
		fmt.Fprintf(tw, "%s\t", r.Name)
	}
	fmt.Fprintln(tw)
	for y := range offer.Horizon {
		fmt.Fprintf(tw, "Year %d\t", y+1)
		for _, r := range c.Offers {
			fmt.Fprintf(tw, "%s\t", money(r.Years[y].Total))
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprint(tw, "4-year total\t")
	best := 0.0
	for _, r := range c.Offers {
		best = max(best, r.Total4y)
		fmt.Fprintf(tw, "%s\t", money(r.Total4y))
	}
	fmt.Fprintln(tw)
	if len(c.Offers) > 1 {
		fmt.Fprint(tw, "vs the highest\t")
		for _, r := range c.Offers {
			if r.Total4y == best {
				fmt.Fprint(tw, "highest\t")
			} else {
				fmt.Fprintf(tw, "%s\t", money(r.Total4y-best))
			}
		}
		fmt.Fprintln(tw)
	}
	for _, s := range []string{"-30%", "+0%", "+30%"} {
		fmt.Fprintf(tw, "stock %s a year\t", strings.TrimPrefix(s, "+"))
		for _, r := range c.Offers {
			fmt.Fprintf(tw, "%s\t", money(r.Scenarios[s]))
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprintf(tw, "%d market range\t", c.MarketYear)
	for _, r := range c.Offers {
		if r.Market.Position == "unknown" {
			fmt.Fprint(tw, "no range\t")
			continue
		}
		fmt.Fprintf(tw, "%s (%s–%s)\t", r.Market.Position, money(r.Market.Low), money(r.Market.High))
	}
	fmt.Fprintln(tw)
	tw.Flush()
	fmt.Fprintln(w)
	for _, r := range c.Offers {
		y1 := r.Years[0]
		fmt.Fprintf(w, "%s, year 1: base %s + bonus %s + equity %s + sign-on %s + other %s = %s\n",
			r.Name, money(y1.Base), money(y1.Bonus), money(y1.Equity), money(y1.Signon), money(y1.Other), money(y1.Total))
		if r.Market.Note != "" && r.Market.Position != "unknown" {
			fmt.Fprintf(w, "  market: %s, %s a year against the range\n", r.Market.Note, money(r.Market.Compared))
		} else if r.Market.Note != "" {
			fmt.Fprintf(w, "  market: %s\n", r.Market.Note)
		}
	}
	fmt.Fprintf(w, "\nRanking (%s):\n", c.RankingNote)
	for i, name := range c.Ranking {
		fmt.Fprintf(w, "  %d. %s", i+1, name)
		for _, r := range c.Offers {
			if r.Name == name && r.Score > 0 {
				fmt.Fprintf(w, " (score %.2f)", r.Score)
			}
		}
		fmt.Fprintln(w)
	}
}

func printPlans(w io.Writer, plans []offer.Plan) {
	for i, p := range plans {
		if i > 0 {
			fmt.Fprintln(w)
		}
		verdict := "don't negotiate"
		if p.Negotiate {
			verdict = "negotiate"
		}
		fmt.Fprintf(w, "== %s: %s ==\n%s\n", p.Offer, verdict, p.Decision)
		for _, side := range []string{"for", "against"} {
			fmt.Fprintf(w, "\nReasons %s negotiating:\n", side)
			for _, c := range p.Criteria {
				if c.Side != side {
					continue
				}
				mark := "no "
				if c.Met {
					mark = "yes"
				}
				fmt.Fprintf(w, "  %s  %s: %s\n", mark, c.Text, c.Detail)
				if c.Met {
					fmt.Fprintf(w, "       %s\n", c.Why)
				}
			}
		}
		if p.Negotiate {
			a := p.Anchor
			fmt.Fprintf(w, "\nAnchor: %s a year (%s), %s above this offer's %s.\n  %s.\n", money(a.Value), a.Kind, money(a.Gap), money(p.Current), upperFirst(a.Why))
			fmt.Fprintln(w, "\nAsks:")
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			for _, x := range p.Asks {
				from, to, change := money(x.Current), money(x.Asked), "+"+money(x.Change)
				if x.Unit == "shares" {
					from, to, change = count(x.Current)+" options", count(x.Asked)+" options", "+"+count(x.Change)
				}
				pct := ""
				if x.Current > 0 && x.Component != "signon" {
					pct = fmt.Sprintf(" (%.1f%%)", x.ChangePct)
				}
				fmt.Fprintf(tw, "  %s\t%s → %s\t%s%s\t+%s a year\t%s\n", x.Name, from, to, change, pct, money(x.Yearly), x.Note)
			}
			tw.Flush()
			fmt.Fprintf(w, "  With every ask granted: %s a year, from %s.", money(p.AskedYearly), money(p.Current))
			if p.Shortfall > 0 {
				fmt.Fprintf(w, " %s a year short of the anchor.", money(p.Shortfall))
			}
			fmt.Fprintln(w)
			if p.Note != "" {
				fmt.Fprintf(w, "  %s\n", p.Note)
			}
		} else if p.Note != "" {
			fmt.Fprintf(w, "\n%s\n", p.Note)
		}
		fmt.Fprintln(w, "\nAlso worth raising:")
		for _, x := range p.AlsoAsk {
			fmt.Fprintf(w, "  %s (now: %s): %s\n", x.Name, x.Current, x.Note)
		}
		if p.Email != nil {
			fmt.Fprintf(w, "\nEmail\n  Subject: %s\n\n%s", p.Email.Subject, indent(p.Email.Body, "  "))
			fmt.Fprintf(w, "\nCall script\n%s", indent(p.Call, "  "))
			if len(p.Missing) > 0 {
				fmt.Fprintf(w, "\nFill in before sending: %s.\n", strings.Join(p.Missing, "; "))
			}
		}
		fmt.Fprintln(w, "\nRed flags:")
		for _, r := range p.RedFlags {
			fmt.Fprintf(w, "  %-9s  %s: %s\n", r.Status, r.Text, r.Detail)
			if r.Status != "clear" {
				fmt.Fprintf(w, "             %s\n", r.WhatToDo)
			}
		}
		fmt.Fprintln(w, "\nBefore you resign from your current job:")
		for _, c := range p.Checklist {
			fmt.Fprintf(w, "  [ ] %s: %s", c.Text, c.Why)
			if c.Detail != "" {
				fmt.Fprintf(w, " (%s)", c.Detail)
			}
			fmt.Fprintln(w)
		}
	}
}

// indent prefixes every non-empty line of s.
func indent(s, prefix string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			b.WriteString(prefix)
		}
		b.WriteString(l)
	}
	return b.String()
}

// count formats a number with thousands separators.
func count(x float64) string { return strings.TrimPrefix(money(x), "$") }

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
