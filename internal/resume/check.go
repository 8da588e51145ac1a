package resume

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Severity of a finding.
const (
	High   = "high"
	Medium = "medium"
	Low    = "low"
)

// Finding is one problem found, with the exact text it refers to, a fix, and
// the points of the score it costs.
type Finding struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Category string `json:"category"` // format, contact, bullets, skills
	Message  string `json:"message"`
	Text     string `json:"text"`
	Fix      string `json:"fix"`
	Points   int    `json:"points"`
}

// Contact is what the contact line gives.
type Contact struct {
	Email string   `json:"email"`
	Phone string   `json:"phone"`
	Links []string `json:"links"`
}

// Bullet is one bullet with the codes of its findings and its own score.
type Bullet struct {
	Text     string   `json:"text"`
	Section  string   `json:"section"`
	Findings []string `json:"findings"`
	Score    int      `json:"score"`
}

// SkillFound is a taxonomy skill found in the resume.
type SkillFound struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Family string `json:"family"`
	Text   string `json:"text"` // the line it appears in
}

// Part is one category of the score: its maximum and what was lost.
type Part struct {
	Category string `json:"category"`
	Max      int    `json:"max"`
	Lost     int    `json:"lost"`
	Score    int    `json:"score"`
}

// Report is a checked resume.
type Report struct {
	File      string       `json:"file"`
	Format    Format       `json:"format"`
	Pages     int          `json:"pages"`
	Words     int          `json:"words"`
	Years     float64      `json:"years_experience"`
	Sections  []string     `json:"sections"`
	Contact   Contact      `json:"contact"`
	Bullets   []Bullet     `json:"bullets"`
	Skills    []SkillFound `json:"skills"`
	Findings  []Finding    `json:"findings"`
	Breakdown []Part       `json:"breakdown"`
	Match     *Match       `json:"match"`
	Score     int          `json:"score"`
}

// Score parts and their maximum points.
var partMax = []Part{{Category: "format", Max: 30}, {Category: "contact", Max: 10}, {Category: "bullets", Max: 45}, {Category: "skills", Max: 15}}

// section is a stretch of the resume under one heading.
type section struct {
	name  string // canonical: summary, skills, experience, ...
	title string // as written
	lines []Line
}

// Check checks a read resume. The lexicon gives the word lists and taxonomy.
func (l *Lexicon) Check(file string, doc *Document) *Report {
	r := &Report{File: file, Format: doc.Format, Pages: doc.Pages, Sections: []string{}, Bullets: []Bullet{}, Findings: []Finding{}, Skills: []SkillFound{}}
	var all []string
	for _, ln := range doc.Lines {
		all = append(all, ln.Text)
		r.Words += len(strings.Fields(ln.Text))
	}
	secs := l.sections(doc.Lines)
	for _, s := range secs {
		if s.name != "" && !contains(r.Sections, s.name) {
			r.Sections = append(r.Sections, s.name)
		}
	}
	r.Contact = findContact(doc.Lines)
	r.Years = experienceYears(secs)
	l.checkFormat(r, doc, secs)
	l.checkContact(r)
	l.checkBullets(r, secs)
	r.Skills = l.findSkills(doc.Lines)
	l.checkSkills(r)
	r.score()
	return r
}

func (r *Report) add(f Finding) { r.Findings = append(r.Findings, f) }

// score caps what each category can lose and totals the rest.
func (r *Report) score() {
	r.Breakdown = nil
	r.Score = 0
	for _, p := range partMax {
		for _, f := range r.Findings {
			if f.Category == p.Category {
				p.Lost += f.Points
			}
		}
		if p.Lost > p.Max {
			p.Lost = p.Max
		}
		p.Score = p.Max - p.Lost
		r.Score += p.Score
		r.Breakdown = append(r.Breakdown, p)
	}
	sort.SliceStable(r.Findings, func(i, j int) bool { return sevRank[r.Findings[i].Severity] < sevRank[r.Findings[j].Severity] })
}

var sevRank = map[string]int{High: 0, Medium: 1, Low: 2}

var nonWord = regexp.MustCompile(`[^a-z&/ ]+`)

