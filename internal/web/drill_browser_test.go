package web_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/offerloop/offerloop/internal/fsrs"
	"github.com/offerloop/offerloop/internal/web"
)

// TestBrowserDrillKeys reviews with the keyboard: Space reveals the answer
// without a page load, 3 rates it Good, and app.js swaps in the next card.
func TestBrowserDrillKeys(t *testing.T) {
	ctx := browser(t)
	e := newDrillEnv(t, web.Config{})
	ts := httptest.NewServer(e.srv)
	t.Cleanup(ts.Close)
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()

	if err := chromedp.Do(sctx, chromedp.Navigate(ts.URL+"/drill?topic=metrics"), chromedp.WaitVisible(chromedp.CSS(`[data-reveal]`))); err != nil {
		t.Fatal(err)
	}
	first, err := chromedp.Run(sctx, chromedp.Evaluate[string](`window.__sameDoc = true, document.querySelector('[data-card]').dataset.card`))
	if err != nil || first == "" {
		t.Fatalf("first card = %q, %v", first, err)
	}
	hidden := func() bool {
		h, err := chromedp.Run(sctx, chromedp.Evaluate[bool](`document.querySelector('[data-answer]').hidden`))
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	if !hidden() {
		t.Fatal("the answer is shown before Space")
	}
	// Keys 1–4 do nothing before the answer is shown.
	if err := chromedp.Do(sctx, chromedp.KeyEvent("3")); err != nil {
		t.Fatal(err)
	}
	if n := len(e.reviews()); n != 0 {
		t.Fatalf("3 before the reveal recorded %d reviews", n)
	}
	if err := chromedp.Do(sctx, chromedp.KeyEvent(" ")); err != nil {
		t.Fatal(err)
	}
	if hidden() {
		t.Fatal("Space did not reveal the answer")
	}
	time.Sleep(300 * time.Millisecond) // a little thinking time, for the duration
	if err := chromedp.Do(sctx, chromedp.KeyEvent("3")); err != nil {
		t.Fatal(err)
	}
	next, err := chromedp.Run(sctx, chromedp.Evaluate[string](`(async () => {
		for (let i = 0; i < 60; i++) {
			const c = document.querySelector('[data-card]');
			if (c && c.dataset.card !== '`+first+`') return c.dataset.card;
			await new Promise(r => setTimeout(r, 50));
		}
		return '';
	})()`, chromedp.EvalAwaitPromise))
	if err != nil || next == "" {
		t.Fatalf("no next card after pressing 3 (%v)", err)
	}
	same, err := chromedp.Run(sctx, chromedp.Evaluate[bool](`window.__sameDoc === true`))
	if err != nil || !same {
		t.Error("rating reloaded the page instead of swapping the card")
	}
	rs := e.reviews()
	if len(rs) != 1 || rs[0].CardID != first || rs[0].Rating != fsrs.Good {
		t.Fatalf("reviews = %+v, want one Good of %s", rs, first)
	}
	if rs[0].DurationMS < 250 {
		t.Errorf("duration = %d ms, want the time measured by the page (≥ 300)", rs[0].DurationMS)
	}
	if !hidden() {
		t.Error("the next card's answer is already shown")
	}
}
