package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

const interviewUsage = `usage: offerloop interview SUBCOMMAND [FLAGS]

Subcommands:
  add    APP_ID --at "YYYY-MM-DD HH:MM" [--round ROUND_ID | --kind KIND] [--title T]
         [--minutes N] [--with "Name <email>, Name"] [--location L] [--json]
         Schedule an interview. --round ties it to a planned round (see app show),
         which also sets its kind, title and length. Kinds: recruiter_screen,
         phone_screen, take_home, ml_coding, coding, ml_system_design, ml_theory,
         behavioral, team_fit, bar_raiser, paper_discussion, research_presentation,
         theory_deep_dive, other. Times are read in your zone (TZ).
  list   [--app ID] [--upcoming] [--json]
         List interviews, oldest first.
  done   ID [--outcome waiting|passed|failed|cancelled] [--notes TEXT] [--detail TEXT]
         [--flags KEY,KEY] [--json]
         Record that an interview happened. --detail is a point from the
         conversation for the thank-you note; --flags are red-flag keys
         (offerloop interview flags lists them).
  thanks ID [--json]
         Print the thank-you email draft and its mailto: link.
  flags  [--json]
         List the red flags to watch for, by key.
  ask    ID [QUESTION_ID...] [--own "your question"]... [--clear] [--json]
         Choose the questions to ask at an interview (offerloop asks lists the
         bank); they appear on the interview's checklist. With no ids, shows
         the ones chosen.

All subcommands take --db FILE.
`

func runInterview(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("interview needs a subcommand: add, list, done, thanks or flags")
	}
	switch args[0] {
	case "add":
		return interviewAdd(ctx, e, args[1:])
	case "list", "ls":
		return interviewList(ctx, e, args[1:])
	case "done":
		return interviewDone(ctx, e, args[1:])
	case "thanks", "thank-you", "thankyou":
		return interviewThanks(ctx, e, args[1:])
	case "flags":
		return interviewFlags(ctx, e, args[1:])
	case "ask", "asks":
		return interviewAsk(ctx, e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, interviewUsage)
		return nil
	}
	return usagef("unknown interview subcommand %q", args[0])
}

type interviewView struct {
	ID            int64                 `json:"id"`
	ApplicationID int64                 `json:"application_id"`
	Company       string                `json:"company"`
	Role          string                `json:"role"`
	Title         string                `json:"title"`
	Kind          string                `json:"kind"`
	At            string                `json:"at"`
	Minutes       int                   `json:"minutes"`
	Location      string                `json:"location,omitempty"`
	Interviewers  []tracker.Interviewer `json:"interviewers"`
	Outcome       string                `json:"outcome"`
	Notes         string                `json:"notes,omitempty"`
	Detail        string                `json:"detail,omitempty"`
	RedFlags      []string              `json:"red_flags"`
}

func viewInterview(iv *tracker.Interview) interviewView {
	return interviewView{
		ID: iv.ID, ApplicationID: iv.ApplicationID, Company: iv.Company, Role: iv.Role, Title: iv.Title,
		Kind: string(iv.Kind), At: iv.At.UTC().Format(time.RFC3339), Minutes: iv.Minutes, Location: iv.Location,
		Interviewers: nonNil(iv.Interviewers), Outcome: iv.Outcome.Label(), Notes: iv.Notes, Detail: iv.Detail,
		RedFlags: nonNil(iv.RedFlags),
	}
}

