package offer

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/offerloop/offerloop/internal/content"
	"github.com/offerloop/offerloop/internal/errs"
)

// planNow is the fixed clock of the tests: 38 hours before the end of Acme
// AI's deadline day, 2026-12-10.
var planNow = time.Date(2026, 12, 9, 10, 0, 0, 0, time.UTC)

func plans(t *testing.T, f *File, now time.Time) []Plan {
	t.Helper()
	for i := range f.Offers {
		if err := f.Offers[i].Validate(); err != nil {
			t.Fatal(err)
		}
	}
	m, err := DefaultMarket()
	if err != nil {
		t.Fatal(err)
	}
	c, err := Compare(f, m)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := Negotiation(f, c, now)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func years(x float64) *float64 { return &x }

type wantAsk struct {
	Component     string
	Asked, Yearly float64
}

func asksOf(p Plan) []wantAsk {
	var out []wantAsk
	for _, a := range p.Asks {
		out = append(out, wantAsk{a.Component, a.Asked, a.Yearly})
	}
	return out
}

func metKeys(p Plan) []string {
	var out []string
	for _, c := range p.Criteria {
		if c.Met {
			out = append(out, c.Key)
		}
	}
	return out
}

func flagStatus(p Plan, key string) string {
	for _, f := range p.RedFlags {
		if f.Key == key {
			return f.Status
		}
	}
	return ""
}

// The asks below were worked out by hand.
func TestNegotiationByHand(t *testing.T) {
	tests := []struct {
		name        string
		file        File
		negotiate   bool
		met         []string
		anchor      string
		current     float64
		anchorValue float64
		asks        []wantAsk
		asked       float64
		shortfall   float64
		flags       map[string]string
		decision    string // a substring
	}{
		{
			// $132,000 a year against the mid-size mid range $150,000–$220,000:
			// anchor the top, gap $88,000. Base: +10% = $132,000 (+$12,000,
			// +$13,200 a year with the 10% bonus). Sign-on: the $299,200 left over
			// four years is capped at 20% of base, $24,000 (+$6,000 a year).
			// No equity: $68,800 a year is left.
			name:      "below market, no equity",
			file:      File{ExperienceYears: years(4), Offers: []Offer{{Name: "Lowball", CompanyKind: "mid-size", Level: "mid", Base: 120000, BonusTargetPct: 10}}},
			negotiate: true, met: []string{"below-market"}, anchor: "market", current: 132000, anchorValue: 220000,
			asks:  []wantAsk{{"base", 132000, 13200}, {"signon", 24000, 6000}},
			asked: 151200, shortfall: 68800,
			flags:    map[string]string{"below-market-unexplained": "triggered", "short-deadline": "check", "vague-equity": "clear"},
			decision: "Negotiate: the 2025 range for mid-level ML engineers at mid-size companies tops out at $220,000, $88,000 a year above this offer.",
		},
		{
			// $220,000 cash + $100,000 equity = $320,000, above big-tech mid.
			// Rare skills and a $330,000 target: gap $10,000, base needs
			// 10,000/1.1 = $9,091 → $210,000 (+$11,000 a year), under the 10% cap.
			name: "rare skills and a target above",
			file: File{Target: 330000, RareSkills: []string{"LLM serving"}, ExperienceYears: years(6),
				Offers: []Offer{{Name: "Big", CompanyKind: "big-tech", Level: "mid", Base: 200000, BonusTargetPct: 10, Equity: Equity{Grant: 400000}}}},
			negotiate: true, met: []string{"rare-skills", "accept-if-higher", "at-or-above-market"}, anchor: "target", current: 320000, anchorValue: 330000,
			asks:  []wantAsk{{"base", 210000, 11000}},
			asked: 331000,
			flags: map[string]string{"vague-equity": "triggered", "below-market-unexplained": "clear"},
		},
		{
			// Within the range ($150,000 of $150,000–$220,000); the other offer
			// averages $170,000: anchor it, gap $20,000. Base +10% = $165,000
			// (+$15,000 a year); the $20,000 left over four years fits the
			// $30,000 sign-on cap (+$5,000 a year). Nothing is left.
			name: "competing offer pays more",
			file: File{Offers: []Offer{
				{Name: "Mid", CompanyKind: "mid-size", Level: "mid", Base: 150000, Deadline: "2026-12-10"},
				{Name: "Other", CompanyKind: "mid-size", Level: "mid", Base: 170000, Deadline: "2026-12-20"},
			}},
			negotiate: true, met: []string{"competing-offer", "at-or-above-market"}, anchor: "competing", current: 150000, anchorValue: 170000,
			asks:  []wantAsk{{"base", 165000, 15000}, {"signon", 20000, 5000}},
			asked: 170000,
			flags: map[string]string{"short-deadline": "triggered", "below-market-unexplained": "clear"},
		},
		{
			// A startup range leaves equity out: cash $120,000 against
			// $130,000–$180,000, 7.7% under the low end. Gap $60,000 in cash:
			// base +$12,000, sign-on $24,000 (+$6,000 a year), and the options
			// cannot count; $42,000 a year is left.
			name: "startup range in cash",
			file: File{ExperienceYears: years(3), Offers: []Offer{{Name: "Seed", CompanyKind: "startup", Level: "mid", Base: 120000,
				Equity: Equity{Type: "options", Shares: 10000, Strike: 1, SharePrice: 3, Preset: "25/25/25/25"}}}},
			negotiate: true, met: []string{"below-market"}, anchor: "market", current: 120000, anchorValue: 180000,
			asks:  []wantAsk{{"base", 132000, 12000}, {"signon", 24000, 6000}},
			asked: 138000, shortfall: 42000,
			flags: map[string]string{"below-market-unexplained": "check", "vague-equity": "clear"},
		},
		{
			name:      "needs any job",
			file:      File{NeedAnyJob: true, ExperienceYears: years(4), Offers: []Offer{{Name: "Lowball", CompanyKind: "mid-size", Level: "mid", Base: 120000}}},
			negotiate: false, met: []string{"below-market", "need-any-job"}, current: 120000,
			decision: "Don't counter: you need a job now whatever it pays. The offer is below market",
		},
		{
			name:      "junior with one offer",
			file:      File{Offers: []Offer{{Name: "First", CompanyKind: "big-tech", Level: "junior", Base: 160000}}},
			negotiate: false, met: []string{"at-or-above-market", "no-alternatives-little-experience"}, current: 160000,
			decision: "you have no other offer and little experience",
		},
		{
			name: "would accept anyway",
			file: File{WouldAcceptAnyway: []string{"Mid"}, Offers: []Offer{
				{Name: "Mid", CompanyKind: "mid-size", Level: "mid", Base: 150000},
				{Name: "Other", CompanyKind: "mid-size", Level: "mid", Base: 170000},
			}},
			negotiate: false, met: []string{"competing-offer", "at-or-above-market", "accept-regardless"}, current: 150000,
			decision: "you would accept this offer as it stands",
		},
		{
			name:      "above market, nothing more",
			file:      File{Target: 200000, Offers: []Offer{{Name: "Big", CompanyKind: "big-tech", Level: "mid", Base: 320000, Deadline: "2026-12-01"}}},
			negotiate: false, met: []string{"at-or-above-market"}, current: 320000,
			flags:    map[string]string{"short-deadline": "triggered"},
			decision: "above the market range and no other offer pays more",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := plans(t, &tc.file, planNow)[0]
			if p.Negotiate != tc.negotiate {
				t.Errorf("negotiate = %v (%s)", p.Negotiate, p.Decision)
			}
			if diff := cmp.Diff(tc.met, metKeys(p)); diff != "" {
				t.Errorf("criteria met (-want +got):\n%s", diff)
			}
			if tc.decision != "" && !strings.Contains(p.Decision, tc.decision) {
				t.Errorf("decision = %q, want it to contain %q", p.Decision, tc.decision)
			}
			if p.Current != tc.current {
				t.Errorf("current = %v, want %v", p.Current, tc.current)
			}
			if tc.negotiate {
				if p.Anchor == nil || p.Anchor.Kind != tc.anchor || p.Anchor.Value != tc.anchorValue || p.Anchor.Gap != tc.anchorValue-tc.current {
					t.Errorf("anchor = %+v, want %s at %v", p.Anchor, tc.anchor, tc.anchorValue)
				}
				if p.Email == nil || p.Call == "" {
					t.Errorf("no scripts")
				}
			} else if p.Anchor != nil || len(p.Asks) > 0 || p.Email != nil {
				t.Errorf("a plan not to negotiate has asks: %+v", p)
			}
			if diff := cmp.Diff(tc.asks, asksOf(p)); diff != "" {
				t.Errorf("asks (-want +got):\n%s", diff)
			}
			if p.AskedYearly != tc.asked || p.Shortfall != tc.shortfall {
				t.Errorf("asked %v short %v, want %v and %v", p.AskedYearly, p.Shortfall, tc.asked, tc.shortfall)
			}
			for k, want := range tc.flags {
				if got := flagStatus(p, k); got != want {
					t.Errorf("red flag %s = %q, want %q", k, got, want)
				}
			}
			if len(p.Checklist) != 3 || len(p.AlsoAsk) != 4 || len(p.RedFlags) != 5 {
				t.Errorf("checklist %d, also ask %d, red flags %d", len(p.Checklist), len(p.AlsoAsk), len(p.RedFlags))
			}
		})
	}
}

