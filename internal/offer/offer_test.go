package offer

import (
	"encoding/json"
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/offerloop/offerloop/internal/errs"
)

var update = flag.Bool("update", false, "rewrite golden files")

func totals(ys []Year) []float64 {
	out := make([]float64, len(ys))
	for i, y := range ys {
		out[i] = y.Total
	}
	return out
}

func equities(ys []Year) []float64 {
	out := make([]float64, len(ys))
	for i, y := range ys {
		out[i] = y.Equity
	}
	return out
}

// The figures below were worked out by hand from the formula in the issue.
func TestYearsByHand(t *testing.T) {
	acme := Offer{Name: "Acme AI", Base: 185000, BonusTargetPct: 15, Signon: Amounts{50000, 25000},
		Equity: Equity{Grant: 400000, Vesting: []float64{5, 15, 40, 40}, CliffMonths: 12}, RetirementMatch: 9000, Relocation: 10000}
	want := []Year{
		{1, 185000, 27750, 20000, 50000, 19000, 301750},
		{2, 185000, 27750, 60000, 25000, 9000, 306750},
		{3, 185000, 27750, 160000, 0, 9000, 381750},
		{4, 185000, 27750, 160000, 0, 9000, 381750},
	}
	if diff := cmp.Diff(want, acme.Years(0)); diff != "" {
		t.Errorf("the issue's example (-want +got):\n%s", diff)
	}
	raise := Offer{Name: "B", Base: 100000, BonusTargetPct: 10, RaisePct: 5, Signon: Amounts{20000},
		Equity: Equity{Grant: 100000, Preset: "25/25/25/25"}}
	want = []Year{
		{1, 100000, 10000, 25000, 20000, 0, 155000},
		{2, 105000, 10500, 27500, 0, 0, 143000},
		{3, 110250, 11025, 30250, 0, 0, 151525},
		{4, 115762.5, 11576.25, 33275, 0, 0, 160613.75},
	}
	if diff := cmp.Diff(want, raise.Years(10)); diff != "" {
		t.Errorf("raise 5%%, stock +10%% (-want +got):\n%s", diff)
	}
}

func TestPresetsByHand(t *testing.T) {
	tests := []struct {
		preset string
		want   []float64
	}{
		{"25/25/25/25", []float64{25000, 25000, 25000, 25000}},
		{"5/15/40/40", []float64{5000, 15000, 40000, 40000}},
		{"33/33/34", []float64{33000, 33000, 34000, 0}},
		{"38/32/20/10", []float64{38000, 32000, 20000, 10000}},
		{"10/20/30/40", []float64{10000, 20000, 30000, 40000}},
		{"monthly", []float64{25000, 25000, 25000, 25000}},
		{"quarterly", []float64{25000, 25000, 25000, 25000}},
	}
	for _, tt := range tests {
		o := Offer{Name: tt.preset, Base: 1, Equity: Equity{Grant: 100000, Preset: tt.preset, CliffMonths: 12}}
		if err := o.Validate(); err != nil {
			t.Fatal(err)
		}
		if got := equities(o.Years(0)); !cmp.Equal(got, tt.want) {
			t.Errorf("preset %s: equity by year %v, want %v", tt.preset, got, tt.want)
		}
	}
}

func TestOptionsAndRefreshersByHand(t *testing.T) {
	opt := Offer{Name: "Seed", Base: 1, Equity: Equity{Type: "options", Shares: 10000, Strike: 2, SharePrice: 5, Preset: "25/25/25/25"}}
	if got, want := equities(opt.Years(0)), []float64{7500, 7500, 7500, 7500}; !cmp.Equal(got, want) {
		t.Errorf("options flat: %v, want %v", got, want)
	}
	// −30% a year: price 5, 3.5, 2.45, 1.715; the last year is under water.
	if got, want := equities(opt.Years(-30)), []float64{7500, 3750, 1125, 0}; !cmp.Equal(got, want) {
		t.Errorf("options at −30%%: %v, want %v", got, want)
	}
	ref := Offer{Name: "R", Base: 1, Equity: Equity{Grant: 100000, Preset: "25/25/25/25", RefresherAnnual: 40000}}
	if got, want := equities(ref.Years(0)), []float64{25000, 35000, 45000, 55000}; !cmp.Equal(got, want) {
		t.Errorf("with refreshers: %v, want %v", got, want)
	}
}

