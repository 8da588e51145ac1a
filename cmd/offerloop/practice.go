package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/practice"
)

const storiesUsage = `usage: offerloop stories SUBCOMMAND [FLAGS]

Your behavioral stories, in STAR form (situation, task, action, result).

Subcommands:
  list     [--category C] [--json]
           Stories with their checks passed, then the coverage grid: each
           category against your stories (aim for 2-3 each) and the upcoming
           interviews that probe it.
  add      --title T [--situation S] [--task T] [--action A] [--result R]
           [--category leadership,conflict] [--company Acme,...] [--json]
           Add a story. Each part may also be read from a file: --action-file F.
  edit     ID [the same flags]      Change the parts given.
  check    [ID] [--json]            Run the checks on one story or all: every part
           present, result quantified, action in the first person, about two
           minutes spoken, setup under a third, no blame. Each failure says how
           to fix it.
  delete   ID --yes
  practice [--category C]           Draw a behavioral question, suggest your
           best-matching stories, and time your answer (Enter to stop).

Categories: leadership, conflict, challenges, success, failure, ownership,
ambiguity, influence.
`

const designUsage = `usage: offerloop design SUBCOMMAND

ML system design practice on the seven-step framework: problem (5 min),
requirements (5), overview (10), bottlenecks (10), links and data flow (5),
evaluation (10), maintenance (5).

Subcommands:
  list     [--json]     The design prompts, one a line: id, difficulty, title.
  show     ID           A prompt's brief and its rubric.
  start    ID           A timed session in the terminal: each step shows its
                        budget and what to cover; type your notes, then a line
                        with a single "." to move on. At the end, score yourself
                        against the rubric by typing the numbers of the points
                        you covered. The session is saved.
  history  [--json]     Your sessions and their scores per step.
`

const planUsage = `usage: offerloop plan SUBCOMMAND

The six-week coding study plan: 15 easy, 30 medium, 10 ML-flavoured and 5 hard
problems over five weeks at one or two a day, then a week of review and mock
rounds. It re-plans from today when you fall behind, and finishes the day
before your next interview with a coding round when that comes sooner.

Subcommands:
  show     [--all] [--json]   Today's problems and the weeks ahead (--all: every item).
  done     ITEM...            Mark problems solved (ids as plan show prints them).
  skip     ITEM...            Skip problems.
  undo     ITEM...            Clear a mark.
  start    DATE               Move the plan's start (YYYY-MM-DD). On a fresh install
                              the plan starts the day you first look at it.
`

const mockUsage = `usage: offerloop mock coding|phone [--fast N]

A mock-round timer in the terminal that announces each phase:
  coding: clarify 2 min, plan 3, implement 30, test 10, optimise 5
  phone:  introductions 5, background 10, technical 15, questions 5
Ctrl-C stops it. --fast N runs N times faster (to try it out).
`

const asksUsage = `usage: offerloop asks [--group G] [--round KIND] [--json]

The bank of questions to ask your interviewers, by group (the role, the team,
growth, culture, how they do ML), and what to avoid asking early. Choose some
for an interview with: offerloop interview ask INTERVIEW_ID QUESTION_ID...
`

func loadPractice() (*practice.Library, error) {
	l, err := practice.Load()
	if err != nil {
		return nil, fmt.Errorf("practice content: %w", err)
	}
	return l, nil
}

func runStories(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("stories needs a subcommand: list, add, edit, check, delete or practice")
	}
	switch args[0] {
	case "list", "ls":
		return storiesList(ctx, e, args[1:])
	case "add":
		return storiesSave(ctx, e, args[1:], false)
	case "edit":
		return storiesSave(ctx, e, args[1:], true)
	case "check":
		return storiesCheck(ctx, e, args[1:])
	case "delete", "rm":
		return storiesDelete(ctx, e, args[1:])
	case "practice":
		return storiesPractice(ctx, e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, storiesUsage)
		return nil
	}
	return usagef("unknown stories subcommand %q", args[0])
}

type storyRow struct {
	practice.Story
	Passed   int                `json:"passed"`
	Checks   int                `json:"checks"`
	Seconds  int                `json:"spoken_seconds"`
	Findings []practice.Finding `json:"findings"`
}

