package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/offerloop/offerloop/internal/judge"
	"github.com/offerloop/offerloop/internal/practice"
)

// startBinary builds offerloop, runs "offerloop serve" on a free port and returns
// its URL. The server stops when the test ends.
func startBinary(t *testing.T, env ...string) string {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "offerloop")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(dir, "e2e.db"))
	cmd.Env = append(os.Environ(), env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
		}
		if t.Failed() {
			t.Logf("server log:\n%s", stderr.String())
		}
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the server's first line: %v (stderr: %s)", err, stderr.String())
	}
	url := regexp.MustCompile(`http://[0-9.:]+`).FindString(line)
	if url == "" {
		t.Fatalf("no URL in %q", line)
	}
	return url
}

// browser returns a chromedp context on Debian's headless Chromium, or skips
// the test when Chromium is missing (fails instead when
// OFFERLOOP_BROWSER_TEST=required, as test.sh sets).
func browser(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("OFFERLOOP_BROWSER_TEST") == "required" {
			t.Fatal("chromium is not installed; test.sh installs it (apt-get install chromium)")
		}
		t.Skip("chromium not installed; run ./test.sh to install it")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	// The first action starts the browser, which lives as long as the context of
	// that call: so no timeout here, only on each step.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func must(t *testing.T, ctx context.Context, step string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, actions...); err != nil {
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		t.Fatalf("%s: %v (at %s)", step, err, loc)
	}
}

// TestBrowserJourney walks the main path in a real browser against the real
// binary: create an application, move it through stages on the board and on its
// page, schedule an interview, find its thank-you task and checklist on Today,
// and see the funnel change.
func TestBrowserJourney(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := browser(t)
	base := startBinary(t, "TZ=UTC")

	must(t, ctx, "empty funnel",
		chromedp.Navigate(base+"/funnel"),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/applications/new"]`)))

	must(t, ctx, "create an application",
		chromedp.Navigate(base+"/applications/new"),
		chromedp.WaitVisible(chromedp.CSS(`#company`)),
		chromedp.SendKeys(chromedp.CSS(`#company`), "Acme AI"),
		chromedp.SetValue(chromedp.CSS(`#kind`), "big-tech"),
		chromedp.SendKeys(chromedp.CSS(`#role`), "Senior ML Engineer"),
		chromedp.Submit(chromedp.CSS(`#role`)),
		chromedp.WaitVisible(chromedp.CSS(`#h-move`)),
	)
	if h := text(t, ctx, "h1"); !strings.Contains(h, "Senior ML Engineer") {
		t.Errorf("application page heading = %q", h)
	}

	must(t, ctx, "move on the board",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(`.card form.move select`)),
		chromedp.SetValue(chromedp.CSS(`.card form.move select`), "phone_screen"),
		chromedp.Submit(chromedp.CSS(`.card form.move select`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-column="phone_screen"] .card`)),
	)

	must(t, ctx, "move on the application page",
		chromedp.Click(chromedp.CSS(`[data-column="phone_screen"] .card a.card-title`)),
		chromedp.WaitVisible(chromedp.CSS(`#target`)),
		chromedp.SetValue(chromedp.CSS(`#target`), "Onsite"),
		chromedp.Submit(chromedp.CSS(`#target`)),
		chromedp.WaitVisible(chromedp.CSS(`#h-move`)),
	)
	if cur := text(t, ctx, ".stepper li.current"); !strings.Contains(cur, "Onsite") {
		t.Errorf("current stage = %q, want Onsite", cur)
	}

	// An interview that ended an hour ago: its thank-you note is now due.
	at := time.Now().UTC().Add(-2 * time.Hour)
	must(t, ctx, "schedule an interview",
		chromedp.Click(chromedp.CSS(`section[aria-labelledby="h-iv"] details summary`)),
		chromedp.WaitVisible(chromedp.CSS(`#iv-kind`)),
		chromedp.SetValue(chromedp.CSS(`#iv-kind`), "ml_system_design"),
		chromedp.SetValue(chromedp.CSS(`#iv-date`), at.Format("2006-01-02")),
		chromedp.SetValue(chromedp.CSS(`#iv-time`), at.Format("15:04")),
		chromedp.SendKeys(chromedp.CSS(`#iv-people`), "Maya Chen <maya@acme.test>"),
		chromedp.Submit(chromedp.CSS(`#iv-people`)),
		chromedp.WaitVisible(chromedp.CSS(`#ty-body`)), // the interview page, with its thank-you draft
	)
	if draft, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(`#ty-body`))); err != nil || !strings.Contains(draft, "Hi Maya") {
		t.Errorf("thank-you draft = %q, %v; want it addressed to Maya", draft, err)
	}

	must(t, ctx, "today",
		chromedp.Navigate(base+"/today"),
		chromedp.WaitVisible(chromedp.CSS(`h1`)),
	)
	page := text(t, ctx, "main")
	for _, want := range []string{"thank-you note", "Maya", "Checklist"} {
		if !strings.Contains(strings.ToLower(page), strings.ToLower(want)) {
			t.Errorf("Today lacks %q:\n%s", want, page)
		}
	}

	must(t, ctx, "funnel",
		chromedp.Navigate(base+"/funnel"),
		chromedp.WaitVisible(chromedp.CSS(`svg.sankey`)),
	)
	funnel := text(t, ctx, "ol.bands")
	counts := regexp.MustCompile(`(Applied|Screen|Onsite|Offer)\s+(\d+)`).FindAllStringSubmatch(funnel, -1)
	got := map[string]string{}
	for _, m := range counts {
		got[m[1]] = m[2]
	}
	if want := map[string]string{"Applied": "1", "Screen": "1", "Onsite": "1", "Offer": "0"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("funnel bands = %v, want %v (text %q)", got, want, funnel)
	}
}

