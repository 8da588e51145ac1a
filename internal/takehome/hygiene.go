package takehome

import (
	"cmp"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// hygieneRules is the catalogue of the reviewers' other red flags.
var hygieneRules = []Rule{
	{"readme/missing", "documentation", High, 4, "No README"},
	{"readme/short", "documentation", High, 2, "README too short to review"},
	{"readme/sections", "documentation", Medium, 2, "README lacks a section reviewers look for"},
	{"tests/none", "testing", High, 3, "No tests"},
	{"tests/few", "testing", Low, 1, "Few tests for the amount of code"},
	{"deps/manifest", "dependencies", High, 3, "No dependency manifest"},
	{"deps/unpinned", "dependencies", Medium, 2, "Dependencies without exact versions"},
	{"deps/uncovered", "dependencies", Medium, 2, "Imported package missing from the manifest"},
	{"deps/pip-in-notebook", "dependencies", Low, 1, "Unpinned pip install in a notebook"},
	{"repro/abs-path", "reproducibility", High, 3, "Hard-coded absolute path"},
	{"repro/seed", "reproducibility", Medium, 2, "Randomness not controlled"},
	{"repro/notebook-order", "reproducibility", Medium, 2, "Notebook not run top to bottom"},
	{"repro/notebook-errors", "reproducibility", Medium, 2, "Notebook saved with an error"},
	{"notebook/too-long", "structure", Medium, 2, "Notebook over 1,000 lines of code"},
	{"files/large", "structure", Medium, 2, "Large data or model file committed"},
	{"code/notebook-only", "structure", Low, 1, "All code lives in notebooks"},
	{"eval/no-baseline", "evaluation", Medium, 2, "No baseline to compare with"},
	{"eval/accuracy-only", "evaluation", Medium, 2, "Accuracy alone on an imbalanced target"},
}

// Thresholds of the hygiene rules.
const (
	readmeMinProse    = 300      // characters of README prose
	testRatio         = 4        // non-test Python files per test file
	notebookMaxLines  = 1000     // lines of code in one notebook
	largeFileBytes    = 10 << 20 // a committed data or model file
	imbalanceRatio    = 3.0      // majority to minority count
	maxExcerpt        = 120
	maxSitesInMessage = 4
)

// hygiene finds the reviewers' other red flags in a project.
func hygiene(p *Project) []Finding {
	h := newHygieneCheck(p)
	var out []Finding
	if !p.Single {
		out = append(out, h.readme()...)
		out = append(out, h.tests()...)
		out = append(out, h.dependencies()...)
		out = append(out, h.largeFiles()...)
		out = append(out, h.notebookOnly()...)
	}
	out = append(out, h.pipInstalls()...)
	out = append(out, h.absPaths()...)
	out = append(out, h.seeds()...)
	out = append(out, h.notebookRuns()...)
	out = append(out, h.longNotebooks()...)
	out = append(out, h.baseline()...)
	out = append(out, h.accuracyOnly()...)
	return out
}

// hygieneCheck holds a project's files and sources in path order, so that
// findings come out the same on every run.
type hygieneCheck struct {
	p       *Project
	files   []File
	sources []*Source
	doc     *readmeDoc
}

func newHygieneCheck(p *Project) *hygieneCheck {
	h := &hygieneCheck{p: p, files: slices.Clone(p.Files)}
	slices.SortFunc(h.files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	for _, s := range p.Sources {
		if s != nil && s.Program != nil && s.ReadErr == "" {
			h.sources = append(h.sources, s)
		}
	}
	slices.SortFunc(h.sources, func(a, b *Source) int { return cmp.Compare(a.File, b.File) })
	if !p.Single {
		if f := h.rootReadme(); f != nil {
			h.doc = parseReadme(f.Path, string(f.Data))
		}
	}
	return h
}

func newFinding(rule, file string, line int, cell *int, excerpt, msg, fix string) Finding {
	sev := Medium
	for _, r := range hygieneRules {
		if r.ID == rule {
			sev = r.Severity
		}
	}
	return Finding{Rule: rule, Severity: sev, File: file, Line: line, Cell: cell, Excerpt: excerpt, Message: msg, Fix: fix}
}

// site is a place in the code.
type site struct {
	src   *Source
	chunk int // index into src.Chunks
	line  int // 1-based within the chunk
	col   int // byte offset within the line, for long excerpts
	name  string
}

func (s site) cell() *int {
	c := s.src.Chunks[s.chunk].Cell
	if c < 0 {
		return nil
	}
	return &c
}

func (s site) excerpt() string {
	return excerptAt(s.src.Chunks[s.chunk].Line(s.line), s.col)
}

// where names the place for a message: "train.py:12", or
// "eda.ipynb code cell 3, line 2" with the cell counted from 1 as a reader
// counts them.
func (s site) where() string {
	c := s.src.Chunks[s.chunk].Cell
	if c < 0 {
		return fmt.Sprintf("%s:%d", s.src.File, s.line)
	}
	return fmt.Sprintf("%s code cell %d, line %d", s.src.File, c+1, s.line)
}

func (s site) finding(rule, msg, fix string) Finding {
	return newFinding(rule, s.src.File, s.line, s.cell(), s.excerpt(), msg, fix)
}

// excerptAt trims a source line and, when it is long, keeps the part around
// byte col.
func excerptAt(line string, col int) string {
	lead := len(line) - len(strings.TrimLeft(line, " \t"))
	t := strings.TrimSpace(line)
	col -= lead
	if len(t) <= maxExcerpt {
		return t
	}
	start := max(0, min(col-maxExcerpt/3, len(t)-maxExcerpt+1))
	for start > 0 && start < len(t) && !isRuneStart(t[start]) {
		start--
	}
	end := min(len(t), start+maxExcerpt-2)
	for end < len(t) && !isRuneStart(t[end]) {
		end--
	}
	out := t[start:end]
	if start > 0 {
		out = "…" + out
	}
	if end < len(t) {
		out += "…"
	}
	return out
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// walk calls fn on every node of every parsed chunk, in file, chunk and
// source order.
func (h *hygieneCheck) walk(fn func(s *Source, chunk int, n *Node)) {
	for _, s := range h.sources {
		for ci, t := range s.Trees {
			if t == nil || t.Root == nil {
				continue
			}
			t.Root.Walk(func(n *Node) bool {
				fn(s, ci, n)
				return true
			})
		}
	}
}

// callName is the last name of a call's function: fit for model.fit(...),
// train_test_split for sklearn.model_selection.train_test_split(...).
func callName(call *Node) string {
	fn := call.Child("function")
	switch {
	case fn == nil:
		return ""
	case fn.Kind == "identifier":
		return fn.Text()
	case fn.Kind == "attribute":
		if a := fn.Child("attribute"); a != nil {
			return a.Text()
		}
	}
	return ""
}

// dottedCall is a call's function as a dotted name (np.random.seed), or "".
func dottedCall(call *Node) string {
	d, _ := call.Child("function").DottedName()
	return d
}

func nodeSite(s *Source, ci int, n *Node) site {
	return site{src: s, chunk: ci, line: n.Line, col: n.Start - lineStart(s.Trees[ci].Src, n.Start)}
}

func lineStart(src []byte, off int) int {
	off = min(off, len(src))
	for off > 0 && src[off-1] != '\n' {
		off--
	}
	return off
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return commas(n) + " " + many
}

// commas writes an integer with thousands separators.
func commas(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + commas(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// joinAnd joins with commas and a final "and".
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func quoteShort(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		s = string(r[:n-1]) + "…"
	}
	return strconv.Quote(s)
}

// ---- README ----

var readmeNames = []string{"readme.md", "readme.markdown", "readme.rst", "readme.txt", "readme"}

// rootReadme is the README at the root, or at the top of the project when
// every file sits in one folder.
func (h *hygieneCheck) rootReadme() *File {
	top := h.topDir()
	for _, dir := range []string{"", top} {
		for _, name := range readmeNames {
			for i := range h.files {
				f := &h.files[i]
				d := path.Dir(f.Path)
				if d == "." {
					d = ""
				}
				if d == dir && strings.ToLower(path.Base(f.Path)) == name {
					return f
				}
			}
		}
		if top == "" {
			break
		}
	}
	return nil
}

// topDir is the folder every file of the project is in, or "".
func (h *hygieneCheck) topDir() string {
	top := ""
	for i, f := range h.files {
		d := path.Dir(f.Path)
		if d == "." {
			return ""
		}
		if i == 0 {
			top = d
			continue
		}
		for top != "" && d != top && !strings.HasPrefix(d, top+"/") {
			if t := path.Dir(top); t != "." {
				top = t
			} else {
				top = ""
			}
		}
		if top == "" {
			return ""
		}
	}
	return top
}

type mdHeading struct {
	Text  string // lower case
	Level int    // 1-6; 7 for a bold or colon pseudo-heading
	Line  int    // 0-based line index
	Raw   string // as written, trimmed
}

type readmeDoc struct {
	Path   string
	Lines  []string
	InCode []bool
	Heads  []mdHeading
	isHead []bool
}

var (
	atxRe       = regexp.MustCompile(`^\s{0,3}(#{1,6})\s+(.*?)[\s#]*$`)
	underlineRe = regexp.MustCompile("^\\s*(={3,}|-{3,}|~{3,}|\\^{3,}|\\*{3,}|\\+{3,}|#{3,}|\"{3,}|`{3,})\\s*$")
	htmlHeadRe  = regexp.MustCompile(`(?i)^\s*<h([1-6])[^>]*>(.*?)</h[1-6]>`)
	boldHeadRe  = regexp.MustCompile(`^\s*(?:\*\*|__)([^*_]{2,60}?)(?:\*\*|__)\s*:?\s*$|^\s*(?:\*\*|__)([^*_]{2,60}?):(?:\*\*|__)`)
	colonHeadRe = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z0-9 /&'()-]{1,40}):\s*$`)
	fenceRe     = regexp.MustCompile("^\\s{0,3}(`{3,}|~{3,})")
	htmlTagRe   = regexp.MustCompile(`<[^>]+>`)
	imageRe     = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	linkRe      = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	htmlCommRe  = regexp.MustCompile(`(?s)<!--.*?-->`)
	tableSepRe  = regexp.MustCompile(`^[\s|:+-]+$`)
	spaceRe     = regexp.MustCompile(`\s+`)
	mdMarkRe    = regexp.MustCompile("[#*_>`|]")
)

func parseReadme(p, text string) *readmeDoc {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = htmlCommRe.ReplaceAllStringFunc(text, func(c string) string {
		return strings.Repeat("\n", strings.Count(c, "\n"))
	})
	d := &readmeDoc{Path: p, Lines: strings.Split(text, "\n")}
	d.InCode = make([]bool, len(d.Lines))
	d.isHead = make([]bool, len(d.Lines))
	fence := ""
	for i, l := range d.Lines {
		if m := fenceRe.FindStringSubmatch(l); m != nil {
			d.InCode[i] = true
			switch {
			case fence == "":
				fence = m[1][:1]
			case strings.HasPrefix(m[1], fence):
				fence = ""
			}
			continue
		}
		if fence != "" {
			d.InCode[i] = true
		}
	}
	for i, l := range d.Lines {
		if d.InCode[i] || strings.TrimSpace(l) == "" {
			continue
		}
		add := func(text string, level int) {
			text = strings.TrimSpace(mdMarkRe.ReplaceAllString(text, ""))
			d.Heads = append(d.Heads, mdHeading{Text: strings.ToLower(text), Level: level, Line: i, Raw: strings.TrimSpace(l)})
			d.isHead[i] = true
		}
		switch {
		case atxRe.MatchString(l):
			m := atxRe.FindStringSubmatch(l)
			add(m[2], len(m[1]))
		case i+1 < len(d.Lines) && !d.InCode[i+1] && underlineRe.MatchString(d.Lines[i+1]) && !underlineRe.MatchString(l) &&
			!strings.HasPrefix(strings.TrimSpace(l), "|") && !strings.HasPrefix(strings.TrimSpace(l), "- "):
			level := 3
			switch strings.TrimSpace(d.Lines[i+1])[0] {
			case '=':
				level = 1
			case '-':
				level = 2
			}
			add(l, level)
			d.isHead[i+1] = true
		case htmlHeadRe.MatchString(l):
			m := htmlHeadRe.FindStringSubmatch(l)
			lv, _ := strconv.Atoi(m[1])
			add(htmlTagRe.ReplaceAllString(m[2], ""), lv)
		case boldHeadRe.MatchString(l):
			m := boldHeadRe.FindStringSubmatch(l)
			add(m[1]+m[2], 7)
		case colonHeadRe.MatchString(l) && len(strings.Fields(l)) <= 6:
			add(colonHeadRe.FindStringSubmatch(l)[1], 7)
		}
	}
	return d
}

// prose is the README's running text with headings, code, images, link
// targets, tags and table rules taken out and white space collapsed.
func (d *readmeDoc) prose(from, to int) string {
	var b strings.Builder
	for i := from; i < to; i++ {
		if d.InCode[i] || d.isHead[i] {
			continue
		}
		l := d.Lines[i]
		if tableSepRe.MatchString(l) {
			continue
		}
		l = imageRe.ReplaceAllString(l, "")
		l = linkRe.ReplaceAllString(l, "$1")
		l = htmlTagRe.ReplaceAllString(l, "")
		l = mdMarkRe.ReplaceAllString(l, "")
		b.WriteString(l)
		b.WriteByte(' ')
	}
	return strings.TrimSpace(spaceRe.ReplaceAllString(b.String(), " "))
}

// section is the first heading matching re and the lines under it up to
// the next heading of the same or a higher level; ok is false when no
// heading matches. When several match, the first whose body satisfies
// prefer (if given) wins.
func (d *readmeDoc) section(re *regexp.Regexp, prefer ...func(string) bool) (h mdHeading, body string, ok bool) {
	for i, hd := range d.Heads {
		if !re.MatchString(hd.Text) {
			continue
		}
		end := len(d.Lines)
		for _, next := range d.Heads[i+1:] {
			if next.Level <= hd.Level || hd.Level == 7 {
				end = next.Line
				break
			}
		}
		b := strings.Join(d.Lines[hd.Line:end], "\n")
		if !ok {
			h, body, ok = hd, b, true
		}
		if len(prefer) == 0 {
			break
		}
		if prefer[0](b) {
			return hd, b, true
		}
	}
	return h, body, ok
}

var (
	secSummaryRe   = regexp.MustCompile(`\b(overview|summary|tl;?dr|introduction|intro|about|description|abstract|problem( statement)?|task|objective|goals?|context|background)\b`)
	secApproachRe  = regexp.MustCompile(`\b(approach|methods?|methodology|models?|modell?ing|solution|pipeline|how it works|architecture|feature engineering|features|implementation|analysis|techniques?)\b`)
	secResultsRe   = regexp.MustCompile(`\b(results?|evaluation|performance|metrics|scores?|benchmarks?|findings|outcomes?|experiments?)\b`)
	secSetupRe     = regexp.MustCompile(`\b(setup|set up|install(ation|ing)?|usage|how to (run|use)|run(ning)?|getting started|quick ?start|reproduc\w*|requirements|environment)\b`)
	secStructureRe = regexp.MustCompile(`\b(structure|layout|organi[sz]ation|repository|repo|files|folders?|director(y|ies)|project tree)\b`)
	secDecisionsRe = regexp.MustCompile(`\b(decisions?|trade-?offs?|trade offs|choices|assumptions|rationale|considerations|discussion|justification|why)\b`)
	secNextRe      = regexp.MustCompile(`\b(next steps?|future|more time|improvements?|todo|to do|roadmap|limitations?|further work|what i would|extensions?)\b`)

	numberRe        = regexp.MustCompile(`\d*\.\d+|\d+(\.\d+)?\s*%`)
	metricLineRe    = regexp.MustCompile(`(?i)\b(rmse|mae|mse|mape|accuracy|f1|auc|precision|recall|score|loss|error|r2|r²|map|ndcg|bleu|rouge)\b.*\d|\d.*\b(rmse|mae|mse|mape|accuracy|f1|auc|precision|recall|score|loss|error|r2|r²|map|ndcg|bleu|rouge)\b`)
	baselineRe      = regexp.MustCompile(`(?i)\bbaselines?\b|majority[- ]class|most[- ]frequent|\bnaive\b|\bdummy\b|chance level|random guess`)
	commandLineRe   = regexp.MustCompile(`(?m)^\s*(\$\s*)?(pip3?|python3?|conda|mamba|make|docker|uv|poetry|pipenv|jupyter|bash|sh|streamlit|pytest|dvc|git clone)\b`)
	treeDrawRe      = regexp.MustCompile("[├└]──|(?m)^\\s*[|+`]-- \\S")
	inlineCommandRe = regexp.MustCompile("`\\s*(pip3?|python3?|conda|make|docker|uv|poetry) [^`]+`")
)

// readme checks that the project has a README a reviewer can work from.
func (h *hygieneCheck) readme() []Finding {
	d := h.doc
	if d == nil {
		msg := "The project has no README at its root, so a reviewer opens it not knowing what you built, how well it works or how to run it."
		var nested []string
		for _, f := range h.files {
			if slices.Contains(readmeNames, strings.ToLower(path.Base(f.Path))) {
				nested = append(nested, f.Path)
			}
		}
		if len(nested) > 0 {
			msg = fmt.Sprintf("The project has no README at its root (the nearest is %s), so a reviewer opens it not knowing what you built, how well it works or how to run it.", nested[0])
		}
		return []Finding{newFinding("readme/missing", "", 0, nil, "", msg,
			"Add README.md at the root: a summary with the headline test metric, the approach, results against a baseline, the commands to run it, the project structure, key decisions and next steps.")}
	}
	var out []Finding
	prose := d.prose(0, len(d.Lines))
	if n := len([]rune(prose)); n < readmeMinProse {
		msg := fmt.Sprintf("%s has %s of prose (code blocks, headings and badges not counted): too little to say what you built, how well it did and how to run it.", d.Path, plural(n, "character", "characters"))
		if n == 0 {
			msg = d.Path + " has no prose at all: it does not say what you built, how well it did or how to run it."
		}
		out = append(out, newFinding("readme/short", d.Path, 0, nil, "", msg,
			"Write the README a reviewer reads before any code: what the task was, what you built, the test-set result next to a baseline, how to run it, and what you would do next."))
	}
	missing := func(line int, excerpt, msg, fix string) {
		out = append(out, newFinding("readme/sections", d.Path, line, nil, excerpt, msg, fix))
	}

	// Summary: a section, or a paragraph under the title before the first
	// section heading.
	if _, _, ok := d.section(secSummaryRe); !ok {
		// The text before the first heading that is not the title.
		end := len(d.Lines)
		for i, hd := range d.Heads {
			if i > 0 || hd.Level > 1 {
				end = hd.Line
				break
			}
		}
		if len([]rune(d.prose(0, end))) < 100 {
			missing(0, "", d.Path+" does not open with a summary: there is no Overview or Summary section and no paragraph under the title saying what the task was and how well your model does.",
				"Open with two or three sentences: the task, the model you chose, and the headline test score next to its baseline.")
		}
	}
	if _, _, ok := d.section(secApproachRe); !ok {
		missing(0, "", d.Path+" has no Approach or Method section, so the reviewer has to reverse-engineer the preprocessing, features and model from the code.",
			"Add an Approach section: the preprocessing, the features, the model and why you chose it, and how you split the data for evaluation.")
	}
	results, body, hasResults := d.section(secResultsRe, hasNumber)
	switch {
	case !hasResults:
		missing(0, "", d.Path+" has no Results section: the reviewer has to run your code to learn how well the model does.",
			"Add a Results section with a small table of held-out metrics that fit the problem, for your model and a baseline, and say which split they come from.")
	case !hasNumber(body):
		missing(results.Line+1, results.Raw, fmt.Sprintf("The %q section of %s gives no numbers; a reviewer cannot judge a result that is only described in words.", results.Raw, d.Path),
			"Put the test-set metrics in it as numbers, for example a table with your model's and the baseline's scores.")
	}
	baselineText := strings.Join(d.Lines, "\n")
	if hasResults {
		_, baselineText, _ = d.section(secResultsRe, baselineRe.MatchString)
	}
	if !baselineRe.MatchString(baselineText) {
		where := d.Path + " mentions"
		if hasResults {
			where = fmt.Sprintf("The results in %s mention", d.Path)
		}
		missing(results.Line+btoi(hasResults), results.Raw, where+" no baseline, so nothing says whether the score is good: 90% accuracy is poor when 90% of the rows are one class.",
			"Report a trivial model's score next to yours: the majority class for classification, the mean for regression, or the rule the business uses today.")
	}
	setup, _, hasSetup := d.section(secSetupRe)
	commands := d.hasCommands()
	switch {
	case !hasSetup && !commands:
		missing(0, "", d.Path+" does not say how to run the project: no Setup or Usage section and no commands.",
			"Add the exact commands from a fresh clone in a code block: create the environment, pip install -r requirements.txt, where to put the data, and the command that trains and evaluates.")
	case hasSetup && !commands:
		missing(setup.Line+1, setup.Raw, fmt.Sprintf("The %q section of %s gives no commands to run.", setup.Raw, d.Path),
			"Put the exact commands in a code block: installing the dependencies, getting the data, and training and evaluating (python train.py or the notebook to open).")
	}
	if _, _, ok := d.section(secStructureRe); !ok && !treeDrawRe.MatchString(strings.Join(d.Lines, "\n")) {
		missing(0, "", d.Path+" has no project structure section, so the reviewer has to open files to find the training and evaluation code.",
			"Add a short tree of the repository with one line per file or folder saying what it holds.")
	}
	if _, _, ok := d.section(secDecisionsRe); !ok {
		missing(0, "", d.Path+" does not explain key decisions or trade-offs (why this model, this metric, this split), which is what the follow-up interview is about.",
			"Add a Key decisions section with a few bullets, each naming a choice, the alternative you rejected and why.")
	}
	if _, _, ok := d.section(secNextRe); !ok {
		missing(0, "", d.Path+" says nothing about limitations or next steps; \"what would you do with more time?\" is a question every reviewer asks.",
			"Add a Next steps section: the known weaknesses of the solution and what you would try next, in order of expected payoff.")
	}
	return out
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func hasNumber(body string) bool {
	return numberRe.MatchString(body) || metricLineRe.MatchString(body)
}

// hasCommands says whether the README gives commands: a fenced block with
// a shell command in it, or lines starting with one.
func (d *readmeDoc) hasCommands() bool {
	for i, l := range d.Lines {
		if commandLineRe.MatchString(l) && (d.InCode[i] || strings.HasPrefix(strings.TrimSpace(l), "$") || strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "\t")) {
			return true
		}
		if inlineCommandRe.MatchString(l) {
			return true
		}
	}
	return false
}

// ---- tests ----

func isTestFile(p string) bool {
	if !strings.HasSuffix(p, ".py") {
		return false
	}
	base := path.Base(p)
	if base == "__init__.py" {
		return false
	}
	if strings.HasPrefix(base, "test_") || strings.HasSuffix(base, "_test.py") || base == "tests.py" {
		return true
	}
	return inTestDir(p)
}

func inTestDir(p string) bool {
	for _, part := range strings.Split(path.Dir(p), "/") {
		if part == "tests" || part == "test" {
			return true
		}
	}
	return false
}

func (h *hygieneCheck) tests() []Finding {
	var tests, other, notebooks int
	hasConftest := false
	for _, f := range h.files {
		switch {
		case strings.HasSuffix(strings.ToLower(f.Path), ".ipynb"):
			notebooks++
		case !strings.HasSuffix(f.Path, ".py"):
		case path.Base(f.Path) == "conftest.py":
			hasConftest = true
		case isTestFile(f.Path):
			tests++
		case path.Base(f.Path) == "__init__.py" || path.Base(f.Path) == "setup.py":
		default:
			other++
		}
	}
	if other == 0 && notebooks == 0 {
		return nil // no Python code, nothing to test
	}
	if tests == 0 && !hasConftest {
		code := plural(other, "Python file", "Python files")
		if other == 0 {
			code = plural(notebooks, "notebook", "notebooks")
		}
		fix := "Add a tests/ folder with a few pytest tests of your own functions: a feature transform on a tiny DataFrame, no row shared between the train and test splits, the shape and range of the model's predictions; run them with pytest."
		if other == 0 {
			fix = "Move the data preparation and feature code out of the notebook into a module, then add tests/ with a few pytest tests of those functions (a transform on a tiny DataFrame, no row shared between train and test)."
		}
		return []Finding{newFinding("tests/none", "", 0, nil, "",
			fmt.Sprintf("There are no tests (no tests/ folder, no test_*.py file) for %s, so nothing shows that the data preparation and features do what you say.", code), fix)}
	}
	if tests*testRatio < other {
		return []Finding{newFinding("tests/few", "", 0, nil, "",
			fmt.Sprintf("%s for %s; a reviewer looks for at least 1 per %d.", plural(tests, "test file", "test files"), plural(other, "other Python file", "other Python files"), testRatio),
			"Add tests for the modules with the most logic first (feature engineering, the split, the evaluation), one test file per module.")}
	}
	return nil
}

// ---- dependencies ----

// importSite is a third-party import in the code.
type importSite struct {
	module string
	at     site
}

// thirdPartyImports lists the top-level imports that are neither the
// standard library nor the project's own modules, first occurrence first.
func (h *hygieneCheck) thirdPartyImports() []importSite {
	local := map[string]bool{}
	for _, f := range h.files {
		if !strings.HasSuffix(f.Path, ".py") {
			continue
		}
		local[strings.TrimSuffix(path.Base(f.Path), ".py")] = true
		if d := path.Dir(f.Path); d != "." {
			for _, part := range strings.Split(d, "/") {
				local[part] = true
			}
		}
	}
	seen := map[string]bool{}
	var out []importSite
	add := func(s *Source, ci int, n *Node, name string) {
		if strings.HasPrefix(name, "google.colab") || name == "kaggle_secrets" {
			return // provided by the hosted notebook; the path rule covers it
		}
		top, _, _ := strings.Cut(name, ".")
		if top == "" || stdlib[top] || local[top] || strings.HasPrefix(top, "_") || seen[top] {
			return
		}
		if top == "IPython" && s.Notebook != nil {
			return
		}
		seen[top] = true
		out = append(out, importSite{module: top, at: nodeSite(s, ci, n)})
	}
	for _, s := range h.sources {
		for ci, t := range s.Trees {
			if t == nil || t.Root == nil {
				continue
			}
			var visit func(n *Node)
			visit = func(n *Node) {
				switch n.Kind {
				case "try_statement":
					if guardsImportError(n) {
						return // an optional dependency
					}
				case "import_statement":
					for _, k := range n.Kids {
						if k.Kind == "aliased_import" {
							k = k.Child("name")
						}
						if k != nil && k.Kind == "dotted_name" {
							add(s, ci, n, k.Text())
						}
					}
					return
				case "import_from_statement":
					if m := n.Child("module_name"); m != nil && m.Kind == "dotted_name" {
						add(s, ci, n, m.Text())
					}
					return
				}
				for _, k := range n.Kids {
					visit(k)
				}
			}
			visit(t.Root)
		}
	}
	return out
}

func guardsImportError(try *Node) bool {
	for _, k := range try.Kids {
		if k.Kind == "except_clause" {
			for _, e := range k.Kids {
				if e.Kind != "block" && (strings.Contains(e.Text(), "ImportError") || strings.Contains(e.Text(), "ModuleNotFoundError")) {
					return true
				}
			}
		}
	}
	return false
}

func (h *hygieneCheck) manifests() []manifest {
	setupPy := map[string]*Source{}
	for _, s := range h.sources {
		if path.Base(s.File) == "setup.py" {
			setupPy[s.File] = s
		}
	}
	var out []manifest
	for _, f := range h.files {
		if kind := manifestKind(f.Path); kind != "" && f.Data != nil {
			out = append(out, parseManifest(f, kind, setupPy[f.Path]))
		}
	}
	// Shallowest first, so a fix names the root manifest.
	slices.SortStableFunc(out, func(a, b manifest) int {
		return cmp.Or(cmp.Compare(strings.Count(a.Path, "/"), strings.Count(b.Path, "/")), cmp.Compare(manifestRank(a.Kind), manifestRank(b.Kind)))
	})
	return out
}

func manifestRank(kind string) int {
	return slices.Index([]string{"requirements", "pyproject", "conda", "pipfile", "setup.py", "setup.cfg"}, kind)
}

// declares says whether a manifest is where dependencies are declared: a
// pyproject.toml or setup.py holding only tool settings is not.
func (m manifest) declares() bool {
	switch m.Kind {
	case "requirements", "conda", "pipfile":
		return true
	}
	return len(m.Reqs) > 0
}

func (h *hygieneCheck) dependencies() []Finding {
	if len(h.sources) == 0 {
		return nil
	}
	imports := h.thirdPartyImports()
	var ms []manifest
	for _, m := range h.manifests() {
		if m.declares() {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		if len(imports) == 0 {
			return nil
		}
		var dists []string
		for _, im := range imports {
			if d := distFor(im.module); !slices.Contains(dists, d) {
				dists = append(dists, d)
			}
		}
		shown := dists
		if len(shown) > 6 {
			shown = append(slices.Clone(dists[:6]), fmt.Sprintf("%d more", len(dists)-6))
		}
		return []Finding{newFinding("deps/manifest", "", 0, nil, "",
			fmt.Sprintf("There is no requirements.txt, pyproject.toml or environment.yml, yet the code imports %s: the reviewer has to guess what to install, and which versions.", joinAnd(shown)),
			fmt.Sprintf("Add requirements.txt with one pinned line per package you import (%s==<version>, …); pip freeze in the environment you ran in shows the versions.", dists[0]))}
	}
	var out []Finding
	out = append(out, h.unpinned(ms)...)

	declared := map[string]bool{}
	for _, m := range ms {
		for _, r := range m.Reqs {
			declared[normDist(r.Name)] = true
		}
	}
	declared = withImplied(declared)
	var names []string
	for _, m := range ms {
		names = append(names, m.Path)
	}
	for _, im := range imports {
		if covered(im.module, declared) {
			continue
		}
		dist := distFor(im.module)
		what := im.module
		if normDist(dist) != normDist(im.module) {
			what = fmt.Sprintf("%s (distribution %s)", im.module, dist)
		}
		out = append(out, im.at.finding("deps/uncovered",
			fmt.Sprintf("%s is imported at %s but %s does not declare it, so installing from it and running the code ends in ModuleNotFoundError.", what, im.at.where(), joinAnd(names)),
			fmt.Sprintf("Add %s==<the version you ran> to %s.", dist, ms[0].Path)))
	}
	return out
}

// unpinned reports manifests whose dependencies have no exact version,
// unless a lock file pins them. Version ranges in pyproject.toml or
// setup.py are fine when a pinned requirements file sits next to them.
func (h *hygieneCheck) unpinned(ms []manifest) []Finding {
	for _, f := range h.files {
		if lockFiles[strings.ToLower(path.Base(f.Path))] {
			return nil
		}
	}
	hasTxt, pinnedApp := false, false
	for _, m := range ms {
		if m.Kind == "requirements" && strings.HasSuffix(m.Path, ".txt") {
			hasTxt = true
		}
		if (m.Kind == "requirements" || m.Kind == "conda" || m.Kind == "pipfile") && len(m.Reqs) > 0 && !slices.ContainsFunc(m.Reqs, func(r requirement) bool { return !r.Pinned }) {
			pinnedApp = true
		}
	}
	var out []Finding
	for _, m := range ms {
		if m.Kind == "requirements" && strings.HasSuffix(m.Path, ".in") && hasTxt {
			continue // pip-compile input; the .txt is what gets installed
		}
		if pinnedApp && (m.Kind == "pyproject" || m.Kind == "setup.py" || m.Kind == "setup.cfg") {
			continue
		}
		var loose []requirement
		for _, r := range m.Reqs {
			if !r.Pinned {
				loose = append(loose, r)
			}
		}
		if len(loose) == 0 {
			continue
		}
		first := loose[0]
		excerpt := ""
		if first.Line > 0 && first.Line <= len(m.Text) {
			excerpt = excerptAt(m.Text[first.Line-1], 0)
		}
		out = append(out, newFinding("deps/unpinned", m.Path, first.Line, nil, excerpt,
			fmt.Sprintf("%d of %d dependencies in %s have no exact version (%s): an install next month can get releases that change your results or break the code.", len(loose), len(m.Reqs), m.Path, describeReqs(loose, 4)),
			fmt.Sprintf("Pin each to the version you ran with (%s==<version>; pip freeze shows them), or commit a lock file (uv.lock, poetry.lock).", first.Name)))
	}
	return out
}

var (
	shellSepRe = regexp.MustCompile(`&&|;|\|\|`)
	pipLineRe  = regexp.MustCompile(`^(?:sudo\s+)?(pip3?|python3?\s+-m\s+pip|uv\s+pip|conda|mamba)\s+install\s+(.*)$`)
	// pipArgOpts are install options that take a value.
	pipArgOpts = setOf(`-r --requirement -c --constraint -e --editable -i --index-url --extra-index-url -f --find-links -t --target --prefix --root --channel -n --name -p --prefix --python-version --platform`)
)

// pipInstalls finds notebook cells that install packages with no version.
func (h *hygieneCheck) pipInstalls() []Finding {
	var out []Finding
	for _, s := range h.sources {
		if s.Notebook == nil {
			continue
		}
		for ci, c := range s.Chunks {
			lines := strings.Split(c.Raw, "\n")
			shellCell := false
			for i, l := range lines {
				t := strings.TrimSpace(l)
				if i == 0 || (!shellCell && strings.TrimSpace(strings.Join(lines[:i], "")) == "") {
					if strings.HasPrefix(t, "%%bash") || strings.HasPrefix(t, "%%sh") || strings.HasPrefix(t, "%%script bash") {
						shellCell = true
						continue
					}
				}
				var cmd string
				switch {
				case strings.HasPrefix(t, "!"):
					cmd = strings.TrimSpace(t[1:])
				case strings.HasPrefix(t, "%pip") || strings.HasPrefix(t, "%conda"):
					cmd = strings.TrimSpace(t[1:])
				case shellCell:
					cmd = t
				default:
					continue
				}
				for _, part := range shellSepRe.Split(cmd, -1) {
					loose, conda := unpinnedInstall(strings.TrimSpace(part))
					if len(loose) == 0 {
						continue
					}
					pin := loose[0] + "==<version>"
					if conda {
						pin = loose[0] + "=<version>"
					}
					at := site{src: s, chunk: ci, line: i + 1}
					out = append(out, at.finding("deps/pip-in-notebook",
						fmt.Sprintf("The notebook installs %s with no version (%s), so a rerun can get other releases than the ones your results came from.", joinAnd(loose), at.where()),
						fmt.Sprintf("Pin each (%s) or, better, list them with versions in requirements.txt and drop the install line.", pin)))
					break
				}
			}
		}
	}
	return out
}

// unpinnedInstall returns the packages a pip or conda install command names
// without a version.
func unpinnedInstall(cmd string) (loose []string, conda bool) {
	m := pipLineRe.FindStringSubmatch(cmd)
	if m == nil {
		return nil, false
	}
	conda = m[1] == "conda" || m[1] == "mamba"
	fields := strings.Fields(m[2])
	for i := 0; i < len(fields); i++ {
		a := strings.Trim(fields[i], `"'`)
		switch {
		case a == ">" || a == "2>" || a == "|" || strings.HasPrefix(a, ">") || strings.HasPrefix(a, "2>"):
			return loose, conda
		case a == "-r" || a == "--requirement" || strings.HasPrefix(a, "-r"):
			return nil, conda // the versions live in the file
		case strings.HasPrefix(a, "-"):
			if pipArgOpts[a] {
				i++
			}
			continue
		case strings.Contains(a, "==") || strings.Contains(a, "~=") || strings.Contains(a, "@") || strings.Contains(a, "://"),
			strings.HasPrefix(a, ".") || strings.HasPrefix(a, "/") || strings.HasPrefix(a, "{") || strings.HasPrefix(a, "$"),
			strings.HasSuffix(a, ".whl") || strings.HasSuffix(a, ".tar.gz"):
			continue
		case conda && strings.Contains(a, "="):
			continue
		}
		name := a
		if j := strings.IndexAny(name, "<>=!["); j >= 0 {
			name = name[:j]
		}
		if name != "" {
			loose = append(loose, name)
		}
	}
	return loose, conda
}

// ---- files ----

var dataExts = setOf(`.csv .tsv .parquet .pkl .pickle .joblib .h5 .hdf5 .hdf .pt .pth .ckpt .onnx .zip .npy .npz .gz .tgz .bz2 .xz .7z .rar .tar
.feather .arrow .sav .bin .safetensors .xlsx .xls .json .jsonl .ndjson .model .tflite .pb .keras .mat .db .sqlite .avro .orc .msgpack .weights .dat`)

func (h *hygieneCheck) largeFiles() []Finding {
	ign := h.ignoreRules()
	var lfs []string
	dvc := map[string]bool{}
	for _, f := range h.files {
		if path.Base(f.Path) == ".gitattributes" {
			dir := path.Dir(f.Path)
			for _, l := range strings.Split(string(f.Data), "\n") {
				fields := strings.Fields(l)
				if len(fields) > 1 && !strings.HasPrefix(fields[0], "#") && slices.Contains(fields[1:], "filter=lfs") {
					lfs = append(lfs, joinPattern(dir, fields[0]))
				}
			}
		}
		if strings.HasSuffix(f.Path, ".dvc") {
			dvc[strings.TrimSuffix(f.Path, ".dvc")] = true
		}
	}
	var out []Finding
	for _, f := range h.files {
		if f.Size <= largeFileBytes {
			continue
		}
		ext := strings.ToLower(path.Ext(f.Path))
		if !dataExts[ext] {
			continue
		}
		if dvc[f.Path] || ign.ignored(f.Path) || slices.ContainsFunc(lfs, func(p string) bool { return gitMatch(p, f.Path) }) {
			continue
		}
		out = append(out, newFinding("files/large", f.Path, 0, nil, "",
			fmt.Sprintf("%s is %.1f MB of %s committed to the repository: it makes the clone slow, and a reviewer cannot see how it was made.", f.Path, float64(f.Size)/(1<<20), fileKind(ext)),
			"Take it out of git (git rm --cached, then .gitignore it) and give a download step in the README, a script or a URL with a checksum; if it has to be versioned, track it with Git LFS or DVC."))
	}
	return out
}

func fileKind(ext string) string {
	switch ext {
	case ".pkl", ".pickle", ".joblib", ".h5", ".hdf5", ".pt", ".pth", ".ckpt", ".onnx", ".sav", ".bin", ".safetensors", ".model", ".tflite", ".pb", ".keras", ".weights":
		return "data or model weights"
	case ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar":
		return "archive"
	}
	return "data"
}

// ignoreRule is one .gitignore pattern, scoped to the folder of its file.
type ignoreRule struct {
	pattern string
	negate  bool
	dirOnly bool
}

type ignoreRules []ignoreRule

func (h *hygieneCheck) ignoreRules() ignoreRules {
	var out ignoreRules
	for _, f := range h.files {
		if path.Base(f.Path) != ".gitignore" {
			continue
		}
		dir := path.Dir(f.Path)
		for _, l := range strings.Split(string(f.Data), "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			r := ignoreRule{}
			if strings.HasPrefix(l, "!") {
				r.negate, l = true, l[1:]
			}
			if strings.HasSuffix(l, "/") {
				r.dirOnly, l = true, strings.TrimSuffix(l, "/")
			}
			r.pattern = joinPattern(dir, l)
			out = append(out, r)
		}
	}
	return out
}

// ignored says whether a file is ignored, by itself or through a folder.
func (rs ignoreRules) ignored(p string) bool {
	ign := false
	for _, r := range rs {
		// The file itself, or any folder above it.
		cands := []string{}
		if !r.dirOnly {
			cands = append(cands, p)
		}
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			cands = append(cands, d)
		}
		for _, c := range cands {
			if gitMatch(r.pattern, c) {
				ign = !r.negate
				break
			}
		}
	}
	return ign
}

// joinPattern makes a .gitignore or .gitattributes pattern of a file in dir
// relative to the project root: a pattern with no slash but a trailing one
// matches at any depth below dir.
func joinPattern(dir, pat string) string {
	anchored := strings.Contains(strings.TrimSuffix(pat, "/"), "/")
	pat = strings.TrimPrefix(pat, "/")
	if !anchored {
		pat = "**/" + pat
	}
	if dir == "." || dir == "" {
		return pat
	}
	return dir + "/" + pat
}

// gitMatch matches a slash path against a pattern with *, ?, [...] and **.
func gitMatch(pattern, p string) bool {
	pp := strings.Split(pattern, "/")
	ps := strings.Split(p, "/")
	var match func(i, j int) bool
	match = func(i, j int) bool {
		if i == len(pp) {
			return j == len(ps)
		}
		if pp[i] == "**" {
			for k := j; k <= len(ps); k++ {
				if match(i+1, k) {
					return true
				}
			}
			return false
		}
		if j == len(ps) {
			return false
		}
		ok, err := path.Match(pp[i], ps[j])
		return err == nil && ok && match(i+1, j+1)
	}
	return match(0, 0)
}

func (h *hygieneCheck) notebookOnly() []Finding {
	notebooks, modules := 0, 0
	for _, s := range h.sources {
		if s.Notebook != nil {
			if len(s.Chunks) > 0 {
				notebooks++
			}
			continue
		}
		switch path.Base(s.File) {
		case "setup.py", "conftest.py", "__init__.py":
		default:
			modules++
		}
	}
	if notebooks == 0 || modules > 0 {
		return nil
	}
	return []Finding{newFinding("code/notebook-only", "", 0, nil, "",
		fmt.Sprintf("All the code is in %s and there is no .py module, so nothing can be imported, tested or run from the command line.", plural(notebooks, "notebook", "notebooks")),
		"Move the reusable steps (loading, features, training, evaluation) into functions in a .py module, import them in the notebook, and add a script that trains and evaluates end to end.")}
}

// ---- paths ----

var (
	absPathRe = regexp.MustCompile(`(?:^|[\s="'(,:])((?:/(?:home|Users|mnt|Volumes|media|root)/[^/\s"']+|/content(?:/|\b)|/kaggle/(?:input|working)\b|/data/|~/|[A-Za-z]:[\\/]|\\\\[A-Za-z0-9])[^\s"']*)`)
	schemeRe  = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)
	homeRe    = regexp.MustCompile(`^/(?:home|Users)/([^/]+)`)
	// configPathRe matches tools' own settings folders (~/.kaggle,
	// /root/.cache), which exist wherever the tool is set up.
	configPathRe = regexp.MustCompile(`^(~|/root)/\.`)
	routeCalls   = setOf(`route get post put patch delete websocket add_url_rule add_api_route api_route`)
)

// literal is a string literal's text with interpolations as {}, so an
// f-string's fixed part is checked too.
func literal(n *Node) string {
	var b strings.Builder
	for _, k := range n.Kids {
		switch k.Kind {
		case "string_content", "escape_sequence":
			b.WriteString(k.Text())
		case "interpolation":
			b.WriteString("{}")
		}
	}
	return b.String()
}

func (h *hygieneCheck) absPaths() []Finding {
	var out []Finding
	for _, s := range h.sources {
		notebook := s.Notebook != nil
		for ci, t := range s.Trees {
			if t == nil || t.Root == nil {
				continue
			}
			// Docstrings and other strings that do nothing, and web routes
			// (@app.route("/data/<id>")), are no file paths.
			bare := map[*Node]bool{}
			skipAll := func(n *Node) { n.Walk(func(k *Node) bool { bare[k] = true; return true }) }
			t.Root.Walk(func(n *Node) bool {
				if n.Kind == "expression_statement" && len(n.Kids) == 1 && (n.Kids[0].Kind == "string" || n.Kids[0].Kind == "concatenated_string") {
					skipAll(n.Kids[0])
				}
				if n.Kind == "call" && routeCalls[callName(n)] {
					skipAll(n.Child("arguments"))
				}
				if n.Kind != "string" || bare[n] {
					return true
				}
				lit := literal(n)
				if schemeRe.MatchString(strings.TrimSpace(lit)) {
					return true
				}
				m := absPathRe.FindStringSubmatchIndex(lit)
				if m == nil {
					return true
				}
				p := lit[m[2]:m[3]]
				if configPathRe.MatchString(p) {
					return true
				}
				at := nodeSite(s, ci, n)
				// A path inside a multi-line string is on a later line.
				if pre := lit[:m[2]]; strings.Contains(pre, "\n") {
					at.line += strings.Count(pre, "\n")
					at.col = 0
				}
				out = append(out, at.finding("repro/abs-path", absPathMessage(p), absPathFix(p, notebook)))
				return true
			})
		}
		// Shell escapes and magics (!cp /content/drive/..., %cd /home/...),
		// which the parser never sees.
		if notebook {
			for ci, c := range s.Chunks {
				for i, l := range strings.Split(c.Raw, "\n") {
					t := strings.TrimSpace(l)
					if !strings.HasPrefix(t, "!") && !strings.HasPrefix(t, "%") {
						continue
					}
					if m := absPathRe.FindStringSubmatchIndex(t[1:]); m != nil && !configPathRe.MatchString(t[1:][m[2]:m[3]]) {
						p := t[1:][m[2]:m[3]]
						at := site{src: s, chunk: ci, line: i + 1, col: strings.Index(l, p)}
						out = append(out, at.finding("repro/abs-path", absPathMessage(p), absPathFix(p, notebook)))
					}
				}
			}
		}
	}
	return out
}

func absPathMessage(p string) string {
	var where string
	switch {
	case strings.HasPrefix(p, "/content/drive"):
		where = "your Google Drive as mounted in Colab"
	case strings.HasPrefix(p, "/content"):
		where = "a Colab runtime"
	case strings.HasPrefix(p, "/kaggle"):
		where = "a Kaggle notebook"
	case homeRe.MatchString(p):
		where = fmt.Sprintf("the home folder of user %s on your machine", homeRe.FindStringSubmatch(p)[1])
	case strings.HasPrefix(p, "/root/"):
		where = "the root user's home folder on your machine or container"
	case strings.HasPrefix(p, "~"):
		where = "your home folder"
	case strings.HasPrefix(p, "/mnt/") || strings.HasPrefix(p, "/Volumes/") || strings.HasPrefix(p, "/media/"):
		where = "a drive mounted on your machine"
	case strings.HasPrefix(p, "/data/"):
		where = "a /data folder that exists on your machine"
	case strings.HasPrefix(p, `\\`):
		where = "a network share"
	default:
		where = "your Windows machine"
	}
	return fmt.Sprintf("Hard-coded absolute path %s points into %s; on the reviewer's machine it does not exist, so the code fails here.", quoteShort(p, 80), where)
}

func absPathFix(p string, notebook bool) string {
	switch {
	case strings.HasPrefix(p, "/content") || strings.HasPrefix(p, "/kaggle"):
		return "Read the data from a path relative to the project (data/train.csv) and say in the README how to get it (a download command or a link); keep Colab or Kaggle set-up out of the submitted code."
	case notebook:
		return "Use a path relative to the notebook (data/train.csv) or one read from an environment variable, and say in the README where the data goes."
	}
	return "Build the path from the project (Path(__file__).resolve().parent / \"data\" / \"train.csv\") or take it as a command-line argument, and say in the README where the data goes."
}

// ---- seeds ----

var (
	seedCallRe = regexp.MustCompile(`^(seed|manual_seed|manual_seed_all|set_seed|set_seeds|set_random_seed|seed_everything|set_global_seed|fix_seed|fix_seeds|fix_all_seeds|seed_all|set_all_seeds|reset_seeds)$`)
	// randomEstimatorRe names estimators and splitters that take random_state.
	randomEstimatorRe = regexp.MustCompile(`^(RandomForest\w*|ExtraTrees\w*|\w*Boosting\w*|AdaBoost\w*|Bagging(Classifier|Regressor)|SGD\w*|MLP(Classifier|Regressor)|(MiniBatch)?KMeans|IsolationForest|(Stratified|Group)?ShuffleSplit|Repeated(Stratified)?KFold|RandomizedSearchCV|HalvingRandomSearchCV)$`)
)

// seeds reports random calls with no random_state when nothing sets a
// global seed.
func (h *hygieneCheck) seeds() []Finding {
	seeded := false
	var sites []site
	h.walk(func(s *Source, ci int, n *Node) {
		if n.Kind != "call" || seeded {
			return
		}
		name := callName(n)
		if seedCallRe.MatchString(name) {
			seeded = true
			return
		}
		_, kw := n.Args()
		isTrue := func(k string) bool { return kw[k] != nil && kw[k].Text() == "True" }
		noState := kw["random_state"] == nil
		dotted := dottedCall(n)
		random := false
		switch {
		case name == "train_test_split":
			random = noState && !(kw["shuffle"] != nil && kw["shuffle"].Text() == "False")
		case name == "KFold" || name == "StratifiedKFold" || name == "StratifiedGroupKFold":
			random = noState && isTrue("shuffle")
		case randomEstimatorRe.MatchString(name):
			random = noState
		case name == "shuffle" || name == "permutation":
			// random.shuffle and np.random.shuffle only follow a global
			// seed; sklearn.utils.shuffle takes random_state. A seeded
			// generator's rng.shuffle is not flagged.
			switch {
			case strings.HasPrefix(dotted, "random.") || strings.Contains(dotted, ".random."):
				random = true
			case dotted == "shuffle" || strings.HasSuffix(dotted, "utils.shuffle"):
				random = noState
			}
		case name == "sample":
			random = noState && kw["frac"] != nil && !strings.Contains(dotted, "random.")
		case name == "DataLoader":
			random = isTrue("shuffle") && kw["generator"] == nil
		}
		if random {
			at := nodeSite(s, ci, n)
			at.name = name
			sites = append(sites, at)
		}
	})
	if seeded || len(sites) == 0 {
		return nil
	}
	var list []string
	for i, at := range sites {
		if i == maxSitesInMessage {
			list = append(list, fmt.Sprintf("%d more", len(sites)-i))
			break
		}
		list = append(list, fmt.Sprintf("%s at %s", at.name, at.where()))
	}
	msg := fmt.Sprintf("Nothing sets a random seed, and %s draw random numbers with no random_state: %s. Each run gives another split and model, so the reviewer cannot reproduce your numbers.",
		plural(len(sites), "call", "calls"), joinAnd(list))
	if len(sites) == 1 {
		msg = fmt.Sprintf("Nothing sets a random seed, and %s draws random numbers with no random_state, so each run gives other numbers than the ones you report.", list[0])
	}
	return []Finding{sites[0].finding("repro/seed", msg,
		"Pass random_state=42 (any fixed number) to every call that takes one, and seed NumPy, random and PyTorch once at the top (np.random.seed(42), random.seed(42), torch.manual_seed(42)) if you use them.")}
}

// ---- notebooks ----

func (h *hygieneCheck) notebookRuns() []Finding {
	var out []Finding
	for _, s := range h.sources {
		nb := s.Notebook
		if nb == nil {
			continue
		}
		type codeCell struct {
			idx   int
			count *int
			c     Cell
		}
		var cells []codeCell
		i := 0
		for _, c := range nb.Cells {
			if c.Type != "code" {
				continue
			}
			if strings.TrimSpace(c.Source) != "" {
				cells = append(cells, codeCell{i, c.ExecutionCount, c})
			}
			i++
		}
		var ran, never []codeCell
		hasOutputs := false
		for _, c := range cells {
			if c.count != nil {
				ran = append(ran, c)
			} else {
				never = append(never, c)
			}
			if len(c.c.Outputs) > 0 {
				hasOutputs = true
			}
		}
		// Errors first: one finding per cell that stored one.
		for _, c := range cells {
			for _, o := range c.c.Outputs {
				if o.Type != "error" {
					continue
				}
				cell := c.idx
				msg := fmt.Sprintf("Code cell %d of %s was saved with the error %s; as committed, the notebook does not run through.", c.idx+1, s.File, errorText(o))
				if o.EName == "KeyboardInterrupt" {
					msg = fmt.Sprintf("Code cell %d of %s was saved interrupted (KeyboardInterrupt), so its results are partial and what follows it did not run on them.", c.idx+1, s.File)
				}
				out = append(out, newFinding("repro/notebook-errors", s.File, 0, &cell, firstLine(c.c.Source), msg,
					"Fix the cause or delete the cell if it was an experiment, then restart the kernel, run all cells and commit the clean outputs."))
				break
			}
		}
		if len(ran) == 0 {
			continue // outputs cleared: a choice, not a sign of disorder
		}
		var problems []string
		first := -1
		note := func(idx int, text string) {
			problems = append(problems, text)
			if first < 0 || idx < first {
				first = idx
			}
		}
		inversions := 0
		var firstInv string
		invIdx := 0
		for k := 1; k < len(ran); k++ {
			if *ran[k].count <= *ran[k-1].count {
				if inversions == 0 {
					firstInv = fmt.Sprintf("code cell %d ran as In [%d], before code cell %d above it (In [%d])", ran[k].idx+1, *ran[k].count, ran[k-1].idx+1, *ran[k-1].count)
					invIdx = ran[k].idx
				}
				inversions++
			}
		}
		if inversions > 0 {
			if inversions > 1 {
				firstInv += fmt.Sprintf(", one of %d places where the order goes backwards", inversions)
			}
			note(invIdx, firstInv)
		}
		if len(never) > 0 {
			var ids []string
			for k, c := range never {
				if k == 5 {
					ids = append(ids, fmt.Sprintf("%d more", len(never)-k))
					break
				}
				ids = append(ids, strconv.Itoa(c.idx+1))
			}
			word := "code cell"
			if len(never) > 1 {
				word = "code cells"
			}
			note(never[0].idx, fmt.Sprintf("%s %s never ran", word, joinAnd(ids)))
		}
		if hasOutputs && *ran[0].count != 1 {
			note(ran[0].idx, fmt.Sprintf("the first cell ran as In [%d], not In [1], so the kernel was not fresh", *ran[0].count))
		}
		if len(problems) == 0 {
			continue
		}
		cell := first
		out = append(out, newFinding("repro/notebook-order", s.File, 0, &cell, "",
			fmt.Sprintf("%s was not run top to bottom in a fresh kernel: %s. Its outputs may depend on state that the code as saved does not create.", s.File, strings.Join(problems, "; ")),
			"Restart the kernel and run all cells (Kernel > Restart & Run All), fix whatever breaks, and commit the notebook with those outputs."))
	}
	return out
}

func errorText(o Output) string {
	v := strings.TrimSpace(o.EValue)
	if i := strings.IndexByte(v, '\n'); i >= 0 {
		v = v[:i]
	}
	if r := []rune(v); len(r) > 100 {
		v = string(r[:99]) + "…"
	}
	if v == "" {
		return o.EName
	}
	return o.EName + ": " + v
}

func firstLine(src string) string {
	for _, l := range strings.Split(src, "\n") {
		if strings.TrimSpace(l) != "" {
			return excerptAt(l, 0)
		}
	}
	return ""
}

func (h *hygieneCheck) longNotebooks() []Finding {
	var out []Finding
	for _, s := range h.sources {
		if s.Notebook == nil {
			continue
		}
		lines, cells := 0, 0
		for _, c := range s.Notebook.Cells {
			if c.Type != "code" {
				continue
			}
			cells++
			for _, l := range strings.Split(c.Source, "\n") {
				if strings.TrimSpace(l) != "" {
					lines++
				}
			}
		}
		if lines > notebookMaxLines {
			out = append(out, newFinding("notebook/too-long", s.File, 0, nil, "",
				fmt.Sprintf("%s has %s lines of code in %s; a reviewer will skim it, and none of it can be reused or tested.", s.File, commas(lines), plural(cells, "code cell", "code cells")),
				"Move data loading, features, training and evaluation into functions in .py modules, import them, and keep the notebook for the story: the data, the results and the plots."))
		}
	}
	return out
}

// ---- evaluation ----

var (
	classifierRe     = regexp.MustCompile(`Classifier|LogisticRegression|^SVC$|^LinearSVC$|^NuSVC$|^GaussianNB$|^MultinomialNB$|^BernoulliNB$|accuracy_score|f1_score|roc_auc_score|classification_report|confusion_matrix|binary_crossentropy|categorical_crossentropy|BCEWithLogitsLoss|CrossEntropyLoss`)
	regressorRe      = regexp.MustCompile(`Regressor|^LinearRegression$|^Ridge$|^Lasso$|^ElasticNet$|^SVR$|mean_squared_error|mean_absolute_error|r2_score|root_mean_squared_error|MSELoss`)
	lossRe           = regexp.MustCompile(`^(binary_crossentropy|categorical_crossentropy|sparse_categorical_crossentropy|binary:logistic|multi:softmax|multi:softprob|binary|multiclass)$`)
	fitCallRe        = regexp.MustCompile(`^(fit|fit_generator|cross_val_score|cross_validate|cross_val_predict)$`)
	codeBaselineRe   = regexp.MustCompile(`(?i)baseline|^Dummy(Classifier|Regressor)$|most_frequent|majority|naive`)
	otherMetricRe    = regexp.MustCompile(`(?i)^(f1|f1_\w+|\w+_f1|fbeta\w*|precision\w*|recall\w*|roc_auc\w*|roc_curve|auc|\w*pr_auc|average_precision\w*|classification_report|confusion_matrix|ConfusionMatrixDisplay|balanced_accuracy\w*|log_loss|matthews_corrcoef|cohen_kappa_score|brier_score_loss|PrecisionRecallDisplay|RocCurveDisplay|AUC|Precision|Recall|F1Score)$`)
	readmeMetricRe   = regexp.MustCompile(`(?i)\bf1\b|\bprecision\b|\brecall\b|roc[- ]?auc|pr[- ]?auc|\bauc\b|confusion matrix|balanced accuracy|log[- ]loss|average precision`)
	imbalanceTextRe  = regexp.MustCompile(`(?i)\b(im|un)balanced?\b|class imbalance|minority class|skewed (classes|target|labels)`)
	resamplerRe      = regexp.MustCompile(`^(SMOTE\w*|ADASYN|BorderlineSMOTE|SVMSMOTE|KMeansSMOTE|RandomOverSampler|RandomUnderSampler|NearMiss|TomekLinks|EditedNearestNeighbours|ClusterCentroids|compute_class_weight|compute_sample_weight|WeightedRandomSampler|BalancedRandomForestClassifier|BalancedBaggingClassifier|EasyEnsembleClassifier)$`)
	weightKwargs     = []string{"class_weight", "scale_pos_weight", "is_unbalance", "auto_class_weights"}
	targetNameRe     = regexp.MustCompile(`(?i)target|label|class|churn|fraud|default|outcome|survived|converted|response|^y$|^y_`)
	countRowRe       = regexp.MustCompile(`^\s*(\S.*?)\s+(\d+(?:\.\d+)?(?:e-?\d+)?)\s*$`)
	targetVariableRe = regexp.MustCompile(`^(y|y_\w+|target\w*|TARGET\w*|labels?|LABELS?|label_col|target_col|TARGET_COL)$`)
)

// markdownText is the text of the notebooks' markdown cells.
func (h *hygieneCheck) markdownText() string {
	var b strings.Builder
	for _, s := range h.sources {
		if s.Notebook == nil {
			continue
		}
		for _, c := range s.Notebook.Cells {
			if c.Type == "markdown" {
				b.WriteString(c.Source)
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

func (h *hygieneCheck) readmeText() string {
	if h.doc == nil {
		return ""
	}
	return strings.Join(h.doc.Lines, "\n")
}

func (h *hygieneCheck) baseline() []Finding {
	var fitAt *site
	classify, regress, baseline, r2 := false, false, false, false
	seen := map[string]bool{} // names repeat; the regexps run once per name
	h.walk(func(s *Source, ci int, n *Node) {
		switch n.Kind {
		case "identifier":
			t := n.Text()
			if seen[t] {
				return
			}
			seen[t] = true
			classify = classify || classifierRe.MatchString(t)
			regress = regress || regressorRe.MatchString(t)
			baseline = baseline || codeBaselineRe.MatchString(t)
			r2 = r2 || t == "r2_score"
		case "string":
			v, _ := n.StringValue()
			baseline = baseline || codeBaselineRe.MatchString(v)
			classify = classify || lossRe.MatchString(v)
		case "call":
			if fitAt == nil && fitCallRe.MatchString(callName(n)) {
				at := nodeSite(s, ci, n)
				fitAt = &at
			}
		}
	})
	// R² is the improvement over predicting the mean, so a regression
	// that reports it has its baseline built in.
	if fitAt == nil || !(classify || regress) || baseline || (r2 && !classify) {
		return nil
	}
	if baselineRe.MatchString(h.readmeText()) || baselineRe.MatchString(h.markdownText()) {
		return nil
	}
	where := "in the code or the README"
	if h.p.Single || h.doc == nil {
		where = "in the code"
	}
	var msg, fix string
	switch {
	case classify && !regress:
		msg = fmt.Sprintf("The model is never compared with a baseline: no DummyClassifier and no majority-class score %s. Without one, a reviewer cannot tell whether your score beats always predicting the most frequent class.", where)
		fix = `Score DummyClassifier(strategy="most_frequent") on the same split with the same metrics, and report it next to your model.`
	case regress && !classify:
		msg = fmt.Sprintf("The model is never compared with a baseline: no DummyRegressor and no predict-the-mean score %s. Without one, a reviewer cannot tell how much your model beats predicting the mean.", where)
		fix = `Score DummyRegressor(strategy="mean") (or the median, or the last value for time series) on the same split with the same metrics, and report it next to your model.`
	default:
		msg = fmt.Sprintf("The models are never compared with a baseline: no DummyClassifier or DummyRegressor and no majority-class or mean score %s, so a reviewer cannot tell whether the scores are good.", where)
		fix = "Score a trivial model (DummyClassifier(strategy=\"most_frequent\") or DummyRegressor(strategy=\"mean\")) on the same split with the same metrics, and report it next to yours."
	}
	return []Finding{newFinding("eval/no-baseline", fitAt.src.File, 0, nil, "", msg, fix)}
}

// classCounts reads a value_counts output ("0    2838\n1     362\nName: ...")
// and returns the counts, or nil if the text is not one.
func classCounts(text string) []float64 {
	var counts []float64
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "Name:") || strings.HasPrefix(t, "Length:") || strings.HasPrefix(t, "dtype:") {
			continue
		}
		m := countRowRe.FindStringSubmatch(l)
		if m == nil {
			if len(counts) == 0 && !strings.Contains(t, " ") {
				continue // the column-name header of pandas 2
			}
			return nil
		}
		v, err := strconv.ParseFloat(m[2], 64)
		if err != nil || v < 0 {
			return nil
		}
		counts = append(counts, v)
	}
	if len(counts) < 2 || len(counts) > 20 {
		return nil
	}
	return counts
}

func (h *hygieneCheck) accuracyOnly() []Finding {
	var accAt *site
	accWhat := ""
	other, classify := false, false
	var evidence []string
	targets := map[string]bool{}
	type vcCall struct {
		at      site
		subject string
	}
	var vcs []vcCall
	seen := map[string][2]bool{}
	h.walk(func(s *Source, ci int, n *Node) {
		switch n.Kind {
		case "identifier":
			t := n.Text()
			r, ok := seen[t]
			if !ok {
				// Names repeat a lot; the regexps run once per name.
				r = [2]bool{otherMetricRe.MatchString(t), classifierRe.MatchString(t)}
				seen[t] = r
			}
			other = other || r[0]
			classify = classify || r[1]
		case "string":
			v, _ := n.StringValue()
			if otherMetricRe.MatchString(v) {
				other = true
			}
			if lossRe.MatchString(v) {
				classify = true
			}
		case "assignment":
			if l := n.Child("left"); l != nil && l.Kind == "identifier" && targetVariableRe.MatchString(l.Text()) {
				n.Child("right").Walk(func(k *Node) bool {
					if v, ok := k.StringValue(); ok && v != "" {
						targets[v] = true
					}
					return true
				})
			}
		case "call":
			name := callName(n)
			pos, kw := n.Args()
			switch {
			case name == "accuracy_score" || (name == "score" && len(pos) == 2):
				if accAt == nil {
					at := nodeSite(s, ci, n)
					accAt, accWhat = &at, name+"()"
					if name == "score" {
						accAt.col, accWhat = at.col, ".score(), which is accuracy for a classifier,"
					}
				}
			case resamplerRe.MatchString(name):
				evidence = append(evidence, fmt.Sprintf("%s at %s", name, nodeSite(s, ci, n).where()))
			case name == "value_counts" && s.Notebook != nil:
				if fn := n.Child("function"); fn != nil && fn.Kind == "attribute" {
					vcs = append(vcs, vcCall{nodeSite(s, ci, n), fn.Child("object").Text()})
				}
			}
			// metrics=["accuracy"] in Keras, scoring="accuracy" in sklearn.
			for _, k := range []string{"metrics", "scoring", "metric", "eval_metric"} {
				kw[k].Walk(func(m *Node) bool {
					if v, _ := m.StringValue(); (v == "accuracy" || v == "acc") && accAt == nil {
						at := nodeSite(s, ci, m)
						accAt, accWhat = &at, fmt.Sprintf("%s=%s", k, excerptAt(kw[k].Text(), 0))
					}
					return true
				})
			}
			for _, k := range weightKwargs {
				if v := kw[k]; v != nil && v.Text() != "None" && v.Text() != "False" {
					evidence = append(evidence, fmt.Sprintf("%s=%s at %s", k, excerptAt(v.Text(), 0), nodeSite(s, ci, n).where()))
				}
			}
		}
	})
	if accAt == nil || other || !classify {
		return nil
	}
	if readmeMetricRe.MatchString(h.readmeText()) || readmeMetricRe.MatchString(h.markdownText()) {
		return nil
	}
	// value_counts of the target with a skewed stored output.
	skew := ""
	for _, vc := range vcs {
		subj := vc.subject
		isTarget := targetNameRe.MatchString(subj)
		for t := range targets {
			if strings.Contains(subj, t) {
				isTarget = true
			}
		}
		if !isTarget {
			continue
		}
		cell := vc.at.src.Chunks[vc.at.chunk].Cell
		nbCell := codeCellOf(vc.at.src.Notebook, cell)
		if nbCell == nil {
			continue
		}
		for _, o := range nbCell.Outputs {
			counts := classCounts(o.Text)
			if counts == nil {
				continue
			}
			hi, lo, sum := slices.Max(counts), slices.Min(counts), 0.0
			for _, c := range counts {
				sum += c
			}
			if lo == 0 || hi/lo <= imbalanceRatio {
				continue
			}
			skew = fmt.Sprintf("value_counts at %s shows %s against %s, so always predicting the majority class already scores %.1f%%",
				vc.at.where(), fmtCount(hi), fmtCount(lo), 100*hi/sum)
			break
		}
		if skew != "" {
			break
		}
	}
	if skew != "" {
		evidence = append([]string{skew}, evidence...)
	}
	if len(evidence) == 0 {
		text := h.readmeText() + "\n" + h.markdownText()
		if m := imbalanceTextRe.FindString(text); m != "" {
			evidence = append(evidence, fmt.Sprintf("your own write-up calls the data %q", m))
		}
	}
	if len(evidence) == 0 {
		return nil
	}
	msg := fmt.Sprintf("Accuracy is the only metric (%s at %s), yet the classes are imbalanced: %s. On such data accuracy hides a model that misses the minority class.", accWhat, accAt.where(), evidence[0])
	return []Finding{accAt.finding("eval/accuracy-only", msg,
		"Report precision, recall and F1 per class (classification_report), the confusion matrix and PR-AUC (average_precision_score) on the test set, next to the majority-class rate.")}
}

func fmtCount(v float64) string {
	if v == float64(int(v)) {
		return commas(int(v))
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// codeCellOf is the notebook's code cell with the given 0-based index.
func codeCellOf(nb *Notebook, idx int) *Cell {
	if nb == nil {
		return nil
	}
	i := 0
	for k := range nb.Cells {
		if nb.Cells[k].Type != "code" {
			continue
		}
		if i == idx {
			return &nb.Cells[k]
		}
		i++
	}
	return nil
}