func storyRows(stories []practice.Story) []storyRow {
	rows := make([]storyRow, 0, len(stories))
	for _, s := range stories {
		fs := practice.CheckStory(s)
		rows = append(rows, storyRow{Story: s, Passed: practice.Passed(fs), Checks: len(fs), Seconds: s.SpokenSeconds(), Findings: fs})
	}
	return rows
}

func storiesList(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "stories list", storiesUsage, true)
	category := f.String("category", "", "only this category")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("stories list takes no arguments")
	}
	l, err := loadPractice()
	if err != nil {
		return err
	}
	if *category != "" {
		if _, ok := l.Category(*category); !ok {
			return usagef("unknown category %q; the categories are %s", *category, strings.Join(practice.CategoryIDs, ", "))
		}
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	stories, err := s.db.Stories(ctx, s.user.ID)
	if err != nil {
		return err
	}
	var shown []practice.Story
	for _, st := range stories {
		if *category == "" || containsStr(st.Categories, *category) {
			shown = append(shown, st)
		}
	}
	up, err := practice.UpcomingInterviews(ctx, s.db, s.user.ID, s.now())
	if err != nil {
		return err
	}
	cov := l.Coverage(stories, up)
	if f.wantJSON() {
		return printJSON(e.stdout, map[string]any{"stories": storyRows(shown), "coverage": cov})
	}
	if len(shown) == 0 {
		fmt.Fprintln(e.stdout, "No stories yet. Add one with: offerloop stories add --title \"...\" --category leadership")
	} else {
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tTITLE\tCATEGORIES\tCHECKS\tSPOKEN")
		for _, r := range storyRows(shown) {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%d/%d\t%d:%02d\n", r.ID, r.Title, strings.Join(r.Categories, ", "), r.Passed, r.Checks, r.Seconds/60, r.Seconds%60)
		}
		tw.Flush()
	}
	fmt.Fprintf(e.stdout, "\nCoverage (aim for %d-%d stories a category):\n", practice.StoriesWanted, practice.StoriesEnough)
	printCoverage(e.stdout, cov, s.loc)
	return nil
}

