package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/judge"
)

const judgeUsage = `usage: offerloop judge PROBLEM_ID FILE [--json] [--watch] [--no-sandbox] [--judge-workers N]

Grades the Python solution in FILE against every case of the problem, in a
sandboxed Python with numpy, and stores the attempt. Prints each case's
verdict; hidden cases show their name and verdict, never their data.

Verdicts: accepted, wrong_answer, runtime_error, time_limit_exceeded,
memory_limit_exceeded, output_limit_exceeded, syntax_error, internal_error.
Exit code 0 only when accepted, 1 otherwise, 2 on usage errors.

  --watch          grade again each time FILE is saved (Ctrl-C to stop)
  --no-sandbox     run without bubblewrap: only for code you trust
  --judge-workers  warm Python workers to keep (default: the CPU count)
  --json           print the result as JSON

Needs Debian's python3 and python3-numpy, and bubblewrap for the sandbox:
  sudo apt-get install python3-numpy bubblewrap
`

const problemsUsage = `usage: offerloop problems list [--topic T] [--difficulty D] [--json]
       offerloop problems show ID
       offerloop problems start ID [DIR]

The ML coding problems: implement an algorithm from scratch in Python with
numpy, then grade it with 'offerloop judge'.

  list   every problem, with your marks: solved, or attempted and the last verdict
  show   a problem's statement, signature and examples
  start  write the starter file to DIR (default: the current directory) as ID.py
`

// verdictFailure ends a judge run that was not accepted: exit code 1, with
// the result already printed.
type verdictFailure struct{ verdict string }

func (v verdictFailure) Error() string { return "verdict: " + v.verdict }

func runJudge(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "judge", judgeUsage, true)
	watch := f.Bool("watch", false, "grade again on every save")
	noSandbox := f.Bool("no-sandbox", false, "run without bubblewrap")
	workers := f.Int("judge-workers", runtime.NumCPU(), "warm workers")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("judge takes a problem id and a file: offerloop judge PROBLEM_ID FILE")
	}
	if *workers < 1 || *workers > 64 {
		return usagef("--judge-workers must be between 1 and 64")
	}
	p, err := problem(pos[0])
	if err != nil {
		return err
	}
	file := pos[1]
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	j, err := startJudge(ctx, *workers, *noSandbox)
	if err != nil {
		return err
	}
	defer j.Close()
	once := func() (*judge.Result, error) {
		code, err := readSource(file)
		if err != nil {
			return nil, err
		}
		res, err := j.Grade(ctx, p, code)
		if err != nil {
			return nil, err
		}
		if _, err := s.db.AddAttempt(ctx, s.user.ID, judge.FromResult(code, res, s.now())); err != nil {
			return nil, err
		}
		if f.wantJSON() {
			return res, printJSON(e.stdout, res)
		}
		printResult(e.stdout, p, res)
		return res, nil
	}
	if !*watch {
		res, err := once()
		if err != nil {
			return err
		}
		if res.Verdict != judge.Accepted {
			return verdictFailure{res.Verdict}
		}
		return nil
	}
	return watchFile(ctx, e, file, func() {
		if _, err := once(); err != nil {
			fmt.Fprintf(e.stderr, "offerloop: %s\n", errs.Message(err))
		}
	})
}

// watchFile runs fn now and after every change to file, until ctx ends.
func watchFile(ctx context.Context, e *env, file string, fn func()) error {
	stamp := func() (time.Time, int64) {
		fi, err := os.Stat(file)
		if err != nil {
			return time.Time{}, -1
		}
		return fi.ModTime(), fi.Size()
	}
	lastMod, lastSize := stamp()
	fn()
	fmt.Fprintf(e.stdout, "Watching %s; save it to grade again, Ctrl-C to stop.\n", file)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		mod, size := stamp()
		if size < 0 || (mod.Equal(lastMod) && size == lastSize) {
			continue
		}
		lastMod, lastSize = mod, size
		fmt.Fprintf(e.stdout, "\n%s changed at %s\n", file, time.Now().Format("15:04:05"))
		fn()
	}
}