// TestProperties: with no growth and no refreshers, the equity that vests in
// the schedule's years adds up to the grant; every total is the sum of its parts.
func TestProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		n := 3 + rng.IntN(2)
		v := make([]float64, n)
		left := 100.0
		for i := range n - 1 {
			v[i] = math.Round(rng.Float64() * left)
			left -= v[i]
		}
		v[n-1] = left
		o := Offer{Name: "p", Base: 50000 + rng.Float64()*300000, BonusTargetPct: rng.Float64() * 30, RaisePct: rng.Float64() * 8,
			Signon: Amounts{rng.Float64() * 50000}, Equity: Equity{Grant: math.Round(rng.Float64() * 800000), Vesting: v},
			RetirementMatch: rng.Float64() * 10000, Relocation: rng.Float64() * 20000}
		if err := o.Validate(); err != nil {
			t.Fatal(err)
		}
		sum := 0.0
		for _, y := range o.Years(0) {
			sum += y.Equity
			if parts := y.Base + y.Bonus + y.Equity + y.Signon + y.Other; math.Abs(parts-y.Total) > 0.011 {
				t.Fatalf("year %d total %v != parts %v", y.Year, y.Total, parts)
			}
		}
		if math.Abs(sum-o.Equity.Grant) > 0.05 {
			t.Fatalf("vested %v of a %v grant (vesting %v)", sum, o.Equity.Grant, v)
		}
	}
}

func TestParseErrorsHaveLines(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unknown field", "offers:\n  - name: A\n    base: 100\n    bonus: 10\n", "[4:5]"},
		{"wrong type", "offers:\n  - name: A\n    base: lots\n", "[3:11]"},
		{"bad yaml", "offers:\n  - name: A\n   base: 1\n", "[3:"},
		{"vesting", "offers:\n  - name: A\n    base: 100\n    equity: {grant: 10, vesting: [50, 40]}\n", "adds up to 90%"},
		{"kind", "offers:\n  - name: A\n    base: 100\n    company_kind: bank\n", "company_kind \"bank\""},
		{"none", "offers: []\n", "between 1 and 5"},
		{"duplicate", "offers:\n  - {name: A, base: 1}\n  - {name: A, base: 2}\n", "two offers are named"},
		{"negative", "offers:\n  - {name: A, base: -5}\n", "between 0 and"},
		{"tag without a value", "offers: !000\n", "not valid YAML"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.in))
		if errs.CodeOf(err) != errs.Invalid || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Parse = %v, want an invalid error containing %q", tt.name, err, tt.want)
		}
	}
}

func TestCompareGolden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "offers.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	m, err := DefaultMarket()
	if err != nil {
		t.Fatal(err)
	}
	c, err := Compare(f, m)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.MarshalIndent(c, "", "  ")
	golden := filepath.Join("testdata", "offers.golden.json")
	if *update {
		os.WriteFile(golden, append(got, '\n'), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(strings.TrimSpace(string(want)), strings.TrimSpace(string(got))); diff != "" {
		t.Errorf("comparison differs from %s (run go test -update to accept):\n%s", golden, diff)
	}
	if c.Offers[0].Total4y != 1372000 || c.Offers[0].Market.Position != "above" {
		t.Errorf("Acme = %+v", c.Offers[0])
	}
}

func FuzzParse(f *testing.F) {
	f.Add("offers:\n  - name: A\n    base: 100\n    signon: 5\n    equity: {grant: 10, preset: 5/15/40/40}\n")
	f.Add("offers: [{name: B, base: 1e5, equity: {type: options, shares: 10, strike: 1, share_price: 2}}]\nweights: {pay: 3}\n")
	f.Fuzz(func(t *testing.T, in string) {
		file, err := Parse([]byte(in))
		if err != nil {
			if c := errs.CodeOf(err); c != errs.Invalid && c != errs.TooLarge {
				t.Fatalf("code %q: %v", c, err)
			}
			return
		}
		m, _ := DefaultMarket()
		c, err := Compare(file, m)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range c.Offers {
			if math.IsNaN(r.Total4y) || math.IsInf(r.Total4y, 0) {
				t.Fatalf("total %v", r.Total4y)
			}
		}
	})
}
