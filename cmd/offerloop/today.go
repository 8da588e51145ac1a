package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/offerloop/offerloop/internal/coach"
	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

const todayUsage = `usage: offerloop today [--minutes N] [--json] [--db FILE]
       offerloop today done|skip|undo KEY... [--db FILE]

Plans the time you have today (60 minutes unless --minutes says otherwise,
5 to 600): the things that help most with the interviews ahead, in order,
each with why it is there, how long it takes and where to do it (a page of
the web app, 'offerloop serve'). What does not fit is listed under Later.
A new user gets the first steps instead.

Then readiness for each interview in the next three weeks, part by part
(theory, coding, behavioral, design, resume, checklists) with a score out
of 100, and the agenda: interviews ahead, and what is overdue, due today
and due this week, each task with its key.

Each plan item shows its key in brackets. 'today done KEY' marks it done
(an item that is a tracker task marks the task, as 'offerloop task done'
does), 'today skip KEY' leaves it out of the next three days' plans, and
'today undo KEY' clears the mark. Marks shape tomorrow's plan.

--json prints the plan: {"minutes", "items": [{"kind", "title", "minutes",
"why", "link", "application", "key", ...}], "later", "done", "onboarding",
"readiness"}. The agenda as JSON is 'offerloop agenda --json'.
`

const agendaUsage = `usage: offerloop agenda [--json] [--db FILE]

Lists what is overdue, due today and due in the next seven days: thank-you notes,
follow-ups with silent companies, offer deadlines, your own tasks, and the
checklists of the interviews ahead. Each task shows its key; mark it done with
'offerloop task done KEY'. 'offerloop today' prints the same after the day's plan.
`

const taskUsage = `usage: offerloop task SUBCOMMAND [FLAGS]

Subcommands:
  done KEY...    mark tasks done (keys as 'offerloop agenda' shows them)
  undo KEY...    open them again
  add TITLE --due "YYYY-MM-DD[ HH:MM]" [--app ID]
                 add a task of your own

All subcommands take --db FILE.
`

const funnelUsage = `usage: offerloop funnel [--json] [--db FILE]

Shows how many applications reached each step (applied, screen, onsite, offer),
the conversion between steps, where the others stopped (rejected, withdrawn,
ghosted, still active), and how long companies took to answer, overall, by source
and by company kind.
`

func runToday(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "done", "skip", "undo":
			return todayMark(ctx, e, args[0], args[1:])
		}
	}
	f := newFlags(e, "today", todayUsage, true)
	minutes := f.Int("minutes", coach.DefaultMinutes, "the time you have today, in minutes")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("today takes no arguments but done, skip or undo KEY...; got %q", pos[0])
	}
	if *minutes < minMinutes || *minutes > maxMinutes {
		return usagef("--minutes must be from %d to %d, not %d", minMinutes, maxMinutes, *minutes)
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	plan, err := s.coachPlan(ctx, e, *minutes)
	if err != nil {
		return err
	}
	if f.wantJSON() {
		return printJSON(e.stdout, plan)
	}
	ag, err := tracker.Today(ctx, s.db, s.user.ID, s.now(), s.loc)
	if err != nil {
		return err
	}
	w := e.stdout
	now := s.now().In(s.loc)
	fmt.Fprintf(w, "Today, %s: a plan for %d minutes\n", now.Format("Monday 2 January 2006"), plan.Minutes)
	printPlan(w, plan, s.loc)
	printAgenda(w, ag, s.loc, now, false)
	return nil
}

// The bounds of --minutes.
const (
	minMinutes = 5
	maxMinutes = 600
)

// coachStores are the stores the coach reads, all on the session's database.
func (s *session) coachStores() (coach.Stores, error) {
	d, err := s.drill()
	if err != nil {
		return coach.Stores{}, err
	}
	lib, err := loadPractice()
	if err != nil {
		return coach.Stores{}, err
	}
	return coach.Stores{Tracker: s.db, Drill: d, Judge: s.db, Practice: s.db, Library: lib, Settings: s.db,
		Resume: s.db, Takehome: s.db, Marks: s.db}, nil
}