func printCoverage(w io.Writer, cov []practice.CoverageRow, loc *time.Location) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, r := range cov {
		ids := make([]string, len(r.Stories))
		for i, id := range r.Stories {
			ids[i] = "#" + strconv.FormatInt(id, 10)
		}
		need := ""
		seen := map[int64]bool{}
		for _, u := range r.NeededBy {
			if seen[u.InterviewID] {
				continue
			}
			seen[u.InterviewID] = true
			if need != "" {
				need += "; "
			}
			need += fmt.Sprintf("%s at %s, %s", orDash(u.Title), orDash(u.Company), u.At.In(loc).Format("Mon Jan 2"))
		}
		if need != "" {
			need = "needed by " + need
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", r.Category.Name, r.Status, strings.Join(ids, " "), need)
	}
	tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func storiesSave(ctx context.Context, e *env, args []string, edit bool) error {
	name := "stories add"
	if edit {
		name = "stories edit"
	}
	f := newFlags(e, name, storiesUsage, true)
	title := f.String("title", "", "title")
	parts := map[string]*string{}
	files := map[string]*string{}
	for _, p := range []string{"situation", "task", "action", "result"} {
		parts[p] = f.String(p, "", "the "+p)
		files[p] = f.String(p+"-file", "", "read the "+p+" from a file")
	}
	category := f.String("category", "", "categories, comma-separated")
	company := f.String("company", "", "companies told to, comma-separated")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	set := map[string]bool{}
	f.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	var st practice.Story
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	if edit {
		if len(pos) != 1 {
			return usagef("stories edit takes one story id")
		}
		id, err := storyID(pos[0])
		if err != nil {
			return err
		}
		if st, err = s.db.Story(ctx, s.user.ID, id); err != nil {
			return err
		}
	} else if len(pos) != 0 {
		return usagef("stories add takes flags only: --title, --situation, --task, --action, --result")
	}
	if set["title"] || !edit {
		st.Title = *title
	}
	fields := map[string]*string{"situation": &st.Situation, "task": &st.Task, "action": &st.Action, "result": &st.Result}
	for p, dst := range fields {
		if set[p+"-file"] {
			text, err := readTextFile(*files[p], practice.MaxStoryField)
			if err != nil {
				return err
			}
			*dst = text
		} else if set[p] {
			*dst = *parts[p]
		}
	}
	if set["category"] || !edit {
		st.Categories = splitList(*category)
	}
	if set["company"] || !edit {
		st.Companies = splitList(*company)
	}
	if err := s.db.SaveStory(ctx, s.user.ID, &st); err != nil {
		return err
	}
	fs := practice.CheckStory(st)
	if f.wantJSON() {
		return printJSON(e.stdout, storyRows([]practice.Story{st})[0])
	}
	verb := "Added"
	if edit {
		verb = "Saved"
	}
	fmt.Fprintf(e.stdout, "%s story #%d, %q: %d of %d checks pass.\n", verb, st.ID, st.Title, practice.Passed(fs), len(fs))
	printFindings(e.stdout, fs, true)
	return nil
}

// storyID reads a story id such as 3 or #3.
func storyID(arg string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(arg, "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%q is not a story id", arg)
	}
	return id, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func readTextFile(path string, max int) (string, error) {
	b, err := readSource(path)
	if err != nil {
		return "", err
	}
	if len(b) > max {
		return "", errs.E(errs.TooLarge, "%s is longer than %d characters", path, max)
	}
	return strings.TrimSpace(b), nil
}

func printFindings(w io.Writer, fs []practice.Finding, failuresOnly bool) {
	for _, f := range fs {
		if f.OK {
			if !failuresOnly {
				fmt.Fprintf(w, "  ok  %s\n", f.Message)
			}
			continue
		}
		fmt.Fprintf(w, "  XX  %s\n      Fix: %s\n", f.Message, f.Fix)
	}
}

func storiesCheck(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "stories check", storiesUsage, true)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("stories check takes at most one story id")
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	var stories []practice.Story
	if len(pos) == 1 {
		id, err := storyID(pos[0])
		if err != nil {
			return err
		}
		st, err := s.db.Story(ctx, s.user.ID, id)
		if err != nil {
			return err
		}
		stories = append(stories, st)
	} else if stories, err = s.db.Stories(ctx, s.user.ID); err != nil {
		return err
	}
	rows := storyRows(stories)
	if f.wantJSON() {
		return printJSON(e.stdout, rows)
	}
	if len(rows) == 0 {
		fmt.Fprintln(e.stdout, "No stories to check yet.")
	}
	for i, r := range rows {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		fmt.Fprintf(e.stdout, "#%d %s: %d of %d checks pass\n", r.ID, r.Title, r.Passed, r.Checks)
		printFindings(e.stdout, r.Findings, false)
	}
	return nil
}

func storiesDelete(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "stories delete", storiesUsage, false)
	yes := f.Bool("yes", false, "really delete")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("stories delete takes one story id")
	}
	id, err := storyID(pos[0])
	if err != nil {
		return err
	}
	if !*yes {
		return usagef("deleting a story cannot be undone; add --yes")
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.db.DeleteStory(ctx, s.user.ID, id); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Deleted story #%d.\n", id)
	return nil
}

func storiesPractice(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "stories practice", storiesUsage, false)
	category := f.String("category", "", "draw from this category")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("stories practice takes no arguments")
	}
	l, err := loadPractice()
	if err != nil {
		return err
	}
	qs := l.QuestionsFor(*category)
	if len(qs) == 0 {
		return usagef("unknown category %q; the categories are %s", *category, strings.Join(practice.CategoryIDs, ", "))
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	stories, err := s.db.Stories(ctx, s.user.ID)
	if err != nil {
		return err
	}
	q := qs[rand.IntN(len(qs))]
	fmt.Fprintf(e.stdout, "%s\n\n  (%s) They listen for: %s\n", q.Text, strings.Join(q.Categories, ", "), q.ListenFor)
	matches := practice.BestStories(q, stories)
	if len(matches) == 0 {
		fmt.Fprintln(e.stdout, "\nNo story of yours fits yet; tag one with", q.Categories[0], "or write one.")
	} else {
		fmt.Fprintln(e.stdout, "\nYour best-matching stories:")
		for i, m := range matches {
			if i == 3 {
				break
			}
			fmt.Fprintf(e.stdout, "  #%d %s (%s)\n", m.Story.ID, m.Story.Title, m.Why)
		}
	}
	fmt.Fprint(e.stdout, "\nAnswer out loud now; press Enter when you finish. ")
	start := time.Now()
	bufio.NewReader(e.stdin).ReadString('\n')
	secs := int(time.Since(start).Seconds())
	fmt.Fprintf(e.stdout, "\nYou spoke for %d:%02d; aim for about two minutes.\n", secs/60, secs%60)
	if len(q.FollowUps) > 0 {
		fmt.Fprintf(e.stdout, "Now the follow-up: %s\n", q.FollowUps[0])
	}
	return nil
}

