package offer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/offerloop/offerloop/internal/content"
	"github.com/offerloop/offerloop/internal/errs"
)

// File is what `offerloop offer compare` reads.
type File struct {
	Offers  []Offer            `yaml:"offers"`
	Weights map[string]float64 `yaml:"weights"` // decision weights: "pay" and the factors' names

	// What the negotiation plan needs to know about the user.
	Target            float64           `yaml:"target"`              // the yearly total (four-year average) you want
	ExperienceYears   *float64          `yaml:"experience_years"`    // years of relevant experience; unset: judged by level
	RareSkills        Names             `yaml:"rare_skills"`         // skills few candidates have, named in the scripts
	NeedAnyJob        bool              `yaml:"need_any_job"`        // you must take a job now, whatever it pays
	WouldAcceptAnyway Names             `yaml:"would_accept_anyway"` // offers you would accept exactly as they are
	Recruiters        map[string]string `yaml:"recruiters"`          // offer name → how to greet its recruiter
}

// MaxFileBytes caps an offers file.
const MaxFileBytes = 1 << 20

// Parse reads an offers file, reporting mistakes with their line and column.
func Parse(data []byte) (*File, error) {
	if len(data) > MaxFileBytes {
		return nil, errs.E(errs.TooLarge, "the offers file is larger than 1 MiB")
	}
	var f File
	if err := decodeYAML(data, &f); err != nil {
		return nil, err
	}
	if len(f.Offers) < 1 || len(f.Offers) > 5 {
		return nil, errs.Invalidf("the file lists %d offers; compare between 1 and 5", len(f.Offers))
	}
	seen := map[string]bool{}
	for i := range f.Offers {
		if err := f.Offers[i].Validate(); err != nil {
			return nil, err
		}
		if seen[f.Offers[i].Name] {
			return nil, errs.Invalidf("two offers are named %q", f.Offers[i].Name)
		}
		seen[f.Offers[i].Name] = true
	}
	for k, w := range f.Weights {
		if math.IsNaN(w) || w < 0 || w > 10 {
			return nil, errs.Invalidf("weight %s must be between 0 and 10, not %v", k, w)
		}
	}
	return &f, nil
}

// decodeYAML decodes strictly. The YAML library panics on a few malformed
// inputs (a tag with no value, such as "offers: !000"); those are the user's
// mistakes like any other, so the panic becomes an error.
func decodeYAML(data []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errs.Invalidf("the file is not valid YAML (%v)", r)
		}
	}()
	if err := yaml.UnmarshalWithOptions(data, v, yaml.DisallowUnknownField(), yaml.Strict()); err != nil {
		return errs.Invalidf("%s", strings.TrimSpace(yaml.FormatError(err, false, true)))
	}
	return nil
}

// Market is a table of total-compensation ranges.
type Market struct {
	Year     int     `json:"year"`
	Region   string  `json:"region"`
	Currency string  `json:"currency"`
	Measure  string  `json:"measure"`
	Source   string  `json:"source"`
	Ranges   []Range `json:"ranges"`
}

// Range is the usual yearly total compensation of one level at one kind of
// company. Startup ranges leave equity out.
type Range struct {
	Level          string  `json:"level"`
	CompanyKind    string  `json:"company_kind"`
	Low            float64 `json:"low"`
	High           float64 `json:"high"`
	ExcludesEquity bool    `json:"excludes_equity,omitempty"`
}

// DefaultMarket is the range table shipped with offerloop.
func DefaultMarket() (*Market, error) {
	b, err := content.ReadFile("offer/market.json")
	if err != nil {
		return nil, err
	}
	return ParseMarket(b)
}

// ParseMarket reads a range table, such as a newer one the user loads.
func ParseMarket(b []byte) (*Market, error) {
	var m Market
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, errs.Invalidf("market ranges: %v", err)
	}
	if m.Year < 2000 || m.Year > 2100 || m.Source == "" || len(m.Ranges) == 0 {
		return nil, errs.Invalidf("market ranges need a year, a source and ranges")
	}
	for _, r := range m.Ranges {
		if !slices.Contains(levels, r.Level) || !slices.Contains(kinds, r.CompanyKind) || r.Low <= 0 || r.High < r.Low {
			return nil, errs.Invalidf("market range %+v is not valid", r)
		}
	}
	return &m, nil
}

// Lookup returns the range of a level and company kind.
func (m *Market) Lookup(level, kind string) (Range, bool) {
	for _, r := range m.Ranges {
		if r.Level == level && r.CompanyKind == kind {
			return r, true
		}
	}
	return Range{}, false
}

