package resume

import (
	"strings"
	"testing"
	"time"
)

func lexicon(t testing.TB) *Lexicon {
	t.Helper()
	l, err := LoadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func init() {
	refNow = func() time.Time { return time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC) }
}

func codes(b Bullet) string { return strings.Join(b.Findings, " ") }

// Each bullet check with a passing and a failing example.
func TestBulletChecks(t *testing.T) {
	l := lexicon(t)
	tests := []struct {
		code string
		bad  string
		good string
	}{
		{"bullet/weak-start", "Responsible for the ranking model that cut churn by 4%", "Cut churn 4% by retraining the ranking model weekly on fresh sessions"},
		{"bullet/no-metric", "Built a feature store for the fraud team using Feast and Redis", "Built a Feast feature store serving 40 features to 3 fraud models at 12 ms p99"},
		{"bullet/too-long", "Built an end to end pipeline that ingests clickstream events from Kafka, cleans and joins them with the product catalogue, computes session features in Spark, trains a gradient boosted ranker every night and publishes it, which lifted CTR by 3%",
			"Built a nightly Spark and LightGBM ranking pipeline that lifted CTR 3% over the heuristic baseline"},
		{"bullet/pronoun", "I trained a BERT classifier that raised F1 from 0.71 to 0.83 on the support-ticket test set", "Trained a BERT classifier that raised F1 from 0.71 to 0.83 on the support-ticket test set"},
		{"ml/metric-no-baseline", "Trained a CNN reaching 95% accuracy", "Trained a CNN reaching 95% accuracy on the held-out test set, up from 88% for the baseline"},
		{"ml/production-no-scale", "Deployed the recommendation model to production with a canary rollout and reduced errors by 10%", "Deployed the recommendation model to production at 8k QPS and 40 ms p99 latency"},
		{"ml/model-no-outcome", "Fine-tuned a BERT model for intent classification", "Fine-tuned a BERT model that cut intent misroutes 30% versus the keyword rules"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			r := &Report{}
			bad := l.checkBullet(r, tt.bad, "experience")
			if !strings.Contains(codes(bad), tt.code) {
				t.Errorf("bad example not flagged %s: %q got %v", tt.code, tt.bad, bad.Findings)
			}
			good := l.checkBullet(&Report{}, tt.good, "experience")
			if strings.Contains(codes(good), tt.code) {
				t.Errorf("good example flagged %s: %q", tt.code, tt.good)
			}
			if bad.Score >= good.Score {
				t.Errorf("bad scored %d, good %d", bad.Score, good.Score)
			}
			found := false
			for _, f := range r.Findings {
				if f.Code == tt.code {
					found = true
					if f.Text != tt.bad || f.Fix == "" || f.Message == "" || f.Points <= 0 {
						t.Errorf("finding incomplete: %+v", f)
					}
				}
			}
			if !found {
				t.Errorf("no report finding %s", tt.code)
			}
		})
	}
}

func doc(lines ...string) *Document {
	d := &Document{Format: FormatText, Pages: 1, Columns: 1}
	for _, s := range lines {
		ln := Line{Text: strings.TrimPrefix(s, "- "), Page: 1, Bullet: strings.HasPrefix(s, "- ")}
		if strings.HasPrefix(s, "# ") {
			ln.Text, ln.Heading = strings.TrimPrefix(s, "# "), true
		}
		d.Lines = append(d.Lines, ln)
	}
	return d
}

func finding(r *Report, code string) *Finding {
	for i := range r.Findings {
		if r.Findings[i].Code == code {
			return &r.Findings[i]
		}
	}
	return nil
}

var goodResume = []string{
	"Ada Park",
	"ada@example.com · +1 415 555 0100 · linkedin.com/in/adapark · github.com/adapark",
	"# Summary",
	"Machine learning engineer with 6 years building ranking and NLP systems in Python and PyTorch.",
	"# Skills",
	"Python, SQL, PyTorch, scikit-learn, Spark, Airflow, Kubernetes, AWS, A/B testing, NDCG, AUC",
	"# Experience",
	"Senior Machine Learning Engineer, Shoply — Mar 2022 – Present",
	"- Cut search abandonment 11% by shipping a two-tower retrieval model, NDCG@10 0.41 vs 0.36 baseline",
	"- Built a feature pipeline in Spark and Airflow serving 25 features at 9 ms p99 to 3 models",
	"Machine Learning Engineer, Datafy — Jan 2019 – Feb 2022",
	"- Trained a gradient boosted churn model that lifted retention 3% over the rules baseline",
	"- Reduced training cost 40% by moving jobs to spot instances on Kubernetes",
	"Data Scientist, Numera — Jun 2017 – Dec 2018",
	"- Designed A/B tests for 12 pricing experiments, raising revenue per visitor 5%",
	"# Projects",
	"- Built an open-source BERT toolkit with 1.2k GitHub stars, F1 0.88 vs 0.84 on the CoNLL test set",
	"# Education",
	"MS Computer Science, Stanford University, 2017",
}

