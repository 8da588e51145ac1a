// Package kit is the application kit: whether to write a cover letter and a
// checker for one, the "walk me through your resume" pitch and its checker,
// recruiter and phone-screen scripts, and the portfolio checklist with a
// check of a project README.
package kit

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"

	"github.com/offerloop/offerloop/internal/content"
)

// Question is a yes/no question of the cover-letter decision.
type Question struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Part is a part of a letter or pitch with its share or time and prompts.
type Part struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Share   int      `json:"share,omitempty"`
	Seconds int      `json:"seconds,omitempty"`
	Prompts []string `json:"prompts"`
	Example string   `json:"example,omitempty"`
}

// Phrase is filler with its fix.
type Phrase struct {
	Phrase string `json:"phrase"`
	Fix    string `json:"fix"`
}

// Script is a recruiter or phone-screen script.
type Script struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Rounds    []string `json:"rounds"`
	Say       string   `json:"say"`
	IfPressed string   `json:"if_pressed,omitempty"`
	Why       string   `json:"why"`
}

// Tip is a question or item with why it matters.
type Tip struct {
	ID   string `json:"id,omitempty"`
	Text string `json:"text"`
	Why  string `json:"why"`
}

// ReadmeSection is a section a portfolio README should have.
type ReadmeSection struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Patterns []string `json:"patterns"`
	Fix      string   `json:"fix"`
}

// Kit is the application kit's content.
type Kit struct {
	LetterRules struct {
		Questions    []Question        `json:"questions"`
		WriteReasons map[string]string `json:"write_reasons"`
		SkipReasons  map[string]string `json:"skip_reasons"`
		Default      string            `json:"default"`
	} `json:"letter_rules"`
	LetterParts        []Part   `json:"letter_parts"`
	Filler             []any    `json:"filler"`
	PitchParts         []Part   `json:"pitch_parts"`
	Scripts            []Script `json:"scripts"`
	RecruiterQuestions struct {
		Ask   []Tip `json:"ask"`
		Avoid []Tip `json:"avoid"`
	} `json:"recruiter_questions"`
	Portfolio      []Tip           `json:"portfolio"`
	ReadmeSections []ReadmeSection `json:"readme_sections"`

	filler []Phrase
}

var (
	kitOnce sync.Once
	kit     *Kit
	kitErr  error
)

// Load returns the kit's content.
func Load() (*Kit, error) {
	kitOnce.Do(func() {
		k := &Kit{}
		if kitErr = content.DecodeJSON("kit/kit.json", k); kitErr != nil {
			return
		}
		for _, f := range k.Filler {
			switch x := f.(type) {
			case string:
				k.filler = append(k.filler, Phrase{Phrase: x})
			case map[string]any:
				p, _ := x["phrase"].(string)
				fix, _ := x["fix"].(string)
				if p != "" {
					k.filler = append(k.filler, Phrase{Phrase: p, Fix: fix})
				}
			}
		}
		if len(k.LetterParts) != 3 || len(k.PitchParts) != 4 {
			kitErr = fmt.Errorf("kit content: %d letter parts and %d pitch parts, want 3 and 4", len(k.LetterParts), len(k.PitchParts))
			return
		}
		kit = k
	})
	return kit, kitErr
}

// Decision is whether to write a cover letter, and why.
type Decision struct {
	Write   bool     `json:"write"`
	Reasons []string `json:"reasons"`
}

// Decide applies the cover-letter rules to the answers (question id →
// yes). A reason to write wins over a reason to skip: a referral to a dream
// company gets a letter even in a mass application.
func (k *Kit) Decide(answers map[string]bool) Decision {
	var write, skip []string
	for _, q := range k.LetterRules.Questions {
		if !answers[q.ID] {
			continue
		}
		if r, ok := k.LetterRules.WriteReasons[q.ID]; ok {
			write = append(write, r)
		}
		if r, ok := k.LetterRules.SkipReasons[q.ID]; ok {
			skip = append(skip, r)
		}
	}
	switch {
	case len(write) > 0:
		return Decision{Write: true, Reasons: write}
	case len(skip) > 0:
		return Decision{Write: false, Reasons: skip}
	}
	return Decision{Write: false, Reasons: []string{k.LetterRules.Default}}
}

// Finding is one check on a letter, pitch or README.
type Finding struct {
	Check   string `json:"check"`
	OK      bool   `json:"ok"`
	Message string `json:"message"`
	Text    string `json:"text,omitempty"`
	Fix     string `json:"fix,omitempty"`
}