// Position places an offer against its range.
type Position struct {
	Level       string  `json:"level"`
	CompanyKind string  `json:"company_kind"`
	Low         float64 `json:"low"`
	High        float64 `json:"high"`
	Compared    float64 `json:"compared"` // the offer's yearly figure set against the range
	Position    string  `json:"position"` // below, within, above, or unknown when no range applies
	Note        string  `json:"note,omitempty"`
}

// Result is one offer's figures.
type Result struct {
	Name      string             `json:"name"`
	Years     []Year             `json:"years"`
	Total4y   float64            `json:"total_4y"`
	Scenarios map[string]float64 `json:"scenarios"` // four-year total with the stock at −30%, 0 and +30% a year
	Market    Position           `json:"market"`
	Score     float64            `json:"score,omitempty"` // the decision matrix's score, 0–5
}

// Comparison is the outcome of Compare.
type Comparison struct {
	Offers      []Result `json:"offers"`
	Ranking     []string `json:"ranking"`
	RankingNote string   `json:"ranking_note"`
	MarketYear  int      `json:"market_year"`
}

// Scenarios are the yearly stock changes every comparison shows side by side.
var Scenarios = []float64{-30, 0, 30}

// Compare computes every offer and ranks them: by the weighted decision matrix
// when the file gives weights, else by four-year total.
func Compare(f *File, m *Market) (*Comparison, error) {
	if m == nil {
		return nil, errors.New("offer: no market ranges")
	}
	c := &Comparison{MarketYear: m.Year}
	for i := range f.Offers {
		o := &f.Offers[i]
		r := Result{Name: o.Name, Years: o.Years(o.StockGrowthPct), Scenarios: map[string]float64{}}
		for _, y := range r.Years {
			r.Total4y += y.Total
		}
		r.Total4y = round2(r.Total4y)
		for _, g := range Scenarios {
			sum := 0.0
			for _, y := range o.Years(g) {
				sum += y.Total
			}
			r.Scenarios[fmt.Sprintf("%+.0f%%", g)] = round2(sum)
		}
		r.Market = position(o, r, m)
		c.Offers = append(c.Offers, r)
	}
	if len(f.Weights) > 0 {
		score(f, c)
		c.RankingNote = "ranked by the weighted decision matrix: pay scores 5 for the highest four-year total and falls in proportion; each factor is your 1–5 score; the score is the weighted mean"
	} else {
		c.RankingNote = "ranked by four-year total"
	}
	order := make([]int, len(c.Offers))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := c.Offers[order[a]], c.Offers[order[b]]
		if len(f.Weights) > 0 && x.Score != y.Score {
			return x.Score > y.Score
		}
		return x.Total4y > y.Total4y
	})
	for _, i := range order {
		c.Ranking = append(c.Ranking, c.Offers[i].Name)
	}
	return c, nil
}

func position(o *Offer, r Result, m *Market) Position {
	p := Position{Level: o.Level, CompanyKind: o.CompanyKind, Position: "unknown"}
	rg, ok := m.Lookup(o.Level, o.CompanyKind)
	if !ok {
		p.Note = fmt.Sprintf("no %d range for %s at %s", m.Year, orDash(o.Level), orDash(o.CompanyKind))
		return p
	}
	p.Low, p.High = rg.Low, rg.High
	sum := 0.0
	for _, y := range r.Years {
		sum += y.Total
		if rg.ExcludesEquity {
			sum -= y.Equity
		}
	}
	p.Compared = round2(sum / float64(len(r.Years)))
	p.Note = "the four-year average of the yearly total"
	if rg.ExcludesEquity {
		p.Note = "the four-year average of the yearly total without equity, as the range leaves equity out"
	}
	switch {
	case p.Compared < rg.Low:
		p.Position = "below"
	case p.Compared > rg.High:
		p.Position = "above"
	default:
		p.Position = "within"
	}
	return p
}

func orDash(s string) string {
	if s == "" {
		return "an unset value"
	}
	return s
}

// score fills each result's decision-matrix score: the weighted mean of pay
// (5 for the best four-year total, in proportion below it) and the user's 1–5
// factor scores; a factor an offer has no score for counts 3.
func score(f *File, c *Comparison) {
	best := 0.0
	for _, r := range c.Offers {
		best = math.Max(best, r.Total4y)
	}
	for i := range c.Offers {
		var sum, wsum float64
		for k, w := range f.Weights {
			v := 3.0
			if k == "pay" {
				v = 0
				if best > 0 {
					v = 5 * c.Offers[i].Total4y / best
				}
			} else if s, ok := f.Offers[i].Factors[k]; ok {
				v = s
			}
			sum += w * v
			wsum += w
		}
		if wsum > 0 {
			c.Offers[i].Score = math.Round(sum/wsum*100) / 100
		}
	}
}
