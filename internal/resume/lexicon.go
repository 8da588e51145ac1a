// Package resume checks a resume the way an applicant tracking system and a
// recruiter read it: it reads PDF, DOCX, Markdown and text files, finds the
// sections, contact line, bullets and skills, explains every point of its
// score, and matches the resume against a job description with a skill
// taxonomy that knows synonyms and abbreviations.
package resume

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/offerloop/offerloop/internal/content"
)

// Family is a group of skills: languages, frameworks, tools, techniques,
// methods, domains, metrics, soft skills.
type Family struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Skill is one entry of the taxonomy.
type Skill struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Family  string   `json:"family"`
	Aliases []string `json:"aliases"`
	Implies []string `json:"implies"`
}

// Phrase is a word or phrase with the fix to show when it is found.
type Phrase struct {
	Text string `json:"phrase"`
	Word string `json:"word"`
	Fix  string `json:"fix"`
}

func (p Phrase) String() string {
	if p.Text != "" {
		return p.Text
	}
	return p.Word
}

// Title is a job title with its spellings.
type Title struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
}

// Level is a seniority level with the years of experience it usually means.
type Level struct {
	ID      string   `json:"id"`
	Aliases []string `json:"aliases"`
	Years   []int    `json:"years"`
}

// Degree is an academic degree with its spellings.
type Degree struct {
	ID      string   `json:"id"`
	Aliases []string `json:"aliases"`
}

// Lexicon is the checker's content: the taxonomy and the word lists.
type Lexicon struct {
	Families  []Family
	Skills    []Skill
	Ambiguous []string

	WeakStarts      []Phrase
	StrongVerbs     []string
	Buzzwords       []Phrase
	Vague           []Phrase
	SectionHeadings map[string][]string
	ProductionWords []string
	ScaleWords      []string
	MetricWords     []string
	BaselineWords   []string
	DatasetWords    []string
	ModelWords      []string
	OutcomeWords    []string
	Pronouns        []string

	RequiredHeadings  []string
	PreferredHeadings []string
	RequiredCues      []string
	PreferredCues     []string
	Titles            []Title
	Levels            []Level
	Degrees           []Degree

	skillByID map[string]*Skill
	matcher   *termMatcher
	verbs     map[string]bool
	n         normLists
}

// normLists are the word lists normalised once at load (see norm).
type normLists struct {
	vague, buzz                                                  []string // parallel to Vague and Buzzwords
	metric, baseline, dataset, production, scale, model, outcome []string
	prefCue, reqCue                                              []string
	titles, degrees                                              [][]string
	headings                                                     map[string]string
}

var (
	lexOnce sync.Once
	lex     *Lexicon
	lexErr  error
)

// LoadLexicon returns the checker's content, loaded and indexed once.
func LoadLexicon() (*Lexicon, error) {
	lexOnce.Do(func() { lex, lexErr = loadLexicon() })
	return lex, lexErr
}

func loadLexicon() (*Lexicon, error) {
	l := &Lexicon{}
	var skills struct {
		Families  []Family `json:"families"`
		Skills    []Skill  `json:"skills"`
		Ambiguous []any    `json:"ambiguous"`
	}
	var rl struct {
		WeakStarts      []Phrase            `json:"weak_starts"`
		StrongVerbs     []string            `json:"strong_verbs"`
		Buzzwords       []Phrase            `json:"buzzwords"`
		Vague           []Phrase            `json:"vague"`
		SectionHeadings map[string][]string `json:"section_headings"`
		ProductionWords []string            `json:"production_words"`
		ScaleWords      []string            `json:"scale_words"`
		MetricWords     []string            `json:"metric_words"`
		BaselineWords   []string            `json:"baseline_words"`
		DatasetWords    []string            `json:"dataset_words"`
		ModelWords      []string            `json:"model_words"`
		OutcomeWords    []string            `json:"outcome_words"`
		Pronouns        []string            `json:"pronouns"`
	}
	var jd struct {
		RequiredHeadings  []string `json:"required_headings"`
		PreferredHeadings []string `json:"preferred_headings"`
		RequiredCues      []string `json:"required_cues"`
		PreferredCues     []string `json:"preferred_cues"`
		Titles            []Title  `json:"titles"`
		Levels            []Level  `json:"levels"`
		Degrees           []Degree `json:"degrees"`
		Note              string   `json:"years_patterns_note"`
	}
	for name, v := range map[string]any{"resume/skills.json": &skills, "resume/resume_lexicon.json": &rl, "resume/jd_lexicon.json": &jd} {
		if err := content.DecodeJSON(name, v); err != nil {
			return nil, err
		}
	}
	l.Families, l.Skills = skills.Families, skills.Skills
	for _, a := range skills.Ambiguous {
		switch x := a.(type) {
		case string:
			l.Ambiguous = append(l.Ambiguous, strings.ToLower(x))
		case map[string]any:
			for _, k := range []string{"alias", "term", "word", "text"} {
				if s, ok := x[k].(string); ok {
					l.Ambiguous = append(l.Ambiguous, strings.ToLower(s))
					break
				}
			}
		}
	}
	l.WeakStarts, l.StrongVerbs, l.Buzzwords, l.Vague = rl.WeakStarts, rl.StrongVerbs, rl.Buzzwords, rl.Vague
	l.SectionHeadings = rl.SectionHeadings
	l.ProductionWords, l.ScaleWords, l.MetricWords = rl.ProductionWords, rl.ScaleWords, rl.MetricWords
	l.BaselineWords, l.DatasetWords, l.ModelWords, l.OutcomeWords, l.Pronouns = rl.BaselineWords, rl.DatasetWords, rl.ModelWords, rl.OutcomeWords, rl.Pronouns
	l.RequiredHeadings, l.PreferredHeadings = jd.RequiredHeadings, jd.PreferredHeadings
	l.RequiredCues, l.PreferredCues = jd.RequiredCues, jd.PreferredCues
	l.Titles, l.Levels, l.Degrees = jd.Titles, jd.Levels, jd.Degrees
	return l, l.index()
}