// Format and contact checks, each with a passing and a failing resume.
func TestFormatAndContactChecks(t *testing.T) {
	l := lexicon(t)
	good := l.Check("good.txt", doc(goodResume...))
	for _, code := range []string{"contact/no-email", "contact/no-phone", "contact/no-linkedin", "contact/no-portfolio", "format/missing-section", "format/section-order", "format/date-styles", "format/pages", "bullet/none"} {
		if f := finding(good, code); f != nil {
			t.Errorf("the good resume is flagged %s: %+v", code, f)
		}
	}
	if good.Years < 9 || good.Years > 9.6 {
		t.Errorf("years of experience %.2f, want about 9.4", good.Years)
	}
	if strings.Join(good.Sections, ",") != "summary,skills,experience,projects,education" {
		t.Errorf("sections %v", good.Sections)
	}
	if good.Contact.Email != "ada@example.com" || !strings.Contains(good.Contact.Phone, "415") || len(good.Contact.Links) != 2 {
		t.Errorf("contact %+v", good.Contact)
	}

	var bad []string
	for _, s := range goodResume {
		switch {
		case strings.HasPrefix(s, "ada@"):
			s = "San Francisco"
		case s == "# Projects":
			continue
		case strings.Contains(s, "Datafy"):
			s = "Machine Learning Engineer, Datafy — 01/2019 – 02/2022"
		}
		bad = append(bad, s)
	}
	// Education first, two pages.
	edu := bad[len(bad)-2:]
	bad = append(append(append([]string{}, bad[:2]...), edu...), bad[2:len(bad)-2]...)
	d := doc(bad...)
	d.Pages, d.Tables, d.TextBoxes, d.Columns = 2, true, true, 2
	r := l.Check("bad.txt", d)
	for _, code := range []string{"contact/no-email", "contact/no-phone", "contact/no-linkedin", "contact/no-portfolio", "format/section-order", "format/date-styles", "format/pages", "format/tables", "format/text-boxes", "format/columns"} {
		if finding(r, code) == nil {
			t.Errorf("the bad resume is not flagged %s", code)
		}
	}
	if f := finding(r, "format/missing-section"); f == nil || f.Text != "projects" {
		t.Errorf("missing projects section: %+v", f)
	}
	if r.Score >= good.Score {
		t.Errorf("bad scored %d, good %d", r.Score, good.Score)
	}
	// Every point lost is a finding's.
	for _, rep := range []*Report{good, r} {
		lost := 0
		for _, p := range rep.Breakdown {
			lost += p.Lost
		}
		if rep.Score != 100-lost {
			t.Errorf("score %d but %d points lost", rep.Score, lost)
		}
	}
}

func TestMixedTense(t *testing.T) {
	l := lexicon(t)
	r := l.Check("t.txt", doc("# Experience", "Engineer, Acme — 2020 – 2022",
		"- Built a churn model that cut churn 3% over the baseline", "- Trained a ranker that lifted CTR 2%", "- Lead a team of 4 engineers shipping 6 models"))
	f := finding(r, "bullet/tense")
	if f == nil || !strings.HasPrefix(f.Text, "Lead a team") {
		t.Errorf("mixed tense: %+v", f)
	}
}