func TestNegotiationScripts(t *testing.T) {
	f := File{Recruiters: map[string]string{"Mid": "Dana"}, RareSkills: []string{"ranking", "LLM evaluation"}, Offers: []Offer{
		{Name: "Mid", CompanyKind: "mid-size", Level: "mid", Base: 150000, Deadline: "2026-12-10"},
		{Name: "Other", CompanyKind: "mid-size", Level: "mid", Base: 170000},
	}}
	p := plans(t, &f, planNow)[0]
	for _, want := range []string{"Hi Dana,", "$150,000 a year", "from Other,", "$170,000 a year", "a base salary of $165,000 (now $150,000)",
		"a sign-on bonus of $20,000 in the first year (not in the offer now)", "experience in ranking and LLM evaluation",
		"Could I also have until Wednesday, December 16", "[Your name]"} {
		if !strings.Contains(p.Email.Body, want) {
			t.Errorf("email lacks %q:\n%s", want, p.Email.Body)
		}
	}
	if strings.Contains(p.Email.Body, "[Recruiter") {
		t.Errorf("the recruiter is known, yet the email leaves a slot:\n%s", p.Email.Body)
	}
	for _, want := range []string{"Thanks for making time, Dana.", "Ask for more time first: until Wednesday, December 16",
		"a base salary of $165,000 and a sign-on bonus of $20,000 in the first year", "worth about $60,000 over four years", "My deadline is Thursday, December 10."} {
		if !strings.Contains(p.Call, want) {
			t.Errorf("call lacks %q:\n%s", want, p.Call)
		}
	}
	if diff := cmp.Diff([]string{"the project or problem that drew you to this role", "a result of yours that shows it", "Your name"}, p.Missing); diff != "" {
		t.Errorf("missing slots (-want +got):\n%s", diff)
	}
	if strings.Contains(p.Email.Body+p.Call, "<no value>") || strings.Contains(p.Call, "\n\n\n") {
		t.Errorf("unfilled template:\n%s\n%s", p.Email.Body, p.Call)
	}
}

