package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestOfferCompare(t *testing.T) {
	c := newCLI(t)
	out := c.ok("offer", "compare", "../../internal/offer/testdata/offers.yaml")
	for _, want := range []string{"Acme AI", "$1,372,000", "4-year total", "above ($200,000–$300,000)", "1. Parcel"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	var got struct {
		Offers []struct {
			Name  string `json:"name"`
			Years []struct {
				Year                                      int
				Base, Bonus, Equity, Signon, Other, Total float64
			} `json:"years"`
			Total4y float64 `json:"total_4y"`
			Market  struct {
				Level, CompanyKind string
				Low, High          float64
				Position           string `json:"position"`
			} `json:"market"`
		} `json:"offers"`
		Ranking []string `json:"ranking"`
	}
	if err := json.Unmarshal([]byte(c.ok("offer", "compare", "../../internal/offer/testdata/offers.yaml", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Offers) != 3 || got.Offers[0].Total4y != 1372000 || len(got.Offers[0].Years) != 4 || got.Offers[0].Years[0].Total != 301750 || len(got.Ranking) != 3 {
		t.Errorf("json = %+v", got)
	}
	out, errOut, code := c.run("offers:\n  - name: A\n    base: 10\n    bonsu: 3\n", "offer", "compare", "-")
	if code != 1 || !strings.Contains(errOut, "[4:5]") {
		t.Errorf("bad file: exit %d, %q %q", code, out, errOut)
	}
	c.fails(2, "offer")
	c.fails(2, "offer", "compare")
	c.fails(1, "offer", "compare", "/no/such/file.yaml")
}

func TestOfferPlan(t *testing.T) {
	c := newCLI(t)
	c.now = "2026-12-09T10:00:00Z"
	out := c.ok("offer", "plan", "../../internal/offer/testdata/offers.yaml")
	for _, want := range []string{
		"== Acme AI: don't negotiate ==", "== Parcel: negotiate ==", "== Helio Health: negotiate ==",
		"Anchor: $343,000 a year (competing), $120,000 above this offer's $223,000.",
		"$170,000 → $187,000", "+$17,000 (10.0%)", "+$18,700 a year", "$120,000 → $240,000",
		"Subject: Helio Health offer: the numbers before I decide", "a base salary of $187,000 (now $170,000)",
		"triggered  Decision deadline less than 48 hours away: the deadline, end of Thursday, December 10, is 38 hours away",
		"[ ] Background check cleared", "Call script", "Fill in before sending: Recruiter's name",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	var got struct {
		Plans []struct {
			Offer     string `json:"offer"`
			Negotiate bool   `json:"negotiate"`
			Anchor    *struct {
				Kind  string  `json:"kind"`
				Value float64 `json:"value"`
			} `json:"anchor"`
			Asks []struct {
				Component string  `json:"component"`
				Asked     float64 `json:"asked"`
			} `json:"asks"`
			Email    *struct{ Subject, Body string } `json:"email"`
			RedFlags []struct{ Key, Status string }  `json:"red_flags"`
		} `json:"plans"`
	}
	c.json(&got, "offer", "plan", "../../internal/offer/testdata/offers.yaml")
	if len(got.Plans) != 3 || got.Plans[0].Negotiate || got.Plans[0].RedFlags[0].Status != "triggered" ||
		!got.Plans[2].Negotiate || got.Plans[2].Anchor.Value != 343000 || len(got.Plans[2].Asks) != 3 || got.Plans[2].Asks[0].Asked != 187000 ||
		got.Plans[2].Email == nil || !strings.Contains(got.Plans[2].Email.Body, "$187,000") {
		t.Errorf("json = %+v", got)
	}

	// The user's own fields: a target, rare skills and a recruiter's name.
	in := `offers:
  - name: Solo
    company_kind: mid-size
    level: mid
    base: 120000
    bonus_target_pct: 10
    deadline: 2026-12-10
target: 200000
experience_years: 4
rare_skills: [speech recognition]
recruiters: {Solo: Priya}
`
	out, errOut, code := c.run(in, "offer", "plan", "-")
	for _, want := range []string{"== Solo: negotiate ==", "Hi Priya,", "experience in speech recognition", "$120,000 → $132,000", "Could I also have until Wednesday, December 16"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("exit %d, output lacks %q:\n%s%s", code, want, out, errOut)
		}
	}
	c.now = "2026-11-25T10:00:00Z"
	if out := c.ok("offer", "plan", "../../internal/offer/testdata/offers.yaml"); !strings.Contains(out, "clear      Decision deadline less than 48 hours away: the deadline, end of Thursday, December 10, is 15 days away") {
		t.Errorf("deadline two weeks out:\n%s", out)
	}
	if _, errOut, code := c.run("offers:\n  - name: A\n    base: 10\nwould_accept_anyway: [B]\n", "offer", "plan", "-"); code != 1 || !strings.Contains(errOut, `"B"`) {
		t.Errorf("unknown offer in would_accept_anyway: exit %d, %q", code, errOut)
	}
	if _, errOut, code := c.run("offers:\n  - name: A\n    base: 10\ntarget: 1\ntargte: 2\n", "offer", "plan", "-"); code != 1 || !strings.Contains(errOut, "[5:1]") {
		t.Errorf("misspelt field: exit %d, %q", code, errOut)
	}
	c.fails(2, "offer", "plan")
	c.fails(2, "offer", "plan", "a.yaml", "b.yaml")
	c.fails(1, "offer", "plan", "/no/such/file.yaml")
	if out := c.ok("offer", "--help"); !strings.Contains(out, "offerloop offer plan FILE") || !strings.Contains(out, "would_accept_anyway") {
		t.Errorf("help:\n%s", out)
	}
}