func runDesign(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("design needs a subcommand: list, show, start or history")
	}
	switch args[0] {
	case "list", "ls":
		return designList(e, args[1:])
	case "show":
		return designShow(e, args[1:])
	case "start":
		return designStart(ctx, e, args[1:])
	case "history":
		return designHistory(ctx, e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, designUsage)
		return nil
	}
	return usagef("unknown design subcommand %q", args[0])
}

func designList(e *env, args []string) error {
	f := newFlags(e, "design list", designUsage, true)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("design list takes no arguments")
	}
	l, err := loadPractice()
	if err != nil {
		return err
	}
	if f.wantJSON() {
		return printJSON(e.stdout, l.Design.Prompts)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	for _, p := range l.Design.Prompts {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", p.ID, p.Difficulty, p.Title)
	}
	return tw.Flush()
}

func designPrompt(l *practice.Library, args []string) (practice.Prompt, error) {
	if len(args) != 1 {
		return practice.Prompt{}, usagef("give one design prompt id; offerloop design list shows them")
	}
	p, ok := l.Prompt(args[0])
	if !ok {
		return p, errs.E(errs.NotFound, "no design prompt %q; offerloop design list shows them", args[0])
	}
	return p, nil
}

func designShow(e *env, args []string) error {
	f := newFlags(e, "design show", designUsage, false)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	l, err := loadPractice()
	if err != nil {
		return err
	}
	p, err := designPrompt(l, pos)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s (%s, %s)\n\n%s\n", p.Title, p.Domain, p.Difficulty, p.Brief)
	for _, st := range l.Design.Steps {
		fmt.Fprintf(e.stdout, "\n%s (%d min): %s\n", st.Name, st.Minutes, st.Goal)
		for i, pt := range p.Rubric[st.ID] {
			fmt.Fprintf(e.stdout, "  %d. %s\n", i+1, pt)
		}
	}
	if len(p.Pitfalls) > 0 {
		fmt.Fprintln(e.stdout, "\nPitfalls:")
		for _, pt := range p.Pitfalls {
			fmt.Fprintf(e.stdout, "  - %s\n", pt)
		}
	}
	return nil
}

