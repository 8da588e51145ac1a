package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

const appUsage = `usage: offerloop app SUBCOMMAND [FLAGS]

Subcommands:
  add   --company NAME --role ROLE [--kind big-tech|mid-size|startup|research-lab]
        [--level junior|mid|senior|staff] [--location L] [--source referral|recruiter|cold]
        [--applied YYYY-MM-DD] [--url URL] [--jd-file FILE|-] [--notes TEXT] [--json]
        Add an application. Its stages and planned rounds come from the loop
        template of the company kind (default mid-size).
  list  [--all] [--q TEXT] [--json]
        List active applications (--all includes closed ones).
  show  ID [--json]
        Show an application: state, stages, rounds, interviews, contacts, tasks, timeline.
  move  ID STAGE|OUTCOME [--at "YYYY-MM-DD HH:MM"] [--note TEXT] [--json]
        Move to a stage (applied, recruiter_screen, phone_screen, take_home, onsite,
        offer, or a custom stage's name) or close with an outcome (accepted,
        declined, rejected, withdrawn, ghosted).
  edit  ID [--role R] [--kind K] [--level L] [--location L] [--source S] [--url URL]
        [--applied YYYY-MM-DD] [--deadline YYYY-MM-DD] [--jd-file FILE|-] [--notes TEXT] [--json]
        Change fields; only the flags given change. --deadline is the offer decision deadline.
  note  ID TEXT
        Add a note to the application's timeline.
  delete ID --yes
        Delete an application and everything attached to it.

All subcommands take --db FILE.
`

func runApp(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("app needs a subcommand: add, list, show, move, edit, note or delete")
	}
	switch args[0] {
	case "add":
		return appAdd(ctx, e, args[1:])
	case "list", "ls":
		return appList(ctx, e, args[1:])
	case "show":
		return appShow(ctx, e, args[1:])
	case "move", "mv":
		return appMove(ctx, e, args[1:])
	case "edit":
		return appEdit(ctx, e, args[1:])
	case "note":
		return appNote(ctx, e, args[1:])
	case "delete", "rm":
		return appDelete(ctx, e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, appUsage)
		return nil
	}
	return usagef("unknown app subcommand %q", args[0])
}

// appView is an application as the CLI and the JSON API show it.
type appView struct {
	ID           int64  `json:"id"`
	Company      string `json:"company"`
	CompanyKind  string `json:"company_kind"`
	Role         string `json:"role"`
	Level        string `json:"level,omitempty"`
	Location     string `json:"location,omitempty"`
	Source       string `json:"source,omitempty"`
	AppliedOn    string `json:"applied_on"`
	Deadline     string `json:"deadline,omitempty"`
	Stage        string `json:"stage"`
	StageKind    string `json:"stage_kind"`
	Outcome      string `json:"outcome,omitempty"`
	Since        string `json:"since"`
	URL          string `json:"url,omitempty"`
	Notes        string `json:"notes,omitempty"`
	LastActivity string `json:"last_activity,omitempty"`
}

func viewApp(a *tracker.Application) appView {
	v := appView{
		ID: a.ID, Company: a.Company.Name, CompanyKind: string(a.Company.Kind), Role: a.Role,
		Level: string(a.Level), Location: a.Location, Source: string(a.Source),
		AppliedOn: a.AppliedOn.String(), Deadline: a.Deadline.String(),
		Stage: a.State.StageName, StageKind: string(a.State.StageKind), Outcome: string(a.State.Outcome),
		Since: a.State.Since.UTC().Format(time.RFC3339), URL: a.JDURL, Notes: a.Notes,
	}
	if !a.LastActivity.IsZero() {
		v.LastActivity = a.LastActivity.UTC().Format(time.RFC3339)
	}
	return v
}

// readText reads --jd-file: a path, or - for standard input, capped.
func readText(e *env, path string) (string, error) {
	var r io.Reader
	if path == "-" {
		r = e.stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, tracker.MaxText+1))
	if err != nil {
		return "", err
	}
	if len(b) > tracker.MaxText {
		return "", errs.E(errs.TooLarge, "%s is longer than %d bytes", path, tracker.MaxText)
	}
	return string(b), nil
}