func interviewAdd(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "interview add", interviewUsage, true)
	at := f.String("at", "", "date and time")
	roundID := f.Int64("round", 0, "planned round id")
	kind := f.String("kind", "", "round kind")
	title := f.String("title", "", "title")
	minutes := f.Int("minutes", 0, "length in minutes")
	with := f.String("with", "", "interviewers")
	location := f.String("location", "", "video link or address")
	appID, _, err := f.parseID(args, 1, true, "application", "interview add needs an application id and --at")
	if err != nil {
		return err
	}
	if *at == "" {
		return usagef("interview add needs --at")
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	iv := tracker.Interview{UserID: s.user.ID, ApplicationID: appID, Location: *location, Kind: tracker.RoundKind(*kind)}
	if iv.At, err = parseWhen(*at, s.loc); err != nil {
		return err
	}
	if iv.Interviewers, err = tracker.ParseInterviewers(*with); err != nil {
		return err
	}
	loops, err := tracker.LoadLoops()
	if err != nil {
		return err
	}
	if *roundID != 0 {
		rounds, err := s.db.Rounds(ctx, s.user.ID, appID)
		if err != nil {
			return err
		}
		found := false
		for _, r := range rounds {
			if r.ID == *roundID {
				iv.RoundID, iv.Kind, iv.Title, iv.Minutes, found = r.ID, r.Kind, r.Name, r.Minutes, true
			}
		}
		if !found {
			return errs.NotFoundf("round %d is not one of application %d's rounds (see offerloop app show %d)", *roundID, appID, appID)
		}
	}
	if iv.Kind == "" {
		iv.Kind = tracker.RoundOther
	}
	info, ok := loops.RoundKind(iv.Kind)
	if !ok {
		return usagef("unknown round kind %q (see offerloop help interview)", iv.Kind)
	}
	if iv.Title == "" {
		iv.Title = info.Name
	}
	if iv.Minutes == 0 {
		iv.Minutes = info.Minutes
	}
	if *title != "" {
		iv.Title = *title
	}
	if *minutes != 0 {
		iv.Minutes = *minutes
	}
	if err := s.db.ScheduleInterview(ctx, &iv); err != nil {
		return err
	}
	got, err := s.db.FindInterview(ctx, s.user.ID, iv.ID)
	if err != nil {
		return err
	}
	if f.wantJSON() {
		return printJSON(e.stdout, viewInterview(got))
	}
	fmt.Fprintf(e.stdout, "Scheduled #%d %s with %s for %s (%d min).\n", got.ID, got.Title, got.Company, got.At.In(s.loc).Format("Mon 2 Jan 2006 15:04 MST"), got.Minutes)
	fmt.Fprintln(e.stdout, "Its checklists and thank-you note are on: offerloop today")
	return nil
}

func interviewList(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "interview list", interviewUsage, true)
	app := f.Int64("app", 0, "only this application")
	upcoming := f.Bool("upcoming", false, "only interviews still ahead")
	if _, err := f.parse(args); err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	filter := tracker.InterviewFilter{UserID: s.user.ID, ApplicationID: *app}
	if *upcoming {
		filter.From, filter.PendingOnly = s.now().Add(-12*time.Hour), true
	}
	ivs, err := s.db.FindInterviews(ctx, filter)
	if err != nil {
		return err
	}
	if f.wantJSON() {
		out := make([]interviewView, len(ivs))
		for i, iv := range ivs {
			out[i] = viewInterview(iv)
		}
		return printJSON(e.stdout, out)
	}
	if len(ivs) == 0 {
		fmt.Fprintln(e.stdout, "No interviews. Schedule one with: offerloop interview add APP_ID --at \"YYYY-MM-DD HH:MM\" --kind ml_coding")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tWHEN\tCOMPANY\tROUND\tMIN\tSTATUS")
	for _, iv := range ivs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\n", iv.ID, iv.At.In(s.loc).Format("Mon 2 Jan 2006 15:04"), iv.Company, iv.Title, iv.Minutes, iv.Outcome.Label())
	}
	return tw.Flush()
}

func interviewDone(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "interview done", interviewUsage, true)
	outcome := f.String("outcome", "waiting", "waiting, passed, failed or cancelled")
	notes := f.String("notes", "", "notes")
	detail := f.String("detail", "", "a specific point for the thank-you note")
	flagKeys := f.String("flags", "", "red-flag keys, comma-separated")
	id, _, err := f.parseID(args, 1, true, "interview", "interview done needs one interview id")
	if err != nil {
		return err
	}
	o, err := tracker.ParseInterviewOutcome(*outcome)
	if err != nil {
		return err
	}
	u := tracker.InterviewUpdate{Outcome: &o}
	given := map[string]bool{}
	f.Visit(func(fl *flag.Flag) { given[fl.Name] = true })
	if given["notes"] {
		u.Notes = notes
	}
	if given["detail"] {
		u.Detail = detail
	}
	if given["flags"] {
		var keys []string
		for _, k := range strings.Split(*flagKeys, ",") {
			if k = strings.TrimSpace(k); k != "" {
				keys = append(keys, k)
			}
		}
		u.RedFlags = &keys
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	iv, err := s.db.UpdateInterview(ctx, s.user.ID, id, u, s.now())
	if err != nil {
		return err
	}
	if f.wantJSON() {
		return printJSON(e.stdout, viewInterview(iv))
	}
	fmt.Fprintf(e.stdout, "#%d %s: %s.\n", iv.ID, iv.Title, iv.Outcome.Label())
	if o != tracker.OutcomeCancelled {
		fmt.Fprintf(e.stdout, "Thank-you draft: offerloop interview thanks %d\n", iv.ID)
	}
	return nil
}