func (l *Lexicon) index() error {
	families := map[string]bool{}
	for _, f := range l.Families {
		families[f.ID] = true
	}
	l.skillByID = map[string]*Skill{}
	l.matcher = newTermMatcher()
	for i := range l.Skills {
		s := &l.Skills[i]
		if s.ID == "" || l.skillByID[s.ID] != nil || !families[s.Family] {
			return fmt.Errorf("resume content: skill %q is repeated or in an unknown family %q", s.ID, s.Family)
		}
		l.skillByID[s.ID] = s
		aliases := append([]string{strings.ToLower(s.Name)}, s.Aliases...)
		for _, a := range aliases {
			a = strings.ToLower(strings.TrimSpace(a))
			if a == "" {
				continue
			}
			if owner, taken := l.matcher.owner(a); taken && owner != s.ID {
				if strings.EqualFold(a, s.Name) {
					continue // a name that is another skill's alias stays that skill's
				}
				return fmt.Errorf("resume content: alias %q belongs to %s and %s", a, owner, s.ID)
			}
			l.matcher.add(a, s.ID, contains(l.Ambiguous, a))
		}
	}
	for _, s := range l.Skills {
		for _, imp := range s.Implies {
			if l.skillByID[imp] == nil {
				return fmt.Errorf("resume content: skill %s implies unknown skill %q", s.ID, imp)
			}
		}
	}
	l.verbs = map[string]bool{}
	for _, v := range l.StrongVerbs {
		l.verbs[strings.ToLower(v)] = true
	}
	n := &l.n
	n.metric, n.baseline, n.dataset = normList(l.MetricWords), normList(l.BaselineWords), normList(l.DatasetWords)
	n.production, n.scale, n.model, n.outcome = normList(l.ProductionWords), normList(l.ScaleWords), normList(l.ModelWords), normList(l.OutcomeWords)
	n.prefCue, n.reqCue = normList(l.PreferredCues), normList(l.RequiredCues)
	for _, v := range l.Vague {
		n.vague = append(n.vague, norm(v.String()))
	}
	for _, b := range l.Buzzwords {
		n.buzz = append(n.buzz, norm(b.String()))
	}
	for _, t := range l.Titles {
		n.titles = append(n.titles, normList(append([]string{t.Name}, t.Aliases...)))
	}
	for _, d := range l.Degrees {
		n.degrees = append(n.degrees, normList(d.Aliases))
	}
	n.headings = map[string]string{}
	names := make([]string, 0, len(l.SectionHeadings))
	for name := range l.SectionHeadings {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, h := range l.SectionHeadings[name] {
			k := strings.TrimSpace(nonWord.ReplaceAllString(strings.ToLower(h), ""))
			if _, dup := n.headings[k]; !dup && k != "" {
				n.headings[k] = name
			}
		}
	}
	return nil
}

// Skill returns a skill of the taxonomy by id.
func (l *Lexicon) Skill(id string) (*Skill, bool) {
	s, ok := l.skillByID[id]
	return s, ok
}