// sectionNames is the canonical section names in a stable order, for the
// headings' lookup to be deterministic.

// headingName maps a line to a canonical section when it reads as a heading.
func (l *Lexicon) headingName(ln Line) string {
	t := strings.TrimSpace(strings.ToLower(ln.Text))
	t = strings.TrimSpace(nonWord.ReplaceAllString(t, ""))
	if t == "" || len(strings.Fields(t)) > 4 {
		return ""
	}
	return l.n.headings[t]
}

func (l *Lexicon) sections(lines []Line) []section {
	out := []section{{name: ""}}
	for _, ln := range lines {
		if name := l.headingName(ln); name != "" {
			out = append(out, section{name: name, title: ln.Text})
			continue
		}
		out[len(out)-1].lines = append(out[len(out)-1].lines, ln)
	}
	return out
}

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	phoneRe = regexp.MustCompile(`(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,4}\)[\s.\-]?)?\d{2,4}[\s.\-]\d{2,4}[\s.\-]?\d{2,5}`)
	urlRe   = regexp.MustCompile(`(?i)\b(?:https?://)?(?:www\.)?(?:linkedin\.com/in/[\w\-%]+|github\.com/[\w\-]+|gitlab\.com/[\w\-]+|kaggle\.com/[\w\-]+|scholar\.google\.[a-z.]+/[^\s)]+|[\w\-]+\.(?:github\.io|dev|io|me|ai|com|net|org)(?:/[^\s)]*)?)`)
)

// findContact reads the email, phone and links from the top of the resume
// (the first 12 lines), then anywhere for what is still missing.
func findContact(lines []Line) Contact {
	c := Contact{Links: []string{}}
	scan := func(ls []Line) {
		for _, ln := range ls {
			if c.Email == "" {
				c.Email = emailRe.FindString(ln.Text)
			}
			if c.Phone == "" {
				if m := phoneRe.FindString(ln.Text); m != "" && digits(m) >= 7 && !dateRangeRe.MatchString(m) {
					c.Phone = strings.TrimSpace(m)
				}
			}
			for _, u := range urlRe.FindAllString(emailRe.ReplaceAllString(ln.Text, ""), -1) {
				u = strings.TrimRight(u, ".,;")
				if !contains(c.Links, u) && len(c.Links) < 8 {
					c.Links = append(c.Links, u)
				}
			}
		}
	}
	top := lines
	if len(top) > 12 {
		top = top[:12]
	}
	scan(top)
	if c.Email == "" || c.Phone == "" {
		scan(lines)
	}
	return c
}

func digits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

func hasLink(c Contact, host string) bool {
	for _, u := range c.Links {
		if strings.Contains(strings.ToLower(u), host) {
			return true
		}
	}
	return false
}

