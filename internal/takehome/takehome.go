// Package takehome reviews an ML take-home project the way a hiring reviewer
// would: static data-leakage detection over Python scripts and notebooks
// (leak.go), and the other red flags reviewers reject for (hygiene.go):
// README, tests, dependencies, hard-coded paths, notebooks that were not run
// top to bottom, committed data, seeds, baselines and metrics. Each finding
// has a stable rule id, a severity, a location and a fix; the report scores
// each category and the whole.
package takehome

import (
	"cmp"
	"slices"
	"strings"
)

// Severity ranks a finding: H is a red flag a reviewer may reject for.
type Severity string

// Severities, most serious first.
const (
	High   Severity = "H"
	Medium Severity = "M"
	Low    Severity = "L"
)

func (s Severity) rank() int {
	switch s {
	case High:
		return 0
	case Medium:
		return 1
	}
	return 2
}

// Finding is one red flag. Line is 1-based in the script, or within the cell
// for notebooks, where Cell is the 0-based index among code cells; Cell is
// nil for scripts and for findings about the project as a whole, and Line is
// 0 when the finding is about a whole file or the project.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Cell     *int     `json:"cell"`
	Excerpt  string   `json:"excerpt"`
	Message  string   `json:"message"`
	Fix      string   `json:"fix"`
}

// Report is the review of one project, notebook or script.
type Report struct {
	Path       string         `json:"path"`
	Score      int            `json:"score"`
	Categories map[string]int `json:"categories"`
	Findings   []Finding      `json:"findings"`
	// Checked counts what was looked at.
	Checked Counts `json:"checked"`
}

// Counts says what a check covered.
type Counts struct {
	Files     int `json:"files"`
	Scripts   int `json:"scripts"`
	Notebooks int `json:"notebooks"`
	CodeLines int `json:"code_lines"`
	// Unparsed lists Python files the parser could not read at all.
	Unparsed []string `json:"unparsed,omitempty"`
}

// Rule describes a rule of the catalogue.
type Rule struct {
	ID       string
	Category string
	Severity Severity // the usual severity; a finding may differ
	Weight   float64  // the rule's weight within its category
	Title    string
}

// Categories in report order, with their weight in the overall score.
var Categories = []struct {
	Name   string
	Weight float64
}{
	{"leakage", 4},
	{"evaluation", 2},
	{"reproducibility", 2},
	{"documentation", 1.5},
	{"testing", 1},
	{"dependencies", 1},
	{"structure", 1},
}

var leakageRules = []Rule{
	{"leakage/preprocessing", "leakage", High, 3, "Preprocessing fitted on data that includes the test rows"},
	{"leakage/overlap", "leakage", High, 3, "Training and test rows overlap"},
	{"leakage/multi-test", "leakage", High, 3, "The test set was used to choose a model"},
	{"leakage/cv-preprocessing", "leakage", High, 2, "Supervised preprocessing outside cross-validation"},
	{"leakage/temporal", "leakage", Medium, 2, "Time-derived features with a shuffled split"},
}

// RuleByID finds a rule of the catalogue.
func RuleByID(id string) (Rule, bool) {
	for _, r := range allRules() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

func allRules() []Rule {
	return append(slices.Clone(leakageRules), hygieneRules...)
}

// penalty is how much one finding of a severity takes off its rule's score.
func penalty(s Severity) float64 {
	switch s {
	case High:
		return 100
	case Medium:
		return 50
	}
	return 20
}

// score fills in the category and overall scores and sorts the findings:
// H first, then by file, cell and line. A rule scores 100 less the
// penalties of its findings (never below 0); a category is the weighted mean
// of its rules, and the overall score the weighted mean of the categories.
func (r *Report) score() {
	ruleScore := map[string]float64{}
	for _, f := range r.Findings {
		if _, ok := ruleScore[f.Rule]; !ok {
			ruleScore[f.Rule] = 100
		}
		ruleScore[f.Rule] = max(0, ruleScore[f.Rule]-penalty(f.Severity))
	}
	r.Categories = map[string]int{}
	var total, weights float64
	for _, c := range Categories {
		var sum, w float64
		for _, rule := range allRules() {
			if rule.Category != c.Name {
				continue
			}
			s, ok := ruleScore[rule.ID]
			if !ok {
				s = 100
			}
			sum += s * rule.Weight
			w += rule.Weight
		}
		cs := 100.0
		if w > 0 {
			cs = sum / w
		}
		r.Categories[c.Name] = int(cs + 0.5)
		total += cs * c.Weight
		weights += c.Weight
	}
	r.Score = int(total/weights + 0.5)
	// Any high-severity leak caps the overall score: a reviewer stops there.
	for _, f := range r.Findings {
		if f.Severity == High && strings.HasPrefix(f.Rule, "leakage/") && r.Score > 60 {
			r.Score = 60
		}
	}
	slices.SortStableFunc(r.Findings, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Severity.rank(), b.Severity.rank()),
			cmp.Compare(a.File, b.File),
			cmp.Compare(cellKey(a.Cell), cellKey(b.Cell)),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Rule, b.Rule),
		)
	})
}

func cellKey(c *int) int {
	if c == nil {
		return -1
	}
	return *c
}
