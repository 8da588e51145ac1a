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
