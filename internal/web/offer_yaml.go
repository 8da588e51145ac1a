package web

import (
	"fmt"
	"math"
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/offer"
)

// offersExample is what the editor starts from: two offers of different
// shapes, every field explained, in the file format the CLI reads. Its
// deadlines are commented out, so that saving the example unchanged leaves no
// tasks behind.
func offersExample(now time.Time) string {
	d1 := now.AddDate(0, 0, 14).Format("2006-01-02")
	d2 := now.AddDate(0, 0, 8).Format("2006-01-02")
	return fmt.Sprintf(`# Your offers, one entry each (two to five compare best). Money is US dollars
# a year unless a comment says otherwise. Replace this example with your own
# figures from the written offers, then save.
offers:
  - name: Northwind AI              # the company, as on your board
    company_kind: big-tech          # big-tech, mid-size, startup or research-lab
    level: mid                      # junior, mid, senior or staff
    base: 190000
    bonus_target_pct: 15            # target bonus, percent of base
    signon: [40000, 20000]          # paid in year 1, year 2, ...
    equity:
      grant: 360000                 # RSUs: value at grant price, whole grant
      preset: 25/25/25/25           # or 5/15/40/40, 33/33/34, 38/32/20/10,
                                    # 10/20/30/40, monthly, quarterly,
                                    # or your own: vesting: [5, 15, 40, 40]
      cliff_months: 12
    stock_growth_pct: 0             # yearly stock change to assume
    raise_pct: 3                    # yearly raise on base, from year 2
    retirement_match: 9000
    relocation: 10000               # paid in year 1
    # deadline: %s          # decision deadline: it goes to your tasks
    factors: {growth: 3, team: 4, work_life: 4, ml_core: 3}   # your scores, 1-5
  - name: Tessellate
    company_kind: startup
    level: mid
    base: 168000
    signon: 15000                   # one number: year 1
    equity:
      type: options                 # stock options: shares, strike, share price
      shares: 40000
      strike: 1.50
      share_price: 6.00
      preset: 25/25/25/25
      cliff_months: 12
      frequency: monthly
    stock_growth_pct: 20
    raise_pct: 4
    # deadline: %s
    factors: {growth: 5, team: 4, work_life: 2, ml_core: 5}
# How much each thing matters to you, 0-10. "pay" is the four-year total; the
# other names are the factors you scored above (growth, team, manager,
# work_life, remote, gpu_access, publication, on_call, ml_core: any you like).
weights: {pay: 3, growth: 2, team: 2, work_life: 1, ml_core: 1}
# For the negotiation plan (all optional):
target: 280000                      # the yearly total (four-year average) you want
# experience_years: 4               # unset: a junior level counts as little experience
# rare_skills: [LLM serving]        # skills few candidates have; the scripts name them
# need_any_job: false               # true: you must take a job now, whatever it pays
# would_accept_anyway: [Tessellate] # offers you would take exactly as they are
# recruiters: {Northwind AI: Dana}  # how to greet each offer's recruiter
`, d1, d2)
}

// weightNames are the decision matrix's rows: pay, then every factor an offer
// is scored on or the file weighs, alphabetically.
func weightNames(f *offer.File) []string {
	seen := map[string]bool{"pay": true}
	var names []string
	for _, o := range f.Offers {
		for k := range o.Factors {
			if !seen[k] {
				seen[k] = true
				names = append(names, k)
			}
		}
	}
	for k := range f.Weights {
		if !seen[k] {
			seen[k] = true
			names = append(names, k)
		}
	}
	sort.Strings(names)
	return append([]string{"pay"}, names...)
}

