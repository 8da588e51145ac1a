package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/takehome"
)

const takehomeUsage = `usage: offerloop takehome check PATH [--format text|markdown|json] [--json] [--app ID]
       offerloop takehome list [--app ID] [--json]
       offerloop takehome show ID [--format text|markdown|json] [--json]

check  reviews an ML take-home the way a hiring reviewer does. PATH is a
       project folder, a notebook (.ipynb), a script (.py) or a .zip of the
       project. It looks for data leakage (preprocessing fitted before the
       split, train/test overlap, choosing a model on the test set, supervised
       steps outside cross-validation, time features with a shuffled split)
       and the other red flags reviewers reject for (README, tests,
       dependencies, hard-coded paths, notebooks not run top to bottom,
       committed data, seeds, baselines, metrics). Each finding has a rule, a
       severity (H, M, L), where it is, the code, and a fix; each category and
       the whole get a score out of 100. --app keeps the report with that
       application, as the web app does. The exit code is 0 whenever the check
       ran, whatever it found.
list   the stored reports, newest first (--app: one application's).
show   a stored report; --format markdown gives one to read or paste.
`

func runTakehome(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("takehome needs a subcommand: check, list or show")
	}
	switch args[0] {
	case "check":
		return takehomeCheck(ctx, e, args[1:])
	case "list":
		return takehomeList(ctx, e, args[1:])
	case "show":
		return takehomeShow(ctx, e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, takehomeUsage)
		return nil
	}
	return usagef("unknown takehome subcommand %q", args[0])
}

// takehomeFormat reads --format and --json into one of the report formats.
func takehomeFormat(f *flags, format string) (string, error) {
	switch strings.ToLower(format) {
	case "", "text":
		format = takehome.FormatText
	case "markdown", "md":
		format = takehome.FormatMarkdown
	case "json":
		format = takehome.FormatJSON
	default:
		return "", usagef("--format is text, markdown or json, not %q", format)
	}
	if f.wantJSON() {
		format = takehome.FormatJSON
	}
	return format, nil
}

func takehomeCheck(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "takehome check", takehomeUsage, true)
	format := f.String("format", "text", "text, markdown or json")
	appID := f.Int64("app", 0, "keep the report with this application")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("takehome check takes one path: a folder, a notebook, a script or a .zip")
	}
	out, err := takehomeFormat(f, *format)
	if err != nil {
		return err
	}
	if *appID < 0 {
		return usagef("--app takes an application id")
	}
	path := pos[0]
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	// With --app, the application must exist before the work is done.
	var s *session
	if *appID != 0 {
		if s, err = f.open(ctx); err != nil {
			return err
		}
		defer s.Close()
		if _, err := s.db.FindApplication(ctx, s.user.ID, *appID); err != nil {
			return err
		}
	}
	p, err := takehome.LoadPath(ctx, path)
	if err != nil {
		return errs.Invalidf("cannot check %s: %s", pos[0], strings.TrimPrefix(err.Error(), path+" "))
	}
	bar := newProgressBar(e.stderr)
	r, err := takehome.Check(ctx, p, takehome.Options{Progress: bar.update})
	bar.clear()
	if err != nil {
		return err
	}
	if s == nil {
		return takehome.Write(e.stdout, r, out)
	}
	saved := takehome.NewSaved(*appID, path, r, s.now())
	if err := s.db.SaveTakehome(ctx, s.user.ID, &saved); err != nil {
		return err
	}
	if err := takehome.Write(e.stdout, r, out); err != nil {
		return err
	}
	if out != takehome.FormatJSON {
		fmt.Fprintf(e.stdout, "\nSaved as take-home report %d with application %d (offerloop takehome show %d).\n", saved.ID, *appID, saved.ID)
	}
	return nil
}

func takehomeList(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "takehome list", takehomeUsage, true)
	appID := f.Int64("app", 0, "only this application's reports")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("takehome list takes no arguments")
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	if *appID != 0 {
		if _, err := s.db.FindApplication(ctx, s.user.ID, *appID); err != nil {
			return err
		}
	}
	rs, err := s.db.TakehomeReports(ctx, s.user.ID, *appID)
	if err != nil {
		return err
	}
	if f.wantJSON() {
		type row struct {
			ID            int64  `json:"id"`
			ApplicationID int64  `json:"application_id,omitempty"`
			Source        string `json:"source"`
			CheckedAt     string `json:"checked_at"`
			Score         int    `json:"score"`
			High          int    `json:"high"`
			Findings      int    `json:"findings"`
		}
		out := []row{}
		for _, r := range rs {
			out = append(out, row{r.ID, r.ApplicationID, r.Source, r.CheckedAt.UTC().Format("2006-01-02T15:04:05Z"), r.Score, r.High(), len(r.Report.Findings)})
		}
		return printJSON(e.stdout, out)
	}
	if len(rs) == 0 {
		fmt.Fprintln(e.stdout, "No take-home reports yet. Run: offerloop takehome check PATH --app ID")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCHECKED\tSCORE\tH\tAPP\tSOURCE")
	for _, r := range rs {
		app := "-"
		if r.ApplicationID != 0 {
			app = fmt.Sprint(r.ApplicationID)
		}
		fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%s\t%s\n", r.ID, r.CheckedAt.In(s.loc).Format("2006-01-02 15:04"), r.Score, r.High(), app, r.Source)
	}
	return tw.Flush()
}

func takehomeShow(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "takehome show", takehomeUsage, true)
	format := f.String("format", "text", "text, markdown or json")
	id, _, err := f.parseID(args, 1, true, "take-home report", "takehome show takes one report id")
	if err != nil {
		return err
	}
	out, err := takehomeFormat(f, *format)
	if err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	r, err := s.db.TakehomeReport(ctx, s.user.ID, id)
	if err != nil {
		return err
	}
	return takehome.Write(e.stdout, r.Report, out)
}

// progressBar draws a check's progress on a terminal, redrawn in place on
// one line. It draws nothing unless w is a terminal and there are enough
// sources to wait for.
type progressBar struct {
	w     io.Writer
	shown bool
}

// progressMin is how many sources a check needs before a bar is worth it.
const progressMin = 20

func newProgressBar(w io.Writer) *progressBar {
	if !isTerminal(w) {
		return &progressBar{}
	}
	return &progressBar{w: w}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (b *progressBar) update(done, total int) {
	if b.w == nil || total < progressMin {
		return
	}
	const width = 30
	n := done * width / total
	fmt.Fprintf(b.w, "\r[%s%s] %d/%d Python files", strings.Repeat("#", n), strings.Repeat(".", width-n), done, total)
	b.shown = true
}

func (b *progressBar) clear() {
	if b.shown {
		fmt.Fprint(b.w, "\r\033[K")
		b.shown = false
	}
}