// designStart runs a timed session: notes per step from stdin, then a
// self-score against the rubric. The clock is the session's (OFFERLOOP_NOW
// freezes it in tests).
func designStart(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "design start", designUsage, false)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	l, err := loadPractice()
	if err != nil {
		return err
	}
	p, err := designPrompt(l, pos)
	if err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	sess := practice.DesignSession{PromptID: p.ID, StartedAt: s.now()}
	if err := s.db.SaveDesignSession(ctx, s.user.ID, &sess); err != nil {
		return err
	}
	in := bufio.NewScanner(e.stdin)
	in.Buffer(make([]byte, 64<<10), 4*practice.MaxNotes)
	fmt.Fprintf(e.stdout, "%s\n\n%s\n\nBudget: %d minutes over seven steps. Type notes; a line with a single \".\" moves to the next step.\n",
		p.Title, p.Brief, l.DesignMinutes())
	elapsed := 0
	for i, st := range l.Design.Steps {
		fmt.Fprintf(e.stdout, "\n== Step %d of %d: %s, %d min (%d of %d min used) ==\n%s\n", i+1, len(l.Design.Steps), st.Name, st.Minutes, elapsed/60, l.DesignMinutes(), st.Goal)
		for _, d := range st.Do {
			fmt.Fprintf(e.stdout, "  - %s\n", d)
		}
		began := time.Now()
		var notes []string
		for in.Scan() {
			line := in.Text()
			if strings.TrimSpace(line) == "." {
				break
			}
			notes = append(notes, line)
		}
		if err := in.Err(); err != nil {
			return fmt.Errorf("reading your notes: %w (a line may be too long)", err)
		}
		secs := int(time.Since(began).Seconds())
		elapsed += secs
		text := strings.TrimSpace(strings.Join(notes, "\n"))
		if r := []rune(text); len(r) > practice.MaxNotes {
			text = string(r[:practice.MaxNotes])
			fmt.Fprintf(e.stdout, "  (your notes for this step were cut to %d characters)\n", practice.MaxNotes)
		}
		sess.Notes[st.ID] = text
		sess.Seconds[st.ID] = secs
		if secs > st.Minutes*60 {
			fmt.Fprintf(e.stdout, "  (%d:%02d: over the %d-minute budget)\n", secs/60, secs%60, st.Minutes)
		}
		if err := s.db.SaveDesignSession(ctx, s.user.ID, &sess); err != nil {
			return err
		}
	}
	fmt.Fprintln(e.stdout, "\nScore yourself: for each step, type the numbers of the points your notes covered (e.g. \"1 3\"), or Enter for none.")
	for _, st := range l.Design.Steps {
		fmt.Fprintf(e.stdout, "\n%s; your notes:\n%s\n", st.Name, indentOr(sess.Notes[st.ID], "    (none)"))
		for i, pt := range p.Rubric[st.ID] {
			fmt.Fprintf(e.stdout, "  %d. %s\n", i+1, pt)
		}
		fmt.Fprint(e.stdout, "Covered: ")
		line := ""
		if in.Scan() {
			line = in.Text()
		}
		var picked []int
		for _, tok := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == ',' }) {
			n, err := strconv.Atoi(tok)
			if err != nil || n < 1 || n > len(p.Rubric[st.ID]) || containsInt(picked, n-1) {
				continue
			}
			picked = append(picked, n-1)
		}
		sess.Checked[st.ID] = picked
	}
	sess.FinishedAt = s.now()
	if !sess.FinishedAt.After(sess.StartedAt) {
		sess.FinishedAt = sess.StartedAt.Add(time.Duration(elapsed) * time.Second)
	}
	if err := s.db.SaveDesignSession(ctx, s.user.ID, &sess); err != nil {
		return err
	}
	sc := l.Score(sess)
	fmt.Fprintf(e.stdout, "\nSession #%d: %d of %d rubric points (%d%%).\n", sess.ID, sc.Checked, sc.Total, sc.Percent())
	for _, st := range sc.Steps {
		over := ""
		if st.Over() {
			over = "  over budget"
		}
		fmt.Fprintf(e.stdout, "  %-20s %d/%d%s\n", st.Step.Name, st.Checked, st.Total, over)
	}
	return nil
}