func appAdd(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "app add", appUsage, true)
	company := f.String("company", "", "company name")
	kind := f.String("kind", "", "company kind")
	role := f.String("role", "", "role")
	level := f.String("level", "", "level")
	location := f.String("location", "", "location")
	source := f.String("source", "", "source")
	applied := f.String("applied", "", "applied date")
	url := f.String("url", "", "job posting URL")
	jdFile := f.String("jd-file", "", "job description file")
	notes := f.String("notes", "", "notes")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("app add takes flags only; unexpected %q", pos[0])
	}
	if *company == "" || *role == "" {
		return usagef("app add needs --company and --role")
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	a := tracker.Application{UserID: s.user.ID, Role: *role, Location: *location, JDURL: *url, Notes: *notes}
	a.Company.Name = *company
	if *kind != "" {
		if a.Company.Kind, err = tracker.ParseCompanyKind(*kind); err != nil {
			return err
		}
	}
	if *level != "" {
		if a.Level, err = tracker.ParseLevel(*level); err != nil {
			return err
		}
	}
	if *source != "" {
		if a.Source, err = tracker.ParseSource(*source); err != nil {
			return err
		}
	}
	a.AppliedOn = tracker.DateOf(s.now().In(s.loc))
	if *applied != "" {
		if a.AppliedOn, err = tracker.ParseDate(*applied); err != nil {
			return err
		}
	}
	if *jdFile != "" {
		if a.JDText, err = readText(e, *jdFile); err != nil {
			return err
		}
	}
	if err := a.Validate(); err != nil {
		return err
	}
	loops, err := tracker.LoadLoops()
	if err != nil {
		return err
	}
	plan, err := loops.NewPlan(a.Company.Kind)
	if err != nil {
		return err
	}
	if err := s.db.CreateApplication(ctx, &a, plan); err != nil {
		return err
	}
	if f.wantJSON() {
		return printJSON(e.stdout, viewApp(&a))
	}
	fmt.Fprintf(e.stdout, "Added #%d %s (%s, %d stages, %d planned rounds).\n", a.ID, a.Title(), a.Company.Kind.Label(), len(plan.Stages), len(plan.Rounds))
	return nil
}

func appList(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "app list", appUsage, true)
	all := f.Bool("all", false, "include closed applications")
	q := f.String("q", "", "filter by company or role")
	if _, err := f.parse(args); err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	apps, err := s.db.FindApplications(ctx, tracker.ApplicationFilter{UserID: s.user.ID, ActiveOnly: !*all, Query: *q})
	if err != nil {
		return err
	}
	if f.wantJSON() {
		out := make([]appView, len(apps))
		for i, a := range apps {
			out[i] = viewApp(a)
		}
		return printJSON(e.stdout, out)
	}
	if len(apps) == 0 {
		fmt.Fprintln(e.stdout, "No applications yet. Add one with: offerloop app add --company NAME --role ROLE")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCOMPANY\tROLE\tSTATE\tSINCE\tAPPLIED")
	now := s.now()
	for _, a := range apps {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", a.ID, a.Company.Name, a.Role, a.State.Label(), ago(now, a.State.Since), a.AppliedOn)
	}
	return tw.Flush()
}

// ago says how long ago t was, in days.
func ago(now, t time.Time) string {
	d := int(now.Sub(t).Hours() / 24)
	switch {
	case d <= 0:
		return "today"
	case d == 1:
		return "1 day"
	}
	return fmt.Sprintf("%d days", d)
}

