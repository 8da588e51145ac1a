package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/tracker"
)

const todayUsage = `usage: offerloop today [--json] [--db FILE]

Lists what is overdue, due today and due in the next seven days: thank-you notes,
follow-ups with silent companies, offer deadlines, your own tasks, and the
checklists of the interviews ahead. Each task shows its key; mark it done with
'offerloop task done KEY'.
`

const taskUsage = `usage: offerloop task SUBCOMMAND [FLAGS]

Subcommands:
  done KEY...    mark tasks done (keys as 'offerloop today' shows them)
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
	f := newFlags(e, "today", todayUsage, true)
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
	w := e.stdout
	now := s.now().In(s.loc)
	fmt.Fprintf(w, "Today, %s\n", now.Format("Monday 2 January 2006"))
	if len(ag.Overdue)+len(ag.Today)+len(ag.ThisWeek)+len(ag.Interviews) == 0 {
		fmt.Fprintln(w, "\nNothing due this week. Add applications with 'offerloop app add' or schedule interviews with 'offerloop interview add'.")
		return nil
	}
	if len(ag.Interviews) > 0 {
		fmt.Fprintln(w, "\nInterviews ahead")
		for _, iv := range ag.Interviews {
			fmt.Fprintf(w, "  %s  %s: %s (%d min)\n", iv.At.In(s.loc).Format("Mon 2 Jan 15:04"), iv.Company, iv.Title, iv.Minutes)
		}
	}
	section(w, "Overdue", ag.Overdue, s.loc, now)
	section(w, "Today", ag.Today, s.loc, now)
	section(w, "This week", ag.ThisWeek, s.loc, now)
	if ag.DoneToday > 0 {
		fmt.Fprintf(w, "\nDone today: %d.\n", ag.DoneToday)
	}
	return nil
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
