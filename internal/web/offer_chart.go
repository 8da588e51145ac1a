package web

import (
	"fmt"
	"math"
	"strconv"

	"github.com/offerloop/offerloop/internal/offer"
)

// The offers page's charts are computed here and drawn by the template as
// plain SVG, as the funnel's Sankey diagram is: no script, a <title> on every
// mark, and a table with the same numbers beside each chart.

// yearChart is one year: a bar per offer in the offer's colour, its components
// stacked from the bottom (base, bonus, equity, sign-on, other), each a shade.
type yearChart struct {
	W, H   float64
	Year   int
	Bars   []yearBar
	Ticks  []yearTick
	Left   float64 // the plot's left edge
	Right  float64
	Bottom float64 // the baseline
	TickX  float64 // where the scale's labels end
}

type yearBar struct {
	Colour       string
	X, W         float64
	Segs         []yearSeg
	Total        string
	TotalY       float64
	Name         string // shortened to fit under the bar
	FullName     string
	NameX, NameY float64
	Title        string
}

type yearSeg struct {
	Class      string
	X, Y, W, H float64
	Title      string
}

type yearTick struct {
	Y, LabelY float64
	Label     string
}

const (
	bcW      = 460.0
	bcH      = 250.0
	bcLeft   = 52.0
	bcRight  = 10.0
	bcTop    = 22.0
	bcBottom = 34.0
)

// components are the stacked parts of a year, bottom first.
var components = []struct {
	Class, Label string
	get          func(offer.Year) float64
}{
	{"c-base", "Base", func(y offer.Year) float64 { return y.Base }},
	{"c-bonus", "Bonus", func(y offer.Year) float64 { return y.Bonus }},
	{"c-equity", "Equity", func(y offer.Year) float64 { return y.Equity }},
	{"c-signon", "Sign-on", func(y offer.Year) float64 { return y.Signon }},
	{"c-other", "Other", func(y offer.Year) float64 { return y.Other }},
}

// newYearChart draws year n (0-based) on a scale whose top is at least top.
func newYearChart(c *offer.Comparison, n int, top float64) *yearChart {
	ch := &yearChart{W: bcW, H: bcH, Year: n + 1, Left: bcLeft, Right: bcW - bcRight, Bottom: bcH - bcBottom, TickX: bcLeft - 6}
	step, max := niceScale(top, 4)
	plotH := ch.Bottom - bcTop
	y := func(v float64) float64 { return ch.Bottom - v/max*plotH }
	for v := 0.0; v <= max+step/2; v += step {
		ch.Ticks = append(ch.Ticks, yearTick{Y: r1(y(v)), LabelY: r1(y(v) + 4), Label: moneyShort(v)})
	}
	k := float64(len(c.Offers))
	slot := (ch.Right - ch.Left) / k
	bw := math.Min(72, slot*0.62)
	for i, r := range c.Offers {
		yr := r.Years[n]
		b := yearBar{Colour: "o" + strconv.Itoa(i), W: bw, FullName: r.Name}
		b.X = r1(ch.Left + slot*float64(i) + (slot-bw)/2)
		b.W = r1(bw)
		acc := 0.0
		for _, comp := range components {
			v := comp.get(yr)
			if v <= 0 {
				continue
			}
			seg := yearSeg{Class: comp.Class, X: b.X, W: b.W, Y: r1(y(acc + v)), H: r1(y(acc) - y(acc+v)),
				Title: fmt.Sprintf("%s, year %d: %s %s", r.Name, n+1, lower(comp.Label), money(v))}
			acc += v
			b.Segs = append(b.Segs, seg)
		}
		b.Total, b.TotalY = moneyShort(yr.Total), r1(y(acc)-6)
		b.Title = fmt.Sprintf("%s, year %d: %s in all", r.Name, n+1, money(yr.Total))
		b.Name, b.NameX, b.NameY = shorten(r.Name, int(slot/7.2)), r1(b.X+b.W/2), ch.Bottom+17
		ch.Bars = append(ch.Bars, b)
	}
	return ch
}

// niceScale picks a round step for about n intervals up to top, and the
// scale's top, a whole number of steps.
func niceScale(top float64, n int) (step, max float64) {
	if top <= 0 {
		return 1, float64(n)
	}
	raw := top / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if step = m * mag; step >= raw {
			break
		}
	}
	return step, math.Ceil(top/step-1e-9) * step
}

// shorten cuts a name to n characters with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if n < 4 {
		n = 4
	}
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func lower(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	if b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}

// scenarioChart is the four-year total of each offer under the three stock
// scenarios: a line from the −30% total to the +30% total, a dot for each, and
// a bar to the offer's own assumption.
type scenarioChart struct {
	W, H   float64
	Left   float64
	Right  float64
	Rows   []scenarioRow
	Ticks  []scenarioTick
	Bottom float64
	LabelY float64 // the scale's labels
	NameX  float64 // where the offers' names end
}