func interviewThanks(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "interview thanks", interviewUsage, true)
	id, _, err := f.parseID(args, 1, true, "interview", "interview thanks needs one interview id")
	if err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	iv, err := s.db.FindInterview(ctx, s.user.ID, id)
	if err != nil {
		return err
	}
	name, err := s.db.Setting(ctx, s.user.ID, tracker.SettingYourName)
	if err != nil {
		return err
	}
	d, err := tracker.ThankYou(iv, name)
	if err != nil {
		return err
	}
	if f.wantJSON() {
		return printJSON(e.stdout, d)
	}
	if d.To != "" {
		fmt.Fprintf(e.stdout, "To: %s\n", d.To)
	}
	fmt.Fprintf(e.stdout, "Subject: %s\n\n%s\n", d.Subject, d.Body)
	if len(d.Missing) > 0 {
		fmt.Fprintf(e.stdout, "To make it specific, add: %s.\n", strings.Join(d.Missing, "; "))
	}
	fmt.Fprintf(e.stdout, "Open in your mail program: %s\n", d.Mailto)
	return nil
}

func interviewFlags(_ context.Context, e *env, args []string) error {
	f := newFlags(e, "interview flags", interviewUsage, true)
	if _, err := f.parse(args); err != nil {
		return err
	}
	rf, err := tracker.LoadRedFlags()
	if err != nil {
		return err
	}
	if f.wantJSON() {
		return printJSON(e.stdout, rf.Groups)
	}
	for _, g := range rf.Groups {
		fmt.Fprintf(e.stdout, "%s\n", g.Title)
		for _, fl := range g.Flags {
			fmt.Fprintf(e.stdout, "  %-34s %s\n", fl.Key, fl.Text)
		}
		fmt.Fprintln(e.stdout)
	}
	return nil
}

// ownFlag collects repeated --own values.
type ownFlag []string

func (o *ownFlag) String() string     { return strings.Join(*o, "; ") }
func (o *ownFlag) Set(v string) error { *o = append(*o, v); return nil }

func interviewAsk(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "interview ask", interviewUsage, true)
	var own ownFlag
	f.Var(&own, "own", "a question of your own (repeatable)")
	clear := f.Bool("clear", false, "remove every chosen question")
	id, pos, err := f.parseID(args, 1, false, "interview", "interview ask takes an interview id, then question ids")
	if err != nil {
		return err
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
	if len(pos) > 1 || len(own) > 0 || *clear {
		var asks []tracker.InterviewAsk
		for _, qid := range pos[1:] {
			q, ok := l.Ask(qid)
			if !ok {
				return errs.E(errs.NotFound, "no question %q; offerloop asks lists them", qid)
			}
			asks = append(asks, tracker.InterviewAsk{InterviewID: id, QuestionID: q.ID, Text: q.Text})
		}
		for _, t := range own {
			asks = append(asks, tracker.InterviewAsk{InterviewID: id, Text: strings.TrimSpace(t)})
		}
		if err := s.db.SetInterviewAsks(ctx, s.user.ID, id, asks); err != nil {
			return err
		}
	}
	asks, err := s.db.InterviewAsks(ctx, s.user.ID, id)
	if err != nil {
		return err
	}
	if f.wantJSON() {
		if asks == nil {
			asks = []tracker.InterviewAsk{}
		}
		return printJSON(e.stdout, asks)
	}
	if len(asks) == 0 {
		fmt.Fprintf(e.stdout, "No questions chosen for interview %d. offerloop asks lists the bank.\n", id)
		return nil
	}
	fmt.Fprintf(e.stdout, "Questions to ask at interview %d (on its checklist):\n", id)
	for i, a := range asks {
		fmt.Fprintf(e.stdout, "  %d. %s\n", i+1, a.Text)
	}
	return nil
}