func appShow(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "app show", appUsage, true)
	id, _, err := f.parseID(args, 1, true, "application", "app show needs one application id")
	if err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	uid := s.user.ID
	a, err := s.db.FindApplication(ctx, uid, id)
	if err != nil {
		return err
	}
	stages, err := s.db.Stages(ctx, uid, id)
	if err != nil {
		return err
	}
	rounds, err := s.db.Rounds(ctx, uid, id)
	if err != nil {
		return err
	}
	ivs, err := s.db.FindInterviews(ctx, tracker.InterviewFilter{UserID: uid, ApplicationID: id})
	if err != nil {
		return err
	}
	contacts, err := s.db.Contacts(ctx, uid, id)
	if err != nil {
		return err
	}
	events, err := s.db.Events(ctx, uid, id)
	if err != nil {
		return err
	}
	all, _, err := tracker.LoadTasks(ctx, s.db, uid, s.now(), s.loc)
	if err != nil {
		return err
	}
	var tasks []tracker.Task
	for _, t := range all {
		if t.ApplicationID == id {
			tasks = append(tasks, t)
		}
	}
	if f.wantJSON() {
		return printJSON(e.stdout, struct {
			Application appView              `json:"application"`
			JDText      string               `json:"jd_text,omitempty"`
			Stages      []tracker.Stage      `json:"stages"`
			Rounds      []tracker.Round      `json:"rounds"`
			Interviews  []*tracker.Interview `json:"interviews"`
			Contacts    []tracker.Contact    `json:"contacts"`
			Tasks       []tracker.Task       `json:"tasks"`
			Events      []tracker.Event      `json:"events"`
		}{viewApp(a), a.JDText, stages, rounds, nonNil(ivs), nonNil(contacts), nonNil(tasks), events})
	}
	w := e.stdout
	fmt.Fprintf(w, "#%d %s\n", a.ID, a.Title())
	fmt.Fprintf(w, "  %s", a.Company.Kind.Label())
	for _, x := range []string{string(a.Level), a.Location, string(a.Source)} {
		if x != "" {
			fmt.Fprintf(w, " · %s", x)
		}
	}
	fmt.Fprintf(w, "\n  Applied %s · now %s (since %s)\n", a.AppliedOn, a.State.Label(), a.State.Since.In(s.loc).Format("2006-01-02"))
	if a.JDURL != "" {
		fmt.Fprintf(w, "  %s\n", a.JDURL)
	}
	if !a.Deadline.IsZero() {
		fmt.Fprintf(w, "  Offer decision deadline: %s\n", a.Deadline)
	}
	fmt.Fprintln(w, "\nStages:")
	for _, st := range stages {
		mark := "  "
		if st.ID == a.State.StageID {
			mark = "▸ "
		}
		fmt.Fprintf(w, "  %s%s", mark, st.Name)
		for _, r := range rounds {
			if r.StageID == st.ID {
				fmt.Fprintf(w, "\n      · %s (%d min)", r.Name, r.Minutes)
			}
		}
		fmt.Fprintln(w)
	}
	if len(ivs) > 0 {
		fmt.Fprintln(w, "\nInterviews:")
		for _, iv := range ivs {
			fmt.Fprintf(w, "  #%d %s, %s, %d min — %s\n", iv.ID, iv.Title, iv.At.In(s.loc).Format("Mon 2 Jan 2006 15:04"), iv.Minutes, iv.Outcome.Label())
		}
	}
	if len(contacts) > 0 {
		fmt.Fprintln(w, "\nContacts:")
		for _, c := range contacts {
			fmt.Fprintf(w, "  %s: %s %s\n", c.Role.Label(), c.Name, c.Email)
		}
	}
	var open int
	for _, t := range tasks {
		if !t.Done {
			open++
		}
	}
	if open > 0 {
		fmt.Fprintln(w, "\nOpen tasks:")
		for _, t := range tasks {
			if !t.Done && t.Kind != tracker.TaskChecklist {
				fmt.Fprintf(w, "  %s  due %s  [%s]\n", t.Title, t.Due.In(s.loc).Format("Mon 2 Jan 15:04"), t.Key)
			}
		}
		if n := countKind(tasks, tracker.TaskChecklist); n > 0 {
			fmt.Fprintf(w, "  and %d checklist items (offerloop today)\n", n)
		}
	}
	fmt.Fprintln(w, "\nTimeline:")
	for _, ev := range events {
		fmt.Fprintf(w, "  %s  %s\n", ev.At.In(s.loc).Format("2006-01-02 15:04"), ev.Summary)
	}
	return nil
}