// Context is what the checks know of the application: the company, its job
// description, and the resume's text (for claims).
type Context struct {
	Company string
	JD      string
	Resume  string
}

// Report is a checked letter or pitch.
type Report struct {
	Kind     string    `json:"kind"` // letter or pitch
	Words    int       `json:"words"`
	Seconds  int       `json:"spoken_seconds"`
	Parts    []Share   `json:"parts"`
	Findings []Finding `json:"findings"`
	Passed   int       `json:"passed"`
	Total    int       `json:"total"`
}

// Share is one part's measured size.
type Share struct {
	Part    string `json:"part"`
	Words   int    `json:"words"`
	Percent int    `json:"percent"`
	Want    int    `json:"want"`
	Text    string `json:"text"`
}

func (r *Report) add(f Finding) {
	r.Findings = append(r.Findings, f)
	r.Total++
	if f.OK {
		r.Passed++
	}
}

var (
	salutationRe = regexp.MustCompile(`(?i)^(dear|hi|hello|to whom)\b`)
	signoffRe    = regexp.MustCompile(`(?i)^(best|best regards|kind regards|warm regards|regards|sincerely|thanks|many thanks|thank you|cheers|yours|yours sincerely)\b[,.!]?`)
	headingRe    = regexp.MustCompile(`^#+\s`)
	numberRe     = regexp.MustCompile(`\d[\d,.]*\s*(%|x|k|m|b|ms|pp)?`)
	blankLineRe  = regexp.MustCompile(`\n\s*\n`)
	digitRe      = regexp.MustCompile(`\d`)
	readmeNumRe  = regexp.MustCompile(`\d+(\.\d+)?\s*%|\b0\.\d+\b|\b\d+(\.\d+)?x\b`)
	askRe        = regexp.MustCompile(`(?i)\b(talk|discuss|conversation|call|chat|meet|interview|speak|hear from you|next step)`)
)

// paragraphs splits text into body paragraphs, dropping Markdown headings,
// the salutation, the sign-off and the name under it.
func paragraphs(text string) []string {
	var out []string
	for _, p := range blankLineRe.Split(strings.ReplaceAll(text, "\r\n", "\n"), -1) {
		p = strings.TrimSpace(p)
		var keep []string
		for _, ln := range strings.Split(p, "\n") {
			ln = strings.TrimSpace(ln)
			if ln == "" || headingRe.MatchString(ln) {
				continue
			}
			keep = append(keep, ln)
		}
		p = strings.Join(keep, " ")
		if p == "" {
			continue
		}
		if salutationRe.MatchString(p) && len(strings.Fields(p)) <= 6 {
			continue
		}
		if signoffRe.MatchString(p) && len(strings.Fields(p)) <= 6 {
			continue
		}
		out = append(out, p)
	}
	// A trailing one- or two-word paragraph is the signature.
	for len(out) > 0 && len(strings.Fields(out[len(out)-1])) <= 3 {
		out = out[:len(out)-1]
	}
	return out
}

func words(s string) int { return len(strings.Fields(s)) }

// Speaking rate for the pitch: 150 words a minute.
const rate = 150

