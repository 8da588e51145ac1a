package resume

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Term is one thing the job description asks for and whether the resume has
// it. Points is what it adds to the match score (0 when missing).
type Term struct {
	Term     string  `json:"term"`
	Kind     string  `json:"kind"` // skill, title, level, education, soft
	Required bool    `json:"required"`
	Resume   string  `json:"resume,omitempty"` // the resume line that shows it
	JD       string  `json:"jd"`               // the JD line that asks for it
	Points   float64 `json:"points"`
	Max      float64 `json:"max"`
}

// Component is one part of the match score.
type Component struct {
	Name   string  `json:"name"`
	Max    float64 `json:"max"`
	Points float64 `json:"points"`
}

// Suggestion is wording to mirror the JD, offered only where the resume
// already shows the evidence.
type Suggestion struct {
	Term     string `json:"term"`
	Evidence string `json:"evidence"` // the resume line that shows it
	Wording  string `json:"wording"`
}

// Match is a resume scored against one job description.
type Match struct {
	Score       int                  `json:"score"`
	Breakdown   map[string]Component `json:"breakdown"`
	Matched     []Term               `json:"matched"`
	Missing     []Term               `json:"missing"`
	Suggestions []Suggestion         `json:"suggestions"`
}

// Component maxima: hard skills weigh most, as recruiters' screens do.
const (
	maxHard      = 60.0
	maxTitle     = 10.0
	maxLevelEdu  = 15.0
	maxSoft      = 15.0
	requiredW    = 2.0
	preferredW   = 1.0
	yearsPattern = `(\d{1,2})\s*\+?\s*(?:-|to|–)?\s*(?:\d{1,2})?\s*\+?\s*(?:years|yrs)`
)

var yearsRe = regexp.MustCompile(`(?i)` + yearsPattern)

// jdLine is a JD line with whether it states requirements or preferences.
type jdLine struct {
	text      string
	required  bool
	preferred bool
}

func (l *Lexicon) classifyJD(lines []Line) []jdLine {
	out := make([]jdLine, 0, len(lines))
	mode := "" // "", "required", "preferred"
	for _, ln := range lines {
		t := strings.ToLower(strings.TrimSpace(strings.TrimRight(ln.Text, ":")))
		isHead := ln.Heading || (len(strings.Fields(t)) <= 6 && strings.HasSuffix(strings.TrimSpace(ln.Text), ":"))
		switch {
		case (isHead && matchesAny(t, l.PreferredHeadings)) || equalsAny(t, l.PreferredHeadings):
			mode = "preferred"
			continue
		case (isHead && matchesAny(t, l.RequiredHeadings)) || equalsAny(t, l.RequiredHeadings):
			mode = "required"
			continue
		case isHead:
			mode = ""
			continue
		}
		jl := jdLine{text: ln.Text}
		switch {
		case anyIn(ln.Text, l.PreferredCues) != "":
			jl.preferred = true
		case mode == "preferred":
			jl.preferred = true
		case mode == "required" || anyIn(ln.Text, l.RequiredCues) != "":
			jl.required = true
		}
		out = append(out, jl)
	}
	return out
}

func equalsAny(t string, heads []string) bool {
	for _, h := range heads {
		if t == strings.ToLower(h) {
			return true
		}
	}
	return false
}

func matchesAny(t string, heads []string) bool {
	for _, h := range heads {
		h = strings.ToLower(h)
		if t == h || strings.HasPrefix(t, h+" ") || strings.HasSuffix(t, " "+h) {
			return true
		}
	}
	return false
}