func countKind(ts []tracker.Task, k tracker.TaskKind) int {
	n := 0
	for _, t := range ts {
		if t.Kind == k && !t.Done {
			n++
		}
	}
	return n
}

// nonNil makes empty lists print as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func appMove(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "app move", appUsage, true)
	at := f.String("at", "", "when it happened (default now)")
	note := f.String("note", "", "a note for the timeline")
	id, pos, err := f.parseID(args, 2, false, "application", "app move needs an application id and a stage or outcome")
	if err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	stages, err := s.db.Stages(ctx, s.user.ID, id)
	if err != nil {
		return err
	}
	m, err := tracker.ResolveTarget(stages, strings.Join(pos[1:], " "))
	if err != nil {
		return err
	}
	m.At, m.Note = s.now(), *note
	if *at != "" {
		if m.At, err = parseDay(*at, s.loc); err != nil {
			return err
		}
	}
	a, err := s.db.MoveApplication(ctx, s.user.ID, id, m)
	if err != nil {
		return err
	}
	if f.wantJSON() {
		return printJSON(e.stdout, viewApp(a))
	}
	fmt.Fprintf(e.stdout, "#%d %s is now %s.\n", a.ID, a.Title(), a.State.Label())
	return nil
}

func appEdit(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "app edit", appUsage, true)
	var u tracker.ApplicationUpdate
	set := map[string]*string{}
	for _, name := range []string{"role", "kind", "level", "location", "source", "url", "applied", "deadline", "jd-file", "notes"} {
		set[name] = f.String(name, "", name)
	}
	id, _, err := f.parseID(args, 1, true, "application", "app edit needs one application id")
	if err != nil {
		return err
	}
	given := map[string]bool{}
	f.Visit(func(fl *flag.Flag) { given[fl.Name] = true })
	str := func(name string) *string {
		if !given[name] {
			return nil
		}
		v := *set[name]
		return &v
	}
	u.Role, u.Location, u.JDURL, u.Notes = str("role"), str("location"), str("url"), str("notes")
	if v := str("kind"); v != nil {
		k, err := tracker.ParseCompanyKind(*v)
		if err != nil {
			return err
		}
		u.CompanyKind = &k
	}
	if v := str("level"); v != nil && *v != "" {
		l, err := tracker.ParseLevel(*v)
		if err != nil {
			return err
		}
		u.Level = &l
	}
	if v := str("source"); v != nil && *v != "" {
		src, err := tracker.ParseSource(*v)
		if err != nil {
			return err
		}
		u.Source = &src
	}
	for name, dst := range map[string]**tracker.Date{"applied": &u.AppliedOn, "deadline": &u.Deadline} {
		if v := str(name); v != nil {
			d, err := tracker.ParseDate(*v)
			if err != nil {
				return err
			}
			*dst = &d
		}
	}
	if v := str("jd-file"); v != nil {
		text, err := readText(e, *v)
		if err != nil {
			return err
		}
		u.JDText = &text
	}
	if len(given) == 0 || (len(given) == 1 && (given["db"] || given["json"])) {
		return usagef("app edit: say what to change, e.g. --role or --deadline")
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	a, err := s.db.UpdateApplication(ctx, s.user.ID, id, u, s.now())
	if err != nil {
		return err
	}
	if f.wantJSON() {
		return printJSON(e.stdout, viewApp(a))
	}
	fmt.Fprintf(e.stdout, "Updated #%d %s.\n", a.ID, a.Title())
	return nil
}

func appNote(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "app note", appUsage, false)
	id, pos, err := f.parseID(args, 2, false, "application", "app note needs an application id and the note")
	if err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.db.AddNote(ctx, s.user.ID, id, strings.Join(pos[1:], " "), s.now()); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "Noted.")
	return nil
}

func appDelete(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "app delete", appUsage, false)
	yes := f.Bool("yes", false, "really delete")
	id, _, err := f.parseID(args, 1, true, "application", "app delete needs one application id")
	if err != nil {
		return err
	}
	if !*yes {
		return usagef("app delete removes the application and its history for good; add --yes to confirm")
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.db.DeleteApplication(ctx, s.user.ID, id); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Deleted #%d.\n", id)
	return nil
}
