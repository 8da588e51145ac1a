package web

import (
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/offer"
)

// FuzzSetWeights checks that writing weights into any valid offers file gives
// a file that reads back with the same offers and exactly the new weights.
func FuzzSetWeights(f *testing.F) {
	data, err := os.ReadFile("../offer/testdata/offers.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data), 3.0, "team")
	f.Add(offersExample(time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)), 0.5, "work_life")
	f.Add("offers:\n  - name: Solo\n    base: 100000\n", 10.0, "pay")
	f.Add("{offers: [{name: A, base: 1}], weights: {pay: 1}}", 2.0, "yes")
	f.Add("offers:\n- name: A\n  base: 1\nweights:\n  pay: 1 # money\n  team: 2\n...\n", 4.0, "a b")
	f.Add("offers:\n- name: 0\n  base: 1\n!000", 4.0, "0")
	f.Add("--- # doc\noffers:\n  - {name: \"A: b\", base: 1, factors: {\"x y\": 2}}\nweights: {}\n", 1.0, "x y")
	f.Fuzz(func(t *testing.T, text string, w float64, name string) {
		file, err := offer.Parse([]byte(text))
		// Names come from the file's own keys, so they are text.
		if err != nil || math.IsNaN(w) || w < 0 || w > 10 || name == "" || !utf8.ValidString(name) {
			return
		}
		weights := map[string]float64{"pay": 1}
		if w > 0 {
			weights[name] = w
		}
		out, err := setWeights(text, file, weights)
		if errs.CodeOf(err) == errs.Invalid {
			return // refused, the file untouched
		}
		if err != nil {
			t.Fatalf("setWeights(%q): %v", text, err)
		}
		g, err := offer.Parse([]byte(out))
		if err != nil {
			t.Fatalf("the rewritten file does not parse: %v\n%s", err, out)
		}
		if !sameData(reflect.ValueOf(g.Offers), reflect.ValueOf(file.Offers)) || !reflect.DeepEqual(g.Weights, weights) {
			t.Fatalf("the rewritten file reads as %+v, %v; want the same offers and %v\n%s", g.Offers, g.Weights, weights, out)
		}
	})
}

func TestFlowWeights(t *testing.T) {
	got := flowWeights(map[string]float64{"team": 2, "pay": 3, "yes": 1, "a b": 0.5, "1x": 1})
	want := `{pay: 3, "1x": 1, "a b": 0.5, team: 2, "yes": 1}`
	if got != want {
		t.Errorf("flowWeights = %s, want %s", got, want)
	}
}

// TestSetWeightsKeepsComments checks that the common files get their weights
// in place, comments and all, rather than re-marshalled.
func TestSetWeightsKeepsComments(t *testing.T) {
	for _, text := range []string{
		"# mine\noffers:\n  - name: A # first\n    base: 1\n    factors: {team: 3}\nweights: {pay: 1}\n# end\n",
		"offers:\n  - name: A\n    base: 1\n",
		offersExample(time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)),
	} {
		f, err := offer.Parse([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		out, err := setWeights(text, f, map[string]float64{"pay": 2, "team": 4})
		if err != nil {
			t.Fatalf("setWeights: %v", err)
		}
		if !strings.Contains(out, "weights: {pay: 2, team: 4}") || strings.Count(out, "#") != strings.Count(text, "#") {
			t.Errorf("setWeights(%q) =\n%s", text, out)
		}
	}
}