// coachPlan loads what the coach looks at and builds today's plan; a source
// that fails to load is a warning on stderr, and the plan goes on without it.
func (s *session) coachPlan(ctx context.Context, e *env, minutes int) (*coach.Plan, error) {
	st, err := s.coachStores()
	if err != nil {
		return nil, err
	}
	in, skipped, err := coach.Load(ctx, st, s.user.ID, s.now(), s.loc, minutes)
	if err != nil {
		return nil, err
	}
	for _, err := range skipped {
		fmt.Fprintf(e.stderr, "offerloop: warning: left out of the plan: %s\n", errs.Message(err))
	}
	return coach.Build(in), nil
}

func printPlan(w io.Writer, p *coach.Plan, loc *time.Location) {
	used := 0
	for _, it := range p.Items {
		used += it.Minutes
	}
	if p.Onboarding {
		fmt.Fprintln(w, "\nWelcome to offerloop. Nothing is recorded yet, so start here; the plan")
		fmt.Fprintln(w, "fills with reviews, problems and stories once you have an application.")
	}
	fmt.Fprintf(w, "\nPlan (%d of %d minutes)\n", used, p.Minutes)
	if len(p.Items) == 0 {
		fmt.Fprintln(w, "  Nothing left to plan today.")
	}
	for i, it := range p.Items {
		fmt.Fprintf(w, "%3d. %s  (%d min)  [%s]\n", i+1, it.Title, it.Minutes, it.Key)
		fmt.Fprint(w, wrapText(it.Why, "     ", 80))
		if it.Link != "" {
			fmt.Fprintf(w, "     → %s\n", it.Link)
		}
	}
	if len(p.Later) > 0 {
		fmt.Fprintln(w, "\nLater (does not fit today)")
		for _, it := range p.Later {
			fmt.Fprintf(w, "  - %s  (%d min)  [%s]\n", it.Title, it.Minutes, it.Key)
		}
	}
	if len(p.Done) > 0 {
		fmt.Fprintln(w, "\nDone today")
		for _, it := range p.Done {
			fmt.Fprintf(w, "  ✓ %s  [%s]\n", it.Title, it.Key)
		}
	}
	if len(p.Items) > 0 {
		fmt.Fprintln(w, "\nMark an item with 'offerloop today done KEY' or 'offerloop today skip KEY'.")
	}
	for _, r := range p.Readiness {
		fmt.Fprintf(w, "\nReadiness: %s at %s, %s (%s): %d/100\n", r.Title, r.Company, r.At.In(loc).Format("Mon 2 Jan 15:04"), daysText(r.Days), r.Overall)
		if len(r.Parts) == 0 {
			fmt.Fprintln(w, "  Nothing to measure yet for its rounds.")
		}
		for _, c := range r.Parts {
			fmt.Fprintf(w, "  %-17s %s %3d\n", c.Label, bar(c.Score, 10), c.Score)
		}
		for _, a := range r.Actions {
			fmt.Fprintf(w, "  Next: %s  (%d min)  [%s]\n", a.Title, a.Minutes, a.Key)
		}
	}
}

func daysText(d int) string {
	switch d {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	}
	return fmt.Sprintf("in %d days", d)
}

// bar draws a score out of 100 as n cells of a text bar.
func bar(score, n int) string {
	full := (min(max(score, 0), 100)*n + 50) / 100
	return strings.Repeat("█", full) + strings.Repeat("░", n-full)
}

// wrapText wraps s to width columns, each line starting with prefix.
func wrapText(s, prefix string, width int) string {
	var b strings.Builder
	line := prefix
	for _, word := range strings.Fields(s) {
		if line != prefix && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			b.WriteString(line + "\n")
			line = prefix
		}
		if line != prefix {
			line += " "
		}
		line += word
	}
	if line != prefix {
		b.WriteString(line + "\n")
	}
	return b.String()
}

