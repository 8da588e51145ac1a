package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/kit"
	"github.com/offerloop/offerloop/internal/resume"
)

const letterUsage = `usage: offerloop letter decide [--mass] [--clear-match] [--startup-no-ask] [--dream]
                               [--career-change] [--referral] [--nontraditional] [--asked] [--json]
       offerloop letter check FILE [--app ID] [--company NAME] [--resume FILE] [--save] [--json]
       offerloop letter parts

decide  says whether to write a cover letter for this application, and why.
check   checks a letter (text or Markdown): about 250 words; three parts in
        proportion (why this company ~20%, why you are qualified ~60%, call to
        action ~20%); the company named in the opening; a closing ask; no generic
        filler; no figure your resume does not back. --app takes the company,
        and the resume from the application's last resume check; --resume reads
        one directly. --save keeps the letter with the application.
parts   the three parts with the prompts for writing each.
`

const pitchUsage = `usage: offerloop pitch check FILE [--app ID] [--company NAME] [--resume FILE] [--save] [--json]
       offerloop pitch practice [FILE | --app ID]
       offerloop pitch parts

The three-minute answer to "walk me through your resume": who you are now and
your strongest result, how you came to ML, your specialisation, why this company.
check     length spoken (about three minutes at 150 words a minute), four parts,
          a result in numbers, the company named at the end, no filler, no figure
          your resume does not back. --save keeps it with the application.
practice  shows the outline, times you, and says how long you spoke (Enter stops).
`

const scriptsUsage = `usage: offerloop scripts [--round recruiter_screen|phone_screen] [--json]

What to say on the recruiter call and the phone screen: the salary question,
"why this role", your timeline, and the questions to ask and to avoid early.
`

const portfolioUsage = `usage: offerloop portfolio [--readme FILE_OR_DIR] [--json]

The GitHub portfolio checklist; with --readme, a check of a project's README as a
portfolio piece (summary, approach, results with numbers, setup, structure, next).
`

func loadKit() (*kit.Kit, error) {
	k, err := kit.Load()
	if err != nil {
		return nil, fmt.Errorf("kit content: %w", err)
	}
	return k, nil
}

// kitContext gathers what the checks know: the company and JD of --app, and
// the resume from --resume or the application's last resume check.
func kitContext(ctx context.Context, e *env, s *session, appID int64, company, resumeFile string) (kit.Context, error) {
	var c kit.Context
	if appID != 0 {
		a, err := s.db.FindApplication(ctx, s.user.ID, appID)
		if err != nil {
			return c, err
		}
		c.Company, c.JD = a.Company.Name, a.JDText
		checks, err := s.db.Checks(ctx, s.user.ID, appID)
		if err != nil {
			return c, err
		}
		if len(checks) > 0 && resumeFile == "" {
			c.Resume = reportText(checks[0].Report)
		}
	}
	if company != "" {
		c.Company = company
	}
	if resumeFile != "" {
		data, err := readInput(e, resumeFile, resume.MaxFileSize)
		if err != nil {
			return c, err
		}
		doc, err := resume.Read(resumeFile, data)
		if err != nil {
			return c, err
		}
		var b strings.Builder
		for _, ln := range doc.Lines {
			b.WriteString(ln.Text + "\n")
		}
		c.Resume = b.String()
	}
	return c, nil
}

// reportText is the resume text a stored check keeps: its bullets and skills.
func reportText(r *resume.Report) string {
	var b strings.Builder
	for _, bl := range r.Bullets {
		b.WriteString(bl.Text + "\n")
	}
	for _, sk := range r.Skills {
		b.WriteString(sk.Text + "\n")
	}
	return b.String()
}

func runLetter(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("letter needs a subcommand: decide, check or parts")
	}
	switch args[0] {
	case "decide":
		return letterDecide(e, args[1:])
	case "check":
		return kitCheck(ctx, e, kit.KindLetter, letterUsage, args[1:])
	case "parts":
		return kitParts(e, kit.KindLetter)
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, letterUsage)
		return nil
	}
	return usagef("unknown letter subcommand %q", args[0])
}

func runPitch(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("pitch needs a subcommand: check, practice or parts")
	}
	switch args[0] {
	case "check":
		return kitCheck(ctx, e, kit.KindPitch, pitchUsage, args[1:])
	case "practice":
		return pitchPractice(ctx, e, args[1:])
	case "parts":
		return kitParts(e, kit.KindPitch)
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, pitchUsage)
		return nil
	}
	return usagef("unknown pitch subcommand %q", args[0])
}