func (l *Lexicon) checkContact(r *Report) {
	c := r.Contact
	if c.Email == "" {
		r.add(Finding{Code: "contact/no-email", Severity: High, Category: "contact", Points: 5,
			Message: "No email address found.", Fix: "Put your email on the first line with your phone and links; recruiters and ATS look for it there."})
	}
	if c.Phone == "" {
		r.add(Finding{Code: "contact/no-phone", Severity: Medium, Category: "contact", Points: 2,
			Message: "No phone number found.", Fix: "Add a phone number with its country code; recruiters call to schedule screens."})
	}
	if !hasLink(c, "linkedin.com") {
		r.add(Finding{Code: "contact/no-linkedin", Severity: Low, Category: "contact", Points: 1,
			Message: "No LinkedIn profile link.", Fix: "Add linkedin.com/in/your-name; recruiters check it before a screen."})
	}
	if !hasLink(c, "github.com") && !hasLink(c, "gitlab.com") && !hasLink(c, "kaggle.com") && len(c.Links) <= boolInt(hasLink(c, "linkedin.com")) {
		r.add(Finding{Code: "contact/no-portfolio", Severity: Low, Category: "contact", Points: 2,
			Message: "No GitHub, Kaggle or portfolio link.", Fix: "Link the work that shows your ML skills: GitHub with pinned projects, a Kaggle profile or a personal site."})
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

var (
	monthNames  = `(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`
	dateTok     = `(?:` + monthNames + `\s+\d{4}|\d{1,2}/\d{4}|\d{4}-\d{2}|\d{4})`
	dateRangeRe = regexp.MustCompile(`(?i)(` + dateTok + `)\s*(?:-|–|—|to|until)\s*(` + dateTok + `|present|current|now|today)`)
)

var (
	monthYearRe = regexp.MustCompile(`^(` + monthNames + `)\s+(\d{4})$`)
	shortMonRe  = regexp.MustCompile(`^[a-z]{3}\.?\s`)
	slashDateRe = regexp.MustCompile(`^(\d{1,2})/(\d{4})$`)
	isoMonthRe  = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	yearRe      = regexp.MustCompile(`^(\d{4})$`)
)

// dateStyle classifies how a date is written, for the consistency check.
func dateStyle(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case monthYearRe.MatchString(s):
		m := strings.Fields(s)[0]
		switch {
		case strings.HasPrefix(m, "may"):
			return "" // the same word in both styles
		case strings.HasSuffix(m, ".") || len(m) == 3 || m == "sept":
			return "Mon YYYY"
		}
		return "Month YYYY"
	case slashDateRe.MatchString(s):
		return "MM/YYYY"
	case isoMonthRe.MatchString(s):
		return "YYYY-MM"
	case yearRe.MatchString(s):
		return "YYYY"
	}
	return ""
}

// parseMonth reads a date token as a month index (year*12+month).
func parseMonth(s string, now time.Time) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "present", "current", "now", "today":
		return now.Year()*12 + int(now.Month()) - 1, true
	}
	if m := monthYearRe.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[2])
		for i, mn := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
			if strings.HasPrefix(m[1], mn) {
				return y*12 + i, true
			}
		}
	}
	if m := slashDateRe.FindStringSubmatch(s); m != nil {
		mo, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		if mo >= 1 && mo <= 12 {
			return y*12 + mo - 1, true
		}
	}
	if m := isoMonthRe.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if mo >= 1 && mo <= 12 {
			return y*12 + mo - 1, true
		}
	}
	if m := yearRe.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y * 12, true
	}
	return 0, false
}

// refNow is the date "present" means; tests and reports fix it.
var refNow = func() time.Time { return time.Now() }

// experienceYears sums the date ranges of the experience section, merging
// overlaps; without an experience section, every range in the resume counts
// except education's.
func experienceYears(secs []section) float64 {
	var ranges [][2]int
	now := refNow()
	collect := func(s section) {
		for _, ln := range s.lines {
			if !hasYear(ln.Text) {
				continue
			}
			for _, m := range dateRangeRe.FindAllStringSubmatch(ln.Text, -1) {
				a, ok1 := parseMonth(m[1], now)
				b, ok2 := parseMonth(m[2], now)
				if yearRe.MatchString(strings.TrimSpace(m[2])) {
					b += 11 // "2019 – 2021" runs to the end of 2021
				}
				if ok1 && ok2 && b >= a && b-a < 50*12 {
					ranges = append(ranges, [2]int{a, b + 1})
				}
			}
		}
	}
	hasExp := false
	for _, s := range secs {
		if s.name == "experience" {
			hasExp = true
			collect(s)
		}
	}
	if !hasExp {
		for _, s := range secs {
			if s.name != "education" {
				collect(s)
			}
		}
	}
	sort.Slice(ranges, func(i, j int) bool { return ranges[i][0] < ranges[j][0] })
	months, end := 0, -1
	for _, rg := range ranges {
		if rg[0] > end {
			months += rg[1] - rg[0]
			end = rg[1]
		} else if rg[1] > end {
			months += rg[1] - end
			end = rg[1]
		}
	}
	return float64(months) / 12
}

// wantOrder is the usual order of an ML resume's sections.
var wantOrder = []string{"summary", "skills", "experience", "projects", "education"}