// TestBrowserProblem solves a problem in the real editor against the real
// binary and its sandboxed judge: CodeMirror enhances the textarea, the
// reference solution goes in through CodeMirror's API, Run grades it, and the
// verdict shows on the page; the list then marks the problem solved.
func TestBrowserProblem(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	if _, err := judge.Problems(); err != nil {
		t.Fatalf("judge.Problems: %v", err)
	}
	p, ok := judge.Get("softmax")
	if !ok {
		t.Fatal("no softmax problem")
	}
	ctx := browser(t)
	base := startBinary(t, "TZ=UTC")

	must(t, ctx, "problem list",
		chromedp.Navigate(base+"/problems"),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/problems/softmax"]`)))
	must(t, ctx, "open softmax",
		chromedp.Click(chromedp.CSS(`a[href="/problems/softmax"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.CodeMirror`)))
	if h := text(t, ctx, "h1"); h != p.Title {
		t.Errorf("problem heading = %q, want %q", h, p.Title)
	}
	code, _ := json.Marshal(p.Solution)
	set, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const cm = document.querySelector('.CodeMirror').CodeMirror;
		cm.setValue(`+string(code)+`);
		return cm.getValue() === `+string(code)+`;
	})()`))
	if err != nil || !set {
		t.Fatalf("setting the editor's code: %v (set %v)", err, set)
	}
	must(t, ctx, "run",
		chromedp.Click(chromedp.CSS(`#run`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-verdict="accepted"]`)))
	if v := text(t, ctx, "#result h2"); !strings.Contains(strings.ToLower(v), "accepted") {
		t.Errorf("verdict = %q, want accepted", v)
	}
	if h := text(t, ctx, ".attempts"); !strings.Contains(h, "Accepted") {
		t.Errorf("history = %q, want the accepted attempt", h)
	}
	must(t, ctx, "marked solved",
		chromedp.Navigate(base+"/problems"),
		chromedp.WaitVisible(chromedp.CSS(`tr[data-problem="softmax"][data-mark="solved"]`)))
}