// CheckLetter checks a cover letter against the three-part structure.
func (k *Kit) CheckLetter(text string, c Context) *Report {
	r := &Report{Kind: "letter", Findings: []Finding{}}
	ps := paragraphs(text)
	for _, p := range ps {
		r.Words += words(p)
	}
	r.Seconds = int(math.Round(float64(r.Words) * 60 / rate))
	switch {
	case r.Words < 180:
		r.add(Finding{Check: "length", Message: fmt.Sprintf("%d words; aim for about 250.", r.Words), Fix: "Add the evidence: two requirements from the job description and what you did that meets each, with its number."})
	case r.Words > 330:
		r.add(Finding{Check: "length", Message: fmt.Sprintf("%d words; aim for about 250.", r.Words), Fix: "Cut to about 250 words: one paragraph on why them, one or two on your evidence, two sentences to close."})
	default:
		r.add(Finding{Check: "length", OK: true, Message: fmt.Sprintf("%d words, close to 250.", r.Words)})
	}
	if len(ps) < 3 {
		r.add(Finding{Check: "parts", Message: fmt.Sprintf("%d body paragraph(s); a letter has three parts.", len(ps)),
			Fix: "Write three parts: why this company (about a fifth), why you are qualified (about three fifths), and a call to action (about a fifth)."})
		r.claims(k, text, c)
		r.filler(k, text)
		return r
	}
	r.add(Finding{Check: "parts", OK: true, Message: "Three parts: why them, why you, what next."})
	segs := []string{ps[0], strings.Join(ps[1:len(ps)-1], " "), ps[len(ps)-1]}
	for i, part := range k.LetterParts {
		pct := 0
		if r.Words > 0 {
			pct = int(math.Round(float64(words(segs[i])) * 100 / float64(r.Words)))
		}
		r.Parts = append(r.Parts, Share{Part: part.Name, Words: words(segs[i]), Percent: pct, Want: part.Share, Text: segs[i]})
	}
	off := []string{}
	for _, s := range r.Parts {
		if s.Percent < s.Want-12 || s.Percent > s.Want+12 {
			off = append(off, fmt.Sprintf("%s %d%% (about %d%%)", strings.ToLower(s.Part), s.Percent, s.Want))
		}
	}
	if len(off) > 0 {
		r.add(Finding{Check: "proportion", Message: "Out of proportion: " + strings.Join(off, ", ") + ".",
			Fix: "Spend most words on why you are qualified; keep the opening and the close to a few sentences each."})
	} else {
		r.add(Finding{Check: "proportion", OK: true, Message: "The parts are in proportion."})
	}
	if c.Company != "" {
		if strings.Contains(strings.ToLower(segs[0]), strings.ToLower(c.Company)) {
			r.add(Finding{Check: "company", OK: true, Message: fmt.Sprintf("The opening names %s.", c.Company)})
		} else {
			r.add(Finding{Check: "company", Message: fmt.Sprintf("The opening does not name %s.", c.Company), Text: segs[0],
				Fix: "Open with something specific to them: a product you use, a paper or post of theirs, a problem their team is solving, and why it matters to you."})
		}
	}
	if askRe.MatchString(segs[2]) {
		r.add(Finding{Check: "call_to_action", OK: true, Message: "It ends by asking for the next step."})
	} else {
		r.add(Finding{Check: "call_to_action", Message: "The last paragraph does not ask for anything.", Text: segs[2],
			Fix: "Close by asking for the conversation: \"I would welcome a call to discuss how I could help with ...\"."})
	}
	r.filler(k, text)
	r.claims(k, text, c)
	return r
}

func (r *Report) filler(k *Kit, text string) {
	lower := strings.ToLower(text)
	found := false
	for _, f := range k.filler {
		if f.Phrase != "" && strings.Contains(lower, strings.ToLower(f.Phrase)) {
			fix := f.Fix
			if fix == "" {
				fix = "Replace it with a specific fact about you or them."
			}
			r.add(Finding{Check: "filler", Message: fmt.Sprintf("Generic filler: %q.", f.Phrase), Text: f.Phrase, Fix: fix})
			found = true
		}
	}
	if !found {
		r.add(Finding{Check: "filler", OK: true, Message: "No generic filler."})
	}
}

