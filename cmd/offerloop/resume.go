package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/offerloop/offerloop/internal/resume"
)

const resumeUsage = `usage: offerloop resume check FILE [--jd JD_FILE] [--json]
       offerloop resume diff OLD NEW [--jd JD_FILE] [--json]

check  reads a resume (PDF, DOCX, Markdown or text) the way an ATS and a
       recruiter do and explains every point of its score: format (pages,
       sections, dates, tables), contact line, each bullet against "action verb
       + what + technique -> measured result", and the skills named. With --jd
       (a text or Markdown job description) it also scores the match 0-100 and
       lists matched and missing terms, with where each appears.
diff   checks two versions against the same JD and shows which findings were
       fixed, which appeared, and how the scores moved.
`

func runResume(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("resume needs a subcommand: check or diff")
	}
	switch args[0] {
	case "check":
		return resumeCheck(e, args[1:])
	case "diff":
		return resumeDiff(e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, resumeUsage)
		return nil
	}
	return usagef("unknown resume subcommand %q", args[0])
}

func checkPath(e *env, path, jdPath string) (*resume.Report, error) {
	data, err := readInput(e, path, resume.MaxFileSize)
	if err != nil {
		return nil, err
	}
	var jd []byte
	if jdPath != "" {
		if jd, err = readInput(e, jdPath, resume.MaxFileSize); err != nil {
			return nil, err
		}
	}
	r, err := resume.CheckFile(path, data, jdPath, jd)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

func resumeCheck(e *env, args []string) error {
	f := newFlags(e, "resume check", resumeUsage, true)
	jd := f.String("jd", "", "job description file")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("resume check takes one file")
	}
	r, err := checkPath(e, pos[0], *jd)
	if err != nil {
		return err
	}
	if f.wantJSON() {
		return printJSON(e.stdout, r)
	}
	printReport(e.stdout, r)
	return nil
}

func printReport(w io.Writer, r *resume.Report) {
	fmt.Fprintf(w, "%s: %d/100 (%s, %d page(s), %d words, %.1f years of experience)\n", r.File, r.Score, r.Format, r.Pages, r.Words, r.Years)
	for _, p := range r.Breakdown {
		fmt.Fprintf(w, "  %-8s %2d/%d\n", p.Category, p.Score, p.Max)
	}
	fmt.Fprintf(w, "Sections: %s\n", strings.Join(r.Sections, ", "))
	fmt.Fprintf(w, "Contact: %s %s %s\n", orDash(r.Contact.Email), orDash(r.Contact.Phone), strings.Join(r.Contact.Links, " "))
	if len(r.Findings) > 0 {
		fmt.Fprintf(w, "\n%d findings, most serious first:\n", len(r.Findings))
	}
	for _, f := range r.Findings {
		fmt.Fprintf(w, "\n[%s] %s (-%d) %s\n", f.Severity, f.Code, f.Points, f.Message)
		if f.Text != "" {
			fmt.Fprintf(w, "    %q\n", f.Text)
		}
		fmt.Fprintf(w, "    Fix: %s\n", f.Fix)
	}
	if m := r.Match; m != nil {
		fmt.Fprintf(w, "\nMatch with the job description: %d/100\n", m.Score)
		for _, k := range []string{"hard_skills", "title", "level_education", "soft_skills"} {
			if c, ok := m.Breakdown[k]; ok {
				fmt.Fprintf(w, "  %-20s %4.1f/%.0f\n", c.Name, c.Points, c.Max)
			}
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		if len(m.Matched) > 0 {
			fmt.Fprintln(tw, "\nMatched\t\t")
			for _, t := range m.Matched {
				fmt.Fprintf(tw, "  + %s\t+%.1f\t%s\n", t.Term, t.Points, clip(t.Resume, 70))
			}
		}
		if len(m.Missing) > 0 {
			fmt.Fprintln(tw, "\nMissing\t\t")
			for _, t := range m.Missing {
				req := "preferred"
				if t.Required {
					req = "required"
				}
				fmt.Fprintf(tw, "  - %s\t%s\t%s\n", t.Term, req, clip(t.JD, 70))
			}
		}
		tw.Flush()
		if len(m.Suggestions) > 0 {
			fmt.Fprintln(w, "\nWording to mirror the JD (only where your resume shows it):")
			for _, s := range m.Suggestions {
				fmt.Fprintf(w, "  %s: %s\n    %q\n", s.Term, s.Wording, clip(s.Evidence, 90))
			}
		}
	}
}

func resumeDiff(e *env, args []string) error {
	f := newFlags(e, "resume diff", resumeUsage, true)
	jd := f.String("jd", "", "job description file")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("resume diff takes the old and the new file")
	}
	old, err := checkPath(e, pos[0], *jd)
	if err != nil {
		return err
	}
	cur, err := checkPath(e, pos[1], *jd)
	if err != nil {
		return err
	}
	d := resume.Compare(old, cur)
	if f.wantJSON() {
		return printJSON(e.stdout, d)
	}
	fmt.Fprintf(e.stdout, "Score %d -> %d (%+d)\n", d.ScoreFrom, d.ScoreTo, d.ScoreTo-d.ScoreFrom)
	if d.MatchFrom != nil {
		fmt.Fprintf(e.stdout, "Match %d -> %d (%+d)\n", *d.MatchFrom, *d.MatchTo, *d.MatchTo-*d.MatchFrom)
	}
	for _, part := range []struct {
		title string
		list  []resume.Finding
	}{{"Fixed", d.Fixed}, {"New", d.Appeared}, {"Still there", d.Remaining}} {
		if len(part.list) == 0 {
			continue
		}
		fmt.Fprintf(e.stdout, "\n%s (%d):\n", part.title, len(part.list))
		for _, f := range part.list {
			text := ""
			if f.Text != "" {
				text = fmt.Sprintf(": %q", clip(f.Text, 70))
			}
			fmt.Fprintf(e.stdout, "  %s%s\n", f.Code, text)
		}
	}
	if len(d.NowMatched) > 0 {
		fmt.Fprintf(e.stdout, "\nJD terms now matched: %s\n", strings.Join(d.NowMatched, ", "))
	}
	if len(d.NowMissing) > 0 {
		fmt.Fprintf(e.stdout, "JD terms no longer matched: %s\n", strings.Join(d.NowMissing, ", "))
	}
	return nil
}