func problem(id string) (*judge.Problem, error) {
	if _, err := judge.Problems(); err != nil {
		return nil, err
	}
	p, ok := judge.Get(id)
	if !ok {
		return nil, errs.E(errs.NotFound, "no problem %q; 'offerloop problems list' shows them all", id)
	}
	return p, nil
}

func readSource(file string) (string, error) {
	fi, err := os.Stat(file)
	if err != nil {
		return "", errs.E(errs.NotFound, "cannot read %s: %v", file, errors.Unwrap(err))
	}
	if fi.IsDir() {
		return "", errs.Invalidf("%s is a directory, not a Python file", file)
	}
	if fi.Size() > judge.MaxSourceLength {
		return "", errs.E(errs.TooLarge, "%s is %d KiB; a solution may be at most %d KiB", file, fi.Size()>>10, judge.MaxSourceLength>>10)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", errs.Invalidf("cannot read %s: %v", file, err)
	}
	return string(b), nil
}

// startJudge starts a judge and waits for its first warm worker, so that a
// missing package is reported before any grading.
func startJudge(ctx context.Context, workers int, noSandbox bool) (*judge.Judge, error) {
	j, err := judge.New(judge.Options{Workers: workers, NoSandbox: noSandbox})
	if err != nil {
		return nil, errs.E(errs.Invalid, "%v", err)
	}
	wait, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := j.Ready(wait); err != nil {
		j.Close()
		return nil, errs.E(errs.Invalid, "%v", err)
	}
	return j, nil
}

var verdictMarks = map[string]string{judge.Accepted: "ok", judge.Skipped: "--"}

func printResult(w io.Writer, p *judge.Problem, r *judge.Result) {
	fmt.Fprintf(w, "%s: %s, %d of %d cases passed in %.0f ms\n", p.ID, strings.ReplaceAll(r.Verdict, "_", " "), r.Passed, r.Total, r.TimeMS)
	if r.Message != "" {
		fmt.Fprintf(w, "\n%s\n", indent(strings.TrimRight(r.Message, "\n"), "  "))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, c := range r.Cases {
		mark := verdictMarks[c.Verdict]
		if mark == "" {
			mark = "XX"
		}
		kind := "example"
		if c.Hidden {
			kind = "hidden"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%.1f ms\n", mark, c.Name, kind, c.Verdict, c.TimeMS)
	}
	tw.Flush()
	shown := 0
	for _, c := range r.Cases {
		if c.Message == "" || c.Verdict == judge.Skipped || (r.Message != "" && c.Message == r.Message) || shown == 3 {
			continue
		}
		shown++
		fmt.Fprintf(w, "\n%s (%s):\n%s\n", c.Name, c.Verdict, indent(strings.TrimRight(c.Message, "\n"), "  "))
	}
	if r.Output != "" {
		fmt.Fprintf(w, "\nYour code printed:\n%s\n", indent(strings.TrimRight(r.Output, "\n"), "  "))
	}
	fmt.Fprintf(w, "\nsandbox: %s; limits: %s\n", r.Sandbox, strings.Join(r.Limits, ", "))
}

func runProblems(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("problems needs a subcommand: list, show or start")
	}
	switch args[0] {
	case "list":
		return problemsList(ctx, e, args[1:])
	case "show":
		return problemsShow(e, args[1:])
	case "start":
		return problemsStart(e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, problemsUsage)
		return nil
	}
	return usagef("unknown problems subcommand %q", args[0])
}

type problemRow struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Topic       string `json:"topic"`
	Difficulty  string `json:"difficulty"`
	Signature   string `json:"signature"`
	Status      string `json:"status"` // solved, attempted or new
	Attempts    int    `json:"attempts"`
	LastVerdict string `json:"last_verdict,omitempty"`
}