func (l *Lexicon) checkFormat(r *Report, doc *Document, secs []section) {
	if r.Pages > 1 && r.Years < 10 {
		r.add(Finding{Code: "format/pages", Severity: High, Category: "format", Points: 8,
			Message: fmt.Sprintf("%d pages with %.0f years of experience.", r.Pages, r.Years),
			Fix:     "Keep to one page until you have ten years of experience: cut the oldest roles to one line and drop bullets without a result."})
	}
	switch {
	case r.Words < 250:
		r.add(Finding{Code: "format/too-short", Severity: Medium, Category: "format", Points: 4,
			Message: fmt.Sprintf("%d words: too little for a recruiter to judge.", r.Words),
			Fix:     "Aim for 400–700 words on one page: two to four bullets for each recent role and one or two projects with results."})
	case r.Words > 850 && r.Pages <= 1:
		r.add(Finding{Code: "format/too-long", Severity: Medium, Category: "format", Points: 4,
			Message: fmt.Sprintf("%d words on one page: it reads as a wall of text.", r.Words),
			Fix:     "Cut to about 700 words: shorten bullets to one or two lines and drop the weakest ones."})
	}
	for _, need := range []struct {
		name, sev string
		pts       int
		fix       string
	}{
		{"experience", High, 6, "Add an Experience section with each role's title, company, dates and two to four bullets with results."},
		{"education", Medium, 3, "Add an Education section: degree, school and year."},
		{"skills", Medium, 3, "Add a Skills section grouped by kind (languages, frameworks, tools); an ATS matches keywords there first."},
		{"projects", Low, 1, "Add a Projects section if your experience does not yet show the ML work you want to do."},
		{"summary", Low, 1, "Open with a two-line summary: your role, years, specialty and strongest result."},
	} {
		if !contains(r.Sections, need.name) {
			r.add(Finding{Code: "format/missing-section", Severity: need.sev, Category: "format", Points: need.pts,
				Message: fmt.Sprintf("No %s section found.", need.name), Text: need.name, Fix: need.fix})
		}
	}
	var seen []string
	for _, s := range r.Sections {
		if contains(wantOrder, s) {
			seen = append(seen, s)
		}
	}
	if pos := func(n string) int {
		for i, s := range seen {
			if s == n {
				return i
			}
		}
		return -1
	}; pos("education") >= 0 && pos("experience") > pos("education") && r.Years >= 2 {
		r.add(Finding{Code: "format/section-order", Severity: Low, Category: "format", Points: 2,
			Message: "Education comes before experience.", Text: strings.Join(seen, ", "),
			Fix: "With two or more years of work, put Experience first: it is what the recruiter reads for."})
	}
	styles := map[string]string{}
	for _, s := range secs {
		for _, ln := range s.lines {
			if !hasYear(ln.Text) {
				continue
			}
			for _, m := range dateRangeRe.FindAllStringSubmatch(ln.Text, -1) {
				for _, d := range m[1:3] {
					if st := dateStyle(d); st != "" && st != "YYYY" {
						if _, ok := styles[st]; !ok {
							styles[st] = ln.Text
						}
					}
				}
			}
		}
	}
	if len(styles) > 1 {
		var kinds, examples []string
		for k, ex := range styles {
			kinds = append(kinds, k)
			examples = append(examples, ex)
		}
		sort.Strings(kinds)
		sort.Strings(examples)
		r.add(Finding{Code: "format/date-styles", Severity: Low, Category: "format", Points: 2,
			Message: "Dates are written in more than one style: " + strings.Join(kinds, ", ") + ".", Text: examples[0],
			Fix: "Write every date the same way, such as \"Mar 2022 – Present\"; an ATS reads consistent dates more reliably."})
	}
	if doc.Tables {
		r.add(Finding{Code: "format/tables", Severity: Medium, Category: "format", Points: 4,
			Message: "The resume uses a table; many ATS read tables cell by cell and scramble them.",
			Fix:     "Lay it out with plain paragraphs and tab stops instead of a table."})
	}
	if doc.TextBoxes {
		r.add(Finding{Code: "format/text-boxes", Severity: High, Category: "format", Points: 6,
			Message: "The resume uses text boxes; many ATS skip their text entirely.",
			Fix:     "Move the text out of text boxes into the body of the document."})
	}
	if doc.Columns > 1 {
		r.add(Finding{Code: "format/columns", Severity: Low, Category: "format", Points: 2,
			Message: "A two-column layout: some ATS read across the columns and mix the lines.",
			Fix:     "A single column is safest; if you keep two, put contact and skills in the narrow one and check the ATS preview."})
	}
}