// claims flags figures in the text that the resume does not have: a letter
// or pitch must not claim what the resume cannot back.
func (r *Report) claims(k *Kit, text string, c Context) {
	if strings.TrimSpace(c.Resume) == "" {
		return
	}
	resume := strings.ToLower(c.Resume)
	var missing []string
	for _, m := range numberRe.FindAllString(text, -1) {
		n := strings.TrimRight(strings.TrimSpace(strings.ToLower(m)), ".,")
		digits := strings.Trim(n, "%xkmbps ")
		if len(digits) < 2 && !strings.ContainsAny(n, "%xkmb") {
			continue // "1" or "3" alone: counts, not claims
		}
		if !strings.Contains(resume, digits) {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		r.add(Finding{Check: "claims", Message: "Figures not in your resume: " + strings.Join(missing, ", ") + ".", Text: strings.Join(missing, ", "),
			Fix: "Claim only what your resume backs: add the result to the resume first, or take it out of the text."})
	} else {
		r.add(Finding{Check: "claims", OK: true, Message: "Every figure is backed by the resume."})
	}
}

// CheckPitch checks the three-minute "walk me through your resume" pitch.
func (k *Kit) CheckPitch(text string, c Context) *Report {
	r := &Report{Kind: "pitch", Findings: []Finding{}}
	ps := paragraphs(text)
	for _, p := range ps {
		r.Words += words(p)
	}
	r.Seconds = int(math.Round(float64(r.Words) * 60 / rate))
	spoken := fmt.Sprintf("%d:%02d", r.Seconds/60, r.Seconds%60)
	switch {
	case r.Seconds < 140:
		r.add(Finding{Check: "length", Message: fmt.Sprintf("About %s spoken; aim for three minutes.", spoken), Fix: "Add your strongest result in numbers and one line on why this company."})
	case r.Seconds > 220:
		r.add(Finding{Check: "length", Message: fmt.Sprintf("About %s spoken; aim for three minutes.", spoken), Fix: "Cut the path into ML to two sentences; the interviewer will ask for more where they care."})
	default:
		r.add(Finding{Check: "length", OK: true, Message: fmt.Sprintf("About %s spoken, close to three minutes.", spoken)})
	}
	if len(ps) >= len(k.PitchParts) {
		r.add(Finding{Check: "parts", OK: true, Message: "Four parts: now, how you got here, your strength, why them."})
		for i, part := range k.PitchParts {
			seg := ps[i]
			if i == len(k.PitchParts)-1 {
				seg = strings.Join(ps[i:], " ")
			}
			r.Parts = append(r.Parts, Share{Part: part.Name, Words: words(seg), Percent: int(math.Round(float64(words(seg)) * 100 / float64(max(r.Words, 1)))), Want: part.Seconds, Text: seg})
		}
	} else {
		r.add(Finding{Check: "parts", Message: fmt.Sprintf("%d paragraph(s); the pitch has four parts.", len(ps)),
			Fix: "One paragraph each: who you are now and your strongest result, how you came to ML, your specialisation, why this company."})
	}
	if digitRe.MatchString(text) {
		r.add(Finding{Check: "quantified", OK: true, Message: "It gives a result in numbers."})
	} else {
		r.add(Finding{Check: "quantified", Message: "No result in numbers.", Fix: "Say your strongest result with its figure: \"cut fraud losses 18% at 5k transactions a second\"."})
	}
	if c.Company != "" {
		last := text
		if len(ps) > 0 {
			last = ps[len(ps)-1]
		}
		if strings.Contains(strings.ToLower(last), strings.ToLower(c.Company)) {
			r.add(Finding{Check: "company", OK: true, Message: fmt.Sprintf("It ends on %s.", c.Company)})
		} else {
			r.add(Finding{Check: "company", Message: fmt.Sprintf("The close does not name %s or its work.", c.Company), Text: last,
				Fix: "End on them: name their product, paper or problem and the part of it you want to work on."})
		}
	}
	r.filler(k, text)
	r.claims(k, text, c)
	return r
}

// Outline is the first sentence of each paragraph: what to glance at while
// practising.
func Outline(text string) []string {
	var out []string
	for _, p := range paragraphs(text) {
		s := p
		if i := strings.IndexAny(p, ".!?"); i > 0 && i < len(p)-1 {
			s = p[:i+1]
		}
		out = append(out, s)
	}
	return out
}

// CheckReadme checks a project README as a portfolio piece: its sections, a
// result with a number, and its length.
func (k *Kit) CheckReadme(text string) *Report {
	r := &Report{Kind: "readme", Findings: []Finding{}}
	r.Words = words(text)
	lower := strings.ToLower(text)
	var heads []string
	for _, ln := range strings.Split(lower, "\n") {
		if t := strings.TrimSpace(ln); strings.HasPrefix(t, "#") {
			heads = append(heads, strings.TrimSpace(strings.TrimLeft(t, "#")))
		}
	}
	if r.Words < 150 {
		r.add(Finding{Check: "length", Message: fmt.Sprintf("%d words: too short to show the work.", r.Words), Fix: "Say what the project does, how, with what result, and how to run it."})
	} else {
		r.add(Finding{Check: "length", OK: true, Message: fmt.Sprintf("%d words.", r.Words)})
	}
	for _, s := range k.ReadmeSections {
		found := false
		for _, h := range heads {
			for _, p := range s.Patterns {
				if strings.Contains(h, strings.ToLower(p)) {
					found = true
				}
			}
		}
		if found {
			r.add(Finding{Check: "section/" + s.ID, OK: true, Message: s.Name + " is there."})
		} else {
			r.add(Finding{Check: "section/" + s.ID, Message: "No " + strings.ToLower(s.Name) + " section.", Fix: s.Fix})
		}
	}
	if readmeNumRe.MatchString(text) {
		r.add(Finding{Check: "numbers", OK: true, Message: "Results are given in numbers."})
	} else {
		r.add(Finding{Check: "numbers", Message: "No result in numbers.", Fix: "Show the metric on held-out data and a baseline: \"F1 0.81 vs 0.72 for TF-IDF + logistic regression\"."})
	}
	return r
}