// todayMark marks plan items done or skipped, or clears the mark. An item
// that is a tracker task is marked in the tracker, as 'task done' does.
func todayMark(ctx context.Context, e *env, verb string, args []string) error {
	f := newFlags(e, "today "+verb, todayUsage, false)
	keys, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(keys) == 0 {
		return usagef("today %s needs at least one item key (as 'offerloop today' shows them in brackets)", verb)
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	// The largest plan holds every item a smaller one could have shown.
	plan, err := s.coachPlan(ctx, e, maxMinutes)
	if err != nil {
		return err
	}
	items := map[string]coach.Item{}
	for _, list := range [][]coach.Item{plan.Items, plan.Later, plan.Done} {
		for _, it := range list {
			items[it.Key] = it
		}
	}
	for _, r := range plan.Readiness {
		for _, it := range r.Actions {
			items[it.Key] = it
		}
	}
	day := s.now().In(s.loc).Format("2006-01-02")
	for _, k := range keys {
		it, ok := items[k]
		task := it.TaskKey
		if !ok && strings.HasPrefix(k, "task:") && strings.Contains(k, "/") {
			task = strings.TrimPrefix(k, "task:") // a task done earlier is no longer on the plan
		}
		switch {
		case task != "" && verb != "skip":
			err = tracker.CompleteTask(ctx, s.db, s.user.ID, task, verb == "done", s.now(), s.loc)
		case !ok && verb != "undo":
			err = errs.NotFoundf("no item %q on today's plan; run 'offerloop today' for the keys", k)
		default:
			m := coach.Mark{Key: k, Day: day}
			switch verb {
			case "done":
				m.Status = coach.StatusDone
			case "skip":
				m.Status = coach.StatusSkipped
			}
			err = s.db.MarkCoachItem(ctx, s.user.ID, m, s.now())
		}
		if err != nil {
			return err
		}
	}
	label := map[string]string{"done": "Done", "skip": "Skipped", "undo": "Cleared"}[verb]
	fmt.Fprintf(e.stdout, "%s: %s\n", label, strings.Join(keys, ", "))
	return nil
}

func runAgenda(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "agenda", agendaUsage, true)
	if _, err := f.parse(args); err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	ag, err := tracker.Today(ctx, s.db, s.user.ID, s.now(), s.loc)
	if err != nil {
		return err
	}
	if f.wantJSON() {
		ag.Overdue, ag.Today, ag.ThisWeek, ag.Interviews = nonNil(ag.Overdue), nonNil(ag.Today), nonNil(ag.ThisWeek), nonNil(ag.Interviews)
		return printJSON(e.stdout, ag)
	}
	now := s.now().In(s.loc)
	fmt.Fprintf(e.stdout, "Today, %s\n", now.Format("Monday 2 January 2006"))
	printAgenda(e.stdout, ag, s.loc, now, true)
	return nil
}

// printAgenda prints the interviews ahead and the task sections. When the
// agenda is empty it says so, with a hint when hint is set.
func printAgenda(w io.Writer, ag tracker.Agenda, loc *time.Location, now time.Time, hint bool) {
	if len(ag.Overdue)+len(ag.Today)+len(ag.ThisWeek)+len(ag.Interviews) == 0 {
		if hint {
			fmt.Fprintln(w, "\nNothing due this week. Add applications with 'offerloop app add' or schedule interviews with 'offerloop interview add'.")
		} else {
			fmt.Fprintln(w, "\nNothing due this week.")
		}
		return
	}
	if len(ag.Interviews) > 0 {
		fmt.Fprintln(w, "\nInterviews ahead")
		for _, iv := range ag.Interviews {
			fmt.Fprintf(w, "  %s  %s: %s (%d min)\n", iv.At.In(loc).Format("Mon 2 Jan 15:04"), iv.Company, iv.Title, iv.Minutes)
		}
	}
	section(w, "Overdue", ag.Overdue, loc, now)
	section(w, "Today", ag.Today, loc, now)
	section(w, "This week", ag.ThisWeek, loc, now)
	if ag.DoneToday > 0 {
		fmt.Fprintf(w, "\nDone today: %d.\n", ag.DoneToday)
	}
}

func section(w io.Writer, title string, tasks []tracker.Task, loc *time.Location, now time.Time) {
	if len(tasks) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", title)
	lastList := ""
	for _, t := range tasks {
		label := t.Title
		if t.Kind == tracker.TaskChecklist {
			head := fmt.Sprintf("%s checklist, %s", checklistTitle(t.Checklist), t.Company)
			if head != lastList {
				fmt.Fprintf(w, "  %s\n", head)
				lastList = head
			}
			fmt.Fprintf(w, "    [ ] %s  (%s)\n", label, t.Key)
			continue
		}
		lastList = ""
		where := ""
		if t.Company != "" && !strings.Contains(label, t.Company) {
			where = " — " + t.Company
		}
		fmt.Fprintf(w, "  %s%s, due %s  (%s)\n", label, where, due(t.Due, now, loc), t.Key)
	}
}

func checklistTitle(key string) string {
	switch key {
	case tracker.DayBefore:
		return "Day-before"
	case tracker.MorningOf:
		return "Morning-of"
	case tracker.During:
		return "During-the-interview"
	case tracker.After:
		return "After-the-interview"
	}
	return key
}

