package web

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/offerloop/offerloop/internal/offer"
	"github.com/offerloop/offerloop/internal/tracker"
)

// offersPageData is what templates/offers.html reads.
type offersPageData struct {
	base
	Empty       bool   // no offers saved: the empty state and the example
	YAML        string // the editor's text
	EditorOpen  bool   // the editor is shown open (empty state, or a mistake to fix)
	EditorError string
	Notice      string
	FileError   string // the saved file no longer reads

	C        *offer.Comparison
	Offers   []offerCard // in the file's order
	Years    []yearView
	Totals   *fourYears
	Ranked   []rankRow
	RankWhy  string // why the first offer is first
	Weighted bool
	Matrix   *matrixView

	Weights      []weightField
	WeightsError string

	Market      marketView
	MarketError string

	Deadlines        []deadlineRow
	DeadlinesPending bool // some deadline is not in the tracker yet
	Plans            []negotiationView
	PlansNote        string // why there is no negotiation plan

	Status      int // the response's status, for the editor's message
	DefaultYear int // the shipped market table's year
}

// EditorRows fits the editor to its text, within reason.
func (d *offersPageData) EditorRows() int {
	return min(max(strings.Count(d.YAML, "\n")+2, 14), 40)
}

// offerCard is one offer's summary.
type offerCard struct {
	I         int // colour index, o0…o4
	Name      string
	Kind      tracker.CompanyKind
	Level     string
	Location  string
	Total4y   usd
	Diff      usd // to the highest four-year total: 0 or negative
	Rank      int
	Score     float64
	Market    offer.Position
	Deadline  string
	Scenarios [3]usd // four-year total with the stock −30%, 0, +30% a year
}

// usd is an amount of money the templates print as whole dollars.
type usd float64

func (u usd) String() string { return money(float64(u)) }

// Short is the amount in thousands, for tight places.
func (u usd) Short() string { return moneyShort(float64(u)) }

// DiffLabel says how far the offer is from the highest four-year total.
func (o offerCard) DiffLabel() string {
	if o.Diff >= -0.5 {
		return "the highest"
	}
	return o.Diff.String() + " vs the highest"
}

// Colour is the offer's class for charts and keys.
func (o offerCard) Colour() string { return "o" + strconv.Itoa(o.I) }

type yearView struct {
	Year  int
	Rows  []yearRow
	Chart *yearChart
}

type yearRow struct {
	Label string
	Cells []usd
	Total bool
}

type fourYears struct {
	Best  usd
	Chart *scenarioChart
}

type rankRow struct {
	Rank  int
	Card  offerCard
	Score float64
}

// matrixView is the weighted decision matrix: a row per weighed name, a
// column per offer.
type matrixView struct {
	Rows     []matrixRow
	Scores   []float64
	Total    float64 // sum of weights
	Unscored bool    // some offer has no score for a weighed factor
}

type matrixRow struct {
	Name   string
	Label  string
	Weight float64
	Cells  []matrixCell
}

type matrixCell struct {
	Score    float64
	Unscored bool // the offer has no score for this factor: it counts 3
}

type weightField struct {
	Name  string
	Label string
	Value string
	Used  bool // some offer is scored on it (always true for pay)
}

type marketView struct {
	M      *offer.Market
	Custom bool
	Note   string // why a loaded table was set aside
	Rows   []marketRow
}

type marketRow struct {
	Card                offerCard
	Pos                 offer.Position
	Low, High, Compared usd
	Bar                 *rangeBar
}

// PosLabel says where the offer stands against its range.
func (m marketRow) PosLabel() string { return positionLabel(m.Pos.Position) }

// PosLabel says where the offer stands against its range.
func (o offerCard) PosLabel() string { return positionLabel(o.Market.Position) }