// readWeights reads one number from 0 to 10 for each name (field w_NAME); an
// empty field or 0 leaves that name out. typed receives the fields as sent.
func readWeights(r *http.Request, names []string, typed map[string]string) (map[string]float64, error) {
	out := map[string]float64{}
	var bad error
	for _, n := range names {
		v := formString(r, "w_"+n)
		typed[n] = v
		if v == "" {
			continue
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(x) || x < 0 || x > 10 {
			if bad == nil {
				bad = errs.Invalidf("the weight of %s must be a number from 0 to 10, not %q", factorLabel(n), v)
			}
			continue
		}
		if x > 0 {
			out[n] = x
		}
	}
	return out, bad
}

// setWeights returns the offers file with its weights replaced. It edits the
// weights node of the YAML and keeps the rest, comments included; should that
// not give back the same offers, it re-marshals the parsed file instead.
func setWeights(text string, f *offer.File, weights map[string]float64) (string, error) {
	flow := flowWeights(weights)
	want := *f
	want.Weights = nil
	check := func(out string) bool {
		g, err := offer.Parse([]byte(out))
		if err != nil || len(g.Weights) != len(weights) {
			return false
		}
		for k, v := range weights {
			if g.Weights[k] != v {
				return false
			}
		}
		g.Weights = nil
		return sameData(reflect.ValueOf(*g), reflect.ValueOf(want))
	}
	if out, err := replaceWeights(text, flow); err == nil && check(out) {
		return out, nil
	}
	all := *f
	all.Weights = weights
	if b, err := yaml.Marshal(&all); err == nil && check(string(b)) {
		return string(b), nil
	}
	// Never save a file that reads differently from what the user wrote.
	return "", errs.Invalidf("the weights could not be written into your offers file as it is written; set them under weights: in the editor instead")
}

// sameData is reflect.DeepEqual for plain data, except that a nil slice or
// map equals an empty one: a re-marshalled file writes "signon: []" where the
// user wrote nothing.
func sameData(a, b reflect.Value) bool {
	if a.Kind() != b.Kind() || a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameData(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			v := b.MapIndex(k)
			if !v.IsValid() || !sameData(a.MapIndex(k), v) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range a.NumField() {
			if !sameData(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameData(a.Elem(), b.Elem())
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// replaceWeights puts flow as the value of the top-level weights key, adding
// the key at the end when the file has none.
func replaceWeights(text, flow string) (string, error) {
	file, err := parser.ParseBytes([]byte(text), parser.ParseComments)
	if err != nil {
		return "", err
	}
	p, err := yaml.PathString("$.weights")
	if err != nil {
		return "", err
	}
	if _, err := p.FilterFile(file); err != nil {
		return strings.TrimRight(text, "\n") + "\nweights: " + flow + "\n", nil
	}
	if err := p.ReplaceWithReader(file, strings.NewReader(flow)); err != nil {
		return "", err
	}
	return strings.TrimRight(file.String(), "\n") + "\n", nil
}

var (
	plainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)
	// yamlWords read as something other than a string when plain.
	yamlWords = map[string]bool{"true": true, "false": true, "null": true, "yes": true, "no": true, "on": true, "off": true, "y": true, "n": true}
)

// flowWeights writes weights as a YAML flow mapping, pay first.
func flowWeights(weights map[string]float64) string {
	keys := make([]string, 0, len(weights))
	for k := range weights {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if (keys[i] == "pay") != (keys[j] == "pay") {
			return keys[i] == "pay"
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		name := k
		if !plainKey.MatchString(k) || yamlWords[strings.ToLower(k)] {
			name = strconv.Quote(k)
		}
		parts[i] = name + ": " + strconv.FormatFloat(weights[k], 'f', -1, 64)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// factorLabel names a factor for reading: "work_life" is "work life".
func factorLabel(k string) string {
	switch k {
	case "pay":
		return "pay (four-year total)"
	case "ml_core":
		return "ML is core to the business"
	case "gpu_access":
		return "GPU access"
	case "work_life":
		return "work-life balance"
	case "on_call":
		return "on-call load"
	}
	return strings.ReplaceAll(strings.ReplaceAll(k, "_", " "), "-", " ")
}