func due(t, now time.Time, loc *time.Location) string {
	t = t.In(loc)
	switch d := now.Sub(t); {
	case d > 48*time.Hour:
		return fmt.Sprintf("%s (%d days overdue)", t.Format("Mon 2 Jan"), int(d.Hours()/24))
	case d > 0:
		return t.Format("Mon 2 Jan 15:04") + " (overdue)"
	}
	return t.Format("Mon 2 Jan 15:04")
}

func runTask(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("task needs a subcommand: done, undo or add")
	}
	sub := args[0]
	switch sub {
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, taskUsage)
		return nil
	case "add":
		return taskAdd(ctx, e, args[1:])
	case "done", "undo":
	default:
		return usagef("unknown task subcommand %q", sub)
	}
	f := newFlags(e, "task "+sub, taskUsage, false)
	keys, err := f.parse(args[1:])
	if err != nil {
		return err
	}
	if len(keys) == 0 {
		return usagef("task %s needs at least one task key (see offerloop today)", sub)
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	for _, k := range keys {
		if err := tracker.CompleteTask(ctx, s.db, s.user.ID, k, sub == "done", s.now(), s.loc); err != nil {
			return err
		}
	}
	verb := "Done"
	if sub == "undo" {
		verb = "Reopened"
	}
	fmt.Fprintf(e.stdout, "%s: %s\n", verb, strings.Join(keys, ", "))
	return nil
}

func taskAdd(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "task add", taskUsage, false)
	dueFlag := f.String("due", "", "due date")
	app := f.Int64("app", 0, "application id")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 || *dueFlag == "" {
		return usagef("task add needs a title and --due")
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	t := tracker.ManualTask{UserID: s.user.ID, ApplicationID: *app, Title: strings.Join(pos, " ")}
	if t.Due, err = parseDay(*dueFlag, s.loc); err != nil {
		return err
	}
	if err := s.db.CreateTask(ctx, &t); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Added task %s.\n", tracker.ManualKey(t.ID))
	return nil
}

func runFunnel(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "funnel", funnelUsage, true)
	if _, err := f.parse(args); err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	fn, err := tracker.LoadFunnel(ctx, s.db, s.user.ID)
	if err != nil {
		return err
	}
	if f.wantJSON() {
		return printJSON(e.stdout, fn)
	}
	w := e.stdout
	if fn.Total == 0 {
		fmt.Fprintln(w, "No applications yet.")
		return nil
	}
	for i, b := range fn.Bands {
		if i == 0 {
			fmt.Fprintf(w, "%-8s %4d\n", b.Label, b.Count)
			continue
		}
		fmt.Fprintf(w, "%-8s %4d  (%.0f%% of %s)\n", b.Label, b.Count, b.Rate*100, fn.Bands[i-1].Label)
	}
	fmt.Fprintln(w)
	for _, fl := range fn.Flows {
		if fl.To >= 0 {
			continue
		}
		end := "still active"
		if fl.End != "" {
			end = string(fl.End)
		}
		fmt.Fprintf(w, "Stopped at %s: %d %s\n", fl.From.Label(), fl.Count, end)
	}
	for _, ec := range fn.Ends {
		fmt.Fprintf(w, "Offers %s: %d\n", ec.Outcome, ec.Count)
	}
	r := fn.Reply
	fmt.Fprintf(w, "\nReplies: %d of %d (%.0f%%)", r.Replied, r.Applications, r.Rate*100)
	if r.Replied > 0 {
		fmt.Fprintf(w, "; days to first answer: median %.1f, mean %.1f, p90 %.1f", r.MedianDays, r.MeanDays, r.P90Days)
	}
	fmt.Fprintln(w)
	if r.Offers > 0 {
		fmt.Fprintf(w, "Days from applying to an offer: median %.1f (%d offers)\n", r.OfferMedianDays, r.Offers)
	}
	for _, groups := range [][]tracker.GroupReply{fn.BySrc, fn.ByKind} {
		fmt.Fprintln(w)
		for _, g := range groups {
			if g.Reply.Applications == 0 {
				continue
			}
			fmt.Fprintf(w, "  %-12s %3d applied, %3.0f%% answered, %d onsite, %d offer\n", g.Group, g.Reply.Applications, g.Reply.Rate*100, g.Onsite, g.Offer)
		}
	}
	return nil
}
