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

Compares 1–5 offers year by year from a YAML file:

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

Year n total = base_n + bonus_n + equity vesting in year n + sign-on for year n +
retirement match + other yearly value (+ relocation in year 1). The four-year
total is also shown with the stock at −30%, 0 and +30% a year, and each offer is
placed below, within or above the 2025 US range for its level and company kind
(--market loads a newer table in the same JSON shape as the one shipped).
`

func runOffer(_ context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("offer needs a subcommand: compare")
	}
	switch args[0] {
	case "compare":
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, offerUsage)
		return nil
	default:
		return usagef("unknown offer subcommand %q", args[0])
	}
	f := newFlags(e, "offer compare", offerUsage, true)
	marketFile := f.String("market", "", "market ranges (JSON)")
	pos, err := f.parse(args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("offer compare needs one offers file (- for standard input)")
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
