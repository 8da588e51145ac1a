package takehome

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Formats a report is written in.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatJSON     = "json"
)

// Write writes a report in one of the formats.
func Write(w io.Writer, r *Report, format string) error {
	switch format {
	case FormatText, "":
		return WriteText(w, r)
	case FormatMarkdown, "md":
		return WriteMarkdown(w, r)
	case FormatJSON:
		return WriteJSON(w, r)
	}
	return fmt.Errorf("unknown format %q: use text, markdown or json", format)
}

// WriteJSON writes a report as indented JSON.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// severityNames names the severities in headings.
var severityNames = map[Severity]string{High: "High", Medium: "Medium", Low: "Low"}

// Where says where a finding is: "notebook.ipynb cell 3 line 7", with cells
// counted from 1 among code cells; "the project" for a finding about the
// project as a whole.
func (f Finding) Where() string {
	var b strings.Builder
	b.WriteString(f.File)
	if f.File == "" {
		b.WriteString("the project")
	}
	if f.Cell != nil {
		b.WriteString(" cell " + strconv.Itoa(*f.Cell+1))
	}
	if f.Line > 0 {
		b.WriteString(" line " + strconv.Itoa(f.Line))
	}
	return b.String()
}

// Title is the finding's rule title, or its id when the rule is unknown.
func (f Finding) Title() string {
	if r, ok := RuleByID(f.Rule); ok {
		return r.Title
	}
	return f.Rule
}

// Summary says how many findings of each severity there are: "3 findings:
// 1 high, 2 low".
func (r *Report) Summary() string {
	if len(r.Findings) == 0 {
		return "No findings"
	}
	var parts []string
	for _, s := range []Severity{High, Medium, Low} {
		if n := r.Count(s); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(severityNames[s])))
		}
	}
	return countNoun(len(r.Findings), "finding") + ": " + strings.Join(parts, ", ")
}

// CheckedLine says what the check covered: "12 files: 3 scripts, 2
// notebooks, 840 lines of code".
func (r *Report) CheckedLine() string {
	c := r.Checked
	return fmt.Sprintf("%s: %s, %s, %s of code", countNoun(c.Files, "file"), countNoun(c.Scripts, "script"), countNoun(c.Notebooks, "notebook"), countNoun(c.CodeLines, "line"))
}