func TestSkillsTaxonomy(t *testing.T) {
	l := lexicon(t)
	cases := []struct {
		text string
		want string
	}{
		{"Deployed on k8s", "Kubernetes"}, {"Trained in torch and JAX", "PyTorch"}, {"Built NLP pipelines", "Natural language processing"},
		{"Used sklearn daily", "scikit-learn"},
	}
	for _, c := range cases {
		found := false
		for _, h := range l.matcher.find(c.text) {
			if strings.EqualFold(l.skillByID[h.Skill].Name, c.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: %s not found (hits %v)", c.text, c.want, l.matcher.find(c.text))
		}
	}
	// Ambiguous short aliases only as proper names.
	for _, h := range l.matcher.find("we go to the market and r is a letter") {
		t.Errorf("running text matched %s as %q", h.Skill, h.Alias)
	}
}

func TestMatchJD(t *testing.T) {
	l := lexicon(t)
	d := doc(goodResume...)
	r := l.Check("good.txt", d)
	jd := doc("Senior Machine Learning Engineer, Search",
		"# Requirements",
		"5+ years of experience building ML systems",
		"Strong Python and PyTorch; experience with k8s",
		"Experience with natural language processing",
		"MS or PhD in Computer Science",
		"# Nice to have",
		"Experience with TensorFlow and Go")
	m := l.MatchJD(r, d, jd.Lines)
	matched := map[string]Term{}
	for _, tm := range m.Matched {
		matched[tm.Term] = tm
	}
	missing := map[string]Term{}
	for _, tm := range m.Missing {
		missing[tm.Term] = tm
	}
	if tm, ok := matched["Kubernetes"]; !ok || !tm.Required || !strings.Contains(tm.Resume, "Kubernetes") || tm.JD != "Strong Python and PyTorch; experience with k8s" {
		t.Errorf("k8s ~ Kubernetes: %+v", tm)
	}
	if _, ok := missing["TensorFlow"]; !ok {
		t.Errorf("TensorFlow should be missing: %v", m.Missing)
	}
	if missing["TensorFlow"].Required {
		t.Error("TensorFlow is a nice-to-have")
	}
	if m.Score <= 0 || m.Score > 100 {
		t.Errorf("score %d", m.Score)
	}
	var sum, max float64
	for _, c := range m.Breakdown {
		sum += c.Points
		max += c.Max
	}
	var termSum float64
	for _, tm := range m.Matched {
		termSum += tm.Points
	}
	if d := termSum - sum; d > 0.01 || d < -0.01 {
		t.Errorf("terms give %.2f points, components %.2f: every point must be a term's", termSum, sum)
	}
	if _, ok := m.Breakdown["level_education"]; !ok {
		t.Error("no level and education component")
	}
}

func TestEitherOr(t *testing.T) {
	l := lexicon(t)
	d := doc("# Skills", "Python, PyTorch, SQL")
	r := l.Check("r.txt", d)
	m := l.MatchJD(r, d, doc("# Requirements", "Experience with PyTorch or TensorFlow", "Strong SQL and Spark").Lines)
	for _, tm := range m.Missing {
		if tm.Term == "TensorFlow" {
			t.Error("TensorFlow counted missing though PyTorch, its alternative, is there")
		}
	}
	spark := false
	for _, tm := range m.Missing {
		spark = spark || tm.Term == "Apache Spark"
	}
	if !spark {
		t.Errorf("Spark is required with SQL, not an alternative: missing %v", m.Missing)
	}
	// Headings: a short requirement line is not a heading.
	m = l.MatchJD(r, d, doc("Must have Python and SQL").Lines)
	if len(m.Matched) < 2 {
		t.Errorf("\"Must have Python and SQL\" lost its skills: %+v", m.Matched)
	}
}

func TestReviewRegressions(t *testing.T) {
	l := lexicon(t)
	r := l.Check("r.txt", doc("# Experience", "Engineer, Acme — May 2021 – June 2024", "Analyst, Beta — September 2019 – April 2021",
		"- Expanded the fraud model to the US and UK markets, cutting chargebacks by 30% over the rules baseline"))
	if f := finding(r, "format/date-styles"); f != nil {
		t.Errorf("full month names flagged as mixed styles: %+v", f)
	}
	if f := finding(r, "bullet/pronoun"); f != nil {
		t.Errorf("US read as a pronoun: %+v", f)
	}
	if y := l.Check("y.txt", doc("# Experience", "Engineer, Acme — 2019 – 2021")).Years; y < 2.9 || y > 3.1 {
		t.Errorf("2019 – 2021 is %.2f years, want 3", y)
	}
	d := doc("# Skills", "Python, Spark, SQL")
	m := l.MatchJD(l.Check("r.txt", d), d, doc("# Requirements", "Experience with Spark or Flink").Lines)
	if len(m.Missing) != 0 {
		t.Errorf("Spark or Flink with Spark on the resume: missing %+v", m.Missing)
	}
}