func indentOr(s, empty string) string {
	if strings.TrimSpace(s) == "" {
		return empty
	}
	return indent(s, "    ")
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

type sessionRow struct {
	practice.DesignSession
	Score practice.SessionScore `json:"score"`
}

func designHistory(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "design history", designUsage, true)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("design history takes no arguments")
	}
	l, err := loadPractice()
	if err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	sessions, err := s.db.DesignSessions(ctx, s.user.ID)
	if err != nil {
		return err
	}
	rows := []sessionRow{}
	for _, ss := range sessions {
		rows = append(rows, sessionRow{DesignSession: ss, Score: l.Score(ss)})
	}
	if f.wantJSON() {
		return printJSON(e.stdout, rows)
	}
	if len(rows) == 0 {
		fmt.Fprintln(e.stdout, "No design sessions yet. Start one with: offerloop design start ID")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "ID\tDATE\tPROMPT\tSCORE")
	for _, st := range l.Design.Steps {
		fmt.Fprintf(tw, "\t%s", strings.ToUpper(st.ID[:4]))
	}
	fmt.Fprintln(tw)
	for _, r := range rows {
		score := "unfinished"
		if r.Finished() {
			score = fmt.Sprintf("%d%%", r.Score.Percent())
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s", r.ID, r.StartedAt.In(s.loc).Format("2006-01-02"), r.PromptID, score)
		for _, st := range r.Score.Steps {
			fmt.Fprintf(tw, "\t%d/%d", st.Checked, st.Total)
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

func runPlan(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("plan needs a subcommand: show, done, skip, undo or start")
	}
	switch args[0] {
	case "show":
		return planShow(ctx, e, args[1:])
	case "done", "skip", "undo":
		return planMark(ctx, e, args[0], args[1:])
	case "start":
		return planStart(ctx, e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, planUsage)
		return nil
	}
	return usagef("unknown plan subcommand %q", args[0])
}

// planView builds today's plan for the session's user.
func planView(ctx context.Context, s *session, l *practice.Library) (practice.PlanView, error) {
	today := practice.DayOf(s.now(), s.loc)
	start, err := practice.PlanStart(ctx, s.db, s.user.ID, today)
	if err != nil {
		return practice.PlanView{}, err
	}
	marks, err := s.db.PlanMarks(ctx, s.user.ID)
	if err != nil {
		return practice.PlanView{}, err
	}
	up, err := practice.UpcomingInterviews(ctx, s.db, s.user.ID, s.now())
	if err != nil {
		return practice.PlanView{}, err
	}
	return l.Schedule(start, today, marks, practice.NextCoding(up), s.loc), nil
}

func planShow(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "plan show", planUsage, true)
	all := f.Bool("all", false, "every item, done ones too")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("plan show takes no arguments")
	}
	l, err := loadPractice()
	if err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	v, err := planView(ctx, s, l)
	if err != nil {
		return err
	}
	if f.wantJSON() {
		return printJSON(e.stdout, v)
	}
	fmt.Fprintf(e.stdout, "Coding study plan from %s: %d of %d done, %d skipped. New problems until %s; review and mock rounds %s to %s.\n",
		v.Start.Format("Mon Jan 2"), v.Done, v.Total, v.Skipped, v.LastDay.Format("Mon Jan 2"), v.ReviewFrom.Format("Jan 2"), v.End.Format("Jan 2"))
	for _, n := range v.Notes {
		fmt.Fprintf(e.stdout, "  ! %s\n", n)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	lastDay := ""
	for _, en := range v.Entries {
		if !*all && (en.Status == practice.MarkDone || en.Status == practice.MarkSkipped) {
			continue
		}
		d := ""
		switch {
		case en.Status == "today":
			d = "today"
		case !en.Day.IsZero():
			d = en.Day.Format("Mon Jan 2")
		default:
			d = en.Status
		}
		if d == lastDay {
			d = ""
		} else {
			lastDay = d
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", d, en.Item.ID, en.Item.Difficulty, en.Item.Pattern, en.Item.Title, en.Item.URL)
	}
	tw.Flush()
	fmt.Fprintln(e.stdout, "\nMark with: offerloop plan done ID (or skip ID).")
	return nil
}

func planMark(ctx context.Context, e *env, verb string, args []string) error {
	f := newFlags(e, "plan "+verb, planUsage, false)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("plan %s takes one or more item ids (plan show prints them)", verb)
	}
	l, err := loadPractice()
	if err != nil {
		return err
	}
	for _, id := range pos {
		if _, ok := l.PlanItem(id); !ok {
			return errs.E(errs.NotFound, "no plan item %q; offerloop plan show lists them", id)
		}
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	status := map[string]string{"done": practice.MarkDone, "skip": practice.MarkSkipped, "undo": ""}[verb]
	for _, id := range pos {
		if err := s.db.MarkPlanItem(ctx, s.user.ID, id, status, s.now()); err != nil {
			return err
		}
	}
	v, err := planView(ctx, s, l)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Marked %d. %d of %d done, %d skipped.\n", len(pos), v.Done, v.Total, v.Skipped)
	return nil
}

func planStart(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "plan start", planUsage, false)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("plan start takes a date: YYYY-MM-DD")
	}
	d, err := practice.ParseDay(pos[0])
	if err != nil {
		return usagef("%s", errs.Message(err))
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.db.SetSetting(ctx, s.user.ID, practice.SettingPlanStart, d.Format("2006-01-02")); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "The plan now starts %s.\n", d.Format("Monday, January 2, 2006"))
	return nil
}