// buildOffersPage lays out the comparison of the saved file.
func (s *Server) buildOffersPage(ctx context.Context, userID int64, st *offersState) (*offersPageData, error) {
	d := &offersPageData{YAML: st.YAML}
	d.Title, d.Nav = "Offers", "offers"
	d.Market = marketView{M: st.Market, Custom: st.Custom, Note: st.MarketErr}
	d.DefaultYear = st.Market.Year
	if st.Custom {
		if m, err := offer.DefaultMarket(); err == nil {
			d.DefaultYear = m.Year
		}
	}
	if strings.TrimSpace(st.YAML) == "" {
		d.Empty, d.EditorOpen = true, true
		d.YAML = offersExample(s.now().In(s.cfg.Loc))
		return d, nil
	}
	if st.FileErr != nil {
		d.FileError, d.EditorOpen = message(st.FileErr), true
		return d, nil
	}
	f := st.File
	c, err := offer.Compare(f, st.Market)
	if err != nil {
		return nil, err
	}
	d.C = c
	best := 0.0
	for _, r := range c.Offers {
		best = math.Max(best, r.Total4y)
	}
	rank := map[string]int{}
	for i, n := range c.Ranking {
		rank[n] = i + 1
	}
	for i, r := range c.Offers {
		o := f.Offers[i]
		card := offerCard{I: i, Name: r.Name, Kind: tracker.CompanyKind(o.CompanyKind), Level: levelLabel(tracker.Level(o.Level)),
			Location: o.Location, Total4y: usd(r.Total4y), Diff: usd(r.Total4y - best), Rank: rank[r.Name], Score: r.Score, Market: r.Market, Deadline: o.Deadline}
		for j, g := range offer.Scenarios {
			card.Scenarios[j] = usd(r.Scenarios[fmt.Sprintf("%+.0f%%", g)])
		}
		d.Offers = append(d.Offers, card)
	}
	d.Years = yearViews(c)
	d.Totals = &fourYears{Best: usd(best), Chart: newScenarioChart(d.Offers)}
	d.Weighted = len(f.Weights) > 0
	byName := map[string]offerCard{}
	for _, o := range d.Offers {
		byName[o.Name] = o
	}
	for _, n := range c.Ranking {
		card := byName[n]
		d.Ranked = append(d.Ranked, rankRow{Rank: card.Rank, Card: card, Score: card.Score})
	}
	if d.Weighted {
		d.Matrix = newMatrix(f, d.Offers, best)
	}
	d.RankWhy = rankWhy(d)
	d.Weights = weightFields(f)
	for _, o := range d.Offers {
		d.Market.Rows = append(d.Market.Rows, marketRow{Card: o, Pos: o.Market, Low: usd(o.Market.Low), High: usd(o.Market.High),
			Compared: usd(o.Market.Compared), Bar: newRangeBar(o.Market)})
	}
	if d.Deadlines, err = s.offerDeadlines(ctx, userID, f, false); err != nil {
		return nil, err
	}
	for _, r := range d.Deadlines {
		if r.Where == "pending" {
			d.DeadlinesPending = true
		}
	}
	d.Plans, d.PlansNote = s.negotiationPlans(ctx, userID, f, c, d.Offers)
	return d, nil
}

// yearViews are the side-by-side tables and charts of each year, all charts
// on one scale so that years compare at a glance.
func yearViews(c *offer.Comparison) []yearView {
	top := 0.0
	for _, r := range c.Offers {
		for _, y := range r.Years {
			top = math.Max(top, y.Total)
		}
	}
	var out []yearView
	for n := 0; n < offer.Horizon; n++ {
		v := yearView{Year: n + 1}
		rows := []struct {
			label string
			get   func(offer.Year) float64
		}{
			{"Base", func(y offer.Year) float64 { return y.Base }},
			{"Bonus", func(y offer.Year) float64 { return y.Bonus }},
			{"Equity", func(y offer.Year) float64 { return y.Equity }},
			{"Sign-on", func(y offer.Year) float64 { return y.Signon }},
			{"Other", func(y offer.Year) float64 { return y.Other }},
			{"Total", func(y offer.Year) float64 { return y.Total }},
		}
		for _, row := range rows {
			yr := yearRow{Label: row.label, Total: row.label == "Total"}
			for _, r := range c.Offers {
				yr.Cells = append(yr.Cells, usd(row.get(r.Years[n])))
			}
			v.Rows = append(v.Rows, yr)
		}
		v.Chart = newYearChart(c, n, top)
		out = append(out, v)
	}
	return out
}