// MatchJD scores a checked resume against a job description.
func (l *Lexicon) MatchJD(r *Report, doc *Document, jd []Line) *Match {
	m := &Match{Breakdown: map[string]Component{}, Matched: []Term{}, Missing: []Term{}, Suggestions: []Suggestion{}}
	lines := l.classifyJD(jd)

	// Where each skill shows in the resume, directly or through a skill
	// that implies it (BERT shows NLP).
	direct := map[string]string{}
	implied := map[string]string{}
	for _, ln := range doc.Lines {
		for _, h := range l.matcher.find(ln.Text) {
			if _, ok := direct[h.Skill]; !ok {
				direct[h.Skill] = ln.Text
			}
			for _, imp := range l.skillByID[h.Skill].Implies {
				if _, ok := implied[imp]; !ok {
					implied[imp] = ln.Text
				}
			}
		}
	}
	resumeLower := strings.ToLower(joinLines(doc.Lines))

	// JD skills, each once, required if any line asking for it is.
	type ask struct {
		line     string
		required bool
		alias    string
	}
	asks := map[string]*ask{}
	var order []string
	var alternatives [][]string // skills a JD line offers as either-or: "PyTorch or TensorFlow"
	for _, jl := range lines {
		hits := l.matcher.find(jl.text)
		alternatives = append(alternatives, eitherOr(jl.text, hits)...)
		for _, h := range hits {
			a, ok := asks[h.Skill]
			if !ok {
				a = &ask{line: jl.text, alias: h.Alias}
				asks[h.Skill] = a
				order = append(order, h.Skill)
			}
			if jl.required && !a.required {
				a.required, a.line, a.alias = true, jl.text, h.Alias
			}
		}
	}
	softMax := maxSoft // a JD naming one or two soft skills does not make each worth 15 points
	softTerms := 0
	for _, id := range order {
		if l.skillByID[id].Family == "soft" {
			softTerms++
		}
	}
	if m := 5.0 * float64(softTerms); m < softMax {
		softMax = m
	}
	hard, soft := Component{Name: "hard skills", Max: maxHard}, Component{Name: "soft skills", Max: softMax}
	var hardW, softW, hardGot, softGot float64
	type scored struct {
		t    Term
		soft bool
		w    float64
	}
	var terms []scored
	has := func(id string) bool {
		_, d := direct[id]
		_, i := implied[id]
		return d || i
	}
	// A skill offered as an alternative to one the resume has is not missing.
	covered := map[string]bool{}
	for _, g := range alternatives {
		for _, id := range g {
			if has(id) {
				for _, other := range g {
					covered[other] = true
				}
				break
			}
		}
	}
	for _, id := range order {
		a := asks[id]
		s := l.skillByID[id]
		if covered[id] && !has(id) {
			continue
		}
		w := preferredW
		if a.required {
			w = requiredW
		}
		isSoft := s.Family == "soft"
		if isSoft {
			softW += w
		} else {
			hardW += w
		}
		t := Term{Term: s.Name, Kind: "skill", Required: a.required, JD: a.line}
		if isSoft {
			t.Kind = "soft"
		}
		if line, ok := direct[id]; ok {
			t.Resume = line
			if isSoft {
				softGot += w
			} else {
				hardGot += w
			}
		} else if line, ok := implied[id]; ok {
			t.Resume = line
			if isSoft {
				softGot += w
			} else {
				hardGot += w
			}
			m.Suggestions = append(m.Suggestions, Suggestion{Term: s.Name, Evidence: line,
				Wording: fmt.Sprintf("The JD asks for %q and this line is evidence of it; name it in those words.", a.alias)})
		}
		terms = append(terms, scored{t: t, soft: isSoft, w: w})
		// Mirror the JD's spelling where the resume has the skill under another name.
		if line, ok := direct[id]; ok && !strings.Contains(resumeLower, strings.ToLower(a.alias)) {
			m.Suggestions = append(m.Suggestions, Suggestion{Term: s.Name, Evidence: line,
				Wording: fmt.Sprintf("Write %q as the JD does (you have it as another name); an ATS may only look for the JD's words.", a.alias)})
		}
	}
	for _, sc := range terms {
		comp, total := maxHard, hardW
		if sc.soft {
			comp, total = softMax, softW
		}
		sc.t.Max = comp * sc.w / total
		if sc.t.Resume != "" {
			sc.t.Points = sc.t.Max
			m.Matched = append(m.Matched, sc.t)
		} else {
			m.Missing = append(m.Missing, sc.t)
		}
	}
	if hardW > 0 {
		hard.Points = maxHard * hardGot / hardW
		m.Breakdown["hard_skills"] = hard
	}
	if softW > 0 {
		soft.Points = softMax * softGot / softW
		m.Breakdown["soft_skills"] = soft
	}

	// Job title: the JD's title (its first title found) in the resume.
	if title, jdText := l.findTitle(jd); title != nil {
		c := Component{Name: "job title", Max: maxTitle}
		t := Term{Term: title.Name, Kind: "title", Required: true, JD: jdText, Max: maxTitle}
		for _, ln := range doc.Lines {
			if aliasIn(ln.Text, title.Aliases) || phraseIn(ln.Text, title.Name) {
				t.Resume, t.Points, c.Points = ln.Text, maxTitle, maxTitle
				break
			}
		}
		m.Breakdown["title"] = c
		m.add(t)
	}

	// Level and education: years asked against years shown; degrees.
	le := Component{Name: "level and education", Max: maxLevelEdu}
	var leTerms []Term
	if years, text := jdYears(lines); years > 0 {
		t := Term{Term: fmt.Sprintf("%d+ years of experience", years), Kind: "level", Required: true, JD: text}
		if r.Years >= float64(years) {
			t.Resume = fmt.Sprintf("%.1f years in your experience dates", r.Years)
		}
		leTerms = append(leTerms, t)
	}
	if deg, text := l.findDegree(jd); deg != nil {
		t := Term{Term: deg.ID, Kind: "education", Required: true, JD: text}
		for _, ln := range doc.Lines {
			if l.degreeRank(ln.Text) >= l.degreeRankOf(deg.ID) && l.degreeRankOf(deg.ID) > 0 {
				t.Resume = ln.Text
				break
			}
		}
		leTerms = append(leTerms, t)
	}
	for _, t := range leTerms {
		t.Max = maxLevelEdu / float64(len(leTerms))
		if t.Resume != "" {
			t.Points = t.Max
			le.Points += t.Max
		}
		m.add(t)
	}
	if len(leTerms) > 0 {
		m.Breakdown["level_education"] = le
	}

	var got, max float64
	for _, c := range m.Breakdown {
		got += c.Points
		max += c.Max
	}
	if max > 0 {
		m.Score = int(got/max*100 + 0.5)
	}
	sort.SliceStable(m.Missing, func(i, j int) bool { return m.Missing[i].Required && !m.Missing[j].Required })
	return m
}