type scenarioRow struct {
	Colour     string
	Y, TextY   float64
	OwnY0      float64
	OwnY1      float64
	Name       string
	FullName   string
	X0, X1     float64 // −30% and +30%
	Dots       []scenarioDot
	Own        float64 // x of the offer's own assumption
	OwnTitle   string
	LabelX     float64
	Label      string
	LabelTitle string
}

type scenarioDot struct {
	X, Y  float64
	Class string
	Title string
}

type scenarioTick struct {
	X     float64
	Label string
}

const (
	scW     = 760.0
	scLeft  = 130.0
	scRight = 120.0
	scRowH  = 34.0
	scTop   = 10.0
)

func newScenarioChart(cards []offerCard) *scenarioChart {
	if len(cards) == 0 {
		return nil
	}
	top := 0.0
	for _, c := range cards {
		for _, v := range c.Scenarios {
			top = math.Max(top, float64(v))
		}
		top = math.Max(top, float64(c.Total4y))
	}
	ch := &scenarioChart{W: scW, Left: scLeft, Right: scW - scRight, NameX: scLeft - 12}
	step, max := niceScale(top, 5)
	x := func(v float64) float64 { return ch.Left + v/max*(ch.Right-ch.Left) }
	names := []string{"stock −30% a year", "stock flat", "stock +30% a year"}
	classes := []string{"down", "flat", "up"}
	for i, c := range cards {
		r := scenarioRow{Colour: c.Colour(), Y: scTop + scRowH*float64(i) + scRowH/2, Name: shorten(c.Name, 18), FullName: c.Name}
		r.TextY, r.OwnY0, r.OwnY1 = r.Y+4, r.Y-10, r.Y+10
		lo, hi := math.Min(float64(c.Scenarios[0]), float64(c.Scenarios[2])), math.Max(float64(c.Scenarios[0]), float64(c.Scenarios[2]))
		r.X0, r.X1 = r1(x(lo)), r1(x(hi))
		for j, v := range c.Scenarios {
			r.Dots = append(r.Dots, scenarioDot{X: r1(x(float64(v))), Y: r.Y, Class: classes[j], Title: fmt.Sprintf("%s, %s: %s over four years", c.Name, names[j], v)})
		}
		r.Own = r1(x(float64(c.Total4y)))
		r.OwnTitle = fmt.Sprintf("%s, as the file assumes: %s over four years", c.Name, c.Total4y)
		r.LabelX, r.Label = ch.Right+8, moneyShort(lo)+"–"+moneyShort(hi)
		r.LabelTitle = fmt.Sprintf("%s: %s to %s over four years, by the stock scenario", c.Name, money(lo), money(hi))
		ch.Rows = append(ch.Rows, r)
	}
	ch.Bottom = scTop + scRowH*float64(len(cards))
	for v := 0.0; v <= max+step/2; v += step {
		ch.Ticks = append(ch.Ticks, scenarioTick{X: r1(x(v)), Label: moneyShort(v)})
	}
	ch.LabelY = ch.Bottom + 16
	ch.H = ch.Bottom + 24
	return ch
}

// rangeBar places an offer's yearly figure against its market range.
type rangeBar struct {
	W, H       float64
	TrackEnd   float64
	RangeW     float64
	X0, X1     float64 // the range
	X          float64 // the offer's figure
	Class      string
	Title      string
	LowX, HiX  float64
	Low, High  string
	MarkLabel  string
	MarkAnchor string
}

func newRangeBar(p offer.Position) *rangeBar {
	if p.Position == "unknown" || p.High <= 0 {
		return nil
	}
	const w, h, pad = 260.0, 44.0, 10.0
	lo := math.Min(p.Low, p.Compared) * 0.85
	hi := math.Max(p.High, p.Compared) * 1.1
	x := func(v float64) float64 { return pad + (v-lo)/(hi-lo)*(w-2*pad) }
	b := &rangeBar{W: w, H: h, TrackEnd: w - 4, X0: r1(x(p.Low)), X1: r1(x(p.High)), X: r1(x(p.Compared)), Class: p.Position,
		LowX: r1(x(p.Low)), HiX: r1(x(p.High)), Low: moneyShort(p.Low), High: moneyShort(p.High), MarkLabel: moneyShort(p.Compared)}
	b.RangeW = r1(b.X1 - b.X0)
	b.Title = fmt.Sprintf("%s a year against a range of %s to %s: %s", money(p.Compared), money(p.Low), money(p.High), p.Position)
	b.MarkAnchor = "middle"
	switch {
	case b.X < pad+24:
		b.MarkAnchor = "start"
	case b.X > w-pad-24:
		b.MarkAnchor = "end"
	}
	return b
}

// r1 rounds a coordinate to a tenth of a unit, to keep the SVG short.
func r1(x float64) float64 { return math.Round(x*10) / 10 }