// TestBrowserDesignSession runs a timed ML system design session in the real
// browser against the real binary: the step's clock ticks, notes are typed in
// each of the seven steps and Next moves on (practice.js posts each step's
// time with its notes), then ticking rubric points scores the session, and
// the history shows it with its score.
func TestBrowserDesignSession(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	lib, err := practice.Load()
	if err != nil {
		t.Fatalf("practice.Load: %v", err)
	}
	p := lib.Design.Prompts[0]
	ctx := browser(t)
	base := startBinary(t, "TZ=UTC")

	must(t, ctx, "prompt list",
		chromedp.Navigate(base+"/design"),
		chromedp.WaitVisible(chromedp.CSS(`tr[data-prompt="`+p.ID+`"] a`)))
	must(t, ctx, "open the prompt",
		chromedp.Click(chromedp.CSS(`tr[data-prompt="`+p.ID+`"] a`)),
		chromedp.WaitVisible(chromedp.CSS(`#start`)))
	must(t, ctx, "start",
		chromedp.Click(chromedp.CSS(`#start`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-step-clock]`)))

	// ticks waits for the step's clock to move on, and reports its text
	// before and after.
	ticks := func(step string) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		got, err := chromedp.Run(sctx, chromedp.Evaluate[[]string](`(async () => {
			const c = document.querySelector('[data-step-clock]');
			const before = c.textContent;
			for (let i = 0; i < 40; i++) {
				await new Promise(r => setTimeout(r, 100));
				if (c.textContent !== before) return [before, c.textContent];
			}
			return [before, before];
		})()`, chromedp.EvalAwaitPromise))
		if err != nil || len(got) != 2 {
			t.Fatalf("%s: reading the clock: %v", step, err)
		}
		if got[0] == got[1] || !regexp.MustCompile(`^\d+:\d\d$`).MatchString(got[1]) {
			t.Errorf("%s: the step clock went from %q to %q in 4 s, want it to tick", step, got[0], got[1])
		}
	}
	for i, st := range lib.Design.Steps {
		if h := text(t, ctx, "#h-step"); h != st.Name {
			t.Fatalf("step %d heading = %q, want %q", i+1, h, st.Name)
		}
		if i == 0 || i == len(lib.Design.Steps)-1 {
			ticks(st.ID)
		}
		next := chromedp.WaitVisible(chromedp.CSS(`#save-score`))
		if i+1 < len(lib.Design.Steps) {
			next = chromedp.WaitVisible(chromedp.CSS(`section[data-step="` + lib.Design.Steps[i+1].ID + `"]`))
		}
		must(t, ctx, "step "+st.ID,
			chromedp.SendKeys(chromedp.CSS(`#notes`), "My "+st.Name+" notes: 200M daily users, p99 150 ms."),
			chromedp.Click(chromedp.CSS(`#next`)),
			next)
	}

	// The scoring view: the notes next to the rubric.
	if notes := text(t, ctx, `fieldset[data-rubric="evaluation"] .your-notes`); !strings.Contains(notes, "My Evaluation notes") {
		t.Errorf("the evaluation notes = %q", notes)
	}
	must(t, ctx, "score",
		chromedp.Click(chromedp.CSS(`#rub-problem-0`)),
		chromedp.Click(chromedp.CSS(`#rub-problem-1`)),
		chromedp.Click(chromedp.CSS(`#rub-evaluation-0`)),
		chromedp.Click(chromedp.CSS(`#save-score`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-total-score]`)))
	total := 0
	for _, st := range lib.Design.Steps {
		total += len(p.Rubric[st.ID])
	}
	want := fmt.Sprintf("%d%%", 3*100/total)
	if got := text(t, ctx, `[data-total-score]`); got != want {
		t.Errorf("score = %q, want %s", got, want)
	}
	if row := text(t, ctx, `tr[data-step-score="problem"]`); !strings.Contains(row, fmt.Sprintf("2 of %d", len(p.Rubric["problem"]))) {
		t.Errorf("problem row = %q, want 2 of %d points", row, len(p.Rubric["problem"]))
	}
	// The first step took at least the second the clock was watched:
	// practice.js posted the time it counted.
	if first := text(t, ctx, `.session-steps li:first-child`); strings.Contains(first, "0:00") {
		t.Errorf("the first step = %q, want its time counted", first)
	}

	must(t, ctx, "history",
		chromedp.Navigate(base+"/design"),
		chromedp.WaitVisible(chromedp.CSS(`tr[data-session] [data-score]`)))
	if got := text(t, ctx, `tr[data-session] [data-score]`); got != want {
		t.Errorf("history score = %q, want %s", got, want)
	}
	if row := text(t, ctx, `tr[data-session]`); !strings.Contains(row, p.Title) {
		t.Errorf("history row = %q, want the prompt %q", row, p.Title)
	}
}