func countNoun(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// bySeverity groups findings, most serious first, keeping their order.
func bySeverity(fs []Finding) [][]Finding {
	groups := make([][]Finding, 3)
	for _, f := range fs {
		i := f.Severity.rank()
		groups[i] = append(groups[i], f)
	}
	return groups
}

var severities = []Severity{High, Medium, Low}

// WriteText writes a report for the terminal: the score, a line per
// category, then the findings by severity, each with where it is, the code
// it is about, what is wrong and the fix.
func WriteText(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Take-home check of %s\n", r.Path)
	fmt.Fprintf(bw, "Score: %d/100\n\n", r.Score)
	for _, c := range Categories {
		fmt.Fprintf(bw, "  %-16s %3d/100\n", c.Name, r.Categories[c.Name])
	}
	fmt.Fprintf(bw, "\nChecked %s.\n", r.CheckedLine())
	if len(r.Checked.Unparsed) > 0 {
		fmt.Fprintf(bw, "Could not read as Python: %s\n", strings.Join(r.Checked.Unparsed, ", "))
	}
	if len(r.Findings) == 0 {
		fmt.Fprint(bw, "\nNo findings: nothing here that a reviewer would flag.\n")
		return bw.Flush()
	}
	fmt.Fprintf(bw, "\n%s.\n", r.Summary())
	for i, group := range bySeverity(r.Findings) {
		if len(group) == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n%s\n", severityNames[severities[i]])
		for _, f := range group {
			fmt.Fprintf(bw, "\n%s %s  %s\n", f.Severity, f.Rule, f.Where())
			if ex := strings.TrimRight(f.Excerpt, " \n\t"); ex != "" {
				for ln := range strings.SplitSeq(ex, "\n") {
					fmt.Fprintf(bw, "    | %s\n", strings.TrimRight(ln, " \t\r"))
				}
			}
			fmt.Fprintf(bw, "  %s\n", f.Message)
			if f.Fix != "" {
				fmt.Fprintf(bw, "  Fix: %s\n", f.Fix)
			}
		}
	}
	return bw.Flush()
}

// categoryTitles are the categories' names in headings and tables.
var categoryTitles = map[string]string{
	"leakage": "Data leakage", "evaluation": "Evaluation", "reproducibility": "Reproducibility",
	"documentation": "Documentation", "testing": "Testing", "dependencies": "Dependencies", "structure": "Structure",
}

// CategoryTitle is a category's name for people: "Data leakage".
func CategoryTitle(name string) string {
	if t, ok := categoryTitles[name]; ok {
		return t
	}
	return name
}

// WriteMarkdown writes a report a candidate can read or paste: headings, a
// table of the categories, and the findings with their code excerpts.
func WriteMarkdown(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Take-home check: %s\n\n", mdCode(r.Path))
	fmt.Fprintf(bw, "**Score: %d/100** · %s · checked %s\n\n", r.Score, r.Summary(), r.CheckedLine())
	if len(r.Checked.Unparsed) > 0 {
		names := make([]string, len(r.Checked.Unparsed))
		for i, u := range r.Checked.Unparsed {
			names[i] = mdCode(u)
		}
		fmt.Fprintf(bw, "Could not read as Python: %s\n\n", strings.Join(names, ", "))
	}
	fmt.Fprint(bw, "| Category | Score | Weight |\n|---|---:|---:|\n")
	for _, c := range Categories {
		fmt.Fprintf(bw, "| %s | %d | %s |\n", CategoryTitle(c.Name), r.Categories[c.Name], strconv.FormatFloat(c.Weight, 'f', -1, 64))
	}
	if len(r.Findings) == 0 {
		fmt.Fprint(bw, "\n## Findings\n\nNo findings: nothing here that a reviewer would flag.\n")
		return bw.Flush()
	}
	for i, group := range bySeverity(r.Findings) {
		if len(group) == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n## %s severity (%d)\n", severityNames[severities[i]], len(group))
		for _, f := range group {
			fmt.Fprintf(bw, "\n### %s\n\n", mdText(f.Title()))
			loc := mdCode(f.File)
			if f.File == "" {
				loc = "The project"
			}
			if f.Cell != nil {
				loc += ", cell " + strconv.Itoa(*f.Cell+1)
			}
			if f.Line > 0 {
				loc += ", line " + strconv.Itoa(f.Line)
			}
			fmt.Fprintf(bw, "%s · rule %s\n\n", loc, mdCode(f.Rule))
			if ex := strings.TrimRight(f.Excerpt, " \n\t"); ex != "" {
				fence := "```"
				for strings.Contains(ex, fence) {
					fence += "`"
				}
				lang := ""
				switch strings.ToLower(path.Ext(f.File)) {
				case ".py", ".ipynb":
					lang = "python"
				}
				fmt.Fprintf(bw, "%s%s\n%s\n%s\n\n", fence, lang, ex, fence)
			}
			fmt.Fprintf(bw, "%s\n", mdText(f.Message))
			if f.Fix != "" {
				fmt.Fprintf(bw, "\n**Fix:** %s\n", mdText(f.Fix))
			}
		}
	}
	return bw.Flush()
}

// mdCode quotes text as inline code, with a fence longer than any run of
// backticks in it.
func mdCode(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + s + pad + fence
}

// mdText keeps prose from being read as Markdown structure: no HTML, no
// line that starts a heading or list.
func mdText(s string) string {
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "\n", " ")
	s = r.Replace(s)
	if strings.HasPrefix(s, "#") || strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "+ ") {
		s = `\` + s
	}
	return s
}