var (
	numberRe   = regexp.MustCompile(`\d`)
	wordRe     = regexp.MustCompile(`[A-Za-z][A-Za-z'\-]*`)
	pastTense  = regexp.MustCompile(`(?i)^[a-z\-]+ed$`)
	irregulars = map[string]bool{"built": true, "led": true, "ran": true, "wrote": true, "made": true, "won": true, "grew": true, "cut": true, "set": true, "drove": true, "taught": true, "brought": true, "began": true, "spent": true, "sold": true, "held": true, "found": true, "took": true, "gave": true, "became": true, "put": true, "shipped": true}
)

// bulletSections are where bullets are judged against the impact formula.
var bulletSections = []string{"experience", "projects", ""}

func (l *Lexicon) checkBullets(r *Report, secs []section) {
	type group struct{ idx []int }
	var groups []group
	for _, s := range secs {
		if !contains(bulletSections, s.name) {
			continue
		}
		cur := group{}
		for _, ln := range s.lines {
			if !ln.Bullet {
				if len(cur.idx) > 0 {
					groups = append(groups, cur)
					cur = group{}
				}
				continue
			}
			b := l.checkBullet(r, ln.Text, s.name)
			r.Bullets = append(r.Bullets, b)
			cur.idx = append(cur.idx, len(r.Bullets)-1)
		}
		if len(cur.idx) > 0 {
			groups = append(groups, cur)
		}
	}
	// Mixed tenses within one role's bullets.
	for _, g := range groups {
		past, present := 0, 0
		tense := map[int]string{}
		for _, i := range g.idx {
			w := firstWord(r.Bullets[i].Text)
			switch {
			case w == "":
			case irregulars[w] || pastTense.MatchString(w):
				past++
				tense[i] = "past"
			case l.verbs[w] || l.verbs[w+"d"] || l.verbs[w+"ed"] || strings.HasSuffix(w, "s") && l.verbs[strings.TrimSuffix(w, "s")+"ed"]:
				present++
				tense[i] = "present"
			}
		}
		if past > 0 && present > 0 {
			minority := "present"
			if past < present {
				minority = "past"
			}
			for _, i := range g.idx {
				if tense[i] == minority {
					r.Bullets[i].Findings = append(r.Bullets[i].Findings, "bullet/tense")
					r.Bullets[i].Score -= bulletPenalty["bullet/tense"]
					r.add(Finding{Code: "bullet/tense", Severity: Low, Category: "bullets", Points: 1, Text: r.Bullets[i].Text,
						Message: "Tenses are mixed within one role.",
						Fix:     "Use the past tense for past roles and finished work, the present only for what you still do."})
				}
			}
		}
	}
	if len(r.Bullets) == 0 {
		r.add(Finding{Code: "bullet/none", Severity: High, Category: "bullets", Points: 20,
			Message: "No bullets found under experience or projects.",
			Fix:     "Describe each role in two to four bullets: action verb, what you did, the technique, and the measured result."})
	}
	for i := range r.Bullets {
		if r.Bullets[i].Score < 0 {
			r.Bullets[i].Score = 0
		}
	}
}

var (
	// relativeRe is a change stated against what was before: "by 23%", "2x".
	relativeRe = regexp.MustCompile(`(?i)\b(by|of)\s+\d+(\.\d+)?\s*(%|x|pp|points?)|\b\d+(\.\d+)?\s*(x|×)\b`)
	// unitRe is a figure with a unit of scale: "85ms", "12k QPS", "3 TB".
	unitRe = regexp.MustCompile(`(?i)\b\d+(\.\d+)?\s*(ms|s|k|m|b|tb|gb|pb|qps|rps|tps)\b`)
)