func runMock(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "mock", mockUsage, false)
	fast := f.Float64("fast", 1, "run this many times faster")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("mock takes a round: coding or phone")
	}
	if *fast < 1 || *fast > 100000 {
		return usagef("--fast must be between 1 and 100000")
	}
	l, err := loadPractice()
	if err != nil {
		return err
	}
	r, ok := l.MockRound(pos[0])
	if !ok {
		return usagef("unknown mock round %q: coding or phone", pos[0])
	}
	total := 0
	for _, p := range r.Phases {
		total += p.Minutes
	}
	fmt.Fprintf(e.stdout, "%s: %d minutes. %s\n", r.Name, total, r.About)
	scale := func(d time.Duration) time.Duration { return time.Duration(float64(d) / *fast) }
	sleep := func(d time.Duration) bool {
		t := time.NewTimer(scale(d))
		defer t.Stop()
		select {
		case <-ctx.Done():
			return false
		case <-t.C:
			return true
		}
	}
	elapsed := 0
	for i, p := range r.Phases {
		fmt.Fprintf(e.stdout, "\n\a[%d:00] Phase %d of %d: %s, %d min\n  %s\n", elapsed, i+1, len(r.Phases), p.Name, p.Minutes, p.Say)
		if p.Minutes > 1 {
			if !sleep(time.Duration(p.Minutes-1) * time.Minute) {
				fmt.Fprintln(e.stdout, "\nStopped.")
				return nil
			}
			fmt.Fprintf(e.stdout, "  [%d:00] one minute left in %s\n", elapsed+p.Minutes-1, p.Name)
			if !sleep(time.Minute) {
				fmt.Fprintln(e.stdout, "\nStopped.")
				return nil
			}
		} else if !sleep(time.Duration(p.Minutes) * time.Minute) {
			fmt.Fprintln(e.stdout, "\nStopped.")
			return nil
		}
		elapsed += p.Minutes
	}
	fmt.Fprintf(e.stdout, "\n\a[%d:00] Time. The round is over.\n", elapsed)
	return nil
}

func runAsks(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "asks", asksUsage, true)
	group := f.String("group", "", "only this group")
	round := f.String("round", "", "questions that fit this round kind first")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("asks takes no arguments")
	}
	l, err := loadPractice()
	if err != nil {
		return err
	}
	var qs []practice.Ask
	for _, q := range l.Asks.Questions {
		if *group == "" || q.Group == *group {
			qs = append(qs, q)
		}
	}
	if len(qs) == 0 {
		return usagef("unknown group %q", *group)
	}
	if *round != "" {
		var fit, rest []practice.Ask
		for _, q := range qs {
			if containsStr(q.Rounds, *round) {
				fit = append(fit, q)
			} else {
				rest = append(rest, q)
			}
		}
		qs = append(fit, rest...)
	}
	if f.wantJSON() {
		return printJSON(e.stdout, map[string]any{"questions": qs, "avoid_early": l.Asks.AvoidEarly})
	}
	for _, g := range l.Asks.Groups {
		first := true
		for _, q := range qs {
			if q.Group != g.ID {
				continue
			}
			if first {
				fmt.Fprintf(e.stdout, "\n%s\n", g.Name)
				first = false
			}
			fmt.Fprintf(e.stdout, "  %-14s %s\n", q.ID, q.Text)
		}
	}
	if len(l.Asks.AvoidEarly) > 0 {
		fmt.Fprintln(e.stdout, "\nAvoid in early rounds:")
		for _, a := range l.Asks.AvoidEarly {
			fmt.Fprintf(e.stdout, "  - %s (%s)\n", a.Text, a.Why)
		}
	}
	fmt.Fprintln(e.stdout, "\nChoose some for an interview: offerloop interview ask INTERVIEW_ID QUESTION_ID... [--own \"your question\"]")
	return nil
}