func problemsList(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "problems list", problemsUsage, true)
	topic := f.String("topic", "", "only this topic")
	difficulty := f.String("difficulty", "", "only this difficulty")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("problems list takes no arguments")
	}
	ps, err := judge.Problems()
	if err != nil {
		return err
	}
	if *topic != "" && !contains(judge.Topics, *topic) {
		return usagef("unknown topic %q; topics: %s", *topic, strings.Join(judge.Topics, ", "))
	}
	if *difficulty != "" && !contains(judge.Difficulties, *difficulty) {
		return usagef("unknown difficulty %q; one of %s", *difficulty, strings.Join(judge.Difficulties, ", "))
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	prog, err := s.db.ProgressByProblem(ctx, s.user.ID)
	if err != nil {
		return err
	}
	rows := []problemRow{}
	for _, p := range ps {
		if (*topic != "" && p.Topic != *topic) || (*difficulty != "" && p.Difficulty != *difficulty) {
			continue
		}
		r := problemRow{ID: p.ID, Title: p.Title, Topic: p.Topic, Difficulty: p.Difficulty, Signature: p.Signature, Status: "new"}
		if pr, ok := prog[p.ID]; ok {
			r.Attempts, r.LastVerdict, r.Status = pr.Attempts, pr.LastVerdict, "attempted"
			if pr.Solved {
				r.Status = "solved"
			}
		}
		rows = append(rows, r)
	}
	if f.wantJSON() {
		return printJSON(e.stdout, rows)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDIFFICULTY\tTOPIC\tSTATUS\tTITLE")
	solved := 0
	for _, r := range rows {
		status := r.Status
		if r.Status == "attempted" {
			status = "tried: " + r.LastVerdict
		}
		if r.Status == "solved" {
			solved++
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Difficulty, r.Topic, status, r.Title)
	}
	tw.Flush()
	fmt.Fprintf(e.stdout, "\n%d problems, %d solved. Start one with 'offerloop problems start ID'.\n", len(rows), solved)
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func problemsShow(e *env, args []string) error {
	f := newFlags(e, "problems show", problemsUsage, false)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("problems show takes one problem id")
	}
	p, err := problem(pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s  (%s, %s)\n\n    %s\n\n%s\n", p.Title, p.Topic, p.Difficulty, p.Signature, strings.TrimSpace(p.Statement))
	for _, ex := range judge.Examples(p) {
		fmt.Fprintf(e.stdout, "\nExample: %s\n", ex.Name)
		for _, call := range ex.Calls {
			fmt.Fprintf(e.stdout, "%s\n%s(...) returns\n%s\n", indent(call.Input, "  "), p.Entry, indent(call.Output, "  "))
		}
		if !ex.Exact {
			fmt.Fprintln(e.stdout, "  (one correct output of several: this case is judged by properties)")
		}
	}
	fmt.Fprintf(e.stdout, "\nStart with: offerloop problems start %s\n", p.ID)
	return nil
}

func problemsStart(e *env, args []string) error {
	f := newFlags(e, "problems start", problemsUsage, false)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) < 1 || len(pos) > 2 {
		return usagef("problems start takes a problem id and, optionally, a directory")
	}
	p, err := problem(pos[0])
	if err != nil {
		return err
	}
	dir := "."
	if len(pos) == 2 {
		dir = pos[1]
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return errs.Invalidf("cannot create %s: %v", dir, errors.Unwrap(err))
	}
	path := filepath.Join(dir, strings.ReplaceAll(p.ID, "-", "_")+".py")
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return errs.Conflictf("%s already exists; it was left as it is", path)
		}
		return errs.Invalidf("cannot write %s: %v", path, errors.Unwrap(err))
	}
	header := fmt.Sprintf("# %s (%s, %s)\n# Statement: offerloop problems show %s\n# Grade:     offerloop judge %s %s\n\n", p.Title, p.Topic, p.Difficulty, p.ID, p.ID, path)
	if _, err := io.WriteString(out, header+p.Starter); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Wrote %s. Grade it with: offerloop judge %s %s\n", path, p.ID, path)
	return nil
}
