// Command offerloop takes a machine-learning engineer from application to offer:
// a command-line tool and a local web app over one embedded SQLite database.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/offerloop/offerloop/internal/errs"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// usageError is a mistake in how a command was called: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// exitCode prints err and maps it to the exit code: 0 ok, 1 failure, 2 usage.
func exitCode(err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var vf verdictFailure
	if errors.As(err, &vf) {
		return 1 // the result is printed; nothing to add
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "offerloop: %s\nRun 'offerloop help' for usage.\n", ue.msg)
		return 2
	}
	if errs.CodeOf(err) != errs.Internal {
		fmt.Fprintf(stderr, "offerloop: %s\n", errs.Message(err))
		return 1
	}
	fmt.Fprintf(stderr, "offerloop: %v\n", err)
	return 1
}

// env is what every command gets: its streams, the environment and the clock.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

type command struct {
	name    string
	summary string
	usage   string // the full help text
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"serve", "run the web app", serveUsage, runServe},
		{"app", "add, list, show, move and edit applications", appUsage, runApp},
		{"interview", "schedule interviews, list them, record how they went, draft thank-you notes", interviewUsage, runInterview},
		{"today", "a plan for the time you have today, readiness for each interview, and what is due", todayUsage, runToday},
		{"agenda", "what is due now and this week (the agenda part of today)", agendaUsage, runAgenda},
		{"task", "mark a task done or open again", taskUsage, runTask},
		{"funnel", "how far applications got, and how fast companies answered", funnelUsage, runFunnel},
		{"calendar", "write interviews and deadlines as an iCalendar file", calendarUsage, runCalendar},
		{"export", "write all data as JSON (a lossless backup)", exportUsage, runExport},
		{"import", "restore a JSON export, or add applications from a CSV spreadsheet", importUsage, runImport},
		{"settings", "show or change your name and the follow-up delay", settingsUsage, runSettings},
		{"cards", "list, add, import and export the drill's question cards", cardsUsage, runCards},
		{"drill", "review theory and screen questions, spaced with FSRS-6", drillUsage, runDrill},
		{"srs", "replay a review log through FSRS-6, or fit its parameters to your history", srsUsage, runSRS},
		{"offer", "compare offers year by year against market ranges, and plan the negotiation", offerUsage, runOffer},
		{"problems", "list the ML coding problems, show one, or start its file", problemsUsage, runProblems},
		{"judge", "grade a Python solution to an ML coding problem, in a sandbox", judgeUsage, runJudge},
		{"resume", "check a resume the way an ATS and a recruiter read it, and match it to a job description", resumeUsage, runResume},
		{"letter", "whether to write a cover letter, and a checker for one", letterUsage, runLetter},
		{"pitch", "the three-minute \"walk me through your resume\" pitch: check and practise", pitchUsage, runPitch},
		{"scripts", "what to say on the recruiter call and the phone screen", scriptsUsage, runScripts},
		{"portfolio", "the GitHub portfolio checklist, and a check of a project README", portfolioUsage, runPortfolio},
		{"takehome", "review an ML take-home for data leakage and the red flags reviewers reject for", takehomeUsage, runTakehome},
		{"stories", "your behavioral stories: add, check, coverage by category, timed practice", storiesUsage, runStories},
		{"design", "ML system design practice: prompts, timed sessions, rubric scores", designUsage, runDesign},
		{"plan", "the six-week coding study plan: show, mark done or skipped, move the start", planUsage, runPlan},
		{"mock", "a mock-round timer that announces each phase (coding or phone)", mockUsage, runMock},
		{"asks", "questions to ask your interviewers", asksUsage, runAsks},
		{"version", "print the version", "usage: offerloop version\n\nPrints the version and revision offerloop was built from.\n", runVersion},
	}
}

func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		printHelp(stdout)
		return usagef("no command given")
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		if len(args) > 1 {
			for _, c := range commands() {
				if c.name == args[1] {
					fmt.Fprint(stdout, c.usage)
					return nil
				}
			}
			return usagef("unknown command %q", args[1])
		}
		printHelp(stdout)
		return nil
	}
	if name == "--version" || name == "-version" {
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, e, args[1:])
		}
	}
	return usagef("unknown command %q", name)
}

func printHelp(w io.Writer) {
	fmt.Fprint(w, `offerloop takes a machine-learning engineer from application to offer.

usage: offerloop COMMAND [ARGS]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Every command takes --db FILE (or OFFERLOOP_DB) to choose the database; the
default is $XDG_DATA_HOME/offerloop/offerloop.db, else
~/.local/share/offerloop/offerloop.db. Commands that print data take --json.

Run 'offerloop help COMMAND' or 'offerloop COMMAND --help' for details.
Exit codes: 0 success, 1 failure, 2 usage error.
`)
}