var bulletPenalty = map[string]int{
	"bullet/weak-start": 25, "bullet/no-action-verb": 10, "bullet/no-metric": 30, "bullet/vague": 15,
	"bullet/too-long": 15, "bullet/pronoun": 10, "bullet/buzzword": 10, "bullet/tense": 5,
	"ml/metric-no-baseline": 15, "ml/production-no-scale": 15, "ml/model-no-outcome": 20,
}

var bulletPoints = map[string]int{
	"bullet/weak-start": 3, "bullet/no-action-verb": 1, "bullet/no-metric": 3, "bullet/vague": 2,
	"bullet/too-long": 2, "bullet/pronoun": 1, "bullet/buzzword": 1,
	"ml/metric-no-baseline": 2, "ml/production-no-scale": 2, "ml/model-no-outcome": 2,
}

func firstWord(s string) string {
	return strings.ToLower(wordRe.FindString(s))
}

// norm lowercases text and reduces everything but letters, digits and the
// characters skill names use to single spaces, padded, so that a phrase is
// found as whole words with strings.Contains(norm(text), norm(phrase)).
func norm(s string) string {
	return " " + strings.ToLower(strings.TrimSpace(nonAlnumSpace.ReplaceAllString(s, " "))) + " "
}

func phraseIn(text string, phrase string) bool {
	p := norm(phrase)
	return p != "  " && strings.Contains(norm(text), p)
}

// normList normalises a word list once, at load.
func normList(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if n := norm(w); n != "  " {
			out = append(out, n)
		}
	}
	return out
}

// firstIn returns the first normalised phrase found in a normalised text,
// trimmed, or "".
func firstIn(ntext string, nlist []string) string {
	for _, p := range nlist {
		if strings.Contains(ntext, p) {
			return strings.TrimSpace(p)
		}
	}
	return ""
}

var nonAlnumSpace = regexp.MustCompile(`[^A-Za-z0-9%+#\-]+`)

func anyIn(text string, words []string) string {
	for _, w := range words {
		if phraseIn(text, w) {
			return w
		}
	}
	return ""
}