// FamilyName names a family.
func (l *Lexicon) FamilyName(id string) string {
	for _, f := range l.Families {
		if f.ID == id {
			return f.Name
		}
	}
	return id
}

// termMatcher finds taxonomy aliases in text as whole tokens. Ambiguous short
// aliases ("go", "r") only match when written exactly as the skill's own
// capitalisation in the source line would suggest: case-sensitively, in
// upper or title case.
type termMatcher struct {
	byFirst map[string][]alias // first token -> aliases starting with it
	owners  map[string]string
}

type alias struct {
	tokens    []string
	text      string
	skill     string
	ambiguous bool
}

func newTermMatcher() *termMatcher {
	return &termMatcher{byFirst: map[string][]alias{}, owners: map[string]string{}}
}

func (m *termMatcher) owner(a string) (string, bool) {
	o, ok := m.owners[a]
	return o, ok
}

func (m *termMatcher) add(text, skill string, ambiguous bool) {
	toks := tokenize(text)
	if len(toks) == 0 {
		return
	}
	m.owners[text] = skill
	m.byFirst[toks[0].norm] = append(m.byFirst[toks[0].norm], alias{tokens: normsOf(toks), text: text, skill: skill, ambiguous: ambiguous})
	// Longest aliases first, so "gradient boosted trees" beats "gradient".
	list := m.byFirst[toks[0].norm]
	sort.SliceStable(list, func(i, j int) bool { return len(list[i].tokens) > len(list[j].tokens) })
}

// Hit is one taxonomy term found in a line.
type Hit struct {
	Skill      string
	Alias      string // as written in the text
	Start, End int    // byte offsets in the line
}

func (m *termMatcher) find(line string) []Hit {
	toks := tokenize(line)
	var out []Hit
	for i := 0; i < len(toks); i++ {
		for _, a := range m.byFirst[toks[i].norm] {
			if i+len(a.tokens) > len(toks) {
				continue
			}
			ok := true
			for k, t := range a.tokens {
				if toks[i+k].norm != t {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if a.ambiguous && len(a.tokens) == 1 && !(looksLikeName(toks[i].raw) && listed(line, toks[i])) {
				continue
			}
			start, end := toks[i].start, toks[i+len(a.tokens)-1].end
			out = append(out, Hit{Skill: a.skill, Alias: line[start:end], Start: start, End: end})
			i += len(a.tokens) - 1
			break
		}
	}
	return out
}

// looksLikeName accepts an ambiguous short alias only as a proper name: "Go",
// "R", "C", not "go" or "r" in running text.
func looksLikeName(raw string) bool {
	if raw == "" {
		return false
	}
	return strings.ToUpper(raw[:1]) == raw[:1] && strings.ToUpper(raw[:1]) != strings.ToLower(raw[:1])
}

// listed reports whether a token stands as an item of a list: between list
// separators (",", ":", ";", "|", "/", "(", ")", a bullet, the line's ends) or
// the words "and"/"or". "Python, R, SQL" lists R; "R&D" and "Series C" do not.
func listed(line string, t token) bool {
	before := strings.TrimRight(line[:t.start], " \t")
	after := strings.TrimLeft(line[t.end:], " \t")
	lb := strings.ToLower(before)
	okBefore := before == "" || strings.ContainsAny(before[len(before)-1:], ",:;|/(•·-")
	for _, w := range []string{"or", "and", "with", "in", "using", "of", "on"} {
		okBefore = okBefore || lb == w || strings.HasSuffix(lb, " "+w)
	}
	okAfter := after == "" || strings.ContainsAny(after[:1], ",;|/)•·.") ||
		strings.HasPrefix(strings.ToLower(after), "or ") || strings.HasPrefix(strings.ToLower(after), "and ")
	return okBefore && okAfter
}

type token struct {
	raw        string
	norm       string
	start, end int // byte offsets in the line
}

// tokenRe splits text into tokens that keep the characters skill names use:
// c++, c#, .net, node.js, scikit-learn, p99. A slash splits tokens, so
// "PyTorch/JAX" is two and the alias "ci/cd" is the tokens ci, cd.
var tokenRe = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9+#]*(?:[.\-][A-Za-z0-9+#]+)*|\.[A-Za-z]+`)

func tokenize(s string) []token {
	locs := tokenRe.FindAllStringIndex(s, -1)
	out := make([]token, 0, len(locs))
	for _, l := range locs {
		r := s[l[0]:l[1]]
		out = append(out, token{raw: r, norm: strings.ToLower(r), start: l[0], end: l[1]})
	}
	return out
}

func normsOf(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.norm
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