func (m *Match) add(t Term) {
	if t.Resume != "" {
		m.Matched = append(m.Matched, t)
	} else {
		m.Missing = append(m.Missing, t)
	}
}

func joinLines(ls []Line) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

func aliasIn(text string, aliases []string) bool {
	for _, a := range aliases {
		if phraseIn(text, a) {
			return true
		}
	}
	return false
}

// findTitle returns the first job title the JD names, from its first lines.
func (l *Lexicon) findTitle(jd []Line) (*Title, string) {
	for i, ln := range jd {
		if i > 8 {
			break
		}
		for k := range l.Titles {
			if aliasIn(ln.Text, l.Titles[k].Aliases) || phraseIn(ln.Text, l.Titles[k].Name) {
				return &l.Titles[k], ln.Text
			}
		}
	}
	return nil, ""
}

// jdYears returns the years of experience the JD requires, preferring a
// requirement line.
func jdYears(lines []jdLine) (int, string) {
	best, text := 0, ""
	for _, jl := range lines {
		m := yearsRe.FindStringSubmatch(jl.text)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		if n <= 0 || n > 30 {
			continue
		}
		if text == "" || jl.required {
			best, text = n, jl.text
			if jl.required {
				break
			}
		}
	}
	return best, text
}

var degreeOrder = []string{"bachelors", "masters", "phd"}

func (l *Lexicon) degreeRankOf(id string) int {
	for i, d := range degreeOrder {
		if d == id {
			return i + 1
		}
	}
	return 0
}

// degreeIn reports whether a line names a degree. Short abbreviations
// ("MS", "BS") count only in capitals, so "50 ms" is not a master's.
func degreeIn(text string, aliases []string) bool {
	for _, a := range aliases {
		if len(a) <= 3 && !strings.Contains(a, ".") {
			up := strings.ToUpper(a)
			for _, t := range tokenize(text) {
				if t.raw == up {
					return true
				}
			}
			continue
		}
		if phraseIn(text, a) {
			return true
		}
	}
	return false
}

// degreeRank is the highest degree a line names, 0 for none.
func (l *Lexicon) degreeRank(text string) int {
	best := 0
	for _, d := range l.Degrees {
		if degreeIn(text, d.Aliases) {
			if r := l.degreeRankOf(d.ID); r > best {
				best = r
			}
		}
	}
	return best
}

// findDegree returns the lowest degree the JD asks for (a "BS or MS" asks
// for a BS) and the line that asks.
func (l *Lexicon) findDegree(jd []Line) (*Degree, string) {
	var best *Degree
	text := ""
	for _, ln := range jd {
		for k := range l.Degrees {
			d := &l.Degrees[k]
			if degreeIn(ln.Text, d.Aliases) && (best == nil || l.degreeRankOf(d.ID) < l.degreeRankOf(best.ID)) {
				best, text = d, ln.Text
			}
		}
		if best != nil {
			return best, text
		}
	}
	return nil, ""
}

// eitherOr groups the skills a line offers as alternatives: hits separated
// only by "or", "/" or commas in a run that has an "or" or a slash.
func eitherOr(line string, hits []Hit) [][]string {
	var out [][]string
	i := 0
	for i < len(hits) {
		group := []string{hits[i].Skill}
		alt := false
		j := i + 1
		for ; j < len(hits); j++ {
			sep := strings.ToLower(strings.TrimSpace(line[hits[j-1].End:hits[j].Start]))
			switch sep {
			case "or", "/", ", or", ",or", "or even", "or similar":
				alt = true
			case ",":
			default:
				goto done
			}
			group = append(group, hits[j].Skill)
		}
	done:
		if alt && len(group) > 1 {
			out = append(out, group)
		}
		i = j
	}
	return out
}