// newMatrix lays out the decision matrix as offer.Compare scores it: pay is 5
// for the highest four-year total and in proportion below; a factor an offer
// has no score for counts 3.
func newMatrix(f *offer.File, cards []offerCard, best float64) *matrixView {
	m := &matrixView{}
	for _, n := range weightNames(f) {
		w, ok := f.Weights[n]
		if !ok || w == 0 {
			continue
		}
		row := matrixRow{Name: n, Label: factorLabel(n), Weight: w}
		for i, o := range f.Offers {
			cell := matrixCell{Score: 3}
			if n == "pay" {
				cell.Score = 0
				if best > 0 {
					cell.Score = math.Round(500*float64(cards[i].Total4y)/best) / 100
				}
			} else if v, ok := o.Factors[n]; ok {
				cell.Score = v
			} else {
				cell.Unscored, m.Unscored = true, true
			}
			row.Cells = append(row.Cells, cell)
		}
		m.Total += w
		m.Rows = append(m.Rows, row)
	}
	for _, c := range cards {
		m.Scores = append(m.Scores, c.Score)
	}
	return m
}

func weightFields(f *offer.File) []weightField {
	used := map[string]bool{"pay": true}
	for _, o := range f.Offers {
		for k := range o.Factors {
			used[k] = true
		}
	}
	var out []weightField
	for _, n := range weightNames(f) {
		v := ""
		if w, ok := f.Weights[n]; ok {
			v = strconv.FormatFloat(w, 'f', -1, 64)
		}
		out = append(out, weightField{Name: n, Label: factorLabel(n), Value: v, Used: used[n]})
	}
	return out
}

// money is whole dollars with thousands separators: $1,372,000.
func money(x float64) string {
	neg := x < 0
	n := int64(math.Round(math.Abs(x)))
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg && n != 0 {
		return "−$" + b.String()
	}
	return "$" + b.String()
}

// moneyShort is money in thousands for chart labels: $343k, $1.37M.
func moneyShort(x float64) string {
	switch a := math.Abs(x); {
	case a >= 1e6:
		return "$" + strconv.FormatFloat(math.Round(x/1e4)/100, 'f', -1, 64) + "M"
	case a >= 1e3:
		return "$" + strconv.FormatFloat(math.Round(x/1e3), 'f', -1, 64) + "k"
	}
	return money(x)
}

// positionLabel says where an offer stands against its range.
func positionLabel(p string) string {
	switch p {
	case "below":
		return "Below range"
	case "within":
		return "Within range"
	case "above":
		return "Above range"
	}
	return "No range"
}

// rankWhy says why the first offer beats the second: by how much it pays more,
// or on which rows of the decision matrix it wins and loses.
func rankWhy(d *offersPageData) string {
	if len(d.Ranked) < 2 {
		return ""
	}
	a, b := d.Ranked[0].Card, d.Ranked[1].Card
	if d.Matrix == nil {
		if a.Total4y-b.Total4y < 0.5 {
			return fmt.Sprintf("%s and %s pay the same over four years.", a.Name, b.Name)
		}
		return fmt.Sprintf("%s comes first: %s more over four years than %s, the next.", a.Name, a.Total4y-b.Total4y, b.Name)
	}
	type diff struct {
		label  string
		va, vb float64
		w      float64
	}
	var ahead, behind []diff
	for _, row := range d.Matrix.Rows {
		va, vb := row.Cells[a.I].Score, row.Cells[b.I].Score
		x := diff{strings.TrimSuffix(row.Label, " (four-year total)"), va, vb, row.Weight * math.Abs(va-vb)}
		switch {
		case va > vb:
			ahead = append(ahead, x)
		case va < vb:
			behind = append(behind, x)
		}
	}
	order := func(xs []diff) string {
		sort.SliceStable(xs, func(i, j int) bool { return xs[i].w > xs[j].w })
		var parts []string
		for _, x := range xs {
			parts = append(parts, fmt.Sprintf("%s (%s against %s)", x.label, num(x.va), num(x.vb)))
		}
		return joinAnd(parts)
	}
	var out string
	if a.Score == b.Score {
		out = fmt.Sprintf("%s and %s score the same, %s, and %s comes first on four-year total", a.Name, b.Name, num(a.Score), a.Name)
	} else {
		out = fmt.Sprintf("%s comes first with %s against %s for %s", a.Name, num(a.Score), num(b.Score), b.Name)
	}
	if len(ahead) > 0 {
		out += fmt.Sprintf(": it scores higher on %s", order(ahead))
	}
	if len(behind) > 0 {
		if len(ahead) == 0 {
			out += ", though"
		} else {
			out += ";"
		}
		out += fmt.Sprintf(" %s is ahead on %s", b.Name, order(behind))
	}
	return out + "."
}

// joinAnd joins "a", "b" and "c" as "a, b and c".
func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}