func TestNegotiationInvalid(t *testing.T) {
	base := func() File {
		return File{Offers: []Offer{{Name: "A", Base: 100000}, {Name: "B", Base: 110000}}}
	}
	for name, mut := range map[string]func(*File){
		"target":     func(f *File) { f.Target = -1 },
		"experience": func(f *File) { f.ExperienceYears = years(-2) },
		"accept":     func(f *File) { f.WouldAcceptAnyway = []string{"C"} },
		"recruiter":  func(f *File) { f.Recruiters = map[string]string{"Z": "Sam"} },
		"deadline":   func(f *File) { f.Offers[0].Deadline = "next Friday" },
	} {
		f := base()
		mut(&f)
		m, _ := DefaultMarket()
		c, err := Compare(&f, m)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Negotiation(&f, c, planNow); errs.CodeOf(err) != errs.Invalid {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	f := base()
	if _, err := Negotiation(&f, &Comparison{}, planNow); err == nil {
		t.Error("a comparison of other offers was accepted")
	}
}

// Whatever the offer, every ask stays inside its cap and the asks never
// overshoot the anchor by more than the rounding to round figures.
func TestNegotiationAsksProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	kinds := []string{"big-tech", "mid-size", "startup"}
	lv := []string{"junior", "mid", "senior"}
	for i := range 500 {
		o := Offer{Name: "X", CompanyKind: kinds[rng.IntN(3)], Level: lv[rng.IntN(3)], Base: float64(60+rng.IntN(300)) * 1000,
			BonusTargetPct: float64(rng.IntN(25)), RaisePct: float64(rng.IntN(6))}
		if rng.IntN(2) == 0 {
			o.Equity = Equity{Grant: float64(rng.IntN(500)) * 1000, Preset: PresetNames[rng.IntN(len(PresetNames))]}
		}
		other := Offer{Name: "Y", CompanyKind: o.CompanyKind, Level: o.Level, Base: float64(60+rng.IntN(400)) * 1000}
		f := File{Offers: []Offer{o, other}, RareSkills: []string{"x"}, Target: float64(rng.IntN(600)) * 1000}
		p := plans(t, &f, planNow)[0]
		if !p.Negotiate {
			continue
		}
		sum := p.Current
		for _, a := range p.Asks {
			sum += a.Yearly
			switch a.Component {
			case "base":
				if a.ChangePct > 10+1e-9 || a.Change <= 0 {
					t.Fatalf("case %d: base ask %+v", i, a)
				}
			case "signon":
				if a.Change > 0.2*o.Base+1e-6 || a.Change <= 0 {
					t.Fatalf("case %d: sign-on ask %+v", i, a)
				}
			case "equity":
				if a.ChangePct > 100+1e-9 || a.Change <= 0 {
					t.Fatalf("case %d: equity ask %+v", i, a)
				}
			}
		}
		if math.Abs(sum-p.AskedYearly) > 0.05 {
			t.Fatalf("case %d: asks add %v to %v, but asked is %v", i, sum-p.Current, p.Current, p.AskedYearly)
		}
		// Rounding up adds under $1,000 of base (under $1,400 a year with a
		// bonus under 25% and raises under 6%), $1,000 of sign-on ($250 a
		// year) and $1,000 of grant (at most $250 a year): under $2,000.
		if p.AskedYearly > p.Anchor.Value+2000 {
			t.Fatalf("case %d: asked %v overshoots the anchor %v", i, p.AskedYearly, p.Anchor.Value)
		}
		if p.Shortfall > 0 && math.Abs(p.AskedYearly+p.Shortfall-p.Anchor.Value) > 0.05 {
			t.Fatalf("case %d: asked %v + shortfall %v ≠ anchor %v", i, p.AskedYearly, p.Shortfall, p.Anchor.Value)
		}
	}
}

func TestNegotiationGolden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "offers.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	ps := plans(t, f, planNow)
	got, _ := json.MarshalIndent(ps, "", "  ")
	golden := filepath.Join("testdata", "negotiation.golden.json")
	if *update {
		os.WriteFile(golden, append(got, '\n'), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(strings.TrimSpace(string(want)), strings.TrimSpace(string(got))); diff != "" {
		t.Errorf("plan differs from %s (run go test -update to accept):\n%s", golden, diff)
	}
	if ps[0].Negotiate || !ps[1].Negotiate || !ps[2].Negotiate || flagStatus(ps[0], "short-deadline") != "triggered" {
		t.Errorf("decisions: %q %q %q", ps[0].Decision, ps[1].Decision, ps[2].Decision)
	}
}

// The content file decodes strictly, has every key the code evaluates, and
// reads like a person wrote it: complete texts, no clichés, slots only in the
// scripts.
func TestNegotiationContent(t *testing.T) {
	var g Guide
	if err := content.DecodeJSON("offer/negotiation.json", &g); err != nil {
		t.Fatal(err)
	}
	if err := g.validate(); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, c := range append(append([]Criterion{}, g.Criteria.For...), g.Criteria.Against...) {
		if c.Text == "" || c.Why == "" {
			t.Errorf("criterion %s needs text and why", c.Key)
		}
		texts = append(texts, c.Text, c.Why)
	}
	for _, c := range g.Components {
		if c.Name == "" || c.Room == "" || c.Note == "" {
			t.Errorf("component %s needs name, room and note", c.Key)
		}
		texts = append(texts, c.Name, c.Room, c.Note)
	}
	for _, r := range g.RedFlags {
		if r.Text == "" || r.WhatToDo == "" {
			t.Errorf("red flag %s needs text and what_to_do", r.Key)
		}
		texts = append(texts, r.Text, r.WhatToDo, r.Question)
	}
	for _, c := range g.Checklist {
		if c.Text == "" || c.Why == "" {
			t.Errorf("checklist item %s needs text and why", c.Key)
		}
		texts = append(texts, c.Text, c.Why)
	}
	if c := g.component("base"); c.MaxAskPct != 10 || !strings.Contains(c.Room, "5–10%") {
		t.Errorf("base room %+v: the reference gives 5–10%%", c)
	}
	for _, name := range []string{"negotiation_email.tmpl", "negotiation_email_subject.tmpl", "negotiation_call.tmpl"} {
		b, err := content.ReadFile("offer/" + name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if _, err := scriptTemplates(); err != nil {
		t.Fatal(err)
	}
	cliche := regexp.MustCompile(`(?i)thrilled|passionate|synerg|touch base|circle back|finds you well|hit the ground running|win-win|at the end of the day|leverage my|excited to|world-class|dream job`)
	for i, s := range texts {
		if m := cliche.FindString(s); m != "" {
			t.Errorf("cliché %q in %q", m, s)
		}
		if i < len(texts)-3 && strings.ContainsAny(s, "[]") {
			t.Errorf("a [slot] outside the scripts: %q", s)
		}
	}
}

func FuzzNegotiation(f *testing.F) {
	f.Add("offers:\n  - name: A\n    base: 100000\n    deadline: 2026-12-10\n  - name: B\n    base: 150000\n    equity: {grant: 10, preset: 5/15/40/40}\ntarget: 200000\n")
	f.Add("offers: [{name: B, level: mid, company_kind: startup, base: 1e5, equity: {type: options, shares: 10, strike: 1, share_price: 2}}]\nrare_skills: [x]\nexperience_years: 1\n")
	f.Fuzz(func(t *testing.T, in string) {
		file, err := Parse([]byte(in))
		if err != nil {
			return
		}
		m, _ := DefaultMarket()
		c, err := Compare(file, m)
		if err != nil {
			t.Fatal(err)
		}
		ps, err := Negotiation(file, c, planNow)
		if err != nil {
			if errs.CodeOf(err) != errs.Invalid {
				t.Fatalf("code %q: %v", errs.CodeOf(err), err)
			}
			return
		}
		for _, p := range ps {
			for _, a := range p.Asks {
				if math.IsNaN(a.Asked) || math.IsInf(a.Asked, 0) || a.Change < 0 {
					t.Fatalf("ask %+v", a)
				}
			}
			if p.Negotiate && p.Email == nil {
				t.Fatalf("plan to negotiate %s has no email", p.Offer)
			}
		}
	})
}