// checkBullet judges one bullet against action verb + what + technique →
// measurable impact, and the ML-specific claims.
func (l *Lexicon) checkBullet(r *Report, text, sec string) Bullet {
	b := Bullet{Text: text, Section: sec, Findings: []string{}, Score: 100}
	flag := func(code, sev, msg, fix string) {
		b.Findings = append(b.Findings, code)
		b.Score -= bulletPenalty[code]
		r.add(Finding{Code: code, Severity: sev, Category: "bullets", Points: bulletPoints[code], Text: text, Message: msg, Fix: fix})
	}
	lower := strings.ToLower(text)
	weak := false
	for _, w := range l.WeakStarts {
		if p := strings.ToLower(w.String()); p != "" && strings.HasPrefix(lower, p) {
			flag("bullet/weak-start", Medium, fmt.Sprintf("Starts with %q, which hides what you did.", w.String()), w.Fix)
			weak = true
			break
		}
	}
	if fw := firstWord(text); !weak && fw != "" && !l.verbs[fw] && !irregulars[fw] && !pastTense.MatchString(fw) && !l.verbs[fw+"ed"] && !l.verbs[fw+"d"] && !l.verbs[strings.TrimSuffix(fw, "e")+"ed"] &&
		!(strings.HasPrefix(fw, "re") && (l.verbs[fw[2:]] || irregulars[fw[2:]])) {
		flag("bullet/no-action-verb", Low, fmt.Sprintf("Starts with %q rather than an action verb.", wordRe.FindString(text)),
			"Lead with a strong verb for your part: Built, Trained, Cut, Shipped, Designed.")
	}
	hasNumber := numberRe.MatchString(text)
	if !hasNumber {
		flag("bullet/no-metric", Medium, "No number or metric: the result is not measurable.",
			"End with the measured result: the metric before and after, latency, cost, users or time saved.")
	}
	ntext := norm(text)
	for i, v := range l.Vague {
		if p := l.n.vague[i]; p != "  " && strings.Contains(ntext, p) {
			flag("bullet/vague", Low, fmt.Sprintf("Vague: %q.", v.String()), v.Fix)
			break
		}
	}
	if n := len(strings.Fields(text)); n > 32 || len(text) > 220 {
		flag("bullet/too-long", Low, fmt.Sprintf("%d words: more than two lines.", n),
			"Keep each bullet to one or two lines: verb, what, technique, result. Split or cut the rest.")
	}
	for _, w := range wordRe.FindAllString(text, -1) {
		if len(w) > 1 && strings.ToUpper(w) == w {
			continue // "US", "UK": a place, not a pronoun
		}
		if contains(l.Pronouns, strings.ToLower(w)) && (w == "I" || strings.ToLower(w) != "i") {
			flag("bullet/pronoun", Low, fmt.Sprintf("Uses %q; resume bullets leave out the subject.", w),
				"Drop the pronoun and start with the verb: \"Built...\" rather than \"I built...\".")
			break
		}
	}
	for i, bw := range l.Buzzwords {
		if p := l.n.buzz[i]; p != "  " && strings.Contains(ntext, p) {
			flag("bullet/buzzword", Low, fmt.Sprintf("Buzzword: %q.", bw.String()), bw.Fix)
			break
		}
	}
	metric := firstIn(ntext, l.n.metric)
	if metric != "" && hasNumber && firstIn(ntext, l.n.baseline) == "" && firstIn(ntext, l.n.dataset) == "" && !relativeRe.MatchString(text) {
		flag("ml/metric-no-baseline", Medium, fmt.Sprintf("%s %s figure with no baseline or dataset.", article(metric), metric),
			"Say what the number is measured against: \"AUC 0.91 vs 0.86 for the logistic baseline, on 2M held-out sessions\".")
	}
	if p := firstIn(ntext, l.n.production); p != "" && firstIn(ntext, l.n.scale) == "" && !unitRe.MatchString(text) {
		flag("ml/production-no-scale", Medium, fmt.Sprintf("A production claim (%q) with no scale or latency.", p),
			"Give the scale it runs at: requests a second, users, data volume, p99 latency.")
	}
	if m := firstIn(ntext, l.n.model); m != "" && !hasNumber && firstIn(ntext, l.n.outcome) == "" {
		flag("ml/model-no-outcome", Medium, fmt.Sprintf("Names a model (%q) but not what it achieved.", m),
			"Say what the model changed: the metric it moved, the cost it cut, the decision it enabled.")
	}
	if b.Score < 0 {
		b.Score = 0
	}
	return b
}

func (l *Lexicon) findSkills(lines []Line) []SkillFound {
	var out []SkillFound
	seen := map[string]bool{}
	for _, ln := range lines {
		for _, h := range l.matcher.find(ln.Text) {
			if seen[h.Skill] {
				continue
			}
			seen[h.Skill] = true
			s := l.skillByID[h.Skill]
			out = append(out, SkillFound{ID: s.ID, Name: s.Name, Family: s.Family, Text: ln.Text})
		}
	}
	return out
}

// checkSkills reports keyword families with nothing found.
func (l *Lexicon) checkSkills(r *Report) {
	have := map[string]int{}
	for _, s := range r.Skills {
		have[s.Family]++
	}
	for _, f := range l.Families {
		if f.ID == "soft" || have[f.ID] > 0 {
			continue
		}
		pts := 2
		sev := Low
		if f.ID == "languages" || f.ID == "frameworks" {
			pts, sev = 4, Medium
		}
		r.add(Finding{Code: "skills/missing-family", Severity: sev, Category: "skills", Points: pts, Text: f.Name,
			Message: fmt.Sprintf("No %s named anywhere.", strings.ToLower(f.Name)),
			Fix:     fmt.Sprintf("Name the %s you have used where you used them; an ATS and the recruiter scan for them.", strings.ToLower(f.Name))})
	}
}

// article is "An" before a vowel sound's letter, else "A".
func article(w string) string {
	if w != "" && strings.ContainsRune("aeiouAEIOU", rune(w[0])) {
		return "An"
	}
	return "A"
}

// hasYear is a cheap test before the date regexp: four digits in a row.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
