package web_test

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

// browser starts Debian's headless Chromium, or skips when it is missing
// (fails instead when OFFERLOOP_BROWSER_TEST=required).
func browser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("OFFERLOOP_BROWSER_TEST") == "required" {
			t.Fatal("chromium is not installed (apt-get install chromium)")
		}
		t.Skip("chromium not installed")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// TestBrowserDragToMove drags a card onto another column: app.js posts the
// card's move form with fetch and moves the card without a reload. A refused
// move leaves the card where it was.
func TestBrowserDragToMove(t *testing.T) {
	ctx := browser(t)
	e := newEnv(t, web.Config{Now: time.Now})
	a := e.addApp("Quillon", tracker.MidSize, "Applied Scientist", tracker.DateOf(time.Now().AddDate(0, 0, -3)))
	big := e.addApp("Northwind AI", tracker.BigTech, "ML Engineer", tracker.DateOf(time.Now().AddDate(0, 0, -3)))
	ts := httptest.NewServer(e.srv)
	t.Cleanup(ts.Close)

	drag := func(a *tracker.Application, column string) string {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		col, err := chromedp.Run(sctx, chromedp.Evaluate[string](`(async () => {
			const card = document.querySelector('.card[data-app="`+itoa(a.ID)+`"]');
			const col = document.querySelector('[data-column="`+column+`"]');
			const dt = new DataTransfer();
			card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt}));
			col.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt}));
			col.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: dt}));
			card.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: dt}));
			for (let i = 0; i < 40; i++) {
				await new Promise(r => setTimeout(r, 50));
				if (card.closest('[data-column]').dataset.column === '`+column+`') break;
			}
			return card.closest('[data-column]').dataset.column;
		})()`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("drag to %s: %v", column, err)
		}
		return col
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`.card`))); err != nil {
		t.Fatal(err)
	}
	if got := drag(a, "onsite"); got != "onsite" {
		t.Errorf("after dragging to Onsite the card is in %q", got)
	}
	if got := e.app(a.ID).State.StageKind; got != tracker.Onsite {
		t.Errorf("stage after the drag = %q, want onsite", got)
	}
	// Big tech's loop has no take-home stage: the server refuses the move and
	// the card stays where it was.
	if got := drag(big, "take_home"); got != "applied" {
		t.Errorf("a refused drag left the card in %q, want applied", got)
	}
	if got := e.app(big.ID).State.StageKind; got != tracker.Applied {
		t.Errorf("stage after a refused drag = %q, want applied", got)
	}
	msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('.toast') || {}).textContent || ''`))
	if err != nil || !strings.Contains(msg, "no Take-home stage") {
		t.Errorf("refusal message = %q, %v; want the server's reason", msg, err)
	}
}

// TestBrowserThankYouCopy checks that the Copy button appears with JavaScript
// and that the draft stays selectable text.
func TestBrowserThankYouCopy(t *testing.T) {
	ctx := browser(t)
	e := newEnv(t, web.Config{})
	a := e.addApp("Northwind AI", tracker.BigTech, "ML Engineer", tracker.NewDate(2026, 11, 1))
	iv := &tracker.Interview{UserID: e.user.ID, ApplicationID: a.ID, Kind: tracker.RoundBehavioral, Title: "Behavioral",
		At: testNow.Add(-3 * time.Hour), Minutes: 45, Interviewers: []tracker.Interviewer{{Name: "Priya Raman", Email: "priya@northwind.example"}}}
	if err := e.db.ScheduleInterview(context.Background(), iv); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(e.srv)
	t.Cleanup(ts.Close)
	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, chromedp.Navigate(ts.URL+"/interviews/"+itoa(iv.ID)), chromedp.WaitVisible(chromedp.CSS(`#ty-body`))); err != nil {
		t.Fatal(err)
	}
	hidden, err := chromedp.Run(sctx, chromedp.Evaluate[bool](`document.querySelector('[data-copy]').hidden`))
	if err != nil || hidden {
		t.Errorf("Copy button hidden = %v (%v), want it shown when the clipboard API exists", hidden, err)
	}
	draft, err := chromedp.Run(sctx, chromedp.Value(chromedp.CSS(`#ty-body`)))
	if err != nil || len(draft) == 0 || draft[:8] != "Hi Priya" {
		t.Errorf("draft = %q, %v", draft, err)
	}
}