func letterDecide(e *env, args []string) error {
	f := newFlags(e, "letter decide", letterUsage, true)
	k, err := loadKit()
	if err != nil {
		return err
	}
	flags := map[string]*bool{}
	for _, q := range k.LetterRules.Questions {
		flags[q.ID] = f.Bool(strings.ReplaceAll(q.ID, "_", "-"), false, q.Text)
	}
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("letter decide takes flags only")
	}
	answers := map[string]bool{}
	for id, v := range flags {
		answers[id] = *v
	}
	d := k.Decide(answers)
	if f.wantJSON() {
		return printJSON(e.stdout, d)
	}
	if d.Write {
		fmt.Fprintln(e.stdout, "Write a cover letter.")
	} else {
		fmt.Fprintln(e.stdout, "Skip the cover letter.")
	}
	for _, r := range d.Reasons {
		fmt.Fprintf(e.stdout, "  %s\n", r)
	}
	return nil
}

func kitParts(e *env, kind string) error {
	k, err := loadKit()
	if err != nil {
		return err
	}
	parts := k.LetterParts
	if kind == kit.KindPitch {
		parts = k.PitchParts
	}
	for _, p := range parts {
		size := fmt.Sprintf("about %d%%", p.Share)
		if kind == kit.KindPitch {
			size = fmt.Sprintf("about %d s", p.Seconds)
		}
		fmt.Fprintf(e.stdout, "%s (%s)\n", p.Name, size)
		for _, q := range p.Prompts {
			fmt.Fprintf(e.stdout, "  - %s\n", q)
		}
		if p.Example != "" {
			fmt.Fprintf(e.stdout, "  Example: %s\n", p.Example)
		}
		fmt.Fprintln(e.stdout)
	}
	return nil
}

func kitCheck(ctx context.Context, e *env, kind, usage string, args []string) error {
	f := newFlags(e, kind+" check", usage, true)
	app := f.Int64("app", 0, "application id")
	company := f.String("company", "", "company name")
	resumeFile := f.String("resume", "", "resume file")
	save := f.Bool("save", false, "keep it with the application")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("%s check takes one file", kind)
	}
	if *save && *app == 0 {
		return usagef("--save needs --app: the %s is kept with an application", kind)
	}
	k, err := loadKit()
	if err != nil {
		return err
	}
	data, err := readInput(e, pos[0], kit.MaxDoc)
	if err != nil {
		return err
	}
	text := string(data)
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := kitContext(ctx, e, s, *app, *company, *resumeFile)
	if err != nil {
		return err
	}
	var r *kit.Report
	if kind == kit.KindLetter {
		r = k.CheckLetter(text, c)
	} else {
		r = k.CheckPitch(text, c)
	}
	if *save {
		if err := s.db.SaveDoc(ctx, s.user.ID, &kit.Doc{ApplicationID: *app, Kind: kind, Text: text}); err != nil {
			return err
		}
	}
	if f.wantJSON() {
		return printJSON(e.stdout, r)
	}
	printKitReport(e.stdout, r)
	if *save {
		fmt.Fprintf(e.stdout, "\nSaved with application %d.\n", *app)
	}
	return nil
}

func printKitReport(w io.Writer, r *kit.Report) {
	fmt.Fprintf(w, "%s: %d of %d checks pass (%d words, about %d:%02d spoken)\n", r.Kind, r.Passed, r.Total, r.Words, r.Seconds/60, r.Seconds%60)
	for _, p := range r.Parts {
		want := fmt.Sprintf("about %d%%", p.Want)
		if r.Kind == kit.KindPitch {
			want = fmt.Sprintf("about %d s", p.Want)
		}
		fmt.Fprintf(w, "  %-32s %3d words, %2d%% (%s)\n", p.Part, p.Words, p.Percent, want)
	}
	fmt.Fprintln(w)
	for _, f := range r.Findings {
		if f.OK {
			fmt.Fprintf(w, "  ok  %s\n", f.Message)
			continue
		}
		fmt.Fprintf(w, "  XX  %s\n      Fix: %s\n", f.Message, f.Fix)
	}
}

func pitchPractice(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "pitch practice", pitchUsage, false)
	app := f.Int64("app", 0, "application id: practise its saved pitch")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	var text string
	switch {
	case len(pos) == 1:
		data, err := readInput(e, pos[0], kit.MaxDoc)
		if err != nil {
			return err
		}
		text = string(data)
	case *app != 0:
		s, err := f.open(ctx)
		if err != nil {
			return err
		}
		docs, err := s.db.Docs(ctx, s.user.ID, *app)
		s.Close()
		if err != nil {
			return err
		}
		for _, d := range docs {
			if d.Kind == kit.KindPitch {
				text = d.Text
			}
		}
		if text == "" {
			return errs.E(errs.NotFound, "application %d has no saved pitch; save one with: offerloop pitch check FILE --app %d --save", *app, *app)
		}
	default:
		return usagef("pitch practice takes a file or --app ID")
	}
	fmt.Fprintln(e.stdout, "Your outline:")
	for i, line := range kit.Outline(text) {
		fmt.Fprintf(e.stdout, "  %d. %s\n", i+1, line)
	}
	fmt.Fprint(e.stdout, "\nSpeak now; press Enter when you finish. ")
	start := time.Now()
	bufio.NewReader(e.stdin).ReadString('\n')
	secs := int(time.Since(start).Seconds())
	verdict := "about right"
	switch {
	case secs < 150:
		verdict = "short: say your result in numbers and why them"
	case secs > 210:
		verdict = "long: cut the path into ML to two sentences"
	}
	fmt.Fprintf(e.stdout, "\n%d:%02d spoken; aim for three minutes (%s).\n", secs/60, secs%60, verdict)
	return nil
}

func runScripts(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "scripts", scriptsUsage, true)
	round := f.String("round", "", "recruiter_screen or phone_screen")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("scripts takes no arguments")
	}
	k, err := loadKit()
	if err != nil {
		return err
	}
	var scripts []kit.Script
	for _, sc := range k.Scripts {
		if *round == "" || containsStr(sc.Rounds, *round) {
			scripts = append(scripts, sc)
		}
	}
	if len(scripts) == 0 {
		return usagef("no scripts for round %q; try recruiter_screen or phone_screen", *round)
	}
	if f.wantJSON() {
		return printJSON(e.stdout, map[string]any{"scripts": scripts, "ask": k.RecruiterQuestions.Ask, "avoid": k.RecruiterQuestions.Avoid})
	}
	for _, sc := range scripts {
		fmt.Fprintf(e.stdout, "%s\n  Say: %s\n", sc.Title, sc.Say)
		if sc.IfPressed != "" {
			fmt.Fprintf(e.stdout, "  If pressed: %s\n", sc.IfPressed)
		}
		fmt.Fprintf(e.stdout, "  Why: %s\n\n", sc.Why)
	}
	fmt.Fprintln(e.stdout, "Ask the recruiter:")
	for _, q := range k.RecruiterQuestions.Ask {
		fmt.Fprintf(e.stdout, "  - %s\n", q.Text)
	}
	fmt.Fprintln(e.stdout, "\nAvoid early:")
	for _, q := range k.RecruiterQuestions.Avoid {
		fmt.Fprintf(e.stdout, "  - %s (%s)\n", q.Text, q.Why)
	}
	return nil
}

func runPortfolio(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "portfolio", portfolioUsage, true)
	readme := f.String("readme", "", "a README file, or a project folder")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("portfolio takes flags only")
	}
	k, err := loadKit()
	if err != nil {
		return err
	}
	var r *kit.Report
	if *readme != "" {
		path := *readme
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			found := ""
			for _, name := range []string{"README.md", "README.rst", "README.txt", "README", "readme.md"} {
				if _, err := os.Stat(filepath.Join(path, name)); err == nil {
					found = filepath.Join(path, name)
					break
				}
			}
			if found == "" {
				return errs.E(errs.NotFound, "%s has no README: a portfolio project needs one", path)
			}
			path = found
		}
		data, err := readInput(e, path, 1<<20)
		if err != nil {
			return err
		}
		r = k.CheckReadme(string(data))
	}
	if f.wantJSON() {
		return printJSON(e.stdout, map[string]any{"checklist": k.Portfolio, "readme": r})
	}
	fmt.Fprintln(e.stdout, "GitHub portfolio checklist:")
	for _, it := range k.Portfolio {
		fmt.Fprintf(e.stdout, "  [ ] %s\n      %s\n", it.Text, it.Why)
	}
	if r != nil {
		fmt.Fprintln(e.stdout)
		printKitReport(e.stdout, r)
	}
	return nil
}
